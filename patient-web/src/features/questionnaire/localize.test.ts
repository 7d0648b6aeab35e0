import type { Questionnaire } from 'fhir/r4';
import { itemText, localizeQuestionnaire } from './localize';

const en = (content: string) => ({
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/translation',
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

const questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  language: 'nb-NO',
  title: 'Symptomsjekk',
  _title: en('Symptom check'),
  item: [
    {
      linkId: 'g',
      type: 'group',
      text: 'Om tungpusten',
      _text: en('About the breathlessness'),
      item: [
        {
          linkId: 'q',
          type: 'choice',
          text: 'Når?',
          answerOption: [{ valueCoding: { code: 'a', display: 'Nå', _display: en('Now') } }],
        },
      ],
    },
  ],
} as unknown as Questionnaire;

describe('questionnaire language', () => {
  it('uses the translation extension for English, and Norwegian where there is none', () => {
    const localized = localizeQuestionnaire(questionnaire, 'en');
    expect(localized.title).toBe('Symptom check');
    expect(itemText(localized, 'g')).toBe('About the breathlessness');
    expect(itemText(localized, 'q')).toBe('Når?');
    expect(localized.item?.[0]?.item?.[0]?.answerOption?.[0]?.valueCoding?.display).toBe('Now');
    expect(questionnaire.title).toBe('Symptomsjekk'); // the original is left alone
  });

  it('leaves a Norwegian questionnaire as it is for Norwegian', () => {
    expect(localizeQuestionnaire(questionnaire, 'nb')).toBe(questionnaire);
  });
});
