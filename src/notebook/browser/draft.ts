/**
 * Typing before the editor has loaded. When a student clicks into a cell's code, or starts
 * typing on it from the keyboard, its highlighted `<pre>` becomes a plain textarea at once, with
 * the caret where they clicked, so every key lands somewhere; when CodeMirror arrives it takes
 * the textarea's text, selection and focus. Part of the lesson page's up-front script: small.
 */

/** The textarea a cell's code becomes before the editor loads. */
export const DRAFT_SELECTOR = 'textarea[data-cell-draft]';

let pointer: { x: number; y: number; target: EventTarget | null } | undefined;

/** The character offset in `pre`'s text of the point (x, y), or 0 when it cannot be told. */
function offsetAt(pre: HTMLElement, x: number, y: number): number {
  const position = document.caretPositionFromPoint?.(x, y);
  const node = position?.offsetNode;
  if (!position || !node || !pre.contains(node)) return 0;
  let offset = 0;
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return offset + position.offset;
    offset += text.textContent?.length ?? 0;
  }
  return 0;
}

/** Replaces a cell's highlighted code with a focused textarea holding the same text. */
function openDraft(pre: HTMLElement, caret: number): HTMLTextAreaElement {
  const text = pre.textContent ?? '';
  const area = document.createElement('textarea');
  area.className = 'cell-draft';
  area.value = text;
  area.spellcheck = false;
  area.autocapitalize = 'off';
  area.rows = text.split('\n').length;
  area.dataset['cellDraft'] = '';
  const label = pre.closest('[data-cell]')?.getAttribute('aria-label');
  area.setAttribute('aria-label', `Code of ${label ?? 'this cell'}. Shift+Enter runs it.`);
  pre.replaceWith(area);
  area.focus();
  area.setSelectionRange(caret, caret);
  return area;
}

/**
 * Opens a draft for the event if it is one that should: focus that follows a pointer going down
 * on the code (the caret goes where it went down), or a key that types on focused code (the key
 * then lands in the draft). Focus from the keyboard alone opens nothing: Enter opens the editor.
 */
export function draftOnEvent(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const pre = target?.closest<HTMLElement>('[data-cell-editor] pre');
  if (!pre) return;
  if (event.type === 'pointerdown') {
    const { clientX: x, clientY: y } = event as PointerEvent;
    pointer = { x, y, target: event.target };
  } else if (event.type === 'focusin' && pointer && pre.contains(pointer.target as Node)) {
    openDraft(pre, offsetAt(pre, pointer.x, pointer.y));
    pointer = undefined;
  } else if (event.type === 'keydown') {
    const key = event as KeyboardEvent;
    if ((key.key.length === 1 || key.key === 'Backspace' || key.key === 'Delete') && !key.ctrlKey && !key.metaKey && !key.altKey) openDraft(pre, 0);
  }
}
