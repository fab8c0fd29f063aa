import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { estimatedHeight, rehypeLessonParts } from '../../src/display/build/rehypeLessonParts';

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
    expect(part.properties['style']).toMatch(/^contain-intrinsic-block-size: auto \d+px$/);
  });

  it('guesses a part taller for more text, equations and components, and not for a formula’s MathML', () => {
    const part = (...children: ElementContent[]): Element => ({ ...el('section'), children });
    const text = estimatedHeight(part(el('p', 'x'.repeat(1000))));
    expect(text).toBeGreaterThan(estimatedHeight(part(el('p', 'x'.repeat(100)))));
    const display = { ...el('span'), properties: { className: ['katex-display'] } };
    expect(estimatedHeight(part(el('p', 'x'.repeat(1000)), display))).toBeGreaterThan(text);
    const cell = { type: 'mdxJsxFlowElement', name: 'Cell', attributes: [], children: [] } as unknown as ElementContent;
    expect(estimatedHeight(part(el('p', 'x'.repeat(1000)), cell))).toBeGreaterThan(text);
    const mathml = { ...el('span', 'y'.repeat(5000)), properties: { className: ['katex-mathml'] } };
    expect(estimatedHeight(part(el('p', 'x'.repeat(1000)), mathml))).toBe(text);
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
