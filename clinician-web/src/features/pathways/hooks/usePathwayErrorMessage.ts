import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@heima/web-common/problem';
import type { PathwayForm } from '../api/pathwayForm';
import { vitalInfo, displayUnit } from '../api/vitals';

function translateFirst(i18n: I18n, keys: string[], values: Record<string, unknown> = {}) {
  const key = keys.find((candidate) => i18n.exists(candidate));
  return key === undefined
    ? undefined
    : (i18n.t as (key: string, values: Record<string, unknown>) => string)(key, values);
}

/** The name of the last field in a path: `activities[0].schedule.windowEnd` → `windowEnd`. */
function lastName(path: string): string {
  const names = path.split('.').map((part) => part.replace(/\[\d+\]$/, ''));
  return names[names.length - 1] ?? path;
}

const BOUND_PATH =
  /^activities\[(\d+)\]\.thresholds\[(\d+)\]\.(redLow|yellowLow|yellowHigh|redHigh)$/;

/** The plausible range of the component a bound belongs to, for "outside 50–300 mmHg". */
function rangeOf(path: string, form: PathwayForm): Record<string, unknown> | null {
  const match = BOUND_PATH.exec(path);
  if (!match) return null;
  const activity = form.activities[Number(match[1])];
  const row = activity?.thresholds[Number(match[2])];
  if (!activity || activity.vital === '' || !row) return null;
  const component = vitalInfo(activity.vital).components.find((c) => c.code === row.code);
  return component
    ? { min: component.min, max: component.max, unit: displayUnit(component.unit) }
    : null;
}

/** Where in the form a path is, in words: "Aktivitet 2 – slutt på tidsvinduet". */
function placeOf(i18n: I18n, path: string, form: PathwayForm): string {
  const t = (key: string, values: Record<string, unknown> = {}) =>
    translateFirst(i18n, [key], values) ?? key;
  const combination = /^combinations\[(\d+)\](?:\.conditions\[(\d+)\])?(?:\.(.*))?$/.exec(path);
  if (combination) {
    const parts = [t('pathwayEditor.combinations.rule', { number: Number(combination[1]) + 1 })];
    if (combination[2] !== undefined)
      parts.push(t('pathwayEditor.combinations.condition', { number: Number(combination[2]) + 1 }));
    if (combination[3]) parts.push(t(`pathwayEditor.place.fields.${lastName(combination[3])}`));
    return parts.join(' – ');
  }
  if (path === 'names.en') return t('pathwayEditor.nameEn');
  const activity = /^activities\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!activity) {
    if (path === 'name') return t('pathwayEditor.name');
    if (path === 'team') return t('pathwayEditor.team');
    if (path === 'activities') return t('pathwayEditor.activities');
    const description = /^description\.(nb|en)$/.exec(path);
    if (description) return t(`pathwayEditor.description.${description[1]}`);
    const advice = /^advice\.(green|yellow|red)(?:\.(nb|en))?$/.exec(path);
    if (advice) {
      const level = t(`levels.${advice[1]}.name`);
      return advice[2] ? t(`pathwayEditor.adviceText.${advice[2]}`, { level }) : level;
    }
    return path;
  }
  const number = Number(activity[1]) + 1;
  const rest = activity[2];
  const parts = [t('pathwayEditor.place.activity', { number })];
  if (rest) {
    const threshold = /^thresholds\[(\d+)\](?:\.(\w+))?$/.exec(rest);
    if (threshold) {
      const row = form.activities[number - 1]?.thresholds[Number(threshold[1])];
      parts.push(
        t('pathwayEditor.place.threshold', { code: row?.code || Number(threshold[1]) + 1 }),
      );
      if (threshold[2]) parts.push(t(`pathwayEditor.place.fields.${threshold[2]}`));
    } else {
      parts.push(t(`pathwayEditor.place.fields.${lastName(rest)}`));
    }
  }
  return parts.join(' – ');
}

/**
 * A sentence for a pathway field error: one written for that field and code, else for the code,
 * else the server's own message. With `withPlace`, says where in the form (for the summary).
 */
export function pathwayErrorMessage(
  i18n: I18n,
  error: FieldError,
  form: PathwayForm,
  options: { withPlace?: boolean } = {},
): string {
  const name = lastName(error.field);
  const range = rangeOf(error.field, form);
  const keys = [
    ...(error.field.startsWith('combinations[')
      ? [`pathwayError.combination.${name}.${error.code}`]
      : []),
    ...(range && error.code === 'range' ? ['pathwayError.bound.range'] : []),
    `pathwayError.${name}.${error.code}`,
    `pathwayError.${error.code}`,
    `fieldError.${error.code}`,
  ];
  const message =
    translateFirst(i18n, keys, range ?? {}) ??
    error.message ??
    (i18n.t as (key: string) => string)('problem.validation');
  return options.withPlace ? `${placeOf(i18n, error.field, form)}: ${message}` : message;
}

export function usePathwayErrorMessage() {
  const { i18n } = useTranslation();
  return (error: FieldError, form: PathwayForm, options: { withPlace?: boolean } = {}) =>
    pathwayErrorMessage(i18n, error, form, options);
}
