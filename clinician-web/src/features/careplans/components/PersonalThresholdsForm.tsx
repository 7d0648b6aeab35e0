import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '@heima/web-common/http';
import { ProblemError, type FieldError } from '@heima/web-common/problem';
import { fieldErrorMessage } from '@heima/web-common/problemMessages';
import { FieldGroup } from '../../../ui/forms/FormFields';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { BOUNDS, parseDecimal, type Bound } from '../../pathways/api/pathwayForm';
import type { Activity, Threshold } from '../../pathways/api/pathways';
import { componentKey, vitalInfo, displayUnit } from '../../pathways/api/vitals';
import { BoundInputs } from '../../pathways/components/ThresholdFields';
import { usePathwayVersion } from '../../pathways/hooks/usePathways';
import type { CarePlan, PersonalThreshold } from '../api/carePlans';
import { useChangePlan } from '../hooks/useCarePlans';
import { ChangeFailure } from './PlanActions';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

type Bounds = Record<Bound, string>;

/** One value the patient can have own bounds for: a component of a measurement, or a score. */
interface Row {
  activityId: string;
  measurement: boolean;
  code: string;
  label: string;
  pathway: Threshold | undefined;
  bounds: Bounds;
}

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

function boundsOf(threshold: Threshold | undefined): Bounds {
  return {
    redLow: text(threshold?.redLow),
    yellowLow: text(threshold?.yellowLow),
    yellowHigh: text(threshold?.yellowHigh),
    redHigh: text(threshold?.redHigh),
  };
}

function rowsFor(
  activities: Activity[],
  plan: CarePlan,
  label: (activity: Activity, code: string) => string,
): Row[] {
  return activities.flatMap((activity) => {
    const codes =
      activity.type === 'MEASUREMENT' && activity.vital
        ? vitalInfo(activity.vital).components.map((c) => c.code)
        : activity.thresholds.map((t) => t.code);
    return codes.map((code) => ({
      activityId: activity.id,
      measurement: activity.type === 'MEASUREMENT',
      code,
      label: label(activity, code),
      pathway: activity.thresholds.find((t) => t.code === code),
      bounds: boundsOf(
        plan.personalThresholds.find(
          (p) => p.activityId === activity.id && p.threshold.code === code,
        )?.threshold,
      ),
    }));
  });
}

/** A suggestion from the care plan's run-in period (mean ± 2 sd of the first 14 days). */
interface Baseline {
  code: string;
  count: number;
  mean: number;
  sd: number;
  suggested: Threshold;
}

/** The run-in suggestion for one row, or null when the run-in has too few values. */
async function suggestFromRunIn(planId: string, row: Row): Promise<Baseline | null> {
  try {
    const query = new URLSearchParams({ activityId: row.activityId });
    const found = await apiFetch<Baseline[]>(`/api/care-plans/${planId}/baseline?${query}`);
    return found.find((b) => b.code === row.code) ?? null;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 409) return null;
    throw error;
  }
}

const filled = (bounds: Bounds) => BOUNDS.some((b) => bounds[b].trim() !== '');

/**
 * The patient's own bounds, which win over the pathway's. The whole set is sent at once (a PUT),
 * with the plan's version; an empty row means "use the pathway's bounds".
 */
