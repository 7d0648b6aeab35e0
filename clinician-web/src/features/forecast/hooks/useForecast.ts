import { useQuery } from '@tanstack/react-query';
import { fetchForecast } from '../api/forecast';

export function useForecast(days = 14) {
  return useQuery({
    queryKey: ['capacity-forecast', days],
    queryFn: ({ signal }) => fetchForecast(days, signal),
    staleTime: 5 * 60_000,
  });
}
