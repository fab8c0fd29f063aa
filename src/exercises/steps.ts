/**
 * The steps checker: a derivation typed one step per line. Line 1 is compared with the start,
 * each later line with the line before it, at the sample points of the answer (the draws and the
 * tolerance of expression answers), and the last line with the expected result; a line that
 * does not follow gets a point where it differs. A line after a broken one is judged against
 * that broken line, so one slip is flagged once and the lines that follow from it are shown as
 * following. Pure, and bounded: at most MAX_STEPS lines of at most MAX_INPUT_LENGTH characters,
 * so a check costs at most 40 parses and 40 × 24 evaluations, whatever is typed. A module of its
 * own, apart from checkAnswer, so a page loads it only when it has a derivation to check.
 *
 * Over 300 lines: reading the lines, judging each against the one before, matching milestones
 * and judging the end are one pass over the same sample points; a module of their own would each
 * need the points and the line's reading handed in.
 */
import type { Verdict } from './check';
import { distinctTexts, pointText } from './counterexample';
import {
  closeEnough,
  compareValues,
  evaluate,
  formOf,
  formValues,
  FORMULA_TOLERANCE,
  listing,
  MAX_INPUT_LENGTH,
  parseExpression,
  sameForm,
  toTex,
  type Comparison,
  type Environment,
  type Expr,
  type SourceError,
  type Span,
} from './expression';
import type { PublishedStepsAnswer, StepsPoint } from './stepsSpec';
import { formatNumber } from '../display/numbers';

/** The most lines (not counting empty ones) a derivation may have. */
export const MAX_STEPS = 40;
/** Longer text cannot be MAX_STEPS lines of MAX_INPUT_LENGTH characters with an empty line after each. */
export const MAX_STEPS_TEXT = MAX_STEPS * 2 * (MAX_INPUT_LENGTH + 2);

export type StepStatus = 'follows' | 'broken' | 'invalid';

/** The verdict on one line of a derivation. */
export interface StepVerdict {
  /** The line's number in the text, from 1, empty lines counted: the line the student sees. */
  readonly line: number;
  readonly status: StepStatus;
  readonly message: string;
  /** Offsets in the whole text: for an unreadable line, the part the message is about; else the line. */
  readonly position: Span;
  /** How the line was read, as TeX; set whenever it could be read. */
  readonly previewTex?: string;
  /** For a broken line: the first point where it differs from the line it is compared with. */
  readonly counterexample?: { readonly at: Environment; readonly before: number; readonly got: number };
  /** The milestone whose form the line has. */
  readonly milestone?: { readonly index: number; readonly says: string };
}

/** Where the chain ends: its last readable line, and whether that is the expected result. */
export interface StepsEnding {
  readonly line: number;
  readonly reachesExpected: boolean;
  /** When it does not: a point where the last line differs from the expected result. */
  readonly counterexample?: { readonly at: Environment; readonly got: number; readonly expected: number };
}

export interface StepsVerdict extends Verdict {
  readonly steps: readonly StepVerdict[];
  readonly ending?: StepsEnding;
}

