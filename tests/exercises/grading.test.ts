import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersFileText, MAX_FILE_BYTES } from '../../src/exercises/answersFile';
import { publishSpec } from '../../src/exercises/check';
import {
  deadlineOf,
  gradeFiles,
  type GradeRow,
  type GradedSheet,
  type ProblemRow,
  type SheetAnswers,
  type StudentRow,
} from '../../src/exercises/grading';
import type { Progress } from '../../src/exercises/progress';
import type { AnswerSpec, StepsAnswer } from '../../src/exercises/spec';
import { publishSteps } from '../../src/exercises/stepsSpec';

// Answers of the kind the course's exercises ask for (softmax and shallow networks).
const specs: Record<string, AnswerSpec[]> = {
  'softmax-four': [{ name: 'p', label: 'p_1', type: 'number', expected: 'exp(5)/(exp(5)+exp(2)+exp(-1)+exp(3))' }],
  'softmax-grad': [
    { name: 'dz', label: 'dz', type: 'expression', expected: 'yhat - y', variables: { yhat: [0.01, 0.99], y: [0, 1] } },
    { name: 'v', label: 'v', type: 'vector', expected: '1/2, 2/3' },
  ],
  'nn-shapes': [{ name: 'w1', label: 'W^{[1]}', type: 'shape', expected: '4, 3' }],
  'cvx-proof': [],
};
const answers: SheetAnswers = Object.fromEntries(
  Object.entries(specs).map(([id, list]) => [id, list.map(publishSpec)]),
);
const sheet: GradedSheet = {
  title: 'Week 3',
  due: '2026-12-01',
  exercises: ['softmax-four', 'softmax-grad', 'nn-shapes', 'cvx-proof'],
};
const assignment = { title: sheet.title, due: sheet.due, exercises: [...sheet.exercises] };

const allRight: Progress = {
  'softmax-four': { answers: { p: { input: '0.8421' } } },
  'softmax-grad': { answers: { dz: { input: '-(y - yhat)' }, v: { input: '0.5, 0.6667' } } },
  'nn-shapes': { answers: { w1: { input: '(4, 3)' } } },
  'cvx-proof': { answers: {}, done: true },
};

const handIn = (
  name: string,
  progress: Progress,
  options: { student?: string; saved?: string; assignment?: typeof assignment | null } = {},
) => ({
  name,
  text: answersFileText(
    progress,
    new Date(options.saved ?? '2026-11-30T10:00:00Z'),
    options.assignment === null ? undefined : (options.assignment ?? assignment),
    options.student,
  ),
});

const student = (row: GradeRow | undefined): StudentRow => {
  expect(row?.kind).toBe('student');
  return row as StudentRow;
};
const problem = (row: GradeRow | undefined): ProblemRow => {
  expect(row?.kind).toBe('problem');
  return row as ProblemRow;
};
const scores = (row: StudentRow) => row.exercises.map((exercise) => `${exercise.correct}/${exercise.total}`);

