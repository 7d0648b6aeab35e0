import type { Questionnaire } from 'fhir/r4';
import corpus04 from '../../../../backend/src/test/resources/sdc/04-values-en/questionnaire.json';
import corpus07 from '../../../../backend/src/test/resources/sdc/07-calculated-nb/questionnaire.json';
import { REFERO_SUBLABEL, withUnitSublabels } from './units';

describe('units next to number questions', () => {
  it('gives integer and decimal questions with questionnaire-unit a sub-label naming the unit', () => {
    const original = corpus07 as Questionnaire;
    const withUnit = original.item?.filter(
      (i) =>
        (i.type === 'decimal' || i.type === 'integer') &&
        i.extension?.some((e) => e.url.endsWith('questionnaire-unit')),
    );
    expect(withUnit?.length).toBeGreaterThan(0);
    const shown = withUnitSublabels(original, 'nb');
    for (const item of withUnit ?? []) {
      const converted = shown.item?.find((i) => i.linkId === item.linkId);
      const sublabel = converted?.extension?.find((e) => e.url === REFERO_SUBLABEL);
      expect(sublabel?.valueMarkdown).toMatch(/^Enhet: \S+/);
      expect(item.extension?.some((e) => e.url === REFERO_SUBLABEL)).toBe(false);
    }
  });

  it('gives a quantity question its SDC unit option and quantity limits in the form refero reads', () => {
    const shown = withUnitSublabels(corpus04 as Questionnaire, 'en');
    const height = shown.item?.find((i) => i.linkId === 'height');
    const ext = (suffix: string) => height?.extension?.find((e) => e.url.endsWith(suffix));
    expect(ext('/questionnaire-unit')?.valueCoding).toEqual({
      system: 'http://unitsofmeasure.org',
      code: 'cm',
      display: 'cm',
    });
    expect(ext('/minValue')?.valueDecimal).toBe(50);
    expect(ext('/maxValue')?.valueDecimal).toBe(250);
  });
});
