import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';

/**
 * A questionnaire's texts in another language. FHIR keeps them in the `translation` extension
 * (sub-extensions `lang` and `content`) on the element's `_text`, `_title`, `_display` companion;
 * the element's own value is in the questionnaire's `language` (bokmål when it has none).
 */
export const TRANSLATION_URL = 'http://hl7.org/fhir/StructureDefinition/translation';
const CALCULATED_EXPRESSION =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

/** nb-NO → nb, EN → en. */
export function primarySubtag(tag: string): string {
  return (tag.split('-')[0] ?? tag).trim().toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function translationsOf(companion: unknown): Array<{ lang: string; content: string }> {
  if (!isRecord(companion) || !Array.isArray(companion.extension)) return [];
  return (companion.extension as Extension[])
    .filter((ext) => ext.url === TRANSLATION_URL)
    .flatMap((ext) => {
      const lang = ext.extension?.find((e) => e.url === 'lang')?.valueCode;
      const content = ext.extension?.find((e) => e.url === 'content')?.valueString;
      return lang && content !== undefined ? [{ lang: primarySubtag(lang), content }] : [];
    });
}

/** The questionnaire's own language (primary subtag). */
export function ownLanguage(questionnaire: Questionnaire): string {
  return primarySubtag(questionnaire.language ?? 'nb');
}

/** Every language the questionnaire has texts in, its own first. */
export function languagesOf(questionnaire: Questionnaire): string[] {
  const found = new Set<string>([ownLanguage(questionnaire)]);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('_')) translationsOf(value).forEach((t) => found.add(t.lang));
        visit(value);
      }
    }
  };
  visit(questionnaire);
  return [...found];
}

/**
 * A copy of the questionnaire with every translated text replaced by its `language` version;
 * texts without a translation stay as they are.
 */
export function localize(questionnaire: Questionnaire, language: string): Questionnaire {
  const wanted = primarySubtag(language);
  if (wanted === ownLanguage(questionnaire)) return questionnaire;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isRecord(node)) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = rewrite(value);
    for (const key of Object.keys(node)) {
      if (!key.startsWith('_')) continue;
      const base = key.slice(1);
      const match = translationsOf(node[key]).find((t) => t.lang === wanted);
      if (match && typeof node[base] === 'string') copy[base] = match.content;
    }
    return copy;
  };
  return { ...(rewrite(questionnaire) as Questionnaire), language: wanted };
}

export interface ScoreItem {
  linkId: string;
  text: string;
}

/** Items whose value is calculated (SDC calculatedExpression): what score thresholds refer to. */
export function scoreItems(questionnaire: Questionnaire): ScoreItem[] {
  const found: ScoreItem[] = [];
  const visit = (items: QuestionnaireItem[] | undefined) => {
    for (const item of items ?? []) {
      if (item.extension?.some((ext) => ext.url === CALCULATED_EXPRESSION)) {
        found.push({ linkId: item.linkId, text: item.text ?? item.linkId });
      }
      visit(item.item);
    }
  };
  visit(questionnaire.item);
  return found;
}
