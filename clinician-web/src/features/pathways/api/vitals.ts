import {
  loadedVitals,
  type Vital,
  type VitalComponent,
  type VitalInfo,
} from '@heima/web-common/vitals';

/**
 * The vitals a pathway can ask for, from the backend's catalogue (`GET /api/vitals`, its
 * `no.heima.vital.Vital`), which `VitalsGate` loads before any page: LOINC code and UCUM unit per
 * component, with the range of input that is physically plausible. This file only reads it and
 * words it for the clinician.
 */
export type { Vital, VitalComponent, VitalInfo };

/** The vitals, in the catalogue's order. */
export function vitalList(): readonly Vital[] {
  return loadedVitals().vitals;
}

export function vitalInfo(vital: Vital): VitalInfo {
  return loadedVitals().info(vital);
}

export function isVital(value: unknown): value is Vital {
  return loadedVitals().isVital(value);
}

/**
 * A component's text key under `vitals.components`: the blood pressure's three values have their
 * own, a vital with one value is named as the vital (`value`).
 */
export function componentKey(
  component: VitalComponent,
): 'systolic' | 'diastolic' | 'pulse' | 'value' {
  return component.key === 'systolic' || component.key === 'diastolic' || component.key === 'pulse'
    ? component.key
    : 'value';
}

/** UCUM units as people read them. */
export function displayUnit(unit: string): string {
  switch (unit) {
    case 'mm[Hg]':
      return 'mmHg';
    case 'Cel':
      return '°C';
    case '/min':
      return '/min';
    default:
      return unit;
  }
}
