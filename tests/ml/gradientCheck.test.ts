import { describe, expect, it } from 'vitest';
import { activationNames } from '../../src/ml/activations';
import { oneHot } from '../../src/ml/datasets';
import {
  flattenParams,
  gradientCheckLogistic,
  gradientCheckTwoLayer,
  numericGradient,
  relativeError,
  unflattenParams,
} from '../../src/ml/gradientCheck';
import { columnVector, fromRows, map, rowVector, shape, toArray, zeros } from '../../src/ml/matrix';
import { gaussian, mulberry32 } from '../../src/ml/random';
import { forwardTwoLayer, initTwoLayer } from '../../src/ml/twoLayer';
import type { TwoLayerConfig, TwoLayerParams } from '../../src/ml/twoLayer';
import { expectAllClose, expectRangeError } from './expectations';

describe('numericGradient', () => {
  it('approximates ∇ Σ θ³ = 3θ² by centred differences', () => {
    const theta = Float64Array.from([1, -2, 0.5]);
    const gradient = numericGradient((t) => t.reduce((s, v) => s + v ** 3, 0), theta);
    // The centred difference of a cubic is off by exactly ε² per entry.
    expectAllClose(gradient, [3, 12, 0.75], 8);
  });

  it('leaves θ unchanged', () => {
    const theta = Float64Array.from([1, 2, 3]);
    numericGradient((t) => t[0]! * t[1]! * t[2]!, theta);
    expect(Array.from(theta)).toEqual([1, 2, 3]);
  });
});

describe('relativeError', () => {
  it.each([
    // Two zero gradients agree perfectly, with no 0/0.
    { a: [0, 0], b: [0, 0], error: 0 },
    { a: [1, 2, 3], b: [1, 2, 3], error: 0 },
    // ‖a − (−a)‖ / (‖a‖ + ‖−a‖) = 2‖a‖ / 2‖a‖.
    { a: [3, 4], b: [-3, -4], error: 1 },
    // ‖(1, 0) − (0, 1)‖ = √2, over 1 + 1.
    { a: [1, 0], b: [0, 1], error: Math.SQRT2 / 2 },
  ])('relativeError($a, $b) = $error', ({ a, b, error }) => {
    expect(relativeError(a, b)).toBeCloseTo(error, 15);
  });
});

describe('flattening parameters', () => {
  it('flattens matrices row-major one after another and cuts them back', () => {
    const W = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = columnVector([5, 6]);
    const theta = flattenParams([W, b]);
    expect(Array.from(theta)).toEqual([1, 2, 3, 4, 5, 6]);
    const [W2, b2] = unflattenParams(theta, [W, b]);
    expect(shape(W2!)).toEqual([2, 2]);
    expect(toArray(W2!)).toEqual([1, 2, 3, 4]);
    expect(shape(b2!)).toEqual([2, 1]);
    expect(toArray(b2!)).toEqual([5, 6]);
  });
});

describe('gradient check of logistic regression', () => {
  const rng = mulberry32(11);
  const X = map(zeros(3, 8), () => gaussian(rng));
  const Y = rowVector([1, 0, 0, 1, 1, 0, 1, 0]);
  const p = { w: columnVector([0.3, -0.2, 0.5]), b: 0.1 };

  it('matches dw, db with relative error below 1e-7 for cross-entropy', () => {
    expect(gradientCheckLogistic(p, X, Y).relativeError).toBeLessThan(1e-7);
  });

  it('matches the squared-error gradient (A − Y)·A(1 − A) too', () => {
    expect(gradientCheckLogistic(p, X, Y, 'squaredError').relativeError).toBeLessThan(1e-7);
  });

  it('would reject Scully’s 1/(2m): halving the gradient gives relative error 1/3', () => {
    // 02-…: "dλ = 1/(2m) X Eᵀ". ‖g/2 − g‖ / (‖g/2‖ + ‖g‖) = (1/2) / (3/2) for any g ≠ 0.
    const { analytic, numeric } = gradientCheckLogistic(p, X, Y);
    expect(
      relativeError(
        analytic.map((v) => v / 2),
        numeric,
      ),
    ).toBeCloseTo(1 / 3, 6);
  });
});

describe('gradient check of the two-layer network', () => {
  const rng = mulberry32(42);
  const X = map(zeros(3, 6), () => gaussian(rng));
  // Weights of scale 1 give gradients large enough to compare; random biases avoid symmetry.
  const base = (nY: number): TwoLayerParams => {
    const init = initTwoLayer({ nX: 3, nH: 4, nY }, mulberry32(7), 1);
    return {
      ...init,
      b1: columnVector([0.3, -0.3, 0.1, 0.2]),
      b2: map(init.b2, (_, i) => 0.1 * (i + 1)),
    };
  };
  const outputs = [
    { output: 'sigmoid' as const, params: base(1), Y: rowVector([1, 0, 1, 1, 0, 0]) },
    { output: 'softmax' as const, params: base(3), Y: oneHot(rowVector([0, 1, 2, 1, 0, 2]), 3) },
  ];

  it('uses data whose pre-activations Z1 all stay 1e-3 away from the kink at 0', () => {
    // Z1 = W1 X + b1 depends on neither the hidden activation nor the output layer.
    for (const { params } of outputs) {
      const { cache } = forwardTwoLayer(params, X, { hidden: 'relu', output: 'sigmoid' });
      expect(Math.min(...toArray(cache.Z1).map(Math.abs))).toBeGreaterThan(1e-3);
    }
  });

  describe.each(outputs)('with a $output output', ({ output, params, Y }) => {
    it.each(activationNames)('matches backpropagation for %s hidden units', (hidden) => {
      const config: TwoLayerConfig = { hidden, output };
      const check = gradientCheckTwoLayer(params, X, Y, config);
      expect(check.analytic).toHaveLength(4 * 3 + 4 + Y.rows * 4 + Y.rows);
      expect(check.relativeError).toBeLessThan(1e-7);
    });
  });
});

describe('shape errors', () => {
  it.each([
    { run: () => relativeError([1, 2, 3], [1, 2]), message: 'relativeError: (3), (2): lengths differ' },
    {
      run: () => unflattenParams(new Float64Array(5), [zeros(2, 2), zeros(2, 1)]),
      message: 'unflattenParams: (5), (2,2)+(2,1): theta needs 6 values',
    },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
