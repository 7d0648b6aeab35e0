import { describe, expect, it } from 'vitest';
import { summaryUrl } from './SummaryDownload';

describe('summaryUrl', () => {
  it('asks for the language and only the days that were chosen', () => {
    expect(summaryUrl('p-1', 'en', '', '')).toBe('/api/patients/p-1/summary.pdf?lang=en');
    expect(summaryUrl('p-1', 'nb', '2026-11-01', '2026-11-30')).toBe(
      '/api/patients/p-1/summary.pdf?lang=nb&from=2026-11-01&to=2026-11-30',
    );
  });

  it('never builds a path out of what an id contains', () => {
    expect(summaryUrl('../admin', 'xx', '', '')).toBe(
      '/api/patients/..%2Fadmin/summary.pdf?lang=nb',
    );
  });
});
