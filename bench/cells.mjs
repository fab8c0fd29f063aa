// Benchmark of the live cells: bundle sizes, build-time cost per cell, and in Chromium the
// cold start, the warm edit → output + chart latency, a worker round trip and a runaway stop.
// Run after `npm run build`:  npm run bench   (prints figures; asserts nothing)
import { readFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const dist = new URL('../dist/', import.meta.url);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(2)} ms`;

// 1. Bundle sizes (gzip), by chunk name.
const assets = readdirSync(new URL('_astro/', dist)).filter((f) => f.endsWith('.js'));
const chunk = (prefix) => assets.find((f) => f.startsWith(prefix));
const gz = (file) => gzipSync(readFileSync(new URL(`_astro/${file}`, dist))).byteLength;
console.log('bundle (gzip bytes)');
for (const [label, prefix] of [
  ['loader (lesson page script)', 'LessonLayout'],
  ['runtime', 'runtime'],
  ['worker (sucrase, acorn, src/ml)', 'worker'],
  ['editor (CodeMirror 6)', 'editor'],
  ['KaTeX', 'katex'],
  ['Plot', 'src.'],
]) {
  const file = chunk(prefix);
  console.log(`  ${label.padEnd(34)} ${file ? String(gz(file)).padStart(7) : '   (none)'}`);
}

// 2. Build time per cell: the softmax lesson's cells run as at build time, 20 times.
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'silent' });
const { runCells } = await vite.ssrLoadModule('/src/notebook/build/runCells.ts');
const { compileCell } = await vite.ssrLoadModule('/src/notebook/compile.ts');
const source = readFileSync(new URL('../content/lessons/06-softmax.mdx', import.meta.url), 'utf8');
const cells = [...source.matchAll(/```ts cell id=([\w-]+)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({
  id: m[1],
  kind: 'code',
  code: m[2],
  budgetMs: 2000,
}));
for (const m of source.matchAll(/<(VectorInput|Slider) name="(\w+)"[^>]*value="([^"]+)"/g)) {
  cells.push({
    id: `input-${m[2]}`,
    kind: 'input',
    code: m[3],
    budgetMs: 2000,
    name: m[2],
    value: m[1] === 'Slider' ? Number(m[3]) : m[3].split(',').map(Number),
  });
}
const buildTimes = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  runCells('bench', cells);
  buildTimes.push(performance.now() - t);
}
const compileTimes = cells
  .filter((c) => c.kind === 'code')
  .map((c) => {
    const t = performance.now();
    for (let i = 0; i < 50; i++) compileCell(c.code + `\n// ${i}`);
    return (performance.now() - t) / 50;
  });
await vite.close();
console.log(
  `build: ${cells.length} cells of the softmax lesson run in ${fmt(median(buildTimes))} (median of 20), ${fmt(median(buildTimes) / cells.length)} per cell; compile ${fmt(median(compileTimes))} per cell`,
);

// 3. In Chromium against the built site.
const port = 4339;
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
  // Times from a key press (captured before the editor sees it) to a mutation of an output.
  await page.evaluate(() => {
    const w = window;
    w.bench = { t0: 0, waits: [] };
    document.addEventListener('keydown', () => (w.bench.t0 = performance.now()), true);
    document.addEventListener('click', () => (w.bench.t0 = performance.now()), true);
    w.bench.until = (id) =>
      new Promise((resolve) => {
        const out = document.querySelector(`[data-cell="${id}"] [data-cell-output]`);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - w.bench.t0);
        });
        observer.observe(out, { childList: true });
      });
  });
  // Cold: first Run click loads the runtime, worker, KaTeX and Plot.
  const cold = page.evaluate(() => window.bench.until('softmax-chart'));
  await page.locator('[data-cell="softmax-four"] [data-cell-run]').click();
  console.log(`browser: first Run (loads runtime, worker, KaTeX, Plot) → chart redrawn: ${fmt(await cold)}`);

  // Warm: Alt+↑ on the first score re-runs the cell, the sum and the chart.
  await page.locator('[data-cell="softmax-four"] pre').click();
  const editor = page.locator('[data-cell="softmax-four"] .cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  for (let i = 0; i < 'const z = [5'.length; i++) await page.keyboard.press(i === 0 ? 'Home' : 'ArrowRight');
  // A person holds a key for 50-150 ms, so its release comes after the new output. Pressing and
  // releasing in the same millisecond (Playwright's press) is measured too: the release makes
  // Chromium render a frame before it hands over the worker's answer.
  const nudges = async (release) => {
    const own = [];
    const chart = [];
    await page.keyboard.down('Alt');
    for (let i = 0; i < 21; i++) {
      // At a person's pace: the page is quiet again before the next key.
      await page.waitForTimeout(100);
      const done = page.evaluate(() =>
        Promise.all([window.bench.until('softmax-four'), window.bench.until('softmax-chart')]),
      );
      await page.keyboard.down('ArrowUp');
      if (release === 'at once') await page.keyboard.up('ArrowUp');
      const [a, b] = await done;
      if (release !== 'at once') await page.keyboard.up('ArrowUp');
      if (i > 0) {
        own.push(a);
        chart.push(b);
      }
    }
    await page.keyboard.up('Alt');
    return [median(own), median(chart)];
  };
  const [heldOwn, heldChart] = await nudges('after the output');
  const [pressOwn, pressChart] = await nudges('at once');
  console.log(
    `browser: Alt+↑ on a number → its output ${fmt(heldOwn)}, → output and chart ${fmt(heldChart)} (median of 20, key released after the output, as a person does; a frame is 16.7 ms)`,
  );
  console.log(
    `browser: the same with the key released at once → output and chart ${fmt(pressChart)} (its output ${fmt(pressOwn)})`,
  );

  // A worker round trip: re-running a cell that depends on nothing. Its output must differ each
  // time (the page leaves an identical output alone), so it shows a random number.
  await page.locator('[data-cell="softmax-three"] pre').click();
  const threeEditor = page.locator('[data-cell="softmax-three"] .cm-content');
  await threeEditor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('Math.random()');
  await page.keyboard.press('Shift+Enter');
  await page.waitForTimeout(300);
  const trips = [];
  for (let i = 0; i < 21; i++) {
    const done = page.evaluate(() => window.bench.until('softmax-three'));
    await page.locator('[data-cell="softmax-three"] [data-cell-run]').click();
    if (i > 0) trips.push(await done);
  }
  console.log(`browser: Run click → output of an independent one-line cell: ${fmt(median(trips))} (median of 20)`);

  // A runaway: how long until it is stopped, and until the next cell has run in a fresh worker.
  const three = threeEditor;
  await three.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('while (true) {}');
  const stopped = page.evaluate(() => window.bench.until('softmax-three'));
  await page.keyboard.press('Shift+Enter');
  const stopMs = await stopped;
  const t = Date.now();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('softmax([1, 2])');
  const after = page.evaluate(() => window.bench.until('softmax-three'));
  await page.keyboard.press('Shift+Enter');
  const againMs = await after;
  console.log(
    `browser: runaway cell (budget 2000 ms) stopped after ${fmt(stopMs)}; the next run, in a fresh worker, answered in ${fmt(againMs)} (${Date.now() - t} ms wall)`,
  );
} finally {
  await browser.close();
  server.kill();
}
