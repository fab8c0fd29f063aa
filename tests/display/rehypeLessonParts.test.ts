import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { rehypeLessonParts } from '../../src/display/build/rehypeLessonParts';

const el = (tagName: string, text = '') => ({
  type: 'element' as const,
  tagName,
  properties: {},
  children: text ? [{ type: 'text' as const, value: text }] : [],
});

const tree = (): Root => ({
  type: 'root',
  children: [
    { type: 'mdxjsEsm', value: 'import X from "y"' } as unknown as Root['children'][number],
    el('p', 'before any heading'),
    el('h2', 'One'),
    el('p', 'a'),
    el('h3', 'One, sub'),
    el('h2', 'Two'),
    el('p', 'b'),
  ],
});

const shape = (root: Root) =>
  root.children.map((node) =>
    node.type === 'element' && node.tagName === 'section'
      ? ['section', node.children.map((child) => (child.type === 'element' ? child.tagName : child.type))]
      : node.type === 'element'
        ? node.tagName
        : node.type,
  );

describe('a lesson in parts', () => {
  it('puts each second-level heading and what follows it in a part of its own', () => {
    const root = tree();
    rehypeLessonParts()(root, new VFile({ path: '/site/content/lessons/06-softmax.mdx' }));
    expect(shape(root)).toEqual(['mdxjsEsm', 'p', ['section', ['h2', 'p', 'h3']], ['section', ['h2', 'p']]]);
    const part = root.children[2] as { properties: Record<string, unknown> };
    expect(part.properties['className']).toEqual(['lesson-part']);
  });

  it('keeps the module’s imports at the top level, wherever they come', () => {
    const root = tree();
    root.children.push({ type: 'mdxjsEsm', value: 'export const z = 1' } as unknown as Root['children'][number]);
    rehypeLessonParts()(root, new VFile({ path: 'content/lessons/01-x.mdx' }));
    expect(shape(root).at(-1)).toBe('mdxjsEsm');
  });

  it('leaves every other file as it is', () => {
    const root = tree();
    rehypeLessonParts()(root, new VFile({ path: '/site/content/exercises/softmax/softmax-dz.mdx' }));
    expect(root).toEqual(tree());
  });
});
