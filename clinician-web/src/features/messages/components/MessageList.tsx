import { useTranslation } from 'react-i18next';
import { sameDayInOslo } from '@heima/web-common/dates';
import { dateTimeInOslo, timeInOslo } from '../../../lib/dates';
import type { Message } from '../api/messages';

/** The conversation, oldest first; each message as plain text, its photos, and its read receipt. */
export function MessageList({ messages }: { messages: Message[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (messages.length === 0) return <p>{t('messages.empty')}</p>;
  return (
    <ol className="plain-list stack message-list">
      {messages.map((m) => {
        const fromPatient = m.authorKind === 'PATIENT';
        return (
          <li key={m.id} className={`message message--${fromPatient ? 'patient' : 'team'}`}>
            <p className="muted">
              <strong>
                {fromPatient ? t('messages.fromPatient', { name: m.authorName }) : m.authorName}
              </strong>
              {' · '}
              <time dateTime={m.sentAt}>{dateTimeInOslo(m.sentAt, language)}</time>
            </p>
            {m.text !== '' && <p className="message__text">{m.text}</p>}
            {m.photos.length > 0 && (
              <ul className="plain-list message__photos">
                {m.photos.map((photo, index) => {
                  const alt = t('messages.photoAlt', { index: index + 1, count: m.photos.length });
                  return (
                    <li key={photo.id}>
                      {photo.contentType === 'image/jpeg' || photo.contentType === 'image/png' ? (
                        <a href={photo.url} target="_blank" rel="noopener noreferrer">
                          <img src={photo.url} alt={alt} className="message__photo" />
                        </a>
                      ) : (
                        <a href={photo.url} download>
                          {t('messages.downloadPhoto', { name: alt })}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="muted message__receipt">
              {m.readAt
                ? t('messages.readBy', {
                    name: m.readByName ?? '',
                    time: sameDayInOslo(m.readAt, m.sentAt)
                      ? timeInOslo(m.readAt, language)
                      : dateTimeInOslo(m.readAt, language),
                  })
                : t('messages.unread')}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
