/**
 * The cell worker: compiles cells (sucrase, acorn), runs them against the lesson's values, and
 * posts back display nodes. Student code runs here, off the page's thread, so a runaway loop
 * freezes nothing: the page terminates this worker and starts another.
 *
 * Student code shares this worker's global scope, so the runtime keeps what it needs out of
 * reach: it talks to the page over a MessagePort held in this module's closure (the page hands
 * it over before any cell runs), the global `postMessage` and `close` throw for cells, and a
 * cell that changes a built-in everyone shares is stopped and the worker replaced.
 *
 * Over 300 lines: the worker is one trust boundary; everything that keeps the page's channel out
 * of cell code's reach must live in this module's closure, so it stays in one file.
 */
import { CellError, compileCell, locateRuntimeError, type CompiledCell } from '../compile';
import { inspect } from '../describe';
import { cellBindings, cellResult, cellSourceURL, newLogBook, shownLogs, type LogBook } from '../execute';
import { cutText, LIMITS } from '../limits';
import { prelude } from '../prelude';
import { watchBuiltins } from './integrity';
import { pieceOf } from './pieces';
import type { Analysis, BatchCell, CellProblem, FromWorker, OutputPart, ToWorker } from './protocol';

// Captured before any cell runs, and called through the captured `apply`.
const { apply } = Reflect;
const portPost = MessagePort.prototype.postMessage;
const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')!.get!;
const portsOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'ports')!.get!;
const now = performance.now.bind(performance);
const nativeSetTimeout = setTimeout;
const nativeSetInterval = setInterval;
const nativeClearTimeout = clearTimeout;

const scope = new Map<string, unknown>();
/** The names each cell defined on its last run: gone from the scope when it runs again. */
const definedBy = new Map<string, string[]>();
const compiled = new Map<string, CompiledCell>();
/** The last value and console of cells whose output was cut, for "show more". */
const kept = new Map<string, { value: unknown; logs: LogBook }>();
/** Timers a cell started and that are still pending: cleared when the cell runs again. */
const timersOf = new Map<string, Set<ReturnType<typeof setTimeout>>>();
// `new Function(a, b, body)` puts two lines before the body: "function anonymous(a,b" and ") {".
const WRAPPER_LINES = 2;
const AsyncFunction = (async () => {}).constructor as FunctionConstructor;

let port: MessagePort | undefined;
/** Set when a cell broke the shared built-ins: this worker answers nothing more. */
let broken = false;

function post(message: FromWorker): void {
  if (!port || broken) return;
  try {
    apply(portPost, port, [message]);
  } catch (error) {
    // Display nodes are plain data by construction; this is a last line of defence.
    if (message.type === 'result')
      post({
        type: 'failed',
        requestId: message.requestId,
        id: message.id,
        error: { message: `the result could not be sent to the page: ${safeText(error)}` },
        logs: message.logs,
      });
  }
}

/** A description of anything thrown, even a value whose every property or method throws. */
function safeText(value: unknown): string {
  try {
    return cutText(inspect(value), LIMITS.messageChars);
  } catch {
    return 'a value that cannot be described';
  }
}

function problemOf(error: unknown): CellProblem {
  try {
    if (error instanceof CellError)
      return {
        message: cutText(error.message, LIMITS.messageChars),
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.column === undefined ? {} : { column: error.column }),
      };
    if (error instanceof Error) {
      const name = String(error.name);
      return {
        message: cutText(`${name === 'Error' ? '' : `${name}: `}${String(error.message)}`, LIMITS.messageChars),
      };
    }
  } catch {
    // An Error whose name or message is a throwing getter: described below as a value.
  }
  return { message: `The cell threw ${safeText(error)}, which is not an Error.` };
}

function compile(code: string): CompiledCell {
  let result = compiled.get(code);
  if (!result) {
    result = compileCell(code);
    compiled.set(code, result);
  }
  return result;
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

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));

