/**
 * The exercise code a page loads up front (a few hundred bytes gzip). It shows the controls
 * that need JavaScript and waits; saved answers are put back (by `restore`, loaded only when
 * there are some), and the first answer a student types or checks loads the checker. Events
 * that arrive while it loads are kept and handed over.
 */

/**
 * progress.ts's PROGRESS_KEY, written out: importing it would make the bundler split a chunk
 * shared with the exercise pages off the lesson's one script (a test checks they agree).
 */
export const SAVED_PROGRESS_KEY = 'nn-live:exercises:v1';

const TRIGGERS = ['input', 'submit', 'click'] as const;

export function initExercises(): void {
  if (!document.querySelector('[data-exercise]')) return;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;
  let saved = false;
  try {
    saved = localStorage.getItem(SAVED_PROGRESS_KEY) !== null;
  } catch {
    // Storage blocked: nothing was saved.
  }
  if (saved) void import('./restore').then(({ restoreAll }) => restoreAll());

  const caught: Event[] = [];
  let started = false;
  function listener(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest('[data-answer-form], [data-mark-done]')) return;
    // Checking happens here, never by submitting the form to the server.
    if (event.type === 'submit') event.preventDefault();
    caught.push(event);
    if (started) return;
    started = true;
    import('./answering').then(
      ({ startAnswering }) => {
        for (const type of TRIGGERS) document.removeEventListener(type, listener, true);
        startAnswering(caught);
      },
      () => {
        // Offline or a failed deploy: say so where the student is looking, and retry next time.
        started = false;
        caught.length = 0;
        const verdict = target.closest('[data-answer-form]')?.querySelector('[data-answer-verdict]');
        if (verdict) verdict.textContent = 'The answer checker could not be loaded. Check your connection and try again.';
      },
    );
  }
  for (const type of TRIGGERS) document.addEventListener(type, listener, true);
}
