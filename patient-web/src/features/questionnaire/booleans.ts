import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4';

/**
 * Refero 22 shows a `boolean` item as one checkbox: an unticked box cannot be told from "not
 * answered", and a required one must be ticked, so "No" could never be given. A yes/no question
 * is asked instead as two radio buttons (Yes, No): for the renderer every boolean becomes a
 * `choice` with two Codings of this app-local system and the `radio-button` item control (what
 * Refero already renders as a radio group), conditions and initial values on it are rewritten
 * to match, and the patient's choice goes back to `valueBoolean` before anything leaves the app
 * (the server and the saved draft only ever see booleans). A required yes/no left unanswered is
 * stopped by the form; an optional one left unanswered sends nothing.
 */
export const YES_NO_SYSTEM = 'urn:heima:patient-web:yes-no';

const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const LABELS = {
  nb: { yes: 'Ja', no: 'Nei' },
  en: { yes: 'Yes', no: 'No' },
} as const;

function yesNoCoding(value: boolean, language: 'nb' | 'en'): Coding {
  return {
    system: YES_NO_SYSTEM,
    code: String(value),
    display: value ? LABELS[language].yes : LABELS[language].no,
  };
}

/** linkIds of every boolean item in the questionnaire. */
export function booleanLinkIds(questionnaire: Questionnaire): Set<string> {
  const found = new Set<string>();
  const visit = (items: QuestionnaireItem[] = []) => {
    for (const item of items) {
      if (item.type === 'boolean') found.add(item.linkId);
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  return found;
}

function condition(
  when: QuestionnaireItemEnableWhen,
  booleans: Set<string>,
  language: 'nb' | 'en',
): QuestionnaireItemEnableWhen {
  if (!booleans.has(when.question) || when.answerBoolean === undefined) return when;
  if (when.operator !== '=' && when.operator !== '!=') return when;
  const rest = { ...when };
  delete rest.answerBoolean;
  return { ...rest, answerCoding: yesNoCoding(when.answerBoolean, language) };
}

/** The questionnaire as the renderer gets it: every yes/no question as two radio buttons. */
export function withYesNoRadios(
  questionnaire: Questionnaire,
  language: 'nb' | 'en',
): Questionnaire {
  const booleans = booleanLinkIds(questionnaire);
  if (!booleans.size) return questionnaire;
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      if (item.enableWhen) {
        copy.enableWhen = item.enableWhen.map((w) => condition(w, booleans, language));
      }
      if (item.type === 'boolean') {
        copy.type = 'choice';
        copy.answerOption = [
          { valueCoding: yesNoCoding(true, language) },
          { valueCoding: yesNoCoding(false, language) },
        ];
        copy.extension = [
          ...(item.extension ?? []).filter((e) => e.url !== ITEM_CONTROL),
          {
            url: ITEM_CONTROL,
            valueCodeableConcept: {
              coding: [
                {
                  system: 'http://hl7.org/fhir/questionnaire-item-control',
                  code: 'radio-button',
                },
              ],
            },
          },
        ];
        if (item.initial) {
          copy.initial = item.initial.map((initial) =>
            initial.valueBoolean === undefined
              ? initial
              : { valueCoding: yesNoCoding(initial.valueBoolean, language) },
          );
        }
      }
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

function mapAnswers(
  items: QuestionnaireResponseItem[] | undefined,
  booleans: Set<string>,
  change: (answer: QuestionnaireResponseItemAnswer) => QuestionnaireResponseItemAnswer,
): QuestionnaireResponseItem[] | undefined {
  return items?.map((node) => {
    const copy: QuestionnaireResponseItem = { ...node };
    const below = mapAnswers(node.item, booleans, change);
    if (below) copy.item = below;
    if (node.answer) {
      copy.answer = node.answer.map((answer) => {
        const changed = booleans.has(node.linkId) ? change(answer) : { ...answer };
        const children = mapAnswers(answer.item, booleans, change);
        return children ? { ...changed, item: children } : changed;
      });
    }
    return copy;
  });
}

function withItems(
  response: QuestionnaireResponse,
  items: QuestionnaireResponseItem[] | undefined,
): QuestionnaireResponse {
  return items ? { ...response, item: items } : response;
}

/** The renderer's response with every yes/no answer back as the `valueBoolean` it stands for. */
export function withBooleanAnswers(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): QuestionnaireResponse {
  const booleans = booleanLinkIds(questionnaire);
  return withItems(
    response,
    mapAnswers(response.item, booleans, (answer) => {
      const coding = answer.valueCoding;
      if (coding?.system !== YES_NO_SYSTEM) return { ...answer };
      const rest = { ...answer };
      delete rest.valueCoding;
      return { ...rest, valueBoolean: coding.code === 'true' };
    }),
  );
}

/** A saved response (draft) as the renderer needs it: `valueBoolean` answers as yes/no choices. */
export function withYesNoAnswers(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  language: 'nb' | 'en',
): QuestionnaireResponse {
  const booleans = booleanLinkIds(questionnaire);
  return withItems(
    response,
    mapAnswers(response.item, booleans, (answer) => {
      if (answer.valueBoolean === undefined) return { ...answer };
      const rest = { ...answer };
      delete rest.valueBoolean;
      return { ...rest, valueCoding: yesNoCoding(answer.valueBoolean, language) };
    }),
  );
}

/**
 * A choice that repeats ("velg alle som passer") without an item control is shown by Refero as
 * radio buttons with an "Add" button, one answer per copy of the question; the renderer gets the
 * `check-box` control instead, so every option can be ticked in one list, as the question says.
 */
export function withCheckboxesForRepeatingChoices(questionnaire: Questionnaire): Questionnaire {
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      if (
        (item.type === 'choice' || item.type === 'open-choice') &&
        item.repeats &&
        !(item.extension ?? []).some((e) => e.url === ITEM_CONTROL)
      ) {
        copy.extension = [
          ...(item.extension ?? []),
          {
            url: ITEM_CONTROL,
            valueCodeableConcept: {
              coding: [
                { system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'check-box' },
              ],
            },
          },
        ];
      }
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

/** The system of the Codings the renderer gets for string, integer and date options. */
export const OPTION_VALUE_SYSTEM = 'urn:heima:patient-web:option-value';

function optionValue(option: QuestionnaireItemAnswerOption): string | undefined {
  return [option.valueString, option.valueInteger, option.valueDate, option.valueTime]
    .find((v) => v !== undefined)
    ?.toString();
}

/**
 * Refero turns a string, integer or date option into a Coding of its own once chosen, so an
 * `enableWhen` that compares it with `answerString` (or `answerInteger`, `answerDate`) never
 * matches and the question under it never appears. The renderer gets such options as Codings of
 * an app-local system (code and display the value) and those conditions as `answerCoding`;
 * `normaliseResponse` turns the chosen Coding back into the option's own type.
 */
export function withCodedOptions(questionnaire: Questionnaire): Questionnaire {
  const valueOptioned = new Set<string>();
  const visit = (items: QuestionnaireItem[] = []) => {
    for (const item of items) {
      const options = item.answerOption ?? [];
      if (options.length && options.every((o) => optionValue(o) !== undefined)) {
        valueOptioned.add(item.linkId);
      }
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  if (!valueOptioned.size) return questionnaire;
  const coding = (value: string): Coding => ({
    system: OPTION_VALUE_SYSTEM,
    code: value,
    display: value,
  });
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      if (valueOptioned.has(item.linkId)) {
        copy.answerOption = (item.answerOption ?? []).map((option) => {
          const value = optionValue(option) ?? '';
          const rest = { ...option };
          delete rest.valueString;
          delete rest.valueInteger;
          delete rest.valueDate;
          delete rest.valueTime;
          return { ...rest, valueCoding: coding(value) };
        });
      }
      if (item.enableWhen) {
        copy.enableWhen = item.enableWhen.map((when) => {
          if (
            !valueOptioned.has(when.question) ||
            (when.operator !== '=' && when.operator !== '!=')
          ) {
            return when;
          }
          const value = [when.answerString, when.answerInteger, when.answerDate, when.answerTime]
            .find((v) => v !== undefined)
            ?.toString();
          if (value === undefined) return when;
          const rest = { ...when };
          delete rest.answerString;
          delete rest.answerInteger;
          delete rest.answerDate;
          delete rest.answerTime;
          return { ...rest, answerCoding: coding(value) };
        });
      }
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

function urlLinkIds(questionnaire: Questionnaire): Set<string> {
  const found = new Set<string>();
  const visit = (items: QuestionnaireItem[] = []) => {
    for (const item of items) {
      if (item.type === 'url') found.add(item.linkId);
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  return found;
}

/**
 * Refero 22 has no field for a `url` item: the question is not shown at all. The renderer gets it
 * as a `string` question (a text field); `withUriAnswers` sends the typed text as `valueUri`.
 */
export function withUrlsAsText(questionnaire: Questionnaire): Questionnaire {
  if (!urlLinkIds(questionnaire).size) return questionnaire;
  const convert = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] | undefined =>
    items?.map((item) => {
      const copy: QuestionnaireItem = { ...item };
      if (item.type === 'url') copy.type = 'string';
      const children = convert(item.item);
      if (children) copy.item = children;
      return copy;
    });
  const items = convert(questionnaire.item);
  return items ? { ...questionnaire, item: items } : questionnaire;
}

/** The renderer's response with the text typed for a `url` question as `valueUri`. */
export function withUriAnswers(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): QuestionnaireResponse {
  const urls = urlLinkIds(questionnaire);
  if (!urls.size) return response;
  return withItems(
    response,
    mapAnswers(response.item, urls, (answer) => {
      if (answer.valueString === undefined) return { ...answer };
      const rest = { ...answer };
      delete rest.valueString;
      return { ...rest, valueUri: answer.valueString };
    }),
  );
}
