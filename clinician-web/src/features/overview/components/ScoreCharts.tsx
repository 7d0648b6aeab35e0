import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarePlan } from '../../careplans/api/carePlans';
import type { PublishedPathway } from '../../pathways/api/pathways';
import { useResponses } from '../../responses/hooks/useResponses';
import type { ResponseSummary } from '../../responses/api/responses';
import { usePlanPathways } from '../hooks/useOverview';
import { BandFigure, type Bounds } from './VitalCharts';

/** The bounds of a questionnaire score: the plan's personal ones, else the pathway activity's. */
export function scoreBounds(
  plan: CarePlan | undefined,
  pathway: PublishedPathway | undefined,
  activityId: string,
  linkId: string,
): Bounds {
  const personal = plan?.personalThresholds.find(
    (p) => p.activityId === activityId && p.threshold.code === linkId,
  );
  if (personal) return { threshold: personal.threshold, personal: true };
  const activity = pathway?.definition.activities.find((a) => a.id === activityId);
  return { threshold: activity?.thresholds.find((th) => th.code === linkId), personal: false };
}

interface ScoreSeries {
  key: string;
  carePlanId: string;
  activityId: string;
  linkId: string;
  name: string;
  x: number[];
  y: number[];
}

/** One series per care plan, activity and score, oldest first. */
export function scoreSeries(responses: ResponseSummary[]): ScoreSeries[] {
  const byKey = new Map<string, ScoreSeries>();
  const oldestFirst = [...responses].sort((a, b) => a.authored.localeCompare(b.authored));
  for (const response of oldestFirst) {
    for (const score of response.scores ?? []) {
      const key = `${response.carePlanId}/${response.activityId}/${score.linkId}`;
      const series = byKey.get(key) ?? {
        key,
        carePlanId: response.carePlanId,
        activityId: response.activityId,
        linkId: score.linkId,
        name: `${response.title}: ${score.label}`,
        x: [],
        y: [],
      };
      series.x.push(Date.parse(response.authored) / 1000);
      series.y.push(score.value);
      byKey.set(key, series);
    }
  }
  return [...byKey.values()];
}

/**
 * The patient's questionnaire scores over time beside the vital charts, each with the yellow and
 * red bands of its bounds (drawn by the same chart as the vitals).
 */
export function ScoreCharts({ patientId, plans }: { patientId: string; plans: CarePlan[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const responses = useResponses(patientId);
  const pathways = usePlanPathways(plans);
  const all = useMemo(() => scoreSeries(responses.data ?? []), [responses.data]);
  if (all.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.scores')}</h2>
      {all.map((s) => (
        <BandFigure
          key={s.key}
          name={s.name}
          unit=""
          points={s}
          bounds={scoreBounds(
            plans.find((p) => p.id === s.carePlanId),
            pathways.get(s.carePlanId),
            s.activityId,
            s.linkId,
          )}
        />
      ))}
    </section>
  );
}
