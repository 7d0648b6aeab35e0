import {
  emptyForm,
  fieldId,
  fromDefinition,
  newActivity,
  parseDays,
  parseDecimal,
  placeErrors,
  thresholdRowsFor,
  toDefinition,
  validateForm,
  type ActivityForm,
  type PathwayForm,
} from './pathwayForm';
import type { PathwayDefinition } from './pathways';

function twoActivities(): PathwayForm {
  const form = emptyForm();
  const questionnaire = {
    ...newActivity('QUESTIONNAIRE', []),
    id: 'symptoms',
    title: 'Symptomer',
    questionnaireUrl: 'https://heima.example/fhir/Questionnaire/symptoms',
    questionnaireVersion: '1.0.0',
  };
  questionnaire.schedule = {
    ...questionnaire.schedule,
    kind: 'RELATIVE_DAYS',
    days: '1, 7, 14, 30',
  };
  const bp = { ...newActivity('MEASUREMENT', [questionnaire]), id: 'bp', title: 'Blodtrykk' };
  bp.vital = 'BLOOD_PRESSURE';
  // Only diastolic (the second row) gets bounds.
  bp.thresholds = thresholdRowsFor('BLOOD_PRESSURE').map((row, index) =>
    index === 1 ? { ...row, yellowHigh: '90', redHigh: '110' } : row,
  );
  return { ...form, name: 'Hjertesvikt', activities: [questionnaire, bp] };
}

