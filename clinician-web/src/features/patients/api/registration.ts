import type { FieldError, Problem } from '@heima/web-common/problem';
import { ProblemError, ProblemType } from '@heima/web-common/problem';
import type { RegisterPatientRequest } from './patients';

export const REGISTRATION_FIELDS = [
  'identifier',
  'givenName',
  'familyName',
  'phone',
  'email',
  'preferredLanguage',
  'team',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

export interface RegistrationValues {
  identifier: string;
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  preferredLanguage: 'nb' | 'en';
  team: string;
}

/** What went wrong, kept as codes so the messages follow a language switch. */
export interface RegistrationErrors {
  fields: Partial<Record<RegistrationField, FieldError>>;
  general: Array<{ kind: 'field'; error: FieldError } | { kind: 'problem'; problem: Problem }>;
}

export const NO_ERRORS: RegistrationErrors = { fields: {}, general: [] };

export function hasErrors(errors: RegistrationErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.general.length > 0;
}

function digitsOnly(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * The checks worth doing before asking the server: required fields and the shape of the number.
 * Whether a number is valid (date, check digits) is the server's call alone.
 */
export function validateRegistration(values: RegistrationValues): RegistrationErrors {
  const fields: RegistrationErrors['fields'] = {};
  const identifier = digitsOnly(values.identifier);
  if (identifier === '') fields.identifier = { field: 'identifier', code: 'required' };
  else if (!/^\d+$/.test(identifier)) fields.identifier = { field: 'identifier', code: 'digits' };
  else if (identifier.length !== 11) fields.identifier = { field: 'identifier', code: 'length' };
  if (values.givenName.trim() === '') fields.givenName = { field: 'givenName', code: 'required' };
  if (values.familyName.trim() === '')
    fields.familyName = { field: 'familyName', code: 'required' };
  return { fields, general: [] };
}

export function toRequest(values: RegistrationValues): RegisterPatientRequest {
  const request: RegisterPatientRequest = {
    identifier: digitsOnly(values.identifier),
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    preferredLanguage: values.preferredLanguage,
  };
  if (values.phone.trim() !== '') request.phone = values.phone.trim();
  if (values.email.trim() !== '') request.email = values.email.trim();
  if (values.team !== '') request.team = values.team;
  return request;
}

/**
 * Sorts the server's answer: errors for a field the form shows go next to that field, the rest
 * into the summary. `shownFields` leaves out fields that are hidden (a single team).
 */
export function registrationErrorsFrom(
  error: unknown,
  shownFields: readonly RegistrationField[],
): RegistrationErrors {
  if (!(error instanceof ProblemError)) {
    return {
      fields: {},
      general: [{ kind: 'problem', problem: { type: 'about:blank', status: 0 } }],
    };
  }
  const problem = error.problem;
  const result: RegistrationErrors = { fields: {}, general: [] };
  const isShown = (field: string): field is RegistrationField =>
    (shownFields as readonly string[]).includes(field);

  for (const fieldError of problem.errors ?? []) {
    if (isShown(fieldError.field) && result.fields[fieldError.field] === undefined) {
      result.fields[fieldError.field] = fieldError;
    } else {
      result.general.push({ kind: 'field', error: fieldError });
    }
  }
  if (problem.type === ProblemType.duplicateIdentifier) {
    // Whatever code the server gives, the person needs to hear "already registered".
    result.fields.identifier = { field: 'identifier', code: 'duplicate' };
    result.general = result.general.filter(
      (entry) => !(entry.kind === 'field' && entry.error.field === 'identifier'),
    );
  }
  if (!hasErrors(result)) result.general.push({ kind: 'problem', problem });
  return result;
}
