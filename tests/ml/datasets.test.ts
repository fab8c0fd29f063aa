import { describe, expect, it } from 'vitest';
import { circles, linearlySeparable, moons, oneHot, spiral, xor } from '../../src/ml/datasets';
import { rowVector, shape, toArray, toRows } from '../../src/ml/matrix';
import { mulberry32 } from '../../src/ml/random';
import { expectRangeError } from './expectations';

describe.each([
  { name: 'linearlySeparable', make: (m: number, seed: number) => linearlySeparable(m, mulberry32(seed)), classes: 2 },
  { name: 'xor', make: (m: number, seed: number) => xor(m, mulberry32(seed)), classes: 2 },
  { name: 'circles', make: (m: number, seed: number) => circles(m, mulberry32(seed)), classes: 2 },
  { name: 'moons', make: (m: number, seed: number) => moons(m, mulberry32(seed)), classes: 2 },
  { name: 'spiral', make: (m: number, seed: number) => spiral(m, mulberry32(seed)), classes: 3 },
])('$name', ({ make, classes }) => {
  it('returns X (2, m) and Y (1, m)', () => {
    const { X, Y } = make(60, 1);
    expect(shape(X)).toEqual([2, 60]);
    expect(shape(Y)).toEqual([1, 60]);
    expect(toArray(X).every(Number.isFinite)).toBe(true);
  });

  it('gives the same data for the same seed and different data for another', () => {
    expect(toArray(make(30, 4).X)).toEqual(toArray(make(30, 4).X));
    expect(toArray(make(30, 4).X)).not.toEqual(toArray(make(30, 5).X));
  });

  it('balances the classes by interleaving them', () => {
    const labels = toArray(make(60, 2).Y);
    for (let c = 0; c < classes; c++) expect(labels.filter((v) => v === c)).toHaveLength(60 / classes);
  });
});

describe('dataset geometry', () => {
  it('keeps linearlySeparable points more than 0.1 from the line x2 = 0.5·x1 + 0.1, on their side', () => {
    const { X, Y } = linearlySeparable(200, mulberry32(6));
    const [x1, x2] = toRows(X) as [number[], number[]];
    toArray(Y).forEach((label, j) => {
      const distance = (x2[j]! - 0.5 * x1[j]! - 0.1) / Math.hypot(0.5, 1);
      expect(label === 1 ? distance > 0.1 : distance < -0.1).toBe(true);
    });
  });

  it('labels xor points 1 exactly where x1·x2 < 0, away from the axes', () => {
    const { X, Y } = xor(100, mulberry32(6));
    const [x1, x2] = toRows(X) as [number[], number[]];
    toArray(Y).forEach((label, j) => {
      expect(Math.min(Math.abs(x1[j]!), Math.abs(x2[j]!))).toBeGreaterThanOrEqual(0.1);
      expect(label).toBe(x1[j]! * x2[j]! < 0 ? 1 : 0);
    });
  });

  it('puts label 1 of circles on the inner circle', () => {
    const { X, Y } = circles(100, mulberry32(6), 0);
    const [x1, x2] = toRows(X) as [number[], number[]];
    toArray(Y).forEach((label, j) => {
      expect(Math.hypot(x1[j]!, x2[j]!)).toBeCloseTo(label === 1 ? 0.5 : 1, 12);
    });
  });
});

describe('oneHot', () => {
  it('turns class indices (1, m) into one-hot columns (C, m)', () => {
    // 06a: y = [0, 1, 0, 0]ᵀ for class index 1 of C = 4.
    expect(toRows(oneHot(rowVector([1, 0, 3]), 4))).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });

  it.each([
    { run: () => oneHot(rowVector([0, 2, 1]), 2), message: 'oneHot: labels (1,3), (2,3): label 2 is not a class' },
    { run: () => oneHot(rowVector([0, 0.5]), 2), message: 'oneHot: labels (1,2), (2,2): label 0.5 is not a class' },
    { run: () => xor(-1, mulberry32(1)), message: 'xor: -1 examples: m must be a non-negative integer' },
    { run: () => spiral(10, mulberry32(1), 0), message: 'spiral: 0 classes: need an integer ≥ 1' },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
