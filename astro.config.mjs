// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkCells from './src/notebook/build/remarkCells.ts';
import { scopeDocsPlugin } from './src/notebook/build/scopeDocsPlugin.ts';
import { oneFileEntriesPlugin } from './src/display/build/oneFileEntries.ts';
import { rehypeLessonParts } from './src/display/build/rehypeLessonParts.ts';

// Astro 7's default Markdown processor (Sätteri) runs no remark/rehype plugins, so the
// unified pipeline is chosen explicitly: math is typeset by KaTeX at build time and the
// browser receives HTML and CSS only.
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  markdown: {
    // Both themes' colours go into CSS variables; global.css picks one with light-dark().
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: false },
    processor: unified({
      // Cells run here, at build time, and their outputs are written into the page.
      remarkPlugins: [remarkMath, remarkCells],
      // throwOnError: a malformed formula fails the build instead of shipping red text.
      // Then a lesson's text is cut into parts at its headings, laid out only near the screen.
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }], rehypeLessonParts],
    }),
  },
  integrations: [mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    // The cell editor's completions and docs, extracted from src/ml when the site is built.
    // A page's own script is one file, without Vite's preload helper (oneFileEntries.ts says why).
    plugins: [scopeDocsPlugin(), oneFileEntriesPlugin()],
    // The cell worker loads its own chunks lazily, which needs an ES-module worker.
    worker: { format: 'es' },
    build: {
      rollupOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" directive that the bundler warns
        // about once per lesson; Astro handles it itself, so the warning is only noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
