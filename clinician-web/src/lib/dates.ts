import { OSLO, locale, utcDate } from '@heima/web-common/dates';

export { addDays, formatDate } from '@heima/web-common/dates';

/** The short weekday name of a calendar date (`YYYY-MM-DD`), e.g. "man." or "Mon". */
export function weekdayName(isoDate: string, language: string): string {
  const date = utcDate(isoDate);
  if (date === null) return '';
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** Today as `YYYY-MM-DD` in Norway, where the follow-up services are. */
export function todayInOslo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CLINIC_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Times are shown as they are on the clock in Norway (instants are stored in UTC). */
export const CLINIC_TIME_ZONE = OSLO;

/** An instant's clock time in Norway, e.g. "07:00". */
export function timeInOslo(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: CLINIC_TIME_ZONE,
  }).format(new Date(instant));
}

/** An instant as date and time in Norway, e.g. "22.11.2026, 07:00". */
export function dateTimeInOslo(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: CLINIC_TIME_ZONE,
  }).format(new Date(instant));
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', Infinity],
];

/** How long ago (or until) an instant is, e.g. "for 12 min siden" / "12 min ago". */
export function relativeTime(instant: string, language: string, now: number = Date.now()): string {
  let amount = (Date.parse(instant) - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size || unit === 'week') {
      const rounded = unit === 'second' ? 0 : Math.round(amount);
      return new Intl.RelativeTimeFormat(locale(language), {
        style: 'short',
        numeric: 'auto',
      }).format(rounded === 0 && unit === 'second' ? 0 : rounded, unit);
    }
    amount /= size;
  }
  return instant;
}
