import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyCost,
  categoricalCrossEntropy,
  categoricalCrossEntropyCost,
  PROBABILITY_EPSILON,
  squaredError,
  squaredErrorCost,
} from '../../src/ml/losses';
import { fromRows, rowVector } from '../../src/ml/matrix';
import { expectRangeError } from './expectations';

describe('binary cross-entropy', () => {
  it.each([
    // Lecture 01: if y = 1, L = −log ŷ.
    { yhat: 0.8, y: 1, loss: -Math.log(0.8) },
    // Lecture 01: if y = 0, L = −log(1 − ŷ).
    { yhat: 0.8, y: 0, loss: -Math.log(0.2) },
    // Guessing ŷ = 1/2 costs ln 2 whatever the label.
    { yhat: 0.5, y: 1, loss: Math.LN2 },
    { yhat: 0.5, y: 0, loss: Math.LN2 },
  ])('L($yhat, $y) = $loss', ({ yhat, y, loss }) => {
    expect(binaryCrossEntropy(yhat, y)).toBeCloseTo(loss, 14);
  });

  it.each([
    // A confident wrong answer: log 0 is avoided by clipping to ε.
    { yhat: 0, y: 1, loss: -Math.log(PROBABILITY_EPSILON) },
    // 1 − ε is rounded in float64, so 1 − (1 − ε) is ε only to about 5 digits.
    { yhat: 1, y: 0, loss: -Math.log(1 - (1 - PROBABILITY_EPSILON)) },
    // A confident right answer costs (almost) nothing, and not NaN from 0·log 0.
    { yhat: 1, y: 1, loss: 0 },
    { yhat: 0, y: 0, loss: 0 },
  ])('is finite at ŷ = $yhat with y = $y', ({ yhat, y, loss }) => {
    const value = binaryCrossEntropy(yhat, y);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(loss, 9);
  });

  it('averages the losses over the m columns', () => {
    const Yhat = rowVector([0.9, 0.2, 0.6, 0.5]);
    const Y = rowVector([1, 0, 0, 1]);
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.5)) / 4;
    expect(binaryCrossEntropyCost(Yhat, Y)).toBeCloseTo(expected, 14);
  });

  it('clips to [1e-12, 1 − 1e-12]', () => {
    expect(PROBABILITY_EPSILON).toBe(1e-12);
  });
});

describe('categorical cross-entropy', () => {
  it('L([0.3, 0.2, 0.1, 0.4], [0, 1, 0, 0]) = −ln 0.2', () => {
    // 06b-softmax-notes.md "Loss function": only the true class counts, L = −log ŷ₂.
    expect(categoricalCrossEntropy([0.3, 0.2, 0.1, 0.4], [0, 1, 0, 0])).toBeCloseTo(-Math.log(0.2), 14);
    expect(categoricalCrossEntropy([0.3, 0.2, 0.1, 0.4], [0, 1, 0, 0])).toBeCloseTo(1.6094379124341003, 14);
  });

  it('gives −ln 0.952 ≈ 0.0492 for Scully’s example, where the slide prints −0.021', () => {
    // 02-logistic-regression-to-neural-networks.md "Loss Function for Softmax":
    // −1·log(0.952) − 0·log(0.00037) − 0·log(0.048) = −0.021 on the slide. That is log₁₀
    // (log₁₀ 0.952 = −0.0214) with the minus sign dropped; a loss is never negative.
    // The natural log, which the cross-entropy gradient ŷ − y assumes, gives 0.0492.
    const loss = categoricalCrossEntropy([0.952, 0.00037, 0.048], [1, 0, 0]);
    expect(loss).toBeCloseTo(0.04919024419077178, 14);
    expect(loss).toBeGreaterThan(0);
    expect(Math.log10(0.952)).toBeCloseTo(-0.021, 3);
  });

  it('gives −ln 0.048 ≈ 3.04 when the true class is the third, where the slide prints 1.31', () => {
    // Same slide: "−log(0.048) = 1.31 (a high loss)". −log₁₀ 0.048 = 1.319: the slide used log₁₀
    // (and 1.319 rounds to 1.32). With the natural log the loss is 3.037.
    const loss = categoricalCrossEntropy([0.952, 0.00037, 0.048], [0, 0, 1]);
    expect(loss).toBeCloseTo(3.036554268074246, 14);
    expect(-Math.log10(0.048)).toBeCloseTo(1.319, 3);
  });

  it('is finite when the true class gets probability 0', () => {
    const loss = categoricalCrossEntropy([1, 0, 0], [0, 1, 0]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(-Math.log(PROBABILITY_EPSILON), 9);
  });

  it('is finite and near 0 when the true class gets probability 1', () => {
    const loss = categoricalCrossEntropy([0, 1, 0], [0, 1, 0]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(0, 9);
  });

  it('averages the losses over the m columns of (C, m)', () => {
    // Columns: the 06b example, then a second example of class 3.
    const Yhat = fromRows([
      [0.3, 0.1],
      [0.2, 0.1],
      [0.1, 0.7],
      [0.4, 0.1],
    ]);
    const Y = fromRows([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(categoricalCrossEntropyCost(Yhat, Y)).toBeCloseTo(-(Math.log(0.2) + Math.log(0.7)) / 2, 14);
  });
});

describe('squared error', () => {
  it('L(ŷ, y) = ½(ŷ − y)², as lecture 01 defines it', () => {
    expect(squaredError(0.8, 1)).toBeCloseTo(0.02, 15);
    expect(squaredError(3, 1)).toBe(2);
  });

  it('averages ½(ŷ − y)² over the m columns', () => {
    expect(squaredErrorCost(rowVector([1, 2, 3]), rowVector([1, 0, 0]))).toBeCloseTo((0 + 2 + 4.5) / 3, 15);
  });
});

describe('shape errors', () => {
  it.each([
    {
      run: () => binaryCrossEntropyCost(rowVector([0.1, 0.2, 0.3, 0.4]), rowVector([1, 0, 1])),
      message: 'binaryCrossEntropyCost: Yhat (1,4), Y (1,3): shapes differ',
    },
    {
      run: () => categoricalCrossEntropyCost(fromRows([[0.5], [0.5]]), fromRows([[1], [0], [0]])),
      message: 'categoricalCrossEntropyCost: Yhat (2,1), Y (3,1): shapes differ',
    },
    {
      run: () => squaredErrorCost(rowVector([1, 2]), fromRows([[1], [2]])),
      message: 'squaredErrorCost: Yhat (1,2), Y (2,1): shapes differ',
    },
    {
      run: () => categoricalCrossEntropy([0.3, 0.2, 0.1, 0.4], [0, 1, 0]),
      message: 'categoricalCrossEntropy: yhat (4), y (3): lengths differ',
    },
    // No examples: the mean over m = 0 columns is undefined.
    {
      run: () => binaryCrossEntropyCost(rowVector([]), rowVector([])),
      message: 'binaryCrossEntropyCost: Y (1,0): no examples',
    },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
