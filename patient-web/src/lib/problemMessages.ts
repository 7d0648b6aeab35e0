import type { i18n as I18n } from 'i18next';
import { PROBLEM_PREFIX, ProblemError, type FieldError, type Problem } from './problem';

/** Translates the first key that exists in the current (or fallback) language. */
function translateFirst(i18n: I18n, keys: string[]): string | undefined {
  const key = keys.find((candidate) => i18n.exists(candidate));
  return key === undefined ? undefined : (i18n.t as (key: string) => string)(key);
}

// Used when a problem's type is not one of Heima's stable types (e.g. `about:blank` from a proxy).
const STATUS_KEYS: Record<number, string> = {
  401: 'problem.unauthenticated',
  403: 'problem.forbidden',
  404: 'problem.not-found',
  412: 'problem.version-conflict',
};

/** A sentence for the user, in the current language, describing a problem as a whole. */
export function problemMessage(i18n: I18n, problem: Problem): string {
  const keys: string[] = [];
  if (problem.type.startsWith(PROBLEM_PREFIX)) {
    keys.push(`problem.${problem.type.slice(PROBLEM_PREFIX.length)}`);
  }
  const statusKey = STATUS_KEYS[problem.status];
  if (statusKey !== undefined) keys.push(statusKey);
  if (problem.status >= 500) keys.push('problem.server');
  return translateFirst(i18n, keys) ?? problem.detail ?? problem.title ?? i18n.t('problem.unknown');
}

/** A sentence for the user about one field, e.g. `identifier` + `check-digit-2`. */
export function fieldErrorMessage(i18n: I18n, error: FieldError): string {
  return (
    translateFirst(i18n, [`fieldError.${error.field}.${error.code}`, `fieldError.${error.code}`]) ??
    error.message ??
    i18n.t('problem.validation')
  );
}

/** Any error thrown by a query or mutation, as a sentence for the user. */
export function errorMessage(i18n: I18n, error: unknown): string {
  if (error instanceof ProblemError) return problemMessage(i18n, error.problem);
  return i18n.t('problem.unknown');
}
