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

const TREND = /^(rise|fall)(\d+)d$/;

/**
 * The trend reasons in words, "opp 2,1 kg på 3 dager": a rise is counted from the lowest earlier
 * value in the window, a fall from the highest (the reason's bound value).
 */
function trendTexts(reasons: unknown, values: Value[], t: TFunction, language: string): string[] {
  if (!Array.isArray(reasons)) return [];
  return reasons.flatMap((reason: unknown) => {
    if (typeof reason !== 'object' || reason === null) return [];
    const r = reason as Record<string, unknown>;
    const match = typeof r.bound === 'string' ? TREND.exec(r.bound) : null;
    if (!match || typeof r.value !== 'number' || typeof r.boundValue !== 'number') return [];
    const unit = values.find((v) => v.code === r.code)?.unit ?? '';
    const change = Math.round(Math.abs(r.value - r.boundValue) * 100) / 100;
    const amount = valuesText([{ code: String(r.code), value: change, unit }], language);
    const key = match[1] === 'fall' ? 'worklist.text.fall' : 'worklist.text.rise';
    return [t(key, { amount, count: Number(match[2]) })];
  });
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
      const text = `${t(`vitals.names.${detail.vital}`)} ${valuesText(values, language)}`;
      const trends = trendTexts(detail.reasons, values, t, language);
      return trends.length > 0 ? `${text} (${trends.join(', ')})` : text;
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
  // a title with nothing after its colon (a response without scores) reads better without it
  return item.summary.replace(/:\s*$/, '');
}
