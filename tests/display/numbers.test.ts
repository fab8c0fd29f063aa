import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatColumn, formatNumber, texNumber } from '../../src/display/numbers';

describe('formatColumn', () => {
  it('writes a column in one notation: all with an exponent once one needs it', () => {
    // The softmax lesson's column: 0.00000602 stood above 3.06e-7.
    expect(formatColumn([0.136, 0.0419, 0.00209, 0.00000602, 3.06e-7, 9.36e-14])).toEqual([
      '1.36e-1',
      '4.19e-2',
      '2.09e-3',
      '6.02e-6',
      '3.06e-7',
      '9.36e-14',
    ]);
    // Whole numbers stay exact.
    expect(formatColumn([-2.5e-8, 0, 1, 1e7, 0.5])).toEqual(['−2.5e-8', '0', '1', '10000000', '5e-1']);
  });

  it('leaves a column without such numbers as formatNumber writes it, and text to the caller', () => {
    expect(formatColumn([0.5, 1, 2, 'tanh', null])).toEqual(['0.5', '1', '2', undefined, undefined]);
    expect(formatColumn([1, 12288, 0.25])).toEqual(['1', '12288', '0.25']);
  });
});

describe('formatNumber', () => {
  it.each([
    // softmax([5, 2, -1, 3])₀ rounds to the slide's three decimals.
    [0.8421, '0.842'],
    // Trailing zeros are dropped.
    [0.25, '0.25'],
    // Σ e^z of the same example, as the lesson prints it.
    [176.318, '176.318'],
    // Small magnitudes keep three significant digits instead of rounding to 0.
    [0.000319, '0.000319'],
    // Integers print whole.
    [12288, '12288'],
    // A true minus sign (U+2212), not a hyphen.
    [-1, '\u22121'],
    // Negative decimals too.
    [-0.5, '\u22120.5'],
    // Rounding up to an integer drops the decimals.
    [0.9999, '1'],
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '\u2212∞'],
    // A large integer still prints whole.
    [1e7, '10000000'],
    // A large non-integer gets three significant digits.
    [12345678.9, '1.23e+7'],
    // A tiny one too, without trailing zeros in the mantissa.
    [1e-7, '1e-7'],
    // Integers beyond 1e15 switch to exponent form.
    [1e20, '1e+20'],
    // Zero.
    [0, '0'],
  ])('formats %d as %s', (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it('never starts with a hyphen-minus', () => {
    fc.assert(fc.property(fc.double(), (x) => !formatNumber(x).startsWith('-')));
  });

  it('rounds to within half a unit of the third decimal for moderate magnitudes', () => {
    // Between 1e-3 and 1e6 the text is toFixed(3) with zeros trimmed.
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expect(Math.abs(Number(formatNumber(x)) - x)).toBeLessThanOrEqual(0.0005 + 1e-9);
      }),
    );
  });
});

describe('texNumber', () => {
  it.each([
    // Same rounding as formatNumber.
    [0.8421, '0.842'],
    // TeX uses the hyphen: it sets the minus itself.
    [-1, '-1'],
    // Exponents become powers of ten.
    [12345678.9, '1.23 \\times 10^{7}'],
    [1e-7, '1 \\times 10^{-7}'],
    [-3.19e-7, '-3.19 \\times 10^{-7}'],
    [NaN, '\\text{NaN}'],
    [Infinity, '\\infty'],
    [-Infinity, '-\\infty'],
  ])('writes %d as %s', (x, tex) => {
    expect(texNumber(x)).toBe(tex);
  });
});
