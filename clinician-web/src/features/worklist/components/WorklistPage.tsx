import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { WORKLIST_SIZE, type WorklistItem } from '../api/worklist';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { useNow } from '../hooks/useNow';
import { useWorklist, useWorklistStream } from '../hooks/useWorklist';
import { WorklistPager } from './WorklistPager';
import { WorklistRow } from './WorklistRow';

/** The clinician's start page: her teams' open items, kept live by server-sent events. */
export function WorklistPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const worklist = useWorklist(page);
  const now = useNow();
  const [announcement, setAnnouncement] = useState('');
  // Announce red items that arrive while the page is open, however they arrive: a live event
  // (heard here whichever page is shown, since a new item goes onto the first page only), or the
  // refetch after the stream reconnected. The ones on a page when it is first shown are not news.
  const seenRed = useRef(new Set<string>());
  const shownPage = useRef<number | null>(null);
  const announce = useCallback(
    (item: WorklistItem) => {
      if (item.level !== 'RED' || seenRed.current.has(item.id)) return;
      seenRed.current.add(item.id);
      setAnnouncement(t('worklist.newRed', { name: item.patientName, summary: item.summary }));
    },
    [t],
  );
  useWorklistStream((event, item) => {
    if (event === 'raised' && item.status !== 'RESOLVED') announce(item);
  });
  useEffect(() => {
    if (!worklist.data || worklist.isPlaceholderData) return;
    const red = worklist.data.items.filter((item) => item.level === 'RED');
    if (shownPage.current !== worklist.data.page) {
      shownPage.current = worklist.data.page;
      red.forEach((item) => seenRed.current.add(item.id));
      return;
    }
    red.forEach(announce);
  }, [worklist.data, worklist.isPlaceholderData, announce]);
  // Items resolved elsewhere can leave this page beyond the last one: go back to the last (state
  // adjusted while rendering, as React advises, rather than in an effect).
  if (worklist.data && !worklist.isPlaceholderData && page > 0) {
    const last = Math.max(0, Math.ceil(worklist.data.total / WORKLIST_SIZE) - 1);
    if (page > last) setPage(last);
  }

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
          <ol
            className="wl-list"
            aria-label={t('worklist.heading')}
            aria-busy={worklist.isPlaceholderData}
            start={worklist.data.page * worklist.data.size + 1}
          >
            {worklist.data.items.map((item) => (
              <WorklistRow key={item.id} item={item} me={me} now={now} />
            ))}
          </ol>
          {worklist.data.total > worklist.data.size || worklist.data.page > 0 ? (
            <WorklistPager page={worklist.data} onPage={setPage} />
          ) : null}
        </>
      )}
    </div>
  );
}
