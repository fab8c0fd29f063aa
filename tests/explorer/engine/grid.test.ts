// evaluateGrid, the decision-boundary kernel (src/explorer/engine/grid.ts), against predict.
import { describe, expect, it } from 'vitest';
import { circles, spiral } from '../../../src/ml/datasets';
import { createNetwork } from '../../../src/explorer/engine/network';
import type { Network, NetworkActivation } from '../../../src/explorer/engine/network';
import { mulberry32 } from '../../../src/ml/random';
import { expectAllClose, expectRangeError } from '../../ml/expectations';
import { trained } from './trained';

const activationsUnderTest: readonly NetworkActivation[] = ['tanh', 'relu', 'sigmoid', 'leakyRelu', 'linear'];

/** Max |a − b| over two arrays of equal length. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
  return worst;
}

describe('evaluateGrid', () => {
  const data = circles(100, mulberry32(12));

  function checkGrid(
    net: Network,
    nx: number,
    ny: number,
    box: [number, number, number, number],
    tolerance: number,
  ): void {
    const out = new Float64Array(nx * ny);
    const classes = new Uint8Array(nx * ny);
    net.evaluateGrid(out, ...box, nx, ny, classes);
    const [x0min, x0max, x1min, x1max] = box;
    const expected = new Float64Array(nx * ny);
    const expectedClasses = new Uint8Array(nx * ny);
    for (let r = 0; r < ny; r++) {
      for (let k = 0; k < nx; k++) {
        const x0 = x0min + k * (nx > 1 ? (x0max - x0min) / (nx - 1) : 0);
        const x1 = x1min + r * (ny > 1 ? (x1max - x1min) / (ny - 1) : 0);
        expected[r * nx + k] = net.predict(x0, x1);
        expectedClasses[r * nx + k] = net.predictClass(x0, x1);
      }
    }
    expect(maxDifference(out, expected)).toBeLessThan(tolerance);
    // Classes can only differ where the probability is within the tolerance of 1/2.
    for (let q = 0; q < nx * ny; q++) {
      if (classes[q] !== expectedClasses[q]) expect(Math.abs(expected[q]! - 0.5)).toBeLessThan(tolerance);
    }
  }

  it.each(activationsUnderTest)('matches predict at every point for %s hidden units, within 1e−12', (activation) => {
    const net = trained({ sizes: [2, 8, 8, 1], activation, output: 'sigmoid', seed: 2 }, data, 0.3, 300);
    // 300 columns: several blocks per row, the last one partial.
    checkGrid(net, 300, 7, [-1.5, 1.5, -1.2, 1.4], 1e-12);
    checkGrid(net, 100, 100, [-6, 6, -6, 6], 1e-12);
  });

  it.each(activationsUnderTest)('matches predict with a softmax output and %s hidden units', (activation) => {
    const spiralData = spiral(90, mulberry32(1), 3);
    const net = trained({ sizes: [2, 6, 5, 3], activation, output: 'softmax', seed: 2 }, spiralData, 0.3, 200);
    checkGrid(net, 37, 23, [-1, 1, -1, 1], 1e-12);
  });

  it.each(['sigmoid', 'softmax'] as const)('matches predict with no hidden layer and a %s output', (output) => {
    const net = trained(
      { sizes: [2, output === 'softmax' ? 3 : 1], activation: 'tanh', output, seed: 2 },
      data,
      0.3,
      50,
    );
    checkGrid(net, 20, 20, [-1, 1, -1, 1], 1e-15);
  });

  it('stays finite and close to predict when weights are huge (tanh and sigmoid units)', () => {
    for (const activation of ['tanh', 'sigmoid'] as const) {
      const net = createNetwork({ sizes: [2, 8, 8, 1], activation, output: 'sigmoid', seed: 4 });
      const theta = net.state().map((w, k) => w * (k % 3 === 0 ? 1000 : 40));
      net.restore(theta);
      checkGrid(net, 50, 50, [-10, 10, -10, 10], 1e-9);
      const out = new Float64Array(2500);
      net.evaluateGrid(out, -10, 10, -10, 10, 50, 50);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });

  it.each([
    ['tanh', (z: number) => Math.tanh(z)],
    ['sigmoid', (z: number) => 1 / (1 + Math.exp(-z))],
  ] as const)('computes a %s unit directly where e^{±800·x} would overflow', (activation, g) => {
    // z = 800·x0 − 800·x1: at x0 = x1 = 1 the column factor e^{±800} overflows to ∞ and the row
    // factor underflows to 0, so the factored first layer would give ∞·0 = NaN there.
    const net = createNetwork({ sizes: [2, 1, 1], activation, output: 'sigmoid', seed: 1 });
    net.restore([800, -800, 0, 1, 0]);
    const out = new Float64Array(9);
    net.evaluateGrid(out, -1, 1, -1, 1, 3, 3);
    const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
    const expected = [0, 1, 2].flatMap((r) => [0, 1, 2].map((k) => sigma(g(800 * (k - 1) - 800 * (r - 1)))));
    expectAllClose(out, expected, 14);
  });

  it('lays the grid out row by row, x0 along a row from x0min to x0max and x1 from x1min down the rows', () => {
    // One sigmoid unit on a linear hidden layer, so that P(class 1) = σ(x0 + 10·x1).
    const net = createNetwork({ sizes: [2, 1, 1], activation: 'linear', output: 'sigmoid', seed: 1 });
    net.restore([1, 10, 0, 1, 0]);
    const out = new Float64Array(6);
    net.evaluateGrid(out, 0, 2, -1, 1, 3, 2);
    const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
    expectAllClose(out, [sigma(-10), sigma(-9), sigma(-8), sigma(10), sigma(11), sigma(12)], 14);
    const single = new Float64Array(1);
    net.evaluateGrid(single, 0.3, 5, 0.2, 5, 1, 1);
    expect(single[0]).toBeCloseTo(sigma(2.3), 14);
  });

  it('fills a longer output array only as far as nx·ny, and rejects too short ones', () => {
    const net = createNetwork({ sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    const out = new Float64Array(10).fill(-1);
    net.evaluateGrid(out, -1, 1, -1, 1, 3, 3);
    expect(out[9]).toBe(-1);
    expectRangeError(
      () => net.evaluateGrid(new Float64Array(8), -1, 1, -1, 1, 3, 3),
      'evaluateGrid: (3,3): out (8): must hold 9 values',
    );
    expectRangeError(
      () => net.evaluateGrid(out, -1, 1, -1, 1, 3, 3, new Uint8Array(2)),
      'evaluateGrid: (3,3): classes (2): must hold 9 values',
    );
    expectRangeError(
      () => net.evaluateGrid(out, -1, 1, -1, 1, 0, 3),
      'evaluateGrid: (0,3): nx and ny must be integers ≥ 1',
    );
  });
});
