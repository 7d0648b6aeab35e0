import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemType, hasProblemType } from '@heima/web-common/problem';
import { errorMessage } from '@heima/web-common/problemMessages';
import { Link } from '../../../lib/router';
import { TextAreaField } from '../../../ui/forms/FormFields';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePatient } from '../../patients/hooks/usePatient';
import { MAX_MESSAGE_LENGTH } from '../api/messages';
import { useMessages, useSendMessage } from '../hooks/useMessages';
import { MessageList } from './MessageList';

/** The answer box: plain text, bounded, sent under the nurse's own name. */
function ReplyForm({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useSendMessage(patientId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      setError(t('messages.required'));
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setError(undefined);
    send.mutate(trimmed, { onSuccess: () => setText('') });
  }

  const failure = send.isError
    ? hasProblemType(send.error, ProblemType.validation)
      ? t('messages.refused')
      : errorMessage(i18n, send.error)
    : null;

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextAreaField
        id={`${id}-text`}
        label={t('messages.answer')}
        hint={t('messages.answerHint', { max: MAX_MESSAGE_LENGTH })}
        value={text}
        maxLength={MAX_MESSAGE_LENGTH}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        {...(error ? { error } : {})}
      />
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('messages.sending') : t('messages.send')}
        </button>
      </div>
    </form>
  );
}

/** A patient's conversation with the team: read (and marked read), with photos, and answered. */
export function ConversationPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const patient = usePatient(patientId);
  const messages = useMessages(patientId);
  const name = patient.data ? `${patient.data.givenName} ${patient.data.familyName}` : '';

  return (
    <div className="stack conversation">
      <p>
        <Link to={{ name: 'patient', patientId }}>{t('messages.backToPatient')}</Link>
      </p>
      <h1>{name ? t('messages.headingWith', { name }) : t('messages.heading')}</h1>
      <p className="muted">{t('messages.plainText')}</p>
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ErrorPanel error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <section aria-label={t('messages.heading')}>
          <MessageList messages={messages.data} />
        </section>
      )}
      {!messages.isError && <ReplyForm patientId={patientId} />}
    </div>
  );
}
