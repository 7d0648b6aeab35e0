import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { apiFetch } from '@heima/web-common/http';
import { ProblemType, hasProblemType } from '@heima/web-common/problem';
import type { Advice, Assessment } from '../../triage/types';

export const RESPONSES_PATH = '/api/me/responses';

export interface Draft {
  questionnaireResponse: QuestionnaireResponse;
  updatedAt: string;
}

export interface Score {
  linkId: string;
  code: string | null;
  value: number;
  /** A `questionnaire-hidden` item's score: for the care team, not for the patient's receipt. */
  hidden?: boolean;
}

/** The answer to `POST /api/me/responses`. */
export interface SubmittedResponse {
  id: string;
  carePlanId: string;
  activityId: string;
  questionnaire: string;
  authored: string;
  receivedAt: string;
  scores: Score[];
  triage: Assessment;
  advice: Advice | null;
  /** Answers the server left out: their question was no longer shown (SDC: disabled, no answer). */
  dropped?: { linkId: string; text?: string }[];
}

/** The body of `POST /api/me/responses`. */
export interface ResponseSubmission {
  carePlanId: string;
  activityId: string;
  date: string;
  questionnaireResponse: QuestionnaireResponse;
}

export interface TaskRef {
  carePlanId: string;
  activityId: string;
  date: string;
}

export const questionnaireQueryKey = (url: string, version: string | null) =>
  ['questionnaire', url, version] as const;
export const draftQueryKey = (task: TaskRef) =>
  ['me', 'response-drafts', task.carePlanId, task.activityId, task.date] as const;

export function fetchQuestionnaire(url: string, version: string | null): Promise<Questionnaire> {
  const query = new URLSearchParams({ url });
  if (version) query.set('version', version);
  return apiFetch<Questionnaire>(`/api/questionnaires/by-canonical?${query.toString()}`, {
    headers: { Accept: 'application/fhir+json, application/json, application/problem+json' },
  });
}

function draftPath(task: TaskRef): string {
  const segment = encodeURIComponent;
  return `/api/me/response-drafts/${segment(task.carePlanId)}/${segment(task.activityId)}/${task.date}`;
}

/** The draft saved for this task on any device, or null when there is none. */
export async function fetchDraft(task: TaskRef): Promise<Draft | null> {
  try {
    return await apiFetch<Draft>(draftPath(task));
  } catch (error) {
    if (hasProblemType(error, ProblemType.notFound)) return null;
    if (
      error instanceof Error &&
      'status' in error &&
      (error as { status: number }).status === 404
    ) {
      return null;
    }
    throw error;
  }
}

export function saveDraft(
  task: TaskRef,
  questionnaireResponse: QuestionnaireResponse,
): Promise<{ updatedAt: string }> {
  return apiFetch<{ updatedAt: string }>(draftPath(task), {
    method: 'PUT',
    body: { questionnaireResponse },
  });
}
