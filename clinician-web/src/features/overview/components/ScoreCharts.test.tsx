import type { CarePlan } from '../../careplans/api/carePlans';
import type { PublishedPathway } from '../../pathways/api/pathways';
import type { ResponseSummary } from '../../responses/api/responses';
import { scoreBounds, scoreSeries } from './ScoreCharts';

const response = (authored: string, value: number): ResponseSummary => ({
  id: authored,
  carePlanId: 'plan-1',
  activityId: 'mood',
  date: authored.slice(0, 10),
  questionnaire: 'https://heima.example/fhir/Questionnaire/phq-9|1.0.0',
  title: 'PHQ-9',
  authored,
  level: 'GREEN',
  assessed: true,
  reasons: [],
  scores: [{ linkId: 'phq9-total', label: 'Sum', value }],
});

describe('score charts on the patient overview', () => {
  it('draws one series per plan, activity and score, oldest first', () => {
    const series = scoreSeries([
      response('2026-11-20T08:00:00Z', 12),
      response('2026-11-18T08:00:00Z', 7),
      { ...response('2026-11-19T08:00:00Z', 0), scores: [] },
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]?.name).toBe('PHQ-9: Sum');
    expect(series[0]?.y).toEqual([7, 12]);
    expect(series[0]?.x[0]).toBe(Date.parse('2026-11-18T08:00:00Z') / 1000);
  });

  it('bands a score with the patient’s own bounds, else the pathway activity’s', () => {
    const pathway = {
      definition: {
        activities: [
          { id: 'mood', thresholds: [{ code: 'phq9-total', yellowHigh: 10, redHigh: 20 }] },
        ],
      },
    } as unknown as PublishedPathway;
    const plan = { id: 'plan-1', personalThresholds: [] } as unknown as CarePlan;
    expect(scoreBounds(plan, pathway, 'mood', 'phq9-total')).toEqual({
      threshold: { code: 'phq9-total', yellowHigh: 10, redHigh: 20 },
      personal: false,
    });
    const own = {
      ...plan,
      personalThresholds: [
        { activityId: 'mood', threshold: { code: 'phq9-total', yellowHigh: 14, redHigh: 22 } },
      ],
    } as unknown as CarePlan;
    expect(scoreBounds(own, pathway, 'mood', 'phq9-total').personal).toBe(true);
    expect(scoreBounds(undefined, undefined, 'mood', 'phq9-total').threshold).toBeUndefined();
  });
});
