/**
 * The loops over a layer's buffers that training (network.ts) and the decision-boundary grid
 * (grid.ts) share, and the activation codes they switch on. They work on (rows, stride)
 * row-major buffers, columns 0 … count − 1, and allocate nothing.
 */
import { LEAKY_RELU_SLOPE, sigmoid } from '../../ml/activations';
import type { NetworkActivation } from './types';

// Activation codes, so the loops switch on a small integer rather than call through a function.
export const TANH = 0;
export const RELU = 1;
export const SIGMOID = 2;
export const LEAKY_RELU = 3;
export const LINEAR = 4;
export const codes: Readonly<Record<NetworkActivation, number>> = {
  tanh: TANH,
  relu: RELU,
  sigmoid: SIGMOID,
  leakyRelu: LEAKY_RELU,
  linear: LINEAR,
};

/** σ of activations.ts, which keeps e^{−z} from overflowing. */
export const sigmoidFn = sigmoid.fn;

/**
 * Z = W A (no bias yet) on columns 0 … count − 1 of (rows, stride) buffers, W (nOut, nIn).
 * Each entry sums over p = 0, 1, … in that order, as `matmul` does, so the results are the same
 * to the last bit; taking four p at a time only saves loads and stores of Z.
 */
export function product(
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
export function activateHidden(
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
export function softmaxOutput(
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
export function multiplyDerivative(
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
