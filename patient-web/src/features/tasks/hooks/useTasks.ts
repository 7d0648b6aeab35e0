import { useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInZone } from '../../../lib/dates';
import { orOfflineCopy } from '../../../lib/offlineCopy';
import { meQueryKey, type Me } from '@heima/web-common/auth/me';

/** The logged-in person's subject, as the app already knows it (no request of its own). */
function useOwner(): string | undefined {
  return useQueryClient().getQueryData<Me | null>(meQueryKey)?.subject;
}
import { carePlansQueryKey, fetchCarePlans, fetchTasks, tasksQueryKey } from '../api/tasks';

/** A day's tasks; today's are kept on the device for opening the app without network. */
export function useTasks(date: string) {
  const owner = useOwner();
  return useQuery({
    queryKey: tasksQueryKey(date),
    queryFn: () => {
      const today = todayInZone();
      return orOfflineCopy(window.localStorage, 'tasks', owner, date, date === today, () =>
        fetchTasks(date),
      );
    },
    // run once even when the browser says it is offline, so the copy is used
    networkMode: 'offlineFirst',
  });
}

/** The care plans' status; kept on the device for opening the app without network. */
export function useCarePlans() {
  const owner = useOwner();
  return useQuery({
    queryKey: carePlansQueryKey,
    queryFn: () =>
      orOfflineCopy(window.localStorage, 'care-plans', owner, '', true, fetchCarePlans),
    networkMode: 'offlineFirst',
  });
}
