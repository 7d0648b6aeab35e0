import { apiFetch } from '@heima/web-common/http';
import type { Vital } from '../../pathways/api/vitals';

export interface MeasuredValue {
  code: string;
  value: number;
  unit: string;
}

export type TriageLevel = 'GREEN' | 'YELLOW' | 'RED';

export interface Measurement {
  id: string;
  vital: Vital;
  values: MeasuredValue[];
  measuredAt: string;
  activityId: string | null;
  carePlanId: string | null;
  triage: { level: TriageLevel } | null;
}

export const measurementsQueryKey = (patientId: string) => ['measurements', patientId] as const;

/** The patient's measurements of the last 90 days, newest first, every vital. */
export function fetchMeasurements(patientId: string, signal?: AbortSignal): Promise<Measurement[]> {
  return apiFetch<Measurement[]>(
    `/api/patients/${encodeURIComponent(patientId)}/measurements?period=P90D`,
    signal ? { signal } : {},
  );
}

/** Points of one component, oldest first, as chart series (seconds since the epoch). */
export function series(measurements: Measurement[], code: string): { x: number[]; y: number[] } {
  const points = measurements
    .flatMap((m) => {
      const value = m.values.find((v) => v.code === code);
      return value === undefined ? [] : [[Date.parse(m.measuredAt) / 1000, Number(value.value)]];
    })
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  return { x: points.map((p) => p[0] ?? 0), y: points.map((p) => p[1] ?? 0) };
}
