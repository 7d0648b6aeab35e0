import { apiFetch } from '@heima/web-common/http';
import type { Advice, Assessment } from '../../triage/types';
import type { EnteredValue } from '../validation';
import type { Vital } from '@heima/web-common/vitals';
import type { components } from '@heima/web-common/api/schema';

export const MEASUREMENTS_PATH = '/api/me/measurements';

/** The body of `POST /api/me/measurements` (generated from the backend's OpenAPI document). */
export type MeasurementSubmission = components['schemas']['MeasurementSubmission'];

/** A stored measurement, as the POST answers and the history lists it. */
export interface Measurement {
  id: string;
  vital: Vital;
  values: EnteredValue[];
  entered: EnteredValue[];
  measuredAt: string;
  receivedAt: string;
  carePlanId: string | null;
  activityId: string | null;
  source: string;
  triage: Assessment;
  advice: Advice | null;
}

export type Period = 'P7D' | 'P30D' | 'P90D' | 'P365D';

export const measurementsQueryKey = (vital: Vital, period: Period) =>
  ['me', 'measurements', vital, period] as const;

/** The patient's own measurements of one vital, newest first. */
export function fetchMeasurements(vital: Vital, period: Period): Promise<Measurement[]> {
  const query = new URLSearchParams({ vital, period });
  return apiFetch<Measurement[]>(`${MEASUREMENTS_PATH}?${query.toString()}`);
}