export function PersonalThresholdsForm({ plan }: { plan: CarePlan }) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const pathway = usePathwayVersion(plan.pathwayId, plan.pathwayVersion);
  const change = useChangePlan(plan);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [sentRows, setSentRows] = useState<number[]>([]);
  const [clientErrors, setClientErrors] = useState<Record<string, FieldError>>({});
  const [saved, setSaved] = useState(false);
  const [suggestion, setSuggestion] = useState<{ index: number; text: string } | null>(null);

  const label = (activity: Activity, code: string) => {
    if (activity.type === 'MEASUREMENT' && activity.vital) {
      const vital = activity.vital;
      const component = vitalInfo(vital).components.find((c) => c.code === code);
      return t('personal.componentLabel', {
        activity: activity.title,
        name: t(`vitals.components.${component ? componentKey(component) : 'value'}`, {
          vital: t(`vitals.names.${vital}`),
        }),
        unit: displayUnit(component?.unit ?? ''),
      });
    }
    return t('personal.scoreLabel', { activity: activity.title, code });
  };

  const shown =
    rows ?? (pathway.data ? rowsFor(pathway.data.definition.activities, plan, label) : null);

  // Server errors name positions in the list sent: `[2].threshold.redLow`.
  const serverErrors: Record<string, FieldError> = {};
  if (change.error instanceof ProblemError) {
    for (const error of change.error.problem.errors ?? []) {
      const match = /^\[(\d+)\](?:\.threshold)?(?:\.(\w+))?/.exec(error.field);
      const row = match ? sentRows[Number(match[1])] : undefined;
      if (row !== undefined) serverErrors[`${row}.${match?.[2] ?? ''}`] = error;
    }
  }
  const errorAt = (row: number, bound: string) => {
    const error = clientErrors[`${row}.${bound}`] ?? serverErrors[`${row}.${bound}`];
    return error ? fieldErrorMessage(i18n, { ...error, field: 'threshold' }) : undefined;
  };
  const hasServerFieldErrors = Object.keys(serverErrors).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!shown || change.isPending) return;
    setSaved(false);
    const errors: Record<string, FieldError> = {};
    shown.forEach((row, index) =>
      BOUNDS.forEach((bound) => {
        if (Number.isNaN(parseDecimal(row.bounds[bound])))
          errors[`${index}.${bound}`] = { field: bound, code: 'number' };
      }),
    );
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      const first = Object.keys(errors)[0] ?? '';
      document.getElementById(`${formId}-${first.replace('.', '-')}`)?.focus();
      return;
    }
    const sent = shown
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => filled(row.bounds));
    const thresholds: PersonalThreshold[] = sent.map(({ row }) => ({
      activityId: row.activityId,
      threshold: {
        code: row.code,
        redLow: parseDecimal(row.bounds.redLow),
        yellowLow: parseDecimal(row.bounds.yellowLow),
        yellowHigh: parseDecimal(row.bounds.yellowHigh),
        redHigh: parseDecimal(row.bounds.redHigh),
      },
    }));
    setSentRows(sent.map(({ index }) => index));
    change.mutate({ kind: 'thresholds', thresholds }, { onSuccess: () => setSaved(true) });
  }

  return (
    <div className="stack">
      <Button
        type="button"
        variant="outline"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => {
          setOpen(!open);
          setSaved(false);
        }}
      >
        {t('personal.toggle', { count: plan.personalThresholds.length })}
      </Button>
      {open &&
        (pathway.isPending ? (
          <Loading />
        ) : pathway.isError ? (
          <ErrorPanel error={pathway.error} onRetry={() => void pathway.refetch()} />
        ) : (
          <form id={formId} className="form inline-form" noValidate onSubmit={submit}>
            <p className="muted">{t('personal.intro')}</p>
            {(shown ?? []).length === 0 && <p>{t('personal.nothing')}</p>}
            {(shown ?? []).map((row, index) => (
              <FieldGroup
                key={`${row.activityId}-${row.code}`}
                id={`${formId}-${index}`}
                legend={row.label}
                error={errorAt(index, '')}
                className="fieldset--plain threshold-row"
              >
                <BoundInputs
                  row={row.bounds}
                  idOf={(bound) => `${formId}-${index}-${bound}`}
                  errorOf={(bound) => errorAt(index, bound)}
                  hintOf={(bound) =>
                    t('personal.pathwayBound', {
                      value: text(row.pathway?.[bound]) || t('personal.none'),
                    })
                  }
                  onChange={(bounds) => {
                    setSaved(false);
                    setRows((shown ?? []).map((r, i) => (i === index ? { ...r, bounds } : r)));
                  }}
                />
                {row.measurement && (
                  <div>
                    <Button
                      type="button"
                      variant="outline"
                      onClick={() => {
                        void suggestFromRunIn(plan.id, row).then(
                          (found) => {
                            if (found === null) {
                              setSuggestion({ index, text: t('personal.suggestFailed') });
                              return;
                            }
                            setSaved(false);
                            setRows(
                              (shown ?? []).map((r, i) =>
                                i === index ? { ...r, bounds: boundsOf(found.suggested) } : r,
                              ),
                            );
                            setSuggestion({
                              index,
                              text: t('personal.suggested', {
                                count: found.count,
                                mean: found.mean,
                                sd: found.sd,
                              }),
                            });
                          },
                          () => setSuggestion({ index, text: t('personal.suggestFailed') }),
                        );
                      }}
                    >
                      {t('personal.suggest')}
                    </Button>
                    {suggestion?.index === index && (
                      <p className="muted" role="status">
                        {suggestion.text}
                      </p>
                    )}
                  </div>
                )}
              </FieldGroup>
            ))}
            <Button type="submit" aria-disabled={change.isPending}>
              {t('personal.save')}
            </Button>
            {change.isError && !hasServerFieldErrors && (
              <ChangeFailure error={change.error} patientId={plan.patientId} />
            )}
            {change.isError && hasServerFieldErrors && (
              <NotificationPanel variant="error" role="alert">
                {t('personal.invalid')}
              </NotificationPanel>
            )}
            {saved && (
              <NotificationPanel variant="success" role="status">
                {t('personal.saved')}
              </NotificationPanel>
            )}
          </form>
        ))}
    </div>
  );
}
