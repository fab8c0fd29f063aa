/**
 * A load done once and shared: every call gets the same promise, except after a failure (offline,
 * a new deployment), when the next call tries again instead of getting the old failure. The
 * pages' lazy parts (the editor, its help, KaTeX, Plot) and the notebook's start use it.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
