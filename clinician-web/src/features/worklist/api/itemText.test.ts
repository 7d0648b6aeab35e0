import { createI18n } from '../../../i18n';
import { itemText } from './itemText';

const bloodPressure = {
  kind: 'MEASUREMENT' as const,
  summary: 'Blood pressure panel: 190 / 113 mm[Hg]',
  reasons: JSON.stringify({
    level: 'RED',
    reasons: [],
    assessed: true,
    vital: 'BLOOD_PRESSURE',
    values: [
      { code: '8480-6', value: 190, unit: 'mm[Hg]' },
      { code: '8462-4', value: 113, unit: 'mm[Hg]' },
      { code: '8867-4', value: 88, unit: '/min' },
    ],
  }),
};

const i18n = createI18n('nb');

describe('worklist item text in the viewer’s language', () => {
  it('says "Blodtrykk 190/113 mmHg" in Norwegian and "Blood pressure" in English', async () => {
    await i18n.changeLanguage('nb');
    expect(itemText(bloodPressure, i18n.t, 'nb')).toBe('Blodtrykk 190/113 mmHg, 88 /min');
    await i18n.changeLanguage('en');
    expect(itemText(bloodPressure, i18n.t, 'en')).toBe('Blood pressure 190/113 mmHg, 88 /min');
    await i18n.changeLanguage('nb');
  });

  it('writes decimals the Norwegian way', async () => {
    await i18n.changeLanguage('nb');
    const weight = {
      kind: 'MEASUREMENT' as const,
      summary: 'Body weight: 82.1 kg',
      reasons: JSON.stringify({
        vital: 'BODY_WEIGHT',
        values: [{ code: '29463-7', value: 82.1, unit: 'kg' }],
      }),
    };
    expect(itemText(weight, i18n.t, 'nb')).toBe('Vekt 82,1 kg');
  });

  it('dates a missed task in the viewer’s language, and keeps an old summary as it is', async () => {
    await i18n.changeLanguage('nb');
    const missed = {
      kind: 'MISSING' as const,
      summary: 'Vekt (2026-11-20)',
      reasons: JSON.stringify({
        windowEnd: '2026-11-20T10:00:00Z',
        date: '2026-11-20',
        vital: 'BODY_WEIGHT',
      }),
    };
    expect(itemText(missed, i18n.t, 'nb')).toBe('Vekt ikke gjort 20. november 2026');
    const old = { ...bloodPressure, reasons: JSON.stringify({ level: 'RED', reasons: [] }) };
    expect(itemText(old, i18n.t, 'nb')).toBe(old.summary);
  });

  it('says how far a weight rose in how many days, in the viewer’s language', async () => {
    const risen = {
      kind: 'MEASUREMENT' as const,
      summary: 'Body weight: 51.8 kg',
      reasons: JSON.stringify({
        vital: 'BODY_WEIGHT',
        values: [{ code: '29463-7', value: 51.8, unit: 'kg' }],
        reasons: [
          { code: '29463-7', bound: 'rise3d', level: 'YELLOW', value: 51.8, boundValue: 49.7 },
        ],
      }),
    };
    await i18n.changeLanguage('nb');
    expect(itemText(risen, i18n.t, 'nb')).toBe('Vekt 51,8 kg (opp 2,1 kg på 3 dager)');
    await i18n.changeLanguage('en');
    expect(itemText(risen, i18n.t, 'en')).toBe('Weight 51.8 kg (up 2.1 kg in 3 days)');
    await i18n.changeLanguage('nb');
  });

  it('leaves no colon dangling after a response title without scores', () => {
    expect(
      itemText(
        { kind: 'RESPONSE', summary: 'Symptomer:', reasons: '{"level":"RED"}' },
        i18n.t,
        'nb',
      ),
    ).toBe('Symptomer');
  });
});
