import { apiFetch } from '@heima/web-common/http';

/** One row of the audit trail (`GET /api/admin/audit`, ADMIN only). */
export interface AuditRow {
  id: number;
  occurredAt: string;
  actorSubject: string;
  actorName: string | null;
  actorRoles: string;
  patientId: string | null;
  action: 'READ' | 'SEARCH' | 'CREATE' | 'UPDATE';
  resource: string;
  outcome: 'SUCCESS' | 'DENIED';
  detail: string | null;
  /** HL7 PurposeOfUse: TREAT, PATRQT or HOPERAT. */
  purpose: string;
}

export interface AuditPage {
  items: AuditRow[];
  page: number;
  size: number;
}

export interface AuditSearch {
  patient?: string;
  actor?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
  outcome?: 'SUCCESS' | 'DENIED';
}

export function auditQuery(search: AuditSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  }
  params.set('size', '100');
  return params.toString();
}

export function fetchAudit(search: AuditSearch, signal?: AbortSignal): Promise<AuditPage> {
  return apiFetch<AuditPage>(`/api/admin/audit?${auditQuery(search)}`, signal ? { signal } : {});
}

/** Where the same search downloads as a FHIR Bundle of AuditEvents. */
export function auditFhirHref(search: AuditSearch): string {
  return `/api/admin/audit/fhir?${auditQuery(search)}`;
}
