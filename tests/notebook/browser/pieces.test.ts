import { describe, expect, it } from 'vitest';
import { pieceOf } from '../../../src/notebook/browser/pieces';
import { tex } from '../../../src/notebook/describe';
import { captureConsole, newLogBook } from '../../../src/notebook/execute';
import { LIMITS } from '../../../src/notebook/limits';
import { matrix } from '../../../src/ml';

describe('pieceOf: "show more" of a cut output, one bounded piece at a time', () => {
  it('gives the characters of a long string after those shown', () => {
    const text = 'a'.repeat(LIMITS.textChars) + 'b'.repeat(LIMITS.textChars) + 'c';
    expect(pieceOf({ value: text }, LIMITS.textChars)).toEqual({
      from: LIMITS.textChars,
      to: 2 * LIMITS.textChars,
      total: text.length,
      what: 'characters',
      text: 'b'.repeat(LIMITS.textChars),
    });
    expect(pieceOf({ value: text }, 2 * LIMITS.textChars)?.text).toBe('c');
  });

  it('gives the TeX source of a tex value', () => {
    expect(pieceOf({ value: tex`\hat y = ${'x'.repeat(10)}` }, 0)?.text).toBe(`\\hat y = ${'x'.repeat(10)}`);
  });

  it('gives entries of a vector, in full precision', () => {
    const piece = pieceOf({ value: Float64Array.from({ length: 2000 }, (_, i) => i / 3) }, 1000);
    expect(piece).toMatchObject({ from: 1000, to: 1500, total: 2000, what: 'entries' });
    expect(piece?.text.split(', ')[0]).toBe(String(1000 / 3));
  });

  it('gives entries of a matrix, one line per row', () => {
    const piece = pieceOf({ value: matrix(3, 2, [1, 2, 3, 4, 5, 6]) }, 1);
    expect(piece?.text).toBe('row 1: 2\nrow 2: 3, 4\nrow 3: 5, 6');
  });

  it('gives rows of a table', () => {
    const piece = pieceOf({ value: Array.from({ length: 100 }, (_, i) => ({ i })) }, 50);
    expect(piece).toMatchObject({ from: 50, to: 100, total: 100, what: 'rows' });
    expect(piece?.text.split('\n')[0]).toBe('{i: 50}');
  });

  it('gives the console lines kept', () => {
    const book = newLogBook();
    const console = captureConsole(book);
    for (let i = 0; i < 1000; i++) console.log(i);
    expect(pieceOf({ logs: book }, 200)).toMatchObject({ from: 200, to: 400, total: 1000, what: 'lines' });
  });

  it('stays within the limit however long the lines are', () => {
    const book = newLogBook();
    for (let i = 0; i < 300; i++) captureConsole(book).log('x'.repeat(100_000));
    expect(pieceOf({ logs: book }, 0)!.text.length).toBeLessThanOrEqual(LIMITS.textChars + 200);
  });

  it('has no pieces for a value that has none, and starts past the end at the end', () => {
    expect(pieceOf({ value: 42 }, 0)).toBeUndefined();
    expect(pieceOf({ value: 'abc' }, 99)).toMatchObject({ from: 3, to: 3, text: '' });
  });
});
