import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  fetchResponse,
  fetchResponses,
  responseQueryKey,
  responsesQueryKey,
} from '../api/responses';

function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language;
}

export function useResponses(patientId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: responsesQueryKey(patientId, language),
    queryFn: ({ signal }) => fetchResponses(patientId, language, signal),
  });
}

export function useResponse(patientId: string, responseId: string | null) {
  const language = useLanguage();
  return useQuery({
    queryKey: responseQueryKey(patientId, responseId ?? '', language),
    queryFn: ({ signal }) => fetchResponse(patientId, responseId ?? '', language, signal),
    enabled: responseId !== null,
  });
}
