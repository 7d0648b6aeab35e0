import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../ui/forms/FormFields';
import type { Escalation, TeamMember } from '../api/caseload';
import { useTeamDirectory } from '../hooks/useCaseload';

/** The colleagues of one team, the caller last, as options. */
function Colleagues({ team, me }: { team: string; me: string }) {
  const { t } = useTranslation();
  const directory = useTeamDirectory();
  const members = (directory.data ?? [])
    .filter((m: TeamMember) => m.team === team)
    .sort((a, b) => Number(a.subject === me) - Number(b.subject === me));
  return (
    <>
      {members.map((m) => (
        <option key={m.subject} value={m.subject}>
          {m.subject === me ? t('caseload.assign.yourself', { name: m.name }) : m.name}
        </option>
      ))}
    </>
  );
}

/** Give the item to a colleague of its team (from the team directory). */
export function AssignForm({
  team,
  me,
  onSubmit,
  onCancel,
  busy,
}: {
  team: string;
  me: string;
  onSubmit: (subject: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (subject === '') {
          setError(t('caseload.assign.required'));
          document.getElementById(`${id}-to`)?.focus();
          return;
        }
        onSubmit(subject);
      }}
    >
      <SelectField
        id={`${id}-to`}
        label={t('caseload.assign.to')}
        hint={t('caseload.assign.hint')}
        error={error}
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
      >
        <option value="">{t('caseload.assign.choose')}</option>
        <Colleagues team={team} me={me} />
      </SelectField>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('caseload.assign.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('worklist.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The value of a datetime-local field as an instant (the browser's zone), or undefined. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Why, to a named colleague or a role (or both), and optionally by a new deadline. */
export function EscalateToForm({
  team,
  me,
  onSubmit,
  onCancel,
  busy,
}: {
  team: string;
  me: string;
  onSubmit: (escalation: Escalation) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const [role, setRole] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ note?: string; due?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: { note?: string; due?: string } = {};
    if (note.trim() === '') found.note = t('worklist.escalate.noteRequired');
    const dueAt = localToIso(due);
    if (due && (dueAt === undefined || Date.parse(dueAt) <= Date.now())) {
      found.due = t('caseload.escalate.dueFuture');
    }
    setErrors(found);
    if (found.note || found.due) {
      document.getElementById(found.note ? `${id}-note` : `${id}-due`)?.focus();
      return;
    }
    onSubmit({
      note: note.trim(),
      ...(to ? { toSubject: to } : {}),
      ...(role.trim() ? { toRole: role.trim() } : {}),
      ...(dueAt ? { dueAt } : {}),
    });
  }

  return (
    <form className="inline-form form" noValidate onSubmit={submit}>
      <SelectField
        id={`${id}-to`}
        label={t('caseload.escalate.to')}
        value={to}
        onChange={(event) => setTo(event.target.value)}
      >
        <option value="">{t('caseload.escalate.nobody')}</option>
        <Colleagues team={team} me={me} />
      </SelectField>
      <TextField
        id={`${id}-role`}
        label={t('caseload.escalate.role')}
        hint={t('caseload.escalate.roleHint')}
        value={role}
        maxLength={100}
        onChange={(event) => setRole(event.target.value)}
      />
      <TextField
        id={`${id}-due`}
        type="datetime-local"
        label={t('caseload.escalate.due')}
        hint={t('caseload.escalate.dueHint')}
        error={errors.due}
        value={due}
        onChange={(event) => setDue(event.target.value)}
      />
      <TextAreaField
        id={`${id}-note`}
        label={t('worklist.escalate.note')}
        hint={t('worklist.escalate.noteHint')}
        error={errors.note}
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
