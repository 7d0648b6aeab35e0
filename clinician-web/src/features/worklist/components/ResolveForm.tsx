import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '../../../ui/forms/FormFields';
import { RESOLUTION_ACTIONS, type Resolution, type ResolutionAction } from '../api/worklist';

interface Errors {
  action?: string;
  note?: string;
}

/** What was done (action), a note for colleagues, and optionally a message the patient sees. */
export function ResolveForm({
  onSubmit,
  onCancel,
  busy,
}: {
  onSubmit: (resolution: Resolution) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState<ResolutionAction | ''>('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (action === '') found.action = t('worklist.resolve.actionRequired');
    if (note.trim() === '') found.note = t('worklist.resolve.noteRequired');
    setErrors(found);
    if (found.action || found.note || action === '') {
      document.getElementById(found.action ? `${id}-action` : `${id}-note`)?.focus();
      return;
    }
    onSubmit({
      action,
      note: note.trim(),
      ...(message.trim() ? { patientMessage: message.trim() } : {}),
    });
  }

  return (
    <form className="inline-form form" onSubmit={submit} noValidate>
      <SelectField
        id={`${id}-action`}
        label={t('worklist.resolve.action')}
        error={errors.action}
        value={action}
        onChange={(event) => setAction(event.target.value as ResolutionAction | '')}
      >
        <option value="">{t('worklist.resolve.chooseAction')}</option>
        {RESOLUTION_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {t(`worklist.actions.${a}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${id}-note`}
        label={t('worklist.resolve.note')}
        hint={t('worklist.resolve.noteHint')}
        error={errors.note}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <TextAreaField
        id={`${id}-message`}
        label={t('worklist.resolve.patientMessage')}
        hint={t('worklist.resolve.patientMessageHint')}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('worklist.resolve.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('worklist.cancel')}
        </button>
      </div>
    </form>
  );
}

export function EscalateForm({
  onSubmit,
  onCancel,
  busy,
}: {
  onSubmit: (note: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (note.trim() === '') {
          setError(t('worklist.escalate.noteRequired'));
          document.getElementById(`${id}-note`)?.focus();
          return;
        }
        onSubmit(note.trim());
      }}
    >
      <TextAreaField
        id={`${id}-note`}
        label={t('worklist.escalate.note')}
        hint={t('worklist.escalate.noteHint')}
        error={error}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('worklist.escalate.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('worklist.cancel')}
        </button>
      </div>
    </form>
  );
}
