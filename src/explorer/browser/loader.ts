/**
 * The explorer code a lesson loads up front (a few hundred bytes): it shows the controls and
 * waits. The first touch, focus or key on an explorer loads the explorer itself; a click that
 * started the load (on Play, say) is carried out once it is there. A link that holds an
 * explorer's set-up loads it straight away, so the shared set-up is what the reader sees.
 */
import type { CaughtEvent } from './explorer';

const TRIGGERS = ['pointerdown', 'focusin', 'keydown', 'click', 'change'] as const;

export function initExplorers(): void {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-explorer]')];
  if (roots.length === 0) return;
  const params = new URLSearchParams(location.search);
  for (const root of roots) {
    root.querySelector<HTMLElement>('[data-explorer-controls]')!.hidden = false;
    const caught: CaughtEvent[] = [];
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      import('./explorer').then(
        ({ mountExplorer }) => {
          for (const type of TRIGGERS) root.removeEventListener(type, listener, true);
          mountExplorer(root, caught);
        },
        () => {
          started = false;
          caught.length = 0;
          const message = root.querySelector('[data-explorer-message]');
          if (message) message.textContent = 'The explorer could not be loaded. Check your connection and try again.';
        },
      );
    };
    function listener(event: Event): void {
      // Clicks are replayed once the explorer is there; a changed control, with its value then.
      if (event.type === 'click') caught.push({ event });
      if (event.type === 'change' && event.target instanceof HTMLInputElement) caught.push({ event, value: event.target.value });
      if (event.type === 'change' && event.target instanceof HTMLSelectElement) caught.push({ event, value: event.target.value });
      start();
    }
    for (const type of TRIGGERS) root.addEventListener(type, listener, true);
    if (params.has(root.dataset['explorer']!)) start();
  }
}
