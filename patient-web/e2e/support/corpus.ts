import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from 'fhir/r4';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The SDC conformance corpus the server tests read (backend/src/test/resources/sdc/, see its
 * README): the same files, so the browser and the server are held to one table.
 */
export const CORPUS_DIR = fileURLToPath(
  new URL('../../../backend/src/test/resources/sdc/', import.meta.url),
);

export interface Expect {
  outcome: 'stored' | 'refused';
  dropped?: string[];
  scores?: Record<string, number | string>;
  answers?: Record<string, QuestionnaireResponseItemAnswer[]>;
  absent?: string[];
  type?: string;
  linkId?: string;
  text?: string;
  limit?: string;
}

export interface Case {
  form: string;
  name: string;
  language?: string;
  items: QuestionnaireResponseItem[];
  expect: Expect;
  /** Why a patient cannot produce this answer set in the app (the server tests still run it). */
  serverOnly?: string;
  /** Part of the browser run of the default build (the whole corpus runs with HEIMA_E2E_FULL_CORPUS=1). */
  browserSubset?: boolean;
}

export interface Form {
  folder: string;
  questionnaire: Questionnaire;
  importRefused: boolean;
  cases: Case[];
}

export function readCorpus(): Form[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => statSync(`${CORPUS_DIR}${name}`).isDirectory())
    .sort()
    .map((folder) => {
      const body = JSON.parse(readFileSync(`${CORPUS_DIR}${folder}/cases.json`, 'utf8')) as {
        notes?: { import?: string };
        cases: Omit<Case, 'form'>[];
      };
      return {
        folder,
        questionnaire: JSON.parse(
          readFileSync(`${CORPUS_DIR}${folder}/questionnaire.json`, 'utf8'),
        ) as Questionnaire,
        importRefused: body.notes?.import === 'refused',
        cases: body.cases.map((c) => ({ ...c, form: folder })),
      };
    });
}

export function canonical(q: Questionnaire): string {
  return `${q.url ?? ''}|${q.version ?? ''}`;
}

/** Every item definition by linkId. */
export function definitions(q: Questionnaire): Map<string, QuestionnaireItem> {
  const map = new Map<string, QuestionnaireItem>();
  const visit = (items: QuestionnaireItem[] = []) =>
    items.forEach((item) => {
      map.set(item.linkId, item);
      visit(item.item);
    });
  visit(q.item);
  return map;
}

/** Every answer to `linkId` anywhere in the response, in document order. */
export function answersOf(
  items: QuestionnaireResponseItem[] = [],
  linkId: string,
): QuestionnaireResponseItemAnswer[] {
  const found: QuestionnaireResponseItemAnswer[] = [];
  const visit = (list: QuestionnaireResponseItem[] = []) =>
    list.forEach((item) => {
      if (item.linkId === linkId) found.push(...(item.answer ?? []));
      visit(item.item);
      (item.answer ?? []).forEach((answer) => visit(answer.item));
    });
  visit(items);
  return found;
}

export function present(response: QuestionnaireResponse, linkId: string): boolean {
  let found = false;
  const visit = (list: QuestionnaireResponseItem[] = []) =>
    list.forEach((item) => {
      if (item.linkId === linkId) found = true;
      visit(item.item);
      (item.answer ?? []).forEach((answer) => visit(answer.item));
    });
  visit(response.item);
  return found;
}

function valueOf(answer: QuestionnaireResponseItemAnswer): [string, unknown] {
  const key = Object.keys(answer).find((k) => k.startsWith('value'));
  return key ? [key, (answer as Record<string, unknown>)[key]] : ['', undefined];
}

/**
 * One stored answer against one expected, compared as the server tests compare them
 * (`SdcCorpus.sameValue`): Codings on system and code, decimals and quantities by number (and
 * unit code), attachments by content type, anything else by its value.
 */
export function sameAnswer(
  expected: QuestionnaireResponseItemAnswer,
  actual: QuestionnaireResponseItemAnswer,
): boolean {
  const [ek, ev] = valueOf(expected);
  const [ak, av] = valueOf(actual);
  if (ek !== ak) return false;
  if (ek === 'valueCoding') {
    const e = ev as { system?: string; code?: string };
    const a = av as { system?: string; code?: string };
    return e.system === a.system && e.code === a.code;
  }
  if (ek === 'valueQuantity') {
    const e = ev as { value?: number; code?: string };
    const a = av as { value?: number; code?: string };
    return Number(e.value) === Number(a.value) && e.code === a.code;
  }
  if (ek === 'valueDecimal') return Number(ev) === Number(av);
  if (ek === 'valueAttachment') {
    return (
      (ev as { contentType?: string }).contentType === (av as { contentType?: string }).contentType
    );
  }
  return JSON.stringify(ev) === JSON.stringify(av);
}

/** The same test as `SdcCorpus.sameScore`: the same number, or the same text. */
export function sameScore(
  expected: number | string,
  score: { value: number | null; valueText: string | null } | undefined,
): boolean {
  if (!score) return false;
  if (typeof expected === 'number') {
    return score.value !== null && Number(score.value) === expected;
  }
  return score.valueText === expected;
}

/** What differs between the stored response and the table's expectation (empty when nothing). */
export function differences(stored: QuestionnaireResponse, expect: Expect): string[] {
  const problems: string[] = [];
  for (const [linkId, wanted] of Object.entries(expect.answers ?? {})) {
    const actual = answersOf(stored.item, linkId);
    if (actual.length !== wanted.length) {
      problems.push(`${linkId}: ${actual.length} answer(s) stored, ${wanted.length} expected`);
      continue;
    }
    wanted.forEach((answer, i) => {
      const got = actual[i];
      if (!got || !sameAnswer(answer, got)) {
        problems.push(
          `${linkId}[${i}]: stored ${JSON.stringify(got)}, expected ${JSON.stringify(answer)}`,
        );
      }
    });
  }
  for (const linkId of expect.absent ?? []) {
    if (present(stored, linkId)) problems.push(`${linkId}: stored, expected absent`);
  }
  return problems;
}
