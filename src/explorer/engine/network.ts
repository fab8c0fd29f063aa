/**
 * A multi-layer perceptron for the training explorer: full-batch gradient descent on buffers
 * allocated once, so that training and drawing the decision boundary run every frame.
 *
 * Same convention and numerics as `twoLayer.ts` (src/ml, the lesson's readable code and this
 * engine's test oracle), one example per column: W[l] is (n[l], n[l−1]),
 * b[l] is (n[l], 1), Z[l] = W[l] A[l−1] + b[l], A[l] = g(Z[l]), dZ[L] = A[L] − Y,
 * dW[l] = (1/m) dZ[l] A[l−1]ᵀ, db[l] = (1/m) Σ dZ[l], dZ[l−1] = W[l]ᵀ dZ[l] ∗ g′(Z[l−1]).
 * For sizes [nX, nH, 1] with the same parameters, a step gives the same numbers as
 * `forwardTwoLayer`, `backwardTwoLayer` and `updateTwoLayer` (the loops add in the same order).
 *
 * Unlike src/ml, a network is a stateful object that trains in place: `step` writes
 * its parameters and creates no arrays, objects or closures. What it hands out
 * (`parameters`, `gradients`, `state`) are copies.
 *
 * Why one file of about 460 lines: it is one class, whose buffers and the passes over them
 * (forward, cost, backward, predict) belong together. The loops it shares with the
 * decision-boundary kernel are in kernels.ts, that kernel in grid.ts, the types in types.ts.
 *
 * Over 300 lines: the forward pass, the backward pass and the update share preallocated buffers
 * whose layout must agree exactly; the heat-map kernel and the shared loops are already apart.
 */
import { binaryCrossEntropy, PROBABILITY_EPSILON } from '../../ml/losses';
import { matrix } from '../../ml/matrix';
import type { Matrix } from '../../ml/matrix';
import { gaussian, mulberry32 } from '../../ml/random';
import { DecisionGrid } from './grid';
import {
  activateHidden,
  codes,
  LEAKY_RELU,
  multiplyDerivative,
  product,
  RELU,
  SIGMOID,
  softmaxOutput,
} from './kernels';
import {
  formatSizes,
  type Network,
  type NetworkActivation,
  type NetworkConfig,
  type NetworkOutput,
  type NetworkParameters,
  type NumberSink,
} from './types';

export type { Network, NetworkActivation, NetworkConfig, NetworkOutput, NetworkParameters, NumberSink } from './types';

function clipProbability(p: number): number {
  return Math.min(Math.max(p, PROBABILITY_EPSILON), 1 - PROBABILITY_EPSILON);
}

function isMatrix(value: ArrayLike<number> | Matrix): value is Matrix {
  return 'data' in value && 'rows' in value && 'cols' in value;
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
  /** The decision-boundary kernel, made on the first `evaluateGrid`. */
  private grid: DecisionGrid | null = null;

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
      throw new RangeError(
        `createNetwork: activation ${String(activation)}: not one of ${Object.keys(codes).join(', ')}`,
      );
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
    this.grid ??= new DecisionGrid(this.sizes, this.code, this.output, this.W, this.b);
    this.grid.evaluate(out, x0min, x0max, x1min, x1max, nx, ny, classes);
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
