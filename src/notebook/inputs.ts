/**
 * Parsing what a student types into an input field. Bad input never throws: it returns a
 * message (with the 1-based character position where it went wrong) and the caller keeps the
 * last good value.
 */
import { listEntries, listProblemMessage } from '../display/listEntries';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; position?: number };

const NUMBER = /^[-−+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A finite number: "0.1", "-2", "1e-3" (a typographic minus is accepted). */
export function parseNumber(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  if (!NUMBER.test(trimmed)) return { ok: false, message: `“${trimmed}” is not a number.` };
  const value = Number(trimmed.replace('−', '-'));
  if (!Number.isFinite(value)) return { ok: false, message: `${trimmed} is too large.` };
  return { ok: true, value };
}

/**
 * A vector written as numbers separated by commas or spaces, optionally in brackets: "5, 2, -1, 3".
 * The list is read as the exercises read theirs (src/display/listEntries): an empty entry
 * (`5,,2`) and a thousands separator (`1,000`) are refused with their position, never guessed at.
 */
export function parseVector(text: string): Parsed<number[]> {
  const trimmed = text.trim();
  const from = text.indexOf(trimmed) + (trimmed.startsWith('[') ? 1 : 0);
  const to = text.indexOf(trimmed) + trimmed.length - (trimmed.endsWith(']') ? 1 : 0);
  const list = listEntries(text, from, Math.max(from, to));
  if (!list.ok) {
    const message = listProblemMessage(list.problem, 'character', (offset) => offset + 1);
    return { ok: false, message: `${message[0]!.toUpperCase()}${message.slice(1)}.`, position: list.problem.start + 1 };
  }
  if (list.entries.length === 0) return { ok: false, message: 'Enter at least one number, for example 5, 2, -1, 3.' };
  const values: number[] = [];
  const pattern = /\S+/g;
  for (const entry of list.entries) {
    // Within an entry, spaces separate numbers too: "[5 2 -1 3]".
    const part = text.slice(entry.start, entry.end);
    for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
      const parsed = parseNumber(match[0]);
      if (!parsed.ok) {
        const position = entry.start + match.index + 1;
        return {
          ok: false,
          message: `Entry ${values.length + 1} (“${match[0]}”, at character ${position}) is not a number.`,
          position,
        };
      }
      values.push(parsed.value);
    }
  }
  return { ok: true, value: values };
}

/**
 * The options of a choice, written as one attribute with `|` between them:
 * "squared error with a sigmoid|cross-entropy". Each is trimmed; none may be empty or repeated.
 */
export function parseOptions(text: string): Parsed<string[]> {
  const options = text.split('|').map((option) => option.trim());
  if (text.trim() === '') return { ok: false, message: 'Give at least two options, separated by |.' };
  const empty = options.indexOf('');
  if (empty !== -1)
    return { ok: false, message: `Option ${empty + 1} is empty: separate the options with a single |.` };
  if (options.length < 2)
    return { ok: false, message: `Only one option (“${options[0]}”): a choice needs at least two, separated by |.` };
  const repeated = options.find((option, index) => options.indexOf(option) !== index);
  if (repeated !== undefined) return { ok: false, message: `“${repeated}” is an option twice.` };
  return { ok: true, value: options };
}

/** One of `options`, exactly as written there: surrounding spaces are ignored, letter case counts. */
export function parseChoice(text: string, options: readonly string[]): Parsed<string> {
  const trimmed = text.trim();
  if (options.includes(trimmed)) return { ok: true, value: trimmed };
  const list = options.map((option) => `“${option}”`).join(', ');
  return { ok: false, message: `${trimmed === '' ? 'Nothing' : `“${trimmed}”`} is not one of the options (${list}).` };
}

/** A matrix as JSON carries it: { rows, cols, data: number[] } (row-major). */
interface MatrixJson {
  rows: number;
  cols: number;
  data: number[];
}

/**
 * A network's parameters sent by a training explorer, as JSON text: { "W1": MatrixJson, … }.
 * The value is the same names bound to the course's matrices (Float64Array data), so a cell
 * reads `W1.rows` or passes `W1` to `matmul` as it would any matrix.
 */
export function parseParameters(
  text: string,
): Parsed<Record<string, { rows: number; cols: number; data: Float64Array }>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The explorer sent parameters that are not JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, message: 'The explorer sent no parameters.' };
  const value: Record<string, { rows: number; cols: number; data: Float64Array }> = {};
  for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const m = entry as Partial<MatrixJson> | null;
    const ok =
      /^[A-Za-z]\w*$/.test(name) &&
      m !== null &&
      typeof m === 'object' &&
      Number.isInteger(m.rows) &&
      Number.isInteger(m.cols) &&
      m.rows! > 0 &&
      m.cols! > 0 &&
      Array.isArray(m.data) &&
      m.data.length === m.rows! * m.cols! &&
      m.data.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!ok) return { ok: false, message: `The explorer's parameter “${name.slice(0, 20)}” is not a matrix.` };
    value[name] = { rows: m.rows!, cols: m.cols!, data: Float64Array.from(m.data!) };
  }
  return { ok: true, value };
}

/** A slider's range, as its attributes give it. */
export interface Range {
  min: number;
  max: number;
  step?: number;
}

/**
 * A slider's value: a number within its range (a value from a link or from storage may be
 * anything). Out of range is refused, saying the range, so no cell sees a value the slider
 * cannot show.
 */
export function parseSliderValue(text: string, range: Range): Parsed<number> {
  const parsed = parseNumber(text);
  if (!parsed.ok) return parsed;
  if (parsed.value < range.min || parsed.value > range.max)
    return { ok: false, message: `${parsed.value} is outside the slider's range, ${range.min} to ${range.max}.` };
  return parsed;
}

/** Characters an input's value may have, whatever its origin (a link, storage, the field). */
export const MAX_INPUT_LENGTH = 10_000;

/** What `readInput` needs of a cell's spec. */
interface InputSpec {
  input?: 'slider' | 'number' | 'vector' | 'choice' | 'explorer';
  options?: string[];
  range?: Range;
}

/** An input cell's text read as its value: the one place the page checks an input's value. */
export function readInput(spec: InputSpec, text: string): Parsed<unknown> {
  // An explorer's parameters come from the page's own explorer, never from a link or storage.
  if (spec.input !== 'explorer' && text.length > MAX_INPUT_LENGTH)
    return {
      ok: false,
      message: `This value is ${text.length.toLocaleString('en-US')} characters long; an input takes at most ${MAX_INPUT_LENGTH.toLocaleString('en-US')}.`,
    };
  if (spec.input === 'choice') return parseChoice(text, spec.options ?? []);
  if (spec.input === 'explorer') return parseParameters(text);
  if (spec.input === 'slider' && spec.range) return parseSliderValue(text, spec.range);
  return spec.input === 'vector' ? parseVector(text) : parseNumber(text);
}
