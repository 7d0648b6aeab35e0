import { fetchMe } from '@heima/web-common/auth/me';
import { useMe as useSharedMe } from '@heima/web-common/auth/useMe';
import { meOrOfflineCopy } from '../lib/offlineCopy';

/**
 * The logged-in person. Without network, the last person seen on this device (see
 * `lib/offlineCopy`), so the app opens offline with today's tasks and the send queue.
 */
export function useMe() {
  return useSharedMe({
    queryFn: () => meOrOfflineCopy(window.localStorage, fetchMe),
    // run once even when the browser says it is offline, so the copy is used
    networkMode: 'offlineFirst',
  });
}
