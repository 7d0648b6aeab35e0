/**
 * Refero gives its fields generated ids, so the error summary finds a question the way a patient
 * does: by the text of its label (or legend, for choices). Returns the control it focused, or null.
 */
export function focusQuestion(root: ParentNode, text: string): HTMLElement | null {
  const wanted = normalise(text);
  if (!wanted) return null;
  const labels = Array.from(root.querySelectorAll<HTMLElement>('label, legend, h2, h3, h4'));
  const label =
    labels.find((l) => normalise(l.textContent) === wanted) ??
    labels.find((l) => normalise(l.textContent).startsWith(wanted));
  if (!label) return null;
  let control: HTMLElement | null = null;
  if (label instanceof HTMLLabelElement && label.control) control = label.control;
  if (!control) {
    const container = label.closest('fieldset') ?? label.parentElement;
    control = container?.querySelector<HTMLElement>('input, select, textarea, button') ?? null;
  }
  const target = control ?? label;
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
  return target;
}

function normalise(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\*$/, '')
    .trim()
    .toLowerCase();
}
