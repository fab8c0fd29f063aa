import { describe, expect, it } from 'vitest';
import { checkAnswer, publishSpec } from '../../src/exercises/check';
import type { AnswerSpec } from '../../src/exercises/spec';

const dz: AnswerSpec = {
  name: 'dz',
  label: 'dz =',
  type: 'expression',
  expected: 'yhat - y',
  variables: { yhat: [0.01, 0.99], y: [0, 1] },
};
const first: AnswerSpec = {
  name: 'p',
  label: 'p =',
  type: 'number',
  expected: 'exp(5) / (exp(5) + exp(2) + exp(-1) + exp(3))',
};

describe('the spec a page carries', () => {
  it('holds values, not the formula or the arithmetic that gives the answer away', () => {
    const json = JSON.stringify([publishSpec(dz), publishSpec(first)]);
    expect(json).not.toContain('yhat - y');
    expect(json).not.toContain('exp(');
    expect(JSON.parse(json)[0].samples).toHaveLength(24);
  });

  it('gives the same verdicts as the authored spec, after a trip through JSON', () => {
    const published = JSON.parse(JSON.stringify([publishSpec(dz), publishSpec(first)]));
    for (const input of ['yhat - y', '-(y - yhat)', 'yhat + (-1)*y', 'y - yhat', 'yhat*y', 'yhat - (y', 'yhat - z']) {
      expect(checkAnswer(published[0], input)).toEqual(checkAnswer(dz, input));
    }
    for (const input of ['0.842', '0.84', '0.8420', '1/2', 'x']) {
      expect(checkAnswer(published[1], input).status).toBe(checkAnswer(first, input).status);
    }
  });
});
