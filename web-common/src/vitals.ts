import { useQuery, type NetworkMode } from '@tanstack/react-query';
import type { components } from './api/schema';
import { apiFetch } from './http';

/**
 * The vital catalogue, served by the backend (`GET /api/vitals`, from its `vital/Vital.java`) so
 * neither app keeps a copy: per vital its LOINC code and UCUM unit, and per value its code, unit,
 * plausible range (an input guard, not a clinical limit; the server checks it again), the decimals a
 * person types and whether it is required. The types are generated from the backend's OpenAPI
 * document (`api/schema.d.ts`).
 */
export type VitalInfo = components['schemas']['VitalInfo'];
export type VitalComponent = components['schemas']['VitalComponent'];
export type VitalNames = components['schemas']['VitalNames'];
export type Vital = VitalInfo['vital'];

export const VITALS_PATH = '/api/vitals';
export const vitalsQueryKey = ['vitals'] as const;

/** The catalogue as the apps read it: the vitals in the backend's order, and look-ups. */
export interface VitalCatalogue {
  readonly vitals: readonly Vital[];
  isVital(value: unknown): value is Vital;
  info(vital: Vital): VitalInfo;
  components(vital: Vital): readonly VitalComponent[];
  component(vital: Vital, code: string): VitalComponent | undefined;
}

export function vitalCatalogue(list: readonly VitalInfo[]): VitalCatalogue {
  const byVital = new Map<string, VitalInfo>(list.map((info) => [info.vital, info]));
  const info = (vital: Vital): VitalInfo => {
    const found = byVital.get(vital);
    if (found === undefined) throw new Error(`vital ${vital} is not in the catalogue`);
    return found;
  };
  return {
    vitals: list.map((item) => item.vital),
    isVital: (value: unknown): value is Vital => typeof value === 'string' && byVital.has(value),
    info,
    components: (vital) => info(vital).components,
    component: (vital, code) => byVital.get(vital)?.components.find((c) => c.code === code),
  };
}

export function fetchVitals(): Promise<VitalInfo[]> {
  return apiFetch<VitalInfo[]>(VITALS_PATH);
}

/**
 * The catalogue; fetched once per page load (it only changes with a release, and the answer is
 * cacheable with an ETag). `queryFn` and `networkMode` let an app keep an offline copy (the
 * patient app does).
 */
export function useVitals(
  options: { queryFn?: () => Promise<VitalInfo[]>; networkMode?: NetworkMode } = {},
) {
  return useQuery({
    queryKey: vitalsQueryKey,
    queryFn: options.queryFn ?? fetchVitals,
    ...(options.networkMode ? { networkMode: options.networkMode } : {}),
    staleTime: Infinity,
    gcTime: Infinity,
    select: vitalCatalogue,
  });
}

let loaded: VitalCatalogue | null = null;
let loadedFrom: readonly VitalInfo[] | null = null;

/**
 * Keeps `list` as the catalogue `loadedVitals()` answers: the catalogue is the same for everybody
 * and only changes with a release, so an app that loads it before its pages (`ui/VitalsGate`) can
 * read it synchronously in plain functions (form conversions, texts). Unit tests set the backend's
 * answer (`test/setup.ts`).
 */
export function setLoadedVitals(list: readonly VitalInfo[]): VitalCatalogue {
  if (loaded === null || loadedFrom !== list) {
    loaded = vitalCatalogue(list);
    loadedFrom = list;
  }
  return loaded;
}

/** The catalogue `VitalsGate` loaded; throws when called before (a page outside the gate). */
export function loadedVitals(): VitalCatalogue {
  if (loaded === null) throw new Error('the vital catalogue is not loaded yet (see ui/VitalsGate)');
  return loaded;
}
