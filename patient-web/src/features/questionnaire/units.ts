import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';

const UNIT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
/** Refero's own sub-label extension (markdown under the question's label). */
export const REFERO_SUBLABEL = 'http://helsenorge.no/fhir/StructureDefinition/sdf-sublabel';

const LABEL = { nb: 'Enhet', en: 'Unit' } as const;

/**
 * Refero 22 reads `questionnaire-unit` only for quantity items; an integer or decimal question
 * (kg, cm, mmHg) would show a bare number field. For the renderer such a question gets Refero's
 * sub-label with the unit ("Enhet: kg"), unless it already has a sub-label of its own.
 */
export function withUnitSublabels(
  questionnaire: Questionnaire,
  language: 'nb' | 'en',
): Questionnaire {
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      const unit = item.extension?.find((e) => e.url === UNIT)?.valueCoding;
      const shown = unit?.display ?? unit?.code;
      if (
        shown &&
        (item.type === 'integer' || item.type === 'decimal') &&
        !item.extension?.some((e) => e.url === REFERO_SUBLABEL)
      ) {
        copy.extension = [
          ...(item.extension ?? []),
          { url: REFERO_SUBLABEL, valueMarkdown: `${LABEL[language]}: ${shown}` },
        ];
      }
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}
