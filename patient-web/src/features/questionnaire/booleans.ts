import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from 'fhir/r4';

/**
 * Refero shows a `boolean` item as one checkbox, and for a required one insists that the box be
 * ticked, so a patient whose answer is "no" could never submit. Here an unticked box is that "no":
 * the renderer gets the questionnaire without `required` on booleans, and the response gets
 * `false` for every required boolean left unticked. Only booleans that are always shown (no
 * enableWhen on them or above them) are filled in; the server checks the rest against the
 * original questionnaire.
 */
export function withoutRequiredBooleans(questionnaire: Questionnaire): Questionnaire {
  const strip = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      if (item.type === 'boolean' && item.required) copy.required = false;
      const children = strip(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = strip(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

function complete(
  items: QuestionnaireItem[],
  answered: QuestionnaireResponseItem[],
): QuestionnaireResponseItem[] {
  const result: QuestionnaireResponseItem[] = [];
  for (const item of items) {
    const matching = answered.filter((a) => a.linkId === item.linkId);
    if (item.enableWhen?.length) {
      result.push(...matching); // shown only sometimes: left exactly as the renderer made it
      continue;
    }
    if (item.type === 'boolean' && item.required) {
      const existing = matching[0];
      result.push(
        existing?.answer?.length
          ? existing
          : {
              ...(existing ?? {}),
              linkId: item.linkId,
              ...(item.text ? { text: item.text } : {}),
              answer: [{ valueBoolean: false }],
            },
      );
      continue;
    }
    result.push(
      ...matching.map((a) =>
        item.item && a.item ? { ...a, item: complete(item.item, a.item) } : a,
      ),
    );
  }
  // Anything the questionnaire does not know stays, for the server to judge.
  const known = new Set(items.map((i) => i.linkId));
  result.push(...answered.filter((a) => !known.has(a.linkId)));
  return result;
}

export function withUntickedBooleansAnswered(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): QuestionnaireResponse {
  return { ...response, item: complete(questionnaire.item ?? [], response.item ?? []) };
}
