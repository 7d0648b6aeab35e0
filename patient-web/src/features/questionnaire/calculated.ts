import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';

const SDC_CALCULATED =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const SDC_VARIABLE = 'http://hl7.org/fhir/StructureDefinition/variable';
/** The only calculated-expression extension Refero 22 evaluates (a FHIRPath `valueString`). */
export const REFERO_CALCULATED =
  'http://ehelse.no/fhir/StructureDefinition/sdf-calculatedExpression';

/**
 * Refero 22 shows calculated values live only for Helsenorge's own `sdf-calculatedExpression`
 * extension, evaluated on the response with no variables; SDC questionnaires use
 * `sdc-questionnaire-calculatedExpression` and named root `variable`s. For the renderer each SDC
 * expression is copied to Refero's extension with the root variables written out in place (they
 * are evaluated on the same response) and `%resource` as `%context` (Refero gives FHIRPath no
 * environment; at the root the two are the same response), so a BMI shows while the patient types. The server
 * calculates again from the original questionnaire; what is stored never comes from here.
 */
export function withLiveCalculations(questionnaire: Questionnaire): Questionnaire {
  const variables = new Map<string, string>();
  for (const extension of questionnaire.extension ?? []) {
    const expression = extension.valueExpression;
    if (
      extension.url === SDC_VARIABLE &&
      expression?.name &&
      expression.expression &&
      (expression.language ?? 'text/fhirpath') === 'text/fhirpath'
    ) {
      variables.set(expression.name, expression.expression);
    }
  }
  const inline = (expression: string): string => {
    let text = expression;
    for (let depth = 0; depth < 5; depth++) {
      const next = text.replace(/%([A-Za-z][A-Za-z0-9_]*)/g, (whole, name: string) => {
        const value = variables.get(name);
        return value === undefined ? whole : `(${value})`;
      });
      if (next === text) break;
      text = next;
    }
    // Refero evaluates on the response itself with no environment, where %context is the response
    return text.replace(/%resource\b/g, '%context');
  };
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      const calculated = item.extension?.find((e) => e.url === SDC_CALCULATED);
      const expression = calculated?.valueExpression?.expression;
      if (expression && !item.extension?.some((e) => e.url === REFERO_CALCULATED)) {
        const added: Extension = { url: REFERO_CALCULATED, valueString: inline(expression) };
        copy.extension = [...(item.extension ?? []), added];
        copy.readOnly = true;
      }
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}
