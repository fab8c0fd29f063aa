/**
 * "Reset all cells" replaces every edit at once: the notebook's message then offers to undo it
 * for a while (UNDO_MS), so a slip of the finger loses nothing. What the reset replaced is
 * recorded before it (`beforeReset`) and put back by `undoReset`.
 */
import type { Cell } from './cell';
import type { Persistence } from './persistence';
import type { SavedCell } from './storage';

/** How long the Undo button stays: long enough to notice, read and reach it (at least 10 s). */
export const UNDO_MS = 20_000;

/** A cell as the reset found it: its code, a held edit, an input's value, and what was saved. */
interface Before {
  cell: Cell;
  code: string;
  held: string | undefined;
  value: unknown;
  saved: SavedCell | undefined;
}

export function beforeReset(cells: readonly Cell[], persistence: Persistence): Before[] {
  const saved = persistence.saved(cells.map((cell) => cell.spec.id));
  return cells.map((cell) => ({
    cell,
    code: cell.code,
    held: cell.held,
    value: cell.value,
    saved: saved.get(cell.spec.id),
  }));
}

/** What undoing asks of the notebook. */
export interface UndoHost {
  show(cell: Cell): void;
  /** Marks a cell whose shown code has not run. */
  waiting(cell: Cell): void;
  readonly persistence: Persistence;
  say(text: string): void;
  /** Runs `ids` (and what depends on them) after analysing `analyse`. */
  run(ids: string[], analyse: string[]): Promise<void>;
}

/**
 * Puts back what the reset replaced in every cell not changed since (run state included), and
 * runs the cells whose code is the student's again. A held edit comes back held: shown, not run.
 */
export async function undoReset(before: readonly Before[], host: UndoHost): Promise<void> {
  const back = before.filter(
    ({ cell }) => cell.code === cell.spec.code && cell.held === undefined && cell.shared === undefined,
  );
  for (const { cell, code, held, value, saved } of back) {
    cell.code = code;
    if (held !== undefined) cell.held = held;
    if (cell.spec.kind === 'input') cell.value = value;
    host.show(cell);
    host.persistence.putBack(cell, saved);
    if (held !== undefined) {
      host.waiting(cell);
      host.persistence.notice(
        cell,
        'Your edit is back but has not run: run it when you are ready (Shift+Enter or Run).',
      );
    }
  }
  const kept = before.length - back.length;
  host.say(
    `Your edits are back in ${back.length} ${back.length === 1 ? 'cell' : 'cells'}.` +
      (kept > 0 ? ` ${kept} changed since the reset and keep their new code.` : ''),
  );
  const ids = back.map(({ cell }) => cell.spec.id);
  await host.run(
    back.filter(({ cell }) => cell.code !== cell.spec.code).map(({ cell }) => cell.spec.id),
    ids,
  );
}

/**
 * Says `text` in the notebook's message with an Undo button, for `ms`. Used once, or after `ms`,
 * the button goes; keyboard focus on it then moves to `focusAfter` (the Reset button).
 */
export function offerUndo(
  message: HTMLElement | null,
  text: string,
  undo: () => void,
  focusAfter: HTMLElement | null,
  ms = UNDO_MS,
): void {
  if (!message) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Undo';
  button.dataset['notebookUndo'] = '';
  button.setAttribute('aria-label', 'Undo the reset: put your edits back');
  message.textContent = `${text} `;
  message.append(button);
  const remove = () => {
    const focused = button === document.activeElement;
    button.remove();
    if (focused) focusAfter?.focus();
  };
  const timer = setTimeout(remove, ms);
  button.addEventListener('click', () => {
    clearTimeout(timer);
    remove();
    undo();
  });
}
