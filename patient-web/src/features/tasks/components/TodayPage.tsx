import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatDayHeading, isIsoDate, todayInZone } from '../../../lib/dates';
import { ProblemType, hasProblemType } from '@heima/web-common/problem';
import { href, navigate } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { useOutbox } from '../../outbox/hooks/useOutbox';
import { OutboxPanel } from '../../outbox/components/OutboxPanel';
import { NurseMessages } from '../../reviews/components/NurseMessages';
import { NotRegistered } from '../../record/components/NotRegistered';
import { OwnRecord } from '../../record/components/OwnRecord';
import { useCarePlans, useTasks } from '../hooks/useTasks';
import { CarePlanStatus } from './CarePlanStatus';
import { TaskList } from './TaskList';
import { Notice } from '../../../ui/Notice';
import Button from '@helsenorge/designsystem-react/components/Button';

function DayPicker({ date, today }: { date: string; today: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState(date);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isIsoDate(value) && value <= today) {
      navigate(value === today ? { name: 'today' } : { name: 'day', date: value });
    }
  }
  return (
    <div className="day-nav">
      <ul className="day-nav__steps">
        <li>
          <a href={href({ name: 'day', date: addDays(date, -1) })}>
            <span aria-hidden="true">← </span>
            {t('day.previous')}
          </a>
        </li>
        {date < today && (
          <li>
            <a
              href={href(
                addDays(date, 1) === today
                  ? { name: 'today' }
                  : { name: 'day', date: addDays(date, 1) },
              )}
            >
              {t('day.next')}
              <span aria-hidden="true"> →</span>
            </a>
          </li>
        )}
        {date !== today && (
          <li>
            <a href={href({ name: 'today' })}>{t('day.today')}</a>
          </li>
        )}
      </ul>
      <form className="day-nav__pick" onSubmit={onSubmit}>
        <label htmlFor={inputId}>{t('day.pick')}</label>
        <input
          id={inputId}
          type="date"
          max={today}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <Button type="submit" variant="outline">
          {t('day.show')}
        </Button>
      </form>
    </div>
  );
}

function DayTasks({ me, date, today }: { me: Me; date: string; today: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const tasks = useTasks(date);
  const { items } = useOutbox(me.subject);
  const isToday = date === today;
  return (
    <section className="stack" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">
        {isToday ? t('tasks.todayHeading') : t('tasks.dayHeading')}{' '}
        <span className="tasks__date">{formatDayHeading(date, language)}</span>
      </h2>
      <DayPicker key={date} date={date} today={today} />
      {tasks.isPending ? (
        <Loading label={t('tasks.loading')} />
      ) : tasks.isError ? (
        <ErrorPanel error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <p>{isToday ? t('tasks.noneToday') : t('tasks.noneThatDay')}</p>
      ) : (
        <>
          {isToday && tasks.data.every((task) => task.state === 'DONE') && (
            <Notice variant="success">{t('tasks.allDone')}</Notice>
          )}
          <TaskList tasks={tasks.data} isToday={isToday} waiting={items} />
        </>
      )}
    </section>
  );
}

/** The patient's start page: what to do today (or on a past day), what waits to be sent. */
export function TodayPage({ me, date }: { me: Me; date?: string }) {
  const { t } = useTranslation();
  const today = todayInZone();
  const day = date !== undefined && date <= today ? date : today;
  const plans = useCarePlans();

  if (plans.isError && hasProblemType(plans.error, ProblemType.notRegistered)) {
    return (
      <div className="stack">
        <h1>{t('home.greeting', { name: me.name })}</h1>
        <NotRegistered />
      </div>
    );
  }
  return (
    <div className="stack">
      <h1>{t('home.greeting', { name: me.name })}</h1>
      <p className="lead">{t('home.intro')}</p>
      {plans.isPending ? (
        <Loading label={t('plans.loading')} />
      ) : plans.isError ? (
        <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <CarePlanStatus plans={plans.data} today={today} />
      )}
      <OutboxPanel owner={me.subject} />
      {plans.isSuccess && <DayTasks me={me} date={day} today={today} />}
      {plans.isSuccess && day === today && <NurseMessages />}
      <nav aria-labelledby="more-heading" className="card">
        <h2 id="more-heading">{t('nav.more')}</h2>
        <ul className="link-list">
          <li>
            <a href={href({ name: 'plan' })}>{t('nav.myPlan')}</a>
          </li>
          <li>
            <a href={href({ name: 'measure' })}>{t('nav.recordMeasurement')}</a>
          </li>
          <li>
            <a href={href({ name: 'measurements' })}>{t('nav.myMeasurements')}</a>
          </li>
          <li>
            <a href={href({ name: 'accessLog' })}>{t('nav.accessLog')}</a>
          </li>
          <li>
            <a href={href({ name: 'messages' })}>{t('nav.messages')}</a>
          </li>
          <li>
            <a href={href({ name: 'reminders' })}>{t('nav.reminders')}</a>
          </li>
        </ul>
      </nav>
      {plans.isSuccess && <OwnRecord />}
    </div>
  );
}
