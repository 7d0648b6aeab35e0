import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { CarePlan } from '../api/carePlans';
import { CollectOnlyNotice } from './CollectOnlyNotice';
import { EvaluationForm } from './EvaluationForm';
import { PersonalThresholdsForm } from './PersonalThresholdsForm';
import { PlanActions } from './PlanActions';
import { TaskTable } from './TaskTable';

/** One care plan: what it is, its state and pauses, what to do with it, and what is coming up. */
export function PlanCard({ plan }: { plan: CarePlan }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const date = (iso: string) => formatDate(iso, language, 'long');

  return (
    <article className="card stack plan" aria-labelledby={headingId}>
      <div className="plan__heading">
        <h3 id={headingId}>
          {t('plan.heading', { name: plan.pathwayName, version: plan.pathwayVersion })}
        </h3>
        <span className={`state state--${plan.status.toLowerCase()}`}>
          {t(`plan.status.${plan.status}`)}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('plan.startDate')}</dt>
          <dd>{date(plan.startDate)}</dd>
        </div>
        <div>
          <dt>{t('plan.team')}</dt>
          <dd>{plan.team}</dd>
        </div>
        <div>
          <dt>{t('plan.timeZone')}</dt>
          <dd>{plan.timeZone}</dd>
        </div>
        {plan.status !== 'ENDED' && (
          <div>
            <dt>{t('evaluation.date')}</dt>
            <dd>{plan.evaluationDate ? date(plan.evaluationDate) : t('evaluation.none')}</dd>
          </div>
        )}
        {plan.endDate && (
          <div>
            <dt>{t('plan.endDate')}</dt>
            <dd>
              {date(plan.endDate)}
              {plan.endReason ? ` – ${plan.endReason}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {plan.pauses.length > 0 && (
        <div>
          <h4>{t('plan.pauses')}</h4>
          <ul className="plain-list">
            {plan.pauses.map((pause) => (
              <li key={pause.id}>
                {pause.until
                  ? t('plan.pauseRange', { from: date(pause.from), until: date(pause.until) })
                  : t('plan.pauseOpen', { from: date(pause.from) })}
                {pause.resumedOn ? ` ${t('plan.resumedOn', { date: date(pause.resumedOn) })}` : ''}
                {` – ${pause.reason}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <PlanActions plan={plan} />
      <EvaluationForm plan={plan} />
      <CollectOnlyNotice plan={plan} />
      {plan.status !== 'ENDED' && (
        <>
          <h4>{t('tasks.heading')}</h4>
          <TaskTable plan={plan} headingId={headingId} />
          <h4>{t('personal.heading')}</h4>
          <PersonalThresholdsForm plan={plan} />
        </>
      )}
    </article>
  );
}
