/**
 * A multi-layer perceptron for the training explorer: full-batch gradient descent on buffers
 * allocated once, so that training and drawing the decision boundary run every frame.
 *
 * Same convention and numerics as `twoLayer.ts`, one example per column: W[l] is (n[l], n[l−1]),
 * b[l] is (n[l], 1), Z[l] = W[l] A[l−1] + b[l], A[l] = g(Z[l]), dZ[L] = A[L] − Y,
 * dW[l] = (1/m) dZ[l] A[l−1]ᵀ, db[l] = (1/m) Σ dZ[l], dZ[l−1] = W[l]ᵀ dZ[l] ∗ g′(Z[l−1]).
 * For sizes [nX, nH, 1] with the same parameters, a step gives the same numbers as
 * `forwardTwoLayer`, `backwardTwoLayer` and `updateTwoLayer` (the loops add in the same order).
 *
 * Unlike the rest of src/ml, a network is a stateful object that trains in place: `step` writes
 * its parameters and creates no arrays, objects or closures. What it hands out
 * (`parameters`, `gradients`, `state`) are copies.
 *
 * `evaluateGrid` (the decision-boundary heatmap) computes tanh as 1 − 2/(e^{2z} + 1), about twice
 * as fast as Math.tanh and within 4e−16 of it; its values stay within 1e−12 of `predict`'s.
 */
import { LEAKY_RELU_SLOPE, sigmoid } from './activations';
import { binaryCrossEntropy, PROBABILITY_EPSILON } from './losses';
import { matrix } from './matrix';
import type { Matrix } from './matrix';
import { gaussian, mulberry32 } from './random';

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

// Activation codes, so the loops switch on a small integer rather than call through a function.
const TANH = 0;
const RELU = 1;
const SIGMOID = 2;
const LEAKY_RELU = 3;
const LINEAR = 4;
const codes: Readonly<Record<NetworkActivation, number>> = {
  tanh: TANH,
  relu: RELU,
  sigmoid: SIGMOID,
  leakyRelu: LEAKY_RELU,
  linear: LINEAR,
};

/** σ of activations.ts, which keeps e^{−z} from overflowing. */
const sigmoidFn = sigmoid.fn;

/** Points per block of `evaluateGrid`: the buffers of a block (≈ 1 KB per unit) stay in L1 cache. */
const GRID_BLOCK = 128;

function clipProbability(p: number): number {
  return Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON);
}

function isMatrix(value: ArrayLike<number> | Matrix): value is Matrix {
  return 'data' in value && 'rows' in value && 'cols' in value;
}

function formatSizes(sizes: readonly number[]): string {
  return `[${sizes.join(', ')}]`;
}

/**
 * Z = W A (no bias yet) on columns 0 … count − 1 of (rows, stride) buffers, W (nOut, nIn).
 * Each entry sums over p = 0, 1, … in that order, as `matmul` does, so the results are the same
 * to the last bit; taking four p at a time only saves loads and stores of Z.
 */
function product(
  W: Float64Array,
  nOut: number,
  nIn: number,
  A: Float64Array,
  Z: Float64Array,
  stride: number,
  count: number,
): void {
  for (let i = 0; i < nOut; i++) {
    const zRow = i * stride;
    const w = i * nIn;
    let p = 0;
    for (; p + 4 <= nIn; p += 4) {
      const w0 = W[w + p]!;
      const w1 = W[w + p + 1]!;
      const w2 = W[w + p + 2]!;
      const w3 = W[w + p + 3]!;
      const a0 = p * stride;
      const a1 = a0 + stride;
      const a2 = a1 + stride;
      const a3 = a2 + stride;
      for (let j = 0; j < count; j++) {
        let z = p === 0 ? w0 * A[a0 + j]! : Z[zRow + j]! + w0 * A[a0 + j]!;
        z += w1 * A[a1 + j]!;
        z += w2 * A[a2 + j]!;
        Z[zRow + j] = z + w3 * A[a3 + j]!;
      }
    }
    for (; p < nIn; p++) {
      const wp = W[w + p]!;
      const a = p * stride;
      if (p === 0) for (let j = 0; j < count; j++) Z[zRow + j] = wp * A[a + j]!;
      else for (let j = 0; j < count; j++) Z[zRow + j]! += wp * A[a + j]!;
    }
  }
}

