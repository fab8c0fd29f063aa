import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32, shuffle, uniform } from '../../src/ml/random';

describe('mulberry32', () => {
  it('repeats its sequence for the same seed', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('matches the reference implementation for seed 0', () => {
    // First output of the widely copied JavaScript mulberry32 (Tommy Ettinger's generator).
    expect(mulberry32(0)()).toBe(0.26642920868471265);
  });

  it('gives different sequences for different seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('stays in [0, 1) for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = mulberry32(seed);
        for (let k = 0; k < 20; k++) {
          const u = rng();
          expect(u >= 0 && u < 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('has a mean near 1/2 over many draws', () => {
    const rng = mulberry32(7);
    const draws = Array.from({ length: 20000 }, rng);
    expect(draws.reduce((a, b) => a + b) / draws.length).toBeCloseTo(0.5, 2);
  });
});

describe('gaussian', () => {
  it('draws finite samples with mean ≈ 0 and variance ≈ 1', () => {
    const rng = mulberry32(3);
    const samples = Array.from({ length: 20000 }, () => gaussian(rng));
    const mean = samples.reduce((a, b) => a + b) / samples.length;
    const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length;
    expect(samples.every(Number.isFinite)).toBe(true);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('is finite even when the generator returns exactly 0', () => {
    expect(Number.isFinite(gaussian(() => 0))).toBe(true);
  });
});

describe('uniform and shuffle', () => {
  it('draws uniform samples inside [lo, hi)', () => {
    const rng = mulberry32(4);
    for (let k = 0; k < 100; k++) {
      const u = uniform(rng, -2, 3);
      expect(u >= -2 && u < 3).toBe(true);
    }
  });

  it('returns a permutation and leaves the input unchanged', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = shuffle(items, mulberry32(8));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffle(items, mulberry32(8))).toEqual(shuffled);
  });
});
