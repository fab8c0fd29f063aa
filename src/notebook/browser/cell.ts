/** A cell of the page's notebook: what the build said of it, what it holds now, and its view. */
import type { CellSpec } from '../spec';
import type { CellView } from './cellView';
import type { Runnable } from './scheduler';

export interface Cell extends Runnable {
  readonly spec: CellSpec;
  readonly view: CellView;
  readonly label: string;
  /** The code (or an input's text) that runs: the student's. */
  code: string;
  /** An input's last good value. */
  value?: unknown;
  /** Code from a shared link, shown but not run until the student agrees (or runs it). */
  shared?: string;
  /** Saved code shown but not run on this visit, until the student runs it. */
  held?: string;
  /** Typing is saved shortly after it pauses. */
  saveTimer?: ReturnType<typeof setTimeout>;
}

/** The code a cell shows: a link's or a held edit's, until the student runs or changes it. */
export const shownCode = (cell: Cell): string => cell.shared ?? cell.held ?? cell.code;
