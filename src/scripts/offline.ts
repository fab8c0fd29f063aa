/**
 * The course offline: registers the service worker (scripts/service-worker.mjs writes it at
 * build time), says in the footer whether this browser holds the course, and when a new version
 * is installed asks the student to reload instead of swapping it in mid-lesson. Saved work lives
 * in local storage, which an update never touches. Every page loads it after its load event
 * and an idle moment (LessonLayout.astro, SaveOffline.astro); the footer's sentences are in the
 * page (data-saved, data-saving, data-failed, data-unsupported, data-ask).
 */
export function initOffline(baseUrl: string): void {
  const base = baseUrl.replace(/\/?$/, '/');
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  const say = (key: 'saved' | 'saving' | 'failed' | 'unsupported' | 'ask') => {
    if (status) status.textContent = status.dataset[key] ?? '';
  };
  const workers = navigator.serviceWorker;
  if (!workers) return say('unsupported');
  // Whether the student asked for the new version (then it reloads), and whether a worker
  // controlled the page before (a first install taking control is no news).
  let wanted = false;
  let controlled = workers.controller !== null;

  const offer = (waiting?: ServiceWorker) => {
    const prompt = document.querySelector<HTMLElement>('[data-update-prompt]');
    const button = prompt?.querySelector('button');
    if (!prompt || !button) return;
    prompt.hidden = false;
    button.onclick = () => {
      wanted = true;
      button.disabled = true;
      // The waiting worker takes over and controllerchange reloads; with none, reload now.
      if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
      else location.reload();
    };
  };

  // Another tab accepted an update: this page's own files may be gone, so it offers a reload too.
  workers.addEventListener('controllerchange', () => {
    if (wanted) location.reload();
    else if (controlled) offer();
    controlled = true;
  });

  // With Data Saver on, the course's download (a few megabytes) waits for the student to ask,
  // unless this browser holds it already (then updates come as usual).
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (!saveData) return register();
  void workers.getRegistration(base).then(
    (existing) => (existing ? register() : ask()),
    () => ask(),
  );

  function ask(): void {
    const button = document.querySelector<HTMLButtonElement>('[data-offline-save]');
    if (!button) return;
    say('ask');
    button.hidden = false;
    button.onclick = () => {
      button.hidden = true;
      register();
    };
  }

  function register(): void {
    registerWorker(workers, base, say, offer);
  }
}

/** Registers the service worker and keeps the footer (say) and the update prompt (offer) up to date. */
function registerWorker(
  workers: ServiceWorkerContainer,
  base: string,
  say: (key: 'saved' | 'saving' | 'failed') => void,
  offer: (waiting: ServiceWorker) => void,
): void {
  void workers.register(`${base}sw.js`, { scope: base }).then(
    // A browser that blocks service workers (as the tests' does) may resolve with nothing.
    (registration: ServiceWorkerRegistration | undefined) => {
      if (!registration) return say('failed');
      const waiting = () => registration.waiting && workers.controller && offer(registration.waiting);
      const track = (worker: ServiceWorker | null) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') waiting();
          if (worker.state === 'activated') say('saved');
          if (worker.state === 'redundant' && !registration.active) say('failed');
        });
      say(registration.active ? 'saved' : 'saving');
      track(registration.installing);
      registration.addEventListener('updatefound', () => track(registration.installing));
      waiting();
    },
    () => say('failed'),
  );
}
