import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/api/me';
import { ErrorPanel, Loading } from '../../layout/components/Status';
import type { WorklistEvent, WorklistItem } from '../api/worklist';
import { useNow } from '../hooks/useNow';
import { useWorklist, useWorklistStream } from '../hooks/useWorklist';
import { WorklistRow } from './WorklistRow';

/** The clinician's start page: her teams' open items, kept live by server-sent events. */
export function WorklistPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const worklist = useWorklist();
  const now = useNow();
  const [announcement, setAnnouncement] = useState('');
  useWorklistStream((event: WorklistEvent, item: WorklistItem) => {
    if (event === 'raised' && item.level === 'RED') {
      setAnnouncement(t('worklist.newRed', { name: item.patientName, summary: item.summary }));
    }
  });

  return (
    <div className="stack">
      <h1>{t('worklist.heading')}</h1>
      <p>{t('worklist.intro')}</p>
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {worklist.isPending ? (
        <Loading label={t('worklist.loading')} />
      ) : worklist.isError ? (
        <ErrorPanel error={worklist.error} onRetry={() => void worklist.refetch()} />
      ) : worklist.data.items.length === 0 ? (
        <p className="list-status">{t('worklist.empty')}</p>
      ) : (
        <>
          <p className="list-status">{t('worklist.count', { count: worklist.data.total })}</p>
          <ol className="wl-list" aria-label={t('worklist.heading')}>
            {worklist.data.items.map((item) => (
              <WorklistRow key={item.id} item={item} me={me} now={now} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
