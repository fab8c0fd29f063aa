// What a pinned cell must satisfy: a cell with `expect=` (the computation agrees with the slide)
// or `slide=` (an erratum) names its lecture with `source=`, and the value it pins is one that
// lecture shows, by the list in tests/fixtures/lectures.ts. Shared by the lessons' test and
// the README's, so an example in the README obeys the rule a lesson does.
import { parseMeta } from '../../src/notebook/build/meta';
import { LECTURE_PINS } from '../fixtures/lectures';

/** The numbers in a value as written: "[0.842, 0.042]" → ["0.842", "0.042"]. */
export const numbersIn = (value: string) => value.match(/-?\d*\.?\d+(e-?\d+)?/gi) ?? [];

/** Whether a lecture's text shows a number: 0.842 or .842, with a minus as - or −. */
export function shows(text: string, number: string): boolean {
  const forms = [number, number.replace(/^(-?)0\./, '$1.'), number.replace('-', '−')];
  return forms.some((form) => new RegExp(`(^|[^\\d.])${form.replace(/[.]/g, '\\.')}(?!\\d)`).test(text));
}

export interface PinnedCell {
  /** The cell's id, or its place in the file. */
  id: string;
  options: Record<string, string | true>;
}

/** The cells of an MDX text (or a README) that pin a value with `expect=` or `slide=`. */
export function pinnedCells(text: string): PinnedCell[] {
  return [...text.matchAll(/^```ts cell\b(.*)$/gm)]
    .map((match, index) => {
      const options = parseMeta(match[1] ?? '');
      return { id: typeof options['id'] === 'string' ? options['id'] : `cell ${index + 1}`, options };
    })
    .filter(({ options }) => options['expect'] !== undefined || options['slide'] !== undefined);
}

const sameNumbers = (a: string, b: string) => numbersIn(a).join(' ') === numbersIn(b).join(' ');

/** What is wrong with a pinned cell's `source=` and value; empty when its lecture shows the value. */
export function pinProblems(options: Record<string, string | true>): string[] {
  const source = options['source'];
  const value = String(options['expect'] ?? options['slide']);
  if (typeof source !== 'string') return ['a cell with expect= or slide= needs source="<lecture file>"'];
  const pins = LECTURE_PINS.filter((pin) => pin.lecture === source);
  if (pins.length === 0) return [`no lecture "${source}" in tests/fixtures/lectures.ts`];
  if (pins.some((pin) => sameNumbers(pin.value, value))) return [];
  return [
    `${source} shows no ${value} (it shows ${pins.map((pin) => pin.value).join('; ')}), by tests/fixtures/lectures.ts`,
  ];
}
