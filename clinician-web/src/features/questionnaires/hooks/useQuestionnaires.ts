import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchQuestionnaire,
  importQuestionnaire,
  listQuestionnaires,
  questionnairesQueryKey,
  retireQuestionnaire,
} from '../api/questionnaires';

export function useQuestionnaires() {
  return useQuery({
    queryKey: questionnairesQueryKey,
    queryFn: ({ signal }) => listQuestionnaires(signal),
  });
}

/** The FHIR Questionnaire of one library version; `id` null waits. */
export function useQuestionnaire(id: string | null) {
  return useQuery({
    queryKey: [...questionnairesQueryKey, 'content', id],
    queryFn: ({ signal }) => fetchQuestionnaire(id ?? '', signal),
    enabled: id !== null,
    staleTime: Infinity, // a stored version never changes
  });
}

export function useImportQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importQuestionnaire,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnairesQueryKey }),
  });
}

export function useRetireQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireQuestionnaire,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnairesQueryKey }),
  });
}
