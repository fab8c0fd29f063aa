import { describe, expect, it } from 'vitest';
import { compileCell } from '../../src/notebook/compile';
import { prelude } from '../../src/notebook/prelude';

/** Runs a cell with the prelude's names it reads, as the worker does. */
function run(source: string): unknown {
  const { body, references } = compileCell(source);
  const names = references.filter((name) => Object.hasOwn(prelude, name));
  return new Function(...names, body)(...names.map((name) => prelude[name]));
}

describe('the prelude cells share', () => {
  it('cannot be changed by one cell for the others: sigmoid.fn stays the logistic function', () => {
    expect(() => run('sigmoid.fn = () => 0')).toThrow(TypeError);
    expect(() => run('activations.relu = sigmoid')).toThrow(TypeError);
    expect(run('sigmoid.fn(0)')).toEqual({ __cellDisplay: 0.5 });
  });

  it('is frozen all the way down', () => {
    for (const value of Object.values(prelude))
      if ((typeof value === 'object' && value !== null) || typeof value === 'function')
        expect(Object.isFrozen(value)).toBe(true);
  });
});
