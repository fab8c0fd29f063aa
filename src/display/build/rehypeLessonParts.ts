/**
 * A lesson's text in parts, one per second-level heading: `<section class="lesson-part">` holds
 * the heading and what follows it, up to the next one. A phone then lays out and paints only the
 * parts near the screen (lesson.css gives them `content-visibility: auto`): a lesson holds 18,000
 * to 32,000 elements, most of them KaTeX's, and styling them all at load blocked the page for
 * seconds on a slow phone. Only lessons are cut (their files live in content/lessons/); what comes
 * before the first heading, and the MDX module's imports and exports, stay where they are.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

const isHeading = (node: RootContent): boolean => node.type === 'element' && node.tagName === 'h2';

type Node = Root | RootContent | ElementContent;

const classes = (node: Node): string[] => {
  const value = node.type === 'element' ? node.properties['className'] : undefined;
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * A part's height on a narrow phone, over- rather than underestimated, until it is first laid out
 * (then the browser remembers the real one: `auto`). Too short a guess would let the page below a
 * part overlap its content while it is not laid out, which hit-testing tools (axe's target size,
 * in Lighthouse) read as controls hidden behind others; too tall only moves the scroll bar.
 * Checked at 320 and 412 px on the six lessons' 71 parts: none is taller than its guess, and the
 * guesses are about twice the real height (median).
 */
export function estimatedHeight(part: Element): number {
  let characters = 0;
  let displays = 0;
  let components = 0;
  const walk = (node: Node): void => {
    if (node.type === 'text') characters += node.value.length;
    if ((node.type as string) === 'mdxJsxFlowElement') components++;
    if (node.type === 'element' && classes(node).includes('katex-display')) displays++;
    // A formula's MathML (for screen readers) and its TeX source take no room on screen.
    if (node.type === 'element' && classes(node).includes('katex-mathml')) return;
    if ('children' in node) for (const child of node.children) walk(child as Node);
  };
  walk(part);
  return Math.round(500 + 1.4 * characters + 150 * displays + 600 * components);
}

export function rehypeLessonParts() {
  return (tree: Root, file: VFile): void => {
    if (!/[\\/]content[\\/]lessons[\\/]/.test(file.path ?? '')) return;
    const children: RootContent[] = [];
    let part: Element | undefined;
    for (const node of tree.children) {
      // An MDX module's own statements (import, export) belong to the module, not to a part.
      if ((node.type as string) === 'mdxjsEsm') children.push(node);
      else if (isHeading(node)) {
        part = {
          type: 'element',
          tagName: 'section',
          properties: { className: ['lesson-part'] },
          children: [node as ElementContent],
        };
        children.push(part);
      } else if (part) part.children.push(node as ElementContent);
      else children.push(node);
    }
    tree.children = children;
    for (const node of children)
      if (node.type === 'element' && classes(node).includes('lesson-part'))
        node.properties['style'] = `contain-intrinsic-block-size: auto ${estimatedHeight(node)}px`;
  };
}
