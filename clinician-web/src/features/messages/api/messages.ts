import { apiFetch } from '../../../lib/http';

/**
 * A patient's conversation with the care team (`/api/patients/{id}/messages`). Text is plain
 * text: show it as text, never as markup. `readAt`/`readByName` is the other side's read receipt.
 */
export interface MessagePhoto {
  id: string;
  contentType: string;
  size: number;
  /** Serves the photo's bytes to a clinician of the patient's team. */
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

export const MAX_MESSAGE_LENGTH = 2000;

const path = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/messages`;

export const messagesQueryKey = (patientId: string) => ['messages', patientId] as const;

export function fetchMessages(patientId: string, signal?: AbortSignal): Promise<Message[]> {
  return apiFetch<Message[]>(path(patientId), signal ? { signal } : {});
}

export function sendMessage(patientId: string, text: string): Promise<Message> {
  return apiFetch<Message>(path(patientId), { method: 'POST', body: { text } });
}

export function markRead(patientId: string): Promise<{ read: number }> {
  return apiFetch<{ read: number }>(`${path(patientId)}/read`, { method: 'POST' });
}

/** Whether any of the patient's messages is still unread by the team. */
export function hasUnreadFromPatient(messages: Message[]): boolean {
  return messages.some((m) => m.authorKind === 'PATIENT' && m.readAt === null);
}
