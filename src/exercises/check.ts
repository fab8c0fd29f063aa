/**
 * The answer checker of self-checking exercises, run in the browser on what a student typed.
 * It says whether the answer could be read (`invalid`, with a message pointing into the input),
 * and if so whether it is right; it also shows how the answer was read (`previewTex`).
 * The same reading of the expected values runs at build time (`validateSpec`), so an exercise
 * whose expected answer does not read or evaluate never ships.
 *
 * Over 300 lines: the four kinds of one-line answer share one reading and one verdict path, and
 * this module is the checker chunk a page loads on the first answer; split, it would be two requests.
 */
import type { AnswerSpec } from './spec';
import {
  closeEnough,
  compareAt,
  evaluate,
  FORMULA_TOLERANCE,
  listing,
  parseExpression,
  parseList,
  readShape,
  samplePoints,
  SAMPLE_POINTS,
  toTex,
  type Comparison,
  type Expr,
  type SamplePoint,
  type SourceError,
} from './expression';
import { formatNumber } from '../display/numbers';
import { distinctTexts, pointText } from './counterexample';

export interface Verdict {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly message: string;
  /** How the answer was read, as TeX; set whenever it could be read. */
  readonly previewTex?: string;
  /** The part of the input the message is about (offsets, end exclusive). */
  readonly position?: { readonly start: number; readonly end: number };
}

type AnswerOfType<T extends AnswerSpec['type']> = Extract<AnswerSpec, { type: T }>;
export type NumberAnswer = AnswerOfType<'number'>;
export type VectorAnswer = AnswerOfType<'vector'>;
export type ShapeAnswer = AnswerOfType<'shape'>;
export type ExpressionAnswer = AnswerOfType<'expression'>;

/** Relative tolerances when the spec sets none: numbers are typed rounded, formulas are exact. */
export const DEFAULT_TOLERANCE = { number: 1e-3, vector: 1e-3, expression: FORMULA_TOLERANCE } as const;
/**
 * A wrong number within this many tolerances of the target is "close": most likely rounded a
 * digit too early (3000 for 3072 is 2.3% off, 23 tolerances of 0.1%: not close). Whatever the
 * tolerance, nothing more than 10% off is called close.
 */
const CLOSE_TOLERANCES = 10;
const CLOSE_AT_MOST = 0.1;

/**
 * An expression answer as a page carries it: the reference's values at the sample points in
 * place of the formula, so the page source does not give the answer away.
 */
export type PublishedExpressionAnswer = Omit<ExpressionAnswer, 'expected'> & {
  readonly samples: readonly SamplePoint[];
};
/** An answer as a page carries it; numbers and vectors as their computed values. */
export type PublishedAnswer = NumberAnswer | VectorAnswer | ShapeAnswer | PublishedExpressionAnswer;

/** What the build writes into the page for the browser's checker. Throws on a broken spec. */
export function publishSpec(spec: AnswerSpec): PublishedAnswer {
  switch (spec.type) {
    case 'number':
    case 'vector': {
      const expected = expectedNumbers(spec);
      if (!expected.ok) throw new Error(expected.message);
      return { ...spec, expected: expected.values.map(String).join(', ') };
    }
    case 'shape':
      return spec;
    case 'expression': {
      const expected = expectedPoints(spec);
      if (!expected.ok) throw new Error(expected.message);
      const { expected: _formula, ...rest } = spec;
      return { ...rest, samples: expected.points };
    }
  }
}

/**
 * The verdict on an answer typed in one line. A derivation in steps has a checker of its own,
 * checkSteps (steps.ts), which this module does not import, so a page loads it only when it has
 * a derivation to check.
 */
export function checkAnswer(spec: AnswerSpec | PublishedAnswer, input: string): Verdict {
  try {
    switch (spec.type) {
      case 'number':
        return checkNumber(spec, input);
      case 'vector':
        return checkVector(spec, input);
      case 'shape':
        return checkShape(spec, input);
      case 'expression':
        return checkExpression(spec, input);
    }
  } catch {
    // Nothing above should throw; if something does, the student still gets an answer.
    return { status: 'invalid', message: 'this answer could not be checked' };
  }
}

