import { describe, expect, it } from 'vitest';
import { samplePoints, parseExpression } from '../../src/exercises/expression';
import type { StepsAnswer } from '../../src/exercises/spec';
import { checkSteps, MAX_STEPS, MAX_STEPS_TEXT, type StepsVerdict } from '../../src/exercises/steps';
import { checkStepsAnswer, prepareSteps, type PublishedStepsAnswer } from '../../src/exercises/stepsSpec';

const sigmoid: StepsAnswer = {
  name: 'dsigma-steps',
  label: "\\sigma'(z)",
  type: 'steps',
  derive: { of: 'sigma(z)', wrt: 'z' },
  expected: 'sigma(z) * (1 - sigma(z))',
  variables: { z: [-4, 4] },
  milestones: [
    { form: '-(1 + exp(-z))^(-2) * (-exp(-z))', says: 'the chain rule applied once' },
    { form: '1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))', says: 'two fractions' },
  ],
};

/** The derivation of σ′ in four lines, as the lesson's solution writes it. */
const RIGHT = [
  "σ'(z) = -(1 + exp(-z))^(-2) * (-exp(-z))",
  '= exp(-z) / (1 + exp(-z))^2',
  '= 1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))',
  '= sigma(z) * (1 - sigma(z))',
];

const published = (spec: StepsAnswer): PublishedStepsAnswer => {
  const prepared = prepareSteps(spec);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.published;
};

const check = (lines: readonly string[], spec: StepsAnswer = sigmoid) => checkStepsAnswer(spec, lines.join('\n'));
const statuses = (verdict: StepsVerdict) => verdict.steps?.map((step) => step.status);

/** A number as a message writes it: 0.248, −1.5, 12. */
const NUMBER = '−?\\d+(?:\\.\\d+)?';

describe('a derivation in steps', () => {
  it('follows line by line to the expected result: correct', () => {
    const verdict = check(RIGHT);
    expect(statuses(verdict)).toEqual(['follows', 'follows', 'follows', 'follows']);
    expect(verdict).toMatchObject({ status: 'correct', ending: { line: 4, reachesExpected: true } });
    expect(verdict.steps!.map((step) => step.message)).toEqual([
      'Equals the derivative.',
      'Follows from the line before.',
      'Follows from the line before.',
      'Follows from the line before.',
    ]);
    expect(verdict.steps![0]!.previewTex).toContain('\\exp');
  });

  it('flags a slip in the middle once: the lines after follow from it, and the end is judged on its own', () => {
    // The square dropped in line 2; lines 3 and 4 are right about line 2, so the chain ends at 1 − σ(z).
    const verdict = check([
      RIGHT[0]!,
      '= exp(-z) / (1 + exp(-z))',
      '= sigma(z) exp(-z)',
      '= sigma(z) (1/sigma(z) - 1)',
    ]);
    expect(statuses(verdict)).toEqual(['follows', 'broken', 'follows', 'follows']);
    const slip = verdict.steps![1]!;
    expect(slip.message).toMatch(
      new RegExp(
        `^Does not follow from the line before: at z = ${NUMBER} the line before gives ${NUMBER}, this line gives ${NUMBER}\\.$`,
      ),
    );
    // The counter-example is a real point: the two lines' values there.
    const z = slip.counterexample!.at['z']!;
    const s = 1 / (1 + Math.exp(-z));
    expect(slip.counterexample!.before).toBeCloseTo(s * (1 - s), 12);
    expect(slip.counterexample!.got).toBeCloseTo(Math.exp(-z) * s, 12);
    expect(verdict.status).toBe('incorrect');
    expect(verdict.message).toMatch(
      new RegExp(
        `^Not correct: line 2 does not follow from the line before; your chain ends at line 4, which is not the expected result: at z = ${NUMBER} it gives ${NUMBER}, the expected value is ${NUMBER}\\.$`,
      ),
    );
    expect(verdict.ending).toMatchObject({ line: 4, reachesExpected: false });
    expect(verdict.position).toEqual(slip.position);
  });

  it('flags a slip even when the lines after it return to the right path', () => {
    const verdict = check([RIGHT[0]!, '= exp(-z) / (1 + exp(-z))', RIGHT[2]!, RIGHT[3]!]);
    expect(statuses(verdict)).toEqual(['follows', 'broken', 'broken', 'follows']);
    expect(verdict.message).toBe(
      'Not correct: lines 2 and 3 do not follow from the line before; the chain does end at the expected result.',
    );
  });

  it('flags a first line that is not the derivative', () => {
    const verdict = check(['sigma(z)^2', '= sigma(z) sigma(z)']);
    expect(statuses(verdict)).toEqual(['broken', 'follows']);
    expect(verdict.steps![0]!.message).toMatch(
      new RegExp(
        `^Does not equal the derivative: at z = ${NUMBER} the derivative gives ${NUMBER}, this line gives ${NUMBER}\\.$`,
      ),
    );
    expect(verdict.message).toMatch(
      /^Not correct: line 1 does not equal the derivative; your chain ends at line 2, which is not the expected result/,
    );
  });

  it('says what it can of a wrong line: a lost sign, a factor, an undefined value', () => {
    expect(check([RIGHT[1]!, '= -exp(-z) / (1 + exp(-z))^2']).steps![1]!.message).toMatch(
      /^Does not follow from the line before, a sign is lost: at z = /,
    );
    expect(check([RIGHT[1]!, '= 2exp(-z) / (1 + exp(-z))^2']).steps![1]!.message).toMatch(
      /^Does not follow from the line before, it is 2 times that: at z = /,
    );
    expect(check([RIGHT[1]!, '= log(-1 - z^2)']).steps![1]!.message).toMatch(
      new RegExp(
        `^Does not follow from the line before: at z = ${NUMBER} the line before gives ${NUMBER}, this line is undefined \\(NaN\\)\\.$`,
      ),
    );
  });

  it('accepts lines that are equal however they are written', () => {
    const verdict = check([
      'exp(-z)/(1+exp(-z))^2',
      '= e^(-z) (1 + e^-z)^-2',
      '= 1/(exp(z) + 2 + exp(-z))',
      '= σ(z) − σ(z)²',
      '= sigma(z)(1 - sigma(z))',
    ]);
    expect(statuses(verdict)).toEqual(['follows', 'follows', 'follows', 'follows', 'follows']);
    expect(verdict.status).toBe('correct');
  });

  it('counts a chain correct once every line follows: the last then equals the expected result in value', () => {
    // Values are what is compared, so a chain may stop at any correct form; its form is not checked.
    expect(check(RIGHT.slice(0, 2)).status).toBe('correct');
    expect(check([RIGHT[1]!]).status).toBe('correct');
  });
});

