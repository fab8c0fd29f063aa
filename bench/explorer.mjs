// Benchmark of the training explorer in Chromium: how many epochs (one per animation frame)
// it trains and draws per second for a 2-8-8-1 tanh network on 500 XOR points, next to the
// browser's own frame rate on an empty page, and how long each frame's work takes (training
// step, 100×100 decision boundary, points, curve, figures). Run after `npm run build`:
//   node bench/explorer.mjs      (prints figures; asserts nothing)
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const port = 4341;
const server = spawn(process.execPath, [new URL('../scripts/serve-dist.mjs', import.meta.url).pathname, String(port)], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
let up = false;
for (let i = 0; i < 50 && !up; i++) {
  up = await fetch(base).then(
    (r) => r.ok,
    () => false,
  );
  if (!up) await new Promise((r) => setTimeout(r, 100));
}
if (!up) throw new Error(`the static server did not start on ${base}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const SECONDS = 5;

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Times every animation-frame callback: the explorer's whole work for a frame.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__frameWork = [];
    window.requestAnimationFrame = (callback) =>
      raf((time) => {
        const start = performance.now();
        callback(time);
        window.__frameWork.push(performance.now() - start);
      });
  });

  await page.goto(`${base}/`);
  const emptyRate = await page.evaluate(
    (seconds) =>
      new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = () =>
          performance.now() - start < seconds * 1000
            ? (frames++, requestAnimationFrame(tick))
            : resolve(frames / seconds);
        requestAnimationFrame(tick);
      }),
    2,
  );

  const setup = 'data:xor;n:500;seed:1;layers:8,8;act:tanh;lr:1;epoch:0';
  await page.goto(`${base}/lessons/shallow-networks/?xor=${setup}#explorer-xor`);
  await page.waitForSelector('[data-explorer="xor"][data-explorer-ready]');
  const explorer = page.locator('[data-explorer="xor"]');
  const epoch = async () => Number(await explorer.locator('[data-stat="epoch"]').textContent());
  await explorer.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1000); // warm-up: the JIT, the first frames
  await page.evaluate(() => (window.__frameWork = []));
  const [e0, t0] = [await epoch(), Date.now()];
  await page.waitForTimeout(SECONDS * 1000);
  const [e1, t1] = [await epoch(), Date.now()];
  const work = await page.evaluate(() => window.__frameWork);
  await explorer.getByRole('button', { name: 'Pause' }).click();
  const accuracy = await explorer.locator('[data-stat="accuracy"]').textContent();

  // Epochs from the figures (shown every few epochs while playing) and frames from the callbacks.
  const rate = (e1 - e0) / ((t1 - t0) / 1000);
  const frames = work.length / ((t1 - t0) / 1000);
  console.log(
    'training explorer in Chromium (2-8-8-1 tanh, 500 XOR points, one epoch and one 100×100 boundary per frame)',
  );
  console.log(`  empty page, animation frames per second   ${emptyRate.toFixed(1)}`);
  console.log(`  explorer, animation frames per second     ${frames.toFixed(1)}`);
  console.log(
    `  explorer, epochs per second               ${rate.toFixed(1)}   (${e1 - e0} epochs in ${((t1 - t0) / 1000).toFixed(1)} s; accuracy then ${accuracy})`,
  );
  console.log(
    `  work per frame: median ${quantile(work, 0.5).toFixed(2)} ms, p95 ${quantile(work, 0.95).toFixed(2)} ms, max ${Math.max(...work).toFixed(2)} ms  (frame budget at 60 Hz: 16.7 ms)`,
  );
} finally {
  await browser.close();
  server.kill();
}
