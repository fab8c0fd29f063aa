/**
 * The decision-boundary kernel of the training explorer: a network's prediction at every point
 * of an nx × ny grid, once per animation frame, allocating nothing after its first call.
 *
 * It computes what `predict` does, point by point, but a block of points at a time through each
 * layer, and with tanh as 1 − 2/(e^{2z} + 1), about twice as fast as Math.tanh and within 4e−16
 * of it; its values stay within 1e−12 of `predict`'s.
 */
import { LEAKY_RELU_SLOPE } from '../../ml/activations';
import { activateHidden, LEAKY_RELU, product, RELU, SIGMOID, sigmoidFn, softmaxOutput, TANH } from './kernels';
import { formatSizes, type NetworkOutput, type NumberSink } from './types';

/** Points per block of `evaluateGrid`: the buffers of a block (≈ 1 KB per unit) stay in L1 cache. */
const GRID_BLOCK = 128;

/**
 * The grid of one network. It reads the network's W[l] and b[l] through views into its
 * parameters, which training updates in place, so a grid made once follows the training.
 */
export class DecisionGrid {
  private readonly layers: number;
  /** (n[l], GRID_BLOCK) buffers, one per layer; G[0] holds a block's inputs. */
  private readonly G: Float64Array[];
  /** (n1, nx) factors e^{c·W1[i,0]·x0} of the first layer, grown with nx. */
  private columns = new Float64Array(0);
  /** Per first-layer unit, 1 where the first layer may factor its exponentials. */
  private readonly safe: Uint8Array;

  /** `code` is the hidden layers' activation code (kernels.ts); W[l − 1], b[l − 1] are layer l's. */
  constructor(
    private readonly sizes: readonly number[],
    private readonly code: number,
    private readonly output: NetworkOutput,
    private readonly W: readonly Float64Array[],
    private readonly b: readonly Float64Array[],
  ) {
    this.layers = sizes.length - 1;
    this.G = sizes.map((n) => new Float64Array(n * GRID_BLOCK));
    this.safe = new Uint8Array(sizes[1]!);
  }

  /**
   * Fills out[r·nx + k] (nx·ny values) as `predict` does at x0 = x0min + k·(x0max − x0min)/(nx − 1),
   * x1 = x1min + r·(x1max − x1min)/(ny − 1), and classes[r·nx + k] with `predictClass` if given.
   */
  evaluate(
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
    const G = this.G;
    const L = this.layers;
    const C = this.sizes[L]!;
    const B = GRID_BLOCK;
    const dx0 = nx > 1 ? (x0max - x0min) / (nx - 1) : 0;
    const dx1 = ny > 1 ? (x1max - x1min) / (ny - 1) : 0;
    const input = G[0]!;
    const AL = G[L]!;
    // A hidden first layer takes one pass (firstLayer). With tanh or sigmoid it needs e^{c·z},
    // z = W1[i,0]·x0 + (W1[i,1]·x1 + b1[i]) (c = 2 for tanh = 1 − 2/(e^{2z} + 1), c = −1 for
    // σ = 1/(1 + e^{−z})), a product of a factor per column and one per row: n1·(nx + ny)
    // exponentials instead of n1·nx·ny. The column factors are computed here, once per call.
    const n1 = this.sizes[1]!;
    const factored = L > 1 && (this.code === TANH || this.code === SIGMOID);
    const c = this.code === TANH ? 2 : -1;
    const W1 = this.W[0]!;
    const b1 = this.b[0]!;
    if (factored) {
      if (this.columns.length < n1 * nx) this.columns = new Float64Array(n1 * nx);
      const columns = this.columns;
      const safe = this.safe;
      const reach = Math.max(Math.abs(x0min), Math.abs(x0min + (nx - 1) * dx0));
      const reach1 = Math.max(Math.abs(x1min), Math.abs(x1min + (ny - 1) * dx1));
      for (let i = 0; i < n1; i++) {
        const w0 = W1[i * 2]!;
        // Factor only where every exponent stays within ±700: beyond, a factor overflows or
        // loses precision (∞·0 would be NaN), so such a unit is computed directly.
        safe[i] =
          Math.abs(c * w0) * reach <= 700 && Math.abs(c) * (Math.abs(W1[i * 2 + 1]!) * reach1 + Math.abs(b1[i]!)) <= 700
            ? 1
            : 0;
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
            this.firstLayer(A, input, c, nx, k0, count);
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
  private firstLayer(A: Float64Array, input: Float64Array, c: number, nx: number, k0: number, count: number): void {
    const W1 = this.W[0]!;
    const b1 = this.b[0]!;
    const columns = this.columns;
    const safe = this.safe;
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
}
