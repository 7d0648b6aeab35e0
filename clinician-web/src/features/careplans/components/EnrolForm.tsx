import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../lib/dates';
import { ProblemError, type FieldError, type Problem } from '@heima/web-common/problem';
import { fieldErrorMessage, problemMessage } from '@heima/web-common/problemMessages';
import { ErrorSummary, type SummaryItem } from '../../../ui/forms/ErrorSummary';
import { SelectField, TextField } from '../../../ui/forms/FormFields';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePathways } from '../../pathways/hooks/usePathways';
import type { CarePlan } from '../api/carePlans';
import { useEnrol } from '../hooks/useCarePlans';

const FIELDS = [
  'pathwayId',
  'pathwayVersion',
  'startDate',
  'evaluationDate',
  'timeZone',
  'team',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  pathwayId: string;
  /** '' = the latest published version. */
  pathwayVersion: string;
  startDate: string;
  /** '' = no evaluation planned. */
  evaluationDate: string;
  timeZone: string;
  team: string;
}

const DEFAULT_TIME_ZONE = 'Europe/Oslo';

/** Enrols the patient on a published pathway of one of the clinician's teams. */
export function EnrolForm(props: {
  patientId: string;
  teams: string[];
  onEnrolled?: (plan: CarePlan) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const pathways = usePathways();
  const enrolment = useEnrol(props.patientId);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Values>(() => ({
    pathwayId: '',
    pathwayVersion: '',
    startDate: todayInOslo(),
    evaluationDate: '',
    timeZone: DEFAULT_TIME_ZONE,
    team: '',
  }));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, FieldError>>>({});
  const [general, setGeneral] = useState<Array<FieldError | Problem>>([]);
  const [attempt, setAttempt] = useState(0);
  const [enrolled, setEnrolled] = useState<CarePlan | null>(null);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const published = (pathways.data ?? []).filter((p) => p.latestVersion > 0);
  const chosen = published.find((p) => p.id === values.pathwayId);
  const showTeam = props.teams.length > 1;

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (enrolment.isPending) return;
    setEnrolled(null);
    if (values.pathwayId === '') {
      setFieldErrors({ pathwayId: { field: 'pathwayId', code: 'required' } });
      setGeneral([]);
      setAttempt((n) => n + 1);
      return;
    }
    enrolment.mutate(
      {
        pathwayId: values.pathwayId,
        ...(values.pathwayVersion !== '' ? { pathwayVersion: Number(values.pathwayVersion) } : {}),
        ...(values.startDate !== '' ? { startDate: values.startDate } : {}),
        ...(values.evaluationDate !== '' ? { evaluationDate: values.evaluationDate } : {}),
        ...(values.timeZone.trim() !== '' ? { timeZone: values.timeZone.trim() } : {}),
        ...(showTeam && values.team !== '' ? { team: values.team } : {}),
      },
      {
        onSuccess: (plan) => {
          setFieldErrors({});
          setGeneral([]);
          setEnrolled(plan);
          props.onEnrolled?.(plan);
        },
        onError: (error) => {
          const problem: Problem =
            error instanceof ProblemError ? error.problem : { type: 'about:blank', status: 0 };
          const fields: Partial<Record<Field, FieldError>> = {};
          const rest: Array<FieldError | Problem> = [];
          for (const fieldError of problem.errors ?? []) {
            const field = FIELDS.find((f) => f === fieldError.field);
            const shown = field !== undefined && (field !== 'team' || showTeam);
            if (shown && !fields[field]) fields[field] = fieldError;
            else rest.push(fieldError);
          }
          if (Object.keys(fields).length === 0 && rest.length === 0) rest.push(problem);
          setFieldErrors(fields);
          setGeneral(rest);
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const message = (field: Field) => {
    const error = fieldErrors[field];
    return error ? fieldErrorMessage(i18n, { ...error, field: `enrol.${error.field}` }) : undefined;
  };
  const summary: SummaryItem[] = [
    ...FIELDS.flatMap((field) => {
      const text = message(field);
      return text ? [{ targetId: `enrol-${field}`, message: text }] : [];
    }),
    ...general.map((entry) => ({
      message:
        'field' in entry ? fieldErrorMessage(i18n, entry) : problemMessage(i18n, entry as Problem),
    })),
  ];

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('enrol.heading')}</h2>
      {pathways.isPending ? (
        <Loading label={t('enrol.loadingPathways')} />
      ) : pathways.isError ? (
        <ErrorPanel error={pathways.error} onRetry={() => void pathways.refetch()} />
      ) : published.length === 0 ? (
        <p>{t('enrol.noPathways')}</p>
      ) : (
        <>
          {summary.length > 0 && (
            <ErrorSummary ref={summaryRef} items={summary} title={t('enrol.errorSummary')} />
          )}
          {enrolled && (
            <p className="notice notice--success" role="status">
              {t('enrol.success', {
                name: enrolled.pathwayName,
                version: enrolled.pathwayVersion,
              })}
            </p>
          )}
          <form className="form" noValidate onSubmit={onSubmit}>
            <SelectField
              id="enrol-pathwayId"
              label={t('enrol.pathway')}
              error={message('pathwayId')}
              value={values.pathwayId}
              onChange={(event) => {
                set('pathwayId', event.target.value);
                set('pathwayVersion', '');
              }}
            >
              <option value="">{t('enrol.choosePathway')}</option>
              {published.map((pathway) => (
                <option key={pathway.id} value={pathway.id}>
                  {t('enrol.pathwayOption', {
                    name: pathway.name,
                    team: pathway.team,
                    version: pathway.latestVersion,
                  })}
                </option>
              ))}
            </SelectField>
            {chosen && chosen.latestVersion > 1 && (
              <SelectField
                id="enrol-pathwayVersion"
                label={t('enrol.version')}
                error={message('pathwayVersion')}
                value={values.pathwayVersion}
                onChange={(event) => set('pathwayVersion', event.target.value)}
              >
                <option value="">
                  {t('enrol.latestVersion', { version: chosen.latestVersion })}
                </option>
                {Array.from(
                  { length: chosen.latestVersion - 1 },
                  (_, i) => chosen.latestVersion - 1 - i,
                ).map((version) => (
                  <option key={version} value={version}>
                    {t('pathways.version', { version })}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField
              id="enrol-startDate"
              type="date"
              label={t('enrol.startDate')}
              hint={t('enrol.startDateHint')}
              error={message('startDate')}
              value={values.startDate}
              onChange={(event) => set('startDate', event.target.value)}
            />
            <TextField
              id="enrol-evaluationDate"
              type="date"
              label={t('enrol.evaluationDate')}
              hint={t('enrol.evaluationDateHint')}
              error={message('evaluationDate')}
              value={values.evaluationDate}
              onChange={(event) => set('evaluationDate', event.target.value)}
            />
            <TextField
              id="enrol-timeZone"
              label={t('enrol.timeZone')}
              hint={t('enrol.timeZoneHint')}
              error={message('timeZone')}
              autoComplete="off"
              value={values.timeZone}
              onChange={(event) => set('timeZone', event.target.value)}
            />
            {showTeam && (
              <SelectField
                id="enrol-team"
                label={t('enrol.team')}
                error={message('team')}
                value={values.team}
                onChange={(event) => set('team', event.target.value)}
              >
                <option value="">{t('enrol.pathwayTeam')}</option>
                {props.teams.map((team) => (
                  <option key={team} value={team}>
                    {team}
                  </option>
                ))}
              </SelectField>
            )}
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={enrolment.isPending}
            >
              {enrolment.isPending ? t('enrol.submitting') : t('enrol.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
