import { describe, expect, it } from 'vitest';
import { CellError, compileCell, DISPLAY_NAME, locateRuntimeError, mapColumn } from '../../src/notebook/compile';

/** Runs a compiled body the way a plain (non-async) cell runs: `new Function(...inputs, body)`. */
function run(source: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  const { body } = compileCell(source);
  return new Function(...Object.keys(inputs), body)(...Object.values(inputs)) as Record<string, unknown>;
}

/** The CellError that compiling `source` throws. */
function compileError(source: string): CellError {
  try {
    compileCell(source);
  } catch (error) {
    if (error instanceof CellError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to compile`);
}

describe('compileCell: type stripping and analysis', () => {
  it('strips annotations, casts and type declarations', () => {
    const { js } = compileCell(
      'type Vec = number[]\ninterface P { x: number }\nconst z: Vec = [1, 2] as Vec\nconst n = z.length as number',
    );
    expect(js).not.toMatch(/\bVec\b|\binterface\b|: number|\bas\b/);
    // Sucrase keeps every line on its line.
    expect(js.split('\n')).toHaveLength(4);
  });

  it.each([
    // A cell that defines from other cells' names.
    ['const yhat: number[] = softmax(z)', ['yhat'], ['softmax', 'z']],
    // Type aliases and interfaces define nothing at run time.
    ['type Vec = number[]\nconst v: Vec = [1]', ['v'], []],
    // A generic function: its type parameter is not a reference.
    ['function first<T>(xs: T[]): T { return xs[0]! }', ['first'], []],
    // A type-only reference (`Matrix`) is not a run-time reference.
    ['const m: Matrix = identity(2)', ['m'], ['identity']],
  ])('%j defines %j and references %j', (source, defines, references) => {
    const compiled = compileCell(source);
    expect(compiled.defines).toEqual(defines);
    expect(compiled.references).toEqual(references);
  });

  it.each([
    // A trailing expression is displayed.
    ['const a = 1\na + 1', true],
    // A cell of declarations only displays nothing of its own.
    ['const a = 1', false],
    // A trailing block statement is not an expression.
    ['if (a) { b }', false],
    // An empty cell.
    ['', false],
    // A call is an expression.
    ['console.log(1)', true],
  ])('%j displays: %s', (source, displays) => {
    expect(compileCell(source).displays).toBe(displays);
  });

  it('marks top-level await', () => {
    expect(compileCell('const d: number = await f()').topLevelAwait).toBe(true);
    expect(compileCell('const f = async () => await g()').topLevelAwait).toBe(false);
  });
});

describe('compileCell: the body', () => {
  it.each([
    // The last expression's value travels as the display; the defines travel by name.
    ['const y: number = x * 2\ny + 1', { x: 2 }, { [DISPLAY_NAME]: 5, y: 4 }],
    // Without a trailing expression the display is undefined.
    ['const y = x * 2', { x: 3 }, { [DISPLAY_NAME]: undefined, y: 6 }],
    // Functions and classes are returned too.
    [
      'function double(v: number) { return 2 * v }\ndouble(x)',
      { x: 4 },
      { [DISPLAY_NAME]: 8, double: expect.any(Function) },
    ],
    // A trailing comment does not swallow the generated return.
    ['x * 10 // the scaled value', { x: 5 }, { [DISPLAY_NAME]: 50 }],
    // A trailing expression with a semicolon.
    ['x;', { x: 'text' }, { [DISPLAY_NAME]: 'text' }],
    // A sequence expression displays its last value.
    ['x, x + 1', { x: 1 }, { [DISPLAY_NAME]: 2 }],
  ])('%j returns the expected object', (source, inputs, returned) => {
    expect(run(source, inputs)).toEqual(returned);
  });

  // Fixed (was a bug): a cell ending in a parenthesised expression (the usual way to show an object:
  // `({ a: 1 })`) compiles to `(__cellDisplay = ({ a: 1 });`: compile.ts slices from the
  // expression's start, which acorn puts inside the parentheses, up to the statement's end,
  // after them. The body is not valid JavaScript and `new Function` throws a SyntaxError.
  it.each([
    // An object literal in parentheses.
    ['({ a: 1 })', { [DISPLAY_NAME]: { a: 1 } }],
    // Any parenthesised expression.
    ['(1 + 2)', { [DISPLAY_NAME]: 3 }],
  ])('displays the parenthesised expression %j', (source, returned) => {
    expect(run(source)).toEqual(returned);
  });
});

describe('compileCell: errors', () => {
  it('locates a typo on line 3 on line 3', () => {
    const error = compileError('const a: number = 1\nconst b = 2\nconst c = a +* b');
    expect(error).toBeInstanceOf(CellError);
    expect(error.kind).toBe('syntax');
    expect(error.line).toBe(3);
    // The position lives in the fields, not in an "(3:14)" suffix of the message.
    expect(error.message).not.toMatch(/\(\d+:\d+\)/);
  });

  // Fixed (was a bug): sucrase's `loc.column` is already 1-based (pos 13 → column 14), but syntaxError()
  // adds 1 to it as if it were acorn's 0-based column, so every syntax error that sucrase
  // catches is reported one column to the right.
  it.each([
    // `*` after `+` at column 14 of line 3.
    ['const a: number = 1\nconst b = 2\nconst c = a +* b', 3, 14],
    // The `=` after an empty annotation at column 10 of line 2.
    ['const a = 1\nconst c: = 3', 2, 10],
  ])('locates the sucrase error in %j at line %i, column %i', (source, line, column) => {
    const error = compileError(source);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it.each([
    // Acorn (not sucrase) rejects the redeclaration; its column is in the stripped JS and is
    // mapped back past the removed `: number`.
    ['const a: number = 1, a = 2', 1, 22],
    // The same on a later line.
    ['const ok = 1\nlet b: string = "", b = ""', 2, 21],
  ])('maps the acorn error in %j to line %i, column %i of the TypeScript', (source, line, column) => {
    const error = compileError(source);
    expect(error.message).toMatch(/already been declared/);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it.each([
    // Named imports.
    ["import { softmax } from './ml'\nsoftmax([1])"],
    // Exports.
    ['export const x = 1'],
    // Default exports.
    ['export default 1'],
  ])('rejects %j', (source) => {
    const error = compileError(source);
    expect(error.message).toMatch(/import|export/);
    expect(error.line).toBe(1);
  });

  it('reserves the display name', () => {
    expect(compileError(`const ${DISPLAY_NAME} = 1`).message).toMatch(/reserved/);
  });
});

describe('mapColumn', () => {
  /** The column of `needle` in the JS and in the TS of a compiled source line. */
  function columns(source: string, needle: string, line = 1): { js: string; jsColumn: number; tsColumn: number } {
    const { js } = compileCell(source);
    const jsLine = js.split('\n')[line - 1]!;
    const tsLine = source.split('\n')[line - 1]!;
    return { js, jsColumn: jsLine.indexOf(needle) + 1, tsColumn: tsLine.indexOf(needle) + 1 };
  }

  it.each([
    // After a removed annotation: `foo` is at column 11 in the JS, 19 in the TS.
    ['const x: number = foo.bar', 'foo', 1],
    // After annotated parameters.
    ['function f(a: number, b: string) { return b.length }', 'return', 1],
    // After a removed cast.
    ['const n = (x as number) + y', 'y', 1],
    // On a later line, after a generic call.
    ['const a = 1\nconst m = new Map<string, number>(); m.size', 'm.size', 2],
    // No types: the column is unchanged.
    ['const x = foo.bar', 'foo', 1],
  ])('maps the column of %j in the JS back to the TS', (source, needle, line) => {
    const { js, jsColumn, tsColumn } = columns(source, needle, line);
    expect(jsColumn).toBeGreaterThan(0);
    expect(mapColumn(source, js, line, jsColumn)).toBe(tsColumn);
  });

  it('maps `const x: number = foo.bar` column 11 to column 19', () => {
    // Written out for the reader: the JS is `const x = foo.bar`.
    expect(mapColumn('const x: number = foo.bar', 'const x = foo.bar', 1, 11)).toBe(19);
  });

  it('leaves the column alone on a line that does not exist', () => {
    expect(mapColumn('a', 'a', 5, 3)).toBe(3);
  });
});

describe('locateRuntimeError', () => {
  const source = 'const a = 1\nconst b: number = a.c.d';
  const js = compileCell(source).js;
  // The `c` of `a.c.d` is at column 13 of line 2 of the JS (`const b = a.c.d`) and at column
  // 21 of the TS.
  const jsColumn = js.split('\n')[1]!.indexOf('.c') + 2;

  it.each([
    // A frame in the cell's URL: the wrapper's 2 lines and the body's 'use strict' line are
    // taken off and the column mapped.
    [
      'a frame in the cell',
      { stack: `TypeError: x\n    at eval (cell-softmax.js:5:${jsColumn})\n    at run (worker.js:1:1)` },
      { line: 2, column: 21 },
    ],
    // The first matching frame wins.
    [
      'two frames in the cell',
      { stack: `E\n    at f (cell-softmax.js:4:1)\n    at g (cell-softmax.js:5:1)` },
      { line: 1, column: 1 },
    ],
    // A real Error object works the same way.
    ['an Error', Object.assign(new Error('x'), { stack: 'Error: x\n at cell-softmax.js:4:7' }), { line: 1, column: 7 }],
    // No frame in the cell: nothing is known.
    ['a frame elsewhere', { stack: 'Error\n    at other.js:4:2' }, {}],
    // A URL whose dot is not a dot does not match (the URL is escaped, not a pattern).
    ['a near-miss URL', { stack: 'Error\n    at cell-softmaxXjs:4:2' }, {}],
    // A line inside the wrapper, before the cell's first line.
    ['a wrapper line', { stack: 'Error\n    at cell-softmax.js:2:1' }, {}],
    // A line after the cell's last line.
    ['a line past the end', { stack: 'Error\n    at cell-softmax.js:9:1' }, {}],
    // Not an object at all.
    ['null', null, {}],
    // A thrown string.
    ['a thrown string', 'cell-softmax.js:4:1', {}],
  ])('reads the location from %s', (_name, error, location) => {
    expect(locateRuntimeError(error, 'cell-softmax.js', 2, source, { js })).toEqual(location);
  });
});

describe('compileCell: cells are strict', () => {
  it('refuses an assignment to an undeclared name, instead of making a global other cells would see', () => {
    expect(() => run('leak = 5')).toThrow(ReferenceError);
    expect((globalThis as Record<string, unknown>)['leak']).toBeUndefined();
  });
});
