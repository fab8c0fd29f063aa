/**
 * Gradient checking: compare backpropagation's gradient with the centred difference
 * (J(θ + ε) − J(θ − ε)) / 2ε, whose error is O(ε²), by their relative error.
 */
import { logisticCost, logisticGradients } from './logistic';
import type { LogisticLoss, LogisticParams } from './logistic';
import { formatShape, matrix } from './matrix';
import type { Matrix } from './matrix';
import { backwardTwoLayer, forwardTwoLayer, twoLayerCost } from './twoLayer';
import type { TwoLayerConfig, TwoLayerParams } from './twoLayer';

/** The analytic and numeric gradients, flattened in the same order, and their relative error. */
export interface GradientCheck {
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly relativeError: number;
}

/** The centred-difference gradient of f at θ (length n); θ itself is never written to. */
export function numericGradient(f: (theta: Float64Array) => number, theta: Float64Array, epsilon = 1e-5): Float64Array {
  const probe = Float64Array.from(theta);
  const gradient = new Float64Array(theta.length);
  for (let k = 0; k < theta.length; k++) {
    const value = theta[k]!;
    probe[k] = value + epsilon;
    const plus = f(probe);
    probe[k] = value - epsilon;
    const minus = f(probe);
    probe[k] = value;
    gradient[k] = (plus - minus) / (2 * epsilon);
  }
  return gradient;
}

/** ‖a − b‖ / (‖a‖ + ‖b‖) for vectors of equal length, and 0 when both are zero. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`relativeError: (${a.length}), (${b.length}): lengths differ`);
  }
  let difference = 0;
  let normA = 0;
  let normB = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    difference += (x - y) ** 2;
    normA += x * x;
    normB += y * y;
  }
  const denominator = Math.sqrt(normA) + Math.sqrt(normB);
  return denominator === 0 ? 0 : Math.sqrt(difference) / denominator;
}

/** The entries of the matrices, each row-major, one after another, as one vector θ. */
export function flattenParams(list: readonly Matrix[]): Float64Array {
  const theta = new Float64Array(list.reduce((n, M) => n + M.data.length, 0));
  let offset = 0;
  for (const M of list) {
    theta.set(M.data, offset);
    offset += M.data.length;
  }
  return theta;
}

/** Cuts θ back into matrices with the shapes of `shapesLike`, the inverse of `flattenParams`. */
export function unflattenParams(theta: ArrayLike<number>, shapesLike: readonly Matrix[]): Matrix[] {
  const needed = shapesLike.reduce((n, M) => n + M.rows * M.cols, 0);
  if (theta.length !== needed) {
    throw new RangeError(
      `unflattenParams: (${theta.length}), ${shapesLike.map(formatShape).join('+')}: ` + `theta needs ${needed} values`,
    );
  }
  const values = Array.from(theta);
  let offset = 0;
  return shapesLike.map((M) => {
    const size = M.rows * M.cols;
    const result = matrix(M.rows, M.cols, values.slice(offset, offset + size));
    offset += size;
    return result;
  });
}

/** Gradient check of logistic regression on X (nX, m), Y (1, m), with θ = (w, b). */
export function gradientCheckLogistic(
  p: LogisticParams,
  X: Matrix,
  Y: Matrix,
  loss: LogisticLoss = 'crossEntropy',
): GradientCheck {
  const { dw, db } = logisticGradients(p, X, Y, loss);
  const analytic = Float64Array.from([...dw.data, db]);
  const theta = Float64Array.from([...p.w.data, p.b]);
  const numeric = numericGradient((t) => {
    const w = matrix(p.w.rows, 1, t.subarray(0, p.w.rows));
    return logisticCost({ w, b: t[p.w.rows]! }, X, Y, loss);
  }, theta);
  return { analytic, numeric, relativeError: relativeError(analytic, numeric) };
}

/** Gradient check of the two-layer network on X (nX, m), Y (nY, m), θ = (W1, b1, W2, b2). */
export function gradientCheckTwoLayer(
  params: TwoLayerParams,
  X: Matrix,
  Y: Matrix,
  config: TwoLayerConfig,
): GradientCheck {
  const { cache } = forwardTwoLayer(params, X, config);
  const grads = backwardTwoLayer(params, cache, X, Y, config);
  const analytic = flattenParams([grads.dW1, grads.db1, grads.dW2, grads.db2]);
  const shapes = [params.W1, params.b1, params.W2, params.b2];
  const numeric = numericGradient((theta) => {
    const [W1, b1, W2, b2] = unflattenParams(theta, shapes) as [Matrix, Matrix, Matrix, Matrix];
    return twoLayerCost(forwardTwoLayer({ W1, b1, W2, b2 }, X, config).A2, Y, config);
  }, flattenParams(shapes));
  return { analytic, numeric, relativeError: relativeError(analytic, numeric) };
}
