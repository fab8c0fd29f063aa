import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  argmaxColumns,
  column,
  columnVector,
  div,
  equalShape,
  filled,
  formatShape,
  fromRows,
  get,
  hstack,
  identity,
  map,
  matmul,
  matrix,
  mean,
  mul,
  ones,
  rowVector,
  scale,
  shape,
  sub,
  sum,
  sumColumns,
  sumRows,
  toArray,
  toRows,
  transpose,
  zeros,
} from '../../src/ml/matrix';
import type { Matrix } from '../../src/ml/matrix';
import { expectAllClose, expectRangeError } from './expectations';

const A = fromRows([
  [1, 2, 3],
  [4, 5, 6],
]);

describe('constructing matrices', () => {
  it('copies the data it is given', () => {
    const source = [1, 2, 3, 4];
    const M = matrix(2, 2, source);
    source[0] = 99;
    expect(toArray(M)).toEqual([1, 2, 3, 4]);
  });

  it('fills with zeros when no data is given', () => {
    expect(toRows(matrix(2, 3))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('reads rows back as they were given', () => {
    expect(toRows(A)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toArray(A)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(shape(A)).toEqual([2, 3]);
    expect(formatShape(A)).toBe('(2,3)');
  });

  it('makes an empty (0,0) matrix from no rows', () => {
    expect(shape(fromRows([]))).toEqual([0, 0]);
  });

  it.each([
    // x = ⟨0.2, 0.5, −0.9⟩ is a column (nX, 1), the course's convention for one example.
    { name: 'columnVector', M: columnVector([0.2, 0.5, -0.9]), expected: [3, 1] },
    // Y = [y⁽¹⁾ … y⁽ᵐ⁾] is a row (1, m).
    { name: 'rowVector', M: rowVector([1, 0, 1, 1]), expected: [1, 4] },
    { name: 'zeros', M: zeros(2, 5), expected: [2, 5] },
    { name: 'ones', M: ones(3, 1), expected: [3, 1] },
    { name: 'filled', M: filled(1, 2, 0.1), expected: [1, 2] },
    { name: 'identity', M: identity(3), expected: [3, 3] },
  ])('$name builds a matrix of the requested shape', ({ M, expected }) => {
    expect(shape(M)).toEqual(expected);
  });

  it('fills ones, a constant and the identity', () => {
    expect(toArray(ones(1, 3))).toEqual([1, 1, 1]);
    expect(toArray(filled(2, 1, 0.1))).toEqual([0.1, 0.1]);
    expect(toRows(identity(2))).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('gives entry (i, j) by zero-based index', () => {
    expect(get(A, 0, 0)).toBe(1);
    expect(get(A, 1, 2)).toBe(6);
  });

  it('compares shapes', () => {
    expect(equalShape(A, zeros(2, 3))).toBe(true);
    expect(equalShape(A, zeros(3, 2))).toBe(false);
  });
});

describe('matrix products', () => {
  it('transposes (2,3) into (3,2)', () => {
    expect(toRows(transpose(A))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('multiplies a hand-computed 2×2 example', () => {
    const B = fromRows([
      [5, 6],
      [7, 8],
    ]);
    const C = fromRows([
      [1, 2],
      [3, 4],
    ]);
    // [1·5 + 2·7, 1·6 + 2·8; 3·5 + 4·7, 3·6 + 4·8]
    expect(toRows(matmul(C, B))).toEqual([
      [19, 22],
      [43, 50],
    ]);
  });

  it('multiplies (2,3)·(3,1) into (2,1)', () => {
    expect(toRows(matmul(A, columnVector([1, 0, -1])))).toEqual([[-2], [-2]]);
  });

  it('leaves a matrix unchanged when multiplied by the identity', () => {
    expect(toArray(matmul(identity(2), A))).toEqual(toArray(A));
    expect(toArray(matmul(A, identity(3)))).toEqual(toArray(A));
  });

  it('satisfies (AB)ᵀ = BᵀAᵀ on random matrices', () => {
    const entries = (n: number) =>
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(entries(6), entries(12), (a, b) => {
        const P = matrix(2, 3, a);
        const Q = matrix(3, 4, b);
        expectAllClose(toArray(transpose(matmul(P, Q))), toArray(matmul(transpose(Q), transpose(P))), 9);
      }),
      { numRuns: 50 },
    );
  });
});

describe('element-wise operations with broadcasting', () => {
  const M = fromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);

  it.each([
    // Same shape: entry by entry.
    {
      label: 'a (3,2) matrix',
      operand: fromRows([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
      sum: [2, 3, 4, 5, 6, 7],
    },
    // (r,1) broadcasts across columns, as b1 (nH,1) is added to W1 X (nH,m).
    { label: 'a (3,1) column', operand: columnVector([10, 20, 30]), sum: [11, 12, 23, 24, 35, 36] },
    // (1,c) broadcasts across rows.
    { label: 'a (1,2) row', operand: rowVector([10, 20]), sum: [11, 22, 13, 24, 15, 26] },
    // (1,1) acts as a scalar, as b2 (1,1) does on W2 A1 (1,m).
    { label: 'a (1,1) matrix', operand: matrix(1, 1, [10]), sum: [11, 12, 13, 14, 15, 16] },
    // A plain number acts as a scalar, as the bias b of logistic regression.
    { label: 'a number', operand: 10, sum: [11, 12, 13, 14, 15, 16] },
  ])('adds $label to a (3,2) matrix', ({ operand, sum: expected }) => {
    expect(toArray(add(M, operand))).toEqual(expected);
  });

  it('subtracts, multiplies and divides with the same broadcasting', () => {
    const b = columnVector([1, 2, 4]);
    expect(toArray(sub(M, b))).toEqual([0, 1, 1, 2, 1, 2]);
    expect(toArray(mul(M, b))).toEqual([1, 2, 6, 8, 20, 24]);
    expect(toArray(div(M, b))).toEqual([1, 2, 1.5, 2, 1.25, 1.5]);
    expect(toArray(mul(M, rowVector([0, 1])))).toEqual([0, 2, 0, 4, 0, 6]);
    expect(toArray(div(M, 2))).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
  });

  it('multiplies element-wise (Hadamard), not as a matrix product', () => {
    expect(toArray(mul(M, M))).toEqual([1, 4, 9, 16, 25, 36]);
  });

  it('scales and maps with the indices of each entry', () => {
    expect(toArray(scale(M, -2))).toEqual([-2, -4, -6, -8, -10, -12]);
    expect(toArray(map(M, (v, i, j) => v + 10 * i + 100 * j))).toEqual([1, 102, 13, 114, 25, 126]);
  });
});

describe('reductions and slicing', () => {
  it('sums all entries, rows and columns', () => {
    expect(sum(A)).toBe(21);
    // numpy's np.sum(A, axis=1, keepdims=True), used for db = (1/m) Σ dZ.
    expect(shape(sumRows(A))).toEqual([2, 1]);
    expect(toArray(sumRows(A))).toEqual([6, 15]);
    expect(shape(sumColumns(A))).toEqual([1, 3]);
    expect(toArray(sumColumns(A))).toEqual([5, 7, 9]);
    expect(mean(A)).toBe(3.5);
  });

  it('takes column j as an (r,1) matrix', () => {
    const x = column(A, 1);
    expect(shape(x)).toEqual([2, 1]);
    expect(toArray(x)).toEqual([2, 5]);
  });

  it('stacks matrices side by side', () => {
    expect(toRows(hstack([A, columnVector([7, 8])]))).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 8],
    ]);
  });

  it('finds the first largest entry of each column', () => {
    const Z = fromRows([
      [1, 9, 3],
      [5, 2, 3],
    ]);
    // Column 2 ties: the first index wins, as numpy's argmax.
    expect(argmaxColumns(Z)).toEqual([1, 0, 0]);
  });
});

describe('shape errors', () => {
  const M32 = zeros(3, 2);
  const M22 = zeros(2, 2);
  it.each([
    // The example of DESIGN.md.
    { run: () => matmul(zeros(4, 3), zeros(2, 5)), message: 'matmul: (4,3)·(2,5): inner dimensions differ' },
    // (2,2) neither matches (3,2) nor is a row, column or scalar of it.
    { run: () => add(M32, M22), message: 'add: (3,2)+(2,2): shapes do not broadcast' },
    { run: () => sub(M32, zeros(2, 3)), message: 'sub: (3,2)-(2,3): shapes do not broadcast' },
    // A (1,3) row needs 3 columns on the left.
    { run: () => mul(M32, zeros(1, 3)), message: 'mul: (3,2)*(1,3): shapes do not broadcast' },
    // A (2,1) column needs 2 rows on the left.
    { run: () => div(M32, zeros(2, 1)), message: 'div: (3,2)/(2,1): shapes do not broadcast' },
    // Only the right operand broadcasts.
    { run: () => add(zeros(3, 1), M32), message: 'add: (3,1)+(3,2): shapes do not broadcast' },
    { run: () => matrix(2, 3, [1, 2, 3, 4, 5]), message: 'matrix: (2,3): data has 5 values, the shape needs 6' },
    { run: () => matrix(-1, 2), message: 'matrix: (-1,2): dimensions must be non-negative integers' },
    {
      run: () =>
        fromRows([
          [1, 2, 3],
          [4, 5],
        ]),
      message: 'fromRows: (1,3) at row 0, (1,2) at row 1: rows are ragged',
    },
    { run: () => get(A, 2, 0), message: 'get: (2,3): no entry (2,0)' },
    { run: () => column(A, 3), message: 'column: (2,3): no column 3' },
    { run: () => hstack([A, zeros(3, 1)]), message: 'hstack: (2,3)|(3,1): row counts differ' },
    { run: () => hstack([]), message: 'hstack: no matrices to stack' },
    { run: () => mean(zeros(0, 3)), message: 'mean: (0,3): matrix is empty' },
    { run: () => argmaxColumns(zeros(0, 3)), message: 'argmaxColumns: (0,3): no rows' },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});

describe('purity', () => {
  const snapshot = (Ms: Matrix[]) => Ms.map(toArray);

  it('leaves the operands of every operation unchanged', () => {
    const P = fromRows([
      [1, -2],
      [3, 4],
    ]);
    const b = columnVector([0.5, -0.5]);
    const before = snapshot([P, b]);
    for (const run of [
      () => add(P, b),
      () => sub(P, b),
      () => mul(P, b),
      () => div(P, b),
      () => matmul(P, b),
      () => transpose(P),
      () => scale(P, 3),
      () => map(P, (v) => v * v),
      () => sumRows(P),
      () => hstack([P, b]),
    ]) {
      const result = run();
      expect(result.data).not.toBe(P.data);
      expect(result.data).not.toBe(b.data);
    }
    expect(snapshot([P, b])).toEqual(before);
  });
});
