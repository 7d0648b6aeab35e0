import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { auditFhirHref, fetchAudit, type AuditSearch } from '../api/audit';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** A local date-time input's value (Oslo wall clock in the browser) as an ISO instant. */
function toInstant(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Administrators search the audit trail: by patient, user, time and decision. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const ids = { patient: useId(), actor: useId(), from: useId(), to: useId(), outcome: useId() };
  const resultsId = useId();
  const [form, setForm] = useState({ patient: '', actor: '', from: '', to: '', outcome: '' });
  const [search, setSearch] = useState<AuditSearch>({});
  const result = useQuery({
    queryKey: ['admin', 'audit', search],
    queryFn: ({ signal }) => fetchAudit(search, signal),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: AuditSearch = {};
    if (form.patient.trim()) next.patient = form.patient.trim();
    if (form.actor.trim()) next.actor = form.actor.trim();
    const from = toInstant(form.from);
    const to = toInstant(form.to);
    if (from) next.from = from;
    if (to) next.to = to;
    if (form.outcome === 'SUCCESS' || form.outcome === 'DENIED') next.outcome = form.outcome;
    setSearch(next);
  };
  const field = (key: keyof typeof form) => ({
    id: ids[key],
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [key]: event.target.value })),
  });

  return (
    <div className="stack">
      <h1>{t('audit.heading')}</h1>
      <p>{t('audit.intro')}</p>
      <form className="stack" onSubmit={submit} aria-label={t('audit.searchLabel')}>
        <div className="field">
          <label htmlFor={ids.patient}>{t('audit.patient')}</label>
          <input type="text" inputMode="text" autoComplete="off" {...field('patient')} />
        </div>
        <div className="field">
          <label htmlFor={ids.actor}>{t('audit.actor')}</label>
          <input type="text" autoComplete="off" {...field('actor')} />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('audit.from')}</label>
          <input type="datetime-local" {...field('from')} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('audit.to')}</label>
          <input type="datetime-local" {...field('to')} />
        </div>
        <div className="field">
          <label htmlFor={ids.outcome}>{t('audit.outcome')}</label>
          <select {...field('outcome')}>
            <option value="">{t('audit.anyOutcome')}</option>
            <option value="SUCCESS">{t('audit.outcomes.SUCCESS')}</option>
            <option value="DENIED">{t('audit.outcomes.DENIED')}</option>
          </select>
        </div>
        <p>
          <button type="submit" className="button">
            {t('audit.search')}
          </button>{' '}
          <a href={auditFhirHref(search)} download="audit-events.json">
            {t('audit.downloadFhir')}
          </a>
        </p>
      </form>
      <section className="stack" aria-labelledby={resultsId}>
        <h2 id={resultsId}>{t('audit.results')}</h2>
        {result.isPending ? (
          <Loading />
        ) : result.isError ? (
          <ErrorPanel error={result.error} onRetry={() => void result.refetch()} />
        ) : result.data.items.length === 0 ? (
          <p className="list-status">{t('audit.none')}</p>
        ) : (
          <ScrollTable
            caption={t('audit.results')}
            columns={[
              t('audit.when'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.patient'),
              t('audit.purpose'),
              t('audit.outcome'),
              t('audit.detail'),
            ]}
          >
            {result.data.items.map((row) => (
              <tr key={row.id}>
                <td>{dateTimeInOslo(row.occurredAt, language)}</td>
                <th scope="row">{row.actorName ?? row.actorSubject}</th>
                <td>
                  {t(`audit.actions.${row.action}`)} · {row.resource}
                </td>
                <td className="url">{row.patientId ?? '–'}</td>
                <td>{t(`audit.purposes.${row.purpose}`, { defaultValue: row.purpose })}</td>
                <td>{t(`audit.outcomes.${row.outcome}`)}</td>
                <td>{row.detail ?? '–'}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
