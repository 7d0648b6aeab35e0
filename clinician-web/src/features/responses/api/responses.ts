import { apiFetch } from '@heima/web-common/http';

/** A patient's questionnaire responses for the care team (`/api/patients/{id}/responses`). */

export type Level = 'GREEN' | 'YELLOW' | 'RED';

export interface Reason {
  code: string;
  value: number | null;
  level: Level;
  /**
   * redLow … redHigh, `answer` for an answer trigger, `rise3d`/`fall3d` for a trend,
   * `combination` for a combination rule (its `code` is the rule's id).
   */
  bound: string;
  boundValue: number | null;
  source: 'PATHWAY' | 'PERSONAL' | null;
}

export interface ResponseSummary {
  id: string;
  carePlanId: string;
  activityId: string;
  date: string;
  questionnaire: string;
  title: string;
  authored: string;
  level: Level;
  assessed: boolean;
  reasons: Reason[];
  /** The response's scores with their names; absent from servers before they were sent. */
  scores?: { linkId: string; label: string; value: number }[];
}

export interface ScoreLine {
  linkId: string;
  label: string;
  value: number | null;
  valueText: string | null;
  level: Level | null;
  reasons: Reason[];
  previousValueText: string | null;
  changed: boolean;
}

/** A file the patient attached, read through the response (team checked, audited). */
export interface AttachmentLink {
  url: string;
  contentType: string | null;
  size: number | null;
  title: string | null;
}

export interface AnswerLine {
  linkId: string;
  question: string;
  answer: string[];
  previous: string[];
  changed: boolean;
  level: Level | null;
  /** Absent from servers before attachments were shown. */
  attachments?: AttachmentLink[];
}

export interface ResponseDetail {
  id: string;
  carePlanId: string;
  activityId: string;
  date: string;
  questionnaire: string;
  title: string;
  language: string;
  authored: string;
  receivedAt: string;
  triage: { level: Level; reasons: Reason[]; assessed: boolean };
  scores: ScoreLine[];
  answers: AnswerLine[];
  previous: { id: string; authored: string; date: string } | null;
  /**
   * The texts of the combination rules that fired, by rule id, in the viewer's language (a
   * combination reason's code is the rule's id). Absent from servers before it was sent.
   */
  rules?: Record<string, string>;
}

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/responses`;

/** nb or en: the texts come from the questionnaire in the viewer's language. */
function lang(language: string): string {
  return language.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

export const responsesQueryKey = (patientId: string, language: string) =>
  ['responses', patientId, lang(language)] as const;
export const responseQueryKey = (patientId: string, responseId: string, language: string) =>
  ['responses', patientId, responseId, lang(language)] as const;

export function fetchResponses(
  patientId: string,
  language: string,
  signal?: AbortSignal,
): Promise<ResponseSummary[]> {
  return apiFetch<ResponseSummary[]>(
    `${base(patientId)}?lang=${lang(language)}`,
    signal ? { signal } : {},
  );
}

export function fetchResponse(
  patientId: string,
  responseId: string,
  language: string,
  signal?: AbortSignal,
): Promise<ResponseDetail> {
  return apiFetch<ResponseDetail>(
    `${base(patientId)}/${encodeURIComponent(responseId)}?lang=${lang(language)}`,
    signal ? { signal } : {},
  );
}
