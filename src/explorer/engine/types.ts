/**
 * The training explorer's network, as the explorer and its tests see it: what `createNetwork`
 * takes and what it returns. The implementation is in network.ts (training) and grid.ts (the
 * decision-boundary kernel).
 */
import type { Matrix } from '../../ml/matrix';

/** The activations a hidden layer of a `Network` can use. */
export type NetworkActivation = 'tanh' | 'relu' | 'sigmoid' | 'leakyRelu' | 'linear';

/** The output layer: one sigmoid unit with binary cross-entropy, or C softmax units with categorical cross-entropy. */
export type NetworkOutput = 'sigmoid' | 'softmax';

/**
 * Options of `createNetwork`. `sizes` lists the units per layer from the input, e.g. [2, 8, 8, 1].
 * Initial weights are s·N(0, 1) with s = `scale` when given (as `initTwoLayer`), otherwise
 * s = √(2/n[l−1]) (He) for relu and leakyRelu and s = √(1/n[l−1]) (Xavier) for the others.
 */
export interface NetworkConfig {
  readonly sizes: readonly number[];
  readonly activation: NetworkActivation;
  readonly output: NetworkOutput;
  readonly seed: number;
  readonly scale?: number;
}

/** Parameters W1 (n1, n0), b1 (n1, 1), W2, b2, … or gradients dW1, db1, … by name, as copies. */
export type NetworkParameters = Readonly<Record<string, Matrix>>;

/** A writable array of numbers: a typed array or a plain array. */
export interface NumberSink {
  readonly length: number;
  [index: number]: number;
}

/** A network created by `createNetwork`; every method that reads the data needs `setData` first. */
export interface Network {
  /** Units per layer, from the input (n0 = nX) to the output (nL). */
  readonly sizes: readonly number[];
  readonly activation: NetworkActivation;
  readonly output: NetworkOutput;
  /** The number of examples m of the current data (0 before `setData`). */
  readonly m: number;
  /** The number of examples the buffers hold before `setData` must allocate again. */
  readonly capacity: number;
  /** Steps taken since creation or the last `reset`. */
  readonly epoch: number;
  /** Copies X (n0, m) row-major, or a Matrix (n0, m), and labels (m) or (1, m): class indices, 0/1 for a sigmoid output. */
  setData(X: ArrayLike<number> | Matrix, labels: ArrayLike<number> | Matrix): void;
  /** One full-batch gradient-descent step (one epoch); returns the cost J before the step. */
  step(learningRate: number): number;
  /** `epochs` steps; returns the cost J before the last one. */
  train(learningRate: number, epochs: number): number;
  /** The cost J on the data: binary or categorical cross-entropy, as `twoLayerCost`. */
  loss(): number;
  /** The fraction of examples classified right: ŷ > 0.5 for sigmoid, argmax for softmax. */
  accuracy(): number;
  /** For an input (x0, x1): P(class 1) with a sigmoid output, the argmax class's probability with softmax. */
  predict(x0: number, x1: number): number;
  /** The predicted class of (x0, x1): 1 if P(class 1) > 0.5 with a sigmoid output, the argmax with softmax. */
  predictClass(x0: number, x1: number): number;
  /** A[L] (nL) for one input x (n0), written to `out` (a new array when omitted). */
  outputs(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /**
   * Fills out[r·nx + k] (nx·ny values) as `predict` does at x0 = x0min + k·(x0max − x0min)/(nx − 1),
   * x1 = x1min + r·(x1max − x1min)/(ny − 1), and classes[r·nx + k] with `predictClass` if given.
   */
  evaluateGrid(
    out: NumberSink,
    x0min: number,
    x0max: number,
    x1min: number,
    x1max: number,
    nx: number,
    ny: number,
    classes?: NumberSink,
  ): void;
  /** Copies of W1 (n1, n0), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), … */
  parameters(): NetworkParameters;
  /** Backpropagation's dW1, db1, dW2, db2, … at the current parameters, without a step. */
  gradients(): NetworkParameters;
  /** All parameters as one vector θ = (W1, b1, W2, b2, …), each row-major, as `flattenParams`. */
  state(): Float64Array;
  /** Sets the parameters from a vector θ that `state` returned. */
  restore(theta: ArrayLike<number>): void;
  /** Back to the initial parameters (exactly), or to those of a new seed; epoch 0. */
  reset(seed?: number): void;
}
/** A network's shape as its error messages write it: [2, 8, 8, 1]. */
export function formatSizes(sizes: readonly number[]): string {
  return `[${sizes.join(', ')}]`;
}
