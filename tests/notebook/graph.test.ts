import { describe, expect, it } from 'vitest';
import { buildGraph, downstream, upstream } from '../../src/notebook/graph';
import type { GraphCell } from '../../src/notebook/graph';

const cell = (id: string, defines: string[] = [], references: string[] = []): GraphCell => ({
  id,
  defines,
  references,
});

describe('buildGraph: run order', () => {
  it.each([
    // Independent cells run in document order.
    ['independent cells', [cell('x'), cell('y'), cell('z')], ['x', 'y', 'z']],
    // A chain written backwards runs forwards.
    [
      'a chain written backwards',
      [cell('c', ['C'], ['B']), cell('b', ['B'], ['A']), cell('a', ['A'])],
      ['a', 'b', 'c'],
    ],
    // Among cells that are ready, document order decides: b before a, c waits for a.
    ['a reader before its definer', [cell('c', [], ['A']), cell('b'), cell('a', ['A'])], ['b', 'a', 'c']],
    // A diamond: a feeds b and c, which both feed d.
    [
      'a diamond',
      [cell('d', [], ['B', 'C']), cell('c', ['C'], ['A']), cell('b', ['B'], ['A']), cell('a', ['A'])],
      ['a', 'c', 'b', 'd'],
    ],
    // Names no cell defines (the prelude's softmax) add no edge.
    ['references to the prelude', [cell('p', ['P'], ['softmax']), cell('q', [], ['P', 'Math'])], ['p', 'q']],
    // A cell reading a name it defines itself does not wait for itself.
    ['a self-reference', [cell('s', ['S'], ['S'])], ['s']],
  ])('orders %s', (_name, cells, order) => {
    const graph = buildGraph(cells);
    expect(graph.order).toEqual(order);
    expect(graph.errors.size).toBe(0);
  });

  it('records who defines what, and the edges both ways', () => {
    const graph = buildGraph([
      cell('a', ['z', 'scale']),
      cell('b', ['p'], ['z', 'softmax']),
      cell('c', [], ['p', 'scale']),
    ]);
    expect(Object.fromEntries(graph.definedBy)).toEqual({ z: 'a', scale: 'a', p: 'b' });
    expect(Object.fromEntries(graph.inputs)).toEqual({ a: [], b: ['a'], c: ['b', 'a'] });
    expect(Object.fromEntries(graph.outputs)).toEqual({ a: ['b', 'c'], b: ['c'], c: [] });
  });
});

describe('buildGraph: errors', () => {
  it('puts a duplicate definition on both cells, and on its reader', () => {
    const graph = buildGraph([cell('a', ['x']), cell('b', ['x']), cell('c', [], ['x']), cell('d', ['y'])]);
    expect(graph.errors.get('a')).toBe(
      "defines 'x', which is defined in 2 cells ('a', 'b'): a name may be defined in one cell only",
    );
    expect(graph.errors.get('b')).toBe(graph.errors.get('a'));
    expect(graph.errors.get('c')).toBe("reads 'x', which is defined in more than one cell");
    // The unrelated cell still runs.
    expect(graph.order).toEqual(['d']);
    expect(graph.definedBy.has('x')).toBe(false);
  });

  it.each([
    // a reads b, b reads a.
    ['a 2-cycle', [cell('a', ['A'], ['B']), cell('b', ['B'], ['A'])], { a: 'a ← b ← a', b: 'b ← a ← b' }],
    // a reads c, c reads b, b reads a.
    [
      'a 3-cycle',
      [cell('a', ['A'], ['C']), cell('b', ['B'], ['A']), cell('c', ['C'], ['B'])],
      { a: 'a ← c ← b ← a', b: 'b ← a ← c ← b', c: 'c ← b ← a ← c' },
    ],
  ])('names %s on each member', (_name, cells, cycles) => {
    const graph = buildGraph([...cells, cell('after', [], ['A']), cell('free', ['F'])]);
    for (const [id, cycle] of Object.entries(cycles)) expect(graph.errors.get(id)).toBe(`is part of a cycle: ${cycle}`);
    // A reader of a cycle cannot run either; an unrelated cell can.
    expect(graph.errors.get('after')).toBe('depends on a cell in a cycle');
    expect(graph.order).toEqual(['free']);
  });

  // Fixed (was a bug): describeCycle follows the first input at each step without backtracking. Here a's
  // first input is c, which sits on its own cycle with d, so a's message names "a ← c ← d",
  // a path that never returns to a, instead of its cycle with b.
  it('names the cycle a cell is on when its first input leads into another cycle', () => {
    const graph = buildGraph([
      cell('a', ['A'], ['C', 'B']),
      cell('b', ['B'], ['A']),
      cell('c', ['C'], ['D']),
      cell('d', ['D'], ['C']),
    ]);
    expect(graph.errors.get('a')).toBe('is part of a cycle: a ← b ← a');
  });

  it('blocks everything downstream of an error, transitively, and nothing else', () => {
    const graph = buildGraph([
      cell('a', ['x', 'w']),
      cell('dup', ['x']),
      cell('b', ['v'], ['w']),
      cell('c', [], ['v']),
      cell('free', ['F']),
      cell('reader', [], ['F']),
    ]);
    expect(graph.errors.get('b')).toBe("depends on cell 'a', which has an error");
    expect(graph.errors.get('c')).toBe("depends on cell 'b', which has an error");
    expect(graph.order).toEqual(['free', 'reader']);
  });
});

describe('downstream and upstream', () => {
  // a → b → c, a → c, d alone, and a diamond e → f, e → g, f + g → h.
  const graph = buildGraph([
    cell('a', ['A']),
    cell('b', ['B'], ['A']),
    cell('c', [], ['B', 'A']),
    cell('d', ['D']),
    cell('e', ['E']),
    cell('f', ['F'], ['E']),
    cell('g', ['G'], ['E']),
    cell('h', [], ['F', 'G']),
  ]);

  it.each([
    // The head of a chain reaches the whole chain.
    ['a', ['a', 'b', 'c']],
    // The middle reaches only what follows.
    ['b', ['b', 'c']],
    // A sink is only itself.
    ['c', ['c']],
    // A lone cell is only itself.
    ['d', ['d']],
    // One arm of the diamond reaches the join, not the other arm.
    ['f', ['f', 'h']],
    // The diamond's top reaches all of it.
    ['e', ['e', 'f', 'g', 'h']],
  ])('downstream of %s is %j', (id, cells) => {
    expect(downstream(graph, id)).toEqual(cells);
  });

  it.each([
    // A source has no inputs.
    ['a', []],
    // Transitive inputs, in run order.
    ['c', ['a', 'b']],
    // The join of the diamond needs all three others.
    ['h', ['e', 'f', 'g']],
    // One arm needs only the top.
    ['g', ['e']],
  ])('upstream of %s is %j', (id, cells) => {
    expect(upstream(graph, id)).toEqual(cells);
  });
});
