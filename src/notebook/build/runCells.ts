/**
 * Runs a lesson's cells in Node at build time, in dependency order, each under its time budget
 * (node:vm stops synchronous code that runs too long). Any problem throws a CellBuildError that
 * names the lesson, the cell, the reason and the line, and so fails the build.
 */
import vm from 'node:vm';
import { CellError, compileCell, locateRuntimeError, type CompiledCell } from '../compile';
import type { DisplayNode } from '../describe';
import { describe } from '../describe';
import { cellBindings, cellResult, cellSourceURL, newLogBook, shownLogs } from '../execute';
import { contradiction } from '../expect';
import { buildGraph } from '../graph';
import type { Cut } from '../limits';
import { prelude } from '../prelude';

export interface CellSource {
  id: string;
  /** A code cell's TypeScript, or an input's initial value. */
  kind: 'code' | 'input';
  code: string;
  budgetMs: number;
  /** For inputs: the name they define and their initial value. */
  name?: string;
  value?: unknown;
  /** The slide's value, which the computation must match at the slide's rounding. */
  expect?: string;
  /** A slide's value that the computation contradicts: shown as an erratum beside the cell. */
  slide?: string;
}

export interface CellOutcome {
  display: DisplayNode;
  logs: string[];
  logsCut?: Cut;
  /** The cell's top-level names and their values (for tests that check what a cell computed). */
  values: Record<string, unknown>;
  /** For a cell with `slide`: the computed value, as shown, that contradicts the slide. */
  erratum?: string;
}

export class CellBuildError extends Error {
  constructor(lesson: string, cell: string, reason: string, line?: number, column?: number) {
    const where =
      line === undefined ? '' : ` (line ${line}${column === undefined ? '' : `, column ${column}`} of the cell)`;
    super(`${lesson}: cell "${cell}"${where}: ${reason}`);
    this.name = 'CellBuildError';
  }
}

/** The line of a function's body in `(function (…) {\n BODY`: the wrapper adds one line. */
const WRAPPER_LINES = 1;

export function runCells(lesson: string, cells: readonly CellSource[]): Map<string, CellOutcome> {
  const compiled = new Map<string, CompiledCell>();
  for (const cell of cells) {
    if (cell.kind === 'input') {
      compiled.set(cell.id, {
        body: '',
        js: '',
        defines: [cell.name!],
        references: [],
        displays: false,
        topLevelAwait: false,
      });
      continue;
    }
    try {
      compiled.set(cell.id, compileCell(cell.code));
    } catch (error) {
      const e = error as CellError;
      throw new CellBuildError(lesson, cell.id, `syntax error: ${e.message}`, e.line, e.column);
    }
  }
  const graph = buildGraph(cells.map((cell) => ({ id: cell.id, ...compiled.get(cell.id)! })));
  for (const cell of cells) {
    const problem = graph.errors.get(cell.id);
    if (problem) throw new CellBuildError(lesson, cell.id, problem);
  }

  const scope = new Map<string, unknown>();
  const outcomes = new Map<string, CellOutcome>();
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  for (const id of graph.order) {
    const cell = byId.get(id)!;
    if (cell.kind === 'input') {
      scope.set(cell.name!, cell.value);
      outcomes.set(id, { display: describe(undefined), logs: [], values: { [cell.name!]: cell.value } });
      continue;
    }
    const program = compiled.get(id)!;
    if (program.topLevelAwait)
      throw new CellBuildError(lesson, id, 'top-level await is not supported in prerendered cells');
    const logs = newLogBook();
    const { params, args } = cellBindings(program, scope, prelude, logs);
    const filename = cellSourceURL(id);
    let returned: Record<string, unknown>;
    try {
      const script = new vm.Script(`(function (${params.join(', ')}) {\n${program.body}\n}).apply(undefined, __args)`, {
        filename,
      });
      returned = script.runInNewContext(
        { __args: args },
        { timeout: cell.budgetMs, microtaskMode: 'afterEvaluate' },
      ) as Record<string, unknown>;
    } catch (error) {
      const message = String((error as { message?: unknown } | null)?.message ?? error);
      if (/Script execution timed out/.test(message))
        throw new CellBuildError(lesson, id, `took longer than its budget of ${cell.budgetMs} ms`);
      const { line, column } = locateRuntimeError(error, filename, WRAPPER_LINES, cell.code, program);
      throw new CellBuildError(lesson, id, message, line, column);
    }
    const result = cellResult(returned, program);
    for (const [name, value] of Object.entries(result.values)) scope.set(name, value);
    if (cell.expect !== undefined) {
      const actual = contradiction(cell.expect, result.display);
      if (actual !== null) throw new CellBuildError(lesson, id, `expected ${cell.expect}, computed ${actual}`);
    }
    let erratum: string | undefined;
    if (cell.slide !== undefined) {
      // An erratum must be one: a slide value the computation confirms belongs in `expect`.
      const actual = contradiction(cell.slide, result.display);
      if (actual === null)
        throw new CellBuildError(
          lesson,
          id,
          `the slide's ${cell.slide} agrees with the computation: use expect, not slide`,
        );
      erratum = actual;
    }
    outcomes.set(id, {
      display: result.display,
      ...shownLogs(logs),
      values: result.values,
      ...(erratum === undefined ? {} : { erratum }),
    });
  }
  return outcomes;
}
