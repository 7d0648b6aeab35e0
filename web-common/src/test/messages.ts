import type { Message } from '../messages';

/** A message for tests: from the patient Kari Nordvik, unread, no photos; override what matters. */
export function testMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm-1',
    team: 'hjerte',
    authorKind: 'PATIENT',
    authorName: 'Kari Nordvik',
    text: 'Hei',
    photos: [],
    sentAt: '2026-11-21T09:00:00Z',
    readAt: null,
    readByName: null,
    ...overrides,
  };
}
