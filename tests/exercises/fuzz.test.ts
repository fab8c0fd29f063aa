import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, type Verdict } from '../../src/exercises/check';
import { MAX_INPUT_LENGTH, MAX_NESTING } from '../../src/exercises/expression';
import type { AnswerSpec, StepsAnswer } from '../../src/exercises/spec';
import type { StepsVerdict } from '../../src/exercises/steps';
import { checkStepsAnswer, publishSteps } from '../../src/exercises/stepsSpec';

const SPECS: AnswerSpec[] = [
  { name: 'n', label: 'n', type: 'number', expected: 'exp(5)/(exp(5)+exp(2)+exp(-1)+exp(3))' },
  { name: 'v', label: 'v', type: 'vector', expected: '1, 2, 3' },
  { name: 's', label: 's', type: 'shape', expected: '4, 3' },
  { name: 'e', label: 'e', type: 'expression', expected: 'yhat - y', variables: { yhat: [0.01, 0.99], y: [0, 1] } },
];

/**
 * A guard against hangs and exponential blow-ups, not a speed test (speed is for benchmarks): a
 * warm check takes well under a millisecond, and this limit is wide enough that a loaded CI
 * machine or a garbage collection never trips it (200 ms once did, under a parallel build).
 */
const TIME_LIMIT_MS = 2000;

/** The checker's last resorts: reaching one means something inside threw. */
const FALLBACK_MESSAGES = [
  'this answer could not be checked',
  'this answer could not be read',
  'this derivation could not be checked',
];

// The first call compiles the checker's code; time the warm checker, as a student meets it.
beforeAll(() => {
  for (const spec of SPECS) checkAnswer(spec, '1');
});

function checkedQuickly(spec: AnswerSpec, input: string): Verdict {
  const started = performance.now();
  const verdict = checkAnswer(spec, input);
  const elapsed = performance.now() - started;
  expect(elapsed, `${spec.type} answer ${JSON.stringify(input.slice(0, 80))} took ${elapsed} ms`).toBeLessThan(
    TIME_LIMIT_MS,
  );
  return verdict;
}

/** Every verdict is well-formed: a known status, a message, a position inside the input. */
function expectWellFormed(verdict: Verdict, input: string): void {
  expect(['correct', 'incorrect', 'invalid']).toContain(verdict.status);
  expect(verdict.message.length).toBeGreaterThan(0);
  expect(FALLBACK_MESSAGES).not.toContain(verdict.message);
  if (verdict.position !== undefined) {
    expect(verdict.position.start).toBeGreaterThanOrEqual(0);
    expect(verdict.position.end).toBeLessThanOrEqual(input.length);
    expect(verdict.position.start).toBeLessThanOrEqual(verdict.position.end);
  }
  if (verdict.status === 'invalid')
    expect(verdict.previewTex === undefined || verdict.message.startsWith('expected')).toBe(true);
  else expect(verdict.previewTex).toBeDefined();
}

const property = (input: string) => {
  for (const spec of SPECS) expectWellFormed(checkedQuickly(spec, input), input);
};

/** The language's own pieces, so that most generated answers get deep into the reader. */
const GRAMMAR_TOKENS = [
  'x',
  'y',
  'yhat',
  'ŷ',
  'y\u0302',
  'z1',
  'xy',
  'Y',
  'σ',
  'α',
  'π',
  'e',
  'pi',
  '0',
  '2',
  '0.5',
  '.5',
  '1e-3',
  '1e',
  '2.',
  '1e308',
  '1e999',
  '+',
  '-',
  '−',
  '*',
  '**',
  '·',
  '×',
  '⋅',
  '/',
  '^',
  '²',
  '⁻¹',
  '(',
  ')',
  '[',
  ']',
  ',',
  ' ',
  'exp',
  'exp(',
  'log(',
  'ln(',
  'sqrt(',
  '√',
  'abs(',
  'sigma(',
  'sigmoid(',
  'tanh(',
  'sin(',
  'cos(',
  'max(',
  'min(',
  'relu(',
  'sigm(',
  'f(',
  'toString(',
  'constructor',
  '__proto__',
  'by',
  '=',
  '|',
  '{',
  '$',
  '\\',
  '_',
];