/** For the build: null when the expected answer reads and evaluates to finite numbers, else why not. */
export function validateSpec(spec: AnswerSpec): string | null {
  const expected =
    spec.type === 'shape'
      ? expectedShape(spec)
      : spec.type === 'expression'
        ? expectedPoints(spec)
        : expectedNumbers(spec);
  return expected.ok ? null : problemWith(spec, expected.message);
}

/** The expected number(s): for tests that pin an exercise's answer against `src/ml`. Throws on a broken spec. */
export function expectedValue(spec: NumberAnswer): number;
export function expectedValue(spec: VectorAnswer | ShapeAnswer): number[];
export function expectedValue(spec: NumberAnswer | VectorAnswer | ShapeAnswer): number | number[];
export function expectedValue(spec: NumberAnswer | VectorAnswer | ShapeAnswer): number | number[] {
  if (spec.type === 'shape') {
    const shape = expectedShape(spec);
    if (!shape.ok) throw new Error(problemWith(spec, shape.message));
    return [shape.rows, shape.cols];
  }
  const numbers = expectedNumbers(spec);
  if (!numbers.ok) throw new Error(problemWith(spec, numbers.message));
  return spec.type === 'number' ? numbers.values[0]! : numbers.values;
}

const problemWith = (spec: AnswerSpec, message: string) => `answer '${spec.name}': ${message}`;

// ─── Expected values ────────────────────────────────────────────────────────────────────────

type Expected<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

const describeError = (source: string, error: SourceError) => `expected '${source}' does not read: ${error.message}`;

function expectedNumbers(spec: NumberAnswer | VectorAnswer): Expected<{ values: number[] }> {
  const read = parseList(spec.expected);
  if (!read.ok) return { ok: false, message: describeError(spec.expected, read.error) };
  if (spec.type === 'number' && read.items.length !== 1) {
    return { ok: false, message: `expected '${spec.expected}' is ${read.items.length} values, not one number` };
  }
  if (read.items.length === 0) return { ok: false, message: `expected '${spec.expected}' has no entries` };
  const values = read.items.map((item) => evaluate(item));
  const undefinedAt = values.findIndex((value) => !Number.isFinite(value));
  if (undefinedAt >= 0)
    return {
      ok: false,
      message: `expected '${spec.expected}' evaluates to ${values[undefinedAt]} (entry ${undefinedAt + 1})`,
    };
  return { ok: true, values };
}

function expectedShape(spec: ShapeAnswer): Expected<{ rows: number; cols: number }> {
  const read = readShape(spec.expected);
  if (!read.ok) return { ok: false, message: describeError(spec.expected, read.error) };
  if (read.rows < 1 || read.cols < 1)
    return { ok: false, message: `expected shape '${spec.expected}' has a zero dimension` };
  return read;
}

function expectedPoints(spec: ExpressionAnswer): Expected<{ points: SamplePoint[] }> {
  const read = parseExpression(spec.expected, { variables: Object.keys(spec.variables) });
  if (!read.ok) return { ok: false, message: describeError(spec.expected, read.error) };
  const points = samplePoints(read.ast, spec.variables, spec.expected);
  if (points.length < SAMPLE_POINTS) {
    return {
      ok: false,
      message: `expected '${spec.expected}' is undefined (NaN or ±∞) on most of the variables' domains`,
    };
  }
  return { ok: true, points };
}

const brokenSpec = (message: string): Verdict => ({
  status: 'invalid',
  message: `this exercise's expected answer is broken: ${message}`,
});

const unreadable = (error: SourceError): Verdict => ({
  status: 'invalid',
  message: error.message,
  position: { start: error.start, end: error.end },
});

// ─── One number ─────────────────────────────────────────────────────────────────────────────

function checkNumber(spec: NumberAnswer, input: string): Verdict {
  const expected = expectedNumbers(spec);
  if (!expected.ok) return brokenSpec(expected.message);
  const read = parseList(input);
  if (!read.ok) return unreadable(read.error);
  const [item] = read.items;
  if (item === undefined || read.items.length > 1) return wrongCount(input, read.items, 1);

  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE.number;
  const value = evaluate(item);
  const target = expected.values[0]!;
  const previewTex = toTex(item);
  if (!Number.isFinite(value))
    return {
      status: 'incorrect',
      message: `Not correct: this evaluates to ${formatNumber(value)}, not to a number.`,
      previewTex,
    };
  if (closeEnough(value, target, tolerance)) return { status: 'correct', message: 'Correct.', previewTex };
  if (roundedFrom(item, target)) {
    return {
      status: 'incorrect',
      message: `Rounded too early: ${item.kind === 'number' ? item.text : 'this'} is the answer rounded, but not within ${percent(tolerance)}: ${moreFigures(tolerance)}.`,
      previewTex,
    };
  }
  if (isClose(value, target, tolerance)) {
    return {
      status: 'incorrect',
      message: `Close, but not within ${percent(tolerance)}: ${moreFigures(tolerance)}.`,
      previewTex,
    };
  }
  if (target !== 0 && closeEnough(-value, target, tolerance))
    return { status: 'incorrect', message: 'Not correct: check the sign.', previewTex };
  return { status: 'incorrect', message: 'Not correct.', previewTex };
}

