import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  ValueSet,
} from 'fhir/r4';
import type { Locator, Page } from 'playwright-core';

const CALCULATED =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';

/** The item's text as the patient sees it (the translation when the form is shown in English). */
export function shownText(
  item: QuestionnaireItem,
  language: 'nb' | 'en',
  formLanguage: string,
): string {
  const text = item.text ?? '';
  if (language === 'en' && !formLanguage.startsWith('en')) {
    const translation = (item._text?.extension ?? [])
      .find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/translation')
      ?.extension?.find((e) => e.url === 'content')?.valueString;
    return translation ?? text;
  }
  return text;
}

function optionText(
  option: NonNullable<QuestionnaireItem['answerOption']>[number],
  language: 'nb' | 'en',
  formLanguage: string,
): string {
  const coding = option.valueCoding;
  if (coding) {
    if (language === 'en' && !formLanguage.startsWith('en')) {
      const translated = (coding._display?.extension ?? [])
        .find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/translation')
        ?.extension?.find((e) => e.url === 'content')?.valueString;
      if (translated) return translated;
    }
    return coding.display ?? coding.code ?? '';
  }
  if (option.valueString !== undefined) return option.valueString;
  if (option.valueInteger !== undefined) return String(option.valueInteger);
  if (option.valueDate !== undefined) return option.valueDate;
  return '';
}

/** What the driver could not put on the screen, by linkId (hidden, calculated, not shown). */
export interface Skipped {
  linkId: string;
  why: 'hidden' | 'calculated' | 'not shown';
}

export interface Filler {
  page: Page;
  questionnaire: Questionnaire;
  language: 'nb' | 'en';
  /** A file for an attachment answer (built from the answer's type, size or inline data). */
  file: (answer: QuestionnaireResponseItemAnswer) => {
    name: string;
    mimeType: string;
    buffer: Buffer;
  };
  skipped: Skipped[];
  /** What the server answered each upload (status, body), in order. */
  uploads?: { status: number; body: string }[];
}

const exact = (text: string) =>
  new RegExp(
    `^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\*|\\(valgfritt\\)|\\(optional\\))?\\s*$`,
  );

function definitionOf(
  items: QuestionnaireItem[] = [],
  linkId: string,
): QuestionnaireItem | undefined {
  for (const item of items) {
    if (item.linkId === linkId) return item;
    const below = definitionOf(item.item, linkId);
    if (below) return below;
  }
  return undefined;
}

/**
 * The smallest part of the form that shows the question `text`: refero gives every item a
 * `.page_refero__component` wrapper, and a group's wrapper holds its children's, so the last
 * match in document order is the question's own.
 */
/**
 * How long a question may take to appear after the answer that enables it: the renderer shows
 * an enabled question on its next render, not at once, so "not on screen" is only concluded
 * after this wait (a driver that looked once skipped questions a patient would have seen).
 */
const APPEARS_WITHIN_MS = 3_000;