/**
 * Z += b, A = g(Z) for a hidden layer; Z and A may be the same buffer. With `display`, tanh is
 * computed as 1 − 2/(e^{2z} + 1), which is within 4e−16 of Math.tanh and about twice as fast.
 */
function activateHidden(
  code: number,
  Z: Float64Array,
  A: Float64Array,
  b: Float64Array,
  nOut: number,
  stride: number,
  count: number,
  display: boolean,
): void {
  for (let i = 0; i < nOut; i++) {
    const bi = b[i]!;
    const start = i * stride;
    const end = start + count;
    switch (code) {
      case TANH:
        if (display) {
          // e^{2z} overflows to ∞ for z > 355, giving 1; it underflows to 0 for z ≪ 0, giving −1.
          for (let k = start; k < end; k++) A[k] = 1 - 2 / (Math.exp(2 * (Z[k]! + bi)) + 1);
        } else {
          for (let k = start; k < end; k++) {
            const z = Z[k]! + bi;
            Z[k] = z;
            A[k] = Math.tanh(z);
          }
        }
        break;
      case RELU:
        for (let k = start; k < end; k++) {
          const z = Z[k]! + bi;
          Z[k] = z;
          A[k] = z >= 0 ? z : 0;
        }
        break;
      case SIGMOID:
        for (let k = start; k < end; k++) {
          const z = Z[k]! + bi;
          Z[k] = z;
          A[k] = sigmoidFn(z);
        }
        break;
      case LEAKY_RELU:
        for (let k = start; k < end; k++) {
          const z = Z[k]! + bi;
          Z[k] = z;
          A[k] = z >= 0 ? z : LEAKY_RELU_SLOPE * z;
        }
        break;
      default:
        for (let k = start; k < end; k++) {
          const z = Z[k]! + bi;
          Z[k] = z;
          A[k] = z;
        }
    }
  }
}

/** Z += b, A = softmax of each column (as `softmaxColumns`), for Z, A (C, stride). */
function softmaxOutput(
  Z: Float64Array,
  A: Float64Array,
  b: Float64Array,
  C: number,
  stride: number,
  count: number,
): void {
  for (let i = 0; i < C; i++) {
    const bi = b[i]!;
    for (let k = i * stride, end = k + count; k < end; k++) Z[k]! += bi;
  }
  for (let j = 0; j < count; j++) {
    // Subtracting the column's max keeps every exponent ≤ 0, so nothing overflows.
    let max = -Infinity;
    for (let i = 0; i < C; i++) max = Math.max(max, Z[i * stride + j]!);
    let total = 0;
    for (let i = 0; i < C; i++) {
      const t = Math.exp(Z[i * stride + j]! - max);
      A[i * stride + j] = t;
      total += t;
    }
    for (let i = 0; i < C; i++) A[i * stride + j]! /= total;
  }
}

/** dZ ∗= g′(Z) in place, g′ written through A = g(Z) where that is exact (tanh, sigmoid). */
function multiplyDerivative(
  code: number,
  dZ: Float64Array,
  Z: Float64Array,
  A: Float64Array,
  size: number,
): void {
  switch (code) {
    case TANH:
      // tanh′ = 1 − tanh², and A holds Math.tanh(Z) already.
      for (let k = 0; k < size; k++) {
        const a = A[k]!;
        dZ[k]! *= 1 - a * a;
      }
      break;
    case RELU:
      // ReLU′(0) = 1, as activations.ts takes the right-hand derivative at the kink.
      for (let k = 0; k < size; k++) dZ[k]! *= Z[k]! >= 0 ? 1 : 0;
      break;
    case SIGMOID:
      for (let k = 0; k < size; k++) {
        const s = A[k]!;
        dZ[k]! *= s * (1 - s);
      }
      break;
    case LEAKY_RELU:
      for (let k = 0; k < size; k++) dZ[k]! *= Z[k]! >= 0 ? 1 : LEAKY_RELU_SLOPE;
      break;
    default:
      // linear′ = 1.
      break;
  }
}

