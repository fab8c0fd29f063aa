import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activate,
  activateDerivative,
  activationNames,
  activations,
  elu,
  leakyRelu,
  linear,
  relu,
  SELU_ALPHA,
  SELU_LAMBDA,
  selu,
  sigmoid,
  tanh,
} from '../../src/ml/activations';
import { fromRows, toArray } from '../../src/ml/matrix';

describe('activation values', () => {
  it.each([
    // σ(0) = 1/2, the decision boundary of logistic regression.
    { g: sigmoid, z: 0, value: 0.5 },
    // Scully's hidden unit 1: σ(0.52) ≈ 0.627 (the slide truncates it to 0.62).
    { g: sigmoid, z: 0.52, value: 0.6271477663131956 },
    // Scully's hidden unit 3: σ(1.22) ≈ 0.772.
    { g: sigmoid, z: 1.22, value: 0.7720635494267837 },
    { g: tanh, z: 0, value: 0 },
    { g: tanh, z: 1, value: Math.tanh(1) },
    // Lecture 04: ReLU(z) = z for z ≥ 0, 0 for z < 0.
    { g: relu, z: 2.5, value: 2.5 },
    { g: relu, z: -2.5, value: 0 },
    { g: relu, z: 0, value: 0 },
    // Lecture 04: leaky ReLU(z) = 0.01 z for z < 0.
    { g: leakyRelu, z: -3, value: -0.03 },
    { g: leakyRelu, z: 3, value: 3 },
    // ELU with α = 1: e⁻¹ − 1.
    { g: elu, z: -1, value: Math.exp(-1) - 1 },
    { g: elu, z: 2, value: 2 },
    // SELU: λz above 0, λα(eᶻ − 1) below.
    { g: selu, z: 1, value: SELU_LAMBDA },
    { g: selu, z: -1, value: SELU_LAMBDA * SELU_ALPHA * (Math.exp(-1) - 1) },
    // Lecture 04: Linear(z) = z.
    { g: linear, z: -7.25, value: -7.25 },
  ])('$g.name($z) = $value', ({ g, z, value }) => {
    expect(g.fn(z)).toBeCloseTo(value, 14);
  });

  it.each([
    // σ′(0) = σ(0)(1 − σ(0)) = 1/4, the largest slope of the sigmoid.
    { g: sigmoid, z: 0, slope: 0.25 },
    // tanh′(0) = 1.
    { g: tanh, z: 0, slope: 1 },
    // At the kink the right-hand derivative is used: ReLU′(0) = 1 (lecture 04 writes z ≥ 0 → z).
    { g: relu, z: 0, slope: 1 },
    { g: relu, z: -1, slope: 0 },
    { g: leakyRelu, z: 0, slope: 1 },
    { g: leakyRelu, z: -1, slope: 0.01 },
    { g: elu, z: 0, slope: 1 },
    { g: selu, z: 0, slope: SELU_LAMBDA },
    { g: linear, z: 123, slope: 1 },
  ])('$g.name′($z) = $slope', ({ g, z, slope }) => {
    expect(g.derivative(z)).toBeCloseTo(slope, 14);
  });

  it('lists every activation by name', () => {
    expect(activationNames).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'selu', 'linear']);
    for (const name of activationNames) expect(activations[name].name).toBe(name);
  });
});

describe('sigmoid stability', () => {
  it('stays strictly inside (0, 1) for |z| ≤ 30', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const s = sigmoid.fn(z);
        return s > 0 && s < 1;
      }),
    );
  });

  it.each([1000, -1000, 710, -710, Number.MAX_VALUE, -Number.MAX_VALUE])(
    'is finite with a finite derivative at z = %d',
    (z) => {
      expect(Number.isFinite(sigmoid.fn(z))).toBe(true);
      expect(Number.isFinite(sigmoid.derivative(z))).toBe(true);
    },
  );

  it('saturates to exactly 1 and 0 at z = ±1000', () => {
    expect(sigmoid.fn(1000)).toBe(1);
    expect(sigmoid.fn(-1000)).toBe(0);
  });

  it('is symmetric: σ(−z) = 1 − σ(z)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(sigmoid.fn(-z)).toBeCloseTo(1 - sigmoid.fn(z), 14);
      }),
    );
  });
});

describe.each(activationNames.map((name) => activations[name]))('$name derivative', (g) => {
  it('agrees with a centred finite difference away from the kink at 0', () => {
    const h = 1e-6;
    fc.assert(
      fc.property(
        fc.double({ min: -6, max: 6, noNaN: true }).filter((z) => Math.abs(z) > 1e-3),
        (z) => {
          const numeric = (g.fn(z + h) - g.fn(z - h)) / (2 * h);
          expect(Math.abs(g.derivative(z) - numeric)).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('activating a matrix', () => {
  it('applies g and g′ entry by entry, keeping the shape', () => {
    const Z = fromRows([
      [-2, 0],
      [1, 3],
    ]);
    expect(toArray(activate(Z, relu))).toEqual([0, 0, 1, 3]);
    expect(toArray(activateDerivative(Z, relu))).toEqual([0, 1, 1, 1]);
    expect(toArray(activate(Z, leakyRelu))).toEqual([-0.02, 0, 1, 3]);
  });
});
