import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, weekdayName } from '../../../lib/dates';
import { shortTime, type PreviewDay } from '../api/pathways';

/**
 * The days on which something is due, as a table: one row per day (day number, date) listing the
 * activities with their time windows. Days with nothing due are left out, and the caption says so.
 */
export function SchedulePreviewTable(props: { days: PreviewDay[]; total: number; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (props.days.length === 0) {
    return <p className="list-status">{t('preview.empty', { count: props.total })}</p>;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table preview-table" aria-busy={props.busy ?? false}>
        <caption id={captionId}>
          {t('preview.caption', { count: props.total, shown: props.days.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.day')}</th>
            <th scope="col">{t('preview.date')}</th>
            <th scope="col">{t('preview.activities')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
