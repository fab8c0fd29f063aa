/**
 * How much of a cell's output travels to the page and is drawn there. A cell may return a
 * string of a hundred million characters or log a million lines; the worker cuts what it posts
 * to these sizes (and says what it cut), and the page refuses anything larger, so no output can
 * freeze or crash the page however it was made. Each figure keeps the worst case of its kind
 * to a few tens of milliseconds of drawing on a phone.
 */
export const LIMITS = {
  /** Characters of a text or data output, and of one piece of "show more". */
  textChars: 20_000,
  /** Characters of TeX handed to KaTeX; longer TeX is shown as its source text. */
  texChars: 2_000,
  /** Entries of a vector or a matrix (whole rows of a matrix where they fit). */
  entries: 1_000,
  /** Rows and columns of a table, and characters of one table cell or column name. */
  tableRows: 50,
  tableColumns: 30,
  tableCellChars: 200,
  /** Values in all the arrays of one figure: its data points, in effect. */
  plotValues: 50_000,
  /** Depth of nested arrays and objects in a figure's description. */
  plotDepth: 12,
  /** Notes that come with a figure (options that could not be drawn). */
  plotNotes: 20,
  /** Console lines shown under a cell, and characters of all of them together. */
  logLines: 200,
  logChars: 20_000,
  /** Console lines a cell keeps for "show more"; further lines are only counted. */
  logLinesKept: 100_000,
  /** Characters of an error message, and of a cell's or a name's id in a message. */
  messageChars: 2_000,
  nameChars: 200,
  /** Names a cell may define or read. */
  names: 1_000,
} as const;

/** How much one piece of "show more" holds, by what it counts. */
export const PIECE_SIZE: Record<Cut['what'], number> = {
  characters: LIMITS.textChars,
  entries: 500,
  rows: 50,
  columns: 50,
  values: 500,
  lines: 200,
};

/** What was cut from an output: `shown` of `total` characters, entries, rows, … */
export interface Cut {
  what: 'characters' | 'entries' | 'rows' | 'columns' | 'values' | 'lines';
  shown: number;
  total: number;
}

/** A string cut to `max` characters, without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

/** "20,000": counts in notes are read by people. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "Output cut: 20,000 of 134,217,728 characters are shown." */
export function describeCut(cut: Cut, subject = 'Output'): string {
  return `${subject} cut: ${count(cut.shown)} of ${count(cut.total)} ${cut.what} ${cut.shown === 1 ? 'is' : 'are'} shown.`;
}
