import type { i18n as I18n } from 'i18next';
import { expect, it } from 'vitest';
import { problemMessage } from '../problemMessages';

/**
 * Defines one test per problem type: the app has its own sentence for it in both languages (not
 * the server's English detail).
 */
export function itHasASentenceForEach(
  types: readonly string[],
  createI18n: (language: 'nb' | 'en') => I18n,
): void {
  it.each(types)('has a sentence for %s in both languages', (type) => {
    for (const language of ['nb', 'en'] as const) {
      const message = problemMessage(createI18n(language), {
        type,
        status: 400,
        detail: 'server detail',
      });
      expect(message).not.toBe('server detail');
      expect(message.length).toBeGreaterThan(10);
    }
  });
}
