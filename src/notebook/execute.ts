/**
 * What running a cell means, wherever it runs: which names it receives, the console it writes
 * to, and how its result becomes a display node and a set of new values.
 */
import { DISPLAY_NAME, type CompiledCell } from './compile';
import { describe, inspect, type DisplayNode } from './describe';

/** The URL a cell's code carries in stack traces, so errors can be located in it. */
export const cellSourceURL = (id: string) => `cell-${id.replace(/[^\w-]/g, '_')}.js`;

/** The names a cell is called with: what it reads that the lesson or the prelude provides. */
export function cellParameters(compiled: CompiledCell, available: (name: string) => boolean): string[] {
  return ['console', ...compiled.references.filter((name) => name !== 'console' && available(name))];
}

/** A console whose output goes under the cell instead of the developer tools. */
export function captureConsole(lines: string[]): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug' | 'table'> {
  const write = (prefix: string) => (...args: unknown[]) => {
    lines.push(prefix + args.map((arg) => inspect(arg)).join(' '));
  };
  return { log: write(''), info: write(''), debug: write(''), warn: write('warning: '), error: write('error: '), table: write('') };
}

/**
 * The names and values a cell is called with: the lesson's values first (a cell may shadow the
 * prelude), then the prelude, and a console that writes into `logs`.
 */
export function cellBindings(compiled: CompiledCell, scope: ReadonlyMap<string, unknown>, prelude: Readonly<Record<string, unknown>>, logs: string[]): { params: string[]; args: unknown[] } {
  const params = cellParameters(compiled, (name) => scope.has(name) || name in prelude);
  const args = params.map((name) => (name === 'console' ? captureConsole(logs) : scope.has(name) ? scope.get(name) : prelude[name]));
  return { params, args };
}

export interface CellResult {
  display: DisplayNode;
  /** The cell's top-level names and their values. */
  values: Record<string, unknown>;
}

/**
 * Splits what a compiled cell's function returned into its display and its values. A cell
 * shows its last expression; a cell that only defines one name (`const p = softmax(z)`) shows
 * that name's value, as a notebook reader would expect.
 */
export function cellResult(returned: Record<string, unknown>, compiled: Pick<CompiledCell, 'displays' | 'defines'>): CellResult {
  const { [DISPLAY_NAME]: shown, ...values } = returned;
  const only = compiled.defines.length === 1 ? values[compiled.defines[0]!] : undefined;
  const display = compiled.displays ? shown : typeof only === 'function' ? undefined : only;
  return { display: describe(display), values };
}
