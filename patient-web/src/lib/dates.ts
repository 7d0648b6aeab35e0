import { OSLO, locale } from '@heima/web-common/dates';

export { addDays, formatDate } from '@heima/web-common/dates';

/** Patients' schedules are in Norwegian time; every instant is shown in this zone. */
export const PATIENT_ZONE = OSLO;

/** The calendar date (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function dateInZone(instant: Date, zone: string = PATIENT_ZONE): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Today in the patient's zone. */
export function todayInZone(zone: string = PATIENT_ZONE, now: Date = new Date()): string {
  return dateInZone(now, zone);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** "08:30" in the patient's zone. */
export function formatTime(instant: string | Date, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: PATIENT_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "21.11.2026, 08:30" (nb) or "21/11/2026, 08:30" (en) in the patient's zone. */
export function formatDateTime(instant: string | Date, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: PATIENT_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** Weekday and date, e.g. "lørdag 21. november 2026". */
export function formatDayHeading(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** Milliseconds `zone` is ahead of UTC at `instant`. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:mm`, as a datetime-local input gives it) in
 * `zone`, whatever zone the browser itself is in. A time in a DST gap moves forward.
 */
export function zonedLocalToInstant(local: string, zone: string = PATIENT_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - zoneOffset(wall, zone);
  instant = wall - zoneOffset(instant, zone);
  return new Date(instant);
}

/** The wall-clock time (`YYYY-MM-DDTHH:mm`) of an instant in `zone`. */
export function instantToZonedLocal(instant: Date, zone: string = PATIENT_ZONE): string {
  const shifted = new Date(instant.getTime() + zoneOffset(instant.getTime(), zone));
  return shifted.toISOString().slice(0, 16);
}