class MultiLayerPerceptron implements Network {
  readonly sizes: readonly number[];
  readonly activation: NetworkActivation;
  readonly output: NetworkOutput;
  private readonly code: number;
  private readonly layers: number;
  private readonly scale: number | undefined;
  /** θ = (W1, b1, W2, b2, …), and W[l − 1], b[l − 1] are views of layer l into it. */
  private readonly theta: Float64Array;
  private readonly W: Float64Array[] = [];
  private readonly b: Float64Array[] = [];
  /** The gradient, laid out as θ, with views dW, db. */
  private readonly grad: Float64Array;
  private readonly dW: Float64Array[] = [];
  private readonly db: Float64Array[] = [];
  private readonly initial: Float64Array;
  private count = 0;
  private room = 0;
  private steps = 0;
  private readonly costOut = new Float64Array(1);
  /** Per-example buffers (n[l], m) with row stride m, for l = 0 … L; A[0] is X. */
  private Z: Float64Array[] = [];
  private A: Float64Array[] = [];
  private dZ: Float64Array[] = [];
  private labels = new Float64Array(0);
  /** One column per layer, for `predict` and `outputs`. */
  private readonly point: Float64Array[];
  /** (n[l], GRID_BLOCK) buffers for `evaluateGrid`, made on its first call. */
  private grid: Float64Array[] = [];
  /** (n1, nx) factors e^{c·W1[i,0]·x0} of `evaluateGrid`'s first layer, grown with nx. */
  private gridColumns = new Float64Array(0);
  /** Per first-layer unit, 1 where `evaluateGrid` may factor its exponentials. */
  private gridSafe: Uint8Array;

  constructor(config: NetworkConfig) {
    const { sizes, activation, output, seed, scale } = config;
    const where = `createNetwork: sizes ${formatSizes(sizes)}`;
    if (sizes.length < 2) throw new RangeError(`${where}: need an input and an output layer`);
    if (!sizes.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new RangeError(`${where}: every size must be an integer ≥ 1`);
    }
    const nL = sizes[sizes.length - 1]!;
    if (output === 'sigmoid' && nL !== 1) {
      throw new RangeError(`${where}: a sigmoid output has 1 unit, not ${nL}`);
    }
    if (output === 'softmax' && nL < 2) {
      throw new RangeError(`${where}: a softmax output needs at least 2 units`);
    }
    if (!Object.hasOwn(codes, activation)) {
      throw new RangeError(`createNetwork: activation ${String(activation)}: not one of ${Object.keys(codes).join(', ')}`);
    }
    if (output !== 'sigmoid' && output !== 'softmax') {
      throw new RangeError(`createNetwork: output ${String(output)}: not sigmoid or softmax`);
    }
    if (scale !== undefined && !(Number.isFinite(scale) && scale >= 0)) {
      throw new RangeError(`createNetwork: scale ${scale}: must be a finite number ≥ 0`);
    }
    this.sizes = Object.freeze([...sizes]);
    this.activation = activation;
    this.output = output;
    this.code = codes[activation];
    this.layers = sizes.length - 1;
    this.scale = scale;
    let total = 0;
    for (let l = 1; l <= this.layers; l++) total += sizes[l]! * (sizes[l - 1]! + 1);
    this.theta = new Float64Array(total);
    this.grad = new Float64Array(total);
    let offset = 0;
    for (let l = 1; l <= this.layers; l++) {
      const n = sizes[l]!;
      const weights = n * sizes[l - 1]!;
      this.W.push(this.theta.subarray(offset, offset + weights));
      this.dW.push(this.grad.subarray(offset, offset + weights));
      offset += weights;
      this.b.push(this.theta.subarray(offset, offset + n));
      this.db.push(this.grad.subarray(offset, offset + n));
      offset += n;
    }
    this.point = sizes.map((n) => new Float64Array(n));
    this.gridSafe = new Uint8Array(sizes[1]!);
    this.initialise(seed);
    this.initial = Float64Array.from(this.theta);
  }

  get m(): number {
    return this.count;
  }

  get capacity(): number {
    return this.room;
  }

  get epoch(): number {
    return this.steps;
  }

