import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrix } from '../../src/ml';
import { describe as describeValue, inspect, tex } from '../../src/notebook/describe';
import { LIMITS } from '../../src/notebook/limits';
import { plotRecorder } from '../../src/notebook/plot';

const Plot = plotRecorder;
const fromAnotherRealm = (code: string): unknown => vm.runInNewContext(code);

describe('describe: kinds', () => {
  it.each([
    // Nothing to show.
    ['undefined', undefined, { kind: 'empty' }],
    // A number keeps its full value; rounding happens when rendering.
    ['a number', 0.8420335723974581, { kind: 'number', value: 0.8420335723974581 }],
    // A number[] is a vector.
    ['a number[]', [5, 2, -1, 3], { kind: 'vector', values: [5, 2, -1, 3] }],
    // So is a Float64Array.
    ['a Float64Array', Float64Array.from([0.5, 0.25]), { kind: 'vector', values: [0.5, 0.25] }],
    // A number[][] with equal rows is a matrix, row-major.
    [
      'a number[][]',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { kind: 'matrix', rows: 2, cols: 3, values: [1, 2, 3, 4, 5, 6] },
    ],
    // A src/ml Matrix.
    ['a src/ml Matrix', matrix(2, 2, [1, 0, 0, 1]), { kind: 'matrix', rows: 2, cols: 2, values: [1, 0, 0, 1] }],
    // A string is text.
    ['a string', 'hello', { kind: 'text', text: 'hello' }],
    // A plain object is data.
    ['an object', { a: 1, b: [1, 2] }, { kind: 'data', text: '{a: 1, b: [1, 2]}' }],
    // An empty array is neither a vector nor a table.
    ['an empty array', [], { kind: 'data', text: '[]' }],
    // A ragged number[][] is not a matrix.
    ['a ragged number[][]', [[1, 2], [3]], { kind: 'data', text: '[[1, 2], [3]]' }],
    // Booleans and null.
    ['true', true, { kind: 'data', text: 'true' }],
    ['null', null, { kind: 'data', text: 'null' }],
    // A function gets its name, not its source.
    [
      'a function',
      function relu(z: number) {
        return Math.max(0, z);
      },
      { kind: 'data', text: 'ƒ relu(…)' },
    ],
    // A page element cannot be shown, and says so.
    [
      'a DOM-like object',
      { nodeType: 1, nodeName: 'DIV' },
      { kind: 'data', text: 'a page element (DIV): cells cannot show page elements' },
    ],
  ])('describes %s', (_name, value, node) => {
    expect(describeValue(value)).toEqual(node);
  });

  it('describes a circular object without recursing forever', () => {
    const net: Record<string, unknown> = { layers: 2 };
    net['self'] = net;
    expect(describeValue(net)).toEqual({ kind: 'data', text: '{layers: 2, self: [circular]}' });
  });

  it('describes a circular array', () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(describeValue(list)).toEqual({ kind: 'data', text: '[1, [circular]]' });
  });

  it.each([
    // A getter that throws.
    [
      'a throwing getter',
      Object.defineProperty({}, 'boom', {
        enumerable: true,
        get: () => {
          throw new Error('nope');
        },
      }),
    ],
    // A proxy whose every trap throws.
    [
      'a hostile proxy',
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('nope');
          },
          ownKeys: () => {
            throw new Error('nope');
          },
          getPrototypeOf: () => {
            throw new Error('nope');
          },
        },
      ),
    ],
  ])('turns %s into a message instead of throwing', (_name, value) => {
    expect(describeValue(value)).toEqual({ kind: 'text', text: '(this value cannot be shown: nope)' });
  });

  it('never throws on any value', () => {
    fc.assert(
      fc.property(
        fc.anything({ withTypedArray: true, withMap: true, withSet: true, withDate: true, withBigInt: true }),
        (value) => {
          expect(typeof describeValue(value).kind).toBe('string');
        },
      ),
    );
  });
});

