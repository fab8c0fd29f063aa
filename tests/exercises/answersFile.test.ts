import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersFileText, readAnswersFile } from '../../src/exercises/answersFile';
import { exerciseState, sanitizeProgress } from '../../src/exercises/progress';

const progress = {
  'softmax-dz': { answers: { dz: { input: 'yhat - y', status: 'correct' as const, message: 'Right.' } } },
  'cvx-proof': { answers: {}, done: true },
};

describe('answers file', () => {
  it('reads back what it wrote', () => {
    const text = answersFileText(progress, new Date('2026-11-24T10:00:00Z'), { title: 'Week 3', due: '', exercises: ['softmax-dz'] });
    expect(readAnswersFile(text)).toEqual({ ok: true, progress });
  });

  it('refuses files that are not ours, with a reason', () => {
    expect(readAnswersFile('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(readAnswersFile('{"format":"other"}')).toMatchObject({ ok: false });
    expect(readAnswersFile('{"format":"nn-live-answers","version":2,"progress":{}}')).toMatchObject({ ok: false, message: expect.stringMatching(/newer version/) });
    expect(readAnswersFile('{"format":"nn-live-answers","version":1,"progress":{}}')).toMatchObject({ ok: false, message: 'This file holds no answers.' });
  });

  it('keeps only well-formed records from untrusted data', () => {
    expect(
      sanitizeProgress({
        a: { answers: { x: { input: 'y', status: 'hacked' }, y: { input: 3 } } },
        b: 'junk',
        c: { answers: [] },
      }),
    ).toEqual({ a: { answers: { x: { input: 'y' } } } });
    fc.assert(fc.property(fc.jsonValue(), (value) => void sanitizeProgress(value)));
    fc.assert(fc.property(fc.string(), (text) => void readAnswersFile(text)));
  });
});

describe('exercise state', () => {
  it('is solved when every answer is correct, tried when any was checked', () => {
    const record = { answers: { a: { input: '1', status: 'correct' as const }, b: { input: '2', status: 'incorrect' as const } } };
    expect(exerciseState(undefined, ['a'])).toBe('not-tried');
    expect(exerciseState({ answers: { a: { input: 'typed, never checked' } } }, ['a'])).toBe('not-tried');
    expect(exerciseState(record, ['a', 'b'])).toBe('tried');
    expect(exerciseState(record, ['a'])).toBe('solved');
    expect(exerciseState({ answers: {}, done: true }, [])).toBe('solved');
  });
});

describe('the lesson loader', () => {
  it('looks for saved progress under the key the progress store writes', async () => {
    const { PROGRESS_KEY } = await import('../../src/exercises/progress');
    const { SAVED_PROGRESS_KEY } = await import('../../src/exercises/browser/loader');
    expect(SAVED_PROGRESS_KEY).toBe(PROGRESS_KEY);
  });
});