describe('grading hand-ins', () => {
  it('recomputes every verdict and scores one point per answer field', () => {
    const [row] = gradeFiles(sheet, answers, [handIn('week-3-ana.json', allRight, { student: 'Ana Rahimi' })]);
    const ana = student(row);
    expect(ana).toMatchObject({
      student: 'Ana Rahimi',
      nameFrom: 'file',
      file: 'week-3-ana.json',
      handedIn: '2026-11-30T10:00:00.000Z',
      late: false,
      correct: 4,
      total: 4,
    });
    expect(scores(ana)).toEqual(['1/1', '2/2', '1/1', '0/0']);
    expect(ana.exercises[3]).toMatchObject({ id: 'cvx-proof', done: true });
  });

  it('does not trust verdicts a file claims: "correct" on a wrong answer scores nothing', () => {
    const claims: Progress = {
      'softmax-four': { answers: { p: { input: '0.5', status: 'correct', message: 'Correct.', version: '0badc0de' } } },
      'softmax-grad': {
        answers: {
          dz: { input: 'y - yhat', status: 'correct', version: '0badc0de' },
          v: { input: '', status: 'correct', version: '0badc0de' },
        },
      },
    };
    const row = student(gradeFiles(sheet, answers, [handIn('b.json', claims, { student: 'Bob' })])[0]);
    expect(row).toMatchObject({ correct: 0, total: 4 });
    const grad = row.exercises[1]!;
    expect(grad.answers.map((answer) => answer.status)).toEqual(['incorrect', 'unanswered']);
    expect(grad.answers[0]!.message).toMatch(/sign/);
    // The text written into the file is shown, never its verdict.
    expect(row.exercises[0]!.answers[0]).toMatchObject({ input: '0.5', status: 'incorrect' });
  });

  it('grades a derivation in steps as one point, with the steps checker, whatever the file claims', () => {
    const dsigma: StepsAnswer = {
      name: 'dsigma-steps',
      label: "\\sigma'(z)",
      type: 'steps',
      derive: { of: 'sigma(z)', wrt: 'z' },
      expected: 'sigma(z) (1 - sigma(z))',
      variables: { z: [-4, 4] },
    };
    const derivation: GradedSheet = { title: 'Week 2', due: '', exercises: ['lr-sigmoid'] };
    const published: SheetAnswers = { 'lr-sigmoid': [publishSteps(dsigma)] };
    const steps = (input: string, status?: 'correct') => ({
      'lr-sigmoid': { answers: { 'dsigma-steps': { input, ...(status ? { status, version: '0badc0de' } : {}) } } },
    });
    const file = (name: string, progress: Progress) => ({
      name,
      text: answersFileText(
        progress,
        new Date('2026-11-30T10:00:00Z'),
        { ...derivation, exercises: ['lr-sigmoid'] },
        name,
      ),
    });
    const right = [
      'exp(-z) / (1 + exp(-z))^2',
      '= 1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))',
      '= sigma(z) (1 - sigma(z))',
    ];
    // The square dropped in line 2, and the rest consistent with it: claimed correct, scored nothing.
    const slip = ['exp(-z) / (1 + exp(-z))^2', '= exp(-z) / (1 + exp(-z))', '= exp(-z) sigma(z)'];
    const rows = gradeFiles(derivation, published, [
      file('ana', steps(right.join('\n'))),
      file('bob', steps(slip.join('\n'), 'correct')),
    ]).map(student);
    expect(rows.map((row) => `${row.correct}/${row.total}`)).toEqual(['1/1', '0/1']);
    expect(rows[0]!.exercises[0]!.answers[0]).toMatchObject({ status: 'correct' });
    expect(rows[1]!.exercises[0]!.answers[0]).toMatchObject({ status: 'incorrect' });
    expect(rows[1]!.exercises[0]!.answers[0]!.message).toMatch(/line 2 does not follow/);
  });

  it('counts an unreadable answer as not correct, and says why', () => {
    const row = student(
      gradeFiles(sheet, answers, [
        handIn('c.json', { 'nn-shapes': { answers: { w1: { input: '4 by' } } } }, { student: 'Cyrus' }),
      ])[0],
    );
    expect(row.exercises[2]!.answers[0]).toMatchObject({ status: 'invalid' });
    expect(row.correct).toBe(0);
  });

  it('takes the name from the file, else from the file name (files saved before names existed)', () => {
    const rows = gradeFiles(sheet, answers, [
      handIn('week-3-old.json', allRight),
      handIn('x.json', allRight, { student: '  Dara\u202E  Karimi ' }),
    ]);
    expect(student(rows[0])).toMatchObject({ student: 'week-3-old', nameFrom: 'file name', correct: 4 });
    // A right-to-left override could make one name look like another: it is taken out.
    expect(student(rows[1])).toMatchObject({ student: 'Dara Karimi', nameFrom: 'file' });
  });

  it('marks late hand-ins against the end of the due day where the grader is', () => {
    const at = (saved: string, name: string) => handIn(`${name}.json`, allRight, { student: name, saved });
    const files = [
      at('2026-12-01T20:29:59Z', 'on-time'),
      at('2026-12-01T20:30:00Z', 'late'),
      at('2026-12-01T23:00:00Z', 'late-in-tehran'),
    ];
    // Tehran is UTC+3:30: 1 December ends there at 20:30 UTC.
    const tehran = gradeFiles(sheet, answers, files, { utcOffsetMinutes: 210 });
    expect(tehran.map((row) => student(row).late)).toEqual([false, true, true]);
    // In UTC the day ends at midnight.
    expect(gradeFiles(sheet, answers, files).map((row) => student(row).late)).toEqual([false, false, false]);
    expect(deadlineOf('2026-12-01', 210)).toBe(Date.parse('2026-12-01T20:30:00Z'));
    expect(deadlineOf('')).toBeNull();
    // Without a due date nothing is late; with one, a file whose time is unreadable is "unknown".
    expect(student(gradeFiles({ ...sheet, due: '' }, answers, files)[1]).late).toBe(false);
    const noTime = JSON.parse(at('2026-12-01T10:00:00Z', 'n').text);
    noTime.saved = 'yesterday';
    expect(student(gradeFiles(sheet, answers, [{ name: 'n.json', text: JSON.stringify(noTime) }])[0])).toMatchObject({
      handedIn: null,
      late: null,
    });
  });

  it('gives a file for another sheet its own row with the reason', () => {
    const rows = gradeFiles(sheet, answers, [
      handIn('w4.json', allRight, { student: 'E', assignment: { ...assignment, title: 'Week 4' } }),
      handIn('other.json', allRight, {
        student: 'F',
        assignment: { ...assignment, exercises: ['softmax-four', 'nn-backprop'] },
      }),
      handIn('index.json', allRight, { student: 'G', assignment: null }),
      // Another due date is the same sheet (an extension), and so is another order of the ids.
      handIn('moved.json', allRight, {
        student: 'H',
        assignment: { ...assignment, due: '2026-12-08', exercises: [...assignment.exercises].reverse() },
      }),
    ]);
    expect(problem(rows[0]).reason).toBe('This file is for the sheet "Week 4", not "Week 3".');
    expect(problem(rows[1]).reason).toBe(
      'This file is for a sheet of the same title with other exercises: it lacks "softmax-grad", "nn-shapes", "cvx-proof", and it has "nn-backprop" besides.',
    );
    expect(problem(rows[2]).reason).toMatch(/saved outside a problem sheet/);
    expect(student(rows[3]).correct).toBe(4);
  });

  it('gives a second file for a student already graded a problem row naming the first', () => {
    const rows = gradeFiles(sheet, answers, [
      handIn('ana-1.json', allRight, { student: 'Ana Rahimi' }),
      handIn('ana-2.json', {}, { student: 'ana  rahimi' }),
      handIn('week-3-old.json', allRight),
      handIn('week-3-old.json', allRight),
    ]);
    expect(student(rows[0]).student).toBe('Ana Rahimi');
    expect(problem(rows[1])).toEqual({
      kind: 'problem',
      file: 'ana-2.json',
      reason: 'This file is a second one for ana rahimi, who is already graded from ana-1.json; only the first counts.',
    });
    expect(student(rows[2]).student).toBe('week-3-old');
    expect(problem(rows[3]).reason).toMatch(/second one for week-3-old/);
  });

  it.each([
    ['not JSON', 'week 3 answers', /not JSON/],
    ['JSON of something else', '{"name":"Ana","answers":[1,2]}', /not a file of answers/],
    ['an answers file of a newer format', '{"format":"nn-live-answers","version":2,"progress":{}}', /newer version/],
    ['progress that is not an object', '{"format":"nn-live-answers","version":1,"progress":[]}', /holds no answers/],
  ])('gives a malformed file (%s) a problem row and grades the others', (_, text, reason) => {
    const rows = gradeFiles(sheet, answers, [
      { name: 'bad.json', text },
      handIn('ok.json', allRight, { student: 'Ok' }),
    ]);
    expect(problem(rows[0])).toMatchObject({ file: 'bad.json', reason: expect.stringMatching(reason) });
    expect(student(rows[1]).correct).toBe(4);
  });

  it('refuses a file with hostile keys such as __proto__, wherever they are', () => {
    const text = handIn('h.json', allRight, { student: 'Mallory' }).text;
    const variants = [
      text.replace('"progress": {', '"progress": {"__proto__": {"answers": {}},'),
      text.replace('"p": {', '"constructor": {"input": "1"}, "p": {'),
      text.replace('"format":', '"prototype": 1, "format":'),
    ];
    for (const variant of variants) {
      expect(JSON.parse(variant)).toBeTruthy();
      expect(problem(gradeFiles(sheet, answers, [{ name: 'h.json', text: variant }])[0]).reason).toMatch(
        /contains the key "(__proto__|constructor|prototype)"/,
      );
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses a file over 1 MB before reading it, by its size or its text', () => {
    const big = handIn('big.json', allRight, { student: 'Big' });
    expect(problem(gradeFiles(sheet, answers, [{ ...big, size: MAX_FILE_BYTES + 1 }])[0]).reason).toMatch(
      /larger than 1 MB/,
    );
    const padded = big.text.replace('{', `{"padding": "${'x'.repeat(MAX_FILE_BYTES)}",`);
    expect(problem(gradeFiles(sheet, answers, [{ name: 'big.json', text: padded }])[0]).reason).toMatch(
      /larger than 1 MB/,
    );
  });

  it('never throws, whatever the files hold', () => {
    const field = fc.oneof(
      fc.jsonValue(),
      fc.constant({ toString: 1 }),
      fc.constant({ answers: { p: { input: '0.8421' } } }),
    );
    const file = fc.record(
      {
        format: fc.constant('nn-live-answers'),
        version: fc.oneof(fc.constant(1), field),
        saved: field,
        student: field,
        assignment: fc.oneof(fc.constant(assignment), field),
        progress: field,
      },
      { requiredKeys: ['format'] },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            file.map((value) => JSON.stringify(value)),
            fc.string(),
          ),
        ),
        fc.string(),
        (texts, name) => {
          const rows = gradeFiles(
            sheet,
            answers,
            texts.map((text) => ({ name, text })),
          );
          expect(rows).toHaveLength(texts.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
