import type { Questionnaire } from 'fhir/r4';
import { withUntickedBooleansAnswered, withoutRequiredBooleans } from './booleans';

const questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'rest', type: 'boolean', required: true, text: 'I ro?' },
    { linkId: 'more', type: 'boolean', required: true, text: 'Mer?' },
    {
      linkId: 'group',
      type: 'group',
      enableWhen: [{ question: 'more', operator: '=', answerBoolean: true }],
      item: [{ linkId: 'night', type: 'boolean', required: true }],
    },
    { linkId: 'swelling', type: 'choice', required: true },
  ],
} as Questionnaire;

describe('checkbox booleans', () => {
  it('gives the renderer booleans that need not be ticked, other items unchanged', () => {
    const forRenderer = withoutRequiredBooleans(questionnaire);
    expect(forRenderer.item?.map((i) => i.required)).toEqual([false, false, undefined, true]);
    expect(forRenderer.item?.[2]?.item?.[0]?.required).toBe(false);
    expect(questionnaire.item?.[0]?.required).toBe(true);
  });

  it('answers an unticked, always-shown required boolean with false, in questionnaire order', () => {
    const completed = withUntickedBooleansAnswered(questionnaire, {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        { linkId: 'swelling', answer: [{ valueCoding: { code: 'none' } }] },
        { linkId: 'more', answer: [{ valueBoolean: true }] },
        { linkId: 'group', item: [{ linkId: 'night' }] },
      ],
    });
    expect(completed.item).toEqual([
      { linkId: 'rest', text: 'I ro?', answer: [{ valueBoolean: false }] },
      { linkId: 'more', answer: [{ valueBoolean: true }] },
      { linkId: 'group', item: [{ linkId: 'night' }] },
      { linkId: 'swelling', answer: [{ valueCoding: { code: 'none' } }] },
    ]);
  });
});
