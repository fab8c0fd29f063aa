// A lesson's MDX rendered as the site renders it: compiled by MDX with the cell plugin, its
// elements drawn by the components of components/ (Astro's Container API), then serialised by
// hast, so assertions read the same markup whichever serialiser wrote it. Astro's scoped-style
// attributes (data-astro-cid-…) are left out: they are styling, not structure.
import mdxRenderer from '@astrojs/mdx/server.js';
import { evaluate } from '@mdx-js/mdx';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as runtime from 'astro/jsx-runtime';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { lessonComponents } from '../../components/index';
import remarkCells from '../../src/notebook/build/remarkCells';

let container: AstroContainer | undefined;

/** The HTML of `mdx` as lesson `path` (`content/lessons/06-softmax.mdx`), hast-serialised. */
export async function renderLesson(mdx: string, path = 'content/lessons/06-softmax.mdx'): Promise<string> {
  const { default: Content } = await evaluate(
    { path, value: mdx },
    {
      ...(runtime as unknown as Parameters<typeof evaluate>[1]),
      remarkPlugins: [remarkCells],
      elementAttributeNameCase: 'html',
    },
  );
  if (!container) {
    container = await AstroContainer.create();
    container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  }
  const html = await container.renderToString(Content as never, { props: { components: lessonComponents } });
  return unified()
    .use(rehypeStringify)
    .stringify(fromHtml(html.replace(/ data-astro-cid-[\w-]+/g, ''), { fragment: true }));
}
