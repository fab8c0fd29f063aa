/**
 * The entries of a comma-separated list as a person types one (`5, 2, -1, 3`): shared by the
 * lessons' vector inputs and the exercises' vector answers, so that both refuse the same two
 * typos instead of reading them as something else. `1,,2` is not [1, 2]: an entry is missing.
 * `1,000, 2` is not [1, 0, 2]: the comma is a thousands separator. Each caller reads the entries
 * in its own way (plain numbers, or expressions) once the list itself is sound.
 */

/** Offsets into the text, as `String.prototype.slice` takes them (end exclusive). */
export interface EntrySpan {
  readonly start: number;
  readonly end: number;
}

export type ListProblem =
  /** Entry `entry` (1-based) has nothing in it; start and end are the extra comma's. */
  | (EntrySpan & { readonly kind: 'empty'; readonly entry: number })
  /** `text` (from start to end) is one number written with thousands separators; `joined` is it without them. */
  | (EntrySpan & { readonly kind: 'thousands'; readonly text: string; readonly joined: string });

export type ListEntries =
  { readonly ok: true; readonly entries: readonly EntrySpan[] } | { readonly ok: false; readonly problem: ListProblem };

const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);
/** A whole entry that can begin a number grouped in thousands: 1 to 3 digits, no leading zero (`0,842` is a decimal comma). */
const LEADING_GROUP = /^[-+−]?[1-9]\d{0,2}$/;
/** What follows a thousands separator: exactly three digits, then no digit. */
const GROUP = /^\d{3}(?!\d)/;

/**
 * Splits `text[from, to)` at its commas outside brackets (`max(1, 2)` is one entry) into entries
 * trimmed of spaces, in one pass. Empty text is no entries. Brackets are only counted here; a
 * caller's reader reports any that do not match.
 */
export function listEntries(text: string, from = 0, to = text.length): ListEntries {
  if (text.slice(from, to).trim() === '') return { ok: true, entries: [] };
  const commas: number[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (OPEN.has(char)) depth++;
    else if (CLOSE.has(char)) depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) commas.push(i);
  }
  const bounds = [from - 1, ...commas, to];
  const entries: EntrySpan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const raw = text.slice(bounds[k]! + 1, bounds[k + 1]!);
    const start = bounds[k]! + 1 + (raw.length - raw.trimStart().length);
    const end = bounds[k + 1]! - (raw.length - raw.trimEnd().length);
    if (start >= end) {
      // The comma to remove: the one after the gap, or before it for a last entry.
      const comma = k < commas.length ? commas[k]! : commas[k - 1]!;
      return { ok: false, problem: { kind: 'empty', entry: k + 1, start: comma, end: comma + 1 } };
    }
    entries.push({ start, end });
  }
  const thousands = thousandsSeparator(text, entries, commas);
  return thousands ? { ok: false, problem: thousands } : { ok: true, entries };
}

/**
 * The first `1,000` in the list: an entry of one to three digits, a comma, and straight after it
 * (no space) three digits; `1,000,000` runs on. A space after the comma (`1, 000`) keeps them apart.
 */
function thousandsSeparator(
  text: string,
  entries: readonly EntrySpan[],
  commas: readonly number[],
): ListProblem | undefined {
  for (let k = 0; k + 1 < entries.length; k++) {
    const first = entries[k]!;
    if (!LEADING_GROUP.test(text.slice(first.start, first.end))) continue;
    let end = first.end;
    let next = k + 1;
    while (next < entries.length && commas[next - 1] === end && entries[next]!.start === end + 1) {
      const group = GROUP.exec(text.slice(entries[next]!.start, entries[next]!.end));
      if (!group) break;
      end = entries[next]!.start + 3;
      // Only a group that is a whole entry lets the number run on (`1,000,000`).
      if (entries[next]!.end !== end) break;
      next++;
    }
    if (end > first.end) {
      const written = text.slice(first.start, end);
      return { kind: 'thousands', text: written, joined: written.replace(/,/g, ''), start: first.start, end };
    }
  }
  return undefined;
}

/**
 * A problem in words, without a capital or a full stop so that each reader fits it to its own
 * messages. Places are given as `${unit} ${position(offset)}`: `column 3`, `character 3`.
 */
export function listProblemMessage(problem: ListProblem, unit: string, position: (offset: number) => number): string {
  const at = `${unit} ${position(problem.start)}`;
  return problem.kind === 'empty'
    ? `entry ${problem.entry} is empty: delete the extra comma at ${at}`
    : `'${problem.text}' at ${at} looks like a thousands separator: write ${problem.joined} (commas separate entries; decimals take a point)`;
}
