import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { WorklistItem } from '../../worklist/api/worklist';
import { itemText } from '../../worklist/api/itemText';
import { LevelBadge } from '../../worklist/components/LevelBadge';
import { usePatientWorklist } from '../../worklist/hooks/useWorklist';

interface Entry {
  key: string;
  at: string;
  item: WorklistItem;
  kind: 'raised' | 'taken' | 'escalated' | 'resolved';
}

/** Everything that happened to the patient's worklist items, newest first. */
export function timelineEntries(items: WorklistItem[]): Entry[] {
  const entries: Entry[] = [];
  for (const item of items) {
    entries.push({ key: `${item.id}-raised`, at: item.raisedAt, item, kind: 'raised' });
    if (item.takenAt)
      entries.push({ key: `${item.id}-taken`, at: item.takenAt, item, kind: 'taken' });
    if (item.escalatedAt)
      entries.push({ key: `${item.id}-escalated`, at: item.escalatedAt, item, kind: 'escalated' });
    if (item.resolvedAt)
      entries.push({ key: `${item.id}-resolved`, at: item.resolvedAt, item, kind: 'resolved' });
  }
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

export function PatientTimeline({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const items = usePatientWorklist(patientId);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.timeline')}</h2>
      <p>
        <Link to={{ name: 'responses', patientId }}>{t('responses.all')}</Link>
      </p>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorPanel error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.length === 0 ? (
        <p className="list-status">{t('overview.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {timelineEntries(items.data).map(({ key, at, item, kind }) => (
            <li key={key} className="timeline__entry">
              <time dateTime={at}>{dateTimeInOslo(at, language)}</time>
              <div>
                {kind === 'raised' && (
                  <p>
                    <LevelBadge level={item.level} /> {itemText(item, t, language)}
                    {item.kind === 'RESPONSE' && (
                      <>
                        {' '}
                        <Link
                          to={{
                            name: 'response',
                            patientId: item.patientId,
                            responseId: item.sourceKey,
                          }}
                        >
                          {t('responses.open')}
                        </Link>
                      </>
                    )}
                  </p>
                )}
                {kind === 'taken' && (
                  <p>{t('overview.takenEvent', { name: item.assigneeName ?? '' })}</p>
                )}
                {kind === 'escalated' && (
                  <>
                    <p>{t('overview.escalatedEvent')}</p>
                    {item.note && item.status !== 'RESOLVED' && (
                      <p className="muted">{t('overview.note', { note: item.note })}</p>
                    )}
                  </>
                )}
                {kind === 'resolved' && (
                  <>
                    <p>
                      {t('overview.resolvedEvent', {
                        name: item.resolvedByName ?? '',
                        action: item.action ? t(`worklist.actions.${item.action}`) : '',
                      })}
                    </p>
                    {item.note && (
                      <p className="muted">{t('overview.note', { note: item.note })}</p>
                    )}
                    {item.patientMessage && (
                      <p className="muted">
                        {t('overview.patientMessage', { message: item.patientMessage })}
                      </p>
                    )}
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
