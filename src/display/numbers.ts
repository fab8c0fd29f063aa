/**
 * How the course writes a number, in text and in TeX: the same rounding in a cell's output, a
 * checker's message and an explorer's figures.
 */

/**
 * Numbers for reading: three decimals where that is meaningful, three significant digits for
 * very small or very large magnitudes, trailing zeros dropped. Full precision stays available
 * through `String(x)`.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return minus(String(x));
  const magnitude = Math.abs(x);
  const text = magnitude >= 1e6 || magnitude < 1e-3 ? x.toPrecision(3) : x.toFixed(3);
  return minus(trimZeros(text));
}

/** Whether `formatNumber` writes `x` with an exponent (3.06e-7, 1.23e+6). */
const needsExponent = (x: number) =>
  Number.isFinite(x) && !(Number.isInteger(x) && Math.abs(x) < 1e15) && /e/.test(formatNumber(x));

/**
 * A column of numbers, each written as `formatNumber` would, but all in one notation: if any
 * needs an exponent, every other fraction of the column gets one (three significant digits), so
 * magnitudes compare at a glance and 0.00000602 never stands above 3.06e-7. Whole numbers stay
 * exact (1, 0, 12288), as formatNumber writes them.
 * Non-numbers (text cells) are left to the caller: their entries come back undefined.
 */
export function formatColumn(column: readonly unknown[]): (string | undefined)[] {
  const exponent = column.some((x) => typeof x === 'number' && needsExponent(x));
  return column.map((x) => {
    if (typeof x !== 'number') return undefined;
    if (!exponent || Number.isInteger(x) || !Number.isFinite(x)) return formatNumber(x);
    return minus(trimZeros(x.toExponential(2)));
  });
}

function trimZeros(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/\.?0+$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

// A true minus sign reads better than a hyphen and is what TeX would set.
const minus = (text: string) => text.replace(/^-/, '−');

/** The same rounding, as TeX: 3.19 \times 10^{-4}, \infty, \text{NaN}. */
export function texNumber(x: number): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  const text = formatNumber(x).replace('−', '-');
  const match = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (!match) return text;
  return `${match[1]} \\times 10^{${Number(match[2])}}`;
}
