import { fromDefinition, toDefinition, validateForm } from './pathwayForm';
import type { PathwayDefinition } from './pathways';

/**
 * The corpus of stored definitions the backend round-trips too (backend/src/test/resources/
 * pathways, see its README): the editor, given any of them and saving without edits, sends the
 * same definition back (times as `HH:mm`, which the server reads alike), also when fields this
 * client does not know are added on every level.
 */
const corpus = import.meta.glob<PathwayDefinition>(
  '../../../../../backend/src/test/resources/pathways/*.json',
  { eager: true, import: 'default' },
);

function withShortTimes(definition: PathwayDefinition): PathwayDefinition {
  return {
    ...definition,
    activities: definition.activities.map((a) => ({
      ...a,
      schedule: {
        ...a.schedule,
        windowStart: a.schedule.windowStart.slice(0, 5),
        windowEnd: a.schedule.windowEnd.slice(0, 5),
      },
    })),
  };
}

/** The definition with an unknown field on every object, as a newer server might send it. */
function withUnknownFields(definition: PathwayDefinition): PathwayDefinition {
  const mark = (value: unknown, depth = 0): unknown => {
    if (Array.isArray(value)) return value.map((v) => mark(v, depth + 1));
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => [k, mark(v, depth + 1)]);
      return { ...Object.fromEntries(entries), futureField: { depth, kept: true } };
    }
    return value;
  };
  return mark(definition) as PathwayDefinition;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the editor gives every stored definition of the corpus back unchanged', () => {
  const files = Object.entries(corpus);

  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    const all = files.map(([, d]) => d);
    // between them: every rule kind, both languages and one
    expect(all.some((d) => (d.combinations ?? []).length > 0)).toBe(true);
    expect(all.some((d) => d.activities.some((a) => (a.trends ?? []).length > 0))).toBe(true);
    expect(all.some((d) => d.activities.some((a) => (a.triggers ?? []).length > 0))).toBe(true);
    expect(all.some((d) => d.names === null)).toBe(true);
    expect(all.some((d) => d.names?.en)).toBe(true);
  });

  it.each(files)('%s', (_, stored) => {
    const form = fromDefinition(clone(stored));
    expect(validateForm(form)).toEqual({});
    expect(toDefinition(form).definition).toEqual(withShortTimes(clone(stored)));

    const marked = withUnknownFields(clone(stored));
    expect(toDefinition(fromDefinition(marked)).definition).toEqual(withShortTimes(marked));
  });

  it('keeps the combination rules when another field is edited, and shows the English title', () => {
    const [, everyRule] = files.find(([, d]) => (d.combinations ?? []).length > 0) ?? [];
    if (!everyRule) throw new Error('no combination in the corpus');
    const form = fromDefinition(clone(everyRule));
    expect(form.activities[0]?.titleEn).toBe(everyRule.activities[0]?.titles?.en);
    form.nameEn = 'Renamed';
    const { definition } = toDefinition(form);
    expect(definition.combinations).toEqual(everyRule.combinations);
    expect(definition.names).toEqual({ nb: everyRule.names?.nb, en: 'Renamed' });
  });

  it('sends both languages once an English title is typed into a one-language definition', () => {
    const [, legacy] = files.find(([, d]) => d.names === null) ?? [];
    if (!legacy) throw new Error('no one-language definition in the corpus');
    const form = fromDefinition(clone(legacy));
    const first = form.activities[0];
    if (!first) throw new Error('no activity');
    first.titleEn = 'How are you?';
    const sent = toDefinition(form).definition.activities[0];
    expect(sent?.title).toBe(legacy.activities[0]?.title);
    expect(sent?.titles).toEqual({ nb: legacy.activities[0]?.title, en: 'How are you?' });
  });
});
