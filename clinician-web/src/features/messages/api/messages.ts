import { apiFetch } from '@heima/web-common/http';

import type { Message } from '@heima/web-common/messages';

export { MAX_MESSAGE_LENGTH, type Message, type MessagePhoto } from '@heima/web-common/messages';

/** A patient's conversation with the care team (`/api/patients/{id}/messages`). */

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
