/**
 * Turns whatever a cell returns into a DisplayNode: plain, postable data that `render.ts`
 * turns into HTML the same way at build time and in the browser. It runs where the value is
 * (the worker, or Node at build time), so nothing here touches the DOM.
 *
 * Over 300 lines: one `describe` per kind of value, each with its cap from `LIMITS`, in the
 * order `inspect` tries them; read together, they are the whole list of what a cell can show.
 */
import { texNumber } from '../display/numbers';
import { texMatrix, texVector } from './format';
import { count, cutText, LIMITS, type Cut } from './limits';
import { isPlotCall, serializePlot, type PlotSpec } from './plot';

const TEX = Symbol.for('nn-live.tex');

/** TeX to be typeset, made by the `tex` template tag cells have in scope. */
export interface Tex {
  readonly [TEX]: string;
}

export type TableCell = number | string | null;

/**
 * What a cell shows, as plain data. Every kind is bounded by `LIMITS`; `cut` says what was left
 * out (a vector's or matrix's `values` are then its first entries, in whole rows where they fit).
 */
export type DisplayNode =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'vector'; values: number[]; cut?: Cut[] }
  | { kind: 'matrix'; rows: number; cols: number; values: number[]; cut?: Cut[] }
  | { kind: 'tex'; tex: string }
  | { kind: 'text'; text: string; cut?: Cut[]; note?: string }
  | { kind: 'table'; columns: string[]; rows: TableCell[][]; cut?: Cut[] }
  | { kind: 'plot'; spec: PlotSpec; notes: string[]; cut?: Cut[] }
  | { kind: 'data'; text: string; cut?: Cut[] };

/** `tex\`\\hat y = ${p}\``: numbers are rounded, arrays become column vectors. */
export function tex(strings: TemplateStringsArray, ...values: unknown[]): Tex {
  // The raw strings: in tex`\\hat y` the backslash must reach KaTeX, not start an escape.
  let out = strings.raw[0] ?? '';
  values.forEach((value, i) => {
    out += texOf(value) + (strings.raw[i + 1] ?? '');
  });
  return { [TEX]: out };
}

function texOf(value: unknown): string {
  if (typeof value === 'number') return texNumber(value);
  if (isNumberArray(value)) return texVector(Array.from(value));
  if (isNumberMatrix(value)) return texMatrix(value.length, value[0]!.length, value.flat());
  if (isMatrixLike(value)) return texMatrix(value.rows, value.cols, value.data);
  if (isTex(value)) return value[TEX];
  return String(value);
}

export const isTex = (value: unknown): value is Tex => typeof value === 'object' && value !== null && TEX in value;

/** The TeX source a `tex` value holds. */
export const texSource = (value: Tex): string => value[TEX];

/** A src/ml Matrix, or anything with the same shape: { rows, cols, data }. */
export interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export function isMatrixLike(value: unknown): value is MatrixLike {
  if (typeof value !== 'object' || value === null) return false;
  const { rows, cols, data } = value as Partial<MatrixLike>;
  return (
    Number.isInteger(rows) &&
    Number.isInteger(cols) &&
    ArrayBuffer.isView(data) &&
    (data as unknown as ArrayLike<number>).length === rows! * cols!
  );
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  if (
    ArrayBuffer.isView(value) &&
    !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) &&
    !(value instanceof BigUint64Array)
  )
    return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number');
}

function isNumberMatrix(value: unknown): value is number[][] {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return false;
  const cols = (value[0] as unknown[]).length;
  return (
    cols > 0 &&
    value.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number'))
  );
}

