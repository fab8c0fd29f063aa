/**
 * Softmax and hardmax, on vectors and column by column on (C, m) matrices.
 */
import { argmaxColumns, formatShape, matrix } from './matrix';
import type { Matrix } from './matrix';

/** softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ} for a vector of C ≥ 1 values. */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) throw new RangeError('softmax: (0): empty input');
  // Softmax is shift-invariant. Subtracting the max keeps every exponent ≤ 0 (no overflow)
  // and makes the largest term e⁰ = 1 (the sum is never 0).
  const max = z.reduce((a, b) => Math.max(a, b), -Infinity);
  const t = z.map((v) => Math.exp(v - max));
  const total = t.reduce((a, b) => a + b, 0);
  return t.map((v) => v / total);
}

/** The one-hot vector of the first largest entry of z. */
export function hardmax(z: readonly number[]): number[] {
  if (z.length === 0) throw new RangeError('hardmax: (0): empty input');
  let best = 0;
  z.forEach((v, i) => {
    if (v > z[best]!) best = i;
  });
  return z.map((_, i) => (i === best ? 1 : 0));
}

/** Softmax of each column of Z (C, m): every column of the result sums to 1. */
export function softmaxColumns(Z: Matrix): Matrix {
  const { rows, cols } = Z;
  if (rows === 0) throw new RangeError(`softmaxColumns: ${formatShape(Z)}: no rows`);
  // The same computation as `softmax`, column by column, without a copy of each column.
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    let max = -Infinity;
    for (let i = 0; i < rows; i++) max = Math.max(max, Z.data[i * cols + j]!);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const t = Math.exp(Z.data[i * cols + j]! - max);
      data[i * cols + j] = t;
      total += t;
    }
    for (let i = 0; i < rows; i++) data[i * cols + j]! /= total;
  }
  return matrix(rows, cols, data);
}

/** Hardmax of each column of Z (C, m): one 1 per column, at its first largest entry. */
export function hardmaxColumns(Z: Matrix): Matrix {
  if (Z.rows === 0) throw new RangeError(`hardmaxColumns: ${formatShape(Z)}: no rows`);
  const data = new Float64Array(Z.rows * Z.cols);
  argmaxColumns(Z).forEach((i, j) => {
    data[i * Z.cols + j] = 1;
  });
  return matrix(Z.rows, Z.cols, data);
}
