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
