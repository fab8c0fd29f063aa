/**
 * Reads a matrix shape as students write it: `4, 3`, `(4, 3)`, `[4,3]`, `4x3`, `4 × 3`, `4 by 3`.
 * With a comma, rows and columns are two expressions of the answer language, so a size can be
 * computed where it is asked for (`64*64*3, 1`). Without one, `4x3` is not an expression (it
 * would be 4 times a name `x3`), so a small scanner of its own reads it, with the same kind of
 * positioned messages as the expression reader; when it cannot, it says what it did read.
 */
import type { Expr, SourceError, Span } from './ast';
import { column, listing, quote } from './errors';
import { evaluate } from './evaluate';
import { MAX_INPUT_LENGTH, parseList } from './parse';

/** `entries` are the expressions read when rows and columns were separated by a comma. */
export type ShapeResult =
  | { readonly ok: true; readonly rows: number; readonly cols: number; readonly entries?: readonly [Expr, Expr] }
  | { readonly ok: false; readonly error: SourceError };

type Piece = Span & { readonly kind: 'number' | 'separator' | 'open' | 'close' | 'other'; readonly text: string };

/** Separators between rows and columns; `x` only between numbers, which is the only place it can be. */
const SEPARATOR = /^(,|x|X|×|\*|·|⋅|by)/;
const EXAMPLE = 'write a shape as rows, columns, for example (4, 3)';

export function readShape(input: string): ShapeResult {
  const fail = (message: string, span: Span): ShapeResult => ({
    ok: false,
    error: { message, start: span.start, end: span.end },
  });
  const whole = { start: 0, end: input.length };
  if (input.length > MAX_INPUT_LENGTH)
    return fail(`the answer is too long: ${input.length} characters, at most ${MAX_INPUT_LENGTH}`, whole);
  if (input.trim() === '') return fail('empty answer', whole);

  const scanned = scan(input);
  const [first, last] = [scanned[0], scanned[scanned.length - 1]];
  if (first?.kind === 'open' && last?.kind !== 'close') {
    return fail(
      `missing ${quote(first.text === '(' ? ')' : ']')} for the ${quote(first.text)} at column ${column(input, first.start)}`,
      first,
    );
  }
  const pieces = withoutEnclosingBrackets(scanned);
  if (pieces.some((piece) => piece.text === ',')) return readEntries(input);
  const stray = pieces.find((piece) => piece.kind !== 'number' && piece.kind !== 'separator');
  if (stray !== undefined)
    return fail(`unexpected ${quote(stray.text)} at column ${column(input, stray.start)}: ${EXAMPLE}`, stray);

  const numbers = pieces.filter((piece) => piece.kind === 'number');
  if (numbers.length !== 2) {
    const read =
      numbers.length === 0
        ? 'no number'
        : `${numbers.length === 1 ? 'one number' : `${numbers.length} numbers`}: ${listing(numbers.map((n) => n.text))}`;
    const advice = numbers.length > 2 ? ': to compute rows or columns, put a comma between them, as in 2*3, 4' : '';
    return fail(`a shape has two numbers, rows and columns; this reads as ${read}${advice}`, whole);
  }
  if (pieces.length === 2)
    return fail(`put a comma between rows and columns: ${numbers[0]!.text}, ${numbers[1]!.text}`, whole);
  const [rows, separator, cols] = pieces;
  if (pieces.length !== 3 || rows?.kind !== 'number' || separator?.kind !== 'separator' || cols?.kind !== 'number')
    return fail(EXAMPLE, whole);

  for (const piece of [rows, cols]) {
    if (!/^\d+$/.test(piece.text))
      return fail(`${quote(piece.text)} at column ${column(input, piece.start)} is not a whole number`, piece);
    if (!Number.isSafeInteger(Number(piece.text)))
      return fail(`${quote(piece.text)} at column ${column(input, piece.start)} is too large`, piece);
  }
  return { ok: true, rows: Number(rows.text), cols: Number(cols.text) };
}

/** Rows and columns as two expressions separated by a comma, each a whole number ≥ 0. */
function readEntries(input: string): ShapeResult {
  const list = parseList(input);
  if (!list.ok) return list;
  const fail = (message: string, span: Span): ShapeResult => ({
    ok: false,
    error: { message, start: span.start, end: span.end },
  });
  const texts = list.items.map((item) => input.slice(item.start, item.end));
  const [rows, cols] = list.items;
  if (list.items.length !== 2 || rows === undefined || cols === undefined) {
    return fail(`a shape has two entries, rows and columns; this reads as ${list.items.length}: ${listing(texts)}`, {
      start: 0,
      end: input.length,
    });
  }
  const sizes: number[] = [];
  for (const [i, item] of [rows, cols].entries()) {
    const value = evaluate(item);
    const what = `'${texts[i]!.replace(/\s+/g, ' ')}' at column ${column(input, item.start)}`;
    // A computed entry says what it came to: '64/5' is 12.8.
    const came = Number(texts[i]!.replace('−', '-')) === value || !Number.isFinite(value) ? '' : ` is ${value}, which`;
    if (!Number.isFinite(value)) return fail(`${what} is not a number`, item);
    if (!Number.isInteger(value)) return fail(`${what}${came} is not a whole number`, item);
    if (value < 0) return fail(`${what}${came} is negative: a shape counts rows and columns`, item);
    if (!Number.isSafeInteger(value)) return fail(`${what}${came} is too large`, item);
    sizes.push(value);
  }
  return { ok: true, rows: sizes[0]!, cols: sizes[1]!, entries: [rows, cols] };
}

function scan(input: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < input.length) {
    const rest = input.slice(i);
    const number = /^(\d+\.?\d*|\.\d+)/.exec(rest)?.[0];
    const separator = SEPARATOR.exec(rest)?.[0];
    const whitespace = /^\s+/.exec(rest)?.[0];
    const char = String.fromCodePoint(rest.codePointAt(0)!);
    const [kind, text]: [Piece['kind'] | 'space', string] =
      whitespace !== undefined
        ? ['space', whitespace]
        : number !== undefined
          ? ['number', number]
          : separator !== undefined
            ? ['separator', separator]
            : char === '(' || char === '['
              ? ['open', char]
              : char === ')' || char === ']'
                ? ['close', char]
                : ['other', char];
    if (kind !== 'space') pieces.push({ kind, text, start: i, end: i + text.length });
    i += text.length;
  }
  return pieces;
}

/** `(4, 3)` and `[4, 3]` are 4, 3; a lone or mismatched bracket is left to be reported. */
function withoutEnclosingBrackets(pieces: Piece[]): Piece[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first?.kind !== 'open' || last?.kind !== 'close' || pieces.length < 2) return pieces;
  if ((first.text === '(') !== (last.text === ')')) return pieces;
  return pieces.slice(1, -1);
}
