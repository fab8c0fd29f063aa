/**
 * A numeric convexity probe. f is convex when, for all x₁, x₂ and 0 ≤ t ≤ 1,
 * f(t x₁ + (1 − t) x₂) ≤ t f(x₁) + (1 − t) f(x₂) (lecture 01): the chord lies above the graph.
 * Sampling can refute convexity with a witness; it can only suggest it.
 */

/**
 * One sampled chord: lhs = f(t x₁ + (1 − t) x₂), rhs = t f(x₁) + (1 − t) f(x₂), gap = rhs − lhs.
 * `tolerance` is how far below zero the gap may fall from rounding alone: the chord inequality
 * fails there only when gap < −tolerance.
 */
export interface ChordSample {
  readonly x1: number;
  readonly x2: number;
  readonly t: number;
  readonly lhs: number;
  readonly rhs: number;
  readonly gap: number;
  readonly tolerance: number;
}

/**
 * The default relative tolerance of a chord gap. Each of the three values a gap is made of
 * carries a rounding error of a few units of 2⁻⁵³ ≈ 1.1e-16 of its size (more after a sum of
 * many terms), so a gap within 1e-12 of their sizes is rounding, not a violation: a straight
 * line's chords show gaps like −8.9e-16.
 */
export const CHORD_RELATIVE_TOLERANCE = 1e-12;

/** Where to probe: explicit points `xs`, or `samples` evenly spaced points over `range`. */
export type ConvexityProbeOptions = (
  { readonly xs: readonly number[] } | { readonly range: readonly [number, number]; readonly samples?: number }
) & {
  /** The chord weights t, default 0.1, 0.2, …, 0.9. */
  readonly ts?: readonly number[];
  /** Gaps down to −relativeTolerance × the size of the values compared are rounding (see chordSample). */
  readonly relativeTolerance?: number;
};

/**
 * The result of a probe: convex unless some chord's gap is below −its tolerance. `worst` is the
 * chord with the smallest gap among the violations when there are any (a witness), else among
 * all the chords sampled.
 */
export interface ConvexityProbe {
  readonly convex: boolean;
  readonly worst: ChordSample;
}

const DEFAULT_TS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** t f(x₁) + (1 − t) f(x₂) − f(t x₁ + (1 − t) x₂): negative means the chord inequality fails. */
export function chordGap(f: (x: number) => number, x1: number, x2: number, t: number): number {
  return t * f(x1) + (1 - t) * f(x2) - f(t * x1 + (1 - t) * x2);
}

/**
 * The chord of f from x₁ to x₂ at t, with its tolerance: relativeTolerance × (|t f(x₁)| +
 * |(1 − t) f(x₂)| + |f(t x₁ + (1 − t) x₂)|), the sizes of the three terms of the gap.
 */
export function chordSample(
  f: (x: number) => number,
  x1: number,
  x2: number,
  t: number,
  relativeTolerance = CHORD_RELATIVE_TOLERANCE,
): ChordSample {
  return chordFrom(x1, x2, t, f(x1), f(x2), f(t * x1 + (1 - t) * x2), relativeTolerance);
}

function chordFrom(
  x1: number,
  x2: number,
  t: number,
  f1: number,
  f2: number,
  lhs: number,
  relativeTolerance: number,
): ChordSample {
  const rhs = t * f1 + (1 - t) * f2;
  const tolerance = relativeTolerance * (Math.abs(t * f1) + Math.abs((1 - t) * f2) + Math.abs(lhs));
  return { x1, x2, t, lhs, rhs, gap: rhs - lhs, tolerance };
}

const violates = (chord: ChordSample) => chord.gap < -chord.tolerance;

function linspace(lo: number, hi: number, samples: number): number[] {
  if (!Number.isInteger(samples) || samples < 2) {
    throw new RangeError(`convexityProbe: ${samples} samples: need an integer ≥ 2`);
  }
  return Array.from({ length: samples }, (_, k) => lo + ((hi - lo) * k) / (samples - 1));
}

/** Checks the chord inequality of f on every pair of sampled points and every t. */
export function convexityProbe(f: (x: number) => number, options: ConvexityProbeOptions): ConvexityProbe {
  const xs = 'xs' in options ? options.xs : linspace(options.range[0], options.range[1], options.samples ?? 41);
  const ts = options.ts ?? DEFAULT_TS;
  const relativeTolerance = options.relativeTolerance ?? CHORD_RELATIVE_TOLERANCE;
  if (xs.length < 2 || ts.length === 0) {
    throw new RangeError(`convexityProbe: (${xs.length}) points, (${ts.length}) ts: need 2 points and 1 t`);
  }
  const fx = xs.map((x) => f(x));
  let smallest: ChordSample | undefined;
  let worstViolation: ChordSample | undefined;
  for (let a = 0; a < xs.length; a++) {
    for (let b = a + 1; b < xs.length; b++) {
      const x1 = xs[a]!;
      const x2 = xs[b]!;
      for (const t of ts) {
        const chord = chordFrom(x1, x2, t, fx[a]!, fx[b]!, f(t * x1 + (1 - t) * x2), relativeTolerance);
        if (smallest === undefined || chord.gap < smallest.gap) smallest = chord;
        if (violates(chord) && (worstViolation === undefined || chord.gap < worstViolation.gap)) worstViolation = chord;
      }
    }
  }
  // xs has at least two points and ts at least one, so some chord was sampled.
  return worstViolation ? { convex: false, worst: worstViolation } : { convex: true, worst: smallest! };
}

/** t f(w₁) + (1 − t) f(w₂) − f(t w₁ + (1 − t) w₂) for weight vectors w₁, w₂ of equal length. */
export function chordGapAlong(
  f: (w: number[]) => number,
  w1: readonly number[],
  w2: readonly number[],
  t: number,
): number {
  if (w1.length !== w2.length) {
    throw new RangeError(`chordGapAlong: w1 (${w1.length}), w2 (${w2.length}): lengths differ`);
  }
  const between = w1.map((v, k) => t * v + (1 - t) * w2[k]!);
  return t * f([...w1]) + (1 - t) * f([...w2]) - f(between);
}

/** The probe of f restricted to the segment from w₁ (s = 0) to w₂ (s = 1), s sampled on [0, 1]. */
export function convexityProbeAlong(
  f: (w: number[]) => number,
  w1: readonly number[],
  w2: readonly number[],
  options: { readonly samples?: number; readonly ts?: readonly number[]; readonly relativeTolerance?: number } = {},
): ConvexityProbe {
  if (w1.length !== w2.length) {
    throw new RangeError(`convexityProbeAlong: w1 (${w1.length}), w2 (${w2.length}): lengths differ`);
  }
  // A function is convex iff it is convex along every line, so g(s) = f((1 − s) w₁ + s w₂) is the 1-D view.
  const g = (s: number): number => f(w1.map((v, k) => (1 - s) * v + s * w2[k]!));
  return convexityProbe(g, { range: [0, 1], ...options });
}
