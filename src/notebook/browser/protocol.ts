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

export type ToWorker =
  | { type: 'analyze'; requestId: number; cells: { id: string; code: string }[] }
  | { type: 'run'; requestId: number; id: string; code: string }
  | { type: 'set'; requestId: number; id: string; name: string; value: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'analyzed'; requestId: number; results: Analysis[] }
  | { type: 'result'; requestId: number; id: string; display: DisplayNode; logs: string[]; ms: number }
  | { type: 'failed'; requestId: number; id: string; error: CellProblem; logs: string[] };
