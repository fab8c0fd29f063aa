/**
 * Deciding whether two expressions are the same function: evaluate both at random points of the
 * variables' domains and compare. The points come from a generator seeded by the expected
 * answer's text, so a verdict is the same on every machine and every visit.
 */
import { fnv1a } from '../../display/hash';
import { mulberry32, uniform } from '../../ml/random';
import type { Expr } from './ast';
import { evaluate, type Environment } from './evaluate';

/** Each variable's sampling interval [low, high], by canonical name; `integer` samples only whole numbers. */
export type Domains = Readonly<Record<string, readonly [number, number] | readonly [number, number, 'integer']>>;

/** The relative tolerance of formulas when a spec sets none: they are exact, unlike typed numbers. */
export const FORMULA_TOLERANCE = 1e-6;
/** How many points an expression answer is compared at. */
export const SAMPLE_POINTS = 24;
/** Draws allowed to find them: a reference undefined on most of its domain is a broken spec. */
const MAX_DRAWS = SAMPLE_POINTS * 50;
/**
 * Added to the relative tolerance so that values which should be 0 but carry rounding noise
 * (1 − tanh(x)² for large x is exactly 0 in floating point, 4/(eˣ + e⁻ˣ)² is 1e−17) still agree.
 */
const ABSOLUTE_FLOOR = 1e-12;

export interface SamplePoint {
  readonly env: Environment;
  /** The reference's value there, always finite. */
  readonly expected: number;
}

/** Relative closeness: |a − b| ≤ tolerance · max(|a|, |b|) + 1e−12. */
export function closeEnough(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE_FLOOR;
}

/** A 32-bit seed from a string (the expected answer). */
export const seedFrom = (text: string): number => fnv1a(text);

/**
 * Up to SAMPLE_POINTS points of the domains where the reference is finite; points where it is not
 * (a log of 0 at a domain's edge) are skipped and drawn again. Fewer come back only when the
 * reference is undefined on most of its domain.
 */
export function samplePoints(reference: Expr, domains: Domains, seedText: string): SamplePoint[] {
  return drawPoints(domains, seedText, (env) => {
    const expected = evaluate(reference, env);
    return Number.isFinite(expected) ? { env, expected } : undefined;
  });
}

/**
 * Up to SAMPLE_POINTS points drawn from the domains, by the generator seeded with `seedText`;
 * `keep` turns a draw into a point or refuses it (undefined), and a refused draw is replaced.
 * Every answer type draws through here, so equal seeds and domains give equal draws.
 */
export function drawPoints<T>(
  domains: Domains,
  seedText: string,
  keep: (env: Record<string, number>) => T | undefined,
): T[] {
  const rng = mulberry32(seedFrom(seedText));
  const names = Object.keys(domains);
  const points: T[] = [];
  for (let draw = 0; draw < MAX_DRAWS && points.length < SAMPLE_POINTS; draw++) {
    const env: Record<string, number> = {};
    for (const name of names) {
      const domain = domains[name]!;
      const [low, high] = domain;
      // One draw per variable either way: low + ⌊u·(high − low + 1)⌋ is each of low, …, high alike.
      env[name] = domain.length === 3 ? low + Math.floor(uniform(rng, 0, high - low + 1)) : uniform(rng, low, high);
    }
    const point = keep(env);
    if (point !== undefined) points.push(point);
  }
  return points;
}

export type Comparison =
  | { readonly kind: 'equal' }
  /** The candidate is NaN or ±∞ at a point where the reference is finite. */
  | { readonly kind: 'undefined'; readonly at: SamplePoint; readonly got: number }
  | {
      readonly kind: 'different';
      /** The first point where they differ. */
      readonly at: SamplePoint;
      readonly got: number;
      /** At how many of the points they do agree: some but not all means "only on part of the domain". */
      readonly agreeing: number;
      /** Set when the candidate is the reference times one constant everywhere (−1: a sign error). */
      readonly factor?: number;
    };

export function compareAt(points: readonly SamplePoint[], candidate: Expr, tolerance: number): Comparison {
  return compareValues(
    points,
    points.map((point) => evaluate(candidate, point.env)),
    tolerance,
  );
}

/** compareAt for a candidate already evaluated: `values[i]` is its value at `points[i]`. */
export function compareValues(
  points: readonly SamplePoint[],
  values: readonly number[],
  tolerance: number,
): Comparison {
  const undefinedAt = values.findIndex((value) => !Number.isFinite(value));
  if (undefinedAt >= 0) return { kind: 'undefined', at: points[undefinedAt]!, got: values[undefinedAt]! };
  const agrees = values.map((value, i) => closeEnough(value, points[i]!.expected, tolerance));
  const firstDifference = agrees.indexOf(false);
  if (firstDifference < 0) return { kind: 'equal' };
  const agreeing = agrees.filter(Boolean).length;
  const factor = agreeing === 0 ? constantFactor(points, values, tolerance) : undefined;
  const difference = {
    kind: 'different',
    at: points[firstDifference]!,
    got: values[firstDifference]!,
    agreeing,
  } as const;
  return factor === undefined ? difference : { ...difference, factor };
}

/** The ratio candidate / reference when it is one constant at every point (and the reference is never 0). */
function constantFactor(
  points: readonly SamplePoint[],
  values: readonly number[],
  tolerance: number,
): number | undefined {
  if (points.some((point) => point.expected === 0)) return undefined;
  const ratios = values.map((value, i) => value / points[i]!.expected);
  const first = ratios[0];
  if (
    first === undefined ||
    first === 0 ||
    !ratios.every((ratio) => closeEnough(ratio, first, Math.max(tolerance, 1e-9)))
  )
    return undefined;
  return first;
}