/** Forgets what a cell defined and stops what it left running, before it runs again. */
function forget(id: string): void {
  for (const name of definedBy.get(id) ?? []) scope.delete(name);
  definedBy.delete(id);
  kept.delete(id);
  for (const timer of timersOf.get(id) ?? []) nativeClearTimeout(timer);
  timersOf.delete(id);
}

/** setTimeout and setInterval for one cell: its timers end when it runs again. */
function cellTimers(id: string): Record<string, unknown> {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  timersOf.set(id, timers);
  const start =
    (native: typeof setTimeout, repeat: boolean) =>
    (handler: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof handler !== 'function') throw new TypeError('setTimeout and setInterval take a function in cells');
      const timer = native(() => {
        if (!repeat) timers.delete(timer);
        (handler as (...a: unknown[]) => void)(...args);
      }, ms);
      timers.add(timer);
      return timer;
    };
  return {
    setTimeout: start(nativeSetTimeout, false),
    setInterval: start(nativeSetInterval as typeof setTimeout, true),
  };
}

lockDown();
// The snapshot is taken now, locked down and before any cell has run.
const changedBuiltins = watchBuiltins(globalThis);

/** Says which built-ins a cell changed, and stops this worker answering; false when none. */
function stopIfTampered(requestId: number, id: string, logs: LogBook, after: string): boolean {
  const changed = changedBuiltins();
  if (changed.length === 0) return false;
  const names = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  post({
    type: 'failed',
    requestId,
    id,
    error: {
      message: `${after} changed ${names}, which every cell shares. Cells may not change the built-ins; the page restarted the cells' worker so the other cells are not affected.`,
    },
    ...shownLogs(logs),
    fatal: true,
  });
  broken = true;
  return true;
}

/** Runs one code cell against the lesson's values; posts its result or failure. */
async function runCode(
  requestId: number,
  cell: Extract<BatchCell, { kind: 'code' }>,
): Promise<'ok' | 'failed' | 'reanalyzed' | 'fatal'> {
  const { id, code } = cell;
  const logs = newLogBook();
  let program: CompiledCell;
  try {
    program = compile(code);
  } catch (error) {
    const problem = problemOf(error);
    forget(id);
    post({
      type: 'failed',
      requestId,
      id,
      error: problem,
      logs: [],
      analysis: { id, defines: [], references: [], error: problem },
    });
    return 'failed';
  }
  if (
    cell.expect &&
    !(sameNames(cell.expect.defines, program.defines) && sameNames(cell.expect.references, program.references))
  ) {
    post({
      type: 'reanalyzed',
      requestId,
      id,
      analysis: { id, defines: program.defines, references: program.references },
    });
    return 'reanalyzed';
  }
  forget(id);
  const { params, args } = cellBindings(program, scope, { ...prelude, ...cellTimers(id) }, logs);
  const sourceURL = cellSourceURL(id);
  const start = now();
  try {
    const Constructor = program.topLevelAwait ? AsyncFunction : Function;
    const fn = new Constructor(...params, `${program.body}\n//# sourceURL=${sourceURL}`);
    const returned = (await fn(...args)) as Record<string, unknown>;
    const result = cellResult(returned, program);
    if (stopIfTampered(requestId, id, logs, 'This cell')) return 'fatal';
    for (const [name, value] of Object.entries(result.values)) scope.set(name, value);
    definedBy.set(id, Object.keys(result.values));
    const shown = shownLogs(logs);
    if (('cut' in result.display && result.display.cut) || shown.logsCut) kept.set(id, { value: result.shown, logs });
    post({ type: 'result', requestId, id, display: result.display, ...shown, ms: now() - start });
    return 'ok';
  } catch (error) {
    const where = (() => {
      try {
        return locateRuntimeError(error, sourceURL, WRAPPER_LINES, code, program);
      } catch {
        return {};
      }
    })();
    const problem = { ...problemOf(error), ...where };
    if (stopIfTampered(requestId, id, logs, 'This cell')) return 'fatal';
    post({ type: 'failed', requestId, id, error: problem, ...shownLogs(logs) });
    return 'failed';
  }
}

