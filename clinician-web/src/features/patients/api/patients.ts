import { apiFetch } from '@heima/web-common/http';

export interface PatientIdentifier {
  system: 'urn:oid:2.16.578.1.12.4.1.4.1' | 'urn:oid:2.16.578.1.12.4.1.4.2';
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
  /** The backend also accepts nn and se; the form offers nb and en. */
  preferredLanguage: string;
  teams: string[];
  version: number;
  createdAt: string;
}

export interface PatientPage {
  items: Patient[];
  page: number;
  size: number;
  total: number;
}

export interface PatientSearch {
  q: string;
  page: number;
  size: number;
}

export interface RegisterPatientRequest {
  identifier: string;
  givenName: string;
  familyName: string;
  phone?: string;
  email?: string;
  preferredLanguage?: 'nb' | 'en';
  team?: string;
}

export const PAGE_SIZE = 20;
export const patientsQueryKey = ['patients'] as const;

/** Patients in the clinician's own teams whose name or identifier matches `q`. */
export function searchPatients(search: PatientSearch, signal?: AbortSignal): Promise<PatientPage> {
  const params = new URLSearchParams({
    q: search.q,
    page: String(search.page),
    size: String(search.size),
  });
  return apiFetch<PatientPage>(`/api/patients?${params}`, signal ? { signal } : {});
}

/**
 * What registering a person another team already follows answers (202): an access request that
 * team decides on. The same answer whether or not the person exists, so it reveals nobody.
 */
export interface AccessRequested {
  requestId: string;
  status: 'PENDING';
}

export function isAccessRequested(value: Patient | AccessRequested): value is AccessRequested {
  return 'requestId' in value;
}

export function registerPatient(
  request: RegisterPatientRequest,
): Promise<Patient | AccessRequested> {
  return apiFetch<Patient | AccessRequested>('/api/patients', { method: 'POST', body: request });
}

/** One patient of the clinician's teams; 404 for anyone else. */
export function fetchPatient(id: string, signal?: AbortSignal): Promise<Patient> {
  return apiFetch<Patient>(`/api/patients/${encodeURIComponent(id)}`, signal ? { signal } : {});
}
