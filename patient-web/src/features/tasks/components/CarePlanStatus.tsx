import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { CarePlan, Pause } from '../api/tasks';
import { Notice } from '../../../ui/Notice';

/** The pause covering `day`, if any (the same rule as the server's). */
export function pauseOn(plan: CarePlan, day: string): Pause | undefined {
  return plan.pauses.find((pause) => {
    if (day < pause.from) return false;
    if (pause.resumedOn !== null && day >= pause.resumedOn) return false;
    return pause.until === null || day <= pause.until;
  });
}

/** Says plainly when follow-up is paused or has ended, so an empty list is not a mystery. */
export function CarePlanStatus(props: { plans: CarePlan[]; today: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const date = (iso: string) => formatDate(iso, language, 'long');

  if (props.plans.length === 0) {
    return <Notice variant="info">{t('plans.none')}</Notice>;
  }
  const notes = props.plans.flatMap((plan) => {
    if (plan.status === 'ENDED') {
      return [
        <li key={plan.id}>
          {plan.endDate
            ? t('plans.endedOn', { name: plan.pathwayName, date: date(plan.endDate) })
            : t('plans.ended', { name: plan.pathwayName })}
        </li>,
      ];
    }
    const pause = plan.status === 'PAUSED' ? pauseOn(plan, props.today) : undefined;
    if (plan.status === 'PAUSED') {
      return [
        <li key={plan.id}>
          {pause?.until
            ? t('plans.pausedUntil', { name: plan.pathwayName, date: date(pause.until) })
            : t('plans.paused', { name: plan.pathwayName })}
        </li>,
      ];
    }
    if (plan.startDate > props.today) {
      return [
        <li key={plan.id}>
          {t('plans.startsOn', { name: plan.pathwayName, date: date(plan.startDate) })}
        </li>,
      ];
    }
    return [];
  });
  if (notes.length === 0) return null;
  return (
    <section className="notice notice--info" aria-labelledby="plan-status-heading">
      <h2 id="plan-status-heading" className="notice__heading">
        {t('plans.heading')}
      </h2>
      <ul className="plain-list">{notes}</ul>
    </section>
  );
}
