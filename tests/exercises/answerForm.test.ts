import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import AnswerField from '../../components/exercises/AnswerField.astro';
import { parseHTML } from 'linkedom';
import { answersAttribute, answerVersion, helpKey } from '../../src/exercises/answerForm';
import { publishAnswer } from '../../src/exercises/publish';
import { publishSpec } from '../../src/exercises/check';
import { nameTex } from '../../src/exercises/expression';
import type { AnswerSpec, ExerciseAnswer, StepsAnswer } from '../../src/exercises/spec';
import { checkSteps } from '../../src/exercises/steps';
import type { PublishedStepsAnswer } from '../../src/exercises/stepsSpec';

/** One answer field as the exercise renders it (components/exercises/AnswerField.astro). */
async function answerFormHtml(spec: ExerciseAnswer, idBase: string): Promise<string> {
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

const dsigma: StepsAnswer = {
  name: 'dsigma-steps',
  label: "\\sigma'(z)",
  type: 'steps',
  derive: { of: 'sigma(z)', wrt: 'z' },
  expected: 'sigma(z) * (1 - sigma(z))',
  variables: { z: [-4, 4] },
  milestones: [{ form: '1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))', says: 'Two fractions over one denominator.' }],
};

describe('the field of a derivation in steps', () => {
  it('is a multi-line field in its form, with help, a list for its lines and a copy for print', async () => {
    const { document } = parseHTML(`<body>${await answerFormHtml(dsigma, 'answer-lr')}</body>`);
    const form = document.querySelector('form[data-answer-form="dsigma-steps"]')!;
    expect(form.getAttribute('data-answer-type')).toBe('steps');
    // The field waits in a template inside its box until its part of the page is laid out
    // (answerFields.ts); the box is nothing a screen reader reads.
    const slot = form.querySelector('[data-answer-slot]')!;
    expect(slot.getAttribute('aria-hidden')).toBe('true');
    const template = slot.querySelector('template[data-answer-field]') as unknown as HTMLTemplateElement;
    const field = template.content.querySelector('[data-answer="dsigma-steps"]')!;
    expect(field.tagName).toBe('TEXTAREA');
    expect(field.hasAttribute('data-steps')).toBe(true);
    expect(field.getAttribute('id')).toBe('answer-lr-dsigma-steps');
    expect(form.querySelector(`label[for="answer-lr-dsigma-steps"]`)).not.toBeNull();
    expect(field.getAttribute('aria-describedby')).toBe('answer-lr-dsigma-steps-help answer-lr-dsigma-steps-verdict');
    expect(form.querySelector('#answer-lr-dsigma-steps-help')!.textContent).toMatch(/One step per line.*Ctrl\+Enter/s);
    expect(form.querySelector('[data-steps-lines]')!.hasAttribute('hidden')).toBe(true);
    expect(form.querySelector('[data-steps-print]')).not.toBeNull();
    expect(form.querySelector('[data-answer-verdict][role="status"]')).not.toBeNull();
    // No one-line preview: each line gets its own.
    expect(form.querySelector('[data-answer-preview]')).toBeNull();
  });

  it('publishes values at the sample points, never the formulas, and the page can check with them', async () => {
    const html = await answerFormHtml(dsigma, 'answer-lr');
    const { document } = parseHTML(`<body>${html}</body>`);
    const json = document.querySelector('script[data-answer-spec]')!.textContent!;
    const published = JSON.parse(json) as PublishedStepsAnswer;
    expect(published).toEqual(JSON.parse(JSON.stringify(publishAnswer(dsigma))));
    for (const formula of ['sigma(z) * (1 - sigma(z))', 'exp(-z)/(1 + exp(-z))', '"derive"', '"expected":"']) {
      expect(json).not.toContain(formula);
    }
    expect(published.points.length).toBeGreaterThan(0);
    expect(checkSteps(published, "σ'(z) = exp(-z)/(1 + exp(-z))^2\n= sigma(z) (1 - sigma(z))").status).toBe('correct');
    expect(html).toContain(`data-answer-version="${answerVersion(publishAnswer(dsigma))}"`);
  });

  it('has a version that changes with what the checker uses, milestones included', () => {
    const version = answerVersion(publishAnswer(dsigma));
    expect(answerVersion(publishAnswer({ ...dsigma }))).toBe(version);
    const changed: StepsAnswer[] = [
      { ...dsigma, variables: { z: [-3, 3] } },
      { ...dsigma, milestones: [] },
      { ...dsigma, derive: undefined, start: 'sigma(z) - sigma(z)^2' },
    ];
    for (const spec of changed) expect(answerVersion(publishAnswer(spec))).not.toBe(version);
    expect(answersAttribute([dz, dsigma])).toBe(`dz:${answerVersion(publishSpec(dz))} dsigma-steps:${version}`);
  });

  it('shares its help only with steps fields that take the same names', () => {
    expect(helpKey(dsigma)).toBe('steps:z');
    expect(helpKey({ ...dsigma, where: { a: 'sigma(z)' } })).toBe('steps:z,a');
    expect(helpKey(dsigma)).not.toBe(helpKey({ ...dz, variables: { z: [-4, 4] } }));
  });
});
