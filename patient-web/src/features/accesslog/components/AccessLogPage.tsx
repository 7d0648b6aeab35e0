import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { fetchAccessLog, type AccessLogEntry } from '../api/accessLog';
import { BackToToday } from '../../../ui/BackToToday';

const KNOWN_RESOURCES = [
  'Patient',
  'CarePlan',
  'Observation',
  'QuestionnaireResponse',
  'Flag',
  'AccessRequest',
  'AuditEvent',
  'Binary',
] as const;

type ResourceKey = (typeof KNOWN_RESOURCES)[number] | 'other';

function resourceKey(resource: string): ResourceKey {
  return (KNOWN_RESOURCES as readonly string[]).includes(resource)
    ? (resource as ResourceKey)
    : 'other';
}

function Entry({ entry, language }: { entry: AccessLogEntry; language: string }) {
  const { t } = useTranslation();
  return (
    <li className="card access-log__entry">
      <p>
        <strong>{entry.who}</strong> ({t(`accessLog.roles.${entry.role}`)})
      </p>
      <dl className="facts">
        <div>
          <dt>{t('accessLog.when')}</dt>
          <dd>
            <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('accessLog.what')}</dt>
          <dd>
            {t(`accessLog.actions.${entry.action}`)}:{' '}
            {t(`accessLog.resources.${resourceKey(entry.resource)}`)}
          </dd>
        </div>
        <div>
          <dt>{t('accessLog.why')}</dt>
          <dd>{t(`accessLog.purposes.${entry.purpose}`)}</dd>
        </div>
        {entry.outcome === 'DENIED' && (
          <div>
            <dt>{t('accessLog.outcome')}</dt>
            <dd>{t('accessLog.denied')}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** "Who has looked at my data": every access by someone else, newest first. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const log = useQuery({
    queryKey: ['me', 'access-log'],
    queryFn: ({ signal }) => fetchAccessLog(signal),
    staleTime: 0,
  });
  return (
    <div className="stack">
      <h1>{t('accessLog.heading')}</h1>
      <p className="lead">{t('accessLog.intro')}</p>
      {log.isPending ? (
        <Loading label={t('accessLog.loading')} />
      ) : log.isError ? (
        <ErrorPanel error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.length === 0 ? (
        <p>{t('accessLog.none')}</p>
      ) : (
        <ul className="stack access-log" aria-label={t('accessLog.heading')}>
          {log.data.map((entry, index) => (
            <Entry key={`${entry.at}-${index}`} entry={entry} language={language} />
          ))}
        </ul>
      )}
      <BackToToday />
    </div>
  );
}
