/**
 * A student's edits across visits and tabs: saving (at once when they run, after a pause when
 * they type, when the page is left), putting them back on a later visit, and taking what another
 * tab saved. The rule it keeps: saved code runs on its own only if its last run finished;
 * anything else is shown, marked, and waits for the student's Run (README, "What a student's
 * edits do").
 */
import { readInput } from '../inputs';
import type { Cell } from './cell';
import { EditStore, fingerprint, type RunState, type SavedCell } from './storage';

/** What persistence asks of the notebook around it. */
export interface PersistenceHost {
  /** Shows a cell's current code (an input's value) in it. */
  show(cell: Cell): void;
  /** Shows a cell as waiting for a run its output does not reflect. */
  waiting(cell: Cell): void;
  /** Says something to the whole notebook. */
  say(text: string): void;
  /** The Reset of a cell's notice. */
  reset(cell: Cell): void;
}

type HeldBecause = RunState | 'other tab' | undefined;

export class Persistence {
  private readonly store: EditStore;
  private warned = false;

  constructor(
    page: string,
    private readonly cells: ReadonlyMap<string, Cell>,
    private readonly host: PersistenceHost,
  ) {
    this.store = new EditStore(page);
  }

  /** Every cell's saved code, for a link to them. */
  savedCode(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.store.all()).map(([id, saved]) => [id, saved.code]));
  }

  /** Whether a cell has a saved edit. */
  has(id: string): boolean {
    return this.store.get(id) !== undefined;
  }

  /** Saves the cell's current code (or removes its edit when it is the lesson's again). */
  remember(cell: Cell, showNotice: (show: () => void) => void = (show) => show()): void {
    clearTimeout(cell.saveTimer);
    delete cell.saveTimer;
    const { id } = cell.spec;
    const previous = this.store.get(id);
    // New code has not run yet: its run state starts again.
    const saved =
      cell.code === cell.spec.code
        ? undefined
        : {
            code: cell.code,
            base: previous?.base ?? fingerprint(cell.spec.code),
            ...(previous?.code === cell.code && previous.run ? { run: previous.run } : {}),
          };
    const stored = this.store.put(id, saved);
    showNotice(() => this.notice(cell));
    if (!stored && !this.warned) {
      this.warned = true;
      this.host.say(
        'Your edits cannot be saved in this browser (storage is blocked or full). They work until you leave this page; “Copy link to my edits” keeps them.',
      );
    }
  }

  /** What is saved for these cells now (undefined: nothing), for `putBack` to restore after an undone reset. */
  saved(ids: readonly string[]): Map<string, SavedCell | undefined> {
    return new Map(ids.map((id) => [id, this.store.get(id)]));
  }

  /** Saves exactly what `saved` recorded for a cell, run state included, and says so under it. */
  putBack(cell: Cell, saved: SavedCell | undefined): void {
    clearTimeout(cell.saveTimer);
    delete cell.saveTimer;
    this.store.put(cell.spec.id, saved);
    this.notice(cell);
  }

  /** Saves typing soon (after a pause), or at once when the page is left (`saveTyping`). */
  rememberSoon(cell: Cell): void {
    clearTimeout(cell.saveTimer);
    cell.saveTimer = setTimeout(() => this.remember(cell), 300);
  }

  /** Saves typing that was waiting for a pause: the student is leaving the page. */
  saveTyping(): void {
    for (const cell of this.cells.values()) if (cell.saveTimer !== undefined) this.remember(cell);
  }

  /** Records how a run of an edited code cell went, with its saved edit (undefined: no change). */
  recordRun(id: string, run: RunState | undefined): void {
    if (run && this.cells.get(id)?.spec.kind === 'code') this.store.setRun(id, run);
  }

  lastRun(id: string): RunState | undefined {
    return this.store.get(id)?.run;
  }

  /** Says under a cell what became of its edit (or `text`), or nothing for an unedited cell. */
  notice(cell: Cell, text?: string): void {
    const saved = this.store.get(cell.spec.id);
    // Says exactly what was kept: an edit storage refused is not "saved".
    const message =
      text ??
      (saved
        ? !this.store.isSaved(cell.spec.id)
          ? 'You edited this cell, but this browser would not save it (storage is blocked or full): it lasts until you leave this page.'
          : saved.base === fingerprint(cell.spec.code)
            ? 'You edited this cell; your version is saved in this browser.'
            : 'The lesson has changed this cell since you edited it; you are seeing your version.'
        : undefined);
    cell.view.notice(message, () => this.host.reset(cell));
  }

  /**
   * Puts saved edits back in their cells; returns the ids to run. A saved input value is used if
   * it is still valid; saved code runs only if its last run finished (see the module's comment).
   */
  restore(): string[] {
    const restored: string[] = [];
    for (const [id, saved] of Object.entries(this.store.all())) {
      const cell = this.cells.get(id);
      if (!cell || saved.code === cell.spec.code) continue;
      if (cell.spec.kind === 'input') {
        if (!takeInput(cell, saved.code, 'The saved value')) {
          // The lesson no longer accepts what was saved: its default stays, and the edit goes.
          this.store.put(id, undefined);
          continue;
        }
        cell.code = saved.code;
        this.notice(cell);
        restored.push(id);
      } else if (saved.run === 'finished') {
        cell.code = saved.code;
        this.host.show(cell);
        this.notice(cell);
        restored.push(id);
      } else this.hold(cell, saved.code, saved.run);
    }
    return restored;
  }

  /** Shows saved code that is not run until the student runs it; the lesson's code stays in effect. */
  private hold(cell: Cell, code: string, because: HeldBecause): void {
    cell.held = code;
    this.host.show(cell);
    this.host.waiting(cell);
    const why =
      because === 'stopped'
        ? 'last time it was stopped (it ran over its budget)'
        : because === 'running'
          ? 'last time it did not finish (the page was closed, or crashed, while it ran)'
          : because === 'other tab'
            ? 'you changed it in another tab'
            : 'it has not run yet';
    this.notice(
      cell,
      `Your edit is shown but has not run on this visit: ${why}. The output is still the lesson's. Run it when you are ready (Shift+Enter or Run).`,
    );
  }

  /**
   * Listens for what other tabs save: new code waits for Run here (shown, held), a reset there
   * resets here. A cell the student is working on in this tab keeps this tab's version.
   * `run` is given the cells to run again.
   */
  watch(run: (ids: string[]) => void): void {
    this.store.watch((changed) => {
      const toRun: string[] = [];
      for (const id of changed) {
        const cell = this.cells.get(id);
        if (!cell || cell.spec.input === 'explorer') continue;
        if (cell.saveTimer !== undefined || cell.shared !== undefined || cell.view.editing) {
          this.notice(
            cell,
            'This cell was also changed in another tab; your version here is kept, and saved when you run it or pause typing.',
          );
          continue;
        }
        const code = this.store.get(id)?.code ?? cell.spec.code;
        if (code === (cell.held ?? cell.code)) continue;
        if (cell.spec.kind === 'input') {
          if (!takeInput(cell, code, 'The value from another tab')) continue;
          cell.code = code;
          this.notice(cell);
          toRun.push(id);
        } else if (code === cell.spec.code) {
          delete cell.held;
          cell.code = code;
          this.host.show(cell);
          this.notice(cell);
          toRun.push(id);
        } else this.hold(cell, code, 'other tab');
      }
      if (toRun.length > 0) run(toRun);
    });
  }
}

/**
 * An input value that did not come from its field (saved, from a link, from another tab): shown
 * and used only if valid; else the input says what was wrong and keeps what it had. Returns
 * whether it was taken.
 */
export function takeInput(cell: Cell, text: string, origin: string): boolean {
  const parsed = readInput(cell.spec, text);
  if (!parsed.ok) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    cell.view.inputMessage(`${origin}, “${shown}”, cannot be used: ${parsed.message} The input keeps “${cell.code}”.`);
    return false;
  }
  cell.value = parsed.value;
  cell.view.inputMessage('');
  cell.view.showInput(text);
  return true;
}
