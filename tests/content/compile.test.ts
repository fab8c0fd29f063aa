// Every lesson compiles as the site builds it (MDX, math, cells run at build time), without the
// whole Astro build: a lesson author sees a broken formula, a failing cell, an expected value a
// computation contradicts, or an erratum that is not one, in a second.
import { readdirSync, readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import remarkCells from '../../src/notebook/build/remarkCells';

const dir = new URL('../../content/lessons/', import.meta.url);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.mdx'))
  .sort();

describe.each(files)('%s', (file) => {
  it('compiles with its math typeset and its cells run', async () => {
    const source = readFileSync(new URL(file, dir), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const result = await compile(
      { value: source, path: `content/lessons/${file}` },
      {
        remarkPlugins: [remarkMath, remarkCells],
        rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
      },
    );
    expect(String(result).length).toBeGreaterThan(1000);
  }, 60_000);
});
