import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignmentQuery, formatDue, isIsoDate, MAX_EXERCISES, MAX_TITLE, parseAssignment } from '../../src/exercises/assignment';

const known = new Set(['softmax-dz', 'act-sigmoid', 'act-tanh']);

describe('assignment links', () => {
  it('round-trips title, due date, exercises in order and the solutions flag', () => {
    const assignment = { title: 'Week 3 — derivatives & <b>bold</b>?', due: '2026-12-01', exercises: ['act-tanh', 'softmax-dz'], solutions: true };
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
