/**
 * Typing before the editor has loaded. When a student clicks into a cell's code, or starts
 * typing on it from the keyboard, its highlighted `<pre>` becomes editable at once (plain text),
 * so the caret goes where they clicked and every key lands; when CodeMirror arrives it takes the
 * text, the selection and the focus (`readDraft` in editor.ts). The part that runs up front is a few lines:
 * the browser places the caret and takes the keys itself.
 */

/** A cell's code made editable before the editor loaded. */
export const DRAFT_SELECTOR = '[data-cell-draft]';

/**
 * Makes a cell's highlighted code editable if `event` is one that starts editing it: a pointer
 * going down on it, or a key that types while it has focus (Enter and the like open the editor
 * instead). In a draft, Shift+Enter runs the cell (once the runtime is here) rather than adding
 * a line. Part of the lesson page's up-front script.
 */
export function draftOnEvent(event: Event): void {
  const pre = (event.target as Element).closest?.<HTMLElement>('[data-cell-editor] pre');
  const key = event as KeyboardEvent;
  if (!pre) return;
  if (pre.isContentEditable) {
    if (key.key === 'Enter' && (key.shiftKey || key.ctrlKey || key.metaKey)) event.preventDefault();
  } else if (
    event.type === 'pointerdown' ||
    (event.type === 'keydown' && key.key.length === 1 && !key.ctrlKey && !key.metaKey)
  ) {
    pre.contentEditable = 'plaintext-only';
    pre.dataset['cellDraft'] = '';
    // From the keyboard, typing starts at the beginning, where the editor would put the caret.
    if (event.type === 'keydown') getSelection()?.collapse(pre, 0);
  }
}