  /**
   * W[l] = s·N(0, 1) from mulberry32(seed), drawn layer by layer, row by row, as `initTwoLayer`
   * does; b[l] = 0. Without `scale`, s = √(2/n[l−1]) (He) for ReLU and leaky ReLU, which halve
   * the variance they pass on, and s = √(1/n[l−1]) (Xavier/LeCun) for tanh, sigmoid and linear.
   */
  private initialise(seed: number): void {
    const rng = mulberry32(seed);
    const gain = this.code === RELU || this.code === LEAKY_RELU ? 2 : 1;
    this.theta.fill(0);
    for (let l = 1; l <= this.layers; l++) {
      const s = this.scale ?? Math.sqrt(gain / this.sizes[l - 1]!);
      const W = this.W[l - 1]!;
      for (let k = 0; k < W.length; k++) W[k] = s * gaussian(rng);
    }
    this.steps = 0;
  }

  reset(seed?: number): void {
    if (seed === undefined) {
      this.theta.set(this.initial);
      this.steps = 0;
    } else {
      this.initialise(seed);
      this.initial.set(this.theta);
    }
  }

  setData(X: ArrayLike<number> | Matrix, labels: ArrayLike<number> | Matrix): void {
    const n0 = this.sizes[0]!;
    const y = isMatrix(labels) ? labels.data : labels;
    const m = y.length;
    if (isMatrix(labels) && labels.rows !== 1 && m > 0) {
      throw new RangeError(`setData: labels (${labels.rows},${labels.cols}): labels must be one row`);
    }
    if (isMatrix(X)) {
      if (X.rows !== n0 || X.cols !== m) {
        throw new RangeError(`setData: X (${X.rows},${X.cols}), labels (${m}): X must be (${n0},${m})`);
      }
    } else if (X.length !== n0 * m) {
      throw new RangeError(`setData: X (${X.length}), labels (${m}): X must hold ${n0}·${m} values`);
    }
    const C = this.output === 'sigmoid' ? 2 : this.sizes[this.layers]!;
    for (let j = 0; j < m; j++) {
      const label = y[j]!;
      if (!Number.isInteger(label) || label < 0 || label >= C) {
        throw new RangeError(`setData: labels (${m}): label ${label} of example ${j} is not a class 0 … ${C - 1}`);
      }
    }
    if (m > this.room) this.allocate(Math.max(m, Math.ceil(this.room * 1.5)));
    this.count = m;
    const x = isMatrix(X) ? X.data : X;
    const A0 = this.A[0]!;
    for (let k = 0; k < n0 * m; k++) A0[k] = x[k]!;
    for (let j = 0; j < m; j++) this.labels[j] = y[j]!;
  }

  /** Buffers for `room` examples; growing by half again keeps adding points one at a time cheap. */
  private allocate(room: number): void {
    this.room = room;
    this.Z = this.sizes.map((n) => new Float64Array(n * room));
    this.A = this.sizes.map((n) => new Float64Array(n * room));
    this.dZ = this.sizes.map((n) => new Float64Array(n * room));
    this.labels = new Float64Array(room);
  }

  private requireData(operation: string): void {
    if (this.count === 0) throw new RangeError(`${operation}: no examples: call setData with m ≥ 1 first`);
  }

  /** Forward pass over the data, leaving Z[l], A[l] (n[l], m) for backpropagation. */
  private forward(): void {
    const m = this.count;
    const L = this.layers;
    for (let l = 1; l <= L; l++) {
      const n = this.sizes[l]!;
      const Z = this.Z[l]!;
      const A = this.A[l]!;
      product(this.W[l - 1]!, n, this.sizes[l - 1]!, this.A[l - 1]!, Z, m, m);
      if (l < L) activateHidden(this.code, Z, A, this.b[l - 1]!, n, m, m, false);
      else if (this.output === 'softmax') softmaxOutput(Z, A, this.b[l - 1]!, n, m, m);
      else activateHidden(SIGMOID, Z, A, this.b[l - 1]!, 1, m, m, false);
    }
  }

