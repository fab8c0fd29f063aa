/**
 * Turns whatever a cell returns into a DisplayNode: plain, postable data that `render.ts`
 * turns into HTML the same way at build time and in the browser. It runs where the value is
 * (the worker, or Node at build time), so nothing here touches the DOM.
 */
import { texMatrix, texNumber, texVector } from './format';
import { isPlotCall, serializePlot, type PlotSpec } from './plot';

const TEX = Symbol.for('nn-live.tex');

/** TeX to be typeset, made by the `tex` template tag cells have in scope. */
export interface Tex {
  readonly [TEX]: string;
}

export type TableCell = number | string | null;

export type DisplayNode =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'vector'; values: number[] }
  | { kind: 'matrix'; rows: number; cols: number; values: number[] }
  | { kind: 'tex'; tex: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; columns: string[]; rows: TableCell[][]; omitted: number }
  | { kind: 'plot'; spec: PlotSpec; notes: string[] }
  | { kind: 'data'; text: string };

const MAX_TABLE_ROWS = 50;

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

/** A src/ml Matrix, or anything with the same shape: { rows, cols, data }. */
export interface MatrixLike {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export function isMatrixLike(value: unknown): value is MatrixLike {
  if (typeof value !== 'object' || value === null) return false;
  const { rows, cols, data } = value as Partial<MatrixLike>;
  return Number.isInteger(rows) && Number.isInteger(cols) && ArrayBuffer.isView(data) && (data as unknown as ArrayLike<number>).length === rows! * cols!;
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array)) return true;
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number');
}

function isNumberMatrix(value: unknown): value is number[][] {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return false;
  const cols = (value[0] as unknown[]).length;
  return cols > 0 && value.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number'));
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
    return { kind: 'text', text: `(this value cannot be shown: ${error instanceof Error ? error.message : String(error)})` };
  }
}

function describeValue(value: unknown): DisplayNode {
  if (value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (isTex(value)) return { kind: 'tex', tex: value[TEX] };
  if (isPlotCall(value)) {
    const notes: string[] = [];
    return { kind: 'plot', spec: serializePlot(value, notes), notes };
  }
  if (isMatrixLike(value)) return { kind: 'matrix', rows: value.rows, cols: value.cols, values: Array.from(value.data) };
  if (isNumberArray(value)) return { kind: 'vector', values: Array.from(value) };
  if (isNumberMatrix(value)) return { kind: 'matrix', rows: value.length, cols: value[0]!.length, values: value.flat() };
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return describeTable(value);
  return { kind: 'data', text: inspect(value) };
}

function describeTable(rows: Record<string, unknown>[]): DisplayNode {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const shown = rows.slice(0, MAX_TABLE_ROWS).map((row) =>
    columns.map((column): TableCell => {
      const cell = row[column];
      if (cell === undefined || cell === null) return null;
      return typeof cell === 'number' || typeof cell === 'string' ? cell : inspect(cell, 1);
    }),
  );
  return { kind: 'table', columns, rows: shown, omitted: rows.length - shown.length };
}

/** A readable, bounded, cycle-safe one-value description (for data, logs and table cells). */
export function inspect(value: unknown, depth = 3, seen = new Set<unknown>()): string {
  switch (typeof value) {
    case 'string':
      return depth === 3 ? value : JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function': {
      const name = value.name || 'anonymous';
      return `ƒ ${name}(${'…'.repeat(value.length > 0 ? 1 : 0)})`;
    }
  }
  if (value === null) return 'null';
  if (seen.has(value)) return '[circular]';
  if (typeof (value as { nodeType?: unknown }).nodeType === 'number') {
    return `a page element (${String((value as { nodeName?: unknown }).nodeName ?? 'node')}): cells cannot show page elements`;
  }
  // Tags rather than instanceof: build-time cells run in a node:vm context with its own classes.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Error]') return `${String((value as Error).name)}: ${String((value as Error).message)}`;
  if (isTex(value)) return value[TEX];
  if (isPlotCall(value)) return `Plot.${value.name}(…)`;
  if (depth === 0) return Array.isArray(value) ? `[…${value.length}]` : '{…}';
  seen.add(value);
  try {
    if (isMatrixLike(value)) return `Matrix (${value.rows},${value.cols}) [${Array.from(value.data).slice(0, 12).join(', ')}${value.data.length > 12 ? ', …' : ''}]`;
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      const items = Array.from(value as ArrayLike<unknown>);
      const shown = items.slice(0, 20).map((item) => inspect(item, depth - 1, seen));
      return `[${shown.join(', ')}${items.length > 20 ? `, … ${items.length - 20} more` : ''}]`;
    }
    if (tag === '[object Map]') return `Map(${(value as Map<unknown, unknown>).size}) {${[...(value as Map<unknown, unknown>)].slice(0, 10).map(([k, v]) => `${inspect(k, depth - 1, seen)} => ${inspect(v, depth - 1, seen)}`).join(', ')}}`;
    if (tag === '[object Set]') return `Set(${(value as Set<unknown>).size}) {${[...(value as Set<unknown>)].slice(0, 10).map((v) => inspect(v, depth - 1, seen)).join(', ')}}`;
    const entries = Object.entries(value as object);
    const name = (value as object).constructor?.name;
    const prefix = name && name !== 'Object' ? `${name} ` : '';
    const shown = entries.slice(0, 20).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inspect(v, depth - 1, seen)}`);
    return `${prefix}{${shown.join(', ')}${entries.length > 20 ? ', …' : ''}}`;
  } finally {
    seen.delete(value);
  }
}
