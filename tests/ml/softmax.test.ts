import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, shape, sumColumns, toArray, toRows } from '../../src/ml/matrix';
import { hardmax, hardmaxColumns, softmax, softmaxColumns } from '../../src/ml/softmax';
import { expectAllClose, expectRangeError } from './expectations';

describe('softmax on the lectures’ examples', () => {
  it('softmax([5, 2, -1, 3]) ≈ [0.842, 0.042, 0.002, 0.114]', () => {
    // 06a-softmax-regression.md "Softmax examples" and 06b-softmax-notes.md "Understanding softmax".
    const z = [5, 2, -1, 3];
    const t = z.map(Math.exp);
    expectAllClose(t, [148.4, 7.4, 0.4, 20.1], 1);
    // Σt = 176.3 on the slide; 176.2556… before rounding.
    expect(t.reduce((a, b) => a + b)).toBeCloseTo(176.3, 1);
    expectAllClose(softmax(z), [0.842, 0.042, 0.002, 0.114], 3);
    expectAllClose(
      softmax(z),
      [0.8420335723974581, 0.04192238303698896, 0.0020871925504063493, 0.11395685201514683],
      14,
    );
  });

  it('softmax([6, -2, 3]) ≈ [0.9523, 0.000319, 0.0474], not the slide’s [0.952, 0.00037, 0.048]', () => {
    // 02-logistic-regression-to-neural-networks.md, "Softmax Activation Layer" (Scully).
    // The slide prints t = [403.4, 0.135, 20.0] and Σt = 423.5; e³ = 20.09, so Σt = 423.65.
    // It then prints 0.00037 and 0.048, but 0.135 / 423.6 = 0.000319 and 20.09 / 423.6 = 0.0474:
    // both slide figures are arithmetic slips. We pin the computed values.
    const z = [6, -2, 3];
    const t = z.map(Math.exp);
    expectAllClose(t, [403.4, 0.135, 20.1], 1);
    expect(t.reduce((a, b) => a + b)).toBeCloseTo(423.65, 2);
    const p = softmax(z);
    expectAllClose(p, [0.952269826123778, 0.0003194509383437506, 0.047410722937878444], 14);
    expect(p[0]).toBeCloseTo(0.952, 3);
    expect(p[1]).toBeCloseTo(0.000319, 6);
    expect(p[2]).toBeCloseTo(0.0474, 4);
  });

  it('turns [5, 2, -1, 3] into the hardmax [1, 0, 0, 0]', () => {
    // 06b-softmax-notes.md: "Name of softmax comes from Hardmax".
    expect(hardmax([5, 2, -1, 3])).toEqual([1, 0, 0, 0]);
  });

  it('reduces to the sigmoid for C = 2: softmax([z, 0])₀ = σ(z)', () => {
    // 06b-softmax-notes.md: "If C = 2 ⇒ we have logistic regression".
    for (const z of [-3, -0.5, 0, 0.7, 4]) expect(softmax([z, 0])[0]).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
  });
});

describe('softmax properties', () => {
  const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 10 });

  it('sums to 1 with every entry in [0, 1]', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = softmax(z);
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });

  it('is invariant under adding a constant to every entry', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -100, max: 100, noNaN: true }), (z, c) => {
        expectAllClose(softmax(z.map((v) => v + c)), softmax(z), 12);
      }),
    );
  });

  it('keeps the order of its inputs', () => {
    fc.assert(
      fc.property(logits, (z) => {
        const p = softmax(z);
        z.forEach((zi, i) =>
          z.forEach((zj, j) => {
            if (zi > zj) expect(p[i]! >= p[j]!).toBe(true);
          }),
        );
      }),
    );
  });
});

describe('softmax stability', () => {
  it.each([
    // Without subtracting the max, e¹⁰⁰⁰ = ∞ and ∞/∞ = NaN.
    { z: [1000, 0], expected: [1, 0] },
    // e⁻¹⁰⁰⁰ underflows to exactly 0, which is the right answer to double precision.
    { z: [-1000, 0], expected: [0, 1] },
    // Two huge equal logits split evenly.
    { z: [1000, 1000], expected: [0.5, 0.5] },
    // Naively e⁻¹⁰⁰⁰ + e⁻¹⁰⁰¹ underflows to 0 and gives 0/0 = NaN; shifted, it is σ(±1).
    { z: [-1000, -1001], expected: [1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(1))] },
  ])('softmax($z) = $expected, never NaN', ({ z, expected }) => {
    const p = softmax(z);
    for (const v of p) expect(Number.isNaN(v)).toBe(false);
    expectAllClose(p, expected, 15);
  });
});

describe('column-wise softmax and hardmax', () => {
  const Z = fromRows([
    [5, 6, 1000],
    [2, -2, 0],
    [-1, 3, 0],
  ]);

  it('applies softmax to each column of Z (C, m)', () => {
    const A = softmaxColumns(Z);
    expect(shape(A)).toEqual([3, 3]);
    expectAllClose(toArray(sumColumns(A)), [1, 1, 1], 14);
    const columns = [softmax([5, 2, -1]), softmax([6, -2, 3]), softmax([1000, 0, 0])];
    expectAllClose(
      toArray(A),
      [0, 1, 2].flatMap((i) => columns.map((c) => c[i]!)),
      15,
    );
  });

  it('applies hardmax to each column, choosing the first maximum on ties', () => {
    expect(toRows(hardmaxColumns(Z))).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(hardmax([2, 7, 7])).toEqual([0, 1, 0]);
  });

  it.each([
    { run: () => softmax([]), message: 'softmax: (0): empty input' },
    { run: () => hardmax([]), message: 'hardmax: (0): empty input' },
    { run: () => softmaxColumns(fromRows([])), message: 'softmaxColumns: (0,0): no rows' },
    { run: () => hardmaxColumns(fromRows([])), message: 'hardmaxColumns: (0,0): no rows' },
  ])('throws "$message" on empty input', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
