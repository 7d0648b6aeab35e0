import { useTranslation } from 'react-i18next';
import { formatDate, timeInOslo, todayInOslo, weekdayName } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { CarePlan } from '../api/carePlans';
import { useTasks } from '../hooks/useCarePlans';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

export const TASK_DAYS = 14;

/**
 * The plan's tasks for the next two weeks, with their windows as clock times in Norway. The
 * scrolling region is named by the plan's heading and the caption together: a patient with two
 * plans has two such tables, and each landmark needs a name of its own.
 */
export function TaskTable({ plan, headingId }: { plan: CarePlan; headingId?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const tasks = useTasks(plan.id, { from: todayInOslo(), days: TASK_DAYS });

  if (tasks.isPending) return <Loading label={t('tasks.loading')} />;
  if (tasks.isError) return <ErrorPanel error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.data.length === 0) {
    return <p className="list-status">{t('tasks.empty', { count: TASK_DAYS })}</p>;
  }
  return (
    <ScrollTable
      caption={t('tasks.caption', { count: TASK_DAYS })}
      captionHidden={false}
      labelledBy={headingId}
      columns={[t('tasks.date'), t('tasks.activity'), t('tasks.window'), t('tasks.state')]}
      busy={tasks.isFetching}
    >
      {tasks.data.map((task) => (
        <tr key={`${task.date}-${task.activityId}`}>
          <td className="numeric">
            {weekdayName(task.date, language)} {formatDate(task.date, language, 'short')}
          </td>
          <th scope="row">{task.title}</th>
          <td className="numeric">
            {t('tasks.windowTimes', {
              start: timeInOslo(task.windowStart, language),
              end: timeInOslo(task.windowEnd, language),
            })}
          </td>
          <td>
            <span className={`state state--${task.state.toLowerCase()}`}>
              {t(`tasks.states.${task.state}`)}
            </span>
            {task.completedAt && (
              <span className="muted">
                {' '}
                {t('tasks.completedAt', { time: timeInOslo(task.completedAt, language) })}
              </span>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
