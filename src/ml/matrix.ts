/**
 * Dense row-major matrices of float64, the one data structure of the numeric core.
 *
 * Every function here is pure: it returns a new matrix and never writes to its arguments.
 * Loops index `data` only inside `0 … rows·cols − 1`, so the `!` after those reads is safe.
 */

/** A (rows, cols) matrix whose entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A right operand of `add`, `sub`, `mul`, `div`: a matrix that broadcasts, or a plain number. */
export type Operand = Matrix | number;

function checkDimension(operation: string, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`${operation}: (${rows},${cols}): dimensions must be non-negative integers`);
  }
}

/** Wraps a buffer the caller has just allocated, without copying it. */
function wrap(rows: number, cols: number, data: Float64Array): Matrix {
  return { rows, cols, data };
}

/** The shape of M as "(rows,cols)", the form every error message uses. */
export function formatShape(M: Matrix): string {
  return `(${M.rows},${M.cols})`;
}

/** A (rows, cols) matrix holding a copy of `data` (row-major, length rows·cols), or zeros. */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDimension('matrix', rows, cols);
  if (data === undefined) return wrap(rows, cols, new Float64Array(rows * cols));
  if (data.length !== rows * cols) {
    throw new RangeError(`matrix: (${rows},${cols}): data has ${data.length} values, the shape needs ${rows * cols}`);
  }
  return wrap(rows, cols, Float64Array.from(data));
}

/** The (r, c) matrix whose rows are the given r arrays of equal length c. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const first = rows[0];
  if (first === undefined) return matrix(0, 0);
  const cols = first.length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(`fromRows: (1,${cols}) at row 0, (1,${row.length}) at row ${i}: rows are ragged`);
    }
    data.set(row, i * cols);
  });
  return wrap(rows.length, cols, data);
}

/** The (n, 1) column vector of the given n values. */
export function columnVector(values: readonly number[]): Matrix {
  return matrix(values.length, 1, values);
}

/** The (1, n) row vector of the given n values. */
export function rowVector(values: readonly number[]): Matrix {
  return matrix(1, values.length, values);
}

/** The (rows, cols) matrix with every entry equal to `value`. */
export function filled(rows: number, cols: number, value: number): Matrix {
  checkDimension('filled', rows, cols);
  return wrap(rows, cols, new Float64Array(rows * cols).fill(value));
}

/** The (rows, cols) matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  return filled(rows, cols, 0);
}

/** The (rows, cols) matrix of ones. */
export function ones(rows: number, cols: number): Matrix {
  return filled(rows, cols, 1);
}

/** The (n, n) identity matrix. */
export function identity(n: number): Matrix {
  checkDimension('identity', n, n);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return wrap(n, n, data);
}

/** Entry (i, j) of M, zero-based; a RangeError outside the shape. */
export function get(M: Matrix, i: number, j: number): number {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= M.rows || j >= M.cols) {
    throw new RangeError(`get: ${formatShape(M)}: no entry (${i},${j})`);
  }
  return M.data[i * M.cols + j]!;
}

/** The rows of M as r arrays of c numbers. */
export function toRows(M: Matrix): number[][] {
  return Array.from({ length: M.rows }, (_, i) => Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols)));
}

/** The entries of M in row-major order. */
export function toArray(M: Matrix): number[] {
  return Array.from(M.data);
}

/** The shape [rows, cols] of M. */
export function shape(M: Matrix): [number, number] {
  return [M.rows, M.cols];
}

/** Whether A and B have the same shape. */
export function equalShape(A: Matrix, B: Matrix): boolean {
  return A.rows === B.rows && A.cols === B.cols;
}

/** Mᵀ: (r, c) → (c, r). */
export function transpose(M: Matrix): Matrix {
  const { rows, cols } = M;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[j * rows + i] = M.data[i * cols + j]!;
  }
  return wrap(cols, rows, data);
}

/** The matrix product AB: (n, k)·(k, m) → (n, m). */
export function matmul(A: Matrix, B: Matrix): Matrix {
  if (A.cols !== B.rows) {
    throw new RangeError(`matmul: ${formatShape(A)}·${formatShape(B)}: inner dimensions differ`);
  }
  const n = A.rows;
  const k = A.cols;
  const m = B.cols;
  const data = new Float64Array(n * m);
  // i-p-j loop order walks both B and the result along rows, which is cache-friendly.
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const a = A.data[i * k + p]!;
      if (a === 0) continue;
      for (let j = 0; j < m; j++) data[i * m + j]! += a * B.data[p * m + j]!;
    }
  }
  return wrap(n, m, data);
}

/**
 * Applies `f` entry by entry to A (r, c) and B, where B is a number or a matrix of shape
 * (r, c), (r, 1) broadcast across columns, (1, c) broadcast across rows, or (1, 1).
 */
