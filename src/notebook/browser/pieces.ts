/**
 * "Show more" of a cut output, in the worker where the whole value still is: the piece of it
 * that starts at `from` (a character, an entry, a row or a console line), as text, never longer
 * than `LIMITS.textChars`.
 */
import { inspect, isMatrixLike, isTex, texSource } from '../describe';
import type { LogBook } from '../execute';
import { cutText, LIMITS, PIECE_SIZE, type Cut } from '../limits';

export interface PieceText {
  from: number;
  to: number;
  total: number;
  what: Cut['what'];
  text: string;
}

const ENTRIES_PER_PIECE = PIECE_SIZE.entries;
const ROWS_PER_PIECE = PIECE_SIZE.rows;
const LINES_PER_PIECE = PIECE_SIZE.lines;

const isNumbers = (value: unknown): value is ArrayLike<number> =>
  (ArrayBuffer.isView(value) && !(value instanceof DataView)) ||
  (Array.isArray(value) && value.length > 0 && typeof value[0] === 'number');

function characters(text: string, from: number): PieceText {
  const start = Math.min(from, text.length);
  const piece = cutText(text.slice(start, start + PIECE_SIZE.characters), LIMITS.textChars);
  return { from: start, to: start + piece.length, total: text.length, what: 'characters', text: piece };
}

/** Entries `from` up to the piece's end, one line per matrix row they belong to. */
function entries(total: number, cols: number, entry: (i: number) => unknown, from: number): PieceText {
  const start = Math.min(from, total);
  const end = Math.min(total, start + ENTRIES_PER_PIECE);
  const lines: string[] = [];
  for (let i = start; i < end;) {
    const row = Math.floor(i / cols);
    const rowEnd = Math.min(end, (row + 1) * cols);
    const values: string[] = [];
    for (let j = i; j < rowEnd; j++) values.push(String(entry(j)));
    lines.push(cols === total ? values.join(', ') : `row ${row + 1}: ${values.join(', ')}`);
    i = rowEnd;
  }
  return { from: start, to: end, total, what: 'entries', text: cutText(lines.join('\n'), LIMITS.textChars) };
}

function lines(
  items: ArrayLike<unknown>,
  from: number,
  perPiece: number,
  what: Cut['what'],
  show: (item: unknown) => string,
): PieceText {
  const start = Math.min(from, items.length);
  const end = Math.min(items.length, start + perPiece);
  const out: string[] = [];
  for (let i = start; i < end; i++) out.push(cutText(show(items[i]), Math.floor(LIMITS.textChars / perPiece)));
  return { from: start, to: end, total: items.length, what, text: out.join('\n') };
}

/** The piece of a cell's value or console output that starts at `from`; undefined when it has no pieces. */
export function pieceOf(source: { value: unknown } | { logs: LogBook }, from: number): PieceText | undefined {
  if ('logs' in source) return lines(source.logs.lines, from, LINES_PER_PIECE, 'lines', String);
  const { value } = source;
  if (typeof value === 'string') return characters(value, from);
  if (isTex(value)) return characters(texSource(value), from);
  if (isMatrixLike(value)) return entries(value.rows * value.cols, value.cols, (i) => value.data[i], from);
  if (isNumbers(value)) return entries(value.length, value.length, (i) => value[i], from);
  if (Array.isArray(value) && Array.isArray(value[0])) {
    const cols = (value[0] as unknown[]).length;
    return entries(value.length * cols, cols, (i) => (value[Math.floor(i / cols)] as unknown[])[i % cols], from);
  }
  if (Array.isArray(value)) return lines(value, from, ROWS_PER_PIECE, 'rows', (row) => inspect(row, 1));
  if (typeof value === 'object' && value !== null) return characters(inspect(value), from);
  return undefined;
}
