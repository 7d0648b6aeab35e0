import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { errorMessage } from '@heima/web-common/problemMessages';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { useOutboxStats, useParkedRows, useRetryRow } from '../hooks/useOutbox';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** FHIR write-back for administrators: how much waits, what stopped and why, and retry. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const stats = useOutboxStats();
  const parked = useParkedRows();
  const retry = useRetryRow();

  return (
    <div className="stack">
      <h1>{t('outbox.heading')}</h1>
      <p>{t('outbox.intro')}</p>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorPanel error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('outbox.pending')}</dt>
            <dd className="numeric">{stats.data.pending}</dd>
          </div>
          <div>
            <dt>{t('outbox.parked')}</dt>
            <dd className="numeric">{stats.data.parked}</dd>
          </div>
          <div>
            <dt>{t('outbox.oldestPending')}</dt>
            <dd className="numeric">
              {stats.data.oldestPendingSeconds === null
                ? t('outbox.none')
                : t('outbox.seconds', { count: stats.data.oldestPendingSeconds })}
            </dd>
          </div>
        </dl>
      )}
      <section className="stack" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('outbox.parkedHeading')}</h2>
        <div role="status">
          {retry.isSuccess && (
            <p className="notice notice--success">{t('outbox.retried', { id: retry.variables })}</p>
          )}
        </div>
        {retry.isError && (
          <p className="notice notice--error" role="alert">
            {errorMessage(i18n, retry.error)}
          </p>
        )}
        {parked.isPending ? (
          <Loading />
        ) : parked.isError ? (
          <ErrorPanel error={parked.error} onRetry={() => void parked.refetch()} />
        ) : parked.data.length === 0 ? (
          <p className="list-status">{t('outbox.parkedEmpty')}</p>
        ) : (
          <ScrollTable
            caption={t('outbox.parkedHeading')}
            columns={[
              t('outbox.resource'),
              t('outbox.identifier'),
              t('outbox.attempts'),
              t('outbox.reason'),
              t('outbox.created'),
              { label: t('outbox.retry'), hidden: true },
            ]}
          >
            {parked.data.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.resourceType}</th>
                <td className="url">{row.identifier}</td>
                <td className="numeric">{row.attempts}</td>
                <td>{row.lastError ?? '–'}</td>
                <td>{dateTimeInOslo(row.createdAt, language)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={retry.isPending}
                    onClick={() => retry.mutate(row.id)}
                  >
                    {t('outbox.retry')}
                    <span className="visually-hidden">
                      : {row.resourceType} {row.identifier}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
