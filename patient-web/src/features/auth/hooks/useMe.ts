import { useQuery } from '@tanstack/react-query';
import { meOrOfflineCopy } from '../../../lib/offlineCopy';
import { fetchMe, meQueryKey } from '../api/me';

/**
 * The logged-in person. Without network, the last person seen on this device (see
 * `lib/offlineCopy`), so the app opens offline with today's tasks and the send queue.
 */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => meOrOfflineCopy(window.localStorage, fetchMe),
    staleTime: 5 * 60_000,
    // run once even when the browser says it is offline, so the copy is used
    networkMode: 'offlineFirst',
  });
}
