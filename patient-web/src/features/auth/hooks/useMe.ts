import { useQuery } from '@tanstack/react-query';
import { fetchMe, meQueryKey } from '../api/me';

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
