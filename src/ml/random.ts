/**
 * Seeded randomness. Everything random in the course takes an injected `rng`, so every run,
 * figure and test is reproducible; nothing here touches Math.random.
 */

/** A uniform random number generator on [0, 1). */
export type Rng = () => number;

/** Mulberry32: a small, fast 32-bit generator of uniforms in [0, 1) from an integer seed. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform sample on [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** A standard normal sample N(0, 1) by the Box–Muller transform (uses two uniforms). */
export function gaussian(rng: Rng): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A shuffled copy of `items` (Fisher–Yates); the input is left as it is. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const result = items.slice();
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = result[i]!;
    result[i] = result[j]!;
    result[j] = tmp;
  }
  return result;
}