describe('describe: objects from another realm (node:vm, as at build time)', () => {
  it.each([
    // A plain object.
    ['({a: 1})', { kind: 'data', text: '{a: 1}' }],
    // An array of plain objects is a table.
    ['[{a: 1}, {a: 2}]', { kind: 'table', columns: ['a'], rows: [[1], [2]] }],
    // An array of numbers is a vector.
    ['[1, 2, 3]', { kind: 'vector', values: [1, 2, 3] }],
    // A typed array is a vector.
    ['Float64Array.from([0.5])', { kind: 'vector', values: [0.5] }],
    // Nested arrays are a matrix.
    ['[[1, 2], [3, 4]]', { kind: 'matrix', rows: 2, cols: 2, values: [1, 2, 3, 4] }],
  ])('describes %s', (code, node) => {
    expect(describeValue(fromAnotherRealm(code))).toEqual(node);
  });

  // Fixed (was a bug): inspect() recognises errors, maps and sets with `instanceof`, which is false for
  // values made in the node:vm context where build-time cells run. `console.log(new Error('e'))`
  // in a cell prints "Error {}" and a Map prints "Map {}": the message and the entries are lost.
  it.each([
    ['new Error("boom")', 'Error: boom'],
    ['new Map([[1, 2]])', 'Map(1) {1 => 2}'],
    ['new Set([1])', 'Set(1) {1}'],
  ])('inspects %s from another realm as %s', (code, text) => {
    expect(inspect(fromAnotherRealm(code))).toBe(text);
  });
});

describe('describe: tex', () => {
  it.each([
    // Numbers are rounded as everywhere else; TeX is written as TeX (the tag reads raw strings).
    ['a number', tex`\hat y = ${0.8420335723974581}`, '\\hat y = 0.842'],
    // Arrays become column vectors.
    ['an array', tex`p = ${[0.8421, 0.1]}`, 'p = \\begin{bmatrix} 0.842 \\\\ 0.1 \\end{bmatrix}'],
    // Typed arrays too.
    ['a typed array', tex`${Float64Array.from([1, 2])}`, '\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}'],
    // A src/ml Matrix becomes a bmatrix with columns.
    ['a matrix', tex`W = ${matrix(2, 2, [1, 2, 3, 4])}`, 'W = \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}'],
    // A tex value nests as it is.
    ['nested tex', tex`a ${tex`b ${1}`} c`, 'a b 1 c'],
    // Anything else is interpolated as a string.
    ['a word', tex`\text{${'sad'}}`, '\\text{sad}'],
  ])('interpolates %s', (_name, value, text) => {
    expect(describeValue(value)).toEqual({ kind: 'tex', tex: text });
  });

  // Fixed (was a bug): the tag builds its TeX from the cooked
  // strings, not `strings.raw`, so a TeX command written as TeX is mangled: `\hat` loses its
  // backslash, `\text`/`\times` start with a tab, `\frac` with a form feed, `\beta`/`\bmatrix`
  // with a backspace, and `\underline` (an invalid escape, cooked undefined) drops the text.
  // Observable's `tex` reads the raw strings.
  it.each([
    ['\\hat', tex`\hat y = ${1}`, '\\hat y = 1'],
    ['\\frac', tex`\frac{1}{${2}}`, '\\frac{1}{2}'],
    ['\\times', tex`${2} \times ${3}`, '2 \\times 3'],
  ])('keeps a TeX command written with one backslash (%s)', (_name, value, text) => {
    expect(describeValue(value)).toEqual({ kind: 'tex', tex: text });
  });

  // Fixed (was a bug): describe() shows a number[][] as a matrix, but the tex tag's texOf() has no
  // case for it and interpolates String([[1, 2], [3, 4]]), i.e. "1,2,3,4".
  it('interpolates a number[][] as a matrix', () => {
    expect(
      describeValue(
        tex`${[
          [1, 2],
          [3, 4],
        ]}`,
      ),
    ).toEqual({ kind: 'tex', tex: '\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}' });
  });
});

