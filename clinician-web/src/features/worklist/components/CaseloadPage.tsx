import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { NO_FILTER, type CaseloadFilter } from '../api/caseload';
import { useCaseload, useCaseloadRefresh } from '../hooks/useCaseload';
import { useNow } from '../hooks/useNow';
import { useRedAlerts } from '../hooks/useRedAlerts';
import { useWorklistStream } from '../hooks/useWorklist';
import { CaseloadFilters } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { NotifySetting } from './NotifySetting';
import { WorklistPager } from './WorklistPager';

/**
 * The clinician's start page for a real caseload: one row per patient, worst first, filtered and
 * paged by the server, kept live by the worklist's server-sent events.
 */
export function CaseloadPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CaseloadFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const caseload = useCaseload(filter, page);
  const now = useNow();
  const refresh = useCaseloadRefresh();
  const alerts = useRedAlerts();
  const [announcement, setAnnouncement] = useState('');
  useWorklistStream((event, item) => {
    refresh();
    if (event === 'raised' && item.level === 'RED' && item.status !== 'RESOLVED') {
      alerts.redRaised(item);
      setAnnouncement(t('worklist.newRed', { name: item.patientName, summary: item.summary }));
    }
  });
  if (caseload.data && !caseload.isPlaceholderData && page > 0) {
    const last = Math.max(0, Math.ceil(caseload.data.total / caseload.data.size) - 1);
    if (page > last) setPage(last);
  }
  const data = caseload.data;

  return (
    <div className="stack">
      <h1>{t('worklist.heading')}</h1>
      <p>{t('caseload.intro')}</p>
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      <NotifySetting alerts={alerts} />
      <CaseloadFilters
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(0);
        }}
      />
      {caseload.isPending ? (
        <Loading label={t('worklist.loading')} />
      ) : caseload.isError ? (
        <ErrorPanel error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : data === undefined || data.items.length === 0 ? (
        <p className="list-status" role="status">
          {filter === NO_FILTER ? t('worklist.empty') : t('caseload.noMatch')}
        </p>
      ) : (
        <>
          <p className="list-status" role="status">
            {t('caseload.count', {
              count: data.total,
              items: t('caseload.itemCount', { count: data.itemTotal }),
            })}
          </p>
          <div aria-busy={caseload.isPlaceholderData}>
            <CaseloadTable
              rows={data.items}
              filter={filter}
              me={me}
              now={now}
              caption={t('worklist.heading')}
            />
          </div>
          {data.total > data.size || data.page > 0 ? (
            <WorklistPager page={data} onPage={setPage} />
          ) : null}
        </>
      )}
    </div>
  );
}
