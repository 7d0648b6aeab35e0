import { useTranslation } from 'react-i18next';
import { formatDate, weekdayName } from '../../../lib/dates';
import { shortTime, type PreviewDay } from '../api/pathways';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/**
 * The days on which something is due, as a table: one row per day (day number, date) listing the
 * activities with their time windows. Days with nothing due are left out, and the caption says so.
 */
export function SchedulePreviewTable(props: { days: PreviewDay[]; total: number; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (props.days.length === 0) {
    return <p className="list-status">{t('preview.empty', { count: props.total })}</p>;
  }
  return (
    <ScrollTable
      caption={t('preview.caption', { count: props.total, shown: props.days.length })}
      captionHidden={false}
      columns={[t('preview.day'), t('preview.date'), t('preview.activities')]}
      className="preview-table"
      busy={props.busy ?? false}
    >
      {props.days.map((day) => (
        <tr key={day.date} data-day={day.dayNumber}>
          <th scope="row" className="numeric">
            {t('preview.dayNumber', { day: day.dayNumber })}
          </th>
          <td className="numeric">
            {weekdayName(day.date, language)} {formatDate(day.date, language, 'short')}
          </td>
          <td>
            <ul className="plain-list">
              {day.items.map((item) => (
                <li key={item.activityId}>
                  {item.title}{' '}
                  <span className="muted">
                    {t('preview.window', {
                      start: shortTime(item.windowStart),
                      end: shortTime(item.windowEnd),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
