import { apiFetch } from '@heima/web-common/http';
import { ProblemType, hasProblemType } from '@heima/web-common/problem';

export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const DNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';

export interface PatientIdentifier {
  system: typeof FNR_SYSTEM | typeof DNR_SYSTEM;
  value: string;
  kind: 'FNR' | 'DNR';
}

export interface Patient {
  id: string;
  identifier: PatientIdentifier;
  givenName: string;
  familyName: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
  /** The backend also accepts nn (nynorsk) and se (northern Sami), though the apps speak nb and en. */
  preferredLanguage: string;
  teams: string[];
  version: number;
  createdAt: string;
}

/** Being logged in without a patient record is a normal state here, not an error. */
export type OwnPatient = { registered: true; patient: Patient } | { registered: false };

export const ownPatientQueryKey = ['me', 'patient'] as const;

export async function fetchOwnPatient(): Promise<OwnPatient> {
  try {
    return { registered: true, patient: await apiFetch<Patient>('/api/me/patient') };
  } catch (error) {
    if (hasProblemType(error, ProblemType.notRegistered)) return { registered: false };
    throw error;
  }
}
