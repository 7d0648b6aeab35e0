import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import {
  BULK_TYPES,
  cancelBulkExport,
  csvHref,
  fetchBulkStatus,
  fetchDictionary,
  startBulkExport,
  type CohortChoice,
} from '../api/exports';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/**
 * Cohort exports for administrators: a CSV download for a period (the browser streams it to a
 * file), a FHIR Bulk Data export with its status and files, and the CSV's data dictionary.
 */
export function ExportsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const ids = {
    team: useId(),
    pathway: useId(),
    pseudonymise: useId(),
    from: useId(),
    to: useId(),
    since: useId(),
    csv: useId(),
    bulk: useId(),
    dictionary: useId(),
  };
  const [choice, setChoice] = useState<CohortChoice>({
    team: '',
    pathway: '',
    pseudonymise: false,
  });
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [types, setTypes] = useState<string[]>([...BULK_TYPES]);
  const [since, setSince] = useState('');
  const [statusPath, setStatusPath] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const dictionary = useQuery({
    queryKey: ['admin', 'exports', 'dictionary'],
    queryFn: ({ signal }) => fetchDictionary(signal),
  });
  const start = useMutation({
    mutationFn: () => startBulkExport(choice, types, since),
    onSuccess: (path) => {
      setCancelled(false);
      setStatusPath(path);
    },
  });
  const status = useQuery({
    queryKey: ['admin', 'exports', 'bulk', statusPath],
    queryFn: ({ signal }) => fetchBulkStatus(statusPath ?? '', signal),
    enabled: statusPath !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 2000 : false),
  });
  const cancel = useMutation({
    mutationFn: () => cancelBulkExport(statusPath ?? ''),
    onSuccess: () => {
      setStatusPath(null);
      setCancelled(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const toggle = (type: string) =>
    setTypes((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type],
    );

  return (
    <div className="narrow stack">
      <h1>{t('exports.heading')}</h1>
      <p>{t('exports.intro')}</p>
      <div className="field">
        <label htmlFor={ids.team}>{t('exports.team')}</label>
        <input
          id={ids.team}
          type="text"
          autoComplete="off"
          maxLength={64}
          value={choice.team}
          onChange={(e) => setChoice({ ...choice, team: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.pathway}>{t('exports.pathway')}</label>
        <input
          id={ids.pathway}
          type="text"
          autoComplete="off"
          maxLength={36}
          value={choice.pathway}
          onChange={(e) => setChoice({ ...choice, pathway: e.target.value })}
        />
      </div>
      <div className="field checkbox">
        <input
          id={ids.pseudonymise}
          type="checkbox"
          checked={choice.pseudonymise}
          onChange={(e) => setChoice({ ...choice, pseudonymise: e.target.checked })}
        />
        <label htmlFor={ids.pseudonymise}>{t('exports.pseudonymise')}</label>
      </div>

      <section className="stack" aria-labelledby={ids.csv}>
        <h2 id={ids.csv}>{t('exports.csvHeading')}</h2>
        <p>{t('exports.csvIntro')}</p>
        <div className="field">
          <label htmlFor={ids.from}>{t('exports.from')}</label>
          <input
            id={ids.from}
            type="date"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('exports.to')}</label>
          <input
            id={ids.to}
            type="date"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </div>
        <p>
          <a className="button" href={csvHref(choice, period.from, period.to)} download>
            {t('exports.downloadCsv')}
          </a>
        </p>
      </section>

      <section className="stack" aria-labelledby={ids.bulk}>
        <h2 id={ids.bulk}>{t('exports.bulkHeading')}</h2>
        <p>{t('exports.bulkIntro')}</p>
        <form className="stack" onSubmit={submit} aria-labelledby={ids.bulk}>
          <fieldset>
            <legend>{t('exports.types')}</legend>
            {BULK_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={() => toggle(type)}
                />{' '}
                {type}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={ids.since}>{t('exports.since')}</label>
            <input
              id={ids.since}
              type="datetime-local"
              value={since}
              onChange={(e) => setSince(e.target.value)}
            />
          </div>
          <p>
            <button
              type="submit"
              className="button button--primary"
              disabled={start.isPending || types.length === 0}
            >
              {t('exports.start')}
            </button>
          </p>
        </form>
        {start.isError ? <ErrorPanel error={start.error} /> : null}
        <div role="status" aria-label={t('exports.status')}>
          {cancelled ? <p>{t('exports.cancelled')}</p> : null}
          {statusPath === null ? null : status.isPending ? (
            <Loading />
          ) : status.isError ? (
            <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />
          ) : status.data.state === 'running' ? (
            <p>{t('exports.running', { progress: status.data.progress })}</p>
          ) : status.data.state === 'failed' ? (
            <p>{t('exports.failed')}</p>
          ) : (
            <>
              <p>
                {t('exports.done', { time: dateTimeInOslo(status.data.transactionTime, language) })}
              </p>
              {status.data.files.length === 0 ? (
                <p>{t('exports.noFiles')}</p>
              ) : (
                <ul>
                  {status.data.files.map((file) => (
                    <li key={file.type}>
                      <a href={file.url} download>
                        {t('exports.file', { type: file.type, count: file.count })}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        {statusPath !== null ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => cancel.mutate()}
            >
              {t('exports.cancel')}
            </button>
          </p>
        ) : null}
        {cancel.isError ? <ErrorPanel error={cancel.error} /> : null}
      </section>

      <section className="stack" aria-labelledby={ids.dictionary}>
        <h2 id={ids.dictionary}>{t('exports.dictionary')}</h2>
        {dictionary.isPending ? (
          <Loading />
        ) : dictionary.isError ? (
          <ErrorPanel error={dictionary.error} onRetry={() => void dictionary.refetch()} />
        ) : (
          <ScrollTable
            caption={t('exports.dictionary')}
            columns={[t('exports.column'), t('exports.type'), t('exports.meaning')]}
          >
            {dictionary.data.map((entry) => (
              <tr key={entry.name}>
                <th scope="row">
                  <code>{entry.name}</code>
                </th>
                <td>{entry.type}</td>
                <td>{language.startsWith('en') ? entry.en : entry.nb}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
