import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  assignItem,
  caseloadQueryKey,
  escalateItemTo,
  fetchCaseload,
  fetchPatientItems,
  fetchTeamDirectory,
  teamDirectoryQueryKey,
  type CaseloadFilter,
  type Escalation,
} from '../api/caseload';
import { applyToCache } from './useWorklist';

export function useCaseload(filter: CaseloadFilter, page: number) {
  return useQuery({
    queryKey: [...caseloadQueryKey, filter, page],
    queryFn: ({ signal }) => fetchCaseload(filter, page, signal),
    placeholderData: keepPreviousData,
  });
}

/** A patient's items past the first page their row holds (page 0 comes with the row). */
export function usePatientItems(patientId: string, filter: CaseloadFilter, page: number) {
  return useQuery({
    queryKey: [...caseloadQueryKey, 'items', patientId, filter, page],
    queryFn: ({ signal }) => fetchPatientItems(patientId, filter, page, signal),
    enabled: page > 0,
    placeholderData: keepPreviousData,
  });
}

export function useTeamDirectory(enabled = true) {
  return useQuery({
    queryKey: teamDirectoryQueryKey,
    queryFn: ({ signal }) => fetchTeamDirectory(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/**
 * Fetches the caseload again after live changes, at most once per `delayMs`: a burst of events
 * (a batch of missed tasks) costs one request, not one each.
 */
export function useCaseloadRefresh(delayMs = 400): () => void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: caseloadQueryKey });
    }, delayMs);
  };
}

export type AssignChange =
  { kind: 'assign'; subject: string } | { kind: 'escalate'; escalation: Escalation };

/** Assign an item to a colleague, or escalate it to a colleague or role with a new deadline. */
export function useAssign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AssignChange) =>
      change.kind === 'assign'
        ? assignItem(id, change.subject)
        : escalateItemTo(id, change.escalation),
    onSuccess: (item, change) => {
      applyToCache(queryClient, change.kind === 'assign' ? 'taken' : 'escalated', item);
      void queryClient.invalidateQueries({ queryKey: caseloadQueryKey });
    },
  });
}
