import { useQuery, type NetworkMode } from '@tanstack/react-query';
import { fetchMe, meQueryKey, type Me } from './me';

/**
 * The logged-in person (`null`: nobody). An app may ask differently, e.g. the patient app falls
 * back to the last person seen on the device when there is no network (`networkMode: 'offlineFirst'`).
 */
export function useMe(
  options: {
    queryFn?: () => Promise<Me | null>;
    networkMode?: NetworkMode;
  } = {},
) {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: options.queryFn ?? fetchMe,
    staleTime: 5 * 60_000,
    ...(options.networkMode !== undefined ? { networkMode: options.networkMode } : {}),
  });
}
