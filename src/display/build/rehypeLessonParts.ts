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
  };
}
