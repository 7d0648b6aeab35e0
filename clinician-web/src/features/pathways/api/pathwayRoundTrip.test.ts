import { fromDefinition, newTrendRow, toDefinition, validateForm } from './pathwayForm';
import type { PathwayDefinition } from './pathways';

/**
 * A definition as the server sends it (`GET /api/pathways/{id}/draft`), with every kind of rule:
 * measurement bounds, a score bound, a weight trend, answer triggers by number and by code, and
 * fields this client has no control for (one on each level), which must come back untouched.
 */
function stored(): PathwayDefinition {
  const daily = {
    kind: 'DAILY' as const,
    windowStart: '06:00:00',
    windowEnd: '22:00:00',
    weekdays: [],
    intervalDays: null,
    days: [],
    durationDays: null,
  };
  return {
    name: 'Hjertesvikt',
    description: { nb: 'Daglig oppfølging', en: 'Daily follow-up' },
    activities: [
      {
        id: 'symptoms',
        type: 'QUESTIONNAIRE',
        title: 'Symptomer',
        questionnaireUrl: 'https://heima.example/fhir/Questionnaire/heart-failure-symptoms',
        questionnaireVersion: '1.0.0',
        vital: null,
        schedule: { ...daily, kind: 'RELATIVE_DAYS', days: [1, 7, 14] },
        thresholds: [{ code: 'total', redLow: null, yellowLow: null, yellowHigh: 5, redHigh: 9 }],
        trends: [],
        triggers: [
          { linkId: 'breathless', atLeast: 2, codes: [], level: 'YELLOW' },
          { linkId: 'chest-pain', atLeast: null, codes: ['true'], level: 'RED' },
        ],
        collectOnly: false,
      } as PathwayDefinition['activities'][number],
      {
        id: 'weight',
        type: 'MEASUREMENT',
        title: 'Vekt',
        questionnaireUrl: null,
        questionnaireVersion: null,
        vital: 'BODY_WEIGHT',
        schedule: { ...daily, futureScheduleField: 'kept' } as typeof daily,
        thresholds: [],
        trends: [
          { code: '29463-7', windowDays: 3, rise: 2, fall: null, level: 'YELLOW' },
          { code: '29463-7', windowDays: 7, rise: null, fall: 3.5, level: 'RED' },
        ],
        triggers: [],
      },
      {
        id: 'bp',
        type: 'MEASUREMENT',
        title: 'Blodtrykk',
        questionnaireUrl: null,
        questionnaireVersion: null,
        vital: 'BLOOD_PRESSURE',
        schedule: { ...daily, kind: 'WEEKDAYS', weekdays: ['MONDAY', 'THURSDAY'] },
        thresholds: [
          { code: '8480-6', redLow: 90, yellowLow: 100, yellowHigh: 140, redHigh: 180 },
          { code: '8867-4', redLow: 40, yellowLow: null, yellowHigh: null, redHigh: 120 },
        ],
        trends: [],
        triggers: [],
      },
    ],
    advice: {
      green: { nb: 'Fortsett som før.', en: 'Carry on.' },
      yellow: { nb: 'Mål igjen.', en: null },
      red: { nb: 'Ring avdelingen.', en: 'Call the ward.' },
    },
    futureRules: [{ all: ['weight', 'symptoms'], level: 'RED' }],
  } as PathwayDefinition;
}

/** The server gives times as `HH:mm:ss`; the editor sends `HH:mm`, which the server reads alike. */
function withShortTimes(definition: PathwayDefinition): PathwayDefinition {
  return {
    ...definition,
    activities: definition.activities.map((a) => ({
      ...a,
      schedule: {
        ...a.schedule,
        windowStart: a.schedule.windowStart.slice(0, 5),
        windowEnd: a.schedule.windowEnd.slice(0, 5),
      },
    })),
  };
}

describe('the pathway editor never drops what it does not show', () => {
  it('gives back the stored definition when saved without edits', () => {
    const { definition } = toDefinition(fromDefinition(stored()));
    expect(definition).toEqual(withShortTimes(stored()));
    expect(validateForm(fromDefinition(stored()))).toEqual({});
  });

  it('keeps the weight trend and the answer triggers when another field is edited', () => {
    const form = fromDefinition(stored());
    form.name = 'Hjertesvikt (ny)';
    const { definition } = toDefinition(form);
    expect(definition.activities[1]?.trends).toEqual(stored().activities[1]?.trends);
    expect(definition.activities[0]?.triggers).toEqual(stored().activities[0]?.triggers);
  });

  it('sends a trend typed in the editor as a rise or a fall', () => {
    const form = fromDefinition(stored());
    const [, weight] = form.activities;
    if (!weight) throw new Error('no weight activity');
    weight.trends = [
      { ...newTrendRow('BODY_WEIGHT'), amount: '2,5', windowDays: '3', level: 'RED' },
      { ...newTrendRow('BODY_WEIGHT'), direction: 'fall', amount: '1', windowDays: '2' },
    ];
    expect(toDefinition(form).definition.activities[1]?.trends).toEqual([
      { code: '29463-7', windowDays: 3, rise: 2.5, fall: null, level: 'RED' },
      { code: '29463-7', windowDays: 2, rise: null, fall: 1, level: 'YELLOW' },
    ]);
  });

  it('asks for what a trend or trigger is missing before asking the server', () => {
    const form = fromDefinition(stored());
    const [symptoms, weight] = form.activities;
    const [trigger] = symptoms?.triggers ?? [];
    if (!symptoms || !weight || !trigger) throw new Error('stored definition changed');
    weight.trends.push(newTrendRow('BODY_WEIGHT'));
    symptoms.triggers.push({ ...trigger, key: 'x', atLeast: '', codes: '' });
    expect(Object.keys(validateForm(form)).sort()).toEqual([
      'activities[0].triggers[2]',
      'activities[1].trends[2].amount',
      'activities[1].trends[2].windowDays',
    ]);
  });
});
