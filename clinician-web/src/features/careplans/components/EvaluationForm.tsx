import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError, type FieldError } from '@heima/web-common/problem';
import { fieldErrorMessage } from '@heima/web-common/problemMessages';
import { FieldGroup, TextAreaField, TextField } from '../../../ui/forms/FormFields';
import type { CarePlan, EvaluationOutcome } from '../api/carePlans';
import { useChangePlan } from '../hooks/useCarePlans';
import { ChangeFailure } from './PlanActions';

const OUTCOMES: readonly EvaluationOutcome[] = ['CONTINUE', 'CHANGE_THRESHOLDS', 'END'];

/** Field errors of a failed evaluation, by field name. */
function fieldErrors(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ProblemError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e]));
}

/**
 * The DHO "evaluate" step for one plan: continue it, record that the patient's thresholds were
 * changed (as they stand in the form for the patient's own limits), or end it; and when to
 * evaluate next. The plan's open evaluation item on the worklist is resolved with the decision.
 */
export function EvaluationForm({ plan }: { plan: CarePlan }) {
  const { t, i18n } = useTranslation();
  const change = useChangePlan(plan);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<EvaluationOutcome | ''>('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ outcome?: boolean; note?: boolean }>({});
  const [done, setDone] = useState(false);

  if (plan.status === 'ENDED') return null;

  const errors = fieldErrors(change.error);
  const outcomeError = missing.outcome
    ? t('evaluation.outcomeRequired')
    : errors.outcome
      ? fieldErrorMessage(i18n, errors.outcome)
      : undefined;
  const noteError = missing.note
    ? t('evaluation.noteRequired')
    : errors.note
      ? fieldErrorMessage(i18n, errors.note)
      : undefined;
  const nextError = errors.nextEvaluationDate ? t('evaluation.nextAfterToday') : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const found = { outcome: outcome === '', note: outcome === 'END' && note.trim() === '' };
    setMissing(found);
    if (found.outcome || found.note) {
      document.getElementById(found.outcome ? `${id}-outcome` : `${id}-note`)?.focus();
      return;
    }
    setDone(false);
    change.mutate(
      {
        kind: 'evaluate',
        outcome: outcome as EvaluationOutcome,
        ...(outcome !== 'END' && next ? { nextEvaluationDate: next } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(outcome === 'CHANGE_THRESHOLDS' ? { thresholds: plan.personalThresholds } : {}),
      },
      {
        onSuccess: () => {
          setDone(true);
          setOpen(false);
          setOutcome('');
          setNext('');
          setNote('');
        },
      },
    );
  }

  return (
    <div className="stack">
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={() => {
            setOpen(!open);
            setDone(false);
            change.reset();
          }}
        >
          {t('evaluation.open')}
        </button>
      </div>
      {open && (
        <form
          id={id}
          className="form inline-form"
          noValidate
          onSubmit={submit}
          aria-label={t('evaluation.form')}
        >
          <FieldGroup
            id={`${id}-outcome`}
            legend={t('evaluation.outcome')}
            error={outcomeError}
            className="fieldset--plain"
          >
            {OUTCOMES.map((value) => (
              <label key={value} className="checkbox">
                <input
                  type="radio"
                  name={`${id}-outcome`}
                  value={value}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                />{' '}
                {t(`evaluation.outcomes.${value}`)}
              </label>
            ))}
          </FieldGroup>
          {outcome === 'CHANGE_THRESHOLDS' && (
            <p className="muted">{t('evaluation.thresholdsHint')}</p>
          )}
          {outcome !== 'END' && (
            <TextField
              id={`${id}-next`}
              type="date"
              label={t('evaluation.next')}
              hint={t('evaluation.nextHint')}
              error={nextError}
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          )}
          <TextAreaField
            id={`${id}-note`}
            label={outcome === 'END' ? t('evaluation.endReason') : t('evaluation.note')}
            error={noteError}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={change.isPending}
            >
              {t('evaluation.submit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('plan.cancel')}
            </button>
          </div>
        </form>
      )}
      {change.isError && Object.keys(errors).length === 0 && (
        <ChangeFailure error={change.error} patientId={plan.patientId} />
      )}
      {done && (
        <p className="notice notice--success" role="status">
          {t('evaluation.done')}
        </p>
      )}
    </div>
  );
}
