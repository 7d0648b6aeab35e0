import { useTranslation } from 'react-i18next';
import type { AttachmentLink } from '../api/responses';

/** Types a browser shows as a picture; the server serves anything else only as a download. */
const SHOWN = new Set(['image/jpeg', 'image/png']);

/**
 * Only the server's own endpoint under the patient's response is ever loaded (team checked,
 * audited, type read from the bytes): never a data: URL or another address from the response.
 */
export function isResponseFileUrl(url: string): boolean {
  return /^\/api\/patients\/[^/]+\/responses\/[^/]+\/attachments\/[^/]+$/.test(url);
}

/** The patient's photos for one answer, shown as pictures (other files as downloads). */
export function AttachmentList(props: { question: string; attachments: AttachmentLink[] }) {
  const { t } = useTranslation();
  const files = props.attachments.filter((a) => isResponseFileUrl(a.url));
  return (
    <ul className="response-files">
      {files.map((file) => {
        const title = file.title ?? '';
        return (
          <li key={file.url}>
            {file.contentType && SHOWN.has(file.contentType) ? (
              <a href={file.url} target="_blank" rel="noopener" title={t('responses.openPhoto')}>
                <img
                  src={file.url}
                  alt={t('responses.photo', { question: props.question, title })}
                  loading="lazy"
                  className="response-files__photo"
                />
              </a>
            ) : (
              <a href={file.url} download>
                {t('responses.download', { title: title || file.contentType || '' })}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
