/**
 * A cell's declared expected output, as a lesson author writes it from a slide: a number or a
 * list of numbers at the slide's rounding (`0.842`, `[0.842, 0.042, 0.002, 0.114]`), or text.
 * A computed value agrees when it rounds to the expected one at the decimals written.
 */
import type { DisplayNode } from './describe';
import { formatNumber } from '../display/numbers';

/** Half a unit of the last digit written: 0.842 → 0.0005, 3.19e-4 → 0.000005. */
function halfUnit(text: string): number {
  const [mantissa, exponent] = text.toLowerCase().split('e');
  const decimals = /\.(\d+)/.exec(mantissa!)?.[1]?.length ?? 0;
  return 0.5 * 10 ** (Number(exponent ?? 0) - decimals);
}

function numbersOf(display: DisplayNode): number[] | undefined {
  if (display.kind === 'number') return [display.value];
  if (display.kind === 'vector' || display.kind === 'matrix') return display.values;
  return undefined;
}

/** Returns null when `display` agrees with `expected`, else what was computed instead. */
export function contradiction(expected: string, display: DisplayNode): string | null {
  const trimmed = expected.trim();
  const list = /^\[(.*)\]$/s.exec(trimmed);
  const parts = (list ? list[1]! : trimmed)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const expectsNumbers = parts.length > 0 && parts.every((part) => /^[-−]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(part));
  if (!expectsNumbers) {
    const actual = display.kind === 'text' || display.kind === 'data' ? display.text : JSON.stringify(display);
    return actual === trimmed ? null : actual;
  }
  const actual = numbersOf(display);
  const shown = actual ? `[${actual.map(formatNumber).join(', ')}]` : `a ${display.kind}, not numbers`;
  if (!actual || actual.length !== parts.length) return shown;
  const agrees = parts.every((part, i) => {
    const value = Number(part.replace('−', '-'));
    // The exact value must lie within half a unit of the last digit written.
    const tolerance = halfUnit(part) * (1 + 1e-9);
    return Math.abs(actual[i]! - value) <= tolerance;
  });
  return agrees ? null : shown;
}