describe('unreadable lines', () => {
  it('gets the parse message and its position in the whole text; the next line compares with the last readable one', () => {
    const lines = [RIGHT[0]!, '= exp(-z / (1 + exp(-z))^2', RIGHT[2]!, RIGHT[3]!];
    const text = lines.join('\n');
    const verdict = checkStepsAnswer(sigmoid, text);
    expect(statuses(verdict)).toEqual(['follows', 'invalid', 'follows', 'follows']);
    const unreadable = verdict.steps![1]!;
    expect(unreadable.message).toBe("missing ')' for the '(' at column 6");
    const lineStart = lines[0]!.length + 1;
    expect(text.slice(unreadable.position.start, unreadable.position.end)).toBe('(');
    expect(unreadable.position.start).toBe(lineStart + 5);
    expect(verdict.steps![2]!.message).toBe('Follows from line 1.');
    expect(verdict).toMatchObject({
      status: 'invalid',
      message: "line 2 could not be read: missing ')' for the '(' at column 6",
      position: unreadable.position,
    });
  });

  it.each([
    ['a label on the first line', ['dz = exp(-z) / (1 + exp(-z))^2'], ['follows']],
    ['a label with a prime and brackets', ['d/dz σ(z) = exp(-z) / (1 + exp(-z))^2'], ['follows']],
    ['a leading =', ['= exp(-z) / (1 + exp(-z))^2', '  =sigma(z)(1-sigma(z))'], ['follows', 'follows']],
  ])('reads %s', (_case, lines, expected) => {
    expect(statuses(check(lines))).toEqual(expected);
  });

  it.each([
    [
      'a label after the first line',
      ['exp(-z) / (1 + exp(-z))^2', 'dz = sigma(z)(1-sigma(z))'],
      /^one step per line: only the first line may start with a name/,
      'dz = '.indexOf('='),
    ],
    [
      'two steps on one line',
      ['= exp(-z) / (1 + exp(-z))^2 = sigma(z)(1-sigma(z))'],
      /^one step per line: the '=' at column 29 starts another step/,
      28,
    ],
    ['an = with nothing after it', ['sigma(z)(1 - sigma(z))', '=  '], /^nothing after '=' at column 1$/, 0],
    ['an unknown name', ['sigma(x)'], /'x'/, 6],
  ])('refuses %s, with its column', (_case, lines, message, column) => {
    const verdict = check(lines);
    const step = verdict.steps!.find((s) => s.status === 'invalid')!;
    expect(step.message).toMatch(message);
    const line = lines[verdict.steps!.indexOf(step)]!;
    const lineStart = lines.slice(0, verdict.steps!.indexOf(step)).reduce((total, l) => total + l.length + 1, 0);
    expect(step.position.start - lineStart, line).toBe(column);
    expect(verdict.status).toBe('invalid');
  });
});

