import { describe, expect, it } from 'vitest';
import { valueSource, valueToEstree } from '../../../src/notebook/build/mdxJsx';

/** Evaluates the printed source: what a reader of the tree sees must be the value itself. */
const evaluate = (source: string): unknown => new Function(`return (${source})`)();

describe('valueToEstree and valueSource', () => {
  it.each([
    // What JSON cannot carry: a cell may show any of these.
    ['NaN', NaN],
    ['minus zero', -0],
    ['infinities', [Infinity, -Infinity]],
    ['undefined in an array', [1, undefined, 3]],
    // What JSON can: the usual display node.
    ['a display node', { kind: 'vector', values: [0.842, -0.042], cut: [{ what: 'entries', total: 4 }] }],
    ['a string with quotes and a closing tag', 'say "</script>"'],
    // An own property called __proto__, not a prototype.
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}') as unknown],
  ])('keeps %s as it is', (_name, value) => {
    expect(evaluate(valueSource(value))).toEqual(value);
    expect(valueToEstree(value)).toBeTruthy();
  });

  it('writes an own __proto__ property as a computed key, which sets no prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const copy = evaluate(valueSource(value)) as object;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(valueToEstree(value)).toMatchObject({ type: 'ObjectExpression', properties: [{ computed: true }] });
  });

  it('keeps the sign of minus zero in the tree', () => {
    expect(valueToEstree(-0)).toEqual({
      type: 'UnaryExpression',
      operator: '-',
      prefix: true,
      argument: { type: 'Literal', value: 0 },
    });
  });

  it.each([
    ['a function', () => 1],
    ['a Map', new Map()],
    ['a typed array', new Float64Array(2)],
  ])('refuses %s: a component receives plain data', (_name, value) => {
    expect(() => valueToEstree(value)).toThrow(/must be plain data/);
  });
});
