import { describe, expect, it } from 'vitest';
import { compileCell, DISPLAY_NAME } from '../../src/notebook/compile';
import {
  captureConsole,
  cellParameters,
  cellResult,
  cellSourceURL,
  newLogBook,
  shownLogs,
} from '../../src/notebook/execute';
import { LIMITS } from '../../src/notebook/limits';

/** Compiles a cell, runs it with `inputs`, and splits the result. */
function resultOf(source: string, inputs: Record<string, unknown> = {}) {
  const compiled = compileCell(source);
  const returned = new Function(...Object.keys(inputs), compiled.body)(...Object.values(inputs)) as Record<
    string,
    unknown
  >;
  return cellResult(returned, compiled);
}

describe('cellResult', () => {
  it.each<[string, string, Record<string, unknown>, unknown]>([
    // The last expression is shown.
    ['the last expression', 'const p = 0.5\np * 2', {}, { kind: 'number', value: 1 }],
    // A single define without a trailing expression shows that define.
    ['a single define', 'const yhat = [0.25, 0.75]', {}, { kind: 'vector', values: [0.25, 0.75] }],
    // A function-only define shows nothing.
    ['a function define', 'function relu(z: number) { return Math.max(0, z) }', {}, { kind: 'empty' }],
    // An arrow function assigned to a const shows nothing either.
    ['an arrow define', 'const relu = (z: number) => Math.max(0, z)', {}, { kind: 'empty' }],
    // Two defines and no trailing expression: nothing to choose, nothing shown.
    ['two defines', 'const a = 1, b = 2', {}, { kind: 'empty' }],
    // A trailing expression that is undefined shows nothing, even with one define.
    ['a trailing undefined', 'const a = 1\nvoid a', {}, { kind: 'empty' }],
    // A trailing expression wins over a single define.
    ['a trailing expression after a define', 'const a = 1\n"text"', {}, { kind: 'text', text: 'text' }],
  ])('shows %s', (_name, source, inputs, display) => {
    expect(resultOf(source, inputs).display).toEqual(display);
  });

  it('returns the cell’s top-level values without the display', () => {
    const { values } = resultOf('const a = x + 1\nfunction f() {}\na * 10', { x: 1 });
    expect(Object.keys(values).sort()).toEqual(['a', 'f']);
    expect(values['a']).toBe(2);
    expect(DISPLAY_NAME in values).toBe(false);
  });
});

describe('cellParameters', () => {
  it('passes console first, then the available references', () => {
    const compiled = compileCell('console.log(softmax(z), unknownName)');
    expect(cellParameters(compiled, (name) => name === 'softmax' || name === 'z')).toEqual(['console', 'softmax', 'z']);
  });
});

describe('captureConsole', () => {
  it('writes one line per call, inspected, with prefixes for warnings and errors', () => {
    const book = newLogBook();
    const console = captureConsole(book);
    console.log('p =', [0.5, 0.25]);
    console.info({ a: 'x' });
    console.warn('slow');
    console.error(new RangeError('bad'));
    expect(book.lines).toEqual(['p = [0.5, 0.25]', '{a: "x"}', 'warning: slow', 'error: RangeError: bad']);
    expect(shownLogs(book)).toEqual({ logs: book.lines });
  });

  it('keeps a bounded number of lines of a million, and counts them all', () => {
    const book = newLogBook();
    const console = captureConsole(book);
    for (let i = 0; i < 1_000_000; i++) console.log(i);
    expect(book.total).toBe(1_000_000);
    expect(book.lines).toHaveLength(LIMITS.logLinesKept);
    const { logs, logsCut } = shownLogs(book);
    expect(logs).toHaveLength(LIMITS.logLines);
    expect(logsCut).toEqual({ what: 'lines', shown: LIMITS.logLines, total: 1_000_000 });
  });

  it('cuts one enormous line to the characters shown, and says so', () => {
    const book = newLogBook();
    captureConsole(book).log('x'.repeat(5_000_000));
    expect(book.lines[0]).toHaveLength(LIMITS.textChars);
    const { logs, logsCut } = shownLogs(book);
    expect(logs.join('').length).toBeLessThanOrEqual(LIMITS.logChars);
    expect(logsCut).toEqual({ what: 'characters', shown: LIMITS.logChars, total: 5_000_000 });
  });
});

describe('cellSourceURL', () => {
  it.each([
    // Ids made of word characters and dashes are kept.
    ['softmax-four', 'cell-softmax-four.js'],
    // Anything else becomes an underscore, so the URL is safe in a stack-trace pattern.
    ['a.b/c d', 'cell-a_b_c_d.js'],
  ])('names %j %j', (id, url) => {
    expect(cellSourceURL(id)).toBe(url);
  });
});
