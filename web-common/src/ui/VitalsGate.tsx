import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchVitals, setLoadedVitals, vitalsQueryKey } from '../vitals';
import { ErrorPanel, Loading } from './Status';

/**
 * Shows `children` once the backend's vital catalogue is loaded (`GET /api/vitals`, once per page
 * load), so the pages under it can read it synchronously with `loadedVitals()`.
 */
export function VitalsGate({ children }: { children: ReactNode }) {
  const vitals = useQuery({
    queryKey: vitalsQueryKey,
    queryFn: fetchVitals,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  // a failed refetch keeps the catalogue it had: the pages go on with it
  if (vitals.data !== undefined) {
    setLoadedVitals(vitals.data);
    return <>{children}</>;
  }
  if (vitals.isError) {
    return <ErrorPanel error={vitals.error} onRetry={() => void vitals.refetch()} />;
  }
  return <Loading />;
}
