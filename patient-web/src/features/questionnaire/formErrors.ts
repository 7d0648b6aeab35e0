/** One question the form will not let through, as the error summary names it. */
export interface FieldError {
  /** The id of the field to move to (the question's first input). */
  id: string;
  /** The question's text as shown on screen. */
  question: string;
  /** Refero's message under the field ("Du må svare på dette spørsmålet"). */
  message: string;
}

/** Refero's (designsystem's) error text under a field. */
const ERROR_TEXT = '[class*="error-wrapper__errors"]';
const QUESTION_LABEL = 'legend, label, .page_refero__label';

function clean(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\*$/, '')
    .replace(/\s*\((valgfritt|optional)\)$/i, '')
    .trim();
}

/**
 * Refero's own summary lists only its messages ("Du må svare på dette spørsmålet" five times),
 * not which questions they belong to. This reads the form as a patient sees it after a refused
 * submit: every field error on screen, with the question it stands under (the legend of a group
 * of options, else the field's label) and the field to move to, in the order of the form.
 */
export function collectFieldErrors(root: ParentNode): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<Element>();
  for (const element of Array.from(root.querySelectorAll<HTMLElement>(ERROR_TEXT))) {
    const message = clean(element.textContent);
    if (!message) continue;
    const component = element.closest('.page_refero__component') ?? element.parentElement;
    if (!component || seen.has(component)) continue;
    seen.add(component);
    const control = component.querySelector<HTMLElement>(
      'input:not([type="hidden"]), select, textarea',
    );
    const label = component.querySelector<HTMLElement>(QUESTION_LABEL);
    const question =
      clean(label?.querySelector('legend') ? null : label?.textContent) ||
      clean(control?.getAttribute('aria-label')) ||
      message;
    if (control && !control.id) control.id = `field-${String(errors.length + 1)}`;
    errors.push({ id: control?.id ?? '', question, message });
  }
  return errors;
}
