import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';

/** A question an answer trigger can watch, with the answers it offers (none for a number). */
export interface AnswerItem {
  linkId: string;
  text: string;
  type: string;
  options: { code: string; display: string }[];
}

const ANSWERABLE = new Set(['choice', 'boolean', 'integer', 'decimal', 'open-choice']);

/** The questions of a questionnaire whose answer a trigger can compare, in the form's order. */
export function answerItems(questionnaire: Questionnaire, yes: string, no: string): AnswerItem[] {
  const found: AnswerItem[] = [];
  const visit = (items: QuestionnaireItem[] | undefined) => {
    for (const item of items ?? []) {
      if (ANSWERABLE.has(item.type)) {
        const options =
          item.type === 'boolean'
            ? [
                { code: 'true', display: yes },
                { code: 'false', display: no },
              ]
            : (item.answerOption ?? [])
                .map((o) => o.valueCoding)
                .filter((c) => c?.code !== undefined)
                .map((c) => ({ code: c?.code ?? '', display: c?.display ?? c?.code ?? '' }));
        found.push({
          linkId: item.linkId,
          text: item.text ?? item.linkId,
          type: item.type,
          options,
        });
      }
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  return found;
}
