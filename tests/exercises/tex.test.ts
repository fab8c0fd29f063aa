import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, toTex, type Expr } from '../../src/exercises/expression';

const VARIABLES = ['x', 'y', 'a', 'b', 'z', 'yhat', 'Yhat', 'z1', 'W2', 'x12', 'alpha', 'thetahat', 'dz', 'e'];

function read(input: string): Expr {
  const result = parseExpression(input, { variables: VARIABLES.filter((name) => name !== 'e') });
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

const tex = (input: string) => toTex(read(input));

describe('toTex', () => {
  it.each([
    // Parentheses only where the reading needs them.
    ['a + (b - x)', 'a + b - x'],
    ['a - (b - x)', 'a - \\left(b - x\\right)'],
    ['a - (b + x)', 'a - \\left(b + x\\right)'],
    ['(a + b) * x', '\\left(a + b\\right) \\cdot x'],
    ['a * (b * x)', 'a \\cdot b \\cdot x'],
    ['((x))', 'x'],
    ['-x^2', '-x^{2}'],
    ['(-x)^2', '\\left(-x\\right)^{2}'],
    ['(x^2)^3', '\\left(x^{2}\\right)^{3}'],
    ['x^(2^3)', 'x^{2^{3}}'],
    ['-(a + b)', '-\\left(a + b\\right)'],
    ['-(-x)', '-\\left(-x\\right)'],
    ['a + -b', 'a + \\left(-b\\right)'],
    ['a - -b', 'a - \\left(-b\\right)'],
    ['2 * -3', '2 \\cdot \\left(-3\\right)'],
    ['-a * b', '-a \\cdot b'],
    // \frac for division; its parts need no parentheses.
    ['(a + b) / (x - y)', '\\frac{a + b}{x - y}'],
    ['a / b / x', '\\frac{\\frac{a}{b}}{x}'],
    ['1/2x', '\\frac{1}{2} x'],
    ['(a / b)^2', '\\left(\\frac{a}{b}\\right)^{2}'],
    // \cdot for a typed product, juxtaposition for an implicit one, unless digits would run together.
    ['2*x', '2 \\cdot x'],
    ['2x', '2 x'],
    ['2(y - 1)', '2 \\left(y - 1\\right)'],
    ['x(2)', 'x \\cdot 2'],
    ['2(1/2)', '2 \\cdot \\frac{1}{2}'],
    // Names: hats, subscripts, Greek letters, longer names as one italic word.
    ['yhat - y', '\\hat{y} - y'],
    ['ŷ', '\\hat{y}'],
    ['Yhat', '\\hat{Y}'],
    ['z1 W2', 'z_1 W_2'],
    ['x12', 'x_{12}'],
    ['α', '\\alpha'],
    ['thetahat', '\\hat{\\theta}'],
    ['dz', '\\mathit{dz}'],
    ['pi + e', '\\pi + e'],
    // Functions.
    ['exp(z)', '\\exp\\left(z\\right)'],
    ['log(z) + ln(z)', '\\log\\left(z\\right) + \\ln\\left(z\\right)'],
    ['tanh(z)', '\\tanh\\left(z\\right)'],
    ['sigma(z)', '\\sigma\\left(z\\right)'],
    ['σ(z)^2', '\\sigma\\left(z\\right)^{2}'],
    ['sqrt(x + 1)', '\\sqrt{x + 1}'],
    ['abs(x - y)', '\\left|x - y\\right|'],
    ['relu(z)', '\\operatorname{ReLU}\\left(z\\right)'],
    ['max(0, z)', '\\max\\left(0, z\\right)'],
    // Numbers as typed, tidied.
    ['.5', '0.5'],
    ['2.', '2'],
    ['1e-3', '1 \\times 10^{-3}'],
    ['(1e-3)^2', '\\left(1 \\times 10^{-3}\\right)^{2}'],
  ])('%s → %s', (input, expected) => {
    expect(tex(input)).toBe(expected);
  });

  it('reads back as the same value: the parentheses it drops were not needed', () => {
    // Typeset, then undo the TeX into the answer language and evaluate both.
    const untex = (text: string) =>
      text
        .replace(/\\frac\{/g, '((')
        .replace(/\}\{/g, ')/(')
        .replace(/\\left\(/g, '(')
        .replace(/\\right\)/g, ')')
        .replace(/\\cdot/g, '*')
        .replace(/\^\{/g, '^((')
        .replace(/\}/g, '))');
    for (const input of [
      'a - (b - x)',
      '(a + b) / (x - y) * 2',
      '-(a - b)^2',
      '2^-x^2',
      'a + -b * x',
      '(a / b)^(x - 1)',
      'a - (-(b - x))',
      '1/2x',
    ]) {
      const env = { a: 1.3, b: 0.7, x: 0.4, y: 2.1 };
      const roundTrip = parseExpression(untex(tex(input)), { variables: ['a', 'b', 'x', 'y'] });
      expect(roundTrip.ok, `${input} → ${tex(input)} → ${untex(tex(input))}`).toBe(true);
      if (roundTrip.ok) expect(evaluate(roundTrip.ast, env)).toBeCloseTo(evaluate(read(input), env), 12);
    }
  });

  it('renders in KaTeX without errors, and holds no TeX-active characters a student typed', () => {
    const tokens = [
      'x',
      'y',
      'yhat',
      'ŷ',
      'z1',
      'α',
      '2',
      '.5',
      '1e-3',
      '+',
      '-',
      '−',
      '*',
      '·',
      '/',
      '^',
      '**',
      '(',
      ')',
      '[',
      ']',
      'exp(',
      'sigma(',
      'sqrt(',
      'abs(',
      'max(',
      ',',
      ' ',
      'pi',
      'e',
      '²',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 30 }), (parts) => {
        const result = parseExpression(parts.join(''), { variables: ['x', 'y', 'yhat', 'z1', 'alpha'] });
        if (!result.ok) return;
        const output = toTex(result.ast);
        expect(output).toMatch(/^[A-Za-z0-9 \\{}()^_,.+\-|]*$/);
        expect(() => katex.renderToString(output, { throwOnError: true, trust: false })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
