import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/api/me';
import { ErrorPanel, Loading } from '../../layout/components/Status';
import { useNow } from '../hooks/useNow';
import { useWorklist, useWorklistStream } from '../hooks/useWorklist';
import { WorklistRow } from './WorklistRow';

/** The clinician's start page: her teams' open items, kept live by server-sent events. */
export function WorklistPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const worklist = useWorklist();
  const now = useNow();
  const [announcement, setAnnouncement] = useState('');
  useWorklistStream();
  // Announce red items that arrive while the page is open, however they arrive (a live event, or
  // the refetch after the stream reconnected): the ones present at the first load are not news.
  const seenRed = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!worklist.data) return;
    const red = worklist.data.items.filter((item) => item.level === 'RED');
    if (seenRed.current === null) {
      seenRed.current = new Set(red.map((item) => item.id));
      return;
    }
    const fresh = red.filter((item) => !seenRed.current?.has(item.id));
    fresh.forEach((item) => seenRed.current?.add(item.id));
    const newest = fresh[fresh.length - 1];
    if (newest) {
      setAnnouncement(t('worklist.newRed', { name: newest.patientName, summary: newest.summary }));
    }
  }, [worklist.data, t]);

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
