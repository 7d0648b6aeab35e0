import type { TFunction } from 'i18next';
import { formatDate } from '../../../lib/dates';
import { displayUnit, isVital } from '../../pathways/api/vitals';
import type { WorklistItem } from './worklist';

/**
 * An item's text in the viewer's language with human units, from the structured detail the
 * server stores beside the summary: "Blodtrykk 190/113 mmHg" (nb), "Blood pressure 190/113
 * mmHg" (en), "Vekt ikke registrert 20. november 2026". Items without that detail (raised before
 * it was stored) keep the server's summary.
 */

interface Value {
  code: string;
  value: number;
  unit: string;
}

function detailOf(item: Pick<WorklistItem, 'reasons'>): Record<string, unknown> | null {
  if (!item.reasons) return null;
  try {
    const parsed: unknown = JSON.parse(item.reasons);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isValue(v: unknown): v is Value {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' && typeof o.value === 'number' && typeof o.unit === 'string';
}

const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

/** 37.5 → "37,5" in Norwegian; "190/113 mmHg", with a value in another unit after a comma. */
export function valuesText(values: Value[], language: string): string {
  const number = new Intl.NumberFormat(LOCALES[language] ?? language, {
    maximumFractionDigits: 2,
  });
  const groups: { unit: string; numbers: string[] }[] = [];
  for (const v of values) {
    const group = groups.find((g) => g.unit === v.unit);
    if (group) group.numbers.push(number.format(v.value));
    else groups.push({ unit: v.unit, numbers: [number.format(v.value)] });
  }
  return groups.map((g) => `${g.numbers.join('/')} ${displayUnit(g.unit)}`).join(', ');
}

export function itemText(
  item: Pick<WorklistItem, 'kind' | 'summary' | 'reasons'>,
  t: TFunction,
  language: string,
): string {
  // the text itself is never on the worklist (nor in the FHIR Flag): only that there is one
  if (item.kind === 'MESSAGE') return t('worklist.text.message');
  const detail = detailOf(item);
  if (detail === null) return item.summary;
  if (item.kind === 'MEASUREMENT' && isVital(detail.vital) && Array.isArray(detail.values)) {
    const values = detail.values.filter(isValue);
    if (values.length > 0) {
      return `${t(`vitals.names.${detail.vital}`)} ${valuesText(values, language)}`;
    }
  }
  if (item.kind === 'MISSING' && typeof detail.date === 'string') {
    const what = isVital(detail.vital)
      ? t(`vitals.names.${detail.vital}`)
      : item.summary.replace(/\s*\(\d{4}-\d{2}-\d{2}\)$/, '');
    return t('worklist.text.missing', {
      what,
      date: formatDate(detail.date, language, 'long'),
    });
  }
  return item.summary;
}
