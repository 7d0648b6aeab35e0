import {
  BOUNDS,
  textOut,
  type Bound,
  type FormErrors,
  type Rest,
  type TextPair,
} from './formParts';
import type { CombinationCondition, CombinationRule, RuleLevel } from './pathways';

/**
 * Combination rules in the editor: two or more signals of different activities within a number
 * of days (e.g. weight up 2 kg in 3 days AND more breathless) give a level. A condition names an
 * activity and, optionally, the code one of its rules is on (a LOINC code, a score or a question)
 * and the least level that rule must have given. Like the rest of the form, every row keeps in
 * `rest` the stored fields it has no control for.
 */

export const MAX_CONDITIONS = 4;

/**
 * What the functions here read of the pathway form (pathwayForm.ts's `PathwayForm` has these
 * fields): named here so this file need not import the form that imports it.
 */
interface RuleSources {
  activities: ReadonlyArray<{
    id: string;
    thresholds: ReadonlyArray<Record<Bound, string> & { code: string }>;
    trends: ReadonlyArray<{ code: string }>;
    triggers: ReadonlyArray<{ linkId: string }>;
  }>;
  combinations: readonly CombinationRow[];
}

export interface ConditionRow {
  key: string;
  activityId: string;
  /** '' for any rule of the activity. */
  code: string;
  /** '' for at least yellow. */
  atLeast: '' | RuleLevel;
  rest: Rest;
}

export interface CombinationRow {
  key: string;
  id: string;
  withinDays: string;
  level: RuleLevel;
  description: TextPair;
  conditions: ConditionRow[];
  rest: Rest;
}

let sequence = 0;
const nextKey = (prefix: string) => `${prefix}-c${(sequence += 1)}`;

export function newConditionRow(activityId = ''): ConditionRow {
  return { key: nextKey('condition'), activityId, code: '', atLeast: '', rest: {} };
}

/** A new rule with an id not yet used and two empty conditions. */
export function newCombinationRow(existing: CombinationRow[]): CombinationRow {
  const used = new Set(existing.map((c) => c.id));
  let n = existing.length + 1;
  while (used.has(`combination-${n}`)) n += 1;
  return {
    key: nextKey('combination'),
    id: `combination-${n}`,
    withinDays: '3',
    level: 'RED',
    description: { nb: '', en: '' },
    conditions: [newConditionRow(), newConditionRow()],
    rest: {},
  };
}

function text(value: string | null | undefined): string {
  return value ?? '';
}

function toConditionRow(condition: CombinationCondition): ConditionRow {
  const { activityId, code, atLeast, ...rest } = condition;
  return {
    key: nextKey('condition'),
    activityId: text(activityId),
    code: text(code),
    atLeast: atLeast === 'YELLOW' || atLeast === 'RED' ? atLeast : '',
    // a level this client does not know stays as it came
    rest: atLeast && atLeast !== 'YELLOW' && atLeast !== 'RED' ? { ...rest, atLeast } : rest,
  };
}

/** The rows of stored rules. A rule's `description: null` stays in `rest`, so it comes back. */
export function fromCombinations(rules: CombinationRule[] | null | undefined): CombinationRow[] {
  return (rules ?? []).map((rule) => {
    const { id, conditions, withinDays, level, description, ...rest } = rule;
    return {
      key: nextKey('combination'),
      id: text(id),
      withinDays: withinDays === null || withinDays === undefined ? '' : String(withinDays),
      level,
      description: {
        nb: text(description?.nb),
        en: text(description?.en),
        ...(description ? { stored: description as unknown as Rest } : {}),
      },
      conditions: (conditions ?? []).map(toConditionRow),
      // a stored description without text (null) comes back as it was
      rest:
        !(description?.nb || description?.en) && 'description' in rule
          ? { ...rest, description }
          : rest,
    };
  });
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toCombinations(rows: CombinationRow[]): CombinationRule[] {
  return rows.map((row) => {
    const described = row.description.nb.trim() !== '' || row.description.en.trim() !== '';
    const days = row.withinDays.trim();
    return {
      ...row.rest,
      id: row.id.trim(),
      conditions: row.conditions.map((c) => ({
        ...c.rest,
        activityId: c.activityId,
        code: blankToNull(c.code),
        atLeast: c.atLeast === '' ? ((c.rest.atLeast as RuleLevel | undefined) ?? null) : c.atLeast,
      })),
      withinDays: /^\d+$/.test(days) ? Number(days) : 0,
      level: row.level,
      ...(described
        ? { description: textOut({ ...row.description, stored: row.description.stored ?? {} }) }
        : {}),
    };
  });
}

/** The codes an activity's rules give reasons on: what a condition can name. */
export function ruleCodes(form: RuleSources, activityId: string): string[] {
  const activity = form.activities.find((a) => a.id === activityId);
  if (!activity) return [];
  const codes = [
    ...activity.thresholds
      .filter((row) => BOUNDS.some((bound) => row[bound].trim() !== ''))
      .map((row) => row.code),
    ...activity.trends.map((row) => row.code),
    ...activity.triggers.map((row) => row.linkId),
  ].filter((code) => code.trim() !== '');
  return [...new Set(codes)];
}

/** What is missing or unreadable before asking the server. */
export function validateCombinations(form: RuleSources, errors: FormErrors): void {
  const add = (field: string, code: string) => {
    if (!errors[field]) errors[field] = { field, code };
  };
  const seen = new Set<string>();
  form.combinations.forEach((row, i) => {
    const path = `combinations[${i}]`;
    if (!/^[A-Za-z0-9-]{1,40}$/.test(row.id.trim())) add(`${path}.id`, 'format');
    else if (seen.has(row.id.trim())) add(`${path}.id`, 'duplicate');
    seen.add(row.id.trim());
    const days = row.withinDays.trim();
    if (days === '') add(`${path}.withinDays`, 'required');
    else if (!/^\d+$/.test(days)) add(`${path}.withinDays`, 'number');
    if (row.conditions.length < 2) add(`${path}.conditions`, 'range');
    row.conditions.forEach((condition, c) => {
      if (condition.activityId === '') add(`${path}.conditions[${c}].activityId`, 'required');
    });
  });
}

/** Every path the combination fields show a message at. */
export function combinationPaths(form: RuleSources, paths: Set<string>): void {
  paths.add('combinations');
  form.combinations.forEach((row, i) => {
    const p = `combinations[${i}]`;
    [p, `${p}.id`, `${p}.withinDays`, `${p}.level`, `${p}.conditions`].forEach((x) => paths.add(x));
    paths.add(`${p}.description.nb`);
    paths.add(`${p}.description.en`);
    row.conditions.forEach((_, c) => {
      const cp = `${p}.conditions[${c}]`;
      [cp, `${cp}.activityId`, `${cp}.code`, `${cp}.atLeast`].forEach((x) => paths.add(x));
    });
  });
}