// Compares prototypes structurally, not with Object.prototype: at build time cells run in a
// node:vm context, whose objects have that context's Object.prototype.
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** Describes a value for display. Never throws: unknown values get a readable description. */
export function describe(value: unknown): DisplayNode {
  try {
    return describeValue(value);
  } catch (error) {
    return {
      kind: 'text',
      text: `(this value cannot be shown: ${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function describeValue(value: unknown): DisplayNode {
  if (value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', ...cutString(value) };
  if (isTex(value)) return describeTex(value[TEX]);
  if (isPlotCall(value)) {
    const notes: string[] = [];
    const cut: Cut[] = [];
    const spec = serializePlot(value, notes, undefined, cut);
    return {
      kind: 'plot',
      spec,
      notes: notes.slice(0, LIMITS.plotNotes).map((note) => cutText(note, LIMITS.tableCellChars)),
      ...(cut.length > 0 ? { cut } : {}),
    };
  }
  if (isMatrixLike(value)) return describeMatrix(value.rows, value.cols, (i) => value.data[i]!);
  if (isNumberArray(value)) return describeVector(value);
  if (isNumberMatrix(value))
    return describeMatrix(
      value.length,
      value[0]!.length,
      (i) => value[Math.floor(i / value[0]!.length)]![i % value[0]!.length]!,
    );
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return describeTable(value);
  return { kind: 'data', ...cutString(inspect(value)) };
}

/** Text cut to LIMITS.textChars, saying how much there was. */
function cutString(text: string): { text: string; cut?: Cut[] } {
  if (text.length <= LIMITS.textChars) return { text };
  return {
    text: cutText(text, LIMITS.textChars),
    cut: [{ what: 'characters', shown: LIMITS.textChars, total: text.length }],
  };
}

/** TeX longer than KaTeX is given is shown as its source, so typesetting stays quick. */
function describeTex(source: string): DisplayNode {
  if (source.length <= LIMITS.texChars) return { kind: 'tex', tex: source };
  return {
    kind: 'text',
    ...cutString(source),
    note: `This TeX is ${count(source.length)} characters long; the page typesets at most ${count(LIMITS.texChars)}, so here is its source.`,
  };
}

function describeVector(values: ArrayLike<number>): DisplayNode {
  const shown = Math.min(values.length, LIMITS.entries);
  const out = Array.from({ length: shown }, (_, i) => values[i]!);
  return {
    kind: 'vector',
    values: out,
    ...(shown < values.length ? { cut: [{ what: 'entries', shown, total: values.length }] } : {}),
  };
}

/** A matrix's first entries, in whole rows where at least one row fits. */
function describeMatrix(rows: number, cols: number, entry: (index: number) => number): DisplayNode {
  const total = rows * cols;
  const shown =
    total <= LIMITS.entries
      ? total
      : cols <= LIMITS.entries
        ? Math.floor(LIMITS.entries / cols) * cols
        : LIMITS.entries;
  const values = Array.from({ length: shown }, (_, i) => entry(i));
  return { kind: 'matrix', rows, cols, values, ...(shown < total ? { cut: [{ what: 'entries', shown, total }] } : {}) };
}

function describeTable(rows: Record<string, unknown>[]): DisplayNode {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(0, LIMITS.tableRows)) {
    for (const key in row) {
      if (!Object.hasOwn(row, key) || seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  const columns = keys.slice(0, LIMITS.tableColumns);
  const shown = rows.slice(0, LIMITS.tableRows).map((row) =>
    columns.map((column): TableCell => {
      const cell = row[column];
      if (cell === undefined || cell === null) return null;
      if (typeof cell === 'number') return cell;
      return cutText(typeof cell === 'string' ? cell : inspect(cell, 1), LIMITS.tableCellChars);
    }),
  );
  const cut: Cut[] = [];
  if (shown.length < rows.length) cut.push({ what: 'rows', shown: shown.length, total: rows.length });
  if (columns.length < keys.length) cut.push({ what: 'columns', shown: columns.length, total: keys.length });
  return {
    kind: 'table',
    columns: columns.map((column) => cutText(column, LIMITS.tableCellChars)),
    rows: shown,
    ...(cut.length > 0 ? { cut } : {}),
  };
}

/** The first `n` items of an array-like, without copying the rest. */
function first<T>(items: ArrayLike<T>, n: number): T[] {
  return Array.from({ length: Math.min(n, items.length) }, (_, i) => items[i]!);
}

/** The first `n` items of an iterable. */
function firstOf<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** A readable, bounded, cycle-safe one-value description (for data, logs and table cells). */
export function inspect(value: unknown, depth = 3, seen = new Set<unknown>()): string {
  switch (typeof value) {
    case 'string':
      // Nested strings are quoted, and cut: a description stays short whatever it holds.
      return depth === 3 ? value : JSON.stringify(cutText(value, LIMITS.tableCellChars));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return cutText(`${value}`, LIMITS.tableCellChars) + 'n';
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return cutText(value.toString(), LIMITS.tableCellChars);
    case 'function': {
      const name = typeof value.name === 'string' && value.name !== '' ? cutText(value.name, 50) : 'anonymous';
      return `ƒ ${name}(${'…'.repeat(value.length > 0 ? 1 : 0)})`;
    }
  }
  if (value === null) return 'null';
  if (seen.has(value)) return '[circular]';
  if (typeof (value as { nodeType?: unknown }).nodeType === 'number') {
    return `a page element (${cutText(String((value as { nodeName?: unknown }).nodeName ?? 'node'), 50)}): cells cannot show page elements`;
  }
  // Tags rather than instanceof: build-time cells run in a node:vm context with its own classes.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Error]')
    return cutText(`${String((value as Error).name)}: ${String((value as Error).message)}`, LIMITS.messageChars);
  if (isTex(value)) return cutText(value[TEX], LIMITS.textChars);
  if (isPlotCall(value)) return `Plot.${cutText(value.name, 50)}(…)`;
  if (depth === 0) return Array.isArray(value) ? `[…${value.length}]` : '{…}';
  seen.add(value);
  try {
    if (isMatrixLike(value))
      return `Matrix (${value.rows},${value.cols}) [${first(value.data, 12).join(', ')}${value.data.length > 12 ? ', …' : ''}]`;
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const items = value as ArrayLike<unknown>;
      const shown = first(items, 20).map((item) => inspect(item, depth - 1, seen));
      return `[${shown.join(', ')}${items.length > 20 ? `, … ${items.length - 20} more` : ''}]`;
    }
    if (tag === '[object Map]')
      return `Map(${(value as Map<unknown, unknown>).size}) {${firstOf(value as Map<unknown, unknown>, 10)
        .map(([k, v]) => `${inspect(k, depth - 1, seen)} => ${inspect(v, depth - 1, seen)}`)
        .join(', ')}}`;
    if (tag === '[object Set]')
      return `Set(${(value as Set<unknown>).size}) {${firstOf(value as Set<unknown>, 10)
        .map((v) => inspect(v, depth - 1, seen))
        .join(', ')}}`;
    const keys: string[] = [];
    let more = false;
    for (const key in value as object) {
      if (!Object.hasOwn(value as object, key)) continue;
      if (keys.length === 20) {
        more = true;
        break;
      }
      keys.push(key);
    }
    const name = (value as object).constructor?.name;
    const prefix = typeof name === 'string' && name !== 'Object' ? `${cutText(name, 50)} ` : '';
    const shown = keys.map(
      (k) =>
        `${/^[A-Za-z_$][\w$]*$/.test(k) ? cutText(k, 50) : JSON.stringify(cutText(k, 50))}: ${inspect((value as Record<string, unknown>)[k], depth - 1, seen)}`,
    );
    return cutText(`${prefix}{${shown.join(', ')}${more ? ', …' : ''}}`, LIMITS.textChars);
  } finally {
    seen.delete(value);
  }
}
