import { describe, expect, it } from 'vitest';
import { answerKeyTex, keyNumberTex } from '../../src/exercises/answerKey';

describe('an answer key’s line', () => {
  it('writes numbers to four significant figures, whole numbers exactly', () => {
    expect(keyNumberTex(0.8420335723974581)).toBe('0.8420');
    expect(keyNumberTex(0.0020872)).toBe('0.002087');
    expect(keyNumberTex(3.06e-7)).toBe('3.060 \\times 10^{-7}');
    expect(keyNumberTex(12288)).toBe('12288');
  });

  it('writes each kind of answer as the checker reads its expected value', () => {
    expect(
      answerKeyTex({ name: 's', label: 's', type: 'number', expected: 'exp(5) + exp(2) + exp(-1) + exp(3)' }),
    ).toBe('176.3');
    expect(answerKeyTex({ name: 'v', label: 'v', type: 'vector', expected: '1/4, 3/4' })).toBe(
      '\\left[0.2500,\\ 0.7500\\right]',
    );
    expect(answerKeyTex({ name: 'x', label: 'x', type: 'shape', expected: '(12288, 1)' })).toBe(
      '\\left(12288,\\ 1\\right)',
    );
    expect(
      answerKeyTex({
        name: 'd',
        label: 'd',
        type: 'expression',
        expected: 'yhat - y',
        variables: { yhat: [0, 1], y: [0, 1] },
      }),
    ).toBe('\\hat{y} - y');
  });
});
