/**
 * The page's one check of what the cell worker says. Cell code runs in the worker, so nothing
 * it posts is trusted: a message is read field by field against the protocol (types, ranges,
 * `LIMITS`) into a fresh object, and anything else is refused with the reason. Only what this
 * returns is ever drawn.
 */
import type { DisplayNode, TableCell } from '../describe';
import { cutText, LIMITS, type Cut } from '../limits';
import type { PlotSpec, PlotValue } from '../plot';
import type { Analysis, CellProblem, FromWorker, OutputPart } from './protocol';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Thrown inside the readers below with what was wrong and where; caught in `readFromWorker`. */
class Invalid extends Error {}

const fail = (where: string, what: string): never => {
  throw new Invalid(`${where} ${what}`);
};

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'is not an object');
  return value as Record<string, unknown>;
}

function string(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') return fail(where, 'is not text');
  if (value.length > max) fail(where, `is longer than ${max} characters`);
  return value;
}

function number(value: unknown, where: string): number {
  if (typeof value !== 'number') fail(where, 'is not a number');
  return value as number;
}

function count(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(where, `is not a whole number from ${min} to ${max}`);
  return value as number;
}

function list<T>(value: unknown, where: string, max: number, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) return fail(where, 'is not a list');
  if (value.length > max) fail(where, `has more than ${max} items`);
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) out.push(item(value[i], `${where}[${i}]`));
  return out;
}

function optional<T>(object: Record<string, unknown>, key: string, read: (v: unknown) => T): T | undefined {
  return Object.hasOwn(object, key) && object[key] !== undefined ? read(object[key]) : undefined;
}

const name = (value: unknown, where: string) => {
  const text = string(value, where, LIMITS.nameChars);
  if (!/^[A-Za-z_$][\w$-]*$/.test(text)) fail(where, 'is not a name');
  return text;
};

const CUT_KINDS = new Set<Cut['what']>(['characters', 'entries', 'rows', 'columns', 'values', 'lines']);
const BIG = Number.MAX_SAFE_INTEGER;

function cut(value: unknown, where: string): Cut {
  const o = record(value, where);
  const what = string(o['what'], `${where}.what`, 20) as Cut['what'];
  if (!CUT_KINDS.has(what)) fail(`${where}.what`, 'is not a kind of cut');
  const total = count(o['total'], `${where}.total`, 0, BIG);
  return { what, shown: count(o['shown'], `${where}.shown`, 0, total), total };
}

const cuts = (o: Record<string, unknown>, where: string) => optional(o, 'cut', (v) => list(v, `${where}.cut`, 2, cut));
const withCut = <T extends object>(node: T, c: Cut[] | undefined) => (c === undefined ? node : { ...node, cut: c });

