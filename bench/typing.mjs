// Benchmark of typing in a cell's editor with its help on (completion, hover docs, parameter
// hints, the underline of unknown names; src/notebook/browser/assist.ts): per keystroke, the time
// the page takes to handle the key, and until the next frame; and any long task (> 50 ms) while
// typing, which a student would feel. Also the editor chunk's gzip size.
// Run after `npm run build`:  node bench/typing.mjs   (prints figures; asserts nothing)
import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const dist = new URL('../dist/', import.meta.url);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const fmt = (ms) => `${ms.toFixed(2)} ms`;

const assets = readdirSync(new URL('_astro/', dist)).filter((f) => f.endsWith('.js'));
const gz = (prefix) => {
  const file = assets.find((f) => f.startsWith(prefix));
  return file ? gzipSync(readFileSync(new URL(`_astro/${file}`, dist))).byteLength : 0;
};
console.log(
  `typing: the editor chunk (CodeMirror) is ${gz('editor.')} bytes gzip; its help, loaded with it (assist.ts, the scope docs, the closest-name search), ${gz('assist.') + gz('closest.')} bytes gzip`,
);

// 1. The help's own work per keystroke, in Node (no page, so the machine's other load matters
// less): the completion source, the parameter hint's state update and the unknown-name pass,
// for each prefix of a line typed at the end of the softmax lesson's longest cell.
const resolved = '\0virtual:nn-scope-docs';
const vite = await createServer({
  server: { middlewareMode: true },
  appType: 'custom',
  logLevel: 'silent',
  plugins: [
    {
      name: 'bench-scope-docs',
      resolveId: (id) => (id === 'virtual:nn-scope-docs' ? resolved : undefined),
      load: async (id) => {
        if (id !== resolved) return undefined;
        const { extractScopeDocs } = await vite.ssrLoadModule('/src/notebook/build/scopeDocs.ts');
        return `export default ${JSON.stringify(extractScopeDocs())};`;
      },
    },
  ],
});
{
  const assist = await vite.ssrLoadModule('/src/notebook/browser/assist.ts');
  const { EditorState } = await import('@codemirror/state');
  const { javascript } = await import('@codemirror/lang-javascript');
  const { CompletionContext } = await import('@codemirror/autocomplete');
  const source = readFileSync(new URL('../content/lessons/06-softmax.mdx', import.meta.url), 'utf8');
  const longest = [...source.matchAll(/```ts cell [^\n]*\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .sort((a, b) => b.length - a.length)[0];
  const lesson = [{ name: 'yhat', doc: "Defined in the cell 'Softmax of four scores'." }];
  const complete = assist.completionSource({ lessonNames: () => lesson });
  const line = 'const p = softmax(matmul(W, x)).map((v) => Math.exp(v) + wrng);';
  let state = EditorState.create({
    doc: longest + '\n',
    extensions: [javascript({ typescript: true }), assist.parameterHint],
  });
  const perKey = { completion: [], hint: [], underline: [] };
  for (const key of line) {
    const at = state.doc.length;
    let t = performance.now();
    state = state.update({
      changes: { from: at, insert: key },
      selection: { anchor: at + 1 },
      userEvent: 'input.type',
    }).state;
    perKey.hint.push(performance.now() - t);
    t = performance.now();
    complete(new CompletionContext(state, state.doc.length, false));
    perKey.completion.push(performance.now() - t);
    t = performance.now();
    assist.unknownNameDiagnostics(state, lesson);
    perKey.underline.push(performance.now() - t);
  }
  const total = perKey.hint.map((h, i) => h + perKey.completion[i] + perKey.underline[i]);
  console.log(
    `typing (Node): per key, the editor's update with the parameter hint ${fmt(quantile(perKey.hint, 0.5))}, completion source ${fmt(quantile(perKey.completion, 0.5))}, unknown-name pass ${fmt(quantile(perKey.underline, 0.5))} (medians; the pass runs after a 400 ms pause, not per key); all three ${fmt(quantile(total, 0.5))} median, ${fmt(quantile(total, 0.95))} p95, on a ${longest.length}-character cell`,
  );
}
await vite.close();

// 2. In Chromium, against the built site.
const port = Number(process.env.BENCH_PORT ?? 4341);
const server = spawn(process.execPath, [new URL('../scripts/serve-dist.mjs', import.meta.url).pathname, String(port)], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
let up = false;
for (let i = 0; i < 200 && !up; i++) {
  try {
    up = (await fetch(base)).ok;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
if (!up) throw new Error(`the preview server did not start on ${base}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/lessons/softmax/`);
  await page.locator('[data-cell="softmax-three"] pre').click();
  const editor = page.locator('[data-cell="softmax-three"] .cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  // Let the first analysis come back, so the lesson's names are known (the underline waits for it).
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const w = window;
    w.typing = { handled: [], framed: [], long: [] };
    // The key's own task (keydown, input, CodeMirror's update) ends before a zero timeout runs;
    // the frame that shows the character comes after the next animation frame.
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        setTimeout(() => w.typing.handled.push(performance.now() - t0));
        requestAnimationFrame(() => setTimeout(() => w.typing.framed.push(performance.now() - t0)));
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.typing.long.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // A line that opens completions (softm…, Math.ex…), a parameter hint (`(`, `,`) and an unknown
  // name (`wrng`), typed at a brisk student's pace: 120 ms a key, so the completion list, its
  // doc and the underline are computed between keys as they would be.
  const line = 'const p = softmax(matmul(W, x)).map((v) => Math.exp(v) + wrng);\nyhat';
  for (const key of line) {
    await page.keyboard.type(key);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(800);
  const { handled, framed, long } = await page.evaluate(() => window.typing);
  const shown = await page.locator('.cm-lintRange-warning').count();
  console.log(
    `typing: ${handled.length} keys with completion, docs and the underline on: handled in ${fmt(quantile(handled, 0.5))} median, ${fmt(quantile(handled, 0.95))} p95, ${fmt(Math.max(...handled))} max; key → next frame ${fmt(quantile(framed, 0.5))} median, ${fmt(quantile(framed, 0.95))} p95 (a frame is 16.7 ms)`,
  );
  console.log(
    `typing: long tasks (> 50 ms) while typing: ${long.length}${long.length ? ` (${long.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}; unknown names underlined at the end: ${shown}`,
  );
} finally {
  await browser.close();
  server.kill();
}
