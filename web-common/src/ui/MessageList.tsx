import { useTranslation } from 'react-i18next';
import { dateTimeInOslo, sameDayInOslo, timeInOslo } from '../dates';
import type { Message, MessagePhoto } from '../messages';
import './MessageList.css';

type Side = Message['authorKind'];

export interface MessageListProps {
  messages: Message[];
  /** Whose app this is: the patient's messages are "mine" in the patient app, the team's in the nurse's. */
  me: Side;
  /** Who wrote a message, as this app says it (e.g. "Du", "Nina Berg, behandlingsteamet"). */
  authorLabel: (message: Message, mine: boolean) => string;
  /** Which messages show their read receipt: only the viewer's own, or every one. */
  receipts?: 'mine' | 'all';
  /** Whether a shown photo links to itself at full size (opens in a new tab). */
  linkPhotos?: boolean;
  /** Extra class on each message (e.g. `card`). */
  itemClassName?: string;
}

function Photo({ photo, alt, link }: { photo: MessagePhoto; alt: string; link: boolean }) {
  const { t } = useTranslation();
  // browsers show JPEG and PNG; HEIC (iPhones) is offered as a download
  if (photo.contentType !== 'image/jpeg' && photo.contentType !== 'image/png')
    return (
      <a href={photo.url} download>
        {t('messages.downloadPhoto', { name: alt })}
      </a>
    );
  const image = <img src={photo.url} alt={alt} className="message__photo" />;
  return link ? (
    <a href={photo.url} target="_blank" rel="noopener noreferrer">
      {image}
    </a>
  ) : (
    image
  );
}

/**
 * One conversation between a patient and the care team, oldest first, as either side sees it: each
 * message as plain text (never markup), its photos and its read receipt. Texts come from the app's
 * own `messages.*` keys (`empty`, `photoAlt`, `downloadPhoto`, `readBy`, `unread`).
 */
export function MessageList({
  messages,
  me,
  authorLabel,
  receipts = 'all',
  linkPhotos = false,
  itemClassName,
}: MessageListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (messages.length === 0) return <p>{t('messages.empty')}</p>;
  return (
    <ol className="plain-list stack message-list">
      {messages.map((m) => {
        const mine = m.authorKind === me;
        const classes = [
          'message',
          `message--${mine ? 'mine' : 'theirs'}`,
          `message--${m.authorKind === 'PATIENT' ? 'patient' : 'team'}`,
          itemClassName,
        ];
        return (
          <li key={m.id} className={classes.filter(Boolean).join(' ')}>
            <p className="muted">
              <strong>{authorLabel(m, mine)}</strong>
              {' · '}
              <time dateTime={m.sentAt}>{dateTimeInOslo(m.sentAt, language)}</time>
            </p>
            {m.text !== '' && <p className="message__text">{m.text}</p>}
            {m.photos.length > 0 && (
              <ul className="plain-list message__photos">
                {m.photos.map((photo, index) => (
                  <li key={photo.id}>
                    <Photo
                      photo={photo}
                      link={linkPhotos}
                      alt={t('messages.photoAlt', { index: index + 1, count: m.photos.length })}
                    />
                  </li>
                ))}
              </ul>
            )}
            {(receipts === 'all' || mine) && (
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
            )}
          </li>
        );
      })}
    </ol>
  );
}