// Hundreds of fast-check runs per test: on a loaded CI machine they can pass Vitest's default 5 s.
describe('fuzzing checkAnswer: nothing a student types throws or hangs', { timeout: 60_000 }, () => {
  it('survives arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), property), { numRuns: 500 });
  });

  it('survives lone surrogates and control characters', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), property), { numRuns: 500 });
  });

  it('survives strings built from the grammar’s tokens', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...GRAMMAR_TOKENS), { maxLength: 60 }).map((parts) => parts.join('')),
        property,
      ),
      { numRuns: 3000 },
    );
  });

  it('survives long strings from the grammar’s tokens, up to and past the length limit', () => {
    const long = fc
      .array(fc.constantFrom(...GRAMMAR_TOKENS), { minLength: 100, maxLength: 260 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(long, property), { numRuns: 200 });
  });

  it.each([
    ['brackets', '('.repeat(MAX_INPUT_LENGTH)],
    ['closed brackets', '('.repeat(250) + 'x' + ')'.repeat(249)],
    ['signs', '-'.repeat(MAX_INPUT_LENGTH - 1) + 'y'],
    ['powers', 'y^'.repeat(249) + 'y'],
    ['calls', 'ln('.repeat(124) + 'y' + ')'.repeat(124)],
    ['a long sum', 'y+'.repeat(249) + 'y'],
    ['a long product without operators', 'y '.repeat(249) + 'y'],
    ['a long name', 'y'.repeat(MAX_INPUT_LENGTH)],
    ['a long name called as a function', 'yhat'.repeat(124) + '(y)'],
    ['a long number', '9'.repeat(MAX_INPUT_LENGTH)],
    ['a long list', '1,'.repeat(249) + '1'],
  ])('answers %s at the limits with a verdict', (_kind, input) => {
    expect(input.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    property(input);
  });

  it('gives deeply nested input a message, not a stack overflow', () => {
    const nested = (inner: string, depth: number) => '('.repeat(depth) + inner + ')'.repeat(depth);
    expect(checkAnswer(SPECS[3]!, nested('y', MAX_NESTING + 1))).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/^nested too deeply/),
    });
    // A number answer may be enclosed in one pair of brackets more (read as a list of one).
    expect(checkAnswer(SPECS[0]!, nested('1', MAX_NESTING + 1))).toMatchObject({ status: 'incorrect' });
    expect(checkAnswer(SPECS[0]!, nested('1', MAX_NESTING + 2))).toMatchObject({
      status: 'invalid',
      message: expect.stringMatching(/^nested too deeply/),
    });
  });

  it('refuses an overlong answer with a message', () => {
    const input = 'y'.repeat(10_000);
    expect(checkedQuickly(SPECS[3]!, input)).toMatchObject({
      status: 'invalid',
      message: `the answer is too long: 10000 characters, at most ${MAX_INPUT_LENGTH}`,
    });
    expect(checkedQuickly(SPECS[2]!, input)).toMatchObject({
      status: 'invalid',
      message: `the answer is too long: 10000 characters, at most ${MAX_INPUT_LENGTH}`,
    });
  });
});

describe('fuzzing a steps answer: no derivation throws or hangs', { timeout: 60_000 }, () => {
  const STEPS: StepsAnswer = {
    name: 'chain',
    label: 'dz',
    type: 'steps',
    derive: { of: '-(y log(a) + (1 - y) log(1 - a))', wrt: 'z' },
    where: { a: 'sigma(z)' },
    expected: 'a - y',
    variables: { z: [-4, 4], y: [0, 1] },
    milestones: [{ form: '(-y/a + (1 - y)/(1 - a)) * a (1 - a)', says: 'the chain rule through a' }],
  };
  const page = publishSteps(STEPS);

  /** Well-formed: a known status and message; each line's verdict in order, pointing inside the text. */
  function expectWellFormedSteps(verdict: StepsVerdict, text: string): void {
    expect(['correct', 'incorrect', 'invalid']).toContain(verdict.status);
    expect(verdict.message.length).toBeGreaterThan(0);
    expect(FALLBACK_MESSAGES).not.toContain(verdict.message);
    expect(verdict.steps).toBeDefined();
    let line = 0;
    for (const step of verdict.steps!) {
      expect(['follows', 'broken', 'invalid']).toContain(step.status);
      expect(step.line).toBeGreaterThan(line);
      line = step.line;
      expect(step.position.start).toBeGreaterThanOrEqual(0);
      expect(step.position.end).toBeLessThanOrEqual(text.length);
      expect(step.position.start).toBeLessThanOrEqual(step.position.end);
      expect(step.previewTex === undefined).toBe(step.status === 'invalid');
    }
    if (verdict.status === 'correct') expect(verdict.steps!.every((step) => step.status === 'follows')).toBe(true);
  }

  const property = (text: string) => {
    for (const spec of [STEPS, page]) {
      const started = performance.now();
      const verdict = checkStepsAnswer(spec, text);
      expect(performance.now() - started).toBeLessThan(TIME_LIMIT_MS);
      expectWellFormedSteps(verdict, text);
    }
  };

  const LINE_TOKENS = [
    ...GRAMMAR_TOKENS,
    'a',
    'z',
    '1 - a',
    'dz',
    '\n',
    '\n',
    '\r\n',
    '\r',
    '=',
    '= ',
    'dz = ',
    "σ'(z) =",
    '\u2028',
  ];

  it('survives arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), property), { numRuns: 300 });
  });

  it('survives text built from the grammar’s tokens, newlines and =', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINE_TOKENS), { maxLength: 120 }).map((parts) => parts.join('')),
        property,
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['forty lines at the length limit', Array.from({ length: 40 }, () => '= ' + 'a+'.repeat(248) + 'a').join('\n')],
    ['forty deeply nested lines', Array.from({ length: 40 }, () => '('.repeat(100) + 'a' + ')'.repeat(100)).join('\n')],
    ['a hundred thousand newlines', '\n'.repeat(100_000)],
    ['the longest text allowed', ('= a - y' + ' '.repeat(493) + '\n\n').repeat(40)],
    ['forty-one lines', 'a - y\n'.repeat(41)],
  ])('answers %s with a verdict', (_kind, text) => {
    property(text);
  });
});
