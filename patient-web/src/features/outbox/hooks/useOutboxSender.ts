import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useOutboxInstance } from './useOutbox';

/**
 * Sends what is waiting for the logged-in patient (now, on `online`, on a timer), and refreshes
 * tasks and measurements whenever something got through.
 */
export function useOutboxSender(owner: string): void {
  const outbox = useOutboxInstance();
  const queryClient = useQueryClient();
  useEffect(() => outbox.start(owner), [outbox, owner]);
  useEffect(() => {
    let count = outbox.getSnapshot().items.length;
    return outbox.subscribe(() => {
      const next = outbox.getSnapshot().items.length;
      if (next < count) {
        void queryClient.invalidateQueries({ queryKey: ['me', 'tasks'] });
        void queryClient.invalidateQueries({ queryKey: ['me', 'measurements'] });
        void queryClient.invalidateQueries({ queryKey: ['me', 'reviews'] });
      }
      count = next;
    });
  }, [outbox, queryClient]);
}
