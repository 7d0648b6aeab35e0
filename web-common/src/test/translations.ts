import type { i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? keys(child as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function valueAt(resource: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
}

/** An app's texts: the same keys in English as in Norwegian, none of them empty. */
export function expectCompleteTranslations(nb: object, en: object): void {
  expect(keys(en).sort()).toEqual(keys(nb).sort());
  for (const key of keys(nb)) {
    expect(valueAt(nb, key), key).not.toBe('');
    expect(valueAt(en, key), key).not.toBe('');
  }
}

/**
 * An app's own texts: its welcome heading and document title in both languages, and every key in
 * both (the language switch itself is tested in web-common's i18n.test.tsx).
 */
export function describeAppTexts(
  texts: { nb: object; en: object },
  createI18n: (language: 'nb' | 'en') => I18n,
  expected: Record<'nb' | 'en', { heading: string; title: string }>,
): void {
  describe('this app’s texts', () => {
    it('has its welcome heading and document title in both languages', () => {
      for (const language of ['nb', 'en'] as const) {
        const i18n = createI18n(language);
        expect((i18n.t as (key: string) => string)('welcome.heading')).toBe(
          expected[language].heading,
        );
        expect(document.title).toBe(expected[language].title);
      }
    });

    it('has the same keys in English as in Norwegian, none empty', () => {
      expectCompleteTranslations(texts.nb, texts.en);
    });
  });
}
