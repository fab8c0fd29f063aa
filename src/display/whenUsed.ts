/**
 * The one way an interactive part of a page loads: nothing until it is used. Events of the given
 * types on `root` (caught on their way down) that `keep` keeps are held; the first one loads the
 * module, and once it is there the held events are handed to `ready` (events that come while
 * `ready` finishes are held too, in the same list). If it cannot be loaded
 * (offline, a new deployment), `failed` says so and the next event tries again. Shared by the
 * notebook, the exercises and the explorers; part of every lesson's up-front script, so small.
 */
export function whenUsed<Module, Kept>(
  root: EventTarget,
  types: readonly string[],
  load: () => Promise<Module>,
  ready: (module: Module, kept: Kept[]) => unknown,
  keep: (event: Event) => Kept | false | undefined,
  failed?: (event: Event | undefined) => void,
): () => void {
  const kept: Kept[] = [];
  let loading = false;
  const start = (event?: Event) => {
    if (loading) return;
    loading = true;
    load().then(
      (module) =>
        Promise.resolve(ready(module, kept)).finally(() => {
          for (const type of types) root.removeEventListener(type, listener, true);
        }),
      () => {
        loading = false;
        kept.length = 0;
        failed?.(event);
      },
    );
  };
  function listener(event: Event): void {
    const held = keep(event);
    if (held === false) return;
    if (held !== undefined) kept.push(held);
    start(event);
  }
  for (const type of types) root.addEventListener(type, listener, true);
  return () => start();
}
