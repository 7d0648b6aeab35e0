/**
 * The vitals a pathway can ask for, as the backend's catalogue (`no.heima.vital.Vital`) codes them:
 * LOINC code and UCUM unit per component, with the range of input that is physically plausible.
 * Blood pressure has two required components and an optional pulse.
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

export interface VitalComponent {
  /** LOINC code; a threshold's `code`. */
  code: string;
  /** i18n key under `vitals.components`. */
  key: 'systolic' | 'diastolic' | 'pulse' | 'value';
  unit: string;
  min: number;
  max: number;
  required: boolean;
}

export interface VitalInfo {
  loinc: string;
  unit: string;
  components: VitalComponent[];
}

function single(code: string, unit: string, min: number, max: number): VitalInfo {
  return {
    loinc: code,
    unit,
    components: [{ code, key: 'value', unit, min, max, required: true }],
  };
}

export const VITAL_INFO: Record<Vital, VitalInfo> = {
  BLOOD_PRESSURE: {
    loinc: '85354-9',
    unit: 'mm[Hg]',
    components: [
      { code: '8480-6', key: 'systolic', unit: 'mm[Hg]', min: 50, max: 300, required: true },
      { code: '8462-4', key: 'diastolic', unit: 'mm[Hg]', min: 20, max: 200, required: true },
      { code: '8867-4', key: 'pulse', unit: '/min', min: 20, max: 250, required: false },
    ],
  },
  HEART_RATE: single('8867-4', '/min', 20, 250),
  OXYGEN_SATURATION: single('59408-5', '%', 50, 100),
  BODY_WEIGHT: single('29463-7', 'kg', 1, 400),
  BODY_TEMPERATURE: single('8310-5', 'Cel', 30, 45),
  RESPIRATORY_RATE: single('9279-1', '/min', 4, 80),
  BLOOD_GLUCOSE: single('14743-9', 'mmol/L', 0.5, 50),
};

export function isVital(value: unknown): value is Vital {
  return typeof value === 'string' && (VITALS as readonly string[]).includes(value);
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
