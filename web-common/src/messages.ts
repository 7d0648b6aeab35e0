/**
 * A message between a patient and their care team, as both apps get it. Text is plain text: it is
 * shown as text, never as markup. `readAt`/`readByName` is the other side's read receipt.
 */
export interface MessagePhoto {
  id: string;
  contentType: string;
  size: number;
  /** Serves the photo's bytes to the patient or a clinician of the patient's team. */
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

/** The longest message text the server takes. */
export const MAX_MESSAGE_LENGTH = 2000;
