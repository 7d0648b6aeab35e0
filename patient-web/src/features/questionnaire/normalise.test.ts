import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { YES_NO_SYSTEM, withBooleanAnswers } from './booleans';
import { normaliseResponse } from './normalise';

// The server's conformance corpus: what the app sends must be what the server keeps.
const CORPUS = import.meta.glob<unknown>(
  '../../../../backend/src/test/resources/sdc/*/{questionnaire,cases}.json',
  { eager: true, import: 'default' },
);
const PREFIX = '../../../../backend/src/test/resources/sdc/';

interface CorpusCase {
  name: string;
  items: QuestionnaireResponseItem[];
  expect: {
    outcome: 'stored' | 'refused';
    dropped?: string[];
    answers?: Record<string, unknown[]>;
  };
}

function load(folder: string): { questionnaire: Questionnaire; cases: CorpusCase[] } {
  const cases = CORPUS[`${PREFIX}${folder}/cases.json`] as { cases: CorpusCase[] } | undefined;
  const questionnaire = CORPUS[`${PREFIX}${folder}/questionnaire.json`] as
    Questionnaire | undefined;
  if (!cases || !questionnaire) throw new Error(`no corpus folder ${folder}`);
  return { questionnaire, cases: cases.cases };
}

const response = (item: QuestionnaireResponseItem[]): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  item,
});

function withoutChildren(answer: object): object {
  return Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'item'));
}

function find(cases: CorpusCase[], name: string): CorpusCase {
  const found = cases.find((k) => k.name === name);
  if (!found) throw new Error(`no corpus case ${name}`);
  return found;
}

/** Every answered linkId with its values, in order (children included). */
function answers(items: QuestionnaireResponseItem[] = []): [string, unknown[]][] {
  return items.flatMap((i) => [
    ...(i.answer?.length
      ? [[i.linkId, i.answer.map((answer) => withoutChildren(answer))] as [string, unknown[]]]
      : []),
    ...answers(i.item),
    ...(i.answer ?? []).flatMap((a) => answers(a.item)),
  ]);
}

// Drops these cases leave to the server: enableWhenExpression reads values the server calculates.
// The app keeps these answers and the server drops them (reported back in `dropped`).
const SERVER_ONLY_DROPS: Record<string, string[]> = {
  '07-calculated-nb/half-ordinal-rounds': ['advice'],
  '09-nested-nb/no-nights-all-stale': ['many'],
};

const folders = [
  ...new Set(Object.keys(CORPUS).map((path) => path.slice(PREFIX.length).split('/')[0] ?? '')),
].filter((folder) => folder !== '06b-external-valueset-en'); // refused at import

describe('normaliseResponse over the SDC corpus', () => {
  it('reads the whole corpus', () => {
    expect(folders.length).toBeGreaterThanOrEqual(9);
  });

  for (const folder of folders) {
    const { questionnaire, cases } = load(folder);
    for (const c of cases.filter((k) => k.expect.outcome === 'stored')) {
      const key = `${folder}/${c.name}`;
      it(`${key}: sends no answer the server would drop, keeps every other answer`, () => {
        const sent = normaliseResponse(questionnaire, response(c.items)).item ?? [];
        const serverOnly = SERVER_ONLY_DROPS[key] ?? [];
        const dropped = new Set((c.expect.dropped ?? []).filter((l) => !serverOnly.includes(l)));
        const hidden = new Set(hiddenLinkIds(questionnaire));
        const got = answers(sent);
        for (const linkId of dropped) {
          // what the server keeps of a dropped question (another instance's answer), or nothing
          const kept = c.expect.answers?.[linkId] ?? [];
          expect(
            got.filter(([l]) => l === linkId).flatMap(([, values]) => values),
            `${linkId} should have been left out`,
          ).toEqual(kept);
        }
        const expected = answers(c.items).filter(
          ([linkId]) => !dropped.has(linkId) && !hidden.has(linkId),
        );
        expect(got.filter(([linkId]) => !dropped.has(linkId))).toEqual(expected);
      });
    }
  }
});

function hiddenLinkIds(questionnaire: Questionnaire): string[] {
  const out: string[] = [];
  const visit = (items: Questionnaire['item'] = []) => {
    for (const item of items) {
      if (item.extension?.some((e) => e.url.endsWith('questionnaire-hidden') && e.valueBoolean))
        out.push(item.linkId);
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  return out;
}

describe('normaliseResponse on what refero hands over', () => {
  const { questionnaire } = load('01-groups-nb');

  it('leaves out a No for a hidden or disabled yes/no question, and empty items', () => {
    const fromRefero = response([
      {
        linkId: 'about',
        item: [
          {
            linkId: 'smoker',
            answer: [
              { valueCoding: { system: YES_NO_SYSTEM, code: 'false' }, item: [{ linkId: 'cigs' }] },
            ],
          },
          { linkId: 'clinic-note', answer: [] },
        ],
      },
      {
        linkId: 'quit',
        item: [
          {
            linkId: 'wants-quit',
            answer: [{ valueCoding: { system: YES_NO_SYSTEM, code: 'false' } }],
          },
        ],
      },
    ]);
    const sent = normaliseResponse(questionnaire, withBooleanAnswers(questionnaire, fromRefero));
    expect(sent.item).toEqual([
      { linkId: 'about', item: [{ linkId: 'smoker', answer: [{ valueBoolean: false }] }] },
    ]);
  });

  it('sends one item per repeating group instance and drops an empty instance', () => {
    const { questionnaire: repeating, cases } = load('03-repeating-nb');
    const two = find(cases, 'two-instances');
    const sent = normaliseResponse(
      repeating,
      response([...two.items, { linkId: 'med', item: [{ linkId: 'med-name', answer: [] }] }]),
    );
    expect(sent.item?.filter((i) => i.linkId === 'med')).toHaveLength(
      two.items.filter((i) => i.linkId === 'med').length,
    );
    expect(sent.item).toEqual(two.items);
  });

  it('keeps a valueString option a string when refero made it a Coding', () => {
    const { questionnaire: options, cases } = load('05-options-nb');
    const stringCase = find(cases, 'string-option-child');
    const asCoding = JSON.parse(
      JSON.stringify(stringCase.items).replace(
        /"valueString":("[^"]*")/g,
        (_m, s: string) => `"valueCoding":{"code":${s},"display":${s}}`,
      ),
    ) as QuestionnaireResponseItem[];
    const sent = normaliseResponse(options, response(asCoding));
    expect(answers(sent.item)).toEqual(answers(stringCase.items));
  });
});
