import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignmentQuery,
  formatDue,
  isIsoDate,
  MAX_EXERCISES,
  MAX_LINK_IDS,
  MAX_TITLE,
  parseAssignment,
} from '../../src/exercises/assignment';

const known = new Set(['softmax-dz', 'act-sigmoid', 'act-tanh']);

describe('assignment links', () => {
  it('round-trips title, due date, exercises in order and the solutions flag', () => {
    const assignment = {
      title: 'Week 3 — derivatives & <b>bold</b>?',
      due: '2026-12-01',
      exercises: ['act-tanh', 'softmax-dz'],
      solutions: true,
    };
    const parsed = parseAssignment(assignmentQuery(assignment), known);
    expect(parsed).toEqual({ ...assignment, unknown: [], problems: [] });
  });

  it('keeps the known exercises of a link and says which are not in the course', () => {
    const parsed = parseAssignment('title=T&ex=act-tanh,<img src=x>,act-tanh,gone', known);
    expect(parsed.exercises).toEqual(['act-tanh']);
    expect(parsed.unknown).toEqual(['<img src=x>', 'gone']);
    expect(parsed.problems[0]).toMatch(/^2 exercises in this link are not in this course/);
  });

  it('drops a malformed due date with a message and shortens a long title', () => {
    const parsed = parseAssignment(`title=${'x'.repeat(500)}&due=2026-02-30&ex=act-tanh`, known);
    expect(parsed.due).toBe('');
    expect(parsed.title).toHaveLength(MAX_TITLE);
    expect(parsed.problems.join(' ')).toMatch(/shortened.*2026-02-30/s);
  });

  it('caps the number of exercises on a sheet', () => {
    const many = new Set(Array.from({ length: MAX_EXERCISES + 5 }, (_, i) => `e${i}`));
    expect(parseAssignment(`ex=${[...many].join(',')}`, many).exercises).toHaveLength(MAX_EXERCISES);
  });

  it('reads at most MAX_LINK_IDS ids of a link, and says how many it dropped and which', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `x${i}`);
    const started = performance.now();
    const parsed = parseAssignment(`title=T&ex=act-tanh,${ids.join(',')}`, known);
    const elapsed = performance.now() - started;
    expect(parsed.exercises).toEqual(['act-tanh']);
    expect(parsed.unknown).toHaveLength(MAX_LINK_IDS - 1);
    expect(parsed.problems[0]).toBe(
      `This link names 40001 exercises; a sheet reads at most ${MAX_LINK_IDS}, so the ${40_001 - MAX_LINK_IDS} after the ${MAX_LINK_IDS}th were not read ("x${MAX_LINK_IDS - 1}", "x${MAX_LINK_IDS}", "x${MAX_LINK_IDS + 1}", "x${MAX_LINK_IDS + 2}", "x${MAX_LINK_IDS + 3}", …).`,
    );
    // Linear: a few milliseconds here (it took seconds when every id was looked for in a list).
    expect(elapsed).toBeLessThan(250);
  });

  it('names the exercises a full sheet leaves out', () => {
    const many = new Set(Array.from({ length: MAX_LINK_IDS }, (_, i) => `e${i}`));
    const parsed = parseAssignment(`ex=${[...many].join(',')}`, many);
    expect(parsed.exercises).toHaveLength(MAX_EXERCISES);
    expect(parsed.problems).toEqual([
      `A sheet holds at most ${MAX_EXERCISES} exercises; the first ${MAX_EXERCISES} are shown, and the ${MAX_LINK_IDS - MAX_EXERCISES} after them are left out ("e60", "e61", "e62", "e63", "e64", …).`,
    ]);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const parsed = parseAssignment(query, known);
        expect(parsed.exercises.every((id) => known.has(id))).toBe(true);
      }),
    );
  });

  it('reads only real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(formatDue('2026-12-01', 'en-GB')).toBe('1 December 2026');
  });
});
