import { describe, expect, it } from 'vitest';
import { parseMeta } from '../../../src/notebook/build/meta';

describe('parseMeta', () => {
  it.each<[string, Record<string, string | true>]>([
    // The full set of a lesson cell's options.
    [
      'id=softmax expect="[0.842, 0.042]" budget=500 folded hidden',
      { id: 'softmax', expect: '[0.842, 0.042]', budget: '500', folded: true, hidden: true },
    ],
    // Escaped quotes inside a quoted value.
    ['label="say \\"hi\\" twice"', { label: 'say "hi" twice' }],
    // An escaped backslash.
    ['label="a\\\\b"', { label: 'a\\b' }],
    // An empty quoted value.
    ['label=""', { label: '' }],
    // A bare value runs to the next space, = included.
    ['expect=a=b next', { expect: 'a=b', next: true }],
    // Keys with dashes and digits; extra spaces.
    ['  data-x2=1   flag  ', { 'data-x2': '1', flag: true }],
    // Nothing.
    ['', {}],
    // A later value wins.
    ['id=a id=b', { id: 'b' }],
  ])('reads %j', (meta, options) => {
    expect(parseMeta(meta)).toEqual(options);
  });
});
