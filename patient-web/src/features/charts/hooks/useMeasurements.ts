import { useQuery } from '@tanstack/react-query';
import {
  fetchMeasurements,
  measurementsQueryKey,
  type Period,
} from '../../measurements/api/measurements';
import type { Vital } from '@heima/web-common/vitals';

export function useMeasurements(vital: Vital, period: Period) {
  return useQuery({
    queryKey: measurementsQueryKey(vital, period),
    queryFn: () => fetchMeasurements(vital, period),
  });
}
