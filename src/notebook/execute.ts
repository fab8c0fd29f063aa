/**
 * What running a cell means, wherever it runs: which names it receives, the console it writes
 * to, and how its result becomes a display node and a set of new values.
 */
import { DISPLAY_NAME, type CompiledCell } from './compile';
import { describe, inspect, type DisplayNode } from './describe';
import { cutText, LIMITS, type Cut } from './limits';

/** The URL a cell's code carries in stack traces, so errors can be located in it. */
export const cellSourceURL = (id: string) => `cell-${id.replace(/[^\w-]/g, '_')}.js`;

/** The names a cell is called with: what it reads that the lesson or the prelude provides. */
export function cellParameters(compiled: CompiledCell, available: (name: string) => boolean): string[] {
  return ['console', ...compiled.references.filter((name) => name !== 'console' && available(name))];
}

/**
 * What a cell printed: the first `LIMITS.logLinesKept` lines, each cut to `LIMITS.textChars`,
 * how many lines there were in all, and whether any line was cut. A cell that logs a million
 * lines costs a counter.
 */
export interface LogBook {
  lines: string[];
  total: number;
  /** Characters of the lines kept, as printed (before any was cut). */
  chars: number;
}

export const newLogBook = (): LogBook => ({ lines: [], total: 0, chars: 0 });

/** A console whose output goes under the cell instead of the developer tools. */
export function captureConsole(book: LogBook): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'table'> {
  const write =
    (prefix: string) =>
    (...args: unknown[]) => {
      book.total++;
      if (book.lines.length >= LIMITS.logLinesKept) return;
      const line = prefix + args.map((arg) => inspect(arg)).join(' ');
      book.chars += line.length;
      book.lines.push(cutText(line, LIMITS.textChars));
    };
  return {
    log: write(''),
    info: write(''),
    debug: write(''),
    warn: write('warning: '),
    error: write('error: '),
    table: write(''),
  };
}

/**
 * The lines shown under a cell: the first ones, up to `LIMITS.logLines` lines and
 * `LIMITS.logChars` characters, and what was cut (lines, or characters of long lines).
 */
export function shownLogs(book: LogBook): { logs: string[]; logsCut?: Cut } {
  const logs: string[] = [];
  let chars = 0;
  for (const line of book.lines) {
    if (logs.length === LIMITS.logLines || chars >= LIMITS.logChars) break;
    const piece = cutText(line, LIMITS.logChars - chars);
    logs.push(piece);
    chars += piece.length;
  }
  if (logs.length < book.total) return { logs, logsCut: { what: 'lines', shown: logs.length, total: book.total } };
  if (chars < book.chars) return { logs, logsCut: { what: 'characters', shown: chars, total: book.chars } };
  return { logs };
}

/**
 * The names and values a cell is called with: the lesson's values first (a cell may shadow the
 * prelude), then the prelude, and a console that writes into `logs`. Only the prelude's own
 * names count: `toString` is not a course function.
 */
export function cellBindings(
  compiled: CompiledCell,
  scope: ReadonlyMap<string, unknown>,
  prelude: Readonly<Record<string, unknown>>,
  logs: LogBook,
): { params: string[]; args: unknown[] } {
  const params = cellParameters(compiled, (name) => scope.has(name) || Object.hasOwn(prelude, name));
  const args = params.map((name) =>
    name === 'console' ? captureConsole(logs) : scope.has(name) ? scope.get(name) : prelude[name],
  );
  return { params, args };
}

export interface CellResult {
  display: DisplayNode;
  /** The value the display describes (kept in the worker when its display was cut). */
  shown: unknown;
  /** The cell's top-level names and their values. */
  values: Record<string, unknown>;
}

/**
 * Splits what a compiled cell's function returned into its display and its values. A cell
 * shows its last expression; a cell that only defines one name (`const p = softmax(z)`) shows
 * that name's value, as a notebook reader would expect.
 */
export function cellResult(
  returned: Record<string, unknown>,
  compiled: Pick<CompiledCell, 'displays' | 'defines'>,
): CellResult {
  const { [DISPLAY_NAME]: shown, ...values } = returned;
  const only = compiled.defines.length === 1 ? values[compiled.defines[0]!] : undefined;
  const display = compiled.displays ? shown : typeof only === 'function' ? undefined : only;
  return { display: describe(display), shown: display, values };
}
