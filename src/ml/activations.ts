/**
 * Activation functions g and their derivatives g′, as pairs (the "output"/"der" idea of the
 * TensorFlow Playground), applied element-wise to pre-activations Z.
 *
 * At a kink (z = 0 for ReLU, leaky ReLU, ELU, SELU) the derivative takes the right-hand value,
 * matching lecture 04's case split "z if z ≥ 0": so ReLU′(0) = 1 and leakyReLU′(0) = 1.
 */
import { map } from './matrix';
import type { Matrix } from './matrix';

/** The names of the activations a layer can use. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'selu' | 'linear';

/** A scalar activation g with its derivative g′. */
export interface Activation {
  /** The activation's name, as `activations` and a layer's config spell it. */
  readonly name: ActivationName;
  /** g(z) for one number z. */
  readonly fn: (z: number) => number;
  /** g′(z) for one number z. */
  readonly derivative: (z: number) => number;
}

/** Slope of leaky ReLU for z < 0 (lecture 04: 0.01z). */
export const LEAKY_RELU_SLOPE = 0.01;
/** α of ELU: elu(z) = α(eᶻ − 1) for z < 0. */
export const ELU_ALPHA = 1;
/** λ of SELU (Klambauer et al., 2017). */
export const SELU_LAMBDA = 1.0507009873554805;
/** α of SELU (Klambauer et al., 2017). */
export const SELU_ALPHA = 1.6732632423543772;

/** σ(z) = 1 / (1 + e⁻ᶻ), computed without overflow for any z. */
function sigmoidFn(z: number): number {
  // e^{-z} overflows for z ≪ 0, so there use the equal form eᶻ / (1 + eᶻ).
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ(z) = 1 / (1 + e⁻ᶻ), σ′ = σ(1 − σ). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  fn: sigmoidFn,
  derivative: (z) => {
    const s = sigmoidFn(z);
    return s * (1 - s);
  },
};

/** tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ), tanh′ = 1 − tanh². */
export const tanh: Activation = {
  name: 'tanh',
  fn: Math.tanh,
  derivative: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
};

/** ReLU(z) = max(0, z), ReLU′ = 1 for z ≥ 0 and 0 otherwise. */
export const relu: Activation = {
  name: 'relu',
  fn: (z) => (z >= 0 ? z : 0),
  derivative: (z) => (z >= 0 ? 1 : 0),
};

/** Leaky ReLU(z) = z for z ≥ 0 and 0.01z otherwise. */
export const leakyRelu: Activation = {
  name: 'leakyRelu',
  fn: (z) => (z >= 0 ? z : LEAKY_RELU_SLOPE * z),
  derivative: (z) => (z >= 0 ? 1 : LEAKY_RELU_SLOPE),
};

/** ELU(z) = z for z ≥ 0 and α(eᶻ − 1) otherwise, with α = 1. */
export const elu: Activation = {
  name: 'elu',
  // expm1 keeps eᶻ − 1 accurate for z near 0.
  fn: (z) => (z >= 0 ? z : ELU_ALPHA * Math.expm1(z)),
  derivative: (z) => (z >= 0 ? 1 : ELU_ALPHA * Math.exp(z)),
};

/** SELU(z) = λz for z ≥ 0 and λα(eᶻ − 1) otherwise. */
export const selu: Activation = {
  name: 'selu',
  fn: (z) => (z >= 0 ? SELU_LAMBDA * z : SELU_LAMBDA * SELU_ALPHA * Math.expm1(z)),
  derivative: (z) => (z >= 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(z)),
};

/** linear(z) = z, linear′ = 1. */
export const linear: Activation = {
  name: 'linear',
  fn: (z) => z,
  derivative: () => 1,
};

/** Every activation, by name. */
export const activations: Readonly<Record<ActivationName, Activation>> = {
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  elu,
  selu,
  linear,
};

/** Every activation name, in the order the lessons introduce them. */
export const activationNames: readonly ActivationName[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'selu',
  'linear',
];

/** A = g(Z), element-wise, same shape as Z. */
export function activate(Z: Matrix, g: Activation): Matrix {
  return map(Z, g.fn);
}

/** g′(Z), element-wise, same shape as Z. */
export function activateDerivative(Z: Matrix, g: Activation): Matrix {
  return map(Z, g.derivative);
}
