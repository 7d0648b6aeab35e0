import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';

const UNIT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
const UNIT_OPTION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-unitOption';
const MIN_QUANTITY = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity';
const MAX_QUANTITY = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
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
      if (item.type === 'quantity') copy.extension = quantityExtensions(item);
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

/**
 * Refero 22 takes a quantity's unit only from `questionnaire-unit` (and sends the answer with
 * that Coding as system/code/unit) and its limits only from `minValue`/`maxValue`; SDC forms give
 * `sdc-questionnaire-unitOption` and `minQuantity`/`maxQuantity`. Without this the number was sent
 * with no unit code and refused. With several unit options the first is the one offered (Refero
 * has no unit picker); the server checks the unit against all of them.
 */
function quantityExtensions(item: QuestionnaireItem): Extension[] | undefined {
  const extensions = [...(item.extension ?? [])];
  const has = (url: string) => extensions.some((e) => e.url === url);
  const option = extensions.find((e) => e.url === UNIT_OPTION)?.valueCoding;
  if (!has(UNIT) && option) extensions.push({ url: UNIT, valueCoding: option });
  const limit = (from: string, to: string) => {
    const value = extensions.find((e) => e.url === from)?.valueQuantity?.value;
    if (!has(to) && value !== undefined) extensions.push({ url: to, valueDecimal: value });
  };
  limit(MIN_QUANTITY, MIN_VALUE);
  limit(MAX_QUANTITY, MAX_VALUE);
  return extensions.length ? extensions : item.extension;
}
