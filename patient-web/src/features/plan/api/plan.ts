import { apiFetch } from '@heima/web-common/http';
import type { Vital } from '@heima/web-common/vitals';

/** A text in bokmål and English, either possibly missing. */
export interface LocalizedText {
  nb: string | null;
  en: string | null;
}

/** The text in the viewer's language, else in the other one. */
export function inLanguage(text: LocalizedText | null | undefined, language: string): string {
  const english = language.startsWith('en');
  const wanted = english ? text?.en : text?.nb;
  const other = english ? text?.nb : text?.en;
  return wanted?.trim() ? wanted : (other ?? '');
}

export type ScheduleKind = 'DAILY' | 'WEEKDAYS' | 'EVERY_N_DAYS' | 'RELATIVE_DAYS';

export interface Schedule {
  kind: ScheduleKind;
  windowStart: string;
  windowEnd: string;
  weekdays: string[];
  intervalDays: number | null;
  days: number[];
  durationDays: number | null;
}

/** The bounds that apply to the patient for one value (personal where set, else the pathway's). */
export interface Band {
  code: string;
  redLow: number | null;
  yellowLow: number | null;
  yellowHigh: number | null;
  redHigh: number | null;
}

export interface PlanActivity {
  id: string;
  type: 'QUESTIONNAIRE' | 'MEASUREMENT';
  title: LocalizedText;
  vital: Vital | null;
  schedule: Schedule;
  collectOnly: boolean;
  bands?: Band[];
}

/** One open care plan as the patient's standing plan (`GET /api/me/plan`). */
export interface MyPlan {
  carePlanId: string;
  status: 'ACTIVE' | 'PAUSED' | 'ENDED';
  startDate: string;
  timeZone: string;
  name: LocalizedText;
  description: LocalizedText | null;
  activities: PlanActivity[];
  advice: Record<'green' | 'yellow' | 'red', LocalizedText | null> | null;
}

export const myPlanQueryKey = ['me', 'plan'] as const;

export function fetchMyPlan(): Promise<MyPlan[]> {
  return apiFetch<MyPlan[]>('/api/me/plan');
}
