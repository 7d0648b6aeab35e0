import type { FieldError } from '../../../lib/problem';
import {
  LEVELS,
  WEEKDAYS,
  shortTime,
  type Activity,
  type ActivityType,
  type Level,
  type PathwayDefinition,
  type ScheduleKind,
  type Threshold,
  type Weekday,
} from './pathways';
import { VITAL_INFO, isVital, type Vital } from './vitals';

/**
 * The pathway editor's state: what the person typed, as strings, shaped like the definition so
 * that a field's path in the form is the same as the server's path in a validation problem
 * (`activities[0].schedule.windowEnd`). Only thresholds differ: the form shows a row per
 * measurement component whether or not it is filled in, the definition carries the filled ones,
 * so `toDefinition` returns which row each sent threshold came from.
 */

export const BOUNDS = ['redLow', 'yellowLow', 'yellowHigh', 'redHigh'] as const;
export type Bound = (typeof BOUNDS)[number];

export interface ThresholdRow {
  /** React key; stable while the row exists. */
  key: string;
  code: string;
  redLow: string;
  yellowLow: string;
  yellowHigh: string;
  redHigh: string;
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
}

export interface ActivityForm {
  key: string;
  id: string;
  type: ActivityType;
  title: string;
  questionnaireUrl: string;
  questionnaireVersion: string;
  vital: Vital | '';
  schedule: ScheduleForm;
  thresholds: ThresholdRow[];
  /** Collected, not monitored: the explicit choice for an activity with no rule, with why. */
  collectOnly: boolean;
  collectOnlyReason: TextPair;
}

export interface TextPair {
  nb: string;
  en: string;
}

export interface PathwayForm {
  name: string;
  description: TextPair;
  activities: ActivityForm[];
  advice: Record<Level, TextPair>;
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
  };
}

export function emptyForm(): PathwayForm {
  const pair = () => ({ nb: '', en: '' });
  return {
    name: '',
    description: pair(),
    activities: [],
    advice: { green: pair(), yellow: pair(), red: pair() },
  };
}

/** One row per component of the vital, in the catalogue's order. */
export function thresholdRowsFor(vital: Vital | ''): ThresholdRow[] {
  return vital === '' ? [] : VITAL_INFO[vital].components.map((c) => emptyRow(c.code));
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
    questionnaireUrl: '',
    questionnaireVersion: '',
    vital: '',
    schedule: emptySchedule(),
    thresholds: [],
    collectOnly: false,
    collectOnlyReason: { nb: '', en: '' },
  };
}

function toRow(threshold: Threshold | undefined, code: string): ThresholdRow {
  return {
    ...emptyRow(code),
    redLow: numberText(threshold?.redLow),
    yellowLow: numberText(threshold?.yellowLow),
    yellowHigh: numberText(threshold?.yellowHigh),
    redHigh: numberText(threshold?.redHigh),
  };
}

function activityForm(activity: Activity): ActivityForm {
  const vital = isVital(activity.vital) ? activity.vital : '';
  const thresholds =
    activity.type === 'MEASUREMENT'
      ? thresholdRowsFor(vital).map((row) =>
          toRow(
            activity.thresholds.find((t) => t.code === row.code),
            row.code,
          ),
        )
      : activity.thresholds.map((t) => toRow(t, t.code));
  const s = activity.schedule;
  return {
    key: nextKey('activity'),
    id: activity.id,
    type: activity.type,
    title: activity.title ?? '',
    questionnaireUrl: activity.questionnaireUrl ?? '',
    questionnaireVersion: activity.questionnaireVersion ?? '',
    vital,
    schedule: {
      kind: s.kind,
      windowStart: shortTime(s.windowStart),
      windowEnd: shortTime(s.windowEnd),
      weekdays: WEEKDAYS.filter((day) => s.weekdays?.includes(day)),
      intervalDays: numberText(s.intervalDays),
      days: (s.days ?? []).join(', '),
      durationDays: numberText(s.durationDays),
    },
    thresholds,
    collectOnly: activity.collectOnly === true,
    collectOnlyReason: pair(activity.collectOnlyReason),
  };
}

function pair(text: { nb: string | null; en: string | null } | null | undefined): TextPair {
  return { nb: text?.nb ?? '', en: text?.en ?? '' };
}

