import { apiFetch } from '@heima/web-common/http';
import type { WorklistItem, WorklistLevel, WorklistPage } from './worklist';

/**
 * The worklist by patient (`/api/worklist/patients`): one row per patient, worst level first,
 * filtered and paged on the server, and the team directory (`/api/team-directory`) an item is
 * assigned or escalated from.
 */

export type Show = 'ALL' | 'MINE' | 'UNASSIGNED' | 'OVERDUE';
export const SHOWS: readonly Show[] = ['ALL', 'MINE', 'UNASSIGNED', 'OVERDUE'];
export const LEVELS: readonly WorklistLevel[] = ['RED', 'YELLOW', 'MISSING'];
/** Kinds offered in the filter; a kind the server sends that is not here still shows. */
export const KNOWN_KINDS = ['MEASUREMENT', 'RESPONSE', 'MISSING', 'UNASSESSED', 'EVALUATION'];

export interface CaseloadFilter {
  level: WorklistLevel | '';
  kind: string;
  show: Show;
  q: string;
}

export const NO_FILTER: CaseloadFilter = { level: '', kind: '', show: 'ALL', q: '' };

export interface PatientRow {
  patientId: string;
  patientName: string;
  identifier: string;
  phone: string | null;
  worstLevel: WorklistLevel;
  /** Open items per kind, e.g. `{ MEASUREMENT: 2, RESPONSE: 1 }`. */
  counts: Record<string, number>;
  overdue: number;
  oldestRaisedAt: string;
  items: WorklistItem[];
}

export interface PatientRowsPage {
  /** The patients' rows on this page. */
  items: PatientRow[];
  page: number;
  size: number;
  /** Patients matching the filter. */
  total: number;
  /** Items matching the filter. */
  itemTotal: number;
}

export interface TeamMember {
  team: string;
  subject: string;
  name: string;
  roles: string;
  lastLoginAt: string | null;
  listed: boolean;
}

export interface Escalation {
  note: string;
  toSubject?: string;
  toRole?: string;
  dueAt?: string;
}

export const CASELOAD_SIZE = 25;
/** Not under `['worklist']`: those entries hold item pages that live events are applied to. */
export const caseloadQueryKey = ['worklist-patients'] as const;
export const teamDirectoryQueryKey = ['team-directory'] as const;

export function caseloadQuery(filter: CaseloadFilter, page: number, size = CASELOAD_SIZE) {
  const query = new URLSearchParams({ page: String(page), size: String(size) });
  if (filter.level) query.set('level', filter.level);
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.show !== 'ALL') query.set('show', filter.show);
  if (filter.q.trim()) query.set('q', filter.q.trim());
  return query;
}

export function fetchCaseload(
  filter: CaseloadFilter,
  page: number,
  signal?: AbortSignal,
): Promise<PatientRowsPage> {
  return apiFetch<PatientRowsPage>(
    `/api/worklist/patients?${caseloadQuery(filter, page)}`,
    signal ? { signal } : {},
  );
}

/** How many items a patient's row holds; past them the row pages (the server's own bound). */
export const ITEMS_PER_ROW = 50;

/** How many of the patient's items match the filter (the row's counts per kind, summed). */
export function itemCount(row: Pick<PatientRow, 'counts'>): number {
  return Object.values(row.counts).reduce((sum, n) => sum + n, 0);
}

/** One page of a patient's items within the filter (`/api/worklist/patients/{id}/items`). */
export function fetchPatientItems(
  patientId: string,
  filter: CaseloadFilter,
  page: number,
  signal?: AbortSignal,
): Promise<WorklistPage> {
  return apiFetch<WorklistPage>(
    `/api/worklist/patients/${encodeURIComponent(patientId)}/items?${caseloadQuery(filter, page, ITEMS_PER_ROW)}`,
    signal ? { signal } : {},
  );
}

export function fetchTeamDirectory(signal?: AbortSignal): Promise<TeamMember[]> {
  return apiFetch<TeamMember[]>('/api/team-directory', signal ? { signal } : {});
}

const item = (id: string) => `/api/worklist/${encodeURIComponent(id)}`;

export function assignItem(id: string, subject: string): Promise<WorklistItem> {
  return apiFetch<WorklistItem>(`${item(id)}/assign`, { method: 'POST', body: { subject } });
}

export function escalateItemTo(id: string, escalation: Escalation): Promise<WorklistItem> {
  return apiFetch<WorklistItem>(`${item(id)}/escalate`, { method: 'POST', body: escalation });
}

/** The red items on a page (ids), to tell which ones are new when the page comes again. */
export function redItemIds(page: PatientRowsPage | undefined): string[] {
  if (!page) return [];
  return page.items.flatMap((row) => row.items.filter((i) => i.level === 'RED').map((i) => i.id));
}

/** The document title with the number of new red items in front, as mail clients do. */
export function titleWithBadge(title: string, newRed: number): string {
  return newRed > 0 ? `(${newRed}) ${title}` : title;
}
