import { validateMeasurement, parseNumber, type ValidationResult } from './validation';
import { catalogueFixture } from '@heima/web-common/test/vitals';
import type { Vital } from '@heima/web-common/vitals';

const info = catalogueFixture.info;

const NOW = new Date('2026-11-21T10:00:00Z');
const AT = '2026-11-21T10:30'; // Oslo wall clock = 09:30Z, before NOW

function issues(result: ValidationResult) {
  return result.ok
    ? {}
    : Object.fromEntries(Object.entries(result.issues).map(([k, v]) => [k, v.kind]));
}

describe('parseNumber', () => {
  it.each([
    ['72', 72],
    ['72,5', 72.5],
    [' 72.5 ', 72.5],
    ['1 000', 1000],
    ['', null],
    ['7a', null],
    ['-5', null],
    ['72,5,1', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe('validateMeasurement', () => {
  it('accepts blood pressure with and without pulse, and codes it as the backend expects', () => {
    const withPulse = validateMeasurement(
      info('BLOOD_PRESSURE'),
      { '8480-6': '182', '8462-4': '110', '8867-4': '70' },
      AT,
      NOW,
    );
    expect(withPulse).toEqual({
      ok: true,
      measuredAt: new Date('2026-11-21T09:30:00Z'),
      values: [
        { code: '8480-6', value: 182, unit: 'mm[Hg]' },
        { code: '8462-4', value: 110, unit: 'mm[Hg]' },
        { code: '8867-4', value: 70, unit: '/min' },
      ],
    });
    const without = validateMeasurement(
      info('BLOOD_PRESSURE'),
      { '8480-6': '120', '8462-4': '80' },
      AT,
      NOW,
    );
    expect(without.ok && without.values.map((v) => v.code)).toEqual(['8480-6', '8462-4']);
  });

  it('stops a systolic pressure that is not above the diastolic', () => {
    expect(
      issues(
        validateMeasurement(info('BLOOD_PRESSURE'), { '8480-6': '80', '8462-4': '120' }, AT, NOW),
      ),
    ).toEqual({ '8480-6': 'order' });
    expect(
      issues(
        validateMeasurement(info('BLOOD_PRESSURE'), { '8480-6': '90', '8462-4': '90' }, AT, NOW),
      ),
    ).toEqual({ '8480-6': 'order' });
  });

  it('requires both pressures but not the pulse', () => {
    expect(
      issues(validateMeasurement(info('BLOOD_PRESSURE'), { '8480-6': '120' }, AT, NOW)),
    ).toEqual({
      '8462-4': 'required',
    });
  });

  // [vital, code, lowest allowed, highest allowed, just below, just above, unit]
  const ranges: [Vital, string, string, string, string, string, string][] = [
    ['BLOOD_PRESSURE', '8480-6', '50', '300', '49', '301', 'mm[Hg]'],
    ['BLOOD_PRESSURE', '8462-4', '20', '200', '19', '201', 'mm[Hg]'],
    ['BLOOD_PRESSURE', '8867-4', '20', '250', '19', '251', '/min'],
    ['HEART_RATE', '8867-4', '20', '250', '19', '251', '/min'],
    ['OXYGEN_SATURATION', '59408-5', '50', '100', '49', '101', '%'],
    ['BODY_WEIGHT', '29463-7', '1', '400', '0,9', '400,1', 'kg'],
    ['BODY_TEMPERATURE', '8310-5', '30', '45', '29,9', '45,1', 'Cel'],
    ['RESPIRATORY_RATE', '9279-1', '4', '80', '3', '81', '/min'],
    ['BLOOD_GLUCOSE', '14743-9', '0,5', '50', '0,4', '50,1', 'mmol/L'],
  ];

  function texts(vital: Vital, code: string, value: string): Record<string, string> {
    if (vital !== 'BLOOD_PRESSURE') return { [code]: value };
    // Keep the other pressure out of the way of the order rule.
    const base: Record<string, string> = { '8480-6': '301', '8462-4': '19' };
    if (code === '8480-6') return { '8480-6': value, '8462-4': '20' };
    if (code === '8462-4') return { '8480-6': '300', '8462-4': value };
    return { ...base, '8480-6': '120', '8462-4': '80', [code]: value };
  }

  it.each(ranges)(
    '%s %s: accepts %s to %s, refuses %s and %s',
    (vital, code, min, max, below, above, unit) => {
      for (const ok of [min, max]) {
        const result = validateMeasurement(info(vital), texts(vital, code, ok), AT, NOW);
        expect(result.ok, `${ok}`).toBe(true);
        expect(result.ok && result.values.find((v) => v.code === code)?.unit).toBe(unit);
      }
      for (const bad of [below, above]) {
        expect(
          issues(validateMeasurement(info(vital), texts(vital, code, bad), AT, NOW))[code],
          bad,
        ).toBe('range');
      }
    },
  );

  it('refuses text that is not a number', () => {
    expect(
      issues(validateMeasurement(info('BODY_WEIGHT'), { '29463-7': 'åtti' }, AT, NOW)),
    ).toEqual({
      '29463-7': 'notANumber',
    });
  });

  it('refuses a time ahead of now (beyond clock drift) and a missing time', () => {
    expect(
      issues(
        validateMeasurement(info('BODY_WEIGHT'), { '29463-7': '80' }, '2026-11-21T11:30', NOW),
      ),
    ).toEqual({
      measuredAt: 'timeInFuture',
    });
    expect(
      issues(
        validateMeasurement(info('BODY_WEIGHT'), { '29463-7': '80' }, '2026-11-21T11:04', NOW),
      ),
    ).toEqual({});
    expect(issues(validateMeasurement(info('BODY_WEIGHT'), { '29463-7': '80' }, '', NOW))).toEqual({
      measuredAt: 'timeMissing',
    });
  });
});
