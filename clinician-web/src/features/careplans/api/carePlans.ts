import { apiFetch } from '@heima/web-common/http';
import type { ActivityType, Threshold } from '../../pathways/api/pathways';
import type { Vital } from '../../pathways/api/vitals';

/**
 * Care plans (`/api/patients/{id}/care-plans`, `/api/care-plans/{id}`): a patient's enrolment on a
 * published pathway version. Every change sends the plan's `version` as `If-Match`; a 412 means
 * someone else changed the plan first.
 */

export type CarePlanStatus = 'ACTIVE' | 'PAUSED' | 'ENDED';

export interface Pause {
  id: string;
  from: string;
  until: string | null;
  resumedOn: string | null;
  reason: string;
}

export interface PersonalThreshold {
  activityId: string;
  threshold: Threshold;
}

export interface CarePlan {
  id: string;
  patientId: string;
  pathwayId: string;
  pathwayVersion: number;
  pathwayName: string;
  team: string;
  startDate: string;
  timeZone: string;
  status: CarePlanStatus;
  endDate: string | null;
  endReason: string | null;
  personalThresholds: PersonalThreshold[];
  pauses: Pause[];
  version: number;
  createdAt: string;
  /** The day the care team next evaluates the follow-up; null when none is planned. */
  evaluationDate?: string | null;
}

export type TaskState = 'UPCOMING' | 'DUE' | 'DONE' | 'MISSED';

export interface Task {
  carePlanId: string;
  activityId: string;
  type: ActivityType;
  title: string;
  vital: Vital | null;
  questionnaireUrl: string | null;
  questionnaireVersion: string | null;
  date: string;
  /** Instants (UTC). */
  windowStart: string;
  windowEnd: string;
  state: TaskState;
  completedAt: string | null;
}

export interface Enrolment {
  pathwayId: string;
  pathwayVersion?: number;
  startDate?: string;
  team?: string;
  timeZone?: string;
  evaluationDate?: string;
}

export type EvaluationOutcome = 'CONTINUE' | 'CHANGE_THRESHOLDS' | 'END';

export interface Evaluation {
  outcome: EvaluationOutcome;
  nextEvaluationDate?: string;
  note?: string;
  thresholds?: PersonalThreshold[];
}

export const carePlansQueryKey = (patientId: string) => ['care-plans', patientId] as const;
export const tasksQueryKey = (carePlanId: string) => ['care-plan-tasks', carePlanId] as const;

const plan = (id: string) => `/api/care-plans/${encodeURIComponent(id)}`;

export function listCarePlans(patientId: string, signal?: AbortSignal): Promise<CarePlan[]> {
  return apiFetch<CarePlan[]>(
    `/api/patients/${encodeURIComponent(patientId)}/care-plans`,
    signal ? { signal } : {},
  );
}

export function enrol(patientId: string, enrolment: Enrolment): Promise<CarePlan> {
  return apiFetch<CarePlan>(`/api/patients/${encodeURIComponent(patientId)}/care-plans`, {
    method: 'POST',
    body: enrolment,
  });
}

export function fetchTasks(
  carePlanId: string,
  params: { from: string; days: number },
  signal?: AbortSignal,
): Promise<Task[]> {
  const query = new URLSearchParams({ from: params.from, days: String(params.days) });
  return apiFetch<Task[]>(`${plan(carePlanId)}/tasks?${query}`, signal ? { signal } : {});
}

export function pausePlan(
  current: CarePlan,
  request: { reason: string; from?: string; until?: string },
): Promise<CarePlan> {
  return apiFetch<CarePlan>(`${plan(current.id)}/pause`, {
    method: 'POST',
    body: request,
    ifMatch: current.version,
  });
}

export function resumePlan(current: CarePlan): Promise<CarePlan> {
  return apiFetch<CarePlan>(`${plan(current.id)}/resume`, {
    method: 'POST',
    ifMatch: current.version,
  });
}

export function endPlan(current: CarePlan, request: { reason: string }): Promise<CarePlan> {
  return apiFetch<CarePlan>(`${plan(current.id)}/end`, {
    method: 'POST',
    body: request,
    ifMatch: current.version,
  });
}

/** The DHO "evaluate" step: continue, change thresholds or end, and when to evaluate next. */
export function evaluatePlan(current: CarePlan, evaluation: Evaluation): Promise<CarePlan> {
  return apiFetch<CarePlan>(`${plan(current.id)}/evaluation`, {
    method: 'POST',
    body: evaluation,
    ifMatch: current.version,
  });
}

export function setPersonalThresholds(
  current: CarePlan,
  thresholds: PersonalThreshold[],
): Promise<CarePlan> {
  return apiFetch<CarePlan>(`${plan(current.id)}/thresholds`, {
    method: 'PUT',
    body: thresholds,
    ifMatch: current.version,
  });
}

/** The pause that is open today or later (not resumed), if any. */
export function openPause(current: CarePlan, today: string): Pause | undefined {
  return current.pauses.find((p) => p.resumedOn === null && (p.until === null || p.until >= today));
}
