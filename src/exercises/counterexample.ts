/**
 * How a checker's message names a point where two formulas differ, and their two values there:
 * `at yhat = 0.412, y = 0.871 yours is 0.3, but the expected value is 0.5`.
 */
import { formatNumber } from '../display/numbers';
import type { Environment } from './expression';

/** `yhat = 0.412, y = 0.871`: the point's variables, or only those named. */
export const pointText = (env: Environment, names: readonly string[] = Object.keys(env)) =>
  names.map((name) => `${name} = ${formatNumber(env[name]!)}`).join(', ');

/** Two values rounded only as far as they still look different (0.842 vs 0.842 would confuse). */
export function distinctTexts(a: number, b: number): [string, string] {
  const rounded: [string, string] = [formatNumber(a), formatNumber(b)];
  if (rounded[0] !== rounded[1]) return rounded;
  for (let digits = 4; digits <= 17; digits++) {
    const [first, second] = [a, b].map((x) => String(Number(x.toPrecision(digits))).replace(/^-/, '−'));
    if (first !== second) return [first!, second!];
  }
  return rounded;
}
