/**
 * A student's edits, kept in localStorage per lesson page: for each edited cell its code and a
 * fingerprint of the lesson's code it was edited from, so a later change to the lesson can be
 * told apart from the student's edit. Storage that is blocked, full or holds garbage never
 * breaks the page: reads give nothing, writes report failure.
 */
export interface SavedCell {
  code: string;
  /** Fingerprint of the lesson's original code when the student edited it. */
  base: string;
}

const KEY_PREFIX = 'nn-live:edits:v1:';

/** FNV-1a, 32 bits, hex: a short fingerprint of a cell's original code. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export const storageKey = (page: string) => KEY_PREFIX + page;

function isSavedCell(value: unknown): value is SavedCell {
  return typeof value === 'object' && value !== null && typeof (value as SavedCell).code === 'string' && typeof (value as SavedCell).base === 'string';
}

/** The saved edits of a page; empty when there are none or they cannot be read. */
export function loadEdits(page: string): Record<string, SavedCell> {
  try {
    const raw = localStorage.getItem(storageKey(page));
    if (raw === null) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, value]) => isSavedCell(value))) as Record<string, SavedCell>;
  } catch {
    return {};
  }
}

/** Saves the page's edits (removing the entry when there are none); false when storage refused. */
export function saveEdits(page: string, edits: Record<string, SavedCell>): boolean {
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(storageKey(page));
    else localStorage.setItem(storageKey(page), JSON.stringify(edits));
    return true;
  } catch {
    return false;
  }
}
