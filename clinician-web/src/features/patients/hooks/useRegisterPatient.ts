import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patientsQueryKey, registerPatient } from '../api/patients';

export function useRegisterPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPatient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientsQueryKey }),
  });
}