/** The form for an existing definition (a draft or the latest version). */
export function fromDefinition(definition: PathwayDefinition): PathwayForm {
  return {
    name: definition.name ?? '',
    description: pair(definition.description),
    activities: definition.activities.map(activityForm),
    advice: {
      green: pair(definition.advice?.green),
      yellow: pair(definition.advice?.yellow),
      red: pair(definition.advice?.red),
    },
  };
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
  return hasBound(row) || (activity.type === 'QUESTIONNAIRE' && row.code.trim() !== '');
}

function nullIfBlank(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
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
    return {
      id: a.id.trim(),
      type: a.type,
      title: a.title.trim(),
      questionnaireUrl: isQuestionnaire ? a.questionnaireUrl : null,
      questionnaireVersion: isQuestionnaire ? a.questionnaireVersion : null,
      vital: !isQuestionnaire && a.vital !== '' ? a.vital : null,
      schedule: {
        kind: s.kind,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        weekdays: s.kind === 'WEEKDAYS' ? s.weekdays : [],
        intervalDays: s.kind === 'EVERY_N_DAYS' ? parseWhole(s.intervalDays) : null,
        days: s.kind === 'RELATIVE_DAYS' ? (parseDays(s.days) ?? []) : [],
        durationDays: parseWhole(s.durationDays),
      },
      thresholds: sent.map(({ row }) => ({
        code: row.code.trim(),
        redLow: parseDecimal(row.redLow),
        yellowLow: parseDecimal(row.yellowLow),
        yellowHigh: parseDecimal(row.yellowHigh),
        redHigh: parseDecimal(row.redHigh),
      })),
      // only when chosen: a watched activity's definition stays as it was
      ...(a.collectOnly
        ? {
            collectOnly: true,
            collectOnlyReason: {
              nb: nullIfBlank(a.collectOnlyReason.nb),
              en: nullIfBlank(a.collectOnlyReason.en),
            },
          }
        : {}),
    };
  });
  const advice = Object.fromEntries(
    LEVELS.map((level) => [
      level,
      { nb: nullIfBlank(form.advice[level].nb), en: nullIfBlank(form.advice[level].en) },
    ]),
  ) as PathwayDefinition['advice'];
  return {
    definition: {
      name: form.name.trim(),
      description: { nb: nullIfBlank(form.description.nb), en: nullIfBlank(form.description.en) },
      activities,
      advice,
    },
    rows,
  };
}

/** Errors by form path; a path is where the message is shown. */
export type FormErrors = Record<string, FieldError>;

/**
 * The checks worth making before asking the server: what is missing, and what cannot be read as
 * a number. Whether bounds are in order or plausible is for the server to say.
 */
export function validateForm(form: PathwayForm): FormErrors {
  const errors: FormErrors = {};
  const add = (field: string, code: string) => {
    if (!errors[field]) errors[field] = { field, code };
  };
  if (form.name.trim() === '') add('name', 'required');
  if (form.activities.length === 0) add('activities', 'required');
  const seen = new Set<string>();
  form.activities.forEach((a, i) => {
    const path = `activities[${i}]`;
    if (!/^[A-Za-z0-9-]{1,40}$/.test(a.id.trim())) add(`${path}.id`, 'format');
    else if (seen.has(a.id.trim())) add(`${path}.id`, 'duplicate');
    seen.add(a.id.trim());
    if (a.title.trim() === '') add(`${path}.title`, 'required');
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
    if (
      a.collectOnly &&
      a.collectOnlyReason.nb.trim() === '' &&
      a.collectOnlyReason.en.trim() === ''
    )
      add(`${path}.collectOnlyReason`, 'required');
  });
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
  const paths = new Set<string>(['name', 'description.nb', 'description.en', 'activities']);
  for (const level of LEVELS) {
    paths.add(`advice.${level}.nb`);
    paths.add(`advice.${level}.en`);
  }
  form.activities.forEach((a, i) => {
    const p = `activities[${i}]`;
    [p, `${p}.id`, `${p}.title`, `${p}.type`].forEach((x) => paths.add(x));
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
  });
  return paths;
}

/** Where the form shows the server's questionnaire fields: on the one picker. */
function aliasPath(path: string): string {
  return path.replace(/\.questionnaire(Url|Version)$/, '.questionnaire');
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
