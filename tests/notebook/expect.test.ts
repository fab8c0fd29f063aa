import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/ml';
import type { DisplayNode } from '../../src/notebook/describe';
import { contradiction } from '../../src/notebook/expect';

const number = (value: number): DisplayNode => ({ kind: 'number', value });
const vector = (values: number[]): DisplayNode => ({ kind: 'vector', values });

describe('contradiction: numbers at the slide’s rounding', () => {
  it.each<[string, string, DisplayNode]>([
    // 06-softmax: softmax([5, 2, -1, 3]) ≈ [0.842, 0.042, 0.002, 0.114] on the slide.
    ['the softmax slide', '[0.842, 0.042, 0.002, 0.114]', vector(softmax([5, 2, -1, 3]))],
    // The slide rounds Σ e^z = 176.318 to 176.3.
    ['the rounded sum', '176.3', number(176.318)],
    // A value exactly half a unit away still rounds to the written one.
    ['half a unit away', '0.5', number(0.55)],
    // Without brackets, a list is still a list.
    ['a bare list', '1, 2', vector([1, 2])],
    // A typographic minus.
    ['a true minus sign', '\u22121.5', number(-1.5)],
    // A matrix compares row-major.
    ['a matrix', '[1, 0, 0, 1]', { kind: 'matrix', rows: 2, cols: 2, values: [1, 0, 0, 1] }],
    // An integer agrees with a value that rounds to it.
    ['an integer', '3', number(3.4)],
  ])('agrees with %s', (_name, expected, display) => {
    expect(contradiction(expected, display)).toBeNull();
  });

  it.each<[string, string, DisplayNode, string]>([
    // 176.318 rounds to 176.3, not 176.4.
    ['a wrong last digit', '176.4', number(176.318), '[176.318]'],
    // One entry off.
    ['one wrong entry', '[0.842, 0.042, 0.002, 0.115]', vector(softmax([5, 2, -1, 3])), '[0.842, 0.042, 0.002, 0.114]'],
    // Too few values.
    ['a shorter list', '[0.842, 0.042]', vector(softmax([5, 2, -1, 3])), '[0.842, 0.042, 0.002, 0.114]'],
    // Too many values.
    ['a longer list', '[1, 2, 3]', vector([1, 2]), '[1, 2]'],
    // Not numbers at all.
    ['text', '0.5', { kind: 'text', text: '0.5' }, 'a text, not numbers'],
    // Nothing shown.
    ['an empty display', '1', { kind: 'empty' }, 'a empty, not numbers'],
    // NaN agrees with nothing.
    ['NaN', '0', number(NaN), '[NaN]'],
  ])('disagrees with %s', (_name, expected, display, actual) => {
    expect(contradiction(expected, display)).toBe(actual);
  });

  // Fixed (was a bug): decimals() counts the digits after the point and ignores the exponent, so "3.19e-4"
  // gets a tolerance of 0.005 (not 5e-7) and "1e-3" a tolerance of 0.5: wildly wrong values agree.
  it.each<[string, number]>([
    ['3.19e-4', 0.004],
    ['1e-3', 0.4],
  ])('disagrees when %s is written with an exponent and %d is computed', (expected, value) => {
    expect(contradiction(expected, number(value))).not.toBeNull();
  });
});

describe('contradiction: text', () => {
  it.each<[string, DisplayNode, string | null]>([
    // The same text agrees.
    ['sad', { kind: 'text', text: 'sad' }, null],
    // Surrounding spaces in the expectation do not matter.
    ['  sad ', { kind: 'text', text: 'sad' }, null],
    // Inspected data compares by its text.
    ['{a: 1}', { kind: 'data', text: '{a: 1}' }, null],
    // Different text is reported as it was computed.
    ['sad', { kind: 'text', text: 'happy' }, 'happy'],
    // Text against a number: the computed display as JSON.
    ['sad', number(1), '{"kind":"number","value":1}'],
  ])('compares %j with %j', (expected, display, result) => {
    expect(contradiction(expected, display)).toBe(result);
  });
});
