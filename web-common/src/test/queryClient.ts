import { createQueryClient } from '../queryClient';

/** The app's query client as unit tests want it: no retries and no refetching, so errors show at once. */
export function testQueryClient() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
    mutations: { retry: false },
  });
  return queryClient;
}
