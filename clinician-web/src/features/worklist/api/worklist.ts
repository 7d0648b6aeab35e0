import { apiFetch } from '@heima/web-common/http';
import type { components } from '@heima/web-common/api/schema';

/**
 * The worklist (`/api/worklist`): what the clinician's teams must look at, red first, then yellow,
 * then missed tasks, oldest first within a level. Live changes arrive as server-sent events.
 */

export type WorklistLevel = WorklistItem['level'];
export type WorklistKind = WorklistItem['kind'];
export type WorklistStatus = WorklistItem['status'];
export type ResolutionAction = NonNullable<WorklistItem['action']>;
/** The actions in the order the form offers them (each one of the backend's). */
export const RESOLUTION_ACTIONS = [
  'CALLED_PATIENT',
  'ADJUSTED_MEDICATION',
  'BOOKED_VISIT',
  'NO_ACTION_NEEDED',
  'OTHER',
] as const satisfies readonly ResolutionAction[];

/** A worklist item (generated from the backend's `worklist/WorklistItem.java`). */
export type WorklistItem = components['schemas']['WorklistItem'];

export interface WorklistPage {
  items: WorklistItem[];
  page: number;
  size: number;
  total: number;
}

export interface Resolution {
  action: ResolutionAction;
  note: string;
  patientMessage?: string;
}

export const WORKLIST_EVENTS = ['raised', 'taken', 'escalated', 'resolved'] as const;
export type WorklistEvent = (typeof WORKLIST_EVENTS)[number];
/** Sent instead of changes this stream missed: fetch the lists again. */
export const WORKLIST_RELOAD_EVENT = 'reload';

export const WORKLIST_SIZE = 50;
/** Prefix of every page of the worklist in the query cache; one page is `worklistPageQueryKey`. */
export const worklistQueryKey = ['worklist'] as const;
export const worklistPageQueryKey = (page: number) => [...worklistQueryKey, page] as const;
export const patientWorklistQueryKey = (patientId: string) =>
  ['patient-worklist', patientId] as const;
export const WORKLIST_STREAM_PATH = '/api/worklist/stream';

const item = (id: string) => `/api/worklist/${encodeURIComponent(id)}`;

export function fetchWorklist(page: number, signal?: AbortSignal): Promise<WorklistPage> {
  const query = new URLSearchParams({ page: String(page), size: String(WORKLIST_SIZE) });
  return apiFetch<WorklistPage>(`/api/worklist?${query}`, signal ? { signal } : {});
}

export function fetchPatientWorklist(
  patientId: string,
  signal?: AbortSignal,
): Promise<WorklistItem[]> {
  return apiFetch<WorklistItem[]>(
    `/api/patients/${encodeURIComponent(patientId)}/worklist`,
    signal ? { signal } : {},
  );
}

export function takeItem(id: string): Promise<WorklistItem> {
  return apiFetch<WorklistItem>(`${item(id)}/take`, { method: 'POST' });
}

export function escalateItem(id: string, note: string): Promise<WorklistItem> {
  return apiFetch<WorklistItem>(`${item(id)}/escalate`, { method: 'POST', body: { note } });
}

export function resolveItem(id: string, resolution: Resolution): Promise<WorklistItem> {
  return apiFetch<WorklistItem>(`${item(id)}/resolve`, { method: 'POST', body: resolution });
}

/** The 1-based range of items a page shows, and how many pages there are (at least one). */
export function pageRange(
  page: Pick<WorklistPage, 'page' | 'size' | 'total'> & { items: readonly unknown[] },
): {
  from: number;
  to: number;
  pages: number;
} {
  const from = page.items.length === 0 ? 0 : page.page * page.size + 1;
  const to = page.page * page.size + page.items.length;
  return { from, to, pages: Math.max(1, Math.ceil(page.total / page.size)) };
}

const LEVEL_ORDER: Record<WorklistLevel, number> = { RED: 0, YELLOW: 1, MISSING: 2, MESSAGE: 2 };

/** Worklist order: red, yellow, missing; oldest first within a level. */
export function compareItems(a: WorklistItem, b: WorklistItem): number {
  return (
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    Date.parse(a.raisedAt) - Date.parse(b.raisedAt) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * The list after one live event: a resolved item leaves, any other is inserted or replaced (an
 * older version than the one on screen is ignored), and the order is kept. A new item is put only
 * into the first page: where it falls among later pages is the server's to say (they are fetched
 * again when shown), but every page counts it in the total.
 */
export function applyWorklistEvent(
  page: WorklistPage | undefined,
  event: WorklistEvent,
  changed: WorklistItem,
): WorklistPage | undefined {
  if (page === undefined) return page;
  const existing = page.items.find((i) => i.id === changed.id);
  if (existing !== undefined && existing.version > changed.version) return page;
  const others = page.items.filter((i) => i.id !== changed.id);
  if (event === 'resolved' || changed.status === 'RESOLVED') {
    return existing === undefined ? page : { ...page, items: others, total: page.total - 1 };
  }
  if (existing === undefined && page.page > 0) return { ...page, total: page.total + 1 };
  return {
    ...page,
    items: [...others, changed].sort(compareItems),
    total: existing === undefined ? page.total + 1 : page.total,
  };
}

export interface TriageReason {
  code: string;
  value: number | string | null;
  level: string;
  bound: string | null;
  boundValue: number | null;
  source: string | null;
}

/** The reasons inside an item's triage JSON; none when it is absent or unreadable. */
export function triageReasons(item: Pick<WorklistItem, 'reasons'>): TriageReason[] {
  if (!item.reasons) return [];
  try {
    const parsed: unknown = JSON.parse(item.reasons);
    if (typeof parsed === 'object' && parsed !== null && 'reasons' in parsed) {
      const reasons = (parsed as { reasons: unknown }).reasons;
      if (Array.isArray(reasons)) return reasons as TriageReason[];
    }
  } catch {
    // Shown without reasons.
  }
  return [];
}
