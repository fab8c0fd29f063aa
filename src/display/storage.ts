/**
 * localStorage that never throws. Storage can be blocked (reading `localStorage` throws a
 * SecurityError), full (a write throws a QuotaExceededError) or missing; each feature says so
 * in its own words, from these answers.
 */

/** What `key` holds; null when nothing or when storage cannot be read. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (removes the key for null); false when storage refused. */
export function writeStored(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** True when this page may not use localStorage at all (reading it throws, or there is none). */
export function storageBlocked(): boolean {
  try {
    return typeof localStorage === 'undefined' || localStorage === null;
  } catch {
    return true;
  }
}
