import { Fragment, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo, relativeTime } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import type { CaseloadFilter, PatientRow } from '../api/caseload';
import { LevelBadge } from './LevelBadge';
import { PatientItems } from './PatientItems';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** "2 målinger, 1 skjema" in the viewer's language; an unknown kind by its code. */
export function useCountsText() {
  const { t } = useTranslation();
  return (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([kind, count]) =>
        t(`caseload.kind.${kind}`, { count, defaultValue: `${count} ${kind}` }),
      )
      .join(', ');
}

/** Arrow up/down moves between the patients' expand buttons; Home/End to the first/last. */
function moveFocus(event: KeyboardEvent<HTMLButtonElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const all = Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-cl-toggle]'));
  const at = all.indexOf(event.currentTarget);
  const next =
    event.key === 'ArrowDown'
      ? all[at + 1]
      : event.key === 'ArrowUp'
        ? all[at - 1]
        : event.key === 'Home'
          ? all[0]
          : all[all.length - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** One row per patient; a patient's items open beneath their row. */
export function CaseloadTable({
  rows,
  filter,
  me,
  now,
  caption,
}: {
  rows: PatientRow[];
  /** The caseload's filter, which a row's further pages of items keep. */
  filter: CaseloadFilter;
  me: Me;
  now: number;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const countsText = useCountsText();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ScrollTable
      caption={caption}
      columns={[
        t('caseload.column.level'),
        t('caseload.column.patient'),
        t('caseload.column.phone'),
        t('caseload.column.items'),
        t('caseload.column.oldest'),
        { label: t('caseload.column.open'), hidden: true },
      ]}
      className="cl-table"
    >
      {rows.map((row) => {
        const expanded = open.has(row.patientId);
        const itemsId = `cl-items-${row.patientId}`;
        return (
          <Fragment key={row.patientId}>
            <tr className={`cl-row cl-row--${row.worstLevel.toLowerCase()}`}>
              <td>
                <LevelBadge level={row.worstLevel} />
              </td>
              <th scope="row" className="cl-patient">
                <Link to={{ name: 'patient', patientId: row.patientId }}>{row.patientName}</Link>
                <span className="cl-identifier">{row.identifier}</span>
              </th>
              <td>
                {row.phone ? (
                  <a href={`tel:${row.phone.replace(/\s+/g, '')}`}>{row.phone}</a>
                ) : (
                  <span className="field__hint">{t('caseload.noPhone')}</span>
                )}
              </td>
              <td>
                {countsText(row.counts)}
                {row.overdue > 0 && (
                  <>
                    {' '}
                    <span className="state state--missed">
                      {t('caseload.overdueCount', { count: row.overdue })}
                    </span>
                  </>
                )}
              </td>
              <td>
                <time
                  dateTime={row.oldestRaisedAt}
                  title={dateTimeInOslo(row.oldestRaisedAt, language)}
                >
                  {relativeTime(row.oldestRaisedAt, language, now)}
                </time>
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  data-cl-toggle=""
                  aria-expanded={expanded}
                  aria-controls={itemsId}
                  onClick={() => toggle(row.patientId)}
                  onKeyDown={moveFocus}
                >
                  {expanded ? t('caseload.hideItems') : t('caseload.showItems')}
                  <span className="visually-hidden">: {row.patientName}</span>
                </button>
              </td>
            </tr>
            <tr id={itemsId} className="cl-items" hidden={!expanded}>
              <td colSpan={6}>
                {expanded && (
                  // a new filter starts the row's items again from the first page
                  <PatientItems
                    key={JSON.stringify(filter)}
                    row={row}
                    filter={filter}
                    me={me}
                    now={now}
                  />
                )}
              </td>
            </tr>
          </Fragment>
        );
      })}
    </ScrollTable>
  );
}
