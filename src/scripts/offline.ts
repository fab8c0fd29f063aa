/**
 * The course offline: registers the service worker (scripts/service-worker.mjs writes it at
 * build time), says in the footer whether this browser holds the course, and when a new version
 * is installed asks the student to reload instead of swapping it in mid-lesson. Saved work lives
 * in local storage, which an update never touches. Every page loads it after its load event
 * (LessonLayout.astro, SaveOffline.astro); the footer's sentences are in the page (data-saved,
 * data-saving, data-failed, data-unsupported).
 */
export function initOffline(baseUrl: string): void {
  const base = baseUrl.replace(/\/?$/, '/');
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  const say = (key: 'saved' | 'saving' | 'failed' | 'unsupported') => {
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
