import type { FieldError } from '@heima/web-common/problem';
import {
  LEVELS,
  WEEKDAYS,
  shortTime,
  type Activity,
  type ActivityType,
  type AnswerTrigger,
  type Level,
  type PathwayDefinition,
  type ResponseTimes,
  type RuleLevel,
  type ScheduleKind,
  type Threshold,
  type TrendRule,
  type Weekday,
} from './pathways';
import { vitalInfo, isVital, type Vital } from './vitals';
import { BOUNDS, textOut, type FormErrors, type Rest, type TextPair } from './formParts';
export {
  BOUNDS,
  textOut,
  type Bound,
  type FormErrors,
  type Rest,
  type TextPair,
} from './formParts';
import {
  combinationPaths,
  fromCombinations,
  toCombinations,
  validateCombinations,
  type CombinationRow,
} from './combinationForm';

/**
 * The pathway editor's state: what the person typed, as strings, shaped like the definition so
 * that a field's path in the form is the same as the server's path in a validation problem
 * (`activities[0].schedule.windowEnd`). Only thresholds differ: the form shows a row per
 * measurement component whether or not it is filled in, the definition carries the filled ones,
 * so `toDefinition` returns which row each sent threshold came from.
 *
 * The form never drops what it does not show: every object keeps, in `rest`, the fields of the
 * stored definition it has no control for (a field added to the API later, or one another screen
 * edits), and `toDefinition` sends them back unchanged. Saving without edits gives back the stored
 * definition.
 */

export interface ThresholdRow {
  /** React key; stable while the row exists. */
  key: string;
  code: string;
  redLow: string;
  yellowLow: string;
  yellowHigh: string;
  redHigh: string;
  rest: Rest;
}

export type TrendDirection = 'rise' | 'fall';

/** A trend rule as typed: `amount` is the rise or the fall, by `direction`. */
export interface TrendRow {
  key: string;
  code: string;
  direction: TrendDirection;
  amount: string;
  windowDays: string;
  level: RuleLevel;
  rest: Rest;
}

/**
 * An answer trigger as typed: fires when the answer reaches `atLeast` (a number, or an option's
 * ordinal value), or when the chosen answer is one of `codes` (comma-separated).
 */
export interface TriggerRow {
  key: string;
  linkId: string;
  atLeast: string;
  codes: string;
  level: RuleLevel;
  rest: Rest;
}

export interface ScheduleForm {
  kind: ScheduleKind;
  windowStart: string;
  windowEnd: string;
  weekdays: Weekday[];
  intervalDays: string;
  /** Day numbers as typed, e.g. "1, 7, 14, 30, 90". */
  days: string;
  durationDays: string;
  rest: Rest;
}

export interface ActivityForm {
  key: string;
  id: string;
  type: ActivityType;
  /** The title in bokmål (or as first written, for a definition from before both languages). */
  title: string;
  titleEn: string;
  /** Whether `titles` (both languages) is sent; true once stored or an English title is typed. */
  bilingual: boolean;
  /** The stored `titles` object, for the fields of it the form does not show. */
  titlesStored?: Rest;
  questionnaireUrl: string;
  questionnaireVersion: string;
  vital: Vital | '';
  schedule: ScheduleForm;
  thresholds: ThresholdRow[];
  trends: TrendRow[];
  triggers: TriggerRow[];
  rest: Rest;
  /** Collected, not monitored: the explicit choice for an activity with no rule, with why. */
  collectOnly: boolean;
  collectOnlyReason: TextPair;
}

export interface PathwayForm {
  /** The name in bokmål (or as first written, for a definition from before both languages). */
  name: string;
  nameEn: string;
  /** Whether `names` (both languages) is sent; true once stored or an English name is typed. */
  bilingual: boolean;
  /** The stored `names` object, for the fields of it the form does not show. */
  namesStored?: Rest;
  description: TextPair;
  activities: ActivityForm[];
  advice: Record<Level, TextPair>;
  /** Fields of the stored advice object other than the levels, sent back as they came. */
  adviceRest?: Rest;
  combinations: CombinationRow[];
  /** Red within hours, yellow within working days; blank: the worklist's defaults. */
  responseTimes: ResponseTimesForm;
  rest: Rest;
}

