import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  fetchMessages,
  hasUnreadFromTeam,
  markRead,
  messagesQueryKey,
  sendMessage,
} from '../api/messages';

export const MESSAGES_POLL_MS = 10_000;

/** The conversation; the team's answers are marked read once they are shown. */
export function useMessages() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: messagesQueryKey,
    queryFn: ({ signal }) => fetchMessages(signal),
    refetchInterval: MESSAGES_POLL_MS,
  });
  const unread = query.data ? hasUnreadFromTeam(query.data) : false;
  useEffect(() => {
    if (!unread) return;
    void markRead().then(
      () => queryClient.invalidateQueries({ queryKey: messagesQueryKey }),
      () => undefined,
    );
  }, [unread, queryClient]);
  return query;
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, photos }: { text: string; photos: File[] }) => sendMessage(text, photos),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagesQueryKey }),
  });
}
