import { apiFetch } from '@heima/web-common/http';

/** The capacity forecast (`/api/admin/capacity-forecast`, ADMIN only). */

export interface ForecastDay {
  date: string;
  scheduled: number;
  evaluations: number;
  expected: number;
  low: number;
  high: number;
  /** Null when the team directory lists no nurse. */
  perNurse: number | null;
  perDhoNurse: number | null;
}

export type RateBasis = 'OBSERVED' | 'POOLED' | 'DEFAULT';

export interface ActivityRate {
  pathwayId: string;
  pathway: string;
  activityId: string;
  activity: string;
  scheduled: number;
  done: number;
  alerts: number;
  missed: number;
  doneShare: number;
  alertShare: number;
  missedShare: number;
  itemsPerTask: number;
  basis: RateBasis;
}

export interface CapacityForecast {
  from: string;
  days: number;
  teams: string[];
  windowFrom: string;
  openPlans: number;
  activePatients: number;
  nurses: number;
  patientsPerNurse: number;
  dhoNurses: number;
  totalExpected: number;
  minHistory: number;
  perDay: ForecastDay[];
  rates: ActivityRate[];
}

export function fetchForecast(days: number, signal?: AbortSignal): Promise<CapacityForecast> {
  return apiFetch<CapacityForecast>(
    `/api/admin/capacity-forecast?${new URLSearchParams({ days: String(days) })}`,
    signal ? { signal } : {},
  );
}
