import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4';

/**
 * What refero hands over is the state of its form, not a QuestionnaireResponse the server
 * accepts as it is: it keeps answers a patient typed before changing the answer an item depends
 * on (the item is no longer on screen), sends items with no answer and repeating group instances
 * with nothing in them, and turns a `valueString` answer option into a Coding. This turns that
 * state into what SDC says a response is, following the server's own rules
 * (`no.heima.questionnaire.Enablement`) so the patient is never asked to fix a question they
 * cannot see:
 * - `questionnaire-hidden` items (a hidden calculated item is calculated by the server) and
 *   items disabled by `enableWhen` carry no answer, with everything below them; repeated until nothing changes, so chains settle;
 * - items and group instances without any answer below them are left out; every instance of a
 *   repeating group stays its own item;
 * - an answer to an item whose options are strings is sent as `valueString`;
 * - the Coding of Refero's "Other" option of an open choice is left out (the typed text is the answer).
 * `enableWhenExpression` is left to the server (it usually reads calculated values the server
 * computes); what it drops comes back in `dropped` and is told to the patient.
 */
export function normaliseResponse(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): QuestionnaireResponse {
  const index = indexQuestionnaire(questionnaire.item ?? []);
  let items = clean(questionnaire.item ?? [], structuredClone(response.item ?? []));
  for (let pass = 0; pass < 20; pass++) {
    const root: Frame = { parent: null, definition: null, node: null };
    const next = settle(questionnaire.item ?? [], items, root, items, index);
    const changed = JSON.stringify(next) !== JSON.stringify(items);
    items = clean(questionnaire.item ?? [], next);
    if (!changed) break;
  }
  const result: QuestionnaireResponse = { ...response };
  if (items.length) result.item = items;
  else delete result.item;
  return result;
}

const HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';

interface Frame {
  parent: Frame | null;
  definition: QuestionnaireItem | null;
  node: QuestionnaireResponseItem | null;
}

/** For every linkId, the linkIds of the items that enclose it in the questionnaire. */
function indexQuestionnaire(items: QuestionnaireItem[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const visit = (list: QuestionnaireItem[], above: string[]) => {
    for (const item of list) {
      index.set(item.linkId, above);
      visit(item.item ?? [], [...above, item.linkId]);
    }
  };
  visit(items, []);
  return index;
}

export function isHidden(item: QuestionnaireItem): boolean {
  return (item.extension ?? []).some((e) => e.url === HIDDEN && e.valueBoolean === true);
}

/** Children of a response item sit directly under it (groups) or under its answers (questions). */
function childLists(node: QuestionnaireResponseItem): QuestionnaireResponseItem[][] {
  const lists: QuestionnaireResponseItem[][] = [];
  if (node.item) lists.push(node.item);
  for (const answer of node.answer ?? []) if (answer.item) lists.push(answer.item);
  return lists;
}

function settle(
  definitions: QuestionnaireItem[],
  answered: QuestionnaireResponseItem[],
  parent: Frame,
  all: QuestionnaireResponseItem[],
  index: Map<string, string[]>,
): QuestionnaireResponseItem[] {
  const byLinkId = new Map(definitions.map((d) => [d.linkId, d]));
  const kept: QuestionnaireResponseItem[] = [];
  for (const node of answered) {
    const definition = byLinkId.get(node.linkId);
    if (!definition) {
      kept.push(node); // not in the questionnaire: for the server to judge
      continue;
    }
    const frame: Frame = { parent, definition, node };
    if (isHidden(definition) || !enabled(definition, parent, all, index)) {
      continue;
    }
    const copy: QuestionnaireResponseItem = { ...node };
    if (node.item) copy.item = settle(definition.item ?? [], node.item, frame, all, index);
    if (node.answer) {
      copy.answer = node.answer.map((answer) =>
        answer.item
          ? { ...answer, item: settle(definition.item ?? [], answer.item, frame, all, index) }
          : answer,
      );
    }
    kept.push(copy);
  }
  return kept;
}

function enabled(
  definition: QuestionnaireItem,
  parent: Frame,
  all: QuestionnaireResponseItem[],
  index: Map<string, string[]>,
): boolean {
  const conditions = definition.enableWhen ?? [];
  if (!conditions.length) return true;
  const met = (condition: QuestionnaireItemEnableWhen) =>
    conditionMet(condition, answersTo(condition.question, parent, all, index));
  return definition.enableBehavior === 'all' ? conditions.every(met) : conditions.some(met);
}

/**
 * Answers to `question` within the nearest enclosing response node that also encloses the
 * question's definition (so a condition inside a repeating group reads its own instance); the
 * whole response when none does.
 */
function answersTo(
  question: string,
  from: Frame,
  all: QuestionnaireResponseItem[],
  index: Map<string, string[]>,
): QuestionnaireResponseItemAnswer[] {
  const enclosing = index.get(question) ?? [];
  let scope: QuestionnaireResponseItem[] = all;
  for (let frame: Frame | null = from; frame?.node && frame.definition; frame = frame.parent) {
    if (enclosing.includes(frame.definition.linkId)) {
      scope = [frame.node];
      break;
    }
  }
  const answers: QuestionnaireResponseItemAnswer[] = [];
  const collect = (list: QuestionnaireResponseItem[]) => {
    for (const node of list) {
      if (node.linkId === question) answers.push(...(node.answer ?? []));
      childLists(node).forEach(collect);
    }
  };
  collect(scope);
  return answers;
}

type Value = string | number | boolean | { system?: string; code?: string; unit?: string };

function valueOf(source: object): Value | undefined {
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('value') || (key.startsWith('answer') && key !== 'answer')) {
      if (key === 'valueQuantity' || key === 'answerQuantity') {
        const q = value as { value?: number; code?: string; unit?: string };
        return q.value;
      }
      return value as Value;
    }
  }
  return undefined;
}

