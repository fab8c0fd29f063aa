import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/exercises/check';
import { isExamAnswer } from '../../src/exercises/exam';
import { publishAnswer } from '../../src/exercises/publish';
import type { ExerciseAnswer } from '../../src/exercises/spec';
import { examEdition, solutionsHidden } from '../../src/exercises/visibility';

const answers: ExerciseAnswer[] = [
  { name: 'p', label: 'p =', type: 'number', expected: 'exp(5) / (exp(5) + exp(2))' },
  { name: 'v', label: 'v =', type: 'vector', expected: '1/3, 2/3' },
  { name: 's', label: 's =', type: 'shape', expected: '4, 3' },
  { name: 'dz', label: 'dz =', type: 'expression', expected: 'yhat - y', variables: { yhat: [0.01, 0.99], y: [0, 1] } },
  {
    name: 'chain',
    label: "\\sigma'(z)",
    type: 'steps',
    derive: { of: 'sigma(z)', wrt: 'z' },
    expected: 'sigma(z) * (1 - sigma(z))',
    variables: { z: [-4, 4] },
    milestones: [{ form: 'exp(-z) / (1 + exp(-z))^2', says: 'the quotient' }],
  },
];

describe('the exam edition', () => {
  it('is read from COURSE_EDITION, and refuses a value it does not know', () => {
    expect(examEdition(undefined)).toBe(false);
    expect(examEdition('full')).toBe(false);
    expect(examEdition('exam')).toBe(true);
    expect(() => examEdition('Exam')).toThrow(/COURSE_EDITION must be "full" or "exam"/);
  });

  it('hides the solutions too', () => {
    const before = process.env['COURSE_EDITION'];
    process.env['COURSE_EDITION'] = 'exam';
    try {
      expect(solutionsHidden('show')).toBe(true);
    } finally {
      if (before === undefined) delete process.env['COURSE_EDITION'];
      else process.env['COURSE_EDITION'] = before;
    }
  });

  it('publishes of every answer type only what draws the field', () => {
    for (const spec of answers) {
      const published = publishAnswer(spec, true);
      expect(isExamAnswer(published)).toBe(true);
      expect(Object.keys(published).every((key) => ['exam', 'name', 'label', 'type', 'variables'].includes(key))).toBe(
        true,
      );
      // Nothing of the full build's values: no number of six digits or more.
      expect(JSON.stringify(published)).not.toMatch(/\d\.\d{5}/);
      expect(JSON.stringify(publishAnswer(spec, false))).toMatch(spec.type === 'shape' ? /4, 3/ : /\d\.\d{5}/);
    }
  });

  it('gives an exam answer to the checker nothing to call right', () => {
    const exam = publishAnswer(answers[0]! as Extract<ExerciseAnswer, { type: 'number' }>, true);
    expect(checkAnswer(exam as never, '0.9526').status).not.toBe('correct');
  });
});