/** Polls `find` until it gives a value or the wait is over. */
async function appearing<T>(find: () => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + APPEARS_WITHIN_MS;
  for (;;) {
    const found = await find();
    if (found !== null || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function questionBlock(scope: Locator, text: string): Promise<Locator | null> {
  const blocks = scope.locator('.page_refero__component').filter({
    has: scope
      .page()
      .locator('label, legend, h2, h3, h4, h5, h6, span, p')
      .filter({ hasText: exact(text) }),
  });
  return appearing(async () => {
    const count = await blocks.count();
    if (count === 0) return null;
    const block = blocks.nth(count - 1);
    return (await block.isVisible()) ? block : null;
  });
}

async function fillDate(block: Locator, value: string): Promise<void> {
  const [y, m, d] = value.slice(0, 10).split('-');
  const input = block.getByRole('textbox').first();
  await input.fill(`${d}.${m}.${y}`);
  await input.blur();
}

async function fillTime(block: Locator, value: string): Promise<void> {
  const [h, min] = value.split(':');
  const inputs = block.locator('input:not([type="hidden"])');
  const count = await inputs.count();
  // a time field is two boxes (hours, minutes) after whatever comes before them in the block
  const hours = inputs.nth(count - 2);
  const minutes = inputs.nth(count - 1);
  await hours.fill(h ?? '');
  await minutes.fill(min ?? '');
  await minutes.blur();
}

async function chooseOption(block: Locator, label: string, many: boolean): Promise<void> {
  // Refero labels the first option with the question's text too (its question <label> points at
  // the first input), so an option is found as a patient sees it: by the text beside it
  const type = many ? 'checkbox' : 'radio';
  const control = block
    .locator(`label:has(input[type="${type}"])`)
    .filter({ hasText: exact(label) })
    .locator(`input[type="${type}"]`);
  if ((await control.count()) > 0) {
    if (!(await control.first().isChecked())) {
      await control.first().focus();
      await control.first().press('Space');
    }
    return;
  }
  const select = block.locator('select');
  if ((await select.count()) > 0) {
    await select.first().selectOption({ label });
    return;
  }
  throw new Error(`no option «${label}» on screen`);
}

async function answerQuestion(
  filler: Filler,
  block: Locator,
  item: QuestionnaireItem,
  answers: QuestionnaireResponseItemAnswer[],
): Promise<void> {
  const formLanguage = filler.questionnaire.language ?? 'nb';
  const options = item.answerOption ?? [];
  for (const [index, answer] of answers.entries()) {
    switch (item.type) {
      case 'boolean': {
        // a yes/no question is two radio buttons (Ja/Nei, Yes/No)
        const yes = filler.language === 'en' ? 'Yes' : 'Ja';
        const no = filler.language === 'en' ? 'No' : 'Nei';
        await chooseOption(block, answer.valueBoolean ? yes : no, false);
        break;
      }
      case 'string':
      case 'text':
      case 'url': {
        const value = answer.valueString ?? answer.valueUri ?? '';
        // a repeating question gets a copy of itself below with the form's add button
        const target = item.repeats && index > 0 ? await addCopy(filler, block, item) : block;
        const box = target.getByRole('textbox').first();
        await box.fill(value);
        await box.blur();
        // Refero 22 moves typed text into the form's state 250 ms after the last keystroke
        // (its string debounce): a send within that time goes without the text. A patient
        // pauses longer than that before tapping Send; the driver does too (a known Refero
        // limit, in patient-web/README.md)
        await box.page().waitForTimeout(400);
        break;
      }
      case 'integer':
      case 'decimal': {
        const value = String(answer.valueInteger ?? answer.valueDecimal ?? '');
        const box = block.locator('input').first();
        await box.fill(value);
        await box.blur();
        break;
      }
      case 'quantity': {
        const q = answer.valueQuantity ?? {};
        const box = block.locator('input').first();
        await box.fill(String(q.value ?? ''));
        const select = block.locator('select');
        if ((await select.count()) > 0 && q.unit)
          await select.first().selectOption({ label: q.unit });
        await box.blur();
        break;
      }
      case 'date':
        await fillDate(block, answer.valueDate ?? '');
        break;
      case 'time': {
        const target = item.repeats && index > 0 ? await addCopy(filler, block, item) : block;
        await fillTime(target, answer.valueTime ?? '');
        break;
      }
      case 'dateTime': {
        const value = answer.valueDateTime ?? '';
        await fillDate(block, value);
        await fillTime(block, value.slice(11, 16));
        break;
      }
      case 'choice':
      case 'open-choice': {
        const offered = options.find((option) => {
          if (answer.valueCoding && option.valueCoding) {
            return sameCoding(answer.valueCoding, option.valueCoding);
          }
          return (
            (answer.valueString !== undefined && option.valueString === answer.valueString) ||
            (answer.valueInteger !== undefined && option.valueInteger === answer.valueInteger) ||
            (answer.valueDate !== undefined && option.valueDate === answer.valueDate)
          );
        });
        if (offered) {
          await chooseOption(
            block,
            optionText(offered, filler.language, formLanguage),
            !!item.repeats,
          );
        } else if (answer.valueCoding && item.answerValueSet) {
          // shown with the display the (contained) value set gives the code
          await chooseOption(
            block,
            answer.valueCoding.display ??
              valueSetDisplay(filler.questionnaire, item.answerValueSet, answer.valueCoding) ??
              answer.valueCoding.code ??
              '',
            !!item.repeats,
          );
        } else if (item.type === 'open-choice' && answer.valueString !== undefined) {
          // the free-text box of an open choice ("other")
          const other = block.getByRole('textbox');
          if ((await other.count()) === 0) {
            const last = block.getByRole(item.repeats ? 'checkbox' : 'radio').last();
            await last.check();
          }
          await other.first().fill(answer.valueString);
          await other.first().blur();
        } else {
          throw new Error(`${item.linkId}: the answer ${JSON.stringify(answer)} is not on screen`);
        }
        break;
      }
      case 'attachment': {
        // the app uploads the file as it is chosen; a patient waits until it is there (or refused)
        const input = block.locator('input[type="file"]');
        const uploaded = filler.page.waitForResponse(
          (r) => r.url().includes('/api/me/attachments') && r.request().method() === 'POST',
        );
        await input.setInputFiles(filler.file(answer));
        const response = await uploaded;
        filler.uploads?.push({ status: response.status(), body: await response.text() });
        break;
      }
      default:
        throw new Error(`${item.linkId}: no way to answer a ${item.type} item`);
    }
    if (answer.item?.length) await fillItems(filler, block, answer.item);
  }
}

function valueSetDisplay(
  questionnaire: Questionnaire,
  reference: string,
  coding: Coding,
): string | undefined {
  const id = reference.replace(/^#/, '');
  const valueSet = (questionnaire.contained ?? []).find(
    (r) => r.resourceType === 'ValueSet' && r.id === id,
  ) as ValueSet | undefined;
  for (const include of valueSet?.compose?.include ?? []) {
    if (coding.system && include.system && include.system !== coding.system) continue;
    const concept = include.concept?.find((c) => c.code === coding.code);
    if (concept?.display) return concept.display;
  }
  return undefined;
}

/** Adds a copy of a repeating question with the add button under it; returns the new copy. */
async function addCopy(filler: Filler, block: Locator, item: QuestionnaireItem): Promise<Locator> {
  const formLanguage = filler.questionnaire.language ?? 'nb';
  const text = shownText(item, filler.language, formLanguage);
  const page = filler.page;
  const copies = () =>
    page.locator('.page_refero__component').filter({
      has: page.locator('label, legend').filter({ hasText: exact(text) }),
    });
  const before = await copies().count();
  const last = before > 0 ? copies().nth(before - 1) : block;
  const inside = last.locator('.page_refero__repeatbutton-wrapper').getByRole('button');
  const add =
    (await inside.count()) > 0
      ? inside.last()
      : last
          .locator('xpath=following::*[contains(@class, "page_refero__repeatbutton-wrapper")][1]')
          .getByRole('button')
          .first();
  await add.click();
  await copies().nth(before).waitFor();
  return copies().nth(before);
}

function sameCoding(a: Coding, b: Coding): boolean {
  return a.code === b.code && (a.system ?? '') === (b.system ?? '');
}

/**
 * Answers `items` (a part of a QuestionnaireResponse) on screen, within `scope`, in the order
 * of the table: clicks, typing, choosing, adding repeat instances and files, as a patient does.
 * What is hidden, calculated or not on screen is not answered: it is listed in `skipped`.
 */
export async function fillItems(
  filler: Filler,
  scope: Locator,
  items: QuestionnaireResponseItem[],
): Promise<void> {
  const formLanguage = filler.questionnaire.language ?? 'nb';
  const seen = new Map<string, number>();
  for (const item of items) {
    const definition = definitionOf(filler.questionnaire.item, item.linkId);
    if (!definition) throw new Error(`${item.linkId} is not in the questionnaire`);
    const ext = definition.extension ?? [];
    if (ext.some((e) => e.url === HIDDEN && e.valueBoolean)) {
      filler.skipped.push({ linkId: item.linkId, why: 'hidden' });
      continue;
    }
    if (ext.some((e) => e.url === CALCULATED)) {
      filler.skipped.push({ linkId: item.linkId, why: 'calculated' });
      continue;
    }
    const text = shownText(definition, filler.language, formLanguage);
    if (definition.type === 'group') {
      const instance = seen.get(item.linkId) ?? 0;
      seen.set(item.linkId, instance + 1);
      if (
        !(item.item ?? []).some((child) => (child.answer ?? []).length || (child.item ?? []).length)
      ) {
        continue; // an empty group: nothing to enter
      }
      // refero 22 renders a group as <section id="item_<linkId>…"> with its heading as a direct child
      const groups = scope.locator(`section[id^="item_${item.linkId}"]`).filter({
        has: scope
          .page()
          .locator(':scope > .page_refero__heading')
          .filter({ hasText: exact(text) }),
      });
      if (instance > 0) {
        await scope
          .locator('.page_refero__repeatbutton-wrapper')
          .getByRole('button')
          .last()
          .click();
        await groups.nth(instance).waitFor();
      }
      const count =
        (await appearing(async () => {
          const shown = await groups.count();
          return shown > 0 && (await groups.first().isVisible()) ? shown : null;
        })) ?? 0;
      if (count === 0) {
        filler.skipped.push({ linkId: item.linkId, why: 'not shown' });
        continue;
      }
      await fillItems(filler, groups.nth(Math.min(instance, count - 1)), item.item ?? []);
      continue;
    }
    const block = await questionBlock(scope, text);
    if (!block) {
      filler.skipped.push({ linkId: item.linkId, why: 'not shown' });
      continue;
    }
    await answerQuestion(filler, block, definition, item.answer ?? []);
  }
}
