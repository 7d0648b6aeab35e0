import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { fetchMyPlan, inLanguage, myPlanQueryKey, type MyPlan, type Schedule } from '../api/plan';
import { BackToToday } from '../../../ui/BackToToday';

const WEEKDAY_INDEX: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** "mandag og torsdag" / "Monday and Thursday", in the viewer's language. */
function weekdayNames(days: string[], language: string): string {
  // 2024-01-01 was a Monday
  const names = [...days]
    .sort((a, b) => (WEEKDAY_INDEX[a] ?? 0) - (WEEKDAY_INDEX[b] ?? 0))
    .map((day) =>
      new Date(Date.UTC(2024, 0, WEEKDAY_INDEX[day] ?? 1)).toLocaleDateString(
        language.startsWith('en') ? 'en-GB' : 'nb-NO',
        { weekday: 'long', timeZone: 'UTC' },
      ),
    );
  return new Intl.ListFormat(language.startsWith('en') ? 'en-GB' : 'nb-NO', {
    type: 'conjunction',
  }).format(names);
}

function When({ schedule }: { schedule: Schedule }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const window = {
    start: schedule.windowStart.slice(0, 5),
    end: schedule.windowEnd.slice(0, 5),
  };
  const often =
    schedule.kind === 'WEEKDAYS'
      ? t('plan.when.WEEKDAYS', { days: weekdayNames(schedule.weekdays, language) })
      : schedule.kind === 'EVERY_N_DAYS'
        ? t('plan.when.EVERY_N_DAYS', { count: schedule.intervalDays ?? 1 })
        : schedule.kind === 'RELATIVE_DAYS'
          ? t('plan.when.RELATIVE_DAYS', { days: schedule.days.join(', ') })
          : t('plan.when.DAILY');
  return (
    <>
      {t('plan.when.sentence', { often, ...window })}
      {schedule.durationDays !== null &&
        ` ${t('plan.when.duration', { count: schedule.durationDays })}`}
    </>
  );
}

const LEVELS = ['green', 'yellow', 'red'] as const;

function PlanCard({ plan, headingId }: { plan: MyPlan; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const description = inLanguage(plan.description, language);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{inLanguage(plan.name, language)}</h2>
      {description && <p>{description}</p>}
      <p className="muted">
        {plan.status === 'PAUSED'
          ? t('plan.paused')
          : t('plan.since', { date: formatDate(plan.startDate, language, 'long') })}
      </p>
      <h3>{t('plan.whatHeading')}</h3>
      <ul className="plan-list">
        {plan.activities.map((activity) => (
          <li key={activity.id}>
            <strong>{inLanguage(activity.title, language)}</strong>{' '}
            <span className="muted">({t(`plan.type.${activity.type}`)})</span>
            <br />
            <When schedule={activity.schedule} />
            {activity.collectOnly && (
              <>
                <br />
                <span className="muted">{t('plan.collectOnly')}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('plan.adviceHeading')}</h3>
      <p>{t('plan.adviceIntro')}</p>
      <dl className="plan-advice">
        {LEVELS.map((level) => {
          const text = inLanguage(plan.advice?.[level], language);
          return (
            <div key={level} className={`plan-advice__item plan-advice__item--${level}`}>
              <dt>{t(`plan.level.${level}`)}</dt>
              <dd>{text || t('plan.noAdvice')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/**
 * The patient's standing plan, readable at any time and before the first submission: what to
 * measure or answer when, and what to do when a value is yellow or red.
 */
export function MyPlanPage() {
  const { t } = useTranslation();
  const plans = useQuery({ queryKey: myPlanQueryKey, queryFn: fetchMyPlan });
  return (
    <div className="stack">
      <h1>{t('plan.heading')}</h1>
      <p className="lead">{t('plan.intro')}</p>
      {plans.isPending ? (
        <Loading label={t('plan.loading')} />
      ) : plans.isError ? (
        <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <p>{t('plan.none')}</p>
      ) : (
        plans.data.map((plan) => (
          <PlanCard key={plan.carePlanId} plan={plan} headingId={`plan-${plan.carePlanId}`} />
        ))
      )}
      <p className="emergency">{t('plan.emergency')}</p>
      <BackToToday />
    </div>
  );
}
