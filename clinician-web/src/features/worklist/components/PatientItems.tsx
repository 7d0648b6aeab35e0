import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { ErrorPanel } from '@heima/web-common/ui/Status';
import { ITEMS_PER_ROW, itemCount, type CaseloadFilter, type PatientRow } from '../api/caseload';
import { usePatientItems } from '../hooks/useCaseload';
import { WorklistPager } from './WorklistPager';
import { WorklistRow } from './WorklistRow';

/**
 * A patient's items under their caseload row. The row brings the first {@link ITEMS_PER_ROW};
 * a patient with more (months of missed tasks) pages through the rest inside the row.
 */
export function PatientItems({
  row,
  filter,
  me,
  now,
}: {
  row: PatientRow;
  filter: CaseloadFilter;
  me: Me;
  now: number;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const more = usePatientItems(row.patientId, filter, page);
  const total = Math.max(itemCount(row), row.items.length);
  const items = page === 0 ? row.items : (more.data?.items ?? []);
  return (
    <>
      {page > 0 && more.isError ? (
        <ErrorPanel error={more.error} onRetry={() => void more.refetch()} />
      ) : (
        <ol
          className="wl-list"
          aria-label={t('caseload.itemsOf', { name: row.patientName })}
          aria-busy={page > 0 && (more.isPending || more.isPlaceholderData)}
        >
          {items.map((item) => (
            <WorklistRow key={item.id} item={item} me={me} now={now} />
          ))}
        </ol>
      )}
      {total > ITEMS_PER_ROW && (
        <WorklistPager
          page={{ page, size: ITEMS_PER_ROW, total, items }}
          onPage={setPage}
          label={t('caseload.itemPages', { name: row.patientName })}
        />
      )}
    </>
  );
}
