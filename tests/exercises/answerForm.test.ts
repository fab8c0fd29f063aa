import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { answerFormHtml } from '../../src/exercises/answerForm';
import { nameTex } from '../../src/exercises/expression';
import type { AnswerSpec } from '../../src/exercises/spec';

const dz: AnswerSpec = { name: 'dz', label: 'dz =', type: 'expression', expected: 'yhat - y', variables: { yhat: [0.01, 0.99], y: [0, 1] } };

describe('the answer form', () => {
  it('names the variables in its help as the preview typesets them', () => {
    const spec: AnswerSpec = { ...dz, expected: 'alpha * W2 + yhat', variables: { alpha: [0, 1], W2: [0, 1], yhat: [0, 1] } };
    const html = answerFormHtml(spec, 'answer-x');
    expect([nameTex('alpha'), nameTex('W2'), nameTex('yhat')]).toEqual(['\\alpha', 'W_2', '\\hat{y}']);
    for (const name of ['alpha', 'W2', 'yhat']) {
      expect(html).toContain(katex.renderToString(nameTex(name), { throwOnError: true, strict: 'ignore', trust: false }));
    }
  });
});
