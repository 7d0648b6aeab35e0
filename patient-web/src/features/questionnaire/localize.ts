import type { Questionnaire } from 'fhir/r4';

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

interface Extension {
  url?: string;
  valueCode?: string;
  valueString?: string;
  extension?: Extension[];
}

function translation(element: unknown, language: string): string | undefined {
  const extensions = (element as { extension?: Extension[] } | undefined)?.extension ?? [];
  for (const extension of extensions) {
    if (extension.url !== TRANSLATION) continue;
    const lang = extension.extension?.find((part) => part.url === 'lang')?.valueCode;
    const content = extension.extension?.find((part) => part.url === 'content')?.valueString;
    if (lang && content && (lang === language || lang.split('-')[0] === language)) return content;
  }
  return undefined;
}

function walk(node: unknown, language: string): unknown {
  if (Array.isArray(node)) return node.map((child) => walk(child, language));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) copy[key] = walk(value, language);
  for (const [key, value] of Object.entries(source)) {
    // FHIR keeps a string's extensions in `_<name>`; the translation extension sits there.
    if (!key.startsWith('_') || typeof source[key.slice(1)] !== 'string') continue;
    const translated = translation(value, language);
    if (translated !== undefined) copy[key.slice(1)] = translated;
  }
  return copy;
}

/**
 * The questionnaire with its texts (title, item texts, answer displays, …) in `language`, taken
 * from FHIR `translation` extensions where they exist; Norwegian, the primary language, elsewhere.
 * Refero renders `text` and `display` only, so the choice of language is made here.
 */
export function localizeQuestionnaire(
  questionnaire: Questionnaire,
  language: string,
): Questionnaire {
  const primary = (questionnaire.language ?? 'nb').split('-')[0];
  if (language === primary) return questionnaire;
  const localized = walk(questionnaire, language) as Questionnaire;
  return { ...localized, language };
}

/** The text of the item with `linkId`, searched through groups. */
export function itemText(questionnaire: Questionnaire, linkId: string): string | undefined {
  const search = (items: Questionnaire['item']): string | undefined => {
    for (const item of items ?? []) {
      if (item.linkId === linkId) return item.text;
      const found = search(item.item);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(questionnaire.item);
}
