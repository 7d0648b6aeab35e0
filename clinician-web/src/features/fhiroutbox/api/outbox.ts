import { apiFetch } from '@heima/web-common/http';

/** The FHIR write-back outbox (`/api/admin/fhir-outbox`, ADMIN only). */

export interface OutboxStats {
  pending: number;
  parked: number;
  /** Null when nothing is pending. */
  oldestPendingSeconds: number | null;
}

export type OutboxStatus = 'PENDING' | 'PARKED';

export interface OutboxRow {
  id: number;
  resourceType: string;
  identifier: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
}

export const outboxQueryKey = ['fhir-outbox'] as const;

export function fetchOutboxStats(signal?: AbortSignal): Promise<OutboxStats> {
  return apiFetch<OutboxStats>('/api/admin/fhir-outbox/stats', signal ? { signal } : {});
}

export function fetchOutbox(status: OutboxStatus, signal?: AbortSignal): Promise<OutboxRow[]> {
  return apiFetch<OutboxRow[]>(
    `/api/admin/fhir-outbox?${new URLSearchParams({ status })}`,
    signal ? { signal } : {},
  );
}

export function retryOutboxRow(id: number): Promise<OutboxStats> {
  return apiFetch<OutboxStats>(`/api/admin/fhir-outbox/${encodeURIComponent(id)}/retry`, {
    method: 'POST',
  });
}
