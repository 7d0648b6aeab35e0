import { apiFetch } from '../../../lib/http';

/**
 * The patient's conversation with their care team (`/api/me/messages`). Text is plain text: it is
 * shown as text, never as markup. `readAt`/`readByName` is the other side's read receipt.
 */
export interface MessagePhoto {
  id: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Message {
  id: string;
  team: string;
  authorKind: 'PATIENT' | 'CLINICIAN';
  authorName: string;
  text: string;
  photos: MessagePhoto[];
  sentAt: string;
  readAt: string | null;
  readByName: string | null;
}

export const MESSAGES_PATH = '/api/me/messages';
export const MAX_MESSAGE_LENGTH = 2000;
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