describe('the text of a derivation', () => {
  it('ignores empty lines, and numbers lines as the student sees them (CRLF and CR too)', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['', RIGHT[0], '   ', RIGHT[1], '', '', RIGHT[3], ''].join(newline);
      const verdict = checkStepsAnswer(sigmoid, text);
      expect(verdict.steps!.map((step) => step.line)).toEqual([2, 4, 7]);
      expect(verdict.status).toBe('correct');
      const typed: Record<number, string> = { 2: RIGHT[0]!, 4: RIGHT[1]!, 7: RIGHT[3]! };
      for (const step of verdict.steps!)
        expect(text.slice(step.position.start, step.position.end)).toBe(typed[step.line]);
    }
  });

  it('refuses an empty derivation, too many lines, an overlong line and an overlong text', () => {
    expect(check(['', '  '])).toMatchObject({
      status: 'invalid',
      message: 'empty answer: type the derivation one step per line',
      steps: [],
    });
    const many = Array.from({ length: MAX_STEPS + 1 }, () => '= sigma(z)(1 - sigma(z))');
    expect(check(many)).toMatchObject({
      status: 'invalid',
      message: `at most ${MAX_STEPS} lines, got ${MAX_STEPS + 1}: leave out steps that only rewrite`,
      steps: [],
    });
    expect(statuses(check(many.slice(0, MAX_STEPS)))).toHaveLength(MAX_STEPS);
    const long = check(['= sigma(z)(1 - sigma(z))' + ' + 0'.repeat(200)]);
    expect(long.steps![0]).toMatchObject({
      status: 'invalid',
      message: 'this line is too long: 824 characters, at most 500',
    });
    expect(checkStepsAnswer(sigmoid, 'z'.repeat(MAX_STEPS_TEXT + 1))).toMatchObject({
      status: 'invalid',
      message: `the derivation is too long: ${MAX_STEPS_TEXT + 1} characters, at most ${MAX_STEPS_TEXT}`,
    });
  });
});

describe('milestones', () => {
  it('name the lines that have their form, whichever way the factors are written', () => {
    const verdict = check([...RIGHT, '= sigma(z) * exp(-z) / (1 + exp(-z))']);
    expect(verdict.steps!.map((step) => step.milestone?.says)).toEqual([
      'the chain rule applied once',
      'the chain rule applied once',
      'two fractions',
      undefined,
      'two fractions',
    ]);
    expect(verdict.steps![2]!.milestone!.index).toBe(1);
  });

  it('are recognised on a line that does not follow, too', () => {
    const verdict = check(['sigma(z)^2', '= exp(-z) * (1 + exp(-z))^(-2)']);
    expect(verdict.steps![1]).toMatchObject({ status: 'broken', milestone: { says: 'the chain rule applied once' } });
  });

  it('need the same constant and as many parts', () => {
    const verdict = check([
      '2 exp(-z) / (1 + exp(-z))^2 / 2',
      '= exp(-z) / (1 + exp(-z)) / (1 + exp(-z))',
      '= 4 exp(-z) / (1 + exp(-z))^2 / 4 + 0 z',
    ]);
    expect(verdict.steps!.map((step) => step.milestone?.index)).toEqual([0, 1, undefined]);
  });
});

