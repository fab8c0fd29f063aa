/** Vectors and matrices as TeX, elided to what a column of the page can show. */
import { texNumber } from '../display/numbers';

/** Indices to show of n entries: all when n ≤ limit, else the first limit−2, a gap (−1), the last. */
export function elide(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: limit - 2 }, (_, i) => i), -1, n - 1];
}

/**
 * How many entries a column (or rows a matrix) shows before it is elided. A lesson's small
 * examples must show whole: a flattened 2×2 RGB image has 12 entries, and the text asks the
 * reader to watch each channel's block of four.
 */
export const SHOWN_ROWS = 16;
/** How many columns a matrix shows before it is elided: a phone's width, not its height, binds. */
export const SHOWN_COLUMNS = 8;

/** 0, 1, … up to n − 1 or limit − 1, whichever comes first. */
const firstIndices = (n: number, limit: number) => Array.from({ length: Math.min(n, limit) }, (_, i) => i);

/**
 * A column vector in TeX, long ones elided with \vdots. `total` is its length when only the
 * first entries were sent: those are shown, then \vdots.
 */
export function texVector(values: readonly number[], total = values.length): string {
  const picks =
    total > values.length ? [...firstIndices(values.length, SHOWN_ROWS - 1), -1] : elide(values.length, SHOWN_ROWS);
  const rows = picks.map((i) => (i === -1 ? '\\vdots' : texNumber(values[i]!)));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/**
 * A matrix (row-major values) in TeX, large ones elided with \vdots, \cdots and \ddots. When
 * fewer than rows·cols values were sent (the first rows, or the start of one long row), what was
 * sent is shown and the rest is elided.
 */
export function texMatrix(rows: number, cols: number, values: ArrayLike<number>): string {
  const complete = values.length >= rows * cols;
  const sentRows = Math.min(rows, Math.ceil(values.length / cols));
  const shownRows = complete
    ? elide(rows, SHOWN_ROWS)
    : [...firstIndices(sentRows, SHOWN_ROWS - 1), ...(sentRows < rows ? [-1] : [])];
  const shownCols =
    !complete && values.length < cols
      ? [...firstIndices(values.length, SHOWN_COLUMNS - 1), -1]
      : elide(cols, SHOWN_COLUMNS);
  const lines = shownRows.map((i) =>
    shownCols
      .map((j) => {
        if (i === -1 && j === -1) return '\\ddots';
        if (i === -1) return '\\vdots';
        if (j === -1) return '\\cdots';
        return texNumber(values[i * cols + j]!);
      })
      .join(' & '),
  );
  return `\\begin{bmatrix} ${lines.join(' \\\\ ')} \\end{bmatrix}`;
}
