/**
 * The two-layer (one hidden layer) network of lectures 02 and 04, vectorised over m columns:
 * Z1 = W1 X + b1, A1 = g(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2) or softmax(Z2).
 */
import { activate, activateDerivative, activations } from './activations';
import type { ActivationName } from './activations';
import { binaryCrossEntropyCost, categoricalCrossEntropyCost } from './losses';
import {
  add,
  argmaxColumns,
  formatShape,
  map,
  matmul,
  mul,
  rowVector,
  scale,
  sub,
  sumRows,
  transpose,
  zeros,
} from './matrix';
import type { Matrix } from './matrix';
import { gaussian } from './random';
import type { Rng } from './random';
import { softmaxColumns } from './softmax';

/** Weights W1 (nH, nX), W2 (nY, nH) and biases b1 (nH, 1), b2 (nY, 1). */
export interface TwoLayerParams {
  readonly W1: Matrix;
  readonly b1: Matrix;
  readonly W2: Matrix;
  readonly b2: Matrix;
}

/** The hidden activation, and the output: sigmoid with cross-entropy, or softmax with categorical cross-entropy. */
export interface TwoLayerConfig {
  readonly hidden: ActivationName;
  readonly output: 'sigmoid' | 'softmax';
}

/** The layer sizes: nX inputs, nH hidden units, nY outputs. */
export interface TwoLayerSizes {
  readonly nX: number;
  readonly nH: number;
  readonly nY: number;
}

/** What forward computed and backward needs: Z1, A1 (nH, m) and Z2, A2 (nY, m). */
export interface TwoLayerCache {
  readonly Z1: Matrix;
  readonly A1: Matrix;
  readonly Z2: Matrix;
  readonly A2: Matrix;
}

/** ∂J/∂ of each parameter, with the parameter's shape. */
export interface TwoLayerGradients {
  readonly dW1: Matrix;
  readonly db1: Matrix;
  readonly dW2: Matrix;
  readonly db2: Matrix;
}

/** Options of `trainTwoLayer`; `scale` is the initial weight scale (default 0.01). */
export interface TrainTwoLayerOptions {
  readonly nH: number;
  readonly learningRate: number;
  readonly iterations: number;
  readonly rng: Rng;
  readonly scale?: number;
}

function checkParams(operation: string, p: TwoLayerParams): void {
  const { W1, b1, W2, b2 } = p;
  const bad = (nameA: string, A: Matrix, nameB: string, B: Matrix, why: string): never => {
    throw new RangeError(`${operation}: ${nameA} ${formatShape(A)}, ${nameB} ${formatShape(B)}: ${why}`);
  };
  if (b1.rows !== W1.rows || b1.cols !== 1) bad('W1', W1, 'b1', b1, `b1 must be (${W1.rows},1)`);
  if (W2.cols !== W1.rows) bad('W1', W1, 'W2', W2, `W2 must have ${W1.rows} columns`);
  if (b2.rows !== W2.rows || b2.cols !== 1) bad('W2', W2, 'b2', b2, `b2 must be (${W2.rows},1)`);
}

function checkInput(operation: string, p: TwoLayerParams, X: Matrix): void {
  checkParams(operation, p);
  if (X.rows !== p.W1.cols) {
    throw new RangeError(`${operation}: W1 ${formatShape(p.W1)}, X ${formatShape(X)}: X must have ${p.W1.cols} rows`);
  }
}

function checkLabels(operation: string, A2: Matrix, Y: Matrix): void {
  if (A2.rows !== Y.rows || A2.cols !== Y.cols) {
    throw new RangeError(`${operation}: A2 ${formatShape(A2)}, Y ${formatShape(Y)}: Y must be ${formatShape(A2)}`);
  }
  if (Y.cols === 0) throw new RangeError(`${operation}: Y ${formatShape(Y)}: no examples`);
}

function randomMatrix(rows: number, cols: number, rng: Rng, s: number): Matrix {
  return map(zeros(rows, cols), () => s * gaussian(rng));
}

/** W1 (nH, nX), W2 (nY, nH) with entries scale·N(0, 1) drawn from rng; b1, b2 zero. */
export function initTwoLayer(sizes: TwoLayerSizes, rng: Rng, scale = 0.01): TwoLayerParams {
  const { nX, nH, nY } = sizes;
  // Small random weights break the symmetry between hidden units; zero biases are fine.
  const W1 = randomMatrix(nH, nX, rng, scale);
  const W2 = randomMatrix(nY, nH, rng, scale);
  return { W1, b1: zeros(nH, 1), W2, b2: zeros(nY, 1) };
}

