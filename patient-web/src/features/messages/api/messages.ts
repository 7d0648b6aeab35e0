import { apiFetch } from '@heima/web-common/http';

import type { Message, MessagePhoto } from '@heima/web-common/messages';

export { MAX_MESSAGE_LENGTH, type Message, type MessagePhoto } from '@heima/web-common/messages';

/** The patient's conversation with their care team. */
export const MESSAGES_PATH = '/api/me/messages';
export const MAX_PHOTOS = 4;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** What the file picker offers; the server decides from the bytes. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif';
export const messagesQueryKey = ['me', 'messages'] as const;

export function fetchMessages(signal?: AbortSignal): Promise<Message[]> {
  return apiFetch<Message[]>(MESSAGES_PATH, signal ? { signal } : {});
}

export function uploadPhoto(file: Blob): Promise<MessagePhoto> {
  return apiFetch<MessagePhoto>(`${MESSAGES_PATH}/photos`, { method: 'POST', fileBody: file });
}

/** Uploads the photos one by one, then sends the message naming them. */
export async function sendMessage(text: string, photos: Blob[]): Promise<Message> {
  const uploaded: MessagePhoto[] = [];
  for (const photo of photos) uploaded.push(await uploadPhoto(photo));
  return apiFetch<Message>(MESSAGES_PATH, {
    method: 'POST',
    body: { text, photos: uploaded.map((p) => p.id) },
  });
}

export function markRead(): Promise<{ read: number }> {
  return apiFetch<{ read: number }>(`${MESSAGES_PATH}/read`, { method: 'POST' });
}

export function hasUnreadFromTeam(messages: Message[]): boolean {
  return messages.some((m) => m.authorKind === 'CLINICIAN' && m.readAt === null);
}
