/** Messages between the page and the cell worker. */
import type { DisplayNode } from '../describe';

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

export type ToWorker =
  | { type: 'analyze'; requestId: number; cells: { id: string; code: string }[] }
  | { type: 'batch'; requestId: number; cells: BatchCell[] };

/** What the worker says about one cell of a batch. */
export type CellAnswer =
  | { type: 'result'; requestId: number; id: string; display: DisplayNode; logs: string[]; ms: number }
  | { type: 'failed'; requestId: number; id: string; error: CellProblem; logs: string[]; analysis?: Analysis }
  | { type: 'skipped'; requestId: number; id: string; blocker: string }
  /** The cell's code reads or defines other names than the page assumed: the batch stops here. */
  | { type: 'reanalyzed'; requestId: number; id: string; analysis: Analysis };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'analyzed'; requestId: number; results: Analysis[] }
  | CellAnswer
  | { type: 'done'; requestId: number };
