/**
 * The exercise code a page loads up front (a few hundred bytes gzip): it puts saved answers
 * back and shows each exercise's state, then waits. The first answer a student types or
 * checks loads the checker; events that arrive while it loads are kept and handed over.
 */
import { exerciseRoots, restoreExercise } from './dom';
import { loadProgress } from '../progress';

const TRIGGERS = ['input', 'submit', 'click'] as const;

export function initExercises(): void {
  const roots = exerciseRoots();
  if (roots.length === 0) return;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;
  const progress = loadProgress();
  for (const root of roots) restoreExercise(root, progress[root.dataset['exercise']!]);

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
