// Every number a lesson takes from a slide is pinned: a cell with `expect` (the computation
// agrees) or `slide` (an erratum) names its lecture with `source`, and that lecture shows the
// number. The build checks the numbers against the computation; this checks them against the
// lecture values kept in tests/fixtures/lectures.ts, so a typo in a lesson cannot invent a
// slide value. The lecture notes themselves are not part of the repository, and no test reads
// them: the fixture holds each value with its quote, and is what a clone is checked against.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LECTURE_PINS } from '../fixtures/lectures';
import { numbersIn, pinnedCells, pinProblems, shows } from './pins';

const lessons = new URL('../../content/lessons/', import.meta.url);

const pinned = readdirSync(lessons)
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .flatMap((file) => pinnedCells(readFileSync(new URL(file, lessons), 'utf8')).map((cell) => ({ file, ...cell })));

describe('numbers taken from the slides', () => {
  it('are found in the lessons (so this test checks something)', () => {
    expect(pinned.length).toBeGreaterThan(0);
  });

  it.each(pinned.map((p) => [`${p.file} ${p.id}`, p] as const))(
    '%s names a lecture that shows the value it pins',
    (_name, { options }) => {
      expect(pinProblems(options)).toEqual([]);
    },
  );

  it('are refused when they are not the lecture’s, or name no lecture', () => {
    expect(pinProblems({ expect: '0.52' })).toEqual(['a cell with expect= or slide= needs source="<lecture file>"']);
    expect(pinProblems({ slide: '0.57', source: '02-logistic-regression-to-neural-networks.md' })[0]).toMatch(
      /^02-logistic-regression-to-neural-networks\.md shows no 0\.57 \(it shows 0\.52; 0\.62;/,
    );
    expect(pinProblems({ expect: '[0.842, 0.042, 0.114, 0.002]', source: '06a-softmax-regression.md' })).toHaveLength(
      1,
    );
    expect(pinProblems({ expect: '12288', source: '07-nowhere.md' })).toEqual([
      'no lecture "07-nowhere.md" in tests/fixtures/lectures.ts',
    ]);
  });
});

describe('the lecture values kept in tests/fixtures/lectures.ts', () => {
  it.each(LECTURE_PINS.map((pin) => [`${pin.lecture} ${pin.value}`, pin] as const))(
    '%s: its quote shows every number of the value',
    (_name, pin) => {
      expect(numbersIn(pin.value).length).toBeGreaterThan(0);
      for (const number of numbersIn(pin.value))
        expect(shows(pin.quote, number), `"${pin.quote}" does not show ${number}`).toBe(true);
    },
  );

  it('are each pinned by a lesson (none left over)', () => {
    const unused = LECTURE_PINS.filter(
      (pin) =>
        !pinned.some(
          ({ options }) =>
            options['source'] === pin.lecture &&
            numbersIn(String(options['expect'] ?? options['slide'])).join(' ') === numbersIn(pin.value).join(' '),
        ),
    );
    expect(unused.map((pin) => `${pin.lecture} ${pin.value}`)).toEqual([]);
  });
});
