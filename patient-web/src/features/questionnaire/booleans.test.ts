import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import {
  OPTION_VALUE_SYSTEM,
  YES_NO_SYSTEM,
  withBooleanAnswers,
  withCheckboxesForRepeatingChoices,
  withCodedOptions,
  withUriAnswers,
  withUrlsAsText,
  withYesNoAnswers,
  withYesNoRadios,
} from './booleans';
import { normaliseResponse } from './normalise';

const questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'rest', type: 'boolean', required: true, text: 'I ro?' },
    { linkId: 'more', type: 'boolean', text: 'Mer?', initial: [{ valueBoolean: false }] },
    {
      linkId: 'group',
      type: 'group',
      enableWhen: [{ question: 'more', operator: '=', answerBoolean: true }],
      item: [
        {
          linkId: 'night',
          type: 'boolean',
          enableWhen: [{ question: 'rest', operator: 'exists', answerBoolean: true }],
        },
      ],
    },
    { linkId: 'swelling', type: 'choice', required: true },
  ],
} as Questionnaire;

const response = (item: QuestionnaireResponse['item']): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  item,
});

describe('yes/no questions as two radio buttons', () => {
  it('gives the renderer each boolean as a required-able choice of Ja and Nei with radio buttons', () => {
    const forRenderer = withYesNoRadios(questionnaire, 'nb');
    const rest = forRenderer.item?.[0];
    expect(rest?.type).toBe('choice');
    expect(rest?.required).toBe(true);
    expect(rest?.answerOption?.map((o) => o.valueCoding?.display)).toEqual(['Ja', 'Nei']);
    expect(
      rest?.extension?.find((e) => e.url.endsWith('questionnaire-itemControl'))
        ?.valueCodeableConcept?.coding?.[0]?.code,
    ).toBe('radio-button');
    expect(forRenderer.item?.[1]?.initial).toEqual([
      { valueCoding: { system: YES_NO_SYSTEM, code: 'false', display: 'Nei' } },
    ]);
    // a condition on a yes/no answer compares the radio's Coding; `exists` stays as it is
    expect(forRenderer.item?.[2]?.enableWhen).toEqual([
      {
        question: 'more',
        operator: '=',
        answerCoding: { system: YES_NO_SYSTEM, code: 'true', display: 'Ja' },
      },
    ]);
    expect(forRenderer.item?.[2]?.item?.[0]?.enableWhen).toEqual([
      { question: 'rest', operator: 'exists', answerBoolean: true },
    ]);
    expect(forRenderer.item?.[3]).toEqual(questionnaire.item?.[3]);
    expect(
      withYesNoRadios(questionnaire, 'en').item?.[0]?.answerOption?.[1]?.valueCoding?.display,
    ).toBe('No');
    expect(questionnaire.item?.[0]?.type).toBe('boolean');
  });

  it('sends the chosen radio as valueBoolean, nested ones too, and nothing for an unanswered one', () => {
    const sent = withBooleanAnswers(
      questionnaire,
      response([
        { linkId: 'rest', answer: [{ valueCoding: { system: YES_NO_SYSTEM, code: 'false' } }] },
        { linkId: 'more', answer: [{ valueCoding: { system: YES_NO_SYSTEM, code: 'true' } }] },
        { linkId: 'group', item: [{ linkId: 'night' }] },
        { linkId: 'swelling', answer: [{ valueCoding: { code: 'none' } }] },
      ]),
    );
    expect(sent.item).toEqual([
      { linkId: 'rest', answer: [{ valueBoolean: false }] },
      { linkId: 'more', answer: [{ valueBoolean: true }] },
      { linkId: 'group', item: [{ linkId: 'night' }] },
      { linkId: 'swelling', answer: [{ valueCoding: { code: 'none' } }] },
    ]);
  });

  it('resumes a saved draft with its booleans shown as the radios they came from', () => {
    const draft = response([
      { linkId: 'group', item: [{ linkId: 'night', answer: [{ valueBoolean: true }] }] },
    ]);
    const shown = withYesNoAnswers(questionnaire, draft, 'en');
    expect(shown.item?.[0]?.item?.[0]?.answer).toEqual([
      { valueCoding: { system: YES_NO_SYSTEM, code: 'true', display: 'Yes' } },
    ]);
    expect(withBooleanAnswers(questionnaire, shown)).toEqual(draft);
  });
});

describe('options refero can show and compare', () => {
  const nested = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      {
        linkId: 'nights',
        type: 'choice',
        repeats: true,
        answerOption: [{ valueString: 'man' }, { valueString: 'lør' }],
      },
      {
        linkId: 'weekend',
        type: 'boolean',
        enableWhen: [{ question: 'nights', operator: '=', answerString: 'lør' }],
      },
    ],
  } as Questionnaire;

  it('shows string options as Codings and compares a condition on them as a Coding', () => {
    const shown = withCodedOptions(nested);
    expect(shown.item?.[0]?.answerOption).toEqual([
      { valueCoding: { system: OPTION_VALUE_SYSTEM, code: 'man', display: 'man' } },
      { valueCoding: { system: OPTION_VALUE_SYSTEM, code: 'lør', display: 'lør' } },
    ]);
    expect(shown.item?.[1]?.enableWhen).toEqual([
      {
        question: 'nights',
        operator: '=',
        answerCoding: { system: OPTION_VALUE_SYSTEM, code: 'lør', display: 'lør' },
      },
    ]);
    // and what the patient chose goes back as the option's own string
    const sent = normaliseResponse(nested, {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        {
          linkId: 'nights',
          answer: [{ valueCoding: { system: OPTION_VALUE_SYSTEM, code: 'lør', display: 'lør' } }],
        },
        { linkId: 'weekend', answer: [{ valueBoolean: true }] },
      ],
    });
    expect(sent.item).toEqual([
      { linkId: 'nights', answer: [{ valueString: 'lør' }] },
      { linkId: 'weekend', answer: [{ valueBoolean: true }] },
    ]);
  });

  it('shows a repeating choice as checkboxes', () => {
    const shown = withCheckboxesForRepeatingChoices(nested);
    expect(shown.item?.[0]?.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'check-box',
    );
    expect(shown.item?.[1]?.extension).toBeUndefined();
  });

  it("leaves out Refero's Other option of an open choice, keeping the typed text", () => {
    const diet = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'diet',
          type: 'open-choice',
          answerOption: [{ valueCoding: { system: 'https://x', code: 'normal' } }],
        },
      ],
    } as Questionnaire;
    const sent = normaliseResponse(diet, {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        {
          linkId: 'diet',
          answer: [
            {
              valueCoding: {
                system: 'http://helsenorge.no/fhir/CodeSystem/open-choice',
                code: 'other',
              },
            },
            { valueString: 'Vegetar' },
          ],
        },
      ],
    });
    expect(sent.item).toEqual([{ linkId: 'diet', answer: [{ valueString: 'Vegetar' }] }]);
  });
});

describe('a url question', () => {
  it('is a text field for the renderer and is sent as valueUri', () => {
    const site = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [{ linkId: 'site', type: 'url', text: 'Website' }],
    } as Questionnaire;
    expect(withUrlsAsText(site).item?.[0]?.type).toBe('string');
    expect(
      withUriAnswers(
        site,
        response([{ linkId: 'site', answer: [{ valueString: 'https://example.org' }] }]),
      ).item,
    ).toEqual([{ linkId: 'site', answer: [{ valueUri: 'https://example.org' }] }]);
  });
});