interface Line {
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

/** What a line is compared with: the start, or the last readable line above it. */
interface Before {
  readonly values: readonly number[];
  /** How a message names it: "the derivative", "the line before", "line 3". */
  readonly name: string;
  readonly isStart: boolean;
}

/**
 * The verdict on a derivation, `text` holding one step per line, against a steps answer as a page
 * carries it (for the authored spec: checkStepsAnswer in stepsSpec.ts).
 */
export function checkSteps(spec: PublishedStepsAnswer, text: string): StepsVerdict {
  try {
    return checkLines(spec, text);
  } catch {
    // Nothing in checkLines should throw; if something does, the student still gets an answer.
    return { status: 'invalid', message: 'this derivation could not be checked', steps: [] };
  }
}

function checkLines(spec: PublishedStepsAnswer, text: string): StepsVerdict {
  if (text.length > MAX_STEPS_TEXT) {
    return {
      status: 'invalid',
      message: `the derivation is too long: ${text.length} characters, at most ${MAX_STEPS_TEXT}`,
      steps: [],
      position: { start: 0, end: text.length },
    };
  }
  const lines = linesOf(text).filter((line) => line.text.trim() !== '');
  if (lines.length === 0)
    return { status: 'invalid', message: 'empty answer: type the derivation one step per line', steps: [] };
  if (lines.length > MAX_STEPS) {
    return {
      status: 'invalid',
      message: `at most ${MAX_STEPS} lines, got ${lines.length}: leave out steps that only rewrite`,
      steps: [],
      position: { start: 0, end: text.length },
    };
  }

  const variables = Object.keys(spec.variables);
  const names = [...variables, ...spec.defined];
  const tolerance = spec.tolerance ?? FORMULA_TOLERANCE;
  const envs = spec.points.map((point) => point.env);
  const startName = spec.from === 'derivative' ? 'the derivative' : 'the start';
  let before: Before & { index: number } = {
    values: spec.points.map((point) => point.start),
    name: startName,
    isStart: true,
    index: -1,
  };
  let last: Readable | undefined;

  const steps = lines.map((line, index): StepVerdict => {
    const read = readLine(line, index === 0, names);
    if (!read.ok)
      return {
        line: line.number,
        status: 'invalid',
        message: read.error.message,
        position: shift(read.error, line.start),
      };
    const values = envs.map((env) => evaluate(read.ast, env));
    const compared: Before =
      before.index === index - 1 || before.isStart
        ? before
        : { ...before, name: `line ${lines[before.index]!.number}` };
    const comparison = compareWith(spec.points, compared.values, values, tolerance);
    const milestone =
      spec.milestones.length === 0 ? undefined : milestoneOf(spec, formValues(formOf(read.ast), envs), tolerance);
    const common = {
      line: line.number,
      position: { start: line.start, end: line.start + line.text.length },
      previewTex: toTex(read.ast),
      ...(milestone ? { milestone } : {}),
    };
    before = { values, name: 'the line before', isStart: false, index };
    last = { number: line.number, values };
    if (comparison.kind === 'equal')
      return {
        ...common,
        status: 'follows',
        message: compared.isStart ? `Equals ${compared.name}.` : `Follows from ${compared.name}.`,
      };
    return {
      ...common,
      status: 'broken',
      message: brokenMessage(comparison, compared, variables),
      counterexample: counterexample(comparison),
    };
  });
  return overall(spec, steps, last, tolerance);
}

/** A line that could be read: its number and its values at the points. */
interface Readable {
  readonly number: number;
  readonly values: readonly number[];
}

/** The lines of the text with their offsets; `\r\n`, `\n` and `\r` each end a line. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    lines.push({ text: text.slice(start, match.index), start, number: lines.length + 1 });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), start, number: lines.length + 1 });
  return lines;
}

/**
 * One line read as an expression. A leading `=` is allowed, and on the first line a label before
 * it (`dz =`, `σ'(z) =`), which is not checked. What is left out is blanked rather than cut, so
 * columns and offsets in messages stay those of the line.
 */
function readLine(
  line: Line,
  first: boolean,
  names: readonly string[],
): { ok: true; ast: Expr } | { ok: false; error: SourceError } {
  const { text } = line;
  if (text.length > MAX_INPUT_LENGTH)
    return {
      ok: false,
      error: {
        message: `this line is too long: ${text.length} characters, at most ${MAX_INPUT_LENGTH}`,
        start: 0,
        end: text.length,
      },
    };
  const equals = text.indexOf('=');
  let expression = text;
  if (equals >= 0) {
    const label = text.slice(0, equals);
    if (label.trim() !== '' && !first) {
      return {
        ok: false,
        error: {
          message: `one step per line: only the first line may start with a name, as in 'dz = …'; start this one with '=' or with the expression`,
          start: equals,
          end: equals + 1,
        },
      };
    }
    const second = text.indexOf('=', equals + 1);
    if (second >= 0)
      return {
        ok: false,
        error: {
          message: `one step per line: the '=' at column ${column(text, second)} starts another step, which goes on a line of its own`,
          start: second,
          end: second + 1,
        },
      };
    if (text.slice(equals + 1).trim() === '')
      return {
        ok: false,
        error: { message: `nothing after '=' at column ${column(text, equals)}`, start: equals, end: equals + 1 },
      };
    expression = ' '.repeat(equals + 1) + text.slice(equals + 1);
  }
  const read = parseExpression(expression, { variables: names });
  return read.ok ? { ok: true, ast: read.ast } : { ok: false, error: read.error };
}

const column = (text: string, offset: number) => Array.from(text.slice(0, offset)).length + 1;

const shift = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/**
 * Compares at the points where the line before is defined: a line is not blamed for a point its
 * predecessor could not give a value at (that predecessor was flagged already).
 */
function compareWith(
  points: readonly StepsPoint[],
  before: readonly number[],
  values: readonly number[],
  tolerance: number,
): Comparison {
  const kept = points.flatMap((point, i) =>
    Number.isFinite(before[i]!) ? [{ env: point.env, expected: before[i]!, value: values[i]! }] : [],
  );
  return compareValues(
    kept,
    kept.map((k) => k.value),
    tolerance,
  );
}

/** "Does not follow from the line before: at z = 0.7 the line before gives 0.2217, this line gives 0.4434." */
function brokenMessage(
  comparison: Exclude<Comparison, { kind: 'equal' }>,
  before: Before,
  variables: readonly string[],
): string {
  const { at, got } = comparison;
  const where = `at ${pointText(at.env, variables)}`;
  const verdict = `Does not ${before.isStart ? 'equal' : 'follow from'} ${before.name}`;
  if (comparison.kind === 'undefined')
    return `${verdict}: ${where} ${before.name} gives ${formatNumber(at.expected)}, this line is undefined (${formatNumber(got)}).`;
  const [mine, theirs] = distinctTexts(got, at.expected);
  const { factor } = comparison;
  const scaled =
    factor === undefined || closeEnough(factor, 1, 0.01)
      ? ''
      : closeEnough(factor, -1, 1e-9)
        ? ', a sign is lost'
        : `, it is ${formatNumber(factor)} times that`;
  return `${verdict}${scaled}: ${where} ${before.name} gives ${theirs}, this line gives ${mine}.`;
}

function counterexample(
  comparison: Exclude<Comparison, { kind: 'equal' }>,
): NonNullable<StepVerdict['counterexample']> {
  return { at: comparison.at.env, before: comparison.at.expected, got: comparison.got };
}

/** The first milestone whose form the line has. */
function milestoneOf(
  spec: PublishedStepsAnswer,
  form: ReturnType<typeof formValues>,
  tolerance: number,
): StepVerdict['milestone'] {
  const index = spec.milestones.findIndex((milestone) => sameForm(form, milestone.form, tolerance));
  return index < 0 ? undefined : { index, says: spec.milestones[index]!.says };
}

function overall(
  spec: PublishedStepsAnswer,
  steps: readonly StepVerdict[],
  last: Readable | undefined,
  tolerance: number,
): StepsVerdict {
  const end = last === undefined ? undefined : ending(spec, last, tolerance);
  const withEnding = end === undefined ? {} : { ending: end };
  const unreadable = steps.find((step) => step.status === 'invalid');
  if (unreadable !== undefined) {
    return {
      status: 'invalid',
      message: `line ${unreadable.line} could not be read: ${unreadable.message}`,
      position: unreadable.position,
      steps,
      ...withEnding,
    };
  }
  const broken = steps.filter((step) => step.status === 'broken');
  if (broken.length === 0 && end!.reachesExpected) {
    return {
      status: 'correct',
      message: 'Correct: every line follows from the one before, and the last is the expected result.',
      steps,
      ...withEnding,
    };
  }
  const variables = Object.keys(spec.variables);
  const startName = spec.from === 'derivative' ? 'the derivative' : 'the start';
  // Line 1 is compared with the start; the others with the line before.
  const wrongStart = broken[0] === steps[0] ? [`line ${steps[0]!.line} does not equal ${startName}`] : [];
  const slips = broken.filter((step) => step !== steps[0]).map((step) => String(step.line));
  const notFollowing =
    slips.length === 0
      ? []
      : [
          `${slips.length === 1 ? 'line' : 'lines'} ${listing(slips)} ${slips.length === 1 ? 'does' : 'do'} not follow from the line before`,
        ];
  const problems = [...wrongStart, ...notFollowing].join(', and ');
  const { counterexample: off } = end!;
  const finish = end!.reachesExpected
    ? 'the chain does end at the expected result'
    : `your chain ends at line ${end!.line}, which is not the expected result${off ? `: at ${pointText(off.at, variables)} it gives ${distinctTexts(off.got, off.expected).join(', the expected value is ')}` : ''}`;
  const message = problems === '' ? finish : `${problems}; ${finish}`;
  const position = broken[0]?.position ?? steps[steps.length - 1]!.position;
  return { status: 'incorrect', message: `Not correct: ${message}.`, position, steps, ...withEnding };
}

function ending(spec: PublishedStepsAnswer, last: Readable, tolerance: number): StepsEnding {
  const comparison = compareValues(
    spec.points.map((point) => ({ env: point.env, expected: point.expected })),
    last.values,
    tolerance,
  );
  if (comparison.kind === 'equal') return { line: last.number, reachesExpected: true };
  return {
    line: last.number,
    reachesExpected: false,
    counterexample: { at: comparison.at.env, got: comparison.got, expected: comparison.at.expected },
  };
}