/** A count mismatch; `0,842` for one number is most likely a decimal comma. */
function wrongCount(input: string, items: readonly Expr[], wanted: number): Verdict {
  const whole = { start: 0, end: input.length };
  const got = items.length === 0 ? 'none' : String(items.length);
  const looksLikeDecimalComma = wanted === 1 && items.length === 2 && items.every((item) => item.kind === 'number');
  const hint = looksLikeDecimalComma ? ': write decimals with a point (0.5), not a comma' : '';
  const noun = wanted === 1 ? 'one number' : `${wanted} numbers`;
  const previewTex = items.length > 0 ? listTex(items) : undefined;
  return {
    status: 'invalid',
    message: `expected ${noun}, got ${got}${hint}`,
    position: whole,
    ...(previewTex === undefined ? {} : { previewTex }),
  };
}

const isClose = (value: number, target: number, tolerance: number) =>
  Math.abs(value - target) <= Math.min(CLOSE_TOLERANCES * tolerance, CLOSE_AT_MOST) * Math.abs(target);

/**
 * The fewest significant figures whose rounding always lands within `tolerance` (0.1%: four),
 * the figure every message asks for, and every statement that names one must meet
 * (tests/content/exercises.test.ts), so that what a statement asks for is always accepted.
 */
export const significantFigures = (tolerance: number): number =>
  Math.max(1, Math.ceil(1 - Math.log10(2 * tolerance) - 1e-9));

const FIGURES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const moreFigures = (tolerance: number) => {
  const n = significantFigures(tolerance);
  return `give at least ${FIGURES[n - 1] ?? n} significant figure${n === 1 ? '' : 's'}`;
};

/**
 * Whether a number typed as a plain decimal is the target rounded to the places it has
 * (`0.002` for 0.002087, as a lesson prints it): right, only rounded too early. Any such entry
 * gets that reason, however far off the rounding puts it.
 */
function roundedFrom(item: Expr, target: number): boolean {
  if (item.kind !== 'number') return false;
  const digits = /^\d*(?:\.(\d+))?$/.exec(item.text);
  if (!digits) return false;
  const places = digits[1]?.length ?? 0;
  return target >= 0 && Math.abs(item.value - target) <= 0.5 * 10 ** -places * (1 + 1e-9);
}

/** 1e-3 as "0.1%". */
const percent = (tolerance: number) => `${Number((tolerance * 100).toPrecision(3))}%`;

// ─── A vector ───────────────────────────────────────────────────────────────────────────────

function checkVector(spec: VectorAnswer, input: string): Verdict {
  const expected = expectedNumbers(spec);
  if (!expected.ok) return brokenSpec(expected.message);
  const read = parseList(input);
  if (!read.ok) return unreadable(read.error);
  if (read.items.length !== expected.values.length) return wrongCount(input, read.items, expected.values.length);

  const tolerance = spec.tolerance ?? DEFAULT_TOLERANCE.vector;
  const previewTex = listTex(read.items);
  const values = read.items.map((item) => evaluate(item));
  const wrong = values.flatMap((value, i) => (closeEnough(value, expected.values[i]!, tolerance) ? [] : [i]));
  const [firstWrong] = wrong;
  if (firstWrong === undefined) return { status: 'correct', message: 'Correct.', previewTex };

  const rounded = wrong.every((i) => roundedFrom(read.items[i]!, expected.values[i]!));
  const allClose = wrong.every(
    (i) =>
      (Number.isFinite(values[i]!) && isClose(values[i]!, expected.values[i]!, tolerance)) ||
      roundedFrom(read.items[i]!, expected.values[i]!),
  );
  const which =
    wrong.length === 1
      ? `entry ${firstWrong + 1} is wrong`
      : `entries ${listing(wrong.map((i) => String(i + 1)))} are wrong`;
  const they = wrong.length === 1 ? 'it is' : 'they are';
  const hint = rounded
    ? `; ${they} rounded too early, not within ${percent(tolerance)}: ${moreFigures(tolerance)}`
    : allClose
      ? `; ${they} close, but not within ${percent(tolerance)}: ${moreFigures(tolerance)}`
      : '';
  const item = read.items[firstWrong]!;
  return {
    status: 'incorrect',
    message: `Not correct: ${which}${hint}.`,
    previewTex,
    position: { start: item.start, end: item.end },
  };
}

