/**
 * Interactive parts arrive before they are needed: when one of a part's elements comes within a
 * screen of the viewport, and the browser is idle, its code is fetched, so the first touch does
 * not wait for the network. Parts load one at a time, each in an idle period of its own, so that
 * reading never waits on them; with Data Saver on nothing is fetched ahead (the first touch loads
 * what it needs, as whenUsed.ts does anyway). Part of every lesson's up-front script, so small.
 */
type Load = () => Promise<unknown>;

const queue: Load[] = [];
let busy = false;
let drained: (() => void)[] = [];

/** Whether the student asked the browser to spare data (Chromium's Data Saver, `Save-Data`). */
export const savingData = (): boolean =>
  (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/** Runs `task` when the browser is idle (at the latest after `timeout` ms), or soon where it cannot say. */
export function whenIdle(task: () => void, timeout = 2000): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
  else setTimeout(task, 50);
}

/** Loads `load` once any of `elements` is near the viewport, after the parts asked for before it. */
export function preloadNear(elements: readonly Element[], load: Load): void {
  if (elements.length === 0 || savingData() || !('IntersectionObserver' in window)) return;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      queue.push(load);
      next();
    },
    { rootMargin: '100% 0px' },
  );
  for (const element of elements) observer.observe(element);
}

function next(): void {
  if (busy) return;
  const load = queue.shift();
  if (!load) {
    for (const done of drained) done();
    drained = [];
    return;
  }
  busy = true;
  whenIdle(
    () =>
      // A part that fails to load (offline, a new deployment) is loaded again on its first use.
      void load()
        .catch(() => {})
        .finally(() => {
          busy = false;
          next();
        }),
  );
}

/**
 * Calls `then` once the parts near the viewport have loaded and the browser is idle: the service
 * worker's download of the whole course (offline.ts) waits for it, so it never competes with them.
 */
export function afterPreloads(then: () => void): void {
  whenIdle(() => {
    if (busy || queue.length > 0) drained.push(then);
    else then();
  });
}