function forward(
  operation: string,
  p: TwoLayerParams,
  X: Matrix,
  config: TwoLayerConfig,
): { A2: Matrix; cache: TwoLayerCache } {
  checkInput(operation, p, X);
  const Z1 = add(matmul(p.W1, X), p.b1);
  const A1 = activate(Z1, activations[config.hidden]);
  const Z2 = add(matmul(p.W2, A1), p.b2);
  const A2 = config.output === 'softmax' ? softmaxColumns(Z2) : activate(Z2, activations.sigmoid);
  return { A2, cache: { Z1, A1, Z2, A2 } };
}

/** The forward pass on X (nX, m): A2 (nY, m) and the cache that `backwardTwoLayer` takes. */
export function forwardTwoLayer(
  params: TwoLayerParams,
  X: Matrix,
  config: TwoLayerConfig,
): { A2: Matrix; cache: TwoLayerCache } {
  return forward('forwardTwoLayer', params, X, config);
}

/** The cost J of outputs A2 against targets Y, both (nY, m): cross-entropy matching the output. */
export function twoLayerCost(A2: Matrix, Y: Matrix, config: TwoLayerConfig): number {
  checkLabels('twoLayerCost', A2, Y);
  return config.output === 'softmax' ? categoricalCrossEntropyCost(A2, Y) : binaryCrossEntropyCost(A2, Y);
}

/** Backpropagation from the cache of a forward pass on X (nX, m) with targets Y (nY, m). */
export function backwardTwoLayer(
  params: TwoLayerParams,
  cache: TwoLayerCache,
  X: Matrix,
  Y: Matrix,
  config: TwoLayerConfig,
): TwoLayerGradients {
  checkInput('backwardTwoLayer', params, X);
  checkLabels('backwardTwoLayer', cache.A2, Y);
  const m = X.cols;
  // dZ2 = A2 − Y both for sigmoid with binary cross-entropy and for softmax with categorical
  // cross-entropy: the output's derivative cancels against the loss's.
  const dZ2 = sub(cache.A2, Y);
  const dW2 = scale(matmul(dZ2, transpose(cache.A1)), 1 / m);
  const db2 = scale(sumRows(dZ2), 1 / m);
  // dZ1 = W2ᵀ dZ2 ∗ g′(Z1), the chain rule through A1 = g(Z1), element-wise.
  const dZ1 = mul(matmul(transpose(params.W2), dZ2), activateDerivative(cache.Z1, activations[config.hidden]));
  const dW1 = scale(matmul(dZ1, transpose(X)), 1 / m);
  const db1 = scale(sumRows(dZ1), 1 / m);
  return { dW1, db1, dW2, db2 };
}

/** One gradient-descent step: each parameter minus learningRate times its gradient. */
export function updateTwoLayer(params: TwoLayerParams, grads: TwoLayerGradients, learningRate: number): TwoLayerParams {
  return {
    W1: sub(params.W1, scale(grads.dW1, learningRate)),
    b1: sub(params.b1, scale(grads.db1, learningRate)),
    W2: sub(params.W2, scale(grads.dW2, learningRate)),
    b2: sub(params.b2, scale(grads.db2, learningRate)),
  };
}

/** Batch gradient descent on X (nX, m), Y (nY, m) from `initTwoLayer`; costs[i] is J before step i. */
export function trainTwoLayer(
  X: Matrix,
  Y: Matrix,
  config: TwoLayerConfig,
  options: TrainTwoLayerOptions,
): { params: TwoLayerParams; costs: number[] } {
  let params = initTwoLayer({ nX: X.rows, nH: options.nH, nY: Y.rows }, options.rng, options.scale);
  const costs: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const { A2, cache } = forward('trainTwoLayer', params, X, config);
    costs.push(twoLayerCost(A2, Y, config));
    params = updateTwoLayer(params, backwardTwoLayer(params, cache, X, Y, config), options.learningRate);
  }
  return { params, costs };
}

/** Class labels (1, m) for X (nX, m): A2 > 0.5 for a single sigmoid output, argmax for softmax. */
export function predictTwoLayer(params: TwoLayerParams, X: Matrix, config: TwoLayerConfig): Matrix {
  const { A2 } = forward('predictTwoLayer', params, X, config);
  if (config.output === 'softmax') return rowVector(argmaxColumns(A2));
  if (A2.rows !== 1) {
    throw new RangeError(`predictTwoLayer: A2 ${formatShape(A2)}: a sigmoid output needs 1 row`);
  }
  return map(A2, (a) => (a > 0.5 ? 1 : 0));
}
