/**
 * RFC 9457 problem details as the Heima API sends them, plus the few problems the client makes up
 * itself (network failure, a non-JSON error body).
 */
export interface FieldError {
  field: string;
  code: string;
  message?: string;
}

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

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
  stateConflict: `${PROBLEM_PREFIX}state-conflict`,
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
