import { expect } from 'vitest';

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
