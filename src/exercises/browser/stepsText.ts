/**
 * A steps field's text, wherever it changes (typed, restored, loaded from a file): the field
 * grows with its lines where CSS field-sizing cannot do it, and its copy for print holds the same
 * text. Small and apart from the checker, so the page's restore can use it without loading that.
 */

/** Lines a steps field shows at least, and at most before it scrolls (MAX_STEPS and one to type in). */
const ROWS = { min: 4, max: 41 } as const;

/** After a steps field's text changed. */
export function fitStepsField(field: HTMLTextAreaElement): void {
  const lines = field.value.split(/\r\n|\r|\n/).length;
  field.rows = Math.min(Math.max(lines + 1, ROWS.min), ROWS.max);
  const copy = field.closest('form')?.querySelector('[data-steps-print]');
  if (copy) copy.textContent = field.value.trim() === '' ? '' : field.value;
}

/**
 * After texts were put back (saved, or loaded from a file): each steps field fitted to its text,
 * and where its text was put back (it is the field's default again, see restoreExercise), the
 * lines drawn for the text it held before go; Check draws them again.
 */
export function resetStepsFields(scope: ParentNode = document): void {
  for (const field of scope.querySelectorAll<HTMLTextAreaElement>('textarea[data-steps]')) {
    fitStepsField(field);
    const lines = field.closest('form')?.querySelector<HTMLElement>('[data-steps-lines]');
    if (lines && field.value === field.defaultValue) {
      lines.replaceChildren();
      lines.hidden = true;
    }
  }
}
