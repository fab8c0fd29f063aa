/**
 * Messages between the page and the cell worker. They travel over a MessagePort the page hands
 * the worker before any cell runs; cell code cannot reach it, and every message the page
 * receives is still checked by `validate.ts` before anything is drawn.
 */
import type { DisplayNode } from '../describe';
import type { Cut } from '../limits';

export interface CellProblem {
  message: string;
  line?: number;
  column?: number;
}

export interface Analysis {
  id: string;
  defines: string[];
  references: string[];
  error?: CellProblem;
}

/** One cell of a batch: run in order; `inputs` are the batch cells it reads from. */
export type BatchCell =
  | { kind: 'code'; id: string; code: string; inputs: string[]; expect?: { defines: string[]; references: string[] } }
  | { kind: 'input'; id: string; name: string; value: unknown; inputs: string[] };

/** Which part of a cut output a piece comes from: its value, or its console lines. */
export type OutputPart = 'value' | 'logs';

export type ToWorker =
  | { type: 'analyze'; requestId: number; cells: { id: string; code: string }[] }
  | { type: 'batch'; requestId: number; cells: BatchCell[] }
  /** The next piece of a cell's cut output, from `from` (a character, entry, row or line). */
  | { type: 'piece'; requestId: number; id: string; part: OutputPart; from: number };

/** What the worker says about one cell of a batch. */
export type CellAnswer =
  | { type: 'result'; requestId: number; id: string; display: DisplayNode; logs: string[]; logsCut?: Cut; ms: number }
  /**
   * `fatal`: the cell broke the worker for every other cell (it changed a built-in), so the
   * worker stops here and the page replaces it.
   */
  | {
      type: 'failed';
      requestId: number;
      id: string;
      error: CellProblem;
      logs: string[];
      logsCut?: Cut;
      analysis?: Analysis;
      fatal?: true;
    }
  | { type: 'skipped'; requestId: number; id: string; blocker: string }
  /** The cell's code reads or defines other names than the page assumed: the batch stops here. */
  | { type: 'reanalyzed'; requestId: number; id: string; analysis: Analysis };

/** A piece of a cut output as text, or `text: null` when the worker no longer has the value. */
export interface Piece {
  type: 'piece';
  requestId: number;
  id: string;
  part: OutputPart;
  from: number;
  to: number;
  total: number;
  what: Cut['what'];
  text: string | null;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'analyzed'; requestId: number; results: Analysis[] }
  | CellAnswer
  | Piece
  | { type: 'done'; requestId: number };

/** The page's first message, on the worker's own channel: the port to talk on from then on. */
export interface Connect {
  type: 'connect';
}
