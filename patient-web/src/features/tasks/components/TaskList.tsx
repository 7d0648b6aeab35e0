import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/dates';
import { href } from '../../../lib/router';
import type { OutboxItem } from '../../outbox/outbox';
import { inLanguage } from '../../plan/api/plan';
import type { Task } from '../api/tasks';
import Button from '@helsenorge/designsystem-react/components/Button';

type Shown = Task['state'] | 'WAITING';

const STATE_ICONS: Record<Shown, string> = {
  UPCOMING: '○',
  DUE: '◆',
  DONE: '✓',
  MISSED: '✕',
  WAITING: '…',
};

function TaskAction({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.type === 'MEASUREMENT') {
    const target = href({
      name: 'measure',
      ...(task.vital ? { vital: task.vital } : {}),
      carePlanId: task.carePlanId,
      activityId: task.activityId,
    });
    return (
      <Button htmlMarkup="a" variant={task.state === 'DONE' ? 'outline' : 'fill'} href={target}>
        {task.state === 'DONE'
          ? t('tasks.measureAgain', { title: task.title })
          : t('tasks.measure', { title: task.title })}
      </Button>
    );
  }
  if (task.state === 'DONE') return null;
  return (
    <Button
      htmlMarkup="a"
      href={href({
        name: 'questionnaire',
        carePlanId: task.carePlanId,
        activityId: task.activityId,
        date: task.date,
      })}
    >
      {t('tasks.answer', { title: task.title })}
    </Button>
  );
}

/**
 * The tasks of one day, each with its window (Norwegian time) and state in words and a symbol.
 * Actions only on today's list: the past is history.
 */
export function TaskList(props: {
  tasks: Task[];
  isToday: boolean;
  waiting: readonly OutboxItem[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <ul className="tasks">
      {props.tasks.map((stored) => {
        // the title in the viewer's language, else the other one, else as first written
        const task = { ...stored, title: inLanguage(stored.titles, language) || stored.title };
        const waiting =
          task.state !== 'DONE' &&
          props.waiting.some(
            (item) =>
              item.status === 'waiting' &&
              item.label.carePlanId === task.carePlanId &&
              item.label.activityId === task.activityId &&
              (item.kind === 'measurement' || item.label.date === task.date),
          );
        const shown: Shown = waiting ? 'WAITING' : task.state;
        const window = t('tasks.window', {
          start: formatTime(task.windowStart, language),
          end: formatTime(task.windowEnd, language),
        });
        return (
          <li
            key={`${task.carePlanId}-${task.activityId}`}
            className={`task task--${shown.toLowerCase()}`}
          >
            <h3 className="task__title">{task.title}</h3>
            <p className="task__meta">
              {t(
                task.type === 'MEASUREMENT' ? 'tasks.type.MEASUREMENT' : 'tasks.type.QUESTIONNAIRE',
              )}{' '}
              · {window}
            </p>
            <p className="task__state">
              <span aria-hidden="true" className="task__icon">
                {STATE_ICONS[shown]}
              </span>{' '}
              {shown === 'WAITING'
                ? t('outbox.waitingToSend')
                : shown === 'DONE' && task.completedAt
                  ? t('tasks.state.DONE_AT', { time: formatTime(task.completedAt, language) })
                  : t(`tasks.state.${shown}`)}
            </p>
            {props.isToday && !waiting && <TaskAction task={task} />}
          </li>
        );
      })}
    </ul>
  );
}
