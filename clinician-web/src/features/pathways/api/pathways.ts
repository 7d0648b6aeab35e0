import { apiFetch } from '@heima/web-common/http';
import type { Vital } from './vitals';

/** The pathway API (`/api/pathways`): templates that ADMINs edit and publish in versions. */

export type ScheduleKind = 'DAILY' | 'WEEKDAYS' | 'EVERY_N_DAYS' | 'RELATIVE_DAYS';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = [
  'DAILY',
  'WEEKDAYS',
  'EVERY_N_DAYS',
  'RELATIVE_DAYS',
];

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Schedule {
  kind: ScheduleKind;
  /** Local time in the patient's zone, `HH:mm`. */
  windowStart: string;
  windowEnd: string;
  weekdays?: Weekday[];
  intervalDays?: number | null;
  days?: number[];
  durationDays?: number | null;
}

export interface Threshold {
  /** LOINC code of a measurement component, or the linkId of a questionnaire score. */
  code: string;
  redLow?: number | null;
  yellowLow?: number | null;
  yellowHigh?: number | null;
  redHigh?: number | null;
}

export type ActivityType = 'QUESTIONNAIRE' | 'MEASUREMENT';

export type RuleLevel = 'YELLOW' | 'RED';
export const RULE_LEVELS: readonly RuleLevel[] = ['YELLOW', 'RED'];

/**
 * A change over the last `windowDays` days: the new value against the lowest (`rise`) or highest
 * (`fall`) value of the same code in that window, e.g. body weight up 2 kg within 3 days.
 */
export interface TrendRule {
  code: string;
  windowDays: number;
  rise?: number | null;
  fall?: number | null;
  level: RuleLevel;
}

/**
 * One answer that decides the level: the answer's number (or the option's ordinal value) at least
 * `atLeast`, or the chosen code (`true`/`false` for yes/no) one of `codes`.
 */
export interface AnswerTrigger {
  linkId: string;
  atLeast?: number | null;
  codes?: string[];
  level: RuleLevel;
}

export interface Activity {
  id: string;
  type: ActivityType;
  /** The title as first written; `titles` holds it in both languages when given. */
  title: string;
  titles?: LocalizedText | null;
  questionnaireUrl?: string | null;
  questionnaireVersion?: string | null;
  vital?: Vital | null;
  schedule: Schedule;
  thresholds: Threshold[];
  trends?: TrendRule[];
  triggers?: AnswerTrigger[];
  /** Collected, deliberately not monitored (no rule); publishing needs this choice and a reason. */
  collectOnly?: boolean;
  collectOnlyReason?: LocalizedText | null;
}

export interface LocalizedText {
  nb: string | null;
  en: string | null;
}

export type Level = 'green' | 'yellow' | 'red';
export const LEVELS: readonly Level[] = ['green', 'yellow', 'red'];

export interface PathwayDefinition {
  /** The name as first written; `names` holds it in both languages when given. */
  name: string;
  names?: LocalizedText | null;
  description: LocalizedText | null;
  activities: Activity[];
  advice: Record<Level, LocalizedText | null> | null;
  combinations?: CombinationRule[];
  /** How soon the care team acts on this pathway's items; absent or null: the defaults. */
  responseTimes?: ResponseTimes | null;
}

/** Red within `redHours` hours; yellow by the end of the `yellowWorkingDays`-th working day. */
export interface ResponseTimes {
  redHours?: number | null;
  yellowWorkingDays?: number | null;
}

/**
 * One signal of a combination: a submission to `activityId` whose rules gave a reason on `code`
 * (any code when null) at `atLeast` (yellow when null) or worse.
 */
export interface CombinationCondition {
  activityId: string;
  code?: string | null;
  atLeast?: RuleLevel | null;
}

/**
 * Signals of two or more activities within `withinDays` days together give `level`, e.g. weight
 * up 2 kg in 3 days AND more breathless → red.
 */
