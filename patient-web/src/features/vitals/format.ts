import type { TFunction } from 'i18next';
import type { Vital, VitalComponent, VitalInfo } from '@heima/web-common/vitals';
import { nb } from '../../i18n/resources/nb';

/** How each UCUM unit of the catalogue is written for people (`unit.<key>` in the translations). */
const UNIT_KEYS: Record<string, keyof typeof nb.unit> = {
  'mm[Hg]': 'mmHg',
  '/min': 'perMin',
  '%': 'percent',
  kg: 'kg',
  Cel: 'celsius',
  'mmol/L': 'mmolL',
};

/** Whether the app has a name for `vital` (every vital of the catalogue has one in nb and en). */
function isNamedVital(vital: string | undefined | null): vital is Vital {
  return typeof vital === 'string' && Object.hasOwn(nb.vital, vital) && vital !== 'unknown';
}

const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(LOCALES[language] ?? language, { maximumFractionDigits: 2 }).format(
    value,
  );
}

export function unitText(t: TFunction, unit: string): string {
  const key = UNIT_KEYS[unit];
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

/** The name of a value (a component of the catalogue), e.g. "Øvre trykk (systolisk)"; else the code. */
export function valueName(
  t: TFunction,
  component: VitalComponent | undefined,
  code: string,
): string {
  return component ? t(`measure.value.${component.key}`) : code;
}

export function vitalName(t: TFunction, vital: string | undefined | null): string {
  return isNamedVital(vital) ? t(`vital.${vital}`) : t('vital.unknown');
}

/** Names and units of a measurement's codes (the catalogue's `info` of its vital), for the triage reasons. */
export function measurementNaming(t: TFunction, info: VitalInfo | undefined) {
  const component = (code: string) => info?.components.find((c) => c.code === code);
  return {
    nameOf: (code: string) => valueName(t, component(code), code),
    unitOf: (code: string) => {
      const found = component(code);
      return found ? unitText(t, found.unit) : '';
    },
  };
}
