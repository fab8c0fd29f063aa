import { describe, expect, it } from 'vitest';
import {
  CHORD_RELATIVE_TOLERANCE,
  chordGap,
  chordGapAlong,
  chordSample,
  convexityProbe,
  convexityProbeAlong,
} from '../../src/ml/convexity';
import { linearlySeparable } from '../../src/ml/datasets';
import { logisticCost } from '../../src/ml/logistic';
import { columnVector, rowVector } from '../../src/ml/matrix';
import { mulberry32 } from '../../src/ml/random';
import { expectRangeError } from './expectations';

describe('chordGap', () => {
  it.each([
    // x²: t x₁² + (1 − t) x₂² − (t x₁ + (1 − t) x₂)² = t(1 − t)(x₁ − x₂)².
    { name: 'x²', f: (x: number) => x * x, x1: -1, x2: 3, t: 0.25, gap: 0.25 * 0.75 * 16 },
    // A line lies on its own chord.
    { name: '2x + 1', f: (x: number) => 2 * x + 1, x1: -5, x2: 7, t: 0.3, gap: 0 },
    // √x is concave: the chord lies below, so the gap is negative.
    { name: '√x', f: Math.sqrt, x1: 0, x2: 4, t: 0.5, gap: 1 - Math.SQRT2 },
    // At t = 1 the chord starts at x₁, whatever f is.
    { name: 'sin', f: Math.sin, x1: 1, x2: 2, t: 1, gap: 0 },
  ])('gives $gap for $name on [$x1, $x2] at t = $t', ({ f, x1, x2, t, gap }) => {
    expect(chordGap(f, x1, x2, t)).toBeCloseTo(gap, 14);
  });
});

describe('convexityProbe', () => {
  it.each([
    // Convex functions of lecture 01's definition.
    { name: 'x²', f: (x: number) => x * x, convex: true },
    { name: '|x|', f: Math.abs, convex: true },
    { name: 'eˣ', f: Math.exp, convex: true },
    // Not convex.
    { name: 'sin x', f: Math.sin, convex: false },
    { name: '−x²', f: (x: number) => -x * x, convex: false },
  ])('reports $name as convex: $convex on [−3, 3]', ({ f, convex }) => {
    expect(convexityProbe(f, { range: [-3, 3], samples: 25 }).convex).toBe(convex);
  });

  it('reports the worst chord it found, with lhs, rhs and gap', () => {
    const { worst } = convexityProbe((x) => -x * x, { xs: [-1, 0, 1], ts: [0.5] });
    // −x² on [−1, 1] at t = ½: the chord is at −1, the graph at 0.
    expect(worst).toEqual({
      x1: -1,
      x2: 1,
      t: 0.5,
      lhs: -0,
      rhs: -1,
      gap: -1,
      tolerance: CHORD_RELATIVE_TOLERANCE * 1,
    });
  });

  it('counts a rounding-sized negative gap on a straight line as no violation, and says how big it may be', () => {
    // Lesson 3's probe of 2x + 1 on [−3, 3]: floating point leaves gaps like −8.9e-16.
    const { convex, worst } = convexityProbe((x) => 2 * x + 1, { range: [-3, 3], samples: 31 });
    expect(worst.gap).toBeLessThan(0);
    expect(worst.gap).toBeGreaterThan(-1e-14);
    expect(convex).toBe(true);
    expect(-worst.gap).toBeLessThanOrEqual(worst.tolerance);
  });

  it('scales the tolerance with the values, so the verdict does not depend on the units', () => {
    // The same functions times 10¹²: an absolute tolerance would call the line non-convex at
    // this size, and times 10⁻¹² would wave through a concave function.
    for (const size of [1e-12, 1, 1e12]) {
      expect(convexityProbe((x) => size * (2 * x + 1), { range: [-3, 3], samples: 31 }).convex).toBe(true);
      expect(convexityProbe((x) => size * (0.1 * x + 1), { range: [-3, 3], samples: 31 }).convex).toBe(true);
      expect(convexityProbe((x) => -size * x * x, { range: [-3, 3], samples: 31 }).convex).toBe(false);
    }
  });

  it('reports a violation as its witness even where a rounding-sized gap is more negative', () => {
    // Linear and huge on the right (values near 4e10, so rounding leaves gaps near −8e-6 there),
    // slightly concave on the left (gaps near −3e-9 that are a quarter of the values compared).
    const f = (x: number) => (x >= 0 ? 1e9 * x : -1e-9 * x * x);
    const xs = [-4, -2, 0, 3.7, 11.3, 29.1, 37.3];
    const ts = [0.1, 0.3, 0.7];
    const rounding = chordSample(f, 29.1, 37.3, 0.1);
    expect(rounding.gap).toBeLessThan(-1e-6);
    expect(-rounding.gap).toBeLessThan(rounding.tolerance);
    const probe = convexityProbe(f, { xs, ts });
    expect(probe.convex).toBe(false);
    expect(probe.worst.x2).toBeLessThanOrEqual(0);
    expect(probe.worst.gap).toBeLessThan(-probe.worst.tolerance);
  });
});

