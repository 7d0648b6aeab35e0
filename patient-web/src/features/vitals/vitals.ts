/**
 * The vitals the patient can record, coded as the backend expects (LOINC code, UCUM unit), with
 * the range of input that is physically plausible. The ranges only stop typing mistakes: clinical
 * limits belong to the pathway and the patient, and the server checks the same ranges again.
 */
export const VITALS = [
  'BLOOD_PRESSURE',
  'HEART_RATE',
  'OXYGEN_SATURATION',
  'BODY_WEIGHT',
  'BODY_TEMPERATURE',
  'RESPIRATORY_RATE',
  'BLOOD_GLUCOSE',
] as const;

export type Vital = (typeof VITALS)[number];

export function isVital(value: unknown): value is Vital {
  return typeof value === 'string' && (VITALS as readonly string[]).includes(value);
}

export type Ucum = 'mm[Hg]' | '/min' | '%' | 'kg' | 'Cel' | 'mmol/L';

/** Names of the values in the translations (`measure.value.<key>`). */
export type ValueKey =
  | 'systolic'
  | 'diastolic'
  | 'pulse'
  | 'heartRate'
  | 'oxygenSaturation'
  | 'bodyWeight'
  | 'bodyTemperature'
  | 'respiratoryRate'
  | 'bloodGlucose';

export interface VitalComponent {
  code: string;
  key: ValueKey;
  unit: Ucum;
  min: number;
  max: number;
  required: boolean;
  /** Decimals a person would type; whole numbers for pressures and counts. */
  decimals: 0 | 1 | 2;
}

const c = (
  code: string,
  key: ValueKey,
  unit: Ucum,
  min: number,
  max: number,
  decimals: 0 | 1 | 2,
  required = true,
): VitalComponent => ({ code, key, unit, min, max, decimals, required });

export const COMPONENTS: Record<Vital, VitalComponent[]> = {
  BLOOD_PRESSURE: [
    c('8480-6', 'systolic', 'mm[Hg]', 50, 300, 0),
    c('8462-4', 'diastolic', 'mm[Hg]', 20, 200, 0),
    c('8867-4', 'pulse', '/min', 20, 250, 0, false),
  ],
  HEART_RATE: [c('8867-4', 'heartRate', '/min', 20, 250, 0)],
  OXYGEN_SATURATION: [c('59408-5', 'oxygenSaturation', '%', 50, 100, 0)],
  BODY_WEIGHT: [c('29463-7', 'bodyWeight', 'kg', 1, 400, 1)],
  BODY_TEMPERATURE: [c('8310-5', 'bodyTemperature', 'Cel', 30, 45, 1)],
  RESPIRATORY_RATE: [c('9279-1', 'respiratoryRate', '/min', 4, 80, 0)],
  BLOOD_GLUCOSE: [c('14743-9', 'bloodGlucose', 'mmol/L', 0.5, 50, 1)],
};

/** How each UCUM unit is written for people (`unit.<key>` in the translations). */
export const UNIT_KEYS: Record<Ucum, 'mmHg' | 'perMin' | 'percent' | 'kg' | 'celsius' | 'mmolL'> = {
  'mm[Hg]': 'mmHg',
  '/min': 'perMin',
  '%': 'percent',
  kg: 'kg',
  Cel: 'celsius',
  'mmol/L': 'mmolL',
};

export function componentByCode(vital: Vital, code: string): VitalComponent | undefined {
  return COMPONENTS[vital].find((component) => component.code === code);
}
