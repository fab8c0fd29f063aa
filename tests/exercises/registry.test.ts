import { describe, expect, it } from 'vitest';
import { buildRegistry, type ExerciseEntry } from '../../src/exercises/registry';
import type { ExerciseFrontmatter } from '../../src/exercises/spec';

const lessons = [
  { id: 'softmax', order: 6, title: 'Softmax' },
  { id: 'activations', order: 5, title: 'Activations' },
];

function entry(id: string, data: Partial<ExerciseFrontmatter> = {}): ExerciseEntry {
  return { id, data: { id, lesson: 'softmax', order: 1, title: id, kind: 'derivation', answers: [], ...data } };
}

const accept = () => null;

describe('buildRegistry', () => {
  it('orders by lesson, then by order, and numbers exercises within each lesson', () => {
    const registry = buildRegistry(
      [entry('s2', { order: 5 }), entry('a1', { lesson: 'activations', order: 2 }), entry('s1', { order: 1 })],
      lessons,
      accept,
    );
    expect(registry.map((e) => [e.entry.id, e.number])).toEqual([
      ['a1', '5.1'],
      ['s1', '6.1'],
      ['s2', '6.2'],
    ]);
  });

  it('names every problem at once: unknown lesson, shared place, duplicate answer, unreadable expected value, id mismatch', () => {
    const answer = { name: 'x', label: 'x', type: 'number' as const, expected: '1+' };
    const build = () =>
      buildRegistry(
        [
          entry('a', { lesson: 'nope' }),
          entry('b', { order: 3 }),
          entry('c', { order: 3, answers: [answer, answer] }),
          { id: 'file-name', data: entry('d').data },
        ],
        lessons,
        (spec) => (spec.expected === '1+' ? 'expected value does not parse' : null),
      );
    expect(build).toThrow(/unknown lesson "nope"/);
    expect(build).toThrow(/exercise "c": has order 3 in lesson "softmax", like exercise "b"/);
    expect(build).toThrow(/two answers are named "x"/);
    expect(build).toThrow(/answer "x": expected value does not parse/);
    expect(build).toThrow(/exercise "file-name": id does not match its frontmatter id "d"/);
  });
});
