import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  answersFileText,
  handInFileName,
  MAX_FILE_BYTES,
  MAX_STUDENT,
  mergeLoaded,
  parseAnswersFile,
  readAnswersFile,
  studentName,
  validateAnswersFile,
} from '../../src/exercises/answersFile';
import { replaceQuestion } from '../../src/exercises/browser/answersTools';
import { currentVerdict, exerciseState, sanitizeProgress, type Progress } from '../../src/exercises/progress';

const V1 = '0badc0de';
const V2 = '12345678';

const progress = {
  'softmax-dz': { answers: { dz: { input: 'yhat - y', status: 'correct' as const, message: 'Right.', version: V1 } } },
  'cvx-proof': { answers: {}, done: true },
};

describe('answers file', () => {
  it('writes the verdicts for the reader, and reads back the inputs and done marks only', () => {
    const text = answersFileText(progress, new Date('2026-11-24T10:00:00Z'), {
      title: 'Week 3',
      due: '',
      exercises: ['softmax-dz'],
    });
    expect(JSON.parse(text).progress).toEqual(progress);
    expect(readAnswersFile(text)).toEqual({
      ok: true,
      progress: { 'softmax-dz': { answers: { dz: { input: 'yhat - y' } } }, 'cvx-proof': { answers: {}, done: true } },
    });
  });

  it('a file claiming "correct" does not make an exercise solved', () => {
    const text = answersFileText(
      { 'softmax-dz': { answers: { dz: { input: 'anything', status: 'correct', message: 'Right.', version: V1 } } } },
      new Date(),
    );
    const result = readAnswersFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.progress['softmax-dz']!.answers['dz']).toEqual({ input: 'anything' });
    expect(exerciseState(result.progress['softmax-dz'], [{ name: 'dz', version: V1 }])).toBe('not-tried');
  });

  it('refuses files that are not ours, with a reason', () => {
    expect(readAnswersFile('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(readAnswersFile('{"format":"other"}')).toMatchObject({ ok: false });
    expect(readAnswersFile('{"format":"nn-live-answers","version":2,"progress":{}}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer version/),
    });
    expect(readAnswersFile('{"format":"nn-live-answers","version":1,"progress":{}}')).toMatchObject({
      ok: false,
      message: 'This file holds no answers.',
    });
  });

  it.each([
    // An object whose toString is not a function: String() of it throws.
    [
      '{"format":"nn-live-answers","version":{"toString":1},"progress":{}}',
      "This file's format version is an object, not a number, so it cannot be read.",
    ],
    [
      '{"format":"nn-live-answers","version":"1","progress":{}}',
      'This file\'s format version is "1", not a number, so it cannot be read.',
    ],
    [
      '{"format":"nn-live-answers","version":[1],"progress":{}}',
      "This file's format version is a list, not a number, so it cannot be read.",
    ],
    [
      '{"format":"nn-live-answers","progress":{}}',
      "This file's format version is undefined, not a number, so it cannot be read.",
    ],
    [
      '{"format":"nn-live-answers","version":0,"progress":{}}',
      'This file has an unknown format version (0), so it cannot be read.',
    ],
    ['{"format":"nn-live-answers","version":1,"progress":{"toString":1}}', 'This file holds no answers.'],
    [
      '{"format":"nn-live-answers","version":1,"progress":"all correct"}',
      'This file holds no answers (its progress is "all correct").',
    ],
    ['{"format":{"toString":1},"version":1}', 'This file is not a file of answers saved from this course.'],
  ])('refuses %s with a message, never an exception', (text, message) => {
    expect(readAnswersFile(text)).toEqual({ ok: false, message });
  });

  it('checks the type of every field, and never throws whatever the fields hold', () => {
    const field = fc.oneof(fc.jsonValue(), fc.constant({ toString: 1, valueOf: 1 }));
    const file = fc.record(
      {
        format: fc.constant('nn-live-answers'),
        version: fc.oneof(fc.constant(1), field),
        saved: field,
        assignment: field,
        progress: field,
      },
      { requiredKeys: ['format'] },
    );
    fc.assert(
      fc.property(file, (value) => {
        const result = readAnswersFile(JSON.stringify(value));
        expect(typeof (result.ok ? result.progress : result.message)).toBe(result.ok ? 'object' : 'string');
      }),
    );
    // Well-formed descriptive fields are kept, malformed ones left out.
    expect(
      validateAnswersFile({
        format: 'nn-live-answers',
        version: 1,
        saved: 5,
        assignment: { title: 'W', due: '', exercises: [1] },
        progress: {},
      }),
    ).toEqual({
      ok: true,
      file: { format: 'nn-live-answers', version: 1, saved: '', progress: {} },
    });
  });

  it('keeps only well-formed records from untrusted data', () => {
    expect(
      sanitizeProgress({
        a: { answers: { x: { input: 'y', status: 'hacked', version: V1 }, y: { input: 3 } } },
        b: 'junk',
        c: { answers: [] },
        // A verdict without a well-formed version can never be shown, so it is not kept.
        d: {
          answers: {
            x: { input: '1', status: 'correct' },
            y: { input: '2', status: 'correct', version: 'v1' },
            z: { input: '3', status: 'incorrect', message: 'No.', version: V2 },
          },
        },
      }),
    ).toEqual({
      a: { answers: { x: { input: 'y' } } },
      d: {
        answers: {
          x: { input: '1' },
          y: { input: '2' },
          z: { input: '3', status: 'incorrect', message: 'No.', version: V2 },
        },
      },
    });
    fc.assert(fc.property(fc.jsonValue(), (value) => void sanitizeProgress(value)));
    fc.assert(fc.property(fc.string(), (text) => void readAnswersFile(text)));
  });

  it('skips __proto__, constructor and prototype as exercise ids and answer names', () => {
    const text = JSON.stringify({
      format: 'nn-live-answers',
      version: 1,
      progress: {
        a: { answers: { x: { input: '1' }, constructor: { input: '2' }, prototype: { input: '3' } } },
        constructor: { answers: { x: { input: '4' } } },
        prototype: { answers: { x: { input: '5' } } },
      },
    })
      .replace('"a":', '"__proto__":{"answers":{"x":{"input":"6"}}},"a":')
      .replace('"x":{"input":"1"}', '"x":{"input":"1"},"__proto__":{"input":"7"}');
    // JSON.parse makes __proto__ an own key, as a crafted file would.
    expect(Object.keys(JSON.parse(text).progress)).toContain('__proto__');
    const result = readAnswersFile(text);
    expect(result).toEqual({ ok: true, progress: { a: { answers: { x: { input: '1' } } } } });
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.progress)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.progress['a']!.answers)).toBe(Object.prototype);
    expect(Object.keys(result.progress)).toEqual(['a']);
    expect(Object.keys(result.progress['a']!.answers)).toEqual(['x']);
  });

  it('refuses a file larger than MAX_FILE_BYTES without parsing it', () => {
    expect(readAnswersFile(' '.repeat(MAX_FILE_BYTES + 1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void readAnswersFile(text)));
  });
});