  /**
   * J of the forward pass just made, summed in the order of `twoLayerCost`, into costOut[0]:
   * a number returned from a call that is not inlined is boxed, which would allocate per step.
   */
  private cost(): void {
    const m = this.count;
    const A = this.A[this.layers]!;
    const y = this.labels;
    let total = 0;
    if (this.output === 'sigmoid') {
      for (let j = 0; j < m; j++) total += binaryCrossEntropy(A[j]!, y[j]!);
    } else {
      // Row by row over the one-hot (C, m) targets, skipping their zeros.
      const C = this.sizes[this.layers]!;
      for (let i = 0; i < C; i++) {
        for (let j = 0; j < m; j++) if (y[j] === i) total += -Math.log(clipProbability(A[i * m + j]!));
      }
    }
    this.costOut[0] = total / m;
  }

  /** Backpropagation from the forward pass just made into dW, db. */
  private backward(): void {
    const m = this.count;
    const L = this.layers;
    const invM = 1 / m;
    const y = this.labels;
    const AL = this.A[L]!;
    const dZL = this.dZ[L]!;
    // dZ[L] = A[L] − Y for sigmoid with binary and softmax with categorical cross-entropy.
    const C = this.sizes[L]!;
    if (this.output === 'sigmoid') {
      for (let j = 0; j < m; j++) dZL[j] = AL[j]! - y[j]!;
    } else {
      for (let i = 0; i < C; i++) {
        for (let j = 0; j < m; j++) dZL[i * m + j] = AL[i * m + j]! - (y[j] === i ? 1 : 0);
      }
    }
    for (let l = L; l >= 1; l--) {
      const n = this.sizes[l]!;
      const nIn = this.sizes[l - 1]!;
      const dZ = this.dZ[l]!;
      const Ain = this.A[l - 1]!;
      const dW = this.dW[l - 1]!;
      const db = this.db[l - 1]!;
      // dW = (1/m) dZ A[l−1]ᵀ and db = (1/m) Σ dZ, summed over examples in order.
      for (let i = 0; i < n; i++) {
        const row = i * m;
        for (let p = 0; p < nIn; p++) {
          const col = p * m;
          let s = 0;
          for (let j = 0; j < m; j++) s += dZ[row + j]! * Ain[col + j]!;
          dW[i * nIn + p] = s * invM;
        }
        let s = 0;
        for (let j = 0; j < m; j++) s += dZ[row + j]!;
        db[i] = s * invM;
      }
      if (l === 1) break;
      // dZ[l−1] = W[l]ᵀ dZ[l] ∗ g′(Z[l−1]).
      const W = this.W[l - 1]!;
      const dZin = this.dZ[l - 1]!;
      for (let p = 0; p < nIn; p++) {
        const row = p * m;
        const w0 = W[p]!;
        for (let j = 0; j < m; j++) dZin[row + j] = w0 * dZ[j]!;
        for (let i = 1; i < n; i++) {
          const w = W[i * nIn + p]!;
          const col = i * m;
          for (let j = 0; j < m; j++) dZin[row + j]! += w * dZ[col + j]!;
        }
      }
      multiplyDerivative(this.code, dZin, this.Z[l - 1]!, this.A[l - 1]!, nIn * m);
    }
  }

  step(learningRate: number): number {
    this.requireData('step');
    if (!Number.isFinite(learningRate)) {
      throw new RangeError(`step: learning rate ${learningRate}: must be a finite number`);
    }
    this.descend(learningRate);
    return this.costOut[0]!;
  }

  train(learningRate: number, epochs: number): number {
    this.requireData('train');
    if (!Number.isFinite(learningRate)) {
      throw new RangeError(`train: learning rate ${learningRate}: must be a finite number`);
    }
    if (!Number.isInteger(epochs) || epochs < 1) {
      throw new RangeError(`train: ${epochs} epochs: must be an integer ≥ 1`);
    }
    // descend returns nothing: a returned number would be boxed, an allocation per epoch.
    for (let e = 0; e < epochs; e++) this.descend(learningRate);
    return this.costOut[0]!;
  }

  /** One gradient-descent step on the data; J before it is left in costOut[0]. */
  private descend(learningRate: number): void {
    this.forward();
    this.cost();
    this.backward();
    // θ ← θ − α dθ, over all layers at once since θ and dθ share one layout.
    const theta = this.theta;
    const grad = this.grad;
    for (let k = 0; k < theta.length; k++) theta[k]! -= learningRate * grad[k]!;
    this.steps++;
  }