function broadcast(
  operation: string,
  symbol: string,
  A: Matrix,
  B: Operand,
  f: (a: number, b: number) => number,
): Matrix {
  const { rows, cols } = A;
  const data = new Float64Array(rows * cols);
  if (typeof B === 'number') {
    for (let k = 0; k < data.length; k++) data[k] = f(A.data[k]!, B);
    return wrap(rows, cols, data);
  }
  // Strides into B.data: a full matrix steps along both axes, a column only down the rows,
  // a row only along the columns, a (1,1) matrix along neither.
  let rowStride: number;
  let colStride: number;
  if (B.rows === rows && B.cols === cols) [rowStride, colStride] = [cols, 1];
  else if (B.rows === 1 && B.cols === 1) [rowStride, colStride] = [0, 0];
  else if (B.rows === rows && B.cols === 1) [rowStride, colStride] = [1, 0];
  else if (B.rows === 1 && B.cols === cols) [rowStride, colStride] = [0, 1];
  else {
    throw new RangeError(`${operation}: ${formatShape(A)}${symbol}${formatShape(B)}: shapes do not broadcast`);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      data[i * cols + j] = f(A.data[i * cols + j]!, B.data[i * rowStride + j * colStride]!);
    }
  }
  return wrap(rows, cols, data);
}

/** A + B (r, c), with B of shape (r, c), (r, 1), (1, c), (1, 1) or a number. */
export function add(A: Matrix, B: Operand): Matrix {
  return broadcast('add', '+', A, B, (a, b) => a + b);
}

/** A − B (r, c), with B of shape (r, c), (r, 1), (1, c), (1, 1) or a number. */
export function sub(A: Matrix, B: Operand): Matrix {
  return broadcast('sub', '-', A, B, (a, b) => a - b);
}

/** The element-wise (Hadamard) product A ∗ B (r, c), with B broadcast as in `add`. */
export function mul(A: Matrix, B: Operand): Matrix {
  return broadcast('mul', '*', A, B, (a, b) => a * b);
}

/** The element-wise quotient A / B (r, c), with B broadcast as in `add`. */
export function div(A: Matrix, B: Operand): Matrix {
  return broadcast('div', '/', A, B, (a, b) => a / b);
}

/** k·M, same shape as M. */
export function scale(M: Matrix, k: number): Matrix {
  return broadcast('scale', '*', M, k, (a, b) => a * b);
}

/** The matrix of f(M[i][j], i, j), same shape as M. */
export function map(M: Matrix, f: (value: number, i: number, j: number) => number): Matrix {
  const { rows, cols } = M;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[i * cols + j] = f(M.data[i * cols + j]!, i, j);
  }
  return wrap(rows, cols, data);
}

/** The sum of all entries of M. */
export function sum(M: Matrix): number {
  let total = 0;
  for (const value of M.data) total += value;
  return total;
}

/** Row sums of M (r, c) as an (r, 1) column, like numpy's sum(axis=1, keepdims=True). */
export function sumRows(M: Matrix): Matrix {
  const { rows, cols } = M;
  const data = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[i]! += M.data[i * cols + j]!;
  }
  return wrap(rows, 1, data);
}

/** Column sums of M (r, c) as a (1, c) row, like numpy's sum(axis=0, keepdims=True). */
export function sumColumns(M: Matrix): Matrix {
  const { rows, cols } = M;
  const data = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) data[j]! += M.data[i * cols + j]!;
  }
  return wrap(1, cols, data);
}

/** The mean of all entries of M; a RangeError when M is empty. */
export function mean(M: Matrix): number {
  if (M.data.length === 0) throw new RangeError(`mean: ${formatShape(M)}: matrix is empty`);
  return sum(M) / M.data.length;
}

/** Column j of M (r, c) as an (r, 1) matrix, e.g. the example x⁽ʲ⁾ of X. */
export function column(M: Matrix, j: number): Matrix {
  if (!Number.isInteger(j) || j < 0 || j >= M.cols) {
    throw new RangeError(`column: ${formatShape(M)}: no column ${j}`);
  }
  const data = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) data[i] = M.data[i * M.cols + j]!;
  return wrap(M.rows, 1, data);
}

/** The matrices side by side: (r, c₁), (r, c₂), … → (r, c₁ + c₂ + …). */
export function hstack(Ms: readonly Matrix[]): Matrix {
  const first = Ms[0];
  if (first === undefined) throw new RangeError('hstack: no matrices to stack');
  const rows = first.rows;
  let cols = 0;
  for (const M of Ms) {
    if (M.rows !== rows) {
      throw new RangeError(`hstack: ${formatShape(first)}|${formatShape(M)}: row counts differ`);
    }
    cols += M.cols;
  }
  const data = new Float64Array(rows * cols);
  let offset = 0;
  for (const M of Ms) {
    for (let i = 0; i < rows; i++) {
      data.set(M.data.subarray(i * M.cols, (i + 1) * M.cols), i * cols + offset);
    }
    offset += M.cols;
  }
  return wrap(rows, cols, data);
}

/** For each column of M (r, c), the row index of its first largest entry: c indices. */
export function argmaxColumns(M: Matrix): number[] {
  if (M.rows === 0) throw new RangeError(`argmaxColumns: ${formatShape(M)}: no rows`);
  const result: number[] = [];
  for (let j = 0; j < M.cols; j++) {
    let best = 0;
    for (let i = 1; i < M.rows; i++) {
      if (M.data[i * M.cols + j]! > M.data[best * M.cols + j]!) best = i;
    }
    result.push(best);
  }
  return result;
}