describe('a hand-in', () => {
  const sheet = { title: 'Week 3', due: '2026-12-01', exercises: ['softmax-dz', 'cvx-proof'] };

  it('carries the name, the sheet and the time, and loads back the inputs as before', () => {
    const text = answersFileText(progress, new Date('2026-11-24T10:00:00Z'), sheet, 'Ana Rahimi');
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      saved: '2026-11-24T10:00:00.000Z',
      student: 'Ana Rahimi',
      assignment: sheet,
    });
    expect(parseAnswersFile(text)).toMatchObject({
      ok: true,
      file: { student: 'Ana Rahimi', assignment: sheet },
      unsafeKeys: [],
    });
    expect(readAnswersFile(text)).toMatchObject({
      ok: true,
      progress: { 'softmax-dz': { answers: { dz: { input: 'yhat - y' } } } },
    });
  });

  it('still loads a file saved before names existed, and leaves a blank name out', () => {
    const old = answersFileText(progress, new Date('2026-11-24T10:00:00Z'), sheet);
    expect(JSON.parse(old)).not.toHaveProperty('student');
    const parsed = parseAnswersFile(old);
    expect(parsed.ok && parsed.file.student).toBeUndefined();
    expect(JSON.parse(answersFileText(progress, new Date(), sheet, ' \u200B\t '))).not.toHaveProperty('student');
  });

  it('keeps a name as text: no control or direction characters, spaces collapsed, bounded', () => {
    expect(studentName('  Ana\n\tRahimi ')).toBe('Ana Rahimi');
    expect(studentName('Ana\u202E imihaR')).toBe('Ana imihaR');
    // The zero-width non-joiner is part of Persian spelling.
    expect(studentName('محمد\u200Cعلی')).toBe('محمد\u200Cعلی');
    expect(Array.from(studentName('x'.repeat(500)))).toHaveLength(MAX_STUDENT);
    expect(
      parseAnswersFile(JSON.stringify({ format: 'nn-live-answers', version: 1, student: 'A\u0000B', progress: {} })),
    ).toMatchObject({ ok: true, file: { student: 'A B' } });
    expect(
      parseAnswersFile(
        JSON.stringify({ format: 'nn-live-answers', version: 1, student: { first: 'A' }, progress: {} }),
      ),
    ).toMatchObject({ ok: true, file: { progress: {} } });
  });

  it.each([
    ['Week 3', 'Ana Rahimi', 'week-3-ana-rahimi.json'],
    ['Week 3: Softmax & friends!', ' 40112345 ', 'week-3-softmax-friends-40112345.json'],
    ['../../etc/passwd', 'a/b\\c:d*e?"f<g>|h', 'etc-passwd-a-b-c-d-e-f-g-h.json'],
    ['تمرین ۳', 'آنا رحیمی', 'تمرین-۳-آنا-رحیمی.json'],
    ['', '', 'sheet.json'],
    ['Week 3', '…', 'week-3.json'],
  ])('names the download of %j by %j as %j', (title, name, file) => {
    expect(handInFileName(title, name)).toBe(file);
  });

  it('names every download with safe characters only, at most 206 bytes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        (title, name) => {
          const file = handInFileName(title, name);
          expect(file).toMatch(/^[\p{L}\p{N}\p{M}]([\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?\.json$/u);
          expect(new TextEncoder().encode(file).length).toBeLessThanOrEqual(206);
        },
      ),
    );
  });
});

