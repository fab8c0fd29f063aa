/** Assertions shared by the tests of the numeric core. */
import { expect } from 'vitest';

/** Asserts that `run` throws a RangeError with exactly this message. */
export function expectRangeError(run: () => unknown, message: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RangeError);
  expect((caught as RangeError).message).toBe(message);
}

/** Asserts equal lengths and every entry within 10^−digits / 2 of the expected one. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, digits = 10): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) expect(actual[k]).toBeCloseTo(expected[k]!, digits);
}