describe('steps answers that start from an expression, or use names the spec defines', () => {
  const identity: StepsAnswer = {
    name: 'tanh',
    label: '\\tanh(x)',
    type: 'steps',
    start: '2 sigma(2x) - 1',
    expected: 'tanh(x)',
    variables: { x: [-3, 3] },
  };

  it('compare line 1 with the start', () => {
    const chain = [
      '2 sigma(2x) - 1 = 2/(1 + exp(-2x)) - (1 + exp(-2x))/(1 + exp(-2x))',
      '= (1 - exp(-2x)) / (1 + exp(-2x))',
      '= (exp(x) - exp(-x)) / (exp(x) + exp(-x))',
      '= tanh(x)',
    ];
    const verdict = check(chain, identity);
    expect(verdict.status).toBe('correct');
    expect(verdict.steps![0]!.message).toBe('Equals the start.');
    expect(check(['2 sigma(x) - 1'], identity).steps![0]!.message).toMatch(/^Does not equal the start: at x = /);
  });

  it('differentiate through the names `where` defines, and let the lines use them', () => {
    const dz: StepsAnswer = {
      name: 'dz',
      label: 'dz',
      type: 'steps',
      derive: { of: '-(y log(a) + (1 - y) log(1 - a))', wrt: 'z' },
      where: { a: 'sigma(z)' },
      expected: 'a - y',
      variables: { z: [-4, 4], y: [0, 1] },
    };
    const chain = [
      'dz = (-y/a + (1 - y)/(1 - a)) * a (1 - a)',
      '= -y (1 - a) + (1 - y) a',
      '= -y + y a + a - y a',
      '= a - y',
    ];
    expect(check(chain, dz).status).toBe('correct');
    // The derivative sees a = σ(z): treating a as a constant would give 0, not a − y.
    expect(check(['0'], dz).steps![0]!.status).toBe('broken');
    // A counter-example names the variables, not the names defined from them.
    expect(check(['a + y'], dz).steps![0]!.message).toMatch(
      new RegExp(`^Does not equal the derivative: at z = ${NUMBER}, y = ${NUMBER} the derivative gives`),
    );
  });

  it('sample whole numbers for an integer variable, so a counter-example is a real row', () => {
    const index: StepsAnswer = {
      name: 'j',
      label: 'j',
      type: 'steps',
      start: '(c - 1) * 64 * 64 + (r - 1) * 64 + (k - 1) + 1',
      expected: '4096 (c - 1) + 64 (r - 1) + k',
      variables: { r: [1, 64, 'integer'], k: [1, 64, 'integer'], c: [1, 3, 'integer'] },
    };
    const verdict = check(['(c - 1) * 4096 + (r - 1) * 64 + k - 1'], index);
    expect(verdict.steps![0]!.message).toMatch(
      /^Does not equal the start: at r = \d+, k = \d+, c = [123] the start gives \d+, this line gives \d+\.$/,
    );
  });
});

describe('the sample points of a steps answer', () => {
  it('are the same on every call, and are the draws of an expression answer with the same expected and domains', () => {
    const first = published(sigmoid);
    expect(published(sigmoid)).toEqual(first);
    const reference = parseExpression(sigmoid.expected, { variables: ['z'] });
    if (!reference.ok) throw new Error(reference.error.message);
    expect(first.points.map((point) => point.env)).toEqual(
      samplePoints(reference.ast, sigmoid.variables, sigmoid.expected).map((point) => point.env),
    );
    expect(first.points).toHaveLength(24);
  });

  it('are kept only where the start, the expected result and the names defined are all finite', () => {
    const logs: StepsAnswer = {
      name: 'l',
      label: 'l',
      type: 'steps',
      start: 'log(u)',
      where: { u: 'x - 1' },
      expected: 'log(x - 1)',
      variables: { x: [0, 3] },
    };
    const { points } = published(logs);
    expect(points).toHaveLength(24);
    for (const point of points) expect(point.env['x']).toBeGreaterThan(1);
  });
});

describe('checking against the published form', () => {
  it('gives the verdicts of the authored spec, after a trip through JSON', () => {
    const page = JSON.parse(JSON.stringify(published(sigmoid))) as PublishedStepsAnswer;
    const texts = [
      RIGHT.join('\n'),
      [RIGHT[0], '= exp(-z) / (1 + exp(-z))', '= sigma(z) exp(-z)'].join('\n'),
      ['sigma(z)^2', '', '= exp(-z / (1 + exp(-z))^2', '= sigma(z)(1 - sigma(z))'].join('\n'),
      'dz = a\n= b = c',
      '',
    ];
    for (const text of texts) expect(checkSteps(page, text)).toEqual(checkStepsAnswer(sigmoid, text));
  });
});
