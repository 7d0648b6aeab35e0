const LOCALES: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Formats a calendar date (`YYYY-MM-DD`) without letting the browser's time zone shift it. */
export function formatDate(isoDate: string, language: string, style: 'long' | 'short'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, {
    dateStyle: style === 'long' ? 'long' : 'short',
    timeZone: 'UTC',
  }).format(date);
}
