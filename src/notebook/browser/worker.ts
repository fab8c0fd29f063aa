/**
 * The cell worker: compiles cells (sucrase, acorn), runs them against the lesson's values, and
 * posts back display nodes. Student code runs here, off the page's thread, so a runaway loop
 * freezes nothing: the page terminates this worker and starts another.
 */
import { CellError, compileCell, locateRuntimeError, type CompiledCell } from '../compile';
import { cellBindings, cellResult, cellSourceURL } from '../execute';
import { prelude } from '../prelude';
import type { Analysis, BatchCell, CellProblem, FromWorker, ToWorker } from './protocol';

const scope = new Map<string, unknown>();
const compiled = new Map<string, CompiledCell>();
// `new Function(a, b, body)` puts two lines before the body: "function anonymous(a,b" and ") {".
const WRAPPER_LINES = 2;
const AsyncFunction = (async () => {}).constructor as FunctionConstructor;

function post(message: FromWorker): void {
  try {
    postMessage(message);
  } catch (error) {
    // Display nodes are plain data by construction; this is a last line of defence.
    if (message.type === 'result') post({ type: 'failed', requestId: message.requestId, id: message.id, error: { message: `the result could not be sent to the page: ${String(error)}` }, logs: message.logs });
  }
}

function compile(code: string): CompiledCell {
  let result = compiled.get(code);
  if (!result) {
    result = compileCell(code);
    compiled.set(code, result);
  }
  return result;
}

function problemOf(error: unknown): CellProblem {
  if (error instanceof CellError) return { message: error.message, ...(error.line === undefined ? {} : { line: error.line }), ...(error.column === undefined ? {} : { column: error.column }) };
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : `thrown: ${String(error)}`;
  return { message };
}

function analyze(cells: { id: string; code: string }[]): Analysis[] {
  return cells.map(({ id, code }) => {
    try {
      const { defines, references } = compile(code);
      return { id, defines, references };
    } catch (error) {
      return { id, defines: [], references: [], error: problemOf(error) };
    }
  });
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name) => b.includes(name));

/** Runs one code cell against the lesson's values; posts its result or failure. */
async function runCode(requestId: number, cell: Extract<BatchCell, { kind: 'code' }>): Promise<'ok' | 'failed' | 'reanalyzed'> {
  const { id, code } = cell;
  const logs: string[] = [];
  let program: CompiledCell;
  try {
    program = compile(code);
  } catch (error) {
    const problem = problemOf(error);
    post({ type: 'failed', requestId, id, error: problem, logs, analysis: { id, defines: [], references: [], error: problem } });
    return 'failed';
  }
  if (cell.expect && !(sameNames(cell.expect.defines, program.defines) && sameNames(cell.expect.references, program.references))) {
    post({ type: 'reanalyzed', requestId, id, analysis: { id, defines: program.defines, references: program.references } });
    return 'reanalyzed';
  }
  const { params, args } = cellBindings(program, scope, prelude, logs);
  const sourceURL = cellSourceURL(id);
  const start = performance.now();
  try {
    const Constructor = program.topLevelAwait ? AsyncFunction : Function;
    const fn = new Constructor(...params, `${program.body}\n//# sourceURL=${sourceURL}`);
    const returned = (await fn(...args)) as Record<string, unknown>;
    const result = cellResult(returned, program);
    for (const [name, value] of Object.entries(result.values)) scope.set(name, value);
    post({ type: 'result', requestId, id, display: result.display, logs, ms: performance.now() - start });
    return 'ok';
  } catch (error) {
    const where = locateRuntimeError(error, sourceURL, WRAPPER_LINES, code, program);
    post({ type: 'failed', requestId, id, error: { ...problemOf(error), ...where }, logs });
    return 'failed';
  }
}

/**
 * Runs a batch in order and answers cell by cell, so the page hears about each output as soon as
 * it exists; one message out, however many cells follow an edit.
 */
async function runBatch(requestId: number, cells: BatchCell[]): Promise<void> {
  const failed = new Set<string>();
  for (const cell of cells) {
    const blocker = cell.inputs.find((input) => failed.has(input));
    if (blocker !== undefined) {
      failed.add(cell.id);
      post({ type: 'skipped', requestId, id: cell.id, blocker });
      continue;
    }
    if (cell.kind === 'input') {
      scope.set(cell.name, cell.value);
      post({ type: 'result', requestId, id: cell.id, display: { kind: 'empty' }, logs: [], ms: 0 });
      continue;
    }
    const outcome = await runCode(requestId, cell);
    if (outcome === 'reanalyzed') break;
    if (outcome === 'failed') failed.add(cell.id);
  }
  post({ type: 'done', requestId });
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'analyze':
      post({ type: 'analyzed', requestId: message.requestId, results: analyze(message.cells) });
      break;
    case 'batch':
      void runBatch(message.requestId, message.cells);
      break;
  }
});

post({ type: 'ready' });
