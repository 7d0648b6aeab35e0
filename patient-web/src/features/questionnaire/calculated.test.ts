import type { Questionnaire } from 'fhir/r4';
import corpus07 from '../../../../backend/src/test/resources/sdc/07-calculated-nb/questionnaire.json';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { REFERO_CALCULATED, withLiveCalculations } from './calculated';

const referoExpression = (q: Questionnaire, linkId: string) =>
  q.item
    ?.flatMap((i) => [i, ...(i.item ?? [])])
    .find((i) => i.linkId === linkId)
    ?.extension?.find((e) => e.url === REFERO_CALCULATED)?.valueString;

describe('live calculations in Refero', () => {
  it('copies SDC calculatedExpressions to Refero’s extension with root variables written out', () => {
    const q = withLiveCalculations(corpus07 as Questionnaire);
    expect(referoExpression(q, 'bmi')).toBe(
      "((%context.repeat(item).where(linkId='weight').answer.value) / (((%context.repeat(item).where(linkId='height').answer.value) / 100) * ((%context.repeat(item).where(linkId='height').answer.value) / 100))).round(1)",
    );
    expect(referoExpression(q, 'bmi-class')).not.toContain('%bmi');
    expect(referoExpression(q, 'weight')).toBeUndefined();
    expect(referoExpression(corpus07 as Questionnaire, 'bmi')).toBeUndefined();
  });

  it('computes the BMI the way Refero evaluates it (FHIRPath on the response, no variables)', () => {
    const q = withLiveCalculations(corpus07 as Questionnaire);
    const response = {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        { linkId: 'weight', answer: [{ valueDecimal: 70 }] },
        { linkId: 'height', answer: [{ valueDecimal: 175 }] },
      ],
    };
    const expression = referoExpression(q, 'bmi') ?? '';
    expect(
      fhirpath.evaluate(
        response,
        expression,
        undefined,
        r4 as Parameters<typeof fhirpath.evaluate>[3],
      ),
    ).toEqual([22.9]);
  });
});
