/**
 * The explorer code a lesson loads up front (a few hundred bytes): it shows the controls and
 * waits. The first touch, focus or key on an explorer loads the explorer itself; a click that
 * started the load (on Play, say) is carried out once it is there. A link that holds an
 * explorer's set-up loads it straight away, so the shared set-up is what the reader sees.
 */
import { preloadNear } from '../../display/preload';
import { whenUsed } from '../../display/whenUsed';
import type { CaughtEvent } from './explorer';

export function initExplorers(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-explorer]')];
  if (roots.length === 0) return;
  const params = new URLSearchParams(location.search);
  const load = () => import('./explorer');
  preloadNear(roots, load);
  for (const root of roots) {
    root.querySelector<HTMLElement>('[data-explorer-controls]')!.hidden = false;
    const start = whenUsed(
      root,
      ['pointerdown', 'focusin', 'keydown', 'click', 'change'],
      load,
      ({ mountExplorer }, caught: CaughtEvent[]) => mountExplorer(root, caught),
      // Clicks are replayed once the explorer is there; a changed control, with its value then.
      (event): CaughtEvent | undefined => {
        const target = event.target;
        if (event.type === 'click') return { event };
        if (event.type === 'change' && (target instanceof HTMLInputElement || target instanceof HTMLSelectElement))
          return { event, value: target.value };
        return undefined;
      },
      () => {
        const message = root.querySelector('[data-explorer-message]');
        if (message) message.textContent = 'The explorer could not be loaded. Check your connection and try again.';
      },
    );
    if (params.has(root.dataset['explorer']!)) start();
  }
}