  loss(): number {
    this.requireData('loss');
    this.forward();
    this.cost();
    return this.costOut[0]!;
  }

  accuracy(): number {
    this.requireData('accuracy');
    this.forward();
    const m = this.count;
    const A = this.A[this.layers]!;
    const y = this.labels;
    let right = 0;
    if (this.output === 'sigmoid') {
      for (let j = 0; j < m; j++) if ((A[j]! > 0.5 ? 1 : 0) === y[j]) right++;
    } else {
      const C = this.sizes[this.layers]!;
      for (let j = 0; j < m; j++) {
        let best = 0;
        for (let i = 1; i < C; i++) if (A[i * m + j]! > A[best * m + j]!) best = i;
        if (best === y[j]) right++;
      }
    }
    return right / m;
  }

  /** Forward pass of the single column in `point`; A[L] is left in point[L]. */
  private forwardPoint(): void {
    const L = this.layers;
    const P = this.point;
    for (let l = 1; l <= L; l++) {
      const n = this.sizes[l]!;
      const A = P[l]!;
      product(this.W[l - 1]!, n, this.sizes[l - 1]!, P[l - 1]!, A, 1, 1);
      if (l < L) activateHidden(this.code, A, A, this.b[l - 1]!, n, 1, 1, false);
      else if (this.output === 'softmax') softmaxOutput(A, A, this.b[l - 1]!, n, 1, 1);
      else activateHidden(SIGMOID, A, A, this.b[l - 1]!, 1, 1, 1, false);
    }
  }

  private forwardXY(operation: string, x0: number, x1: number): Float64Array {
    if (this.sizes[0] !== 2) {
      throw new RangeError(`${operation}: sizes ${formatSizes(this.sizes)}: needs 2 inputs`);
    }
    const input = this.point[0]!;
    input[0] = x0;
    input[1] = x1;
    this.forwardPoint();
    return this.point[this.layers]!;
  }

  predict(x0: number, x1: number): number {
    const a = this.forwardXY('predict', x0, x1);
    if (this.output === 'sigmoid') return a[0]!;
    let best = a[0]!;
    for (let i = 1; i < a.length; i++) best = Math.max(best, a[i]!);
    return best;
  }

  predictClass(x0: number, x1: number): number {
    const a = this.forwardXY('predictClass', x0, x1);
    if (this.output === 'sigmoid') return a[0]! > 0.5 ? 1 : 0;
    let best = 0;
    for (let i = 1; i < a.length; i++) if (a[i]! > a[best]!) best = i;
    return best;
  }

  outputs(x: ArrayLike<number>, out?: Float64Array): Float64Array {
    const n0 = this.sizes[0]!;
    const nL = this.sizes[this.layers]!;
    if (x.length !== n0) throw new RangeError(`outputs: x (${x.length}): must hold ${n0} values`);
    const result = out ?? new Float64Array(nL);
    if (result.length !== nL) throw new RangeError(`outputs: out (${result.length}): must hold ${nL} values`);
    const input = this.point[0]!;
    for (let k = 0; k < n0; k++) input[k] = x[k]!;
    this.forwardPoint();
    result.set(this.point[this.layers]!);
    return result;
  }

