import { createQueryClient } from '../queryClient';
import { vitalsQueryKey } from '../vitals';
import { vitalsFixture } from './vitals';

/**
 * The app's query client as unit tests want it: no retries and no refetching, so errors show at
 * once; the vital catalogue is already there (the backend's answer, `vitals.json`), as after the
 * app's first request.
 */
export function testQueryClient() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
    mutations: { retry: false },
  });
  queryClient.setQueryData(vitalsQueryKey, vitalsFixture);
  return queryClient;
}
