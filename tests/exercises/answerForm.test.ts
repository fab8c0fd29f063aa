import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import AnswerField from '../../components/exercises/AnswerField.astro';
import { answersAttribute, answerVersion } from '../../src/exercises/answerForm';
import { publishSpec } from '../../src/exercises/check';
import { nameTex } from '../../src/exercises/expression';
import type { AnswerSpec } from '../../src/exercises/spec';

/** One answer field as the exercise renders it (components/exercises/AnswerField.astro). */
async function answerFormHtml(spec: AnswerSpec, idBase: string): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(AnswerField, { props: { spec, idBase } });
}

const dz: AnswerSpec = {
  name: 'dz',
  label: 'dz =',
  type: 'expression',
  expected: 'yhat - y',
  variables: { yhat: [0.01, 0.99], y: [0, 1] },
};

describe('the answer form', () => {
  it('names the variables in its help as the preview typesets them', async () => {
    const spec: AnswerSpec = {
      ...dz,
      expected: 'alpha * W2 + yhat',
      variables: { alpha: [0, 1], W2: [0, 1], yhat: [0, 1] },
    };
    const html = await answerFormHtml(spec, 'answer-x');
    expect([nameTex('alpha'), nameTex('W2'), nameTex('yhat')]).toEqual(['\\alpha', 'W_2', '\\hat{y}']);
    for (const name of ['alpha', 'W2', 'yhat']) {
      expect(html).toContain(
        katex.renderToString(nameTex(name), { throwOnError: true, strict: 'ignore', trust: false }),
      );
    }
  });

  it('carries the fingerprint of the published spec, which changes when the answer does', async () => {
    const first: AnswerSpec = {
      name: 'p',
      label: 'p =',
      type: 'number',
      expected: 'exp(5) / (exp(5) + exp(2) + exp(-1) + exp(3))',
    };
    const version = answerVersion(publishSpec(dz));
    expect(version).toMatch(/^[0-9a-f]{8}$/);
    expect(await answerFormHtml(dz, 'answer-x')).toContain(`data-answer-version="${version}"`);
    // Same spec, same version, on every build.
    expect(answerVersion(publishSpec({ ...dz }))).toBe(version);
    expect(answersAttribute([dz, first])).toBe(`dz:${version} p:${answerVersion(publishSpec(first))}`);
    // An author fixing the expected value, tolerance or domain makes a new version.
    const changed = [
      { ...dz, expected: 'y - yhat' },
      { ...dz, tolerance: 1e-3 },
      { ...dz, variables: { yhat: [0.01, 0.98], y: [0, 1] } },
    ] satisfies AnswerSpec[];
    for (const spec of changed) expect(answerVersion(publishSpec(spec))).not.toBe(version);
    expect(
      answerVersion(publishSpec({ ...first, expected: 'exp(5) / (exp(5) + exp(2) + exp(-1) + exp(4))' })),
    ).not.toBe(answerVersion(publishSpec(first)));
  });
});
