import { useQuery } from '@tanstack/react-query';
import { fetchPatient, patientsQueryKey } from '../api/patients';

export function usePatient(patientId: string) {
  return useQuery({
    queryKey: [...patientsQueryKey, 'one', patientId],
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
  });
}
