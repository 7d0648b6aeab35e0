/**
 * RFC 9457 problem details as the Heima API sends them, plus the few problems the client makes up
 * itself (network failure, a non-JSON error body). `ProblemType` lists every stable type the
 * backend has (its `problem/ProblemType.java`); problem.test.ts fails when the two differ.
 */
import type { components } from './api/schema';

/** The problem body as the backend's OpenAPI document describes it (generated type). */
export type Problem = components['schemas']['Problem'];

/** One refused field of the request. */
export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * One refused answer (questionnaire conformance): the question as the patient sees it, and why;
 * `limit` as written in the questionnaire (`1`, `2020-01-01`, `50 cm`, `image/jpeg, image/png`).
 */
export type AnswerProblem = NonNullable<Problem['answers']>[number];

export const PROBLEM_PREFIX = 'urn:heima:problem:';

export const ProblemType = {
  validation: `${PROBLEM_PREFIX}validation`,
  duplicateIdentifier: `${PROBLEM_PREFIX}duplicate-identifier`,
  unauthenticated: `${PROBLEM_PREFIX}unauthenticated`,
  forbidden: `${PROBLEM_PREFIX}forbidden`,
  notFound: `${PROBLEM_PREFIX}not-found`,
  notRegistered: `${PROBLEM_PREFIX}not-registered`,
  versionConflict: `${PROBLEM_PREFIX}version-conflict`,
  malformedRequest: `${PROBLEM_PREFIX}malformed-request`,
  preconditionRequired: `${PROBLEM_PREFIX}precondition-required`,
  implausibleValue: `${PROBLEM_PREFIX}implausible-value`,
  unitMismatch: `${PROBLEM_PREFIX}unit-mismatch`,
  measuredAtInFuture: `${PROBLEM_PREFIX}measured-at-in-future`,
  measuredAtBeforeEnrolment: `${PROBLEM_PREFIX}measured-at-before-enrolment`,
  notEnrolled: `${PROBLEM_PREFIX}not-enrolled`,
  idempotencyKeyReused: `${PROBLEM_PREFIX}idempotency-key-reused`,
  invalidResponse: `${PROBLEM_PREFIX}invalid-response`,
  stateConflict: `${PROBLEM_PREFIX}state-conflict`,
  answerRequired: `${PROBLEM_PREFIX}answer-required`,
  answerRepeats: `${PROBLEM_PREFIX}answer-repeats`,
  answerType: `${PROBLEM_PREFIX}answer-type`,
  answerBelowMin: `${PROBLEM_PREFIX}answer-below-min`,
  answerAboveMax: `${PROBLEM_PREFIX}answer-above-max`,
  answerUnit: `${PROBLEM_PREFIX}answer-unit`,
  answerTooManyDecimals: `${PROBLEM_PREFIX}answer-too-many-decimals`,
  answerTooLong: `${PROBLEM_PREFIX}answer-too-long`,
  answerTooShort: `${PROBLEM_PREFIX}answer-too-short`,
  answerPattern: `${PROBLEM_PREFIX}answer-pattern`,
  answerNotAnOption: `${PROBLEM_PREFIX}answer-not-an-option`,
  answerNotInValueSet: `${PROBLEM_PREFIX}answer-not-in-value-set`,
  attachmentType: `${PROBLEM_PREFIX}attachment-type`,
  attachmentTooLarge: `${PROBLEM_PREFIX}attachment-too-large`,
  attachmentNotFound: `${PROBLEM_PREFIX}attachment-not-found`,
  fhirUnavailable: `${PROBLEM_PREFIX}fhir-unavailable`,
  invalidQuestionnaire: `${PROBLEM_PREFIX}invalid-questionnaire`,
  duplicateVersion: `${PROBLEM_PREFIX}duplicate-version`,
  requestTimeout: `${PROBLEM_PREFIX}request-timeout`,
  rateLimited: `${PROBLEM_PREFIX}rate-limited`,
  unwatchedActivity: `${PROBLEM_PREFIX}unwatched-activity`,
  notTeamMember: `${PROBLEM_PREFIX}not-team-member`,
  /** Client-side only: the request never got an answer. */
  network: `${PROBLEM_PREFIX}network`,
} as const;

export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.type);
    this.name = 'ProblemError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get type(): string {
    return this.problem.type;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.status === 'number';
}

export function hasProblemType(error: unknown, type: string): boolean {
  return error instanceof ProblemError && error.type === type;
}
