/**
 * Logistic regression, vectorised over the m columns of X (nX, m):
 * Z = wᵀX + b, A = σ(Z) = Ŷ, J = (1/m) Σ L(ŷ, y).
 */
import { activate, sigmoid } from './activations';
import { binaryCrossEntropyCost, squaredErrorCost } from './losses';
import { add, formatShape, map, matmul, mul, scale, sub, sum, transpose, zeros } from './matrix';
import type { Matrix } from './matrix';

/** The parameters of one sigmoid unit: weights w (nX, 1) and bias b. */
export interface LogisticParams {
  readonly w: Matrix;
  readonly b: number;
}

/** The gradients of J with respect to w (nX, 1) and b. */
export interface LogisticGradients {
  readonly dw: Matrix;
  readonly db: number;
}

/** The loss a logistic unit is trained with: cross-entropy (convex) or squared error (not). */
export type LogisticLoss = 'crossEntropy' | 'squaredError';

/** Options of `trainLogistic`; `init` defaults to w = 0, b = 0. */
export interface TrainLogisticOptions {
  readonly learningRate: number;
  readonly iterations: number;
  readonly init?: LogisticParams;
  readonly loss?: LogisticLoss;
}

function checkInput(operation: string, p: LogisticParams, X: Matrix): void {
  if (p.w.cols !== 1) {
    throw new RangeError(`${operation}: w ${formatShape(p.w)}: w must be a column (nX,1)`);
  }
  if (X.rows !== p.w.rows) {
    throw new RangeError(`${operation}: w ${formatShape(p.w)}, X ${formatShape(X)}: X must have ${p.w.rows} rows`);
  }
}

function checkLabels(operation: string, X: Matrix, Y: Matrix): void {
  if (Y.rows !== 1 || Y.cols !== X.cols) {
    throw new RangeError(`${operation}: X ${formatShape(X)}, Y ${formatShape(Y)}: Y must be (1,${X.cols})`);
  }
  if (X.cols === 0) throw new RangeError(`${operation}: X ${formatShape(X)}: no examples`);
}

function forward(operation: string, p: LogisticParams, X: Matrix): Matrix {
  checkInput(operation, p, X);
  return activate(add(matmul(transpose(p.w), X), p.b), sigmoid);
}

/** Ŷ = σ(wᵀX + b), shape (1, m), for X (nX, m). */
export function logisticForward(p: LogisticParams, X: Matrix): Matrix {
  return forward('logisticForward', p, X);
}

/** The cost J(w, b) on X (nX, m) and labels Y (1, m), cross-entropy unless told otherwise. */
export function logisticCost(p: LogisticParams, X: Matrix, Y: Matrix, loss: LogisticLoss = 'crossEntropy'): number {
  const A = forward('logisticCost', p, X);
  checkLabels('logisticCost', X, Y);
  return loss === 'crossEntropy' ? binaryCrossEntropyCost(A, Y) : squaredErrorCost(A, Y);
}

/** ∂J/∂w (nX, 1) and ∂J/∂b for X (nX, m), Y (1, m): dZ = A − Y, dw = X dZᵀ / m, db = Σ dZ / m. */
export function logisticGradients(
  p: LogisticParams,
  X: Matrix,
  Y: Matrix,
  loss: LogisticLoss = 'crossEntropy',
): LogisticGradients {
  const A = forward('logisticGradients', p, X);
  checkLabels('logisticGradients', X, Y);
  const m = X.cols;
  // Cross-entropy: dL/dz = a − y. Squared error ½(a − y)²: dL/dz = (a − y)·a(1 − a).
  const dZ =
    loss === 'crossEntropy'
      ? sub(A, Y)
      : mul(
          sub(A, Y),
          map(A, (a) => a * (1 - a)),
        );
  // The mean cost has the constant 1/m (Scully's slides print 1/(2m), which is not the gradient).
  return { dw: scale(matmul(X, transpose(dZ)), 1 / m), db: sum(dZ) / m };
}

/** One gradient-descent step: w − α dw, b − α db. */
export function logisticStep(p: LogisticParams, grads: LogisticGradients, learningRate: number): LogisticParams {
  return { w: sub(p.w, scale(grads.dw, learningRate)), b: p.b - learningRate * grads.db };
}

/** Batch gradient descent on X (nX, m), Y (1, m); costs[i] is J before step i. */
export function trainLogistic(
  X: Matrix,
  Y: Matrix,
  options: TrainLogisticOptions,
): { params: LogisticParams; costs: number[] } {
  const loss = options.loss ?? 'crossEntropy';
  let params: LogisticParams = options.init ?? { w: zeros(X.rows, 1), b: 0 };
  const costs: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    costs.push(logisticCost(params, X, Y, loss));
    params = logisticStep(params, logisticGradients(params, X, Y, loss), options.learningRate);
  }
  return { params, costs };
}

/** Labels (1, m): 1 where ŷ > threshold, else 0. */
export function predictLogistic(p: LogisticParams, X: Matrix, threshold = 0.5): Matrix {
  return map(forward('predictLogistic', p, X), (a) => (a > threshold ? 1 : 0));
}
