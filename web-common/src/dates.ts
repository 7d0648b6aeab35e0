/** Norwegian follow-up: every instant is shown as it is on the clock in Norway. */
export const OSLO = 'Europe/Oslo';

const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

/** The `Intl` locale for an app language (`nb` → `nb-NO`, `en` → `en-GB`). */
export function locale(language: string): string {
  return LOCALES[language] ?? language;
}

/** A calendar date (`YYYY-MM-DD`) as a UTC midnight, or null when it is not one. */
export function utcDate(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return null;
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** Formats a calendar date (`YYYY-MM-DD`) without letting the browser's time zone shift it. */
export function formatDate(isoDate: string, language: string, style: 'long' | 'short'): string {
  const date = utcDate(isoDate);
  if (date === null) return isoDate;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: style === 'long' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** `YYYY-MM-DD` plus `days` calendar days (may be negative); a non-date comes back as it was. */
export function addDays(isoDate: string, days: number): string {
  const date = utcDate(isoDate);
  if (date === null) return isoDate;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether two instants fall on the same day in Norway. */
export function sameDayInOslo(a: string, b: string): boolean {
  const day = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: OSLO });
  return day(a) === day(b);
}

/** An instant's clock time in Norway, e.g. "07:00". */
export function timeInOslo(instant: string | Date, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: OSLO,
  }).format(new Date(instant));
}

/** An instant as date and time in Norway, e.g. "22.11.2026, 07:00" (nb) or "22/11/2026, 07:00" (en). */
export function dateTimeInOslo(instant: string | Date, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: OSLO,
  }).format(new Date(instant));
}
