/**
 * A localStorage of a test's own, in memory: `full` makes every write fail as a full (or
 * private-mode) browser's does, and `read(key)` gives what a key holds, parsed.
 */
export function fakeStorage() {
  const items = new Map<string, string>();
  const storage = {
    full: false,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    read: (key: string): unknown => JSON.parse(items.get(key) ?? '{}'),
  };
  return storage;
}