  evaluateGrid(
    out: NumberSink,
    x0min: number,
    x0max: number,
    x1min: number,
    x1max: number,
    nx: number,
    ny: number,
    classes?: NumberSink,
  ): void {
    // The messages are built only on failure: a string per call would be an allocation per frame.
    if (this.sizes[0] !== 2) {
      throw new RangeError(`evaluateGrid: (${nx},${ny}): sizes ${formatSizes(this.sizes)}: needs 2 inputs`);
    }
    if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 1 || ny < 1) {
      throw new RangeError(`evaluateGrid: (${nx},${ny}): nx and ny must be integers ≥ 1`);
    }
    if (out.length < nx * ny) {
      throw new RangeError(`evaluateGrid: (${nx},${ny}): out (${out.length}): must hold ${nx * ny} values`);
    }
    if (classes !== undefined && classes.length < nx * ny) {
      throw new RangeError(`evaluateGrid: (${nx},${ny}): classes (${classes.length}): must hold ${nx * ny} values`);
    }
    if (this.grid.length === 0) this.grid = this.sizes.map((n) => new Float64Array(n * GRID_BLOCK));
    const G = this.grid;
    const L = this.layers;
    const C = this.sizes[L]!;
    const B = GRID_BLOCK;
    const dx0 = nx > 1 ? (x0max - x0min) / (nx - 1) : 0;
    const dx1 = ny > 1 ? (x1max - x1min) / (ny - 1) : 0;
    const input = G[0]!;
    const AL = G[L]!;
    // A hidden first layer takes one pass (gridFirstLayer). With tanh or sigmoid it needs e^{c·z},
    // z = W1[i,0]·x0 + (W1[i,1]·x1 + b1[i]) (c = 2 for tanh = 1 − 2/(e^{2z} + 1), c = −1 for
    // σ = 1/(1 + e^{−z})), a product of a factor per column and one per row: n1·(nx + ny)
    // exponentials instead of n1·nx·ny. The column factors are computed here, once per call.
    const n1 = this.sizes[1]!;
    const factored = L > 1 && (this.code === TANH || this.code === SIGMOID);
    const c = this.code === TANH ? 2 : -1;
    const W1 = this.W[0]!;
    const b1 = this.b[0]!;
    if (factored) {
      if (this.gridColumns.length < n1 * nx) this.gridColumns = new Float64Array(n1 * nx);
      const columns = this.gridColumns;
      const safe = this.gridSafe;
      const reach = Math.max(Math.abs(x0min), Math.abs(x0min + (nx - 1) * dx0));
      const reach1 = Math.max(Math.abs(x1min), Math.abs(x1min + (ny - 1) * dx1));
      for (let i = 0; i < n1; i++) {
        const w0 = W1[i * 2]!;
        // Factor only where every exponent stays within ±700: beyond, a factor overflows or
        // loses precision (∞·0 would be NaN), so such a unit is computed directly.
        safe[i] = Math.abs(c * w0) * reach <= 700 && Math.abs(c) * (Math.abs(W1[i * 2 + 1]!) * reach1 + Math.abs(b1[i]!)) <= 700 ? 1 : 0;
        for (let k = 0; k < nx; k++) columns[i * nx + k] = Math.exp(c * w0 * (x0min + k * dx0));
      }
    }
    // Row by row, in blocks of up to B points, layer by layer: every loop runs over a block.
    for (let r = 0; r < ny; r++) {
      const x1 = x1min + r * dx1;
      for (let k0 = 0; k0 < nx; k0 += B) {
        const count = Math.min(B, nx - k0);
        for (let j = 0; j < count; j++) {
          input[j] = x0min + (k0 + j) * dx0;
          input[B + j] = x1;
        }
        for (let l = 1; l <= L; l++) {
          const n = this.sizes[l]!;
          const A = G[l]!;
          if (l === 1 && L > 1) {
            this.gridFirstLayer(A, input, c, nx, k0, count);
            continue;
          }
          product(this.W[l - 1]!, n, this.sizes[l - 1]!, G[l - 1]!, A, B, count);
          if (l < L) activateHidden(this.code, A, A, this.b[l - 1]!, n, B, count, true);
          else if (this.output === 'softmax') softmaxOutput(A, A, this.b[l - 1]!, n, B, count);
        }
        const at = r * nx + k0;
        if (this.output === 'sigmoid') {
          const bias = this.b[L - 1]![0]!;
          for (let j = 0; j < count; j++) out[at + j] = sigmoidFn(AL[j]! + bias);
          if (classes !== undefined) for (let j = 0; j < count; j++) classes[at + j] = out[at + j]! > 0.5 ? 1 : 0;
        } else {
          for (let j = 0; j < count; j++) {
            let best = 0;
            for (let i = 1; i < C; i++) if (AL[i * B + j]! > AL[best * B + j]!) best = i;
            out[at + j] = AL[best * B + j]!;
            if (classes !== undefined) classes[at + j] = best;
          }
        }
      }
    }
  }

  /**
   * A1 of one block of a grid row in one pass: z = (W1[i,0]·x0 + W1[i,1]·x1) + b1[i] as `product`
   * and `activateHidden` add it. For tanh (c = 2) and sigmoid (c = −1), e^{c·z} is the column
   * factor e^{c·W1[i,0]·x0} times the row's e^{c·(W1[i,1]·x1 + b1[i])}: within 5e−16 of tanh or σ.
   * The block's x0 values and x1 come in `input` (2, GRID_BLOCK), so that no number is passed
   * as an argument (a call boxes floating-point arguments, which would allocate).
   */
  private gridFirstLayer(A: Float64Array, input: Float64Array, c: number, nx: number, k0: number, count: number): void {
    const W1 = this.W[0]!;
    const b1 = this.b[0]!;
    const columns = this.gridColumns;
    const safe = this.gridSafe;
    const x1 = input[GRID_BLOCK]!;
    const code = this.code;
    for (let i = 0; i < this.sizes[1]!; i++) {
      const w0 = W1[i * 2]!;
      const w1x1 = W1[i * 2 + 1]! * x1;
      const bi = b1[i]!;
      const row = i * GRID_BLOCK;
      if ((code === TANH || code === SIGMOID) && safe[i] === 1) {
        const factor = Math.exp(c * (w1x1 + bi));
        const from = i * nx + k0;
        if (code === TANH) for (let j = 0; j < count; j++) A[row + j] = 1 - 2 / (columns[from + j]! * factor + 1);
        else for (let j = 0; j < count; j++) A[row + j] = 1 / (1 + columns[from + j]! * factor);
        continue;
      }
      switch (code) {
        case TANH:
          for (let j = 0; j < count; j++) A[row + j] = 1 - 2 / (Math.exp(2 * (w0 * input[j]! + w1x1 + bi)) + 1);
          break;
        case SIGMOID:
          for (let j = 0; j < count; j++) A[row + j] = 1 / (1 + Math.exp(-(w0 * input[j]! + w1x1 + bi)));
          break;
        case RELU:
          for (let j = 0; j < count; j++) {
            const z = w0 * input[j]! + w1x1 + bi;
            A[row + j] = z >= 0 ? z : 0;
          }
          break;
        case LEAKY_RELU:
          for (let j = 0; j < count; j++) {
            const z = w0 * input[j]! + w1x1 + bi;
            A[row + j] = z >= 0 ? z : LEAKY_RELU_SLOPE * z;
          }
          break;
        default:
          for (let j = 0; j < count; j++) A[row + j] = w0 * input[j]! + w1x1 + bi;
      }
    }
  }

  private copies(buffer: Float64Array, prefix: string): NetworkParameters {
    const result: Record<string, Matrix> = {};
    let offset = 0;
    for (let l = 1; l <= this.layers; l++) {
      const n = this.sizes[l]!;
      const nIn = this.sizes[l - 1]!;
      result[`${prefix}W${l}`] = matrix(n, nIn, buffer.subarray(offset, offset + n * nIn));
      offset += n * nIn;
      result[`${prefix}b${l}`] = matrix(n, 1, buffer.subarray(offset, offset + n));
      offset += n;
    }
    return result;
  }

  parameters(): NetworkParameters {
    return this.copies(this.theta, '');
  }

  gradients(): NetworkParameters {
    this.requireData('gradients');
    this.forward();
    this.backward();
    return this.copies(this.grad, 'd');
  }

  state(): Float64Array {
    return Float64Array.from(this.theta);
  }

  restore(theta: ArrayLike<number>): void {
    if (theta.length !== this.theta.length) {
      throw new RangeError(
        `restore: θ (${theta.length}), sizes ${formatSizes(this.sizes)}: θ must hold ${this.theta.length} values`,
      );
    }
    for (let k = 0; k < theta.length; k++) this.theta[k] = theta[k]!;
  }
}

/** A network with layers `sizes` [n0, …, nL], W[l] (n[l], n[l−1]) seeded from `seed`, b[l] (n[l], 1) zero. */
export function createNetwork(config: NetworkConfig): Network {
  return new MultiLayerPerceptron(config);
}
