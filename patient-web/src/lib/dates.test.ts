import { addDays, dateInZone, instantToZonedLocal, zonedLocalToInstant } from './dates';

describe('Norwegian time, whatever zone the browser is in', () => {
  it('turns wall-clock time into the right instant on both sides of a DST change', () => {
    // 2026-03-29: CET (+1) → CEST (+2); 2026-10-25: back to +1.
    expect(zonedLocalToInstant('2026-03-28T07:00')?.toISOString()).toBe('2026-03-28T06:00:00.000Z');
    expect(zonedLocalToInstant('2026-03-30T07:00')?.toISOString()).toBe('2026-03-30T05:00:00.000Z');
    expect(zonedLocalToInstant('2026-10-24T07:00')?.toISOString()).toBe('2026-10-24T05:00:00.000Z');
    expect(zonedLocalToInstant('2026-10-26T07:00')?.toISOString()).toBe('2026-10-26T06:00:00.000Z');
    expect(zonedLocalToInstant('nonsense')).toBeNull();
  });

  it('shows an instant as wall-clock time and calendar date', () => {
    expect(instantToZonedLocal(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01T23:59');
    expect(dateInZone(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(dateInZone(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('steps calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
