import type { TFunction } from 'i18next';
import { COMPONENTS, UNIT_KEYS, componentByCode, isVital, type Ucum, type Vital } from './vitals';

const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(LOCALES[language] ?? language, { maximumFractionDigits: 2 }).format(
    value,
  );
}

export function unitText(t: TFunction, unit: string): string {
  const key = UNIT_KEYS[unit as Ucum];
  return key === undefined ? unit : t(`unit.${key}`);
}

export function valueWithUnit(t: TFunction, language: string, value: number, unit: string): string {
  const text = unitText(t, unit);
  // No space before a per cent sign or degree sign is not Norwegian usage; a space everywhere.
  return `${formatNumber(value, language)} ${text}`;
}

/** "182/110 mmHg, puls 70 /min" or "82,5 kg": one line for a list or a notice. */
export function describeValues(
  t: TFunction,
  language: string,
  vital: string | undefined,
  values: readonly { code: string; value: number; unit: string }[],
): string {
  if (vital === 'BLOOD_PRESSURE') {
    const sys = values.find((v) => v.code === '8480-6');
    const dia = values.find((v) => v.code === '8462-4');
    const pulse = values.find((v) => v.code === '8867-4');
    if (sys && dia) {
      const pressure = `${formatNumber(sys.value, language)}/${formatNumber(dia.value, language)} ${unitText(t, sys.unit)}`;
      return pulse
        ? `${pressure}, ${t('measure.value.pulse').toLowerCase()} ${valueWithUnit(t, language, pulse.value, pulse.unit)}`
        : pressure;
    }
  }
  return values.map((v) => valueWithUnit(t, language, v.value, v.unit)).join(', ');
}

/** The name of a value by its code, e.g. "Øvre trykk (systolisk)"; the code when unknown. */
export function valueName(t: TFunction, vital: string | undefined, code: string): string {
  const component = isVital(vital) ? componentByCode(vital, code) : undefined;
  return component ? t(`measure.value.${component.key}`) : code;
}

export function vitalName(t: TFunction, vital: string | undefined | null): string {
  return isVital(vital) ? t(`vital.${vital}`) : t('vital.unknown');
}

/** Names and units of a measurement's codes, for the triage reasons. */
export function measurementNaming(t: TFunction, vital: Vital) {
  return {
    nameOf: (code: string) => valueName(t, vital, code),
    unitOf: (code: string) => {
      const component = COMPONENTS[vital].find((c) => c.code === code);
      return component ? unitText(t, component.unit) : '';
    },
  };
}
