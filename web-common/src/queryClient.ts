import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';
import { meQueryKey } from './auth/me';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change by asking again; a network blip or 5xx may.
  if (error instanceof ProblemError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** One client per app; a 401 anywhere means the session is gone, so `me` becomes "logged out". */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => onUnauthenticated(error),
    }),
    mutationCache: new MutationCache({
      onError: (error) => onUnauthenticated(error),
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  function onUnauthenticated(error: unknown) {
    if (error instanceof ProblemError && error.status === 401) {
      client.setQueryData(meQueryKey, null);
    }
  }
  return client;
}