describe('pathway form ↔ definition', () => {
  it('sends the response times as typed, none when left empty, and checks they are whole numbers', () => {
    const form = twoActivities();
    expect('responseTimes' in toDefinition(form).definition).toBe(false);

    const typed = { ...form, responseTimes: { redHours: '4', yellowWorkingDays: '2' } };
    expect(toDefinition(typed).definition.responseTimes).toEqual({
      redHours: 4,
      yellowWorkingDays: 2,
    });
    expect(fromDefinition(toDefinition(typed).definition).responseTimes).toMatchObject({
      redHours: '4',
      yellowWorkingDays: '2',
    });

    const unreadable = { ...form, responseTimes: { redHours: 'fire', yellowWorkingDays: '' } };
    expect(validateForm(unreadable)['responseTimes.redHours']?.code).toBe('number');
    expect(validateForm(unreadable)['responseTimes.yellowWorkingDays']).toBeUndefined();
  });

  it('sends the collect-only choice with its reason, and asks for a reason', () => {
    const form = twoActivities();
    const weight: ActivityForm = {
      ...newActivity('MEASUREMENT', form.activities),
      id: 'weight',
      title: 'Vekt',
      vital: 'BODY_WEIGHT',
      collectOnly: true,
    };
    const withWeight = { ...form, activities: [...form.activities, weight] };
    expect(validateForm(withWeight)['activities[2].collectOnlyReason']?.code).toBe('required');

    weight.collectOnlyReason = { nb: 'Tas opp ved kontroll', en: '' };
    const { definition } = toDefinition(withWeight);
    expect(definition.activities[2]).toMatchObject({
      collectOnly: true,
      collectOnlyReason: { nb: 'Tas opp ved kontroll', en: null },
    });
    expect(definition.activities[1]).not.toHaveProperty('collectOnly');
    expect(fromDefinition(definition).activities[2]?.collectOnly).toBe(true);
  });

  it('reads day lists and decimals the way people type them', () => {
    expect(parseDays('1, 7 14;30')).toEqual([1, 7, 14, 30]);
    expect(parseDays('1, sju')).toBeNull();
    expect(parseDecimal('37,5')).toBe(37.5);
    expect(parseDecimal('')).toBeNull();
    expect(Number.isNaN(parseDecimal('3x'))).toBe(true);
  });

  it('sends only the fields of the chosen schedule kind and only filled threshold rows', () => {
    const { definition, rows } = toDefinition(twoActivities());
    const [questionnaire, bp] = definition.activities;
    expect(questionnaire?.schedule).toEqual({
      kind: 'RELATIVE_DAYS',
      windowStart: '07:00',
      windowEnd: '11:00',
      weekdays: [],
      intervalDays: null,
      days: [1, 7, 14, 30],
      durationDays: null,
    });
    expect(questionnaire?.vital).toBeNull();
    expect(bp?.questionnaireUrl).toBeNull();
    expect(bp?.thresholds).toEqual([
      { code: '8462-4', redLow: null, yellowLow: null, yellowHigh: 90, redHigh: 110 },
    ]);
    expect(rows).toEqual([[], [1]]);
    expect(definition.advice?.green).toEqual({ nb: null, en: null });
  });

  it('puts server errors at the field, maps threshold positions, and climbs to the group', () => {
    const form = twoActivities();
    const { rows } = toDefinition(form);
    const placed = placeErrors(
      [
        { field: 'activities[0].schedule.windowEnd', code: 'order' },
        { field: 'activities[1].thresholds[0]', code: 'order' },
        { field: 'activities[1].thresholds[0].redHigh', code: 'range' },
        { field: 'activities[0].questionnaireVersion', code: 'required' },
        { field: 'activities[0].schedule.weekdays', code: 'required' },
        { field: 'name', code: 'required' },
        { field: 'team', code: 'not-member' },
      ],
      form,
      rows,
    );
    expect(Object.keys(placed.fields).sort()).toEqual(
      [
        'activities[0].schedule.windowEnd',
        'activities[1].thresholds[1]',
        'activities[1].thresholds[1].redHigh',
        'activities[0].questionnaire',
        'activities[0].schedule',
        'name',
      ].sort(),
    );
    expect(placed.general).toEqual([{ field: 'team', code: 'not-member' }]);
    expect(fieldId('activities[1].thresholds[1].redHigh')).toBe(
      'pathway-activities-1-thresholds-1-redHigh',
    );
  });

  it('checks what is missing or unreadable before asking the server', () => {
    const base = twoActivities();
    const [questionnaire, bp] = base.activities as [ActivityForm, ActivityForm];
    const form: PathwayForm = {
      ...base,
      name: ' ',
      activities: [
        { ...questionnaire, schedule: { ...questionnaire.schedule, days: '1, x' } },
        {
          ...bp,
          thresholds: bp.thresholds.map((row, i) => (i === 0 ? { ...row, redLow: 'lav' } : row)),
        },
      ],
    };
    expect(Object.keys(validateForm(form)).sort()).toEqual([
      'activities[0].schedule.days',
      'activities[1].thresholds[0].redLow',
      'name',
    ]);
    expect(validateForm(emptyForm())).toMatchObject({ activities: { code: 'required' } });
  });

  it('loads a definition into rows per component, whatever order the bounds came in', () => {
    const definition: PathwayDefinition = {
      name: 'KOLS',
      description: { nb: 'Oppfølging', en: null },
      activities: [
        {
          id: 'bp',
          type: 'MEASUREMENT',
          title: 'Blodtrykk',
          vital: 'BLOOD_PRESSURE',
          schedule: {
            kind: 'WEEKDAYS',
            windowStart: '07:00:00',
            windowEnd: '11:00:00',
            weekdays: ['FRIDAY', 'MONDAY'],
            intervalDays: null,
            days: [],
            durationDays: 90,
          },
          thresholds: [{ code: '8480-6', yellowHigh: 140, redHigh: 180 }],
        },
      ],
      advice: null,
    };
    const form = fromDefinition(definition);
    const [bp] = form.activities as [ActivityForm];
    expect(bp.schedule).toMatchObject({
      windowStart: '07:00',
      weekdays: ['MONDAY', 'FRIDAY'],
      durationDays: '90',
    });
    expect(bp.thresholds.map((r) => [r.code, r.yellowHigh, r.redHigh])).toEqual([
      ['8480-6', '140', '180'],
      ['8462-4', '', ''],
      ['8867-4', '', ''],
    ]);
    expect(form.description).toMatchObject({ nb: 'Oppfølging', en: '' });
  });
});
