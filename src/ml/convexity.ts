/**
 * A numeric convexity probe. f is convex when, for all x₁, x₂ and 0 ≤ t ≤ 1,
 * f(t x₁ + (1 − t) x₂) ≤ t f(x₁) + (1 − t) f(x₂) (lecture 01): the chord lies above the graph.
 * Sampling can refute convexity with a witness; it can only suggest it.
 */

/** One sampled chord: lhs = f(t x₁ + (1 − t) x₂), rhs = t f(x₁) + (1 − t) f(x₂), gap = rhs − lhs. */
export interface ChordSample {
  readonly x1: number;
  readonly x2: number;
  readonly t: number;
  readonly lhs: number;
  readonly rhs: number;
  readonly gap: number;
}

/** Where to probe: explicit points `xs`, or `samples` evenly spaced points over `range`. */
export type ConvexityProbeOptions = (
  | { readonly xs: readonly number[] }
  | { readonly range: readonly [number, number]; readonly samples?: number }
) & {
  /** The chord weights t, default 0.1, 0.2, …, 0.9. */
  readonly ts?: readonly number[];
  /** Gaps down to −tolerance still count as convex (rounding), default 1e-9. */
  readonly tolerance?: number;
};

/** The result of a probe: convex unless some gap is below −tolerance; worst is the smallest gap. */
export interface ConvexityProbe {
  readonly convex: boolean;
  readonly worst: ChordSample;
}

const DEFAULT_TS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** t f(x₁) + (1 − t) f(x₂) − f(t x₁ + (1 − t) x₂): negative means the chord inequality fails. */
export function chordGap(f: (x: number) => number, x1: number, x2: number, t: number): number {
  return t * f(x1) + (1 - t) * f(x2) - f(t * x1 + (1 - t) * x2);
}

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
  const tolerance = options.tolerance ?? 1e-9;
  if (xs.length < 2 || ts.length === 0) {
    throw new RangeError(`convexityProbe: (${xs.length}) points, (${ts.length}) ts: need 2 points and 1 t`);
  }
  const fx = xs.map((x) => f(x));
  let worst: ChordSample | undefined;
  for (let a = 0; a < xs.length; a++) {
    for (let b = a + 1; b < xs.length; b++) {
      const x1 = xs[a]!;
      const x2 = xs[b]!;
      for (const t of ts) {
        const lhs = f(t * x1 + (1 - t) * x2);
        const rhs = t * fx[a]! + (1 - t) * fx[b]!;
        const gap = rhs - lhs;
        if (worst === undefined || gap < worst.gap) worst = { x1, x2, t, lhs, rhs, gap };
      }
    }
  }
  // xs has at least two points and ts at least one, so some chord was sampled.
  const found = worst!;
  return { convex: found.gap >= -tolerance, worst: found };
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
  options: { readonly samples?: number; readonly ts?: readonly number[]; readonly tolerance?: number } = {},
): ConvexityProbe {
  if (w1.length !== w2.length) {
    throw new RangeError(`convexityProbeAlong: w1 (${w1.length}), w2 (${w2.length}): lengths differ`);
  }
  // A function is convex iff it is convex along every line, so g(s) = f((1 − s) w₁ + s w₂) is the 1-D view.
  const g = (s: number): number => f(w1.map((v, k) => (1 - s) * v + s * w2[k]!));
  return convexityProbe(g, { range: [0, 1], ...options });
}