/**
 * Runs a batch in order and answers cell by cell, so the page hears about each output as soon as
 * it exists; one message out, however many cells follow an edit.
 */
async function runBatch(requestId: number, cells: BatchCell[]): Promise<void> {
  const failed = new Set<string>();
  // A timer or promise a cell left behind may have changed the built-ins since the last batch;
  // within a batch, each cell is checked as it ends.
  const first = cells[0];
  if (first && stopIfTampered(requestId, first.id, newLogBook(), 'Code a cell left running (a timer or a promise)'))
    return;
  for (const cell of cells) {
    const blocker = cell.inputs.find((input) => failed.has(input));
    if (blocker !== undefined) {
      failed.add(cell.id);
      post({ type: 'skipped', requestId, id: cell.id, blocker });
      continue;
    }
    if (cell.kind === 'input') {
      forget(cell.id);
      scope.set(cell.name, cell.value);
      definedBy.set(cell.id, [cell.name]);
      post({ type: 'result', requestId, id: cell.id, display: { kind: 'empty' }, logs: [], ms: 0 });
      continue;
    }
    let outcome: Awaited<ReturnType<typeof runCode>>;
    try {
      outcome = await runCode(requestId, cell);
    } catch (error) {
      // The runtime's own failure, not the cell's: still an answer, never silence.
      post({
        type: 'failed',
        requestId,
        id: cell.id,
        error: { message: `The cell could not be run: ${safeText(error)}` },
        logs: [],
      });
      outcome = 'failed';
    }
    if (outcome === 'fatal') return;
    if (outcome === 'reanalyzed') break;
    if (outcome === 'failed') failed.add(cell.id);
  }
  post({ type: 'done', requestId });
}

function answerPiece(requestId: number, id: string, part: OutputPart, from: number): void {
  const held = kept.get(id);
  const piece = held ? pieceOf(part === 'value' ? { value: held.value } : { logs: held.logs }, from) : undefined;
  if (!piece) {
    post({ type: 'piece', requestId, id, part, from: 0, to: 0, total: 0, what: 'characters', text: null });
    return;
  }
  post({ type: 'piece', requestId, id, part, ...piece });
}

function onMessage(event: MessageEvent): void {
  if (broken) return;
  const message = apply(dataOf, event, []) as ToWorker;
  switch (message.type) {
    case 'analyze':
      post({ type: 'analyzed', requestId: message.requestId, results: analyze(message.cells) });
      break;
    case 'batch':
      void runBatch(message.requestId, message.cells);
      break;
    case 'piece':
      answerPiece(message.requestId, message.id, message.part, message.from);
      break;
  }
}

/**
 * The global postMessage and close, out of the cells' reach: defined on the global scope's
 * prototype as functions that throw, and not configurable, so no cell can put them back.
 */
function lockDown(): void {
  const globalProto = Object.getPrototypeOf(globalThis) as object;
  const refuse = (name: string, why: string) => {
    const blocked = () => {
      throw new Error(why);
    };
    for (const target of [globalThis, globalProto])
      Object.defineProperty(target, name, { value: blocked, writable: false, enumerable: false, configurable: false });
  };
  refuse(
    'postMessage',
    'Cells cannot post messages to the page: end the cell with the value to show, or use console.log.',
  );
  refuse('close', 'Cells cannot close the worker that runs them.');
}

// The page's first message carries the port; nothing else is ever read from the global channel.
addEventListener(
  'message',
  (event) => {
    const given = (apply(portsOf, event, []) as readonly MessagePort[])[0];
    if (!given) return;
    port = given;
    port.addEventListener('message', onMessage);
    port.start();
    post({ type: 'ready' });
  },
  { once: true },
);
