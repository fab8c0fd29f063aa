// Prints the JavaScript and CSS each built page loads, raw and gzip, from dist/ (run after a build).
// Fonts are left out: KaTeX's load only for the glyphs a page uses, and the browser caches them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const sizes = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).byteLength });
const readAsset = (url) => readFileSync(join(dist, url.replace(/^\//, '')), 'utf8');

const rows = htmlFiles(dist)
  .sort()
  .map((file) => {
    const html = readFileSync(file, 'utf8');
    // Cell sources travel as JSON in script elements: data, not code, counted apart.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
    const inlineScripts = inline.filter((m) => !/application\/json/.test(m[1])).map((m) => m[2]);
    const cellData = sizes(
      inline
        .filter((m) => /application\/json/.test(m[1]))
        .map((m) => m[2])
        .join('\n'),
    );
    const scriptFiles = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => readAsset(m[1]));
    const cssFiles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => readAsset(m[1]));
    const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    const js = sizes([...inlineScripts, ...scriptFiles].join('\n'));
    const css = sizes([...cssFiles, ...inlineCss].join('\n'));
    return {
      page: '/' + relative(dist, file),
      html: sizes(html).gzip,
      jsFiles: scriptFiles.length,
      js: js.gzip,
      jsRaw: js.raw,
      css: css.gzip,
      cssRaw: css.raw,
      data: cellData.gzip,
    };
  });

console.log(
  'page'.padEnd(42),
  'html gz'.padStart(8),
  'js files'.padStart(9),
  'js raw'.padStart(8),
  'js gz'.padStart(7),
  'css raw'.padStart(8),
  'css gz'.padStart(7),
  'cell data gz'.padStart(13),
);
for (const r of rows) {
  console.log(
    r.page.padEnd(42),
    String(r.html).padStart(8),
    String(r.jsFiles).padStart(9),
    String(r.jsRaw).padStart(8),
    String(r.js).padStart(7),
    String(r.cssRaw).padStart(8),
    String(r.css).padStart(7),
    String(r.data).padStart(13),
  );
}
console.log('(bytes; gzip at the default level; html gz includes the cell data; KaTeX fonts not counted)');
