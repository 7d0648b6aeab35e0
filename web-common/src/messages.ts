import type { components } from './api/schema';

/**
 * A message between a patient and their care team, as both apps get it (generated from the
 * backend's `message/Message.java`). Text is plain text: it is shown as text, never as markup.
 * `readAt`/`readByName` is the other side's read receipt.
 */
export type Message = components['schemas']['Message'];

/** A photo of a message; `url` serves its bytes to the patient or a clinician of the team. */
export type MessagePhoto = components['schemas']['Photo'];

/** The longest message text the server takes. */
export const MAX_MESSAGE_LENGTH = 2000;
