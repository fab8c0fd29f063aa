/**
 * The exercise code a page loads up front (a few hundred bytes gzip). It shows the controls
 * that need JavaScript and waits; saved answers are put back (by `restore`, loaded only when
 * there are some), and the first answer a student types or checks loads the checker. Events
 * that arrive while it loads are kept and handed over.
 */
import { preloadNear } from '../../display/preload';
import { placeFieldsWhenShown } from './answerFields';
import { whenUsed } from '../../display/whenUsed';

/**
 * progress.ts's PROGRESS_KEY, written out: importing it would make the bundler split a chunk
 * shared with the exercise pages off the lesson's one script (a test checks they agree).
 */
export const SAVED_PROGRESS_KEY = 'nn-live:exercises:v1';

export function initExercises(): void {
  if (!document.querySelector('[data-exercise]')) return;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;
  restoreSaved(document);
  // Fields come with their part's first rendering (answerFields.ts says why); what was saved for
  // them comes back then.
  placeFieldsWhenShown(restoreSaved);
  checkOnFirstAnswer();
}

/** Puts saved answers back into `scope`, loading the code that does it only if there are some. */
function restoreSaved(scope: ParentNode): void {
  let saved = false;
  try {
    saved = localStorage.getItem(SAVED_PROGRESS_KEY) !== null;
  } catch {
    // Storage blocked: nothing was saved.
  }
  // (Not destructured in the parameter: Vite would wrap the import in longer code.)
  if (saved) void import('./restore').then((restore) => restore.restoreAll(scope));
}

/**
 * The checker loads with the first answer typed, checked or marked, and the events that led to it
 * are replayed once it is there. If it cannot be loaded, the form says so; the next answer retries.
 * A derivation in steps has its own (stepsAnswering.ts), loaded the same way when its field is
 * first used (a key pressed in it loads it too: Ctrl+Enter checks there), so a page whose student
 * answers in one line never loads it. (The sheet page keeps a copy of this in sheetPage.ts: a
 * module both pages imported would be split into a chunk of its own, an extra request before a
 * lesson page can catch a click.)
 */
function checkOnFirstAnswer(): void {
  const steps = 'form[data-answer-type="steps"]';
  const answering = () => import('./answering');
  const stepsAnswering = () => import('./stepsAnswering');
  // Ahead of the first answer, when an answer field nears the viewport.
  preloadNear([...document.querySelectorAll(`[data-answer-form]:not(${steps})`)], answering);
  preloadNear([...document.querySelectorAll(steps)], stepsAnswering);
  whenUsed(
    document,
    ['input', 'submit', 'click'],
    answering,
    ({ startAnswering }, caught: Event[]) => startAnswering(caught),
    keep('[data-answer-form], [data-mark-done]', steps),
    notLoaded,
  );
  whenUsed(
    document,
    ['input', 'submit', 'keydown'],
    stepsAnswering,
    ({ startStepsAnswering }, caught: Event[]) => startStepsAnswering(caught),
    keep(steps),
    notLoaded,
  );
}

/** Keeps the events in `forms` (and not in `other`); checking happens here, never by sending the form. */
const keep = (forms: string, other?: string) => (event: Event) => {
  const target = event.target as Element;
  if (!target.closest?.(forms) || (other && target.closest(other))) return false;
  if (event.type === 'submit') event.preventDefault();
  return event;
};

/** Offline or a failed deploy: said where the student is looking; the next event retries. */
function notLoaded(event: Event | undefined): void {
  const verdict = (event?.target as Element | undefined)
    ?.closest('[data-answer-form]')
    ?.querySelector('[data-answer-verdict]');
  if (verdict) verdict.textContent = 'The answer checker could not be loaded. Check your connection and try again.';
}
