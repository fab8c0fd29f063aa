import { describe, expect, it } from 'vitest';
import { linearlySeparable } from '../../src/ml/datasets';
import {
  logisticCost,
  logisticForward,
  logisticGradients,
  logisticStep,
  predictLogistic,
  trainLogistic,
} from '../../src/ml/logistic';
import type { LogisticParams } from '../../src/ml/logistic';
import { columnVector, fromRows, rowVector, shape, toArray, zeros } from '../../src/ml/matrix';
import { mulberry32 } from '../../src/ml/random';
import { expectAllClose, expectRangeError } from './expectations';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

// nX = 2, m = 3: one example per column.
const X = fromRows([
  [1, 2, -1],
  [0, 3, 2],
]);
const Y = rowVector([1, 0, 1]);
const p: LogisticParams = { w: columnVector([1, -1]), b: 0.5 };
// z = wᵀx + b per column: 1 − 0 + 0.5, 2 − 3 + 0.5, −1 − 2 + 0.5.
const z = [1.5, -0.5, -2.5];

describe('logistic regression by hand', () => {
  it('computes Ŷ = σ(wᵀX + b) as a (1, m) row', () => {
    const Yhat = logisticForward(p, X);
    expect(shape(Yhat)).toEqual([1, 3]);
    expectAllClose(toArray(Yhat), z.map(sigma), 15);
  });

  it('computes the mean cross-entropy J = −(1/m) Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]', () => {
    const expected = -(Math.log(sigma(1.5)) + Math.log(1 - sigma(-0.5)) + Math.log(sigma(-2.5))) / 3;
    expect(logisticCost(p, X, Y)).toBeCloseTo(expected, 14);
  });

  it('computes the mean squared error J = (1/m) Σ ½(ŷ − y)² when asked', () => {
    const expected = (0.5 * (sigma(1.5) - 1) ** 2 + 0.5 * sigma(-0.5) ** 2 + 0.5 * (sigma(-2.5) - 1) ** 2) / 3;
    expect(logisticCost(p, X, Y, 'squaredError')).toBeCloseTo(expected, 14);
  });

  it('computes dw = X dZᵀ / m and db = Σ dZ / m with dZ = A − Y', () => {
    const dZ = [sigma(1.5) - 1, sigma(-0.5) - 0, sigma(-2.5) - 1];
    const { dw, db } = logisticGradients(p, X, Y);
    expect(shape(dw)).toEqual([2, 1]);
    // The constant is 1/m for the mean cross-entropy, not the 1/(2m) of Scully's slides.
    expectAllClose(toArray(dw), [(dZ[0]! * 1 + dZ[1]! * 2 + dZ[2]! * -1) / 3, (dZ[1]! * 3 + dZ[2]! * 2) / 3], 15);
    expect(db).toBeCloseTo((dZ[0]! + dZ[1]! + dZ[2]!) / 3, 15);
  });

  it('steps against the gradient: w − α dw, b − α db', () => {
    const grads = { dw: columnVector([0.2, -0.4]), db: 0.1 };
    const next = logisticStep(p, grads, 0.5);
    expectAllClose(toArray(next.w), [0.9, -0.8], 15);
    expect(next.b).toBeCloseTo(0.45, 15);
  });

  it('predicts 1 where ŷ is above the threshold', () => {
    expect(toArray(predictLogistic(p, X))).toEqual([1, 0, 0]);
    // σ(−0.5) ≈ 0.378 clears a threshold of 0.3.
    expect(toArray(predictLogistic(p, X, 0.3))).toEqual([1, 1, 0]);
  });

  it('leaves its inputs unchanged', () => {
    const before = [toArray(p.w), p.b, toArray(X), toArray(Y)];
    const grads = logisticGradients(p, X, Y);
    logisticStep(p, grads, 0.1);
    trainLogistic(X, Y, { learningRate: 0.1, iterations: 3, init: p });
    expect([toArray(p.w), p.b, toArray(X), toArray(Y)]).toEqual(before);
  });
});

describe('training logistic regression', () => {
  const data = linearlySeparable(200, mulberry32(1));
  const { params, costs } = trainLogistic(data.X, data.Y, { learningRate: 0.5, iterations: 300 });

  it('starts from w = 0, b = 0, where J = ln 2', () => {
    expect(costs[0]).toBeCloseTo(Math.LN2, 14);
    expect(costs).toHaveLength(300);
  });

  it('decreases the cost at every iteration with a small learning rate', () => {
    costs.slice(1).forEach((cost, i) => expect(cost).toBeLessThan(costs[i]!));
    expect(costs.at(-1)!).toBeLessThan(0.15);
  });

  it('classifies a linearly separable set with accuracy at least 0.95', () => {
    const predictions = toArray(predictLogistic(params, data.X));
    const labels = toArray(data.Y);
    const accuracy = predictions.filter((v, j) => v === labels[j]).length / labels.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('shape errors', () => {
  it.each([
    // nX = 2 weights cannot score 3-feature examples.
    { run: () => logisticForward(p, zeros(3, 4)), message: 'logisticForward: w (2,1), X (3,4): X must have 2 rows' },
    // w must be a column (nX, 1), as in lecture 01.
    {
      run: () => logisticForward({ w: zeros(1, 2), b: 0 }, X),
      message: 'logisticForward: w (1,2): w must be a column (nX,1)',
    },
    { run: () => logisticCost(p, X, rowVector([1, 0])), message: 'logisticCost: X (2,3), Y (1,2): Y must be (1,3)' },
    {
      run: () => logisticGradients(p, X, zeros(2, 3)),
      message: 'logisticGradients: X (2,3), Y (2,3): Y must be (1,3)',
    },
    { run: () => predictLogistic(p, zeros(1, 3)), message: 'predictLogistic: w (2,1), X (1,3): X must have 2 rows' },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
