import type { Questionnaire } from 'fhir/r4';
import { languagesOf, localize, scoreItems, TRANSLATION_URL } from './translations';

const english = (content: string) => ({
  extension: [
    {
      url: TRANSLATION_URL,
      extension: [
        { url: 'lang', valueCode: 'en' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

const questionnaire: Questionnaire = {
  resourceType: 'Questionnaire',
  language: 'nb-NO',
  status: 'active',
  title: 'Symptomer',
  _title: english('Symptoms'),
  item: [
    {
      linkId: 'breath',
      type: 'choice',
      text: 'Er du tungpustet?',
      _text: english('Are you short of breath?'),
      answerOption: [
        { valueCoding: { code: 'y', display: 'Ja', _display: english('Yes') } },
        { valueCoding: { code: 'n', display: 'Nei' } },
      ],
    },
    {
      linkId: 'score',
      type: 'decimal',
      text: 'Sum',
      extension: [
        {
          url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
          valueExpression: { language: 'text/fhirpath', expression: '1' },
        },
      ],
    },
  ],
};

describe('questionnaire translations', () => {
  it('finds the languages the texts come in, its own first', () => {
    expect(languagesOf(questionnaire)).toEqual(['nb', 'en']);
    expect(languagesOf({ resourceType: 'Questionnaire', status: 'active' })).toEqual(['nb']);
  });

  it('swaps every translated text and keeps the rest', () => {
    const en = localize(questionnaire, 'en');
    expect(en.title).toBe('Symptoms');
    expect(en.language).toBe('en');
    expect(en.item?.[0]?.text).toBe('Are you short of breath?');
    expect(en.item?.[0]?.answerOption?.[0]?.valueCoding?.display).toBe('Yes');
    expect(en.item?.[0]?.answerOption?.[1]?.valueCoding?.display).toBe('Nei');
    expect(questionnaire.title).toBe('Symptomer'); // the original is untouched
    expect(localize(questionnaire, 'nb-NO')).toBe(questionnaire);
  });

  it('lists the calculated items that score thresholds can refer to', () => {
    expect(scoreItems(questionnaire)).toEqual([{ linkId: 'score', text: 'Sum' }]);
  });
});