describe('describe: tables', () => {
  it('takes the union of the keys as columns, in first-seen order', () => {
    expect(describeValue([{ formula: 'naive', p: 0.5 }, { p: 0.25, note: null }, { extra: [1, 2] }])).toEqual({
      kind: 'table',
      columns: ['formula', 'p', 'note', 'extra'],
      rows: [
        ['naive', 0.5, null, null],
        [null, 0.25, null, null],
        // Nested values are inspected one level deep.
        [null, null, null, '[1, 2]'],
      ],
    });
  });

  it('shows 50 rows and counts the rest', () => {
    const node = describeValue(Array.from({ length: 60 }, (_, i) => ({ i })));
    expect(node).toMatchObject({ kind: 'table', cut: [{ what: 'rows', shown: 50, total: 60 }] });
    expect(node.kind === 'table' && node.rows.length).toBe(50);
    expect(node.kind === 'table' && node.rows[49]).toEqual([49]);
  });

  it('is not a table when one item is not a plain object', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect(describeValue([{ x: 1 }, new Point(2)]).kind).toBe('data');
  });
});

describe('describe: plots', () => {
  it('serialises a recorded Plot call', () => {
    expect(describeValue(Plot['barY']!([3, 4], { y: (d: number) => d }))).toEqual({
      kind: 'plot',
      spec: { call: 'barY', args: [[3, 4], { y: [3, 4] }] },
      notes: [],
    });
  });
});

describe('inspect', () => {
  class Point {
    constructor(readonly x: number) {}
  }

  it.each([
    // A top-level string as it is; nested strings quoted.
    ['a string', 'plain', 'plain'],
    ['a nested string', ['x'], '["x"]'],
    // Negative zero is visible.
    ['-0', -0, '-0'],
    ['a bigint', 12n, '12n'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    // An arrow function without parameters or name.
    ['an anonymous function', [() => 1][0], 'ƒ anonymous()'],
    // A class instance is prefixed with its class.
    ['a class instance', new Point(1), 'Point {x: 1}'],
    // Errors show their name and message.
    ['an error', new RangeError('bad shape'), 'RangeError: bad shape'],
    // Keys that are not identifiers are quoted.
    ['odd keys', { 'a b': 1 }, '{"a b": 1}'],
    ['a Map', new Map([['k', 1]]), 'Map(1) {"k" => 1}'],
    ['a Set', new Set([1, 2]), 'Set(2) {1, 2}'],
    ['a Matrix', matrix(1, 2, [1, 2]), 'Matrix (1,2) [1, 2]'],
    // Depth is bounded at 3.
    ['deep nesting', [[[[[1]]]]], '[[[[…1]]]]'],
    ['deep objects', { a: { b: { c: { d: 1 } } } }, '{a: {b: {c: {…}}}}'],
    // The same object twice is not a cycle.
    [
      'a shared object',
      (() => {
        const o = { v: 1 };
        return [o, o];
      })(),
      '[{v: 1}, {v: 1}]',
    ],
  ])('inspects %s', (_name, value, text) => {
    expect(inspect(value)).toBe(text);
  });

  it('shows the first 20 entries of a long array and counts the rest', () => {
    const text = inspect(Array.from({ length: 100 }, (_, i) => i));
    expect(text).toBe(`[${Array.from({ length: 20 }, (_, i) => i).join(', ')}, … 80 more]`);
  });

  it('shows the first 20 keys of a wide object', () => {
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const text = inspect(wide);
    expect(text).toContain('k19: 19');
    expect(text).not.toContain('k20');
    expect(text.endsWith(', …}')).toBe(true);
  });

  it('shows the first 12 values of a large matrix', () => {
    expect(inspect(matrix(10, 10))).toBe(`Matrix (10,10) [${Array(12).fill(0).join(', ')}, …]`);
  });

  it('stays short for a large nested structure', () => {
    // At most 20 × 20 items of a 100 × 100 array are written out.
    const big = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => ({ a: 1, b: 'x' })));
    expect(inspect(big).length).toBeLessThan(20 * 20 * '{a: 1, b: "x"}, '.length + 1000);
  });
});