function same(a: Value, b: Value): boolean {
  if (typeof a === 'object' && typeof b === 'object') {
    return a.code === b.code && (!a.system || !b.system || a.system === b.system);
  }
  return a === b;
}

function compare(a: Value, b: Value): number | null {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function conditionMet(
  condition: QuestionnaireItemEnableWhen,
  answers: QuestionnaireResponseItemAnswer[],
): boolean {
  const values = answers.map(valueOf).filter((v): v is Value => v !== undefined);
  if (condition.operator === 'exists') return values.length > 0 === condition.answerBoolean;
  const expected = valueOf(condition);
  if (expected === undefined) return false;
  const ordered = (test: (sign: number) => boolean) =>
    values.some((v) => {
      const sign = compare(v, expected);
      return sign !== null && test(sign);
    });
  switch (condition.operator) {
    case '=':
      return values.some((v) => same(v, expected));
    case '!=':
      return values.length > 0 && !values.some((v) => same(v, expected));
    case '>':
      return ordered((s) => s > 0);
    case '<':
      return ordered((s) => s < 0);
    case '>=':
      return ordered((s) => s >= 0);
    case '<=':
      return ordered((s) => s <= 0);
    default:
      return false;
  }
}

/** Refero's own "Other" option of an open choice: the typed text is sent beside it as a string. */
const REFERO_OPEN_CHOICE = 'http://helsenorge.no/fhir/CodeSystem/open-choice';

function isReferoOther(answer: QuestionnaireResponseItemAnswer): boolean {
  return answer.valueCoding?.system === REFERO_OPEN_CHOICE && !answer.item?.length;
}

function hasValue(answer: QuestionnaireResponseItemAnswer): boolean {
  return Object.keys(answer).some((key) => key.startsWith('value'));
}

/**
 * Leaves out what carries nothing: answers without a value and without children, items
 * without answers or children, group instances with nothing in them; turns Coding answers
 * back into the string options they stand for.
 */
function clean(
  definitions: QuestionnaireItem[],
  answered: QuestionnaireResponseItem[],
): QuestionnaireResponseItem[] {
  const byLinkId = new Map(definitions.map((d) => [d.linkId, d]));
  const kept: QuestionnaireResponseItem[] = [];
  for (const node of answered) {
    const definition = byLinkId.get(node.linkId);
    const children = definition?.item ?? [];
    const copy: QuestionnaireResponseItem = { ...node };
    if (node.item) {
      const items = clean(children, node.item);
      if (items.length) copy.item = items;
      else delete copy.item;
    }
    if (node.answer) {
      const answers = node.answer
        .filter((answer) => !isReferoOther(answer))
        .map((answer) => {
          const fixed = definition ? asOptionType(definition, answer) : { ...answer };
          if (answer.item) {
            const items = clean(children, answer.item);
            if (items.length) fixed.item = items;
            else delete fixed.item;
          }
          return fixed;
        })
        .filter((answer) => hasValue(answer) || answer.item?.length);
      if (answers.length) copy.answer = answers;
      else delete copy.answer;
    }
    if (copy.answer?.length || copy.item?.length) kept.push(copy);
  }
  return kept;
}

/**
 * Refero answers a choice among string, integer, date or time options with a Coding whose code
 * is the option's value, and a date option with a `valueString`; the server wants the option's
 * own type. An answer already of an option's type, or matching no option, is left as it is.
 */
function asOptionType(
  definition: QuestionnaireItem,
  answer: QuestionnaireResponseItemAnswer,
): QuestionnaireResponseItemAnswer {
  const options = definition.answerOption ?? [];
  if (!options.length || options.some((o) => o.valueCoding)) return { ...answer };
  const [answerKey, answerValue] = valueEntry(answer);
  if (answerKey === undefined) return { ...answer };
  const optionKeys = new Set(options.map((o) => valueEntry(o)[0]));
  if (optionKeys.has(answerKey)) return { ...answer };
  const candidates =
    answerKey === 'valueCoding'
      ? [(answerValue as { code?: string }).code, (answerValue as { display?: string }).display]
      : [String(answerValue)];
  for (const option of options) {
    const [key, value] = valueEntry(option);
    if (key === undefined || !candidates.includes(String(value))) continue;
    const rest = Object.fromEntries(Object.entries(answer).filter(([k]) => k !== answerKey));
    return { ...rest, [key]: value } as QuestionnaireResponseItemAnswer;
  }
  return { ...answer };
}

function valueEntry(source: object): [string | undefined, unknown] {
  return Object.entries(source).find(([key]) => key.startsWith('value')) ?? [undefined, undefined];
}