describe('exercise state', () => {
  const a = { name: 'a', version: V1 };
  const b = { name: 'b', version: V1 };

  it('is solved when every answer is correct, tried when any was checked', () => {
    const record = {
      answers: {
        a: { input: '1', status: 'correct' as const, version: V1 },
        b: { input: '2', status: 'incorrect' as const, version: V1 },
      },
    };
    expect(exerciseState(undefined, [a])).toBe('not-tried');
    expect(exerciseState({ answers: { a: { input: 'typed, never checked' } } }, [a])).toBe('not-tried');
    expect(exerciseState(record, [a, b])).toBe('tried');
    expect(exerciseState(record, [a])).toBe('solved');
    expect(exerciseState({ answers: {}, done: true }, [])).toBe('solved');
  });

  it('counts a verdict only against the version of the answer it was given for', () => {
    const record = { answers: { a: { input: '1', status: 'correct' as const, message: 'Right.', version: V1 } } };
    expect(currentVerdict(record.answers.a, V1)).toEqual({ status: 'correct', message: 'Right.' });
    expect(currentVerdict(record.answers.a, V2)).toEqual({});
    expect(currentVerdict({ input: '1', status: 'correct' }, V1)).toEqual({});
    expect(currentVerdict(undefined, V1)).toEqual({});
    // The author changed the expected value: the old verdict no longer solves the exercise.
    expect(exerciseState(record, [{ name: 'a', version: V2 }])).toBe('not-tried');
    expect(exerciseState(record, [a, { name: 'b', version: V2 }])).toBe('tried');
  });
});

describe('the lesson loader', () => {
  it('looks for saved progress under the key the progress store writes', async () => {
    const { PROGRESS_KEY } = await import('../../src/exercises/progress');
    const { SAVED_PROGRESS_KEY } = await import('../../src/exercises/browser/loader');
    expect(SAVED_PROGRESS_KEY).toBe(PROGRESS_KEY);
  });
});

describe('loading a file over the answers this browser has', () => {
  const stored: Progress = {
    same: { answers: { x: { input: '1', status: 'correct', message: 'Right.', version: V1 } } },
    other: {
      answers: { x: { input: 'newer', status: 'incorrect', message: 'No.', version: V1 }, y: { input: 'kept' } },
    },
    blank: { answers: { x: { input: '  ' } } },
    done: { answers: {}, done: true },
    untouched: { answers: { x: { input: 'mine' } } },
  };
  const loaded: Progress = {
    same: { answers: { x: { input: '1' } } },
    other: { answers: { x: { input: 'older' }, y: { input: 'kept' } } },
    blank: { answers: { x: { input: 'from the file' } } },
    done: { answers: {} },
    fresh: { answers: { x: { input: 'new' } } },
  };

  it('names the exercises whose stored work would be lost or changed', () => {
    const { replaced } = mergeLoaded(stored, loaded);
    // Not `same` (same input), `blank` (nothing typed), `fresh` (nothing stored) or `untouched` (not in the file).
    expect(replaced).toEqual(['other', 'done']);
    expect(mergeLoaded({}, loaded).replaced).toEqual([]);
    expect(
      mergeLoaded(stored, { other: { answers: { x: { input: 'newer' }, y: { input: 'kept' } } } }).replaced,
    ).toEqual([]);
    expect(mergeLoaded(stored, { other: { answers: { x: { input: 'newer' } } } }).replaced).toEqual(['other']);
  });

  it("replaces the file's exercises, keeps the rest, and keeps a verdict only for an unchanged input", () => {
    const { progress } = mergeLoaded(stored, loaded);
    expect(progress).toEqual({
      same: stored['same'],
      other: { answers: { x: { input: 'older' }, y: { input: 'kept' } } },
      blank: { answers: { x: { input: 'from the file' } } },
      done: { answers: {} },
      untouched: stored['untouched'],
      fresh: loaded['fresh'],
    });
  });

  it('asks naming how many exercises, and which, up to three', () => {
    expect(replaceQuestion('week-3-answers.json', ['softmax-dz'])).toBe(
      "This browser already has different answers to 1 exercise in week-3-answers.json: softmax-dz. Loading the file replaces them. Load it? (Cancel keeps this browser's answers.)",
    );
    expect(replaceQuestion('a.json', ['p', 'q', 'r', 's', 't'])).toContain(
      'to 5 exercises in a.json: p, q, r and 2 more.',
    );
    expect(replaceQuestion('a.json', ['p', 'q', 'r'])).toContain('to 3 exercises in a.json: p, q, r.');
  });
});
