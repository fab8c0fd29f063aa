import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, type Environment } from '../../src/exercises/expression';

function value(input: string, env: Environment = {}): number {
  const result = parseExpression(input, { variables: Object.keys(env) });
  if (!result.ok) throw new Error(result.error.message);
  return evaluate(result.ast, env);
}

describe('evaluate', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['2^3^2', 512],
    ['-2^2', -4],
    ['(-2)^2', 4],
    ['2^-1', 0.5],
    ['1/2x', 1.5],
    ['exp(0) + log(1) + ln(e)', 2],
    ['sqrt(16) + abs(-3)', 7],
    ['sigma(0)', 0.5],
    ['tanh(0) + sin(0) + cos(0)', 1],
    ['relu(-2) + relu(3)', 3],
    ['max(1, 5, 3) - min(4, 2)', 3],
    ['x²', 9],
    ['x⁻¹', 1 / 3],
  ])('%s = %d', (input, expected) => {
    expect(value(input, { x: 3 })).toBeCloseTo(expected, 14);
  });

  it('computes σ without overflow far from 0', () => {
    expect(value('sigma(-800)')).toBe(0);
    expect(value('sigma(800)')).toBe(1);
    expect(value('sigma(-40)')).toBeGreaterThan(0);
  });

  it('returns NaN or ±∞ for undefined values instead of throwing', () => {
    expect(value('log(-1)')).toBeNaN();
    expect(value('sqrt(-1)')).toBeNaN();
    expect(value('1/0')).toBe(Infinity);
    expect(value('log(0)')).toBe(-Infinity);
    expect(value('0/0')).toBeNaN();
    expect(value('(-8)^(1/3)')).toBeNaN();
    expect(value('relu(0/0)')).toBeNaN();
    expect(value('max(0/0, 1)')).toBeNaN();
    expect(value('1e999')).toBe(Infinity);
  });

  it('gives NaN for a variable without a value', () => {
    const result = parseExpression('x + 1', { variables: ['x'] });
    if (!result.ok) throw new Error(result.error.message);
    expect(evaluate(result.ast, {})).toBeNaN();
    expect(evaluate(result.ast, { y: 1 })).toBeNaN();
  });
});
