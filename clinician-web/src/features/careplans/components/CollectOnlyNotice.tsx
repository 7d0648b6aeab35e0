import { useTranslation } from 'react-i18next';
import { usePathwayVersion } from '../../pathways/hooks/usePathways';
import type { CarePlan } from '../api/carePlans';

/**
 * Which of the plan's activities are collected but not monitored (the pathway's deliberate
 * choice), so nobody takes a quiet worklist for a watched value.
 */
export function CollectOnlyNotice({ plan }: { plan: CarePlan }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const pathway = usePathwayVersion(plan.pathwayId, plan.pathwayVersion);
  const collected = (pathway.data?.definition.activities ?? []).filter((a) => a.collectOnly);
  if (collected.length === 0) return null;
  return (
    <div className="notice">
      <h4>{t('plan.collectOnly.heading')}</h4>
      <ul className="plain-list">
        {collected.map((activity) => {
          const reason =
            (language === 'en' ? activity.collectOnlyReason?.en : activity.collectOnlyReason?.nb) ||
            activity.collectOnlyReason?.nb ||
            activity.collectOnlyReason?.en;
          return (
            <li key={activity.id}>
              <strong>{activity.title}</strong>
              {reason ? ` – ${reason}` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