const listTex = (items: readonly Expr[]) => `\\left[${items.map(toTex).join(',\\ ')}\\right]`;

// ─── A shape ────────────────────────────────────────────────────────────────────────────────

function checkShape(spec: ShapeAnswer, input: string): Verdict {
  const expected = expectedShape(spec);
  if (!expected.ok) return brokenSpec(expected.message);
  const read = readShape(input);
  if (!read.ok) return unreadable(read.error);

  const sizesTex = `\\left(${read.rows},\\ ${read.cols}\\right)`;
  // Computed entries show as typed, then what they come to: (64 · 64 · 3, 1) = (12288, 1).
  const computed = read.entries?.some((entry) => entry.kind !== 'number');
  const previewTex =
    computed && read.entries ? `\\left(${read.entries.map(toTex).join(',\\ ')}\\right) = ${sizesTex}` : sizesTex;
  const rowsRight = read.rows === expected.rows;
  const colsRight = read.cols === expected.cols;
  if (rowsRight && colsRight) return { status: 'correct', message: 'Correct.', previewTex };
  if (read.rows === expected.cols && read.cols === expected.rows) {
    return {
      status: 'incorrect',
      message: `Not correct: that is (${read.rows}, ${read.cols}): rows and columns swapped.`,
      previewTex,
    };
  }
  const which = rowsRight
    ? 'the number of columns is wrong'
    : colsRight
      ? 'the number of rows is wrong'
      : 'both the number of rows and of columns are wrong';
  return { status: 'incorrect', message: `Not correct: ${which}.`, previewTex };
}

// ─── An expression ──────────────────────────────────────────────────────────────────────────

function checkExpression(spec: ExpressionAnswer | PublishedExpressionAnswer, input: string): Verdict {
  const expected: Expected<{ points: readonly SamplePoint[] }> =
    'samples' in spec ? { ok: true, points: spec.samples } : expectedPoints(spec);
  if (!expected.ok) return brokenSpec(expected.message);
  const read = parseExpression(input, { variables: Object.keys(spec.variables) });
  if (!read.ok) return unreadable(read.error);

  const previewTex = toTex(read.ast);
  const comparison = compareAt(expected.points, read.ast, spec.tolerance ?? DEFAULT_TOLERANCE.expression);
  if (comparison.kind === 'equal') {
    return {
      status: 'correct',
      message: `Correct: equal to the expected expression at ${expected.points.length} points of the domain.`,
      previewTex,
    };
  }
  return { status: 'incorrect', message: `Not correct: ${differenceMessage(comparison)}.`, previewTex };
}

function differenceMessage(comparison: Exclude<Comparison, { kind: 'equal' }>): string {
  const { at, got } = comparison;
  const where = pointText(at.env);
  if (comparison.kind === 'undefined') {
    return `at ${where} yours is undefined (${formatNumber(got)}), but the expected value is ${formatNumber(at.expected)}`;
  }
  const { factor } = comparison;
  if (factor !== undefined && closeEnough(factor, -1, 1e-9))
    return 'the sign is wrong — yours is the negative of the expected expression';
  // A factor such as 1.0001 is a precision problem, better shown as the two values.
  if (factor !== undefined && !closeEnough(factor, 1, 0.01))
    return `yours is ${formatNumber(factor)} times the expected expression`;
  const [yours, theirs] = distinctTexts(got, at.expected);
  const part = comparison.agreeing > 0 ? 'it agrees on part of the domain only; ' : '';
  return `${part}at ${where} yours is ${yours}, but the expected value is ${theirs}`;
}
