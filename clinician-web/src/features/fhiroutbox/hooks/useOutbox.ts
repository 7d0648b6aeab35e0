import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchOutbox,
  fetchOutboxStats,
  outboxQueryKey,
  retryOutboxRow,
  type OutboxStats,
} from '../api/outbox';

export function useOutboxStats() {
  return useQuery({
    queryKey: [...outboxQueryKey, 'stats'],
    queryFn: ({ signal }) => fetchOutboxStats(signal),
    refetchInterval: 30_000,
  });
}

export function useParkedRows() {
  return useQuery({
    queryKey: [...outboxQueryKey, 'PARKED'],
    queryFn: ({ signal }) => fetchOutbox('PARKED', signal),
  });
}

export function useRetryRow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => retryOutboxRow(id),
    onSuccess: (stats) => {
      queryClient.setQueryData<OutboxStats>([...outboxQueryKey, 'stats'], stats);
      void queryClient.invalidateQueries({ queryKey: [...outboxQueryKey, 'PARKED'] });
    },
  });
}