export interface CombinationRule {
  id: string;
  conditions: CombinationCondition[];
  withinDays: number;
  level: RuleLevel;
  description?: LocalizedText | null;
}

export interface PathwaySummary {
  id: string;
  team: string;
  name: string;
  /** 0 when never published. */
  latestVersion: number;
  hasDraft: boolean;
  createdAt: string;
}

export interface PublishedPathway {
  pathwayId: string;
  team: string;
  version: number;
  definition: PathwayDefinition;
  publishedAt: string;
  publishedBy: string;
}

export interface PreviewItem {
  activityId: string;
  title: string;
  windowStart: string;
  windowEnd: string;
}

export interface PreviewDay {
  date: string;
  dayNumber: number;
  items: PreviewItem[];
}

export const pathwaysQueryKey = ['pathways'] as const;
export const pathwayQueryKey = (id: string) => ['pathways', id] as const;

const base = (id: string) => `/api/pathways/${encodeURIComponent(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function listPathways(signal?: AbortSignal): Promise<PathwaySummary[]> {
  return apiFetch<PathwaySummary[]>('/api/pathways', opts(signal));
}

export function fetchPathway(id: string, signal?: AbortSignal): Promise<PathwaySummary> {
  return apiFetch<PathwaySummary>(base(id), opts(signal));
}

export function createPathway(request: {
  team?: string;
  definition: PathwayDefinition;
}): Promise<PathwaySummary> {
  return apiFetch<PathwaySummary>('/api/pathways', { method: 'POST', body: request });
}

/** The draft, or when there is none the latest published definition (to start an edit from). */
export function fetchDraft(id: string, signal?: AbortSignal): Promise<PathwayDefinition> {
  return apiFetch<PathwayDefinition>(`${base(id)}/draft`, opts(signal));
}

export function saveDraft(id: string, definition: PathwayDefinition): Promise<PathwaySummary> {
  return apiFetch<PathwaySummary>(`${base(id)}/draft`, { method: 'PUT', body: definition });
}

export function publishPathway(id: string): Promise<PublishedPathway> {
  return apiFetch<PublishedPathway>(`${base(id)}/publish`, { method: 'POST' });
}

export function fetchVersion(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<PublishedPathway> {
  return apiFetch<PublishedPathway>(`${base(id)}/versions/${version}`, opts(signal));
}

/** What a patient starting on `start` is asked to do, day by day (the draft when no version). */
export function fetchPreview(
  id: string,
  params: { start: string; days: number; version?: number | undefined },
  signal?: AbortSignal,
): Promise<PreviewDay[]> {
  const query = new URLSearchParams({ start: params.start, days: String(params.days) });
  if (params.version !== undefined) query.set('version', String(params.version));
  return apiFetch<PreviewDay[]>(`${base(id)}/preview?${query}`, opts(signal));
}

/** How many yellow and red items two rule sets give the same stored submissions. */
export interface WhatIfResult {
  days: number;
  currentVersion: number;
  carePlans: number;
  current: { yellow: number; red: number };
  changed: { yellow: number; red: number };
  /** The submissions the two rule sets judge differently, newest first (at most 200). */
  alerts?: WhatIfAlert[];
  alertsTotal?: number;
}

/** One submission whose level the draft would change: who, when, what was sent, old and new. */
export interface WhatIfAlert {
  patientId: string;
  patientName: string;
  activityId: string;
  at: string;
  value: string;
  current: 'GREEN' | 'YELLOW' | 'RED';
  changed: 'GREEN' | 'YELLOW' | 'RED';
}

/** Replays `definition` (e.g. the draft) over the last `days` days, next to today's rules. */
export function whatIf(
  id: string,
  definition: PathwayDefinition,
  days: number,
): Promise<WhatIfResult> {
  return apiFetch<WhatIfResult>(`${base(id)}/what-if`, {
    method: 'POST',
    body: { definition, days },
  });
}

/** `07:00:00` → `07:00`. */
export function shortTime(time: string | null | undefined): string {
  return (time ?? '').slice(0, 5);
}
