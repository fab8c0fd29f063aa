import { parser } from '@lezer/javascript';
import { describe, expect, it } from 'vitest';
import { callAtCaret, declaredNames, unknownUses } from '../../../src/notebook/browser/cellNames';

const ts = parser.configure({ dialect: 'ts' });
const known = new Set(['softmax', 'Math', 'Plot', 'yhat']);

describe("the editor's reading of a cell", () => {
  it('finds the names a cell reads that nothing declares, and only those', () => {
    const code = [
      'const z: number[] = [1, 2];',
      'const { a, b: [c] } = obj;',
      'const f = (d, i) => d + i + softmx(z) + a + c;',
      'function g(x: Matrix) { return x + yhat }',
      'const o = { q, r: 1 };',
      'Plot.line(z, { x: (d) => d }).plot();',
      'Math.exp(w);',
    ].join('\n');
    const uses = unknownUses(ts.parse(code), code, (name) => known.has(name));
    expect(uses.map((use) => use.name)).toEqual(['obj', 'softmx', 'q', 'w']);
    expect(code.slice(uses[1]!.from, uses[1]!.to)).toBe('softmx');
    expect([...declaredNames(ts.parse(code), code)]).toEqual(['z', 'a', 'c', 'f', 'd', 'i', 'g', 'x', 'o']);
  });

  it('finds the call the caret is in and which argument, through brackets and strings', () => {
    const at = (code: string) => callAtCaret(code.replace('|', ''), code.indexOf('|'));
    expect(at('softmax(|')).toEqual({ name: 'softmax', open: 7, argument: 0 });
    expect(at('matmul(A, [1, 2], "a,(b", |')).toMatchObject({ name: 'matmul', argument: 3 });
    expect(at('Math.exp(x + f(1, 2)|')).toMatchObject({ owner: 'Math', name: 'exp', argument: 0 });
    expect(at('add(f(1|, 2))')).toMatchObject({ name: 'f', argument: 0 });
    expect(at('softmax(z);\nconst y = |')).toBeUndefined();
    expect(at('[1, (2 + |')).toBeUndefined();
  });
});
