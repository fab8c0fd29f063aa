/**
 * A student's edits, kept in localStorage per lesson page: for each edited cell its code, a
 * fingerprint of the lesson's code it was edited from (so a later change to the lesson can be
 * told apart from the student's edit), and how its last run ended (so code that froze or crashed
 * the page is never run again on a later visit without the student asking).
 *
 * Writes change one cell at a time on top of what storage holds now, so two tabs editing two
 * cells keep both edits; `watch` hears what another tab saved. Storage that is blocked, full or
 * holds garbage never breaks the page: reads give nothing, writes report failure.
 */
import { fnv1a } from '../../display/hash';
import { readStored, writeStored } from '../../display/storage';

/**
 * How the last run of an edited cell ended: `running` while it runs (and forever, if the page
 * was closed or crashed meanwhile), `finished` (a value or an error, within its budget),
 * `stopped` (over its budget, or it broke the worker).
 */
export type RunState = 'running' | 'finished' | 'stopped';

export interface SavedCell {
  code: string;
  /** Fingerprint of the lesson's original code when the student edited it. */
  base: string;
  run?: RunState;
}

const KEY_PREFIX = 'nn-live:edits:v1:';
const RUN_STATES = new Set<unknown>(['running', 'finished', 'stopped']);

/** A short fingerprint of a cell's original code, in hex. */
export const fingerprint = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

export const storageKey = (page: string) => KEY_PREFIX + page;

const ID = /^[A-Za-z][\w-]*$/;

function readSavedCell(value: unknown): SavedCell | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, base, run } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof base !== 'string') return undefined;
  return RUN_STATES.has(run) ? { code, base, run: run as RunState } : { code, base };
}

/** Reads a stored record of edits; anything that is not one reads as no edits. */
export function parseEdits(raw: string | null): Record<string, SavedCell> {
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, SavedCell> = {};
    for (const [id, value] of Object.entries(parsed)) {
      const saved = readSavedCell(value);
      // Only cell ids: a key like __proto__ never becomes anything but a skipped entry.
      if (saved && ID.test(id)) out[id] = saved;
    }
    return out;
  } catch {
    return {};
  }
}

/** The saved edits of a page; empty when there are none or they cannot be read. */
export const loadEdits = (page: string): Record<string, SavedCell> => parseEdits(readStored(storageKey(page)));

const writeEdits = (page: string, edits: Record<string, SavedCell>): boolean =>
  writeStored(storageKey(page), Object.keys(edits).length === 0 ? null : JSON.stringify(edits));

const sameEdit = (a: SavedCell | undefined, b: SavedCell | undefined) => a?.code === b?.code && a?.base === b?.base;

/** One page's edits: what this tab knows, kept in step with storage and with other tabs. */
export class EditStore {
  private edits: Record<string, SavedCell>;
  /** Cells whose last write failed: written again with the next one that goes through. */
  private readonly unsaved = new Set<string>();

  constructor(private readonly page: string) {
    this.edits = loadEdits(page);
  }

  /** Every edit this tab knows of, saved or not. */
  all(): Readonly<Record<string, SavedCell>> {
    return this.edits;
  }

  get(id: string): SavedCell | undefined {
    return Object.hasOwn(this.edits, id) ? this.edits[id] : undefined;
  }

  /** Whether the cell's edit is in storage (false after a write that storage refused). */
  isSaved(id: string): boolean {
    return !this.unsaved.has(id);
  }

  /**
   * Sets (or with `undefined` removes) one cell's edit on top of what storage holds now, with
   * any earlier edits of this tab that could not be written. False when storage refused.
   */
  put(id: string, saved: SavedCell | undefined): boolean {
    if (saved) this.edits[id] = saved;
    else delete this.edits[id];
    this.unsaved.add(id);
    const stored = loadEdits(this.page);
    for (const dirty of this.unsaved) {
      const mine = this.get(dirty);
      if (mine) stored[dirty] = mine;
      else delete stored[dirty];
    }
    if (!writeEdits(this.page, stored)) return false;
    this.unsaved.clear();
    // What other tabs saved meanwhile is known here from now on.
    this.edits = stored;
    return true;
  }

  /** Records how the last run of an edited cell ended; nothing for a cell that is not edited. */
  setRun(id: string, run: RunState): void {
    const saved = this.get(id);
    if (saved && saved.run !== run) this.put(id, { ...saved, run });
  }

  /**
   * Calls `onChange` with the cells whose code another tab saved differently, after taking that
   * tab's record as this tab's own. Returns the function that stops listening.
   */
  watch(onChange: (changed: string[]) => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.key !== null && event.key !== storageKey(this.page)) return;
      const theirs = parseEdits(event.key === null ? null : event.newValue);
      const before = this.edits;
      // Edits this tab could not write stay this tab's.
      for (const dirty of this.unsaved) {
        const mine = this.get(dirty);
        if (mine) theirs[dirty] = mine;
        else delete theirs[dirty];
      }
      this.edits = theirs;
      const ids = new Set([...Object.keys(before), ...Object.keys(theirs)]);
      const changed = [...ids].filter((id) => !sameEdit(before[id], theirs[id]));
      if (changed.length > 0) onChange(changed);
    };
    addEventListener('storage', listener);
    return () => removeEventListener('storage', listener);
  }
}