describe('chordSample', () => {
  it('gives the chord with its gap and a tolerance relative to the three values compared', () => {
    // x² from −1 to 3 at t = ¼: rhs = ¼·1 + ¾·9 = 7, lhs = (−¼ + 9/4)² = 4.
    const chord = chordSample((x) => x * x, -1, 3, 0.25);
    expect(chord).toMatchObject({ x1: -1, x2: 3, t: 0.25, lhs: 4, rhs: 7, gap: 3 });
    expect(chord.tolerance).toBeCloseTo(1e-12 * (0.25 + 6.75 + 4), 25);
    expect(chordSample((x) => x * x, -1, 3, 0.25, 1e-6).tolerance).toBeCloseTo(1e-6 * 11, 18);
  });
});

describe('the cost of a sigmoid unit as a function of one weight (lecture 01)', () => {
  const { X, Y } = linearlySeparable(20, mulberry32(5));
  // Vary w₁ with w₂ = 1 and b = 0 held fixed.
  const cost = (loss: 'crossEntropy' | 'squaredError') => (w1: number) =>
    logisticCost({ w: columnVector([w1, 1]), b: 0 }, X, Y, loss);

  it('is convex for the cross-entropy: every sampled chord gap is ≥ 0', () => {
    const probe = convexityProbe(cost('crossEntropy'), { range: [-20, 20], samples: 25 });
    expect(probe.convex).toBe(true);
    expect(probe.worst.gap).toBeGreaterThanOrEqual(0);
  });

  it('is not convex for the squared error: some sampled chord gap is < 0', () => {
    const probe = convexityProbe(cost('squaredError'), { range: [-20, 20], samples: 25 });
    expect(probe.convex).toBe(false);
    expect(probe.worst.gap).toBeLessThan(-0.05);
  });

  it('has a pinned witness: for one example x = 1, y = 1, chordGap(J, −6, 0, ½) ≈ −0.142', () => {
    // J(w) = ½(σ(w) − 1)². J(−6) = 0.4975, J(0) = 0.125, so the chord at w = −3 is at 0.3113,
    // but J(−3) = 0.4537 lies above it. J is concave wherever σ(w) < 1/3.
    const J = (w: number) =>
      logisticCost({ w: columnVector([w]), b: 0 }, rowVector([1]), rowVector([1]), 'squaredError');
    expect(J(-6)).toBeCloseTo(0.4975304337760026, 14);
    expect(J(0)).toBeCloseTo(0.125, 14);
    expect(J(-3)).toBeCloseTo(0.45369873354576057, 14);
    expect(chordGap(J, -6, 0, 0.5)).toBeCloseTo(-0.14243351665775927, 14);
  });

  it('shows the same contrast along a segment between two weight vectors', () => {
    const J = (loss: 'crossEntropy' | 'squaredError') => (w: number[]) =>
      logisticCost({ w: columnVector(w), b: 0 }, X, Y, loss);
    expect(convexityProbeAlong(J('crossEntropy'), [-10, 5], [10, -5], { samples: 21 }).convex).toBe(true);
    expect(convexityProbeAlong(J('squaredError'), [-10, 5], [10, -5], { samples: 21 }).convex).toBe(false);
    expect(chordGapAlong(J('crossEntropy'), [-10, 5], [10, -5], 0.3)).toBeGreaterThanOrEqual(0);
  });
});

describe('errors', () => {
  it.each([
    {
      run: () => chordGapAlong(() => 0, [1, 2], [1, 2, 3], 0.5),
      message: 'chordGapAlong: w1 (2), w2 (3): lengths differ',
    },
    {
      run: () => convexityProbe(Math.abs, { range: [0, 1], samples: 1 }),
      message: 'convexityProbe: 1 samples: need an integer ≥ 2',
    },
    {
      run: () => convexityProbe(Math.abs, { xs: [1] }),
      message: 'convexityProbe: (1) points, (9) ts: need 2 points and 1 t',
    },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
