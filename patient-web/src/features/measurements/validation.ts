import { zonedLocalToInstant } from '../../lib/dates';
import type { VitalComponent, VitalInfo } from '@heima/web-common/vitals';

/** One value as the backend takes it. */
export interface EnteredValue {
  code: string;
  value: number;
  unit: string;
}

/** What went wrong with one field, as a translation key plus what the sentence needs. */
export type FieldIssue =
  | { kind: 'required'; component: VitalComponent }
  | { kind: 'notANumber'; component: VitalComponent }
  | { kind: 'range'; component: VitalComponent }
  | { kind: 'order' }
  | { kind: 'timeMissing' }
  | { kind: 'timeInFuture' };

export const MEASURED_AT_FIELD = 'measuredAt';

export type ValidationResult =
  | { ok: true; values: EnteredValue[]; measuredAt: Date }
  | { ok: false; issues: Record<string, FieldIssue> };

/** Device and phone clocks drift; the server allows the same. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Reads "72,5" as well as "72.5"; anything else that is not a plain number is refused. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Checks what the patient typed for one vital (as the backend's catalogue describes it): required
 * values present, numbers, inside the plausible range, the upper blood pressure above the lower
 * one, and a time that is not ahead. `texts` is keyed by LOINC code; `measuredAtLocal` is Norwegian
 * wall-clock time.
 */
export function validateMeasurement(
  { vital, components }: VitalInfo,
  texts: Record<string, string>,
  measuredAtLocal: string,
  now: Date = new Date(),
): ValidationResult {
  const issues: Record<string, FieldIssue> = {};
  const values: EnteredValue[] = [];
  for (const component of components) {
    const text = (texts[component.code] ?? '').trim();
    if (text === '') {
      if (component.required) issues[component.code] = { kind: 'required', component };
      continue;
    }
    const value = parseNumber(text);
    if (value === null) {
      issues[component.code] = { kind: 'notANumber', component };
    } else if (value < component.min || value > component.max) {
      issues[component.code] = { kind: 'range', component };
    } else {
      values.push({ code: component.code, value, unit: component.unit });
    }
  }
  if (vital === 'BLOOD_PRESSURE') {
    const systolic = values.find((v) => v.code === '8480-6');
    const diastolic = values.find((v) => v.code === '8462-4');
    if (systolic && diastolic && systolic.value <= diastolic.value) {
      issues['8480-6'] = { kind: 'order' };
    }
  }
  const measuredAt = zonedLocalToInstant(measuredAtLocal);
  if (measuredAt === null) {
    issues[MEASURED_AT_FIELD] = { kind: 'timeMissing' };
  } else if (measuredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    issues[MEASURED_AT_FIELD] = { kind: 'timeInFuture' };
  }
  if (Object.keys(issues).length > 0 || measuredAt === null) return { ok: false, issues };
  return { ok: true, values, measuredAt };
}
