import type { FieldError } from '@heima/web-common/problem';

// The pieces the pathway form and its parts (combinationForm) share, so the parts need not import
// the form module back.

/** Fields of a stored object that the form does not edit, sent back as they came. */
export type Rest = Record<string, unknown>;

export const BOUNDS = ['redLow', 'yellowLow', 'yellowHigh', 'redHigh'] as const;
export type Bound = (typeof BOUNDS)[number];

export interface TextPair {
  nb: string;
  en: string;
  /** The stored text as it came (null when there was none), so it goes back unchanged. */
  stored?: Record<string, unknown> | null;
}

/**
 * The text to send: both languages (blank as null) with whatever else the stored object held, or
 * null when there was none and none was typed.
 */
export function textOut(pair: TextPair): { nb: string | null; en: string | null } | null {
  const nb = nullIfBlank(pair.nb);
  const en = nullIfBlank(pair.en);
  if (pair.stored === null && nb === null && en === null) return null;
  const { nb: _nb, en: _en, ...rest } = pair.stored ?? {};
  void _nb;
  void _en;
  return { ...rest, nb, en };
}

/** Blank (after trimming) as null, else the trimmed text. */
export function nullIfBlank(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

/** Errors by form path; a path is where the message is shown. */
export type FormErrors = Record<string, FieldError>;