export interface ResponseTimesForm {
  redHours: string;
  yellowWorkingDays: string;
  /** The stored object as it came (null or absent when there was none), for a save without edits. */
  stored?: Record<string, unknown> | null;
}

let keySequence = 0;
function nextKey(prefix: string): string {
  keySequence += 1;
  return `${prefix}-${keySequence}`;
}

function emptyRow(code = ''): ThresholdRow {
  return {
    key: nextKey('threshold'),
    code,
    redLow: '',
    yellowLow: '',
    yellowHigh: '',
    redHigh: '',
    rest: {},
  };
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function emptySchedule(): ScheduleForm {
  return {
    kind: 'DAILY',
    windowStart: '07:00',
    windowEnd: '11:00',
    weekdays: [],
    intervalDays: '',
    days: '',
    durationDays: '',
    rest: {},
  };
}

export function emptyForm(): PathwayForm {
  const pair = () => ({ nb: '', en: '' });
  return {
    name: '',
    nameEn: '',
    bilingual: false,
    description: pair(),
    activities: [],
    advice: { green: pair(), yellow: pair(), red: pair() },
    combinations: [],
    responseTimes: { redHours: '', yellowWorkingDays: '' },
    rest: {},
  };
}

/** One row per component of the vital, in the catalogue's order. */
export function thresholdRowsFor(vital: Vital | ''): ThresholdRow[] {
  return vital === '' ? [] : vitalInfo(vital).components.map((c) => emptyRow(c.code));
}

export function newThresholdRow(): ThresholdRow {
  return emptyRow();
}

/** A new activity with an id not yet used in the form. */
export function newActivity(type: ActivityType, existing: ActivityForm[]): ActivityForm {
  const used = new Set(existing.map((a) => a.id));
  let n = existing.length + 1;
  while (used.has(`activity-${n}`)) n += 1;
  return {
    key: nextKey('activity'),
    id: `activity-${n}`,
    type,
    title: '',
    titleEn: '',
    bilingual: false,
    questionnaireUrl: '',
    questionnaireVersion: '',
    vital: '',
    schedule: emptySchedule(),
    thresholds: [],
    trends: [],
    triggers: [],
    rest: {},
    collectOnly: false,
    collectOnlyReason: { nb: '', en: '' },
  };
}

/** A new trend rule; for a measurement with one value, on that value. */
export function newTrendRow(vital: Vital | ''): TrendRow {
  const components = vital === '' ? [] : vitalInfo(vital).components;
  return {
    key: nextKey('trend'),
    code: components.length === 1 ? (components[0]?.code ?? '') : '',
    direction: 'rise',
    amount: '',
    windowDays: '',
    level: 'YELLOW',
    rest: {},
  };
}

export function newTriggerRow(): TriggerRow {
  return {
    key: nextKey('trigger'),
    linkId: '',
    atLeast: '',
    codes: '',
    level: 'YELLOW',
    rest: {},
  };
}

function toTrendRow(rule: TrendRule): TrendRow {
  const { code, windowDays, rise, fall, level, ...rest } = rule;
  const falls = (rise === null || rise === undefined) && fall !== null && fall !== undefined;
  return {
    key: nextKey('trend'),
    code: code ?? '',
    direction: falls ? 'fall' : 'rise',
    amount: numberText(falls ? fall : rise),
    windowDays: numberText(windowDays),
    level,
    rest: {
      ...rest,
      // Both set is not valid, but a stored one must come back as it was: keep the one not shown.
      ...(!falls && fall !== null && fall !== undefined ? { fall } : {}),
    },
  };
}

function toTriggerRow(trigger: AnswerTrigger): TriggerRow {
  const { linkId, atLeast, codes, level, ...rest } = trigger;
  return {
    key: nextKey('trigger'),
    linkId: linkId ?? '',
    atLeast: numberText(atLeast),
    codes: (codes ?? []).join(', '),
    level,
    rest,
  };
}

function toRow(threshold: Threshold | undefined, code: string): ThresholdRow {
  const { redLow, yellowLow, yellowHigh, redHigh, ...others } = threshold ?? { code };
  const rest: Rest = { ...others };
  delete rest.code;
  return {
    ...emptyRow(code),
    rest,
    redLow: numberText(redLow),
    yellowLow: numberText(yellowLow),
    yellowHigh: numberText(yellowHigh),
    redHigh: numberText(redHigh),
  };
}

function activityForm(activity: Activity): ActivityForm {
  const {
    id,
    type,
    title,
    questionnaireUrl,
    questionnaireVersion,
    vital: storedVital,
    schedule,
    thresholds: storedThresholds,
    trends,
    triggers,
    titles,
    ...others
  } = activity;
  const bilingual = hasText(titles);
  // `titles: null` as stored stays in rest, so it comes back as it was
  const rest: Rest = !bilingual && 'titles' in activity ? { ...others, titles } : others;
  const vital = isVital(storedVital) ? storedVital : '';
  const stored = storedThresholds ?? [];
  const componentRows = type === 'MEASUREMENT' ? thresholdRowsFor(vital) : [];
  const shown = new Set(componentRows.map((row) => row.code));
  const thresholds = [
    ...componentRows.map((row) =>
      toRow(
        stored.find((t) => t.code === row.code),
        row.code,
      ),
    ),
    // A bound on a code the measurement does not have (or any score bound) stays a row of its own.
    ...stored.filter((t) => !shown.has(t.code)).map((t) => toRow(t, t.code)),
  ];
  const {
    kind,
    windowStart,
    windowEnd,
    weekdays,
    intervalDays,
    days,
    durationDays,
    ...scheduleRest
  } = schedule;
  return {
    key: nextKey('activity'),
    id,
    type,
    title: bilingual ? (titles?.nb ?? '') : (title ?? ''),
    titleEn: bilingual ? (titles?.en ?? '') : '',
    ...(bilingual && titles ? { titlesStored: titles as unknown as Rest } : {}),
    bilingual,
    questionnaireUrl: questionnaireUrl ?? '',
    questionnaireVersion: questionnaireVersion ?? '',
    vital,
    schedule: {
      kind,
      windowStart: shortTime(windowStart),
      windowEnd: shortTime(windowEnd),
      weekdays: WEEKDAYS.filter((day) => weekdays?.includes(day)),
      intervalDays: numberText(intervalDays),
      days: (days ?? []).join(', '),
      durationDays: numberText(durationDays),
      rest: scheduleRest,
    },
    thresholds,
    trends: (trends ?? []).map(toTrendRow),
    triggers: (triggers ?? []).map(toTriggerRow),
    rest: {
      ...rest,
      // A vital this client does not know yet is kept as it came.
      ...(storedVital && !isVital(storedVital) ? { vital: storedVital } : {}),
    },
    // also kept in rest, so an unchanged definition goes back exactly as it came
    collectOnly: activity.collectOnly === true,
    collectOnlyReason: pair(activity.collectOnlyReason),
  };
}

function pair(text: { nb: string | null; en: string | null } | null | undefined): TextPair {
  return {
    nb: text?.nb ?? '',
    en: text?.en ?? '',
    ...(text !== undefined ? { stored: text as Record<string, unknown> | null } : {}),
  };
}

function hasText(text: { nb: string | null; en: string | null } | null | undefined): boolean {
  return Boolean(text?.nb?.trim() || text?.en?.trim());
}

/** `title`/`name` as first written and both languages, from the form's two fields. */
function bothLanguages(nb: string, en: string, bilingual: boolean, stored?: Rest) {
  const plain = nb.trim() || en.trim();
  const both = bilingual || en.trim() !== '';
  return { plain, both: both ? textOut({ nb, en, stored: stored ?? {} }) : null };
}

/** The fields of a stored advice object other than the three levels. */
function adviceRest(advice: PathwayDefinition['advice'] | undefined): Rest {
  if (!advice) return {};
  const { green: _green, yellow: _yellow, red: _red, ...rest } = advice;
  void _green;
  void _yellow;
  void _red;
  return rest;
}

/** The form for an existing definition (a draft or the latest version). */
export function fromDefinition(definition: PathwayDefinition): PathwayForm {
  const { name, description, activities, advice, names, combinations, responseTimes, ...others } =
    definition;
  const bilingual = hasText(names);
  const rest: Rest = !bilingual && 'names' in definition ? { ...others, names } : others;
  // an empty list as stored stays in rest, so it comes back as it was
  if ('combinations' in definition && !combinations?.length) rest.combinations = combinations;
  return {
    name: bilingual ? (names?.nb ?? '') : (name ?? ''),
    nameEn: bilingual ? (names?.en ?? '') : '',
    ...(bilingual && names ? { namesStored: names as unknown as Rest } : {}),
    bilingual,
    combinations: fromCombinations(combinations),
    description: pair(description),
    activities: (activities ?? []).map(activityForm),
    advice: {
      green: pair(advice?.green),
      yellow: pair(advice?.yellow),
      red: pair(advice?.red),
    },
    adviceRest: adviceRest(advice),
    responseTimes: {
      redHours: numberText(responseTimes?.redHours),
      yellowWorkingDays: numberText(responseTimes?.yellowWorkingDays),
      ...('responseTimes' in definition
        ? { stored: (responseTimes ?? null) as Record<string, unknown> | null }
        : {}),
    },
    rest,
  };
}

/**
 * The response times to send: the stored object with the two fields as typed; null or absent,
 * as it came, when there was none and nothing was typed.
 */
function responseTimesOut(form: ResponseTimesForm): { responseTimes?: ResponseTimes | null } {
  const redHours = parseWhole(form.redHours);
  const yellowWorkingDays = parseWhole(form.yellowWorkingDays);
  if (!form.stored && redHours === null && yellowWorkingDays === null) {
    return form.stored === null ? { responseTimes: null } : {};
  }
  return { responseTimes: { ...form.stored, redHours, yellowWorkingDays } };
}

/** "37,5" and "37.5" are the same number; an empty field is no number. NaN when unreadable. */
export function parseDecimal(input: string): number | null {
  const trimmed = input.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function parseWhole(input: string): number | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "1, 7, 14" (commas, spaces or semicolons) → [1, 7, 14]; null when something is not a number. */
export function parseDays(input: string): number[] | null {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  return days.some(Number.isNaN) ? null : days;
}

function hasBound(row: ThresholdRow): boolean {
  return BOUNDS.some((bound) => row[bound].trim() !== '');
}

/** Rows that go into the definition: any bound filled, or (for a score) a code given. */
function isSent(activity: ActivityForm, row: ThresholdRow): boolean {
  return (
    hasBound(row) ||
    Object.keys(row.rest).length > 0 ||
    (activity.type === 'QUESTIONNAIRE' && row.code.trim() !== '')
  );
}

/** "a, b;c" → ["a", "b", "c"]. */
export function parseCodes(input: string): string[] {
  return input
    .split(/[,;]/)
    .map((code) => code.trim())
    .filter(Boolean);
}

function toTrend(row: TrendRow): TrendRule {
  const amount = parseDecimal(row.amount);
  const windowDays = parseWhole(row.windowDays);
  return {
    ...row.rest,
    code: row.code.trim(),
    windowDays: windowDays ?? 0,
    rise:
      row.direction === 'rise' ? amount : ((row.rest.rise as number | null | undefined) ?? null),
    fall:
      row.direction === 'fall' ? amount : ((row.rest.fall as number | null | undefined) ?? null),
    level: row.level,
  };
}

function toTrigger(row: TriggerRow): AnswerTrigger {
  return {
    ...row.rest,
    linkId: row.linkId.trim(),
    atLeast: parseDecimal(row.atLeast),
    codes: parseCodes(row.codes),
    level: row.level,
  };
}

export interface DefinitionAndRows {
  definition: PathwayDefinition;
  /** For activity i, the form row of each threshold sent: `rows[i][k]` is the row of threshold k. */
  rows: number[][];
}

/** The definition to send; assumes `validateForm` found nothing. */
export function toDefinition(form: PathwayForm): DefinitionAndRows {
  const rows: number[][] = [];
  const activities = form.activities.map((a): Activity => {
    const sent = a.thresholds
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => isSent(a, row));
    rows.push(sent.map(({ index }) => index));
    const s = a.schedule;
    const isQuestionnaire = a.type === 'QUESTIONNAIRE';
    const title = bothLanguages(a.title, a.titleEn, a.bilingual, a.titlesStored);
    return {
      ...a.rest,
      id: a.id.trim(),
      type: a.type,
      title: title.plain,
      ...(title.both ? { titles: title.both } : {}),
      questionnaireUrl: isQuestionnaire ? a.questionnaireUrl : null,
      questionnaireVersion: isQuestionnaire ? a.questionnaireVersion : null,
      vital:
        !isQuestionnaire && a.vital !== ''
          ? a.vital
          : ((a.rest.vital as Activity['vital'] | undefined) ?? null),
      schedule: {
        ...s.rest,
        kind: s.kind,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        weekdays: s.kind === 'WEEKDAYS' ? s.weekdays : [],
        intervalDays: s.kind === 'EVERY_N_DAYS' ? parseWhole(s.intervalDays) : null,
        days: s.kind === 'RELATIVE_DAYS' ? (parseDays(s.days) ?? []) : [],
        durationDays: parseWhole(s.durationDays),
      },
      thresholds: sent.map(({ row }) => ({
        ...row.rest,
        code: row.code.trim(),
        redLow: parseDecimal(row.redLow),
        yellowLow: parseDecimal(row.yellowLow),
        yellowHigh: parseDecimal(row.yellowHigh),
        redHigh: parseDecimal(row.redHigh),
      })),
      trends: a.trends.map(toTrend),
      triggers: a.triggers.map(toTrigger),
      // when chosen; otherwise false only where the stored definition said so, so a watched
      // activity's definition stays as it was
      ...(a.collectOnly
        ? {
            collectOnly: true,
            collectOnlyReason: textOut({
              ...a.collectOnlyReason,
              stored: a.collectOnlyReason.stored ?? {},
            }),
          }
        : 'collectOnly' in a.rest
          ? { collectOnly: false }
          : {}),
    };
  });
  const advice = {
    ...form.adviceRest,
    ...Object.fromEntries(LEVELS.map((level) => [level, textOut(form.advice[level])])),
  } as PathwayDefinition['advice'];
  const name = bothLanguages(form.name, form.nameEn, form.bilingual, form.namesStored);
  return {
    definition: {
      ...form.rest,
      name: name.plain,
      ...(name.both ? { names: name.both } : {}),
      ...(form.combinations.length > 0 ? { combinations: toCombinations(form.combinations) } : {}),
      ...responseTimesOut(form.responseTimes),
      description: textOut({ ...form.description, stored: form.description.stored ?? {} }),
      activities,
      advice,
    },
    rows,
  };
}

/**
 * The checks worth making before asking the server: what is missing, and what cannot be read as
 * a number. Whether bounds are in order or plausible is for the server to say.
 */
export function validateForm(form: PathwayForm): FormErrors {
  const errors: FormErrors = {};
  const add = (field: string, code: string) => {
    if (!errors[field]) errors[field] = { field, code };
  };
  if (form.name.trim() === '' && form.nameEn.trim() === '') add('name', 'required');
  if (form.activities.length === 0) add('activities', 'required');
  const seen = new Set<string>();
  form.activities.forEach((a, i) => {
    const path = `activities[${i}]`;
    if (!/^[A-Za-z0-9-]{1,40}$/.test(a.id.trim())) add(`${path}.id`, 'format');
    else if (seen.has(a.id.trim())) add(`${path}.id`, 'duplicate');
    seen.add(a.id.trim());
    if (a.title.trim() === '' && a.titleEn.trim() === '') add(`${path}.title`, 'required');
    if (a.type === 'QUESTIONNAIRE' && a.questionnaireUrl === '')
      add(`${path}.questionnaire`, 'required');
    if (a.type === 'MEASUREMENT' && a.vital === '') add(`${path}.vital`, 'required');
    const s = a.schedule;
    const sp = `${path}.schedule`;
    if (s.windowStart === '') add(`${sp}.windowStart`, 'required');
    if (s.windowEnd === '') add(`${sp}.windowEnd`, 'required');
    if (s.kind === 'WEEKDAYS' && s.weekdays.length === 0) add(`${sp}.weekdays`, 'required');
    if (s.kind === 'EVERY_N_DAYS') {
      const interval = parseWhole(s.intervalDays);
      if (interval === null) add(`${sp}.intervalDays`, 'required');
      else if (Number.isNaN(interval)) add(`${sp}.intervalDays`, 'number');
    }
    if (s.kind === 'RELATIVE_DAYS') {
      const days = parseDays(s.days);
      if (days === null) add(`${sp}.days`, 'number');
      else if (days.length === 0) add(`${sp}.days`, 'required');
    }
    if (Number.isNaN(parseWhole(s.durationDays))) add(`${sp}.durationDays`, 'number');
    a.thresholds.forEach((row, t) => {
      const tp = `${path}.thresholds[${t}]`;
      for (const bound of BOUNDS) {
        if (Number.isNaN(parseDecimal(row[bound]))) add(`${tp}.${bound}`, 'number');
      }
      if (a.type === 'QUESTIONNAIRE' && hasBound(row) && row.code.trim() === '')
        add(`${tp}.code`, 'required');
    });
    a.trends.forEach((row, t) => {
      const tp = `${path}.trends[${t}]`;
      if (row.code.trim() === '') add(`${tp}.code`, 'required');
      const amount = parseDecimal(row.amount);
      if (amount === null) add(`${tp}.amount`, 'required');
      else if (Number.isNaN(amount)) add(`${tp}.amount`, 'number');
      const windowDays = parseWhole(row.windowDays);
      if (windowDays === null) add(`${tp}.windowDays`, 'required');
      else if (Number.isNaN(windowDays)) add(`${tp}.windowDays`, 'number');
    });
    a.triggers.forEach((row, t) => {
      const tp = `${path}.triggers[${t}]`;
      if (row.linkId.trim() === '') add(`${tp}.linkId`, 'required');
      const atLeast = parseDecimal(row.atLeast);
      if (Number.isNaN(atLeast)) add(`${tp}.atLeast`, 'number');
      else if (atLeast === null && parseCodes(row.codes).length === 0) add(tp, 'required');
    });
    if (
      a.collectOnly &&
      a.collectOnlyReason.nb.trim() === '' &&
      a.collectOnlyReason.en.trim() === ''
    )
      add(`${path}.collectOnlyReason`, 'required');
  });
  validateCombinations(form, errors);
  if (Number.isNaN(parseWhole(form.responseTimes.redHours)))
    add('responseTimes.redHours', 'number');
  if (Number.isNaN(parseWhole(form.responseTimes.yellowWorkingDays)))
    add('responseTimes.yellowWorkingDays', 'number');
  return errors;
}

/** The server's path for a field, rewritten to the form's threshold rows. */
export function toFormPath(serverPath: string, rows: number[][]): string {
  return serverPath.replace(
    /^activities\[(\d+)\]\.thresholds\[(\d+)\]/,
    (whole, activity: string, threshold: string) => {
      const row = rows[Number(activity)]?.[Number(threshold)];
      return row === undefined ? whole : `activities[${activity}].thresholds[${row}]`;
    },
  );
}

/** Every path the form shows a message at (fields and the groups around them). */
export function knownPaths(form: PathwayForm): Set<string> {
  const paths = new Set<string>([
    'name',
    'names.en',
    'description.nb',
    'description.en',
    'activities',
  ]);
  combinationPaths(form, paths);
  paths.add('responseTimes.redHours');
  paths.add('responseTimes.yellowWorkingDays');
  for (const level of LEVELS) {
    paths.add(`advice.${level}.nb`);
    paths.add(`advice.${level}.en`);
  }
  form.activities.forEach((a, i) => {
    const p = `activities[${i}]`;
    [p, `${p}.id`, `${p}.title`, `${p}.titles.en`, `${p}.type`].forEach((x) => paths.add(x));
    if (a.type === 'QUESTIONNAIRE') {
      paths.add(`${p}.questionnaire`);
    } else {
      paths.add(`${p}.vital`);
    }
    const s = `${p}.schedule`;
    [s, `${s}.kind`, `${s}.windowStart`, `${s}.windowEnd`, `${s}.durationDays`].forEach((x) =>
      paths.add(x),
    );
    if (a.schedule.kind === 'WEEKDAYS') paths.add(`${s}.weekdays`);
    if (a.schedule.kind === 'EVERY_N_DAYS') paths.add(`${s}.intervalDays`);
    if (a.schedule.kind === 'RELATIVE_DAYS') paths.add(`${s}.days`);
    paths.add(`${p}.collectOnly`);
    paths.add(`${p}.collectOnlyReason`);
    paths.add(`${p}.thresholds`);
    a.thresholds.forEach((_, t) => {
      const tp = `${p}.thresholds[${t}]`;
      paths.add(tp);
      if (a.type === 'QUESTIONNAIRE') paths.add(`${tp}.code`);
      BOUNDS.forEach((bound) => paths.add(`${tp}.${bound}`));
    });
    paths.add(`${p}.trends`);
    a.trends.forEach((_, t) => {
      const tp = `${p}.trends[${t}]`;
      [tp, `${tp}.code`, `${tp}.amount`, `${tp}.windowDays`, `${tp}.level`].forEach((x) =>
        paths.add(x),
      );
    });
    paths.add(`${p}.triggers`);
    a.triggers.forEach((_, t) => {
      const tp = `${p}.triggers[${t}]`;
      [tp, `${tp}.linkId`, `${tp}.atLeast`, `${tp}.codes`, `${tp}.level`].forEach((x) =>
        paths.add(x),
      );
    });
  });
  return paths;
}

/**
 * Where the form shows the server's questionnaire fields (on the one picker) and a trend's rise or
 * fall (on its amount).
 */
function aliasPath(path: string): string {
  return path
    .replace(/\.questionnaire(Url|Version)$/, '.questionnaire')
    .replace(/^names\.nb$/, 'name')
    .replace(/\.titles\.nb$/, '.title')
    .replace(/(\.trends\[\d+\])\.(rise|fall)$/, '$1.amount');
}

/** `activities[0].schedule.windowEnd` → `activities[0].schedule` → `activities[0]` → `activities`. */
function parentPath(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? null : path.slice(0, cut);
}

export interface PlacedErrors {
  fields: FormErrors;
  /** Errors with no place in the form (e.g. the team). */
  general: FieldError[];
}

/**
 * Puts each server error at the nearest field the form shows: the field itself, else the group
 * it belongs to; errors for nothing the form shows go to the summary only.
 */
export function placeErrors(
  errors: FieldError[],
  form: PathwayForm,
  rows: number[][],
): PlacedErrors {
  const known = knownPaths(form);
  const placed: PlacedErrors = { fields: {}, general: [] };
  for (const error of errors) {
    let path: string | null = aliasPath(toFormPath(error.field, rows));
    while (path !== null && !known.has(path)) path = parentPath(path);
    if (path === null) placed.general.push(error);
    else if (!placed.fields[path]) placed.fields[path] = { ...error, field: path };
  }
  return placed;
}

/** A DOM id for the control at a form path. */
export function fieldId(path: string): string {
  return `pathway-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}
