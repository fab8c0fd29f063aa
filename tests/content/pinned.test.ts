// Every number a lesson takes from a slide is pinned: a cell with `expect` (the computation
// agrees) or `slide` (an erratum) names its lecture with `source`, and that lecture shows the
// number. The build checks the numbers against the computation; this checks them against the
// lecture notes, so a typo in a lesson cannot invent a slide value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeta } from '../../src/notebook/build/meta';

const lessons = new URL('../../content/lessons/', import.meta.url);
const lectures = new URL('../../../shared/lectures/', import.meta.url);

const pinned = readdirSync(lessons)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .flatMap((file) =>
    [...readFileSync(new URL(file, lessons), 'utf8').matchAll(/^```ts cell\b(.*)$/gm)]
      .map((match) => ({ file, options: parseMeta(match[1] ?? '') }))
      .filter(({ options }) => options['expect'] !== undefined || options['slide'] !== undefined),
  );

/** The numbers in a value as written: "[0.842, 0.042]" → ["0.842", "0.042"]. */
const numbersIn = (value: string) => value.match(/-?\d*\.?\d+(e-?\d+)?/gi) ?? [];

/** A lecture writes 0.842 or .842, and a minus as - or −. */
function shows(lecture: string, number: string): boolean {
  const forms = [number, number.replace(/^(-?)0\./, '$1.'), number.replace('-', '−')];
  return forms.some((form) => new RegExp(`(^|[^\\d.])${form.replace(/[.]/g, '\\.')}(?!\\d)`).test(lecture));
}

describe('numbers taken from the slides', () => {
  it('are found in the lessons (so this test checks something)', () => {
    expect(pinned.length).toBeGreaterThan(0);
  });

  it.each(pinned.map((p) => [`${p.file} ${String(p.options['id'])}`, p] as const))('%s names a lecture that shows every number it pins', (_name, { options }) => {
    const source = options['source'];
    expect(typeof source, 'a cell with expect or slide needs source="<lecture file>"').toBe('string');
    const path = new URL(String(source), lectures);
    expect(existsSync(path), `no lecture ${String(source)}`).toBe(true);
    const lecture = readFileSync(path, 'utf8');
    const value = String(options['expect'] ?? options['slide']);
    for (const number of numbersIn(value)) expect(shows(lecture, number), `${String(source)} does not show ${number}`).toBe(true);
  });
});
