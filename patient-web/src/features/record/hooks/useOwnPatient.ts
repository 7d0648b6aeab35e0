import { useQuery } from '@tanstack/react-query';
import { fetchOwnPatient, ownPatientQueryKey } from '../api/ownPatient';

export function useOwnPatient() {
  return useQuery({ queryKey: ownPatientQueryKey, queryFn: fetchOwnPatient });
}
