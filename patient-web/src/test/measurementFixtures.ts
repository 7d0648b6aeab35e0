import type { Measurement } from '../features/measurements/api/measurements';
import type { CarePlan, Task } from '../features/tasks/api/tasks';

export const PLAN_ID = '3b0f6c1e-8f1d-4a3e-9c51-0a6b8f2d9e11';

export const redAdvice = {
  nb: 'Verdiene dine er langt utenfor det vanlige. Ring avdelingen nå.',
  en: 'Your values are far outside the usual. Call the ward now.',
};

export function measurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    id: 'm-1',
    vital: 'BLOOD_PRESSURE',
    values: [
      { code: '8480-6', value: 182, unit: 'mm[Hg]' },
      { code: '8462-4', value: 110, unit: 'mm[Hg]' },
    ],
    entered: [],
    measuredAt: '2026-11-21T09:30:00Z',
    receivedAt: '2026-11-21T09:30:05Z',
    carePlanId: PLAN_ID,
    activityId: 'blood-pressure',
    source: 'MANUAL',
    triage: {
      level: 'RED',
      assessed: true,
      reasons: [
        {
          code: '8480-6',
          value: 182,
          level: 'RED',
          bound: 'redHigh',
          boundValue: 180,
          source: 'PATHWAY',
        },
        {
          code: '8462-4',
          value: 110,
          level: 'RED',
          bound: 'redHigh',
          boundValue: 110,
          source: 'PATHWAY',
        },
      ],
    },
    advice: redAdvice,
    ...overrides,
  };
}

export function plan(overrides: Partial<CarePlan> = {}): CarePlan {
  return {
    id: PLAN_ID,
    pathwayName: 'Hjertesvikt – hjemmeoppfølging (demo)',
    team: 'hjerte',
    startDate: '2026-11-01',
    timeZone: 'Europe/Oslo',
    status: 'ACTIVE',
    endDate: null,
    endReason: null,
    pauses: [],
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return {
    carePlanId: PLAN_ID,
    activityId: 'weight',
    type: 'MEASUREMENT',
    title: 'Vekt',
    vital: 'BODY_WEIGHT',
    questionnaireUrl: null,
    questionnaireVersion: null,
    date: '2026-11-21',
    // 07:00–11:00 Oslo (winter, UTC+1)
    windowStart: '2026-11-21T06:00:00Z',
    windowEnd: '2026-11-21T10:00:00Z',
    state: 'DUE',
    completedAt: null,
    ...overrides,
  };
}
