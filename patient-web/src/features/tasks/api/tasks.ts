import { apiFetch } from '@heima/web-common/http';
import type { Vital } from '@heima/web-common/vitals';

export type TaskState = 'UPCOMING' | 'DUE' | 'DONE' | 'MISSED';

/** One activity due on one day of a care plan (`GET /api/me/tasks?date=`). */
export interface Task {
  carePlanId: string;
  activityId: string;
  type: 'QUESTIONNAIRE' | 'MEASUREMENT';
  /** The title as first written; `titles` in both languages when the pathway gives them. */
  title: string;
  titles?: { nb: string | null; en: string | null } | null;
  vital: Vital | null;
  questionnaireUrl: string | null;
  questionnaireVersion: string | null;
  date: string;
  windowStart: string;
  windowEnd: string;
  state: TaskState;
  completedAt: string | null;
}

export interface Pause {
  id: string;
  from: string;
  until: string | null;
  resumedOn: string | null;
  reason: string | null;
}

/** The patient's enrolment on a pathway (`GET /api/me/care-plans`). */
export interface CarePlan {
  id: string;
  pathwayName: string;
  team: string;
  startDate: string;
  timeZone: string;
  status: 'ACTIVE' | 'PAUSED' | 'ENDED';
  endDate: string | null;
  endReason: string | null;
  pauses: Pause[];
}

export const tasksQueryKey = (date: string) => ['me', 'tasks', date] as const;
export const carePlansQueryKey = ['me', 'care-plans'] as const;

export function fetchTasks(date: string): Promise<Task[]> {
  return apiFetch<Task[]>(`/api/me/tasks?date=${encodeURIComponent(date)}`);
}

export function fetchCarePlans(): Promise<CarePlan[]> {
  return apiFetch<CarePlan[]>('/api/me/care-plans');
}
