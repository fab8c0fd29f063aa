/**
 * The only notebook code a lesson page loads up front (about 1 KB gzip). It shows the controls
 * that need JavaScript and waits: the first interaction with a cell (or saved edits, or a shared
 * link) loads the runtime, the worker and the editor. Events that arrive while they load are
 * kept and handed over, so the first click on Run is not lost, and code clicked or typed on
 * meanwhile becomes a plain textarea (draft.ts), so no key typed is lost either.
 */
import { preloadNear } from '../../display/preload';
import { whenUsed } from '../../display/whenUsed';
import { draftOnEvent } from './draft';

/**
 * storage.ts's key for this page's saved edits and share.ts's link prefix, written out:
 * importing those modules would put all of their code, which the runtime needs and this page
 * does not yet, into the lesson's one up-front script (a test checks they agree).
 */
export const savedEditsKey = (page: string) => `nn-live:edits:v1:${page}`;
export const SHARED_LINK_PREFIX = 'cells=';

export function initNotebookLoader(): void {
  if (!document.querySelector('[data-cell]')) return;
  for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
  const load = () => import('./runtime');
  const start = whenUsed(
    document,
    ['pointerdown', 'focusin', 'keydown', 'input', 'click'],
    load,
    ({ startNotebook }, caught: Event[]) => startNotebook(caught),
    (event) => {
      if (!(event.target as Element).closest?.('[data-cell], [data-notebook-bar]')) return false;
      draftOnEvent(event);
      return event;
    },
    () => {
      const message = document.querySelector('[data-notebook-message]');
      if (message) message.textContent = 'The notebook could not be loaded. Check your connection and try again.';
    },
  );
  // A cell near the viewport: the runtime, the editor, KaTeX and a worker get ready ahead of a touch.
  preloadNear([...document.querySelectorAll('[data-cell] pre')], () => load().then(({ warmUp }) => warmUp()));
  showKeysOnQuestionMark();
  let hasEdits = false;
  try {
    hasEdits = localStorage.getItem(savedEditsKey(location.pathname)) !== null;
  } catch {
    // Storage blocked: there are no saved edits to show.
  }
  if (hasEdits || location.hash.startsWith(`#${SHARED_LINK_PREFIX}`)) start();
}

/**
 * `?` pressed anywhere but where it is typed (a field, a cell's code) opens the "Keyboard" list
 * (NotebookBar's dialog; its button is the runtime's). Here, so it works before a cell is used.
 */
function showKeysOnQuestionMark(): void {
  addEventListener('keydown', ({ key, target }) => {
    const at = target as HTMLElement;
    if (key === '?' && !at.isContentEditable && !at.closest('input, textarea, select'))
      document.querySelector<HTMLDialogElement>('[data-notebook-keys]')?.showModal();
  });
}
