import { apiFetch } from '@heima/web-common/http';

/**
 * One access to the patient's data by someone else (`GET /api/me/access-log`), from Heima's
 * audit trail: who, in which role, when, why (an HL7 PurposeOfUse code), what, and whether they
 * were let in.
 */
export interface AccessLogEntry {
  at: string;
  who: string;
  role: 'CLINICIAN' | 'ADMIN' | 'PATIENT' | 'SYSTEM';
  purpose: 'TREAT' | 'PATRQT' | 'HOPERAT';
  action: 'READ' | 'SEARCH' | 'CREATE' | 'UPDATE';
  resource: string;
  outcome: 'SUCCESS' | 'DENIED';
}

export const ACCESS_LOG_PATH = '/api/me/access-log';

export function fetchAccessLog(signal?: AbortSignal): Promise<AccessLogEntry[]> {
  return apiFetch<AccessLogEntry[]>(ACCESS_LOG_PATH, signal ? { signal } : {});
}
