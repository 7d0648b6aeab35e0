import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  fetchMessages,
  hasUnreadFromPatient,
  markRead,
  messagesQueryKey,
  sendMessage,
} from '../api/messages';

/** How often an open conversation looks for new messages. */
export const MESSAGES_POLL_MS = 10_000;

/** The conversation; what the patient wrote is marked read as soon as it is shown. */
export function useMessages(patientId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: messagesQueryKey(patientId),
    queryFn: ({ signal }) => fetchMessages(patientId, signal),
    refetchInterval: MESSAGES_POLL_MS,
  });
  const unread = query.data ? hasUnreadFromPatient(query.data) : false;
  useEffect(() => {
    if (!unread) return;
    void markRead(patientId).then(
      () => queryClient.invalidateQueries({ queryKey: messagesQueryKey(patientId) }),
      () => undefined,
    );
  }, [unread, patientId, queryClient]);
  return query;
}

export function useSendMessage(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => sendMessage(patientId, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesQueryKey(patientId) }),
  });
}
