import { useQuery } from '@tanstack/react-query';
import {
  draftQueryKey,
  fetchDraft,
  fetchQuestionnaire,
  questionnaireQueryKey,
  type TaskRef,
} from '../api/questionnaires';

export function useQuestionnaire(url: string | null, version: string | null) {
  return useQuery({
    queryKey: questionnaireQueryKey(url ?? '', version),
    queryFn: () => fetchQuestionnaire(url ?? '', version),
    enabled: url !== null,
    staleTime: Infinity,
  });
}

export function useDraft(task: TaskRef) {
  // Always fresh: the draft may have been saved on another device a minute ago.
  return useQuery({ queryKey: draftQueryKey(task), queryFn: () => fetchDraft(task), staleTime: 0 });
}
