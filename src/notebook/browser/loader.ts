/**
 * The only notebook code a lesson page loads up front (about 1.5 KB gzip). It shows the
 * controls that need JavaScript and waits: the first interaction with a cell (or saved edits,
 * or a shared link) loads the runtime, the worker and the editor. Events that arrive while they
 * load are kept and handed over, so the first click on Run is not lost, and code focused
 * meanwhile becomes a plain textarea (draft.ts), so no key typed is lost either.
 */
import { draftOnEvent } from './draft';

/**
 * storage.ts's key for this page's saved edits and share.ts's link prefix, written out:
 * importing those modules would put all of their code, which the runtime needs and this page
 * does not yet, into the lesson's one up-front script (a test checks they agree).
 */
export const savedEditsKey = (page: string) => `nn-live:edits:v1:${page}`;
export const SHARED_LINK_PREFIX = 'cells=';

const TRIGGERS = ['pointerdown', 'focusin', 'keydown', 'input', 'click'] as const;

export function initNotebookLoader(): void {
  if (!document.querySelector('[data-cell]')) return;
  for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
  const caught: Event[] = [];
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./runtime')
      .then(({ startNotebook }) => startNotebook(caught))
      .finally(() => {
        for (const type of TRIGGERS) document.removeEventListener(type, listener, true);
      });
  };
  function listener(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest('[data-cell], [data-notebook-bar]')) return;
    // Code clicked or typed on before the editor is here becomes a textarea: no key is lost.
    draftOnEvent(event);
    // Shift+Enter in a draft runs the cell (once the runtime is here) instead of adding a line.
    const key = event as KeyboardEvent;
    if (event.type === 'keydown' && key.key === 'Enter' && (key.shiftKey || key.ctrlKey || key.metaKey) && target.matches('[data-cell-draft]')) event.preventDefault();
    caught.push(event);
    start();
  }
  for (const type of TRIGGERS) document.addEventListener(type, listener, true);
  let hasEdits = false;
  try {
    hasEdits = localStorage.getItem(savedEditsKey(location.pathname)) !== null;
  } catch {
    // Storage blocked: there are no saved edits to show.
  }
  if (hasEdits || location.hash.startsWith(`#${SHARED_LINK_PREFIX}`)) start();
}
