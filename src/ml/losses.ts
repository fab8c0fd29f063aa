/**
 * Losses L(ŷ, y) for one example and costs J = (1/m) Σ L over the m columns of a batch.
 * Logarithms are natural; probabilities are clipped so that log 0 never happens.
 */
import { formatShape } from './matrix';
import type { Matrix } from './matrix';

/** Probabilities are clipped to [ε, 1 − ε] before a logarithm, so losses stay finite. */
export const PROBABILITY_EPSILON = 1e-12;

function clipProbability(p: number): number {
  return Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON);
}

function checkBatch(operation: string, Yhat: Matrix, Y: Matrix): void {
  if (Yhat.rows !== Y.rows || Yhat.cols !== Y.cols) {
    throw new RangeError(`${operation}: Yhat ${formatShape(Yhat)}, Y ${formatShape(Y)}: shapes differ`);
  }
  if (Y.cols === 0) throw new RangeError(`${operation}: Y ${formatShape(Y)}: no examples`);
}

/** Sums `loss(ŷ, y)` over all entries of Yhat and Y (r, m) and divides by the m columns. */
function entrywiseCost(operation: string, Yhat: Matrix, Y: Matrix, loss: (yhat: number, y: number) => number): number {
  checkBatch(operation, Yhat, Y);
  let total = 0;
  for (let k = 0; k < Y.data.length; k++) total += loss(Yhat.data[k]!, Y.data[k]!);
  return total / Y.cols;
}

/** L(ŷ, y) = −(y ln ŷ + (1 − y) ln(1 − ŷ)) for one probability ŷ and label y. */
export function binaryCrossEntropy(yhat: number, y: number): number {
  const p = clipProbability(yhat);
  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
}

/** J = (1/m) Σ L(ŷ, y) over Yhat and Y of shape (1, m); with more rows, rows' losses add. */
export function binaryCrossEntropyCost(Yhat: Matrix, Y: Matrix): number {
  return entrywiseCost('binaryCrossEntropyCost', Yhat, Y, binaryCrossEntropy);
}

/** L(ŷ, y) = −Σⱼ yⱼ ln ŷⱼ for C class probabilities ŷ and a (one-hot) target y. */
export function categoricalCrossEntropy(yhat: readonly number[], y: readonly number[]): number {
  if (yhat.length !== y.length) {
    throw new RangeError(`categoricalCrossEntropy: yhat (${yhat.length}), y (${y.length}): lengths differ`);
  }
  let total = 0;
  y.forEach((yj, j) => {
    // Skipping yⱼ = 0 keeps 0·ln(0) out, which would be NaN without the clip.
    if (yj !== 0) total -= yj * Math.log(clipProbability(yhat[j]!));
  });
  return total;
}

/** J = (1/m) Σᵢ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) over the m columns of Yhat and Y, both (C, m). */
export function categoricalCrossEntropyCost(Yhat: Matrix, Y: Matrix): number {
  return entrywiseCost('categoricalCrossEntropyCost', Yhat, Y, (p, y) =>
    y === 0 ? 0 : -y * Math.log(clipProbability(p)),
  );
}

/** L(ŷ, y) = ½(ŷ − y)², the squared error of lecture 01. */
export function squaredError(yhat: number, y: number): number {
  const e = yhat - y;
  return 0.5 * e * e;
}

/** J = (1/m) Σ ½(ŷ − y)² over Yhat and Y of shape (r, m). */
export function squaredErrorCost(Yhat: Matrix, Y: Matrix): number {
  return entrywiseCost('squaredErrorCost', Yhat, Y, squaredError);
}
