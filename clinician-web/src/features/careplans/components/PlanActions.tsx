import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../lib/dates';
import { ProblemError, type FieldError } from '@heima/web-common/problem';
import { errorMessage, fieldErrorMessage } from '@heima/web-common/problemMessages';
import { TextField } from '../../../ui/forms/FormFields';
import { carePlansQueryKey, type CarePlan } from '../api/carePlans';
import { useChangePlan, type PlanChange } from '../hooks/useCarePlans';

type Open = 'none' | 'pause' | 'end';

/** Field errors of a failed change, by field name. */
function fieldErrors(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ProblemError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e]));
}

/**
 * A failed change, in words. A 412 means someone else changed the plan after it was loaded: the
 * person is told so and can fetch the plan again before deciding what to do.
 */
export function ChangeFailure({ error, patientId }: { error: unknown; patientId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const conflict = error instanceof ProblemError && error.status === 412;
  return (
    <div className="notice notice--error" role="alert">
      <p>{conflict ? t('plan.conflict') : errorMessage(i18n, error)}</p>
      {conflict && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void queryClient.invalidateQueries({ queryKey: carePlansQueryKey(patientId) })
          }
        >
          {t('plan.reload')}
        </button>
      )}
    </div>
  );
}

/** Pause, resume and end a care plan; each sends the plan's version as If-Match. */
export function PlanActions({ plan }: { plan: CarePlan }) {
  const { t, i18n } = useTranslation();
  const change = useChangePlan(plan);
  const formId = useId();
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState(() => todayInOslo());
  const [until, setUntil] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  if (plan.status === 'ENDED') return null;

  const errors = fieldErrors(change.error);
  const reasonError =
    missing && reason.trim() === ''
      ? fieldErrorMessage(i18n, { field: 'planReason', code: 'required' })
      : errors.reason
        ? fieldErrorMessage(i18n, { ...errors.reason, field: 'planReason' })
        : undefined;
  const untilError = errors.until
    ? fieldErrorMessage(i18n, { ...errors.until, field: 'pauseUntil' })
    : undefined;
  const hasFieldErrors = Object.keys(errors).length > 0;

  function toggle(next: Open) {
    setOpen((current) => (current === next ? 'none' : next));
    setMissing(false);
    setDone(null);
    change.reset();
  }

  function run(request: PlanChange, message: string) {
    setDone(null);
    change.mutate(request, {
      onSuccess: () => {
        setDone(message);
        setOpen('none');
        setReason('');
        setUntil('');
        setMissing(false);
      },
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    if (reason.trim() === '') {
      setMissing(true);
      document.getElementById(`${formId}-reason`)?.focus();
      return;
    }
    if (open === 'pause') {
      run(
        {
          kind: 'pause',
          reason: reason.trim(),
          ...(from ? { from } : {}),
          ...(until ? { until } : {}),
        },
        t('plan.paused'),
      );
    } else if (open === 'end') {
      run({ kind: 'end', reason: reason.trim() }, t('plan.ended'));
    }
  }

  return (
    <div className="plan-actions stack">
      <div className="button-row">
        {plan.status === 'PAUSED' ? (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={change.isPending}
            onClick={() => {
              if (!change.isPending) {
                setOpen('none');
                run({ kind: 'resume' }, t('plan.resumed'));
              }
            }}
          >
            {t('plan.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={open === 'pause'}
            aria-controls={open === 'pause' ? formId : undefined}
            onClick={() => toggle('pause')}
          >
            {t('plan.pause')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={open === 'end'}
          aria-controls={open === 'end' ? formId : undefined}
          onClick={() => toggle('end')}
        >
          {t('plan.end')}
        </button>
      </div>

      {open !== 'none' && (
        <form
          id={formId}
          className="form inline-form"
          noValidate
          onSubmit={submit}
          aria-label={open === 'pause' ? t('plan.pauseForm') : t('plan.endForm')}
        >
          <TextField
            id={`${formId}-reason`}
            label={open === 'pause' ? t('plan.pauseReason') : t('plan.endReason')}
            error={reasonError}
            autoComplete="off"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          {open === 'pause' && (
            <div className="form-grid">
              <TextField
                id={`${formId}-from`}
                type="date"
                label={t('plan.pauseFrom')}
                error={errors.from ? fieldErrorMessage(i18n, errors.from) : undefined}
                value={from}
                onChange={(event) => setFrom(event.target.value)}
              />
              <TextField
                id={`${formId}-until`}
                type="date"
                label={t('plan.pauseUntil')}
                hint={t('plan.pauseUntilHint')}
                error={untilError}
                value={until}
                onChange={(event) => setUntil(event.target.value)}
              />
            </div>
          )}
          {open === 'end' && <p className="muted">{t('plan.endWarning')}</p>}
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={change.isPending}
            >
              {open === 'pause' ? t('plan.confirmPause') : t('plan.confirmEnd')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => toggle(open)}>
              {t('plan.cancel')}
            </button>
          </div>
        </form>
      )}

      {change.isError && !hasFieldErrors && (
        <ChangeFailure error={change.error} patientId={plan.patientId} />
      )}
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
    </div>
  );
}
