import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageList } from '@heima/web-common/ui/MessageList';
import { errorMessage } from '@heima/web-common/problemMessages';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import {
  MAX_MESSAGE_LENGTH,
  MAX_PHOTOS,
  MAX_PHOTO_BYTES,
  PHOTO_ACCEPT,
  type Message,
} from '../api/messages';
import { useMessages, useSendMessage } from '../hooks/useMessages';
import { BackToToday } from '../../../ui/BackToToday';
import { Notice } from '../../../ui/Notice';
import Button from '@helsenorge/designsystem-react/components/Button';

function Conversation({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  return (
    <MessageList
      messages={messages}
      me="PATIENT"
      authorLabel={(m, mine) =>
        mine ? t('messages.you') : t('messages.fromNurse', { name: m.authorName })
      }
      receipts="mine"
      itemClassName="card"
    />
  );
}

function Compose() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useSendMessage();

  function choose(files: FileList | null) {
    const chosen = Array.from(files ?? []);
    if (chosen.length > MAX_PHOTOS) {
      setError(t('messages.tooManyPhotos', { max: MAX_PHOTOS }));
      return;
    }
    if (chosen.some((file) => file.size > MAX_PHOTO_BYTES)) {
      setError(t('messages.photoTooLarge'));
      return;
    }
    setError(null);
    setPhotos(chosen);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '' && photos.length === 0) {
      setError(t('messages.required'));
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setError(null);
    send.mutate(
      { text: text.trim(), photos },
      {
        onSuccess: () => {
          setText('');
          setPhotos([]);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  const shown = error ?? (send.isError ? errorMessage(i18n, send.error) : null);
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('messages.write')}</h2>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-text`} className="field__label">
          {t('messages.text')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('messages.textHint', { max: MAX_MESSAGE_LENGTH })}
        </p>
        <textarea
          id={`${id}-text`}
          className="field__input"
          rows={4}
          maxLength={MAX_MESSAGE_LENGTH}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-photos`} className="field__label">
          {t('messages.photos')}
        </label>
        <p id={`${id}-photos-hint`} className="field__hint">
          {t('messages.photosHint', { max: MAX_PHOTOS })}
        </p>
        <input
          ref={fileInput}
          id={`${id}-photos`}
          type="file"
          accept={PHOTO_ACCEPT}
          multiple
          aria-describedby={`${id}-photos-hint`}
          onChange={(event) => choose(event.target.files)}
        />
      </div>
      {shown && (
        <Notice variant="error" role="alert">
          {shown}
        </Notice>
      )}
      <div>
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? t('messages.sending') : t('messages.send')}
        </Button>
      </div>
    </form>
  );
}

/** Write to the care team, with photos; see their answers and who has read what. */
export function MessagesPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  return (
    <div className="stack">
      <BackToToday />
      <h1>{t('messages.heading')}</h1>
      <p className="lead">{t('messages.intro')}</p>
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ErrorPanel error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <section aria-label={t('messages.conversation')}>
          <Conversation messages={messages.data} />
        </section>
      )}
      <Compose />
    </div>
  );
}
