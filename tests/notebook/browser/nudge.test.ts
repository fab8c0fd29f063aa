import { describe, expect, it } from 'vitest';
import { nudgeNumber } from '../../../src/notebook/browser/nudge';

/** The text after a nudge at the cursor, with the new cursor, or null. */
function nudged(text: string, cursor: number, direction: 1 | -1): [string, number] | null {
  const nudge = nudgeNumber(text, cursor, direction);
  if (nudge === null) return null;
  const { from, to, insert } = nudge.changes;
  return [text.slice(0, from) + insert + text.slice(to), nudge.cursor];
}

describe('nudgeNumber', () => {
  it.each<[string, number, 1 | -1, string, number]>([
    // One unit of the last digit.
    ['0.5', 3, 1, '0.6', 3],
    // Carries, keeping the decimals.
    ['0.9', 3, 1, '1.0', 3],
    // Integers.
    ['3', 1, 1, '4', 1],
    // Negative numbers go up through zero.
    ['-1', 2, 1, '0', 1],
    // And down below it.
    ['0', 0, -1, '-1', 2],
    // Two decimals; no 0.1 + 0.2 noise.
    ['x = 1.25', 8, -1, 'x = 1.24', 8],
    ['0.05', 2, -1, '0.04', 4],
    ['0.1', 3, 1, '0.2', 3],
    // After a binary minus, the sign is a subtraction and stays.
    ['a-1', 3, 1, 'a-2', 3],
    ['f(x)-1', 6, -1, 'f(x)-0', 6],
    // After an operator or bracket, the minus is the number's sign.
    ['f(-1)', 3, 1, 'f(0)', 3],
    ['[1, -1]', 6, 1, '[1, 0]', 5],
    // The number under the cursor, not the first one.
    ['softmax([5, 2, -1, 3])', 12, 1, 'softmax([5, 3, -1, 3])', 13],
    // A cursor at the start or end of a number touches it.
    ['x = 10', 4, 1, 'x = 11', 6],
    ['x = 10', 6, -1, 'x = 9', 5],
  ])('nudges %j at %i by %i to %j', (text, cursor, direction, result, newCursor) => {
    expect(nudged(text, cursor, direction)).toEqual([result, newCursor]);
  });

  it.each<[string, number]>([
    // No number at all.
    ['abc', 1],
    ['', 0],
    // A cursor away from the number.
    ['x = 1', 0],
    ['x = 1 + y', 8],
  ])('returns null for %j with the cursor at %i', (text, cursor) => {
    expect(nudgeNumber(text, cursor, 1)).toBeNull();
  });

  it('gives the same answer when called twice (no state left in the pattern)', () => {
    const first = nudgeNumber('a = 1; b = 22', 12, 1);
    expect(nudgeNumber('a = 1; b = 22', 12, 1)).toEqual(first);
    expect(nudgeNumber('xyz', 1, 1)).toBeNull();
    expect(nudgeNumber('7', 0, 1)).toEqual({ changes: { from: 0, to: 1, insert: '8' }, cursor: 1 });
  });

  // Fixed (was a bug): the pattern has no word boundary, so the digit of an identifier is a "number":
  // nudging at the end of `x1` renames the variable to `x2` (and `1e-3` nudges its exponent).
  it('leaves the digits of an identifier alone', () => {
    expect(nudgeNumber('const x1 = 5', 8, 1)).toBeNull();
  });
});