describe('describe: outputs stay within LIMITS, and say what was cut', () => {
  it('cuts a string of 134 million characters to its first characters', () => {
    let s = 'x';
    for (let i = 0; i < 27; i++) s += s;
    const node = describeValue(s);
    expect(node).toMatchObject({
      kind: 'text',
      cut: [{ what: 'characters', shown: LIMITS.textChars, total: 2 ** 27 }],
    });
    expect(node.kind === 'text' && node.text.length).toBe(LIMITS.textChars);
  });

  it('shows TeX longer than KaTeX is given as its source, cut, with a note', () => {
    const node = describeValue(tex`${'x'.repeat(300_000)}`);
    expect(node).toMatchObject({ kind: 'text', cut: [{ what: 'characters', total: 300_000 }] });
    expect(node.kind === 'text' && node.note).toMatch(/300,000 characters long; the page typesets at most 2,000/);
  });

  it('keeps the first rows of a table of a million, and the first columns of a wide one', () => {
    const node = describeValue(Array.from({ length: 1_000_000 }, (_, i) => ({ i })));
    expect(node).toMatchObject({ kind: 'table', cut: [{ what: 'rows', shown: LIMITS.tableRows, total: 1_000_000 }] });
    const wide = describeValue([Object.fromEntries(Array.from({ length: 100 }, (_, j) => [`c${j}`, j]))]);
    expect(wide).toMatchObject({ kind: 'table', cut: [{ what: 'columns', shown: LIMITS.tableColumns, total: 100 }] });
    expect(wide.kind === 'table' && wide.rows[0]).toHaveLength(LIMITS.tableColumns);
  });

  it('cuts long table cells and column names', () => {
    const node = describeValue([{ ['k'.repeat(1000)]: 'v'.repeat(1000) }]);
    expect(node.kind === 'table' && node.columns[0]).toHaveLength(LIMITS.tableCellChars);
    expect(node.kind === 'table' && node.rows[0]![0]).toHaveLength(LIMITS.tableCellChars);
  });

  it('keeps the first entries of a vector of a million', () => {
    const node = describeValue(new Float64Array(1_000_000));
    expect(node).toMatchObject({ kind: 'vector', cut: [{ what: 'entries', shown: LIMITS.entries, total: 1_000_000 }] });
    expect(node.kind === 'vector' && node.values).toHaveLength(LIMITS.entries);
  });

  it('keeps whole first rows of a large matrix', () => {
    const node = describeValue(matrix(2000, 300, new Float64Array(600_000)));
    expect(node.kind === 'matrix' && node.values.length).toBe(Math.floor(LIMITS.entries / 300) * 300);
    expect(node).toMatchObject({ kind: 'matrix', rows: 2000, cols: 300, cut: [{ what: 'entries', total: 600_000 }] });
  });

  it('draws the first points of a figure of a million, evaluating accessors on those only', () => {
    let calls = 0;
    const data = Array.from({ length: 1_000_000 }, (_, i) => i);
    const node = describeValue(Plot['dot']!(data, { x: (d: number) => (calls++, d), y: (d: number) => d }).plot());
    expect(node.kind).toBe('plot');
    expect(calls).toBeLessThanOrEqual(LIMITS.plotValues);
    expect(node.kind === 'plot' && node.cut?.[0]).toMatchObject({ what: 'values' });
    expect(JSON.stringify(node).length).toBeLessThan(2_000_000);
  });

  it('describes a deeply nested or very wide object in bounded text', () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const node = describeValue(wide);
    expect(node.kind === 'data' && node.text.length).toBeLessThanOrEqual(LIMITS.textChars);
  });
});
