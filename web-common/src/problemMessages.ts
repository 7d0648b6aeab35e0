import type { i18n as I18n } from 'i18next';
import {
  PROBLEM_PREFIX,
  ProblemError,
  type AnswerProblem,
  type FieldError,
  type Problem,
} from './problem';

/**
 * A text by a key built at run time. Each app types `t` with its own keys; the keys this file uses
 * (`problem.*`, `fieldError.*`, `answerProblem.*`) are checked by each app's tests instead.
 */
function text(i18n: I18n, key: string, options: object = {}): string {
  return (i18n.t as (key: string, options: object) => string)(key, options);
}

/** Translates the first key that exists in the current (or fallback) language. */
function translateFirst(i18n: I18n, keys: string[]): string | undefined {
  const key = keys.find((candidate) => i18n.exists(candidate));
  return key === undefined ? undefined : text(i18n, key);
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
  return (
    translateFirst(i18n, keys) ?? problem.detail ?? problem.title ?? text(i18n, 'problem.unknown')
  );
}

/** A sentence for the user about one field, e.g. `identifier` + `check-digit-2`. */
export function fieldErrorMessage(i18n: I18n, error: FieldError): string {
  return (
    translateFirst(i18n, [`fieldError.${error.field}.${error.code}`, `fieldError.${error.code}`]) ??
    error.message ??
    text(i18n, 'problem.validation')
  );
}

/** Any error thrown by a query or mutation, as a sentence for the user. */
export function errorMessage(i18n: I18n, error: unknown): string {
  if (error instanceof ProblemError) return problemMessage(i18n, error.problem);
  return text(i18n, 'problem.unknown');
}

/** What is wrong with one refused answer, in the current language (`answers[]` of a problem). */
export function answerProblemMessage(i18n: I18n, answer: AnswerProblem): string {
  const code = answer.type.startsWith(PROBLEM_PREFIX)
    ? answer.type.slice(PROBLEM_PREFIX.length)
    : answer.type;
  const key = `answerProblem.${code}`;
  if (!i18n.exists(key)) return answer.message ?? text(i18n, 'answerProblem.other');
  const bytes = Number(answer.limit);
  const size = Number.isFinite(bytes) && bytes > 0 ? formatBytes(bytes, i18n.language) : '';
  return text(i18n, key, { limit: answer.limit ?? '', size });
}

function formatBytes(bytes: number, language: string): string {
  const megabytes = bytes / (1024 * 1024);
  const locale = language === 'en' ? 'en-GB' : 'nb-NO';
  return megabytes >= 1
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)} MB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} kB`;
}
