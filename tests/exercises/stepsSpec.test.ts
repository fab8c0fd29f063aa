import { describe, expect, it } from 'vitest';
import { checkStepsAnswer, publishSteps, validateSteps } from '../../src/exercises/stepsSpec';
import { exerciseSchema, type StepsAnswer } from '../../src/exercises/spec';

const base: StepsAnswer = {
  name: 'chain',
  label: "\\sigma'(z)",
  type: 'steps',
  derive: { of: 'sigma(z)', wrt: 'z' },
  expected: 'sigma(z) * (1 - sigma(z))',
  variables: { z: [-4, 4] },
  milestones: [{ form: 'exp(-z) / (1 + exp(-z))^2', says: 'the quotient' }],
};

describe('a steps answer in an exercise file', () => {
  const file = (answer: Record<string, unknown>) => ({
    id: 'x-steps',
    lesson: 'softmax',
    order: 1,
    title: 'T',
    kind: 'derivation',
    answers: [answer],
  });

  it('is read by the exercise schema', () => {
    expect(exerciseSchema.safeParse(file(base)).success).toBe(true);
    const { derive: _derive, ...withStart } = base;
    expect(
      exerciseSchema.safeParse(file({ ...withStart, start: 'exp(-z) / (1 + exp(-z))^2', where: { s: 'sigma(z)' } }))
        .success,
    ).toBe(true);
  });

  it.each([
    ['both derive and start', { ...base, start: 'z' }, /either derive: \{ of, wrt \} or start:/],
    ['neither', { ...base, derive: undefined }, /either derive: \{ of, wrt \} or start:/],
    ['no expected', { ...base, expected: undefined }, /expected/],
    ['a milestone without its sentence', { ...base, milestones: [{ form: 'z' }] }, /says/],
    ['an unknown key in derive', { ...base, derive: { of: 'z', wrt: 'z', order: 2 } }, /order/],
    ['no variables', { ...base, variables: {} }, /at least one variable/],
  ])('is refused by the schema with %s', (_case, answer, message) => {
    const parsed = exerciseSchema.safeParse(file(answer));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(message);
  });
});

describe('validateSteps: the build fails on a chain that cannot be finished', () => {
  it('accepts a spec whose formulas read and agree', () => {
    expect(validateSteps(base)).toBeNull();
  });

  it.each([
    [
      'derive.of does not read',
      { ...base, derive: { of: 'sigma(z', wrt: 'z' } },
      "answer 'chain': derive.of 'sigma(z' does not read: missing ')' for the '(' at column 6",
    ],
    [
      'wrt is not a variable',
      { ...base, derive: { of: 'sigma(z)', wrt: 'x' } },
      "answer 'chain': derive: 'x' is not one of the variables (z)",
    ],
    [
      'start does not read',
      { ...base, derive: undefined, start: 'z +' },
      "answer 'chain': start 'z +' does not read: something is missing after '+' at column 3",
    ],
    [
      'expected does not read',
      { ...base, expected: 'sigma(y)' },
      /^answer 'chain': expected 'sigma\(y\)' does not read: unknown variable 'y'/,
    ],
    [
      'a milestone does not read',
      { ...base, milestones: [{ form: '(z', says: 's' }] },
      /^answer 'chain': milestone '\(z' does not read/,
    ],
    [
      'a where definition does not read',
      { ...base, where: { a: 'sigma(' } },
      /^answer 'chain': where a: 'sigma\(' does not read/,
    ],
    ['a where name is a variable', { ...base, where: { z: '1' } }, "answer 'chain': where: 'z' is already a variable"],
    [
      'expected is not the derivative',
      { ...base, expected: 'sigma(z)' },
      /^answer 'chain': expected 'sigma\(z\)' is not equal to the derivative of 'sigma\(z\)' with respect to z: at z = \S+ it is \S+, the start is \S+$/,
    ],
    [
      'a milestone is not the start',
      { ...base, milestones: [{ form: 'exp(-z) / (1 + exp(-z))', says: 's' }] },
      /^answer 'chain': milestone 'exp\(-z\) \/ \(1 \+ exp\(-z\)\)' is not equal to the derivative/,
    ],
    [
      'the start is undefined on most of the domain',
      { ...base, derive: undefined, start: 'log(-z^2 - 1)', expected: 'log(-z^2 - 1)', milestones: [] },
      /undefined \(NaN or ±∞\) on most of the variables' domains/,
    ],
  ])('refuses a spec where %s', (_case, spec, message) => {
    const problem = validateSteps(spec as StepsAnswer);
    if (typeof message === 'string') expect(problem).toBe(message);
    else expect(problem).toMatch(message);
    expect(() => publishSteps(spec as StepsAnswer)).toThrow();
    expect(checkStepsAnswer(spec as StepsAnswer, 'z').message).toMatch(/^this exercise's expected answer is broken: /);
  });
});

describe('the published form of a steps answer', () => {
  const dz: StepsAnswer = {
    name: 'dz',
    label: 'dz',
    type: 'steps',
    derive: { of: '-(y log(a) + (1 - y) log(1 - a))', wrt: 'z' },
    where: { a: 'sigma(z)' },
    expected: 'a - y',
    variables: { z: [-4, 4], y: [0, 1] },
    milestones: [{ form: '(-y/a + (1 - y)/(1 - a)) * a (1 - a)', says: 'the chain rule through a' }],
  };

  it('holds values, names and domains, never a formula', () => {
    const json = JSON.stringify(publishSteps(dz));
    for (const formula of ['sigma', 'log', 'a - y', '1 - a']) expect(json).not.toContain(formula);
    const page = JSON.parse(json);
    expect(Object.keys(page).sort()).toEqual([
      'defined',
      'from',
      'label',
      'milestones',
      'name',
      'points',
      'type',
      'variables',
    ]);
    expect(page).toMatchObject({ defined: ['a'], from: 'derivative', variables: { z: [-4, 4], y: [0, 1] } });
    expect(page.points).toHaveLength(24);
    expect(Object.keys(page.points[0].env)).toEqual(['z', 'y', 'a']);
    expect(page.milestones[0]).toMatchObject({
      says: 'the chain rule through a',
      form: { kind: 'product', constant: 1 },
    });
    expect(page.milestones[0].form.parts).toHaveLength(3);
  });

  it('gives the same verdicts as the spec', () => {
    const page = JSON.parse(JSON.stringify(publishSteps(dz)));
    const chains = [
      'dz = (-y/a + (1 - y)/(1 - a)) * a (1 - a)\n= -y (1 - a) + (1 - y) a\n= a - y',
      '(-y/a + (1 - y)/(1 - a)) * a (1 - a)\n= -y (1 - a) + (1 - y) a\n= -y + a',
      'a - y\n\n= -(y - a)',
      'y - a',
      '= (a - y\n= a - y',
      'dz = a = y',
    ];
    for (const chain of chains) expect(checkStepsAnswer(page, chain)).toEqual(checkStepsAnswer(dz, chain));
  });
});
