import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  WORKLIST_EVENTS,
  WORKLIST_RELOAD_EVENT,
  WORKLIST_STREAM_PATH,
  applyWorklistEvent,
  escalateItem,
  fetchPatientWorklist,
  fetchWorklist,
  patientWorklistQueryKey,
  resolveItem,
  takeItem,
  worklistPageQueryKey,
  worklistQueryKey,
  type Resolution,
  type WorklistEvent,
  type WorklistItem,
  type WorklistPage,
} from '../api/worklist';
import { caseloadQueryKey } from '../api/caseload';

/** One page (0-based) of the worklist; the page shown stays while the next one loads. */
export function useWorklist(page = 0) {
  return useQuery({
    queryKey: worklistPageQueryKey(page),
    queryFn: ({ signal }) => fetchWorklist(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePatientWorklist(patientId: string) {
  return useQuery({
    queryKey: patientWorklistQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatientWorklist(patientId, signal),
  });
}

/** Puts an item as the server now has it into the list and the patient's timeline. */
export function applyToCache(
  queryClient: QueryClient,
  event: WorklistEvent,
  item: WorklistItem,
): void {
  // Every cached page, so that a page visited before shows the change when it comes back.
  queryClient.setQueriesData<WorklistPage>({ queryKey: worklistQueryKey }, (page) =>
    applyWorklistEvent(page, event, item),
  );
  queryClient.setQueryData<WorklistItem[]>(patientWorklistQueryKey(item.patientId), (items) =>
    items === undefined ? items : [item, ...items.filter((i) => i.id !== item.id)],
  );
}

function parseItem(data: unknown): WorklistItem | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null && 'id' in parsed
      ? (parsed as WorklistItem)
      : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the cached worklist live from `GET /api/worklist/stream`. EventSource reconnects by itself
 * after an error; the lists are fetched again once it is back, since events may have been missed,
 * and when the server sends `reload` (it could not send every change to this stream).
 * `onEvent` hears every applied event (e.g. to announce a new red item).
 */
export function useWorklistStream(
  onEvent?: (event: WorklistEvent, item: WorklistItem) => void,
): void {
  const queryClient = useQueryClient();
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(WORKLIST_STREAM_PATH, { withCredentials: true });
    let lostConnection = false;
    const handlers = WORKLIST_EVENTS.map((name) => {
      const handler = (message: MessageEvent) => {
        const item = parseItem(message.data);
        if (item === null) return;
        applyToCache(queryClient, name, item);
        listener.current?.(name, item);
      };
      source.addEventListener(name, handler);
      return [name, handler] as const;
    });
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: worklistQueryKey });
      void queryClient.invalidateQueries({ queryKey: caseloadQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['patient-worklist'] });
    };
    const onError = () => {
      lostConnection = true;
    };
    const onOpen = () => {
      if (!lostConnection) return;
      lostConnection = false;
      refetch();
    };
    source.addEventListener('error', onError);
    source.addEventListener('open', onOpen);
    // The server fell behind with this stream (or could not read or audit a change): some
    // changes were not sent, so the lists are fetched again.
    source.addEventListener(WORKLIST_RELOAD_EVENT, refetch);
    return () => {
      for (const [name, handler] of handlers) source.removeEventListener(name, handler);
      source.removeEventListener('error', onError);
      source.removeEventListener('open', onOpen);
      source.removeEventListener(WORKLIST_RELOAD_EVENT, refetch);
      source.close();
    };
  }, [queryClient]);
}

export type WorklistChange =
  | { kind: 'take' }
  | { kind: 'escalate'; note: string }
  | { kind: 'resolve'; resolution: Resolution };

function send(id: string, change: WorklistChange): Promise<WorklistItem> {
  switch (change.kind) {
    case 'take':
      return takeItem(id);
    case 'escalate':
      return escalateItem(id, change.note);
    case 'resolve':
      return resolveItem(id, change.resolution);
  }
}

const EVENT_FOR: Record<WorklistChange['kind'], WorklistEvent> = {
  take: 'taken',
  escalate: 'escalated',
  resolve: 'resolved',
};

/** Take, escalate or resolve one item; a conflict (someone else was first) refreshes the list. */
export function useChangeItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: WorklistChange) => send(id, change),
    onSuccess: (item, change) => {
      applyToCache(queryClient, EVENT_FOR[change.kind], item);
      void queryClient.invalidateQueries({ queryKey: ['worklist-patients'] });
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: worklistQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['worklist-patients'] });
    },
  });
}