function plotValue(value: unknown, where: string, depth: number, budget: { left: number }): PlotValue {
  if (depth > LIMITS.plotDepth + 2) fail(where, 'is nested too deeply');
  if (--budget.left < 0) fail(where, `holds more than ${LIMITS.plotValues} values`);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return string(value, where, LIMITS.tableCellChars);
  if (Array.isArray(value)) return value.map((item, i) => plotValue(item, `${where}[${i}]`, depth + 1, budget));
  const o = record(value, where);
  if (typeof o['call'] === 'string' && Array.isArray(o['args'])) return plotSpec(o, where, depth, budget);
  const out: { [key: string]: PlotValue } = {};
  for (const key of Object.keys(o)) {
    string(key, `${where} key`, LIMITS.tableCellChars);
    // A key like __proto__ becomes an ordinary property, never the object's prototype.
    Object.defineProperty(out, key, {
      value: plotValue(o[key], `${where}.${key}`, depth + 1, budget),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function plotSpec(o: Record<string, unknown>, where: string, depth: number, budget: { left: number }): PlotSpec {
  const call = name(o['call'], `${where}.call`);
  return { call, args: list(o['args'], `${where}.args`, 8, (v, w) => plotValue(v, w, depth + 1, budget)) };
}

const finite = (v: unknown, w: string) => number(v, w);

/** A display node as the worker's `describe` makes it, within `LIMITS`. */
export function readDisplay(value: unknown, where = 'display'): DisplayNode {
  const o = record(value, where);
  const kind = o['kind'];
  switch (kind) {
    case 'empty':
      return { kind };
    case 'number':
      return { kind, value: number(o['value'], `${where}.value`) };
    case 'vector': {
      const values = list(o['values'], `${where}.values`, LIMITS.entries, finite);
      const c = cuts(o, where);
      if (!c && values.length === 0) fail(`${where}.values`, 'is empty');
      return withCut({ kind, values }, c);
    }
    case 'matrix': {
      const rows = count(o['rows'], `${where}.rows`, 1, BIG);
      const cols = count(o['cols'], `${where}.cols`, 1, BIG);
      const values = list(o['values'], `${where}.values`, LIMITS.entries, finite);
      const c = cuts(o, where);
      if (c ? values.length > rows * cols : values.length !== rows * cols)
        fail(`${where}.values`, `does not fit the shape (${rows}, ${cols})`);
      return withCut({ kind, rows, cols, values }, c);
    }
    case 'tex':
      return { kind, tex: string(o['tex'], `${where}.tex`, LIMITS.texChars) };
    case 'text': {
      const note = optional(o, 'note', (v) => string(v, `${where}.note`, LIMITS.messageChars));
      const node = withCut({ kind, text: string(o['text'], `${where}.text`, LIMITS.textChars) }, cuts(o, where));
      return note === undefined ? node : { ...node, note };
    }
    case 'data':
      return withCut({ kind, text: string(o['text'], `${where}.text`, LIMITS.textChars) }, cuts(o, where));
    case 'table': {
      const columns = list(o['columns'], `${where}.columns`, LIMITS.tableColumns, (v, w) =>
        string(v, w, LIMITS.tableCellChars),
      );
      const rows = list(o['rows'], `${where}.rows`, LIMITS.tableRows, (row, w) => {
        const cells = list(row, w, columns.length, (cell, cw): TableCell =>
          cell === null || typeof cell === 'number' ? cell : string(cell, cw, LIMITS.tableCellChars),
        );
        if (cells.length !== columns.length) fail(w, `has ${cells.length} cells for ${columns.length} columns`);
        return cells;
      });
      return withCut({ kind, columns, rows }, cuts(o, where));
    }
    case 'plot': {
      const spec = plotSpec(record(o['spec'], `${where}.spec`), `${where}.spec`, 0, { left: LIMITS.plotValues * 2 });
      const notes = list(o['notes'], `${where}.notes`, LIMITS.plotNotes, (v, w) => string(v, w, LIMITS.tableCellChars));
      return withCut({ kind, spec, notes }, cuts(o, where));
    }
    default:
      return fail(`${where}.kind`, 'is not a kind of output');
  }
}

function problem(value: unknown, where: string): CellProblem {
  const o = record(value, where);
  const out: CellProblem = { message: string(o['message'], `${where}.message`, LIMITS.messageChars) };
  const line = optional(o, 'line', (v) => count(v, `${where}.line`, 1, 1e6));
  const column = optional(o, 'column', (v) => count(v, `${where}.column`, 1, 1e6));
  if (line !== undefined) out.line = line;
  if (column !== undefined) out.column = column;
  return out;
}

function analysis(value: unknown, where: string): Analysis {
  const o = record(value, where);
  const names = (key: string) => list(o[key], `${where}.${key}`, LIMITS.names, name);
  const out: Analysis = {
    id: name(o['id'], `${where}.id`),
    defines: names('defines'),
    references: names('references'),
  };
  const error = optional(o, 'error', (v) => problem(v, `${where}.error`));
  return error === undefined ? out : { ...out, error };
}

const logs = (o: Record<string, unknown>) => {
  const lines = list(o['logs'], 'logs', LIMITS.logLines, (v, w) => string(v, w, LIMITS.logChars));
  if (lines.reduce((sum, line) => sum + line.length, 0) > LIMITS.logChars + LIMITS.logLines)
    fail('logs', `hold more than ${LIMITS.logChars} characters`);
  const logsCut = optional(o, 'logsCut', (v) => cut(v, 'logsCut'));
  return logsCut === undefined ? { logs: lines } : { logs: lines, logsCut };
};

const PARTS = new Set<OutputPart>(['value', 'logs']);
const TYPES = new Set(['done', 'analyzed', 'result', 'failed', 'skipped', 'reanalyzed', 'piece']);

/** Reads one message from the worker, or says what is wrong with it. Never throws. */
export function readFromWorker(data: unknown): Read<FromWorker> {
  try {
    const o = record(data, 'the message');
    const type = o['type'];
    if (type === 'ready') return { ok: true, value: { type } };
    if (typeof type !== 'string' || !TYPES.has(type)) fail('type', 'is not a message the worker sends');
    const requestId = count(o['requestId'], 'requestId', 1, BIG);
    switch (type) {
      case 'done':
        return { ok: true, value: { type, requestId } };
      case 'analyzed':
        return { ok: true, value: { type, requestId, results: list(o['results'], 'results', 10_000, analysis) } };
      case 'result':
        return {
          ok: true,
          value: {
            type,
            requestId,
            id: name(o['id'], 'id'),
            display: readDisplay(o['display']),
            ...logs(o),
            ms: number(o['ms'], 'ms'),
          },
        };
      case 'failed': {
        const a = optional(o, 'analysis', (v) => analysis(v, 'analysis'));
        const fatal = optional(o, 'fatal', (v) => (v === true ? (true as const) : fail('fatal', 'is not true')));
        return {
          ok: true,
          value: {
            type,
            requestId,
            id: name(o['id'], 'id'),
            error: problem(o['error'], 'error'),
            ...logs(o),
            ...(a ? { analysis: a } : {}),
            ...(fatal ? { fatal } : {}),
          },
        };
      }
      case 'skipped':
        return {
          ok: true,
          value: { type, requestId, id: name(o['id'], 'id'), blocker: name(o['blocker'], 'blocker') },
        };
      case 'reanalyzed':
        return {
          ok: true,
          value: { type, requestId, id: name(o['id'], 'id'), analysis: analysis(o['analysis'], 'analysis') },
        };
      case 'piece': {
        const part = string(o['part'], 'part', 10) as OutputPart;
        if (!PARTS.has(part)) fail('part', 'is not value or logs');
        const c = cut({ what: o['what'], shown: 0, total: o['total'] }, 'piece');
        const from = count(o['from'], 'from', 0, c.total);
        const to = count(o['to'], 'to', from, c.total);
        const text = o['text'] === null ? null : string(o['text'], 'text', LIMITS.textChars);
        return {
          ok: true,
          value: { type, requestId, id: name(o['id'], 'id'), part, from, to, total: c.total, what: c.what, text },
        };
      }
      default:
        return fail('type', 'is not a message the worker sends');
    }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: cutText(error.message, 300) };
    return { ok: false, reason: 'it could not be read' };
  }
}
