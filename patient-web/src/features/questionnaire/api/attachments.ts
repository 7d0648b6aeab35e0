import type { Attachment, Questionnaire, QuestionnaireItem } from 'fhir/r4';
import { apiFetch } from '@heima/web-common/http';

/** The answer to `POST /api/me/attachments`. */
export interface UploadedAttachment {
  url: string;
  contentType: string;
  size: number;
  title?: string;
}

/**
 * Uploads a chosen photo before the response is sent (the server checks its type from the bytes
 * and its size against the question), and gives the Attachment that goes into the answer: the
 * server's url, never the bytes, so nothing the patient chose is silently left out.
 */
export async function uploadAttachment(
  questionnaire: string,
  linkId: string,
  file: File,
  language: 'nb' | 'en',
): Promise<Attachment> {
  const query = new URLSearchParams({ questionnaire, linkId });
  if (file.name) query.set('title', file.name);
  const uploaded = await apiFetch<UploadedAttachment>(`/api/me/attachments?${query.toString()}`, {
    method: 'POST',
    fileBody: file,
    headers: { 'Accept-Language': language === 'en' ? 'en' : 'nb-NO' },
  });
  return {
    id: uploaded.url.slice(uploaded.url.lastIndexOf('/') + 1),
    url: uploaded.url,
    contentType: uploaded.contentType,
    size: uploaded.size,
    ...(uploaded.title ? { title: uploaded.title } : {}),
  };
}

function attachmentItems(items: QuestionnaireItem[] = []): QuestionnaireItem[] {
  return items.flatMap((item) => [
    ...(item.type === 'attachment' ? [item] : []),
    ...attachmentItems(item.item),
  ]);
}

/**
 * Refero's upload callback does not say which question the file is for: the only attachment
 * question, else the one whose text labels the file input the patient used.
 */
export function attachmentLinkId(
  questionnaire: Questionnaire,
  input: HTMLInputElement | null,
): string | null {
  const candidates = attachmentItems(questionnaire.item);
  if (candidates.length === 1) return candidates[0]?.linkId ?? null;
  const container = input?.closest('.page_refero__component, fieldset') ?? input?.parentElement;
  const label = (container?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const match = candidates
    .filter((item) => item.text && label.includes(item.text))
    .sort((a, b) => (b.text?.length ?? 0) - (a.text?.length ?? 0))[0];
  return match?.linkId ?? null;
}
