// A student's first touch on a lesson over a slow phone connection (issue 14): the page opens in
// a fresh browser (nothing cached), the student scrolls to the first cell, reads for 5 s, then
// touches its code. Measured in the page:
//   editor: from the touch until CodeMirror has replaced the cell's highlighted code and has
//     the focus (until then, keys land in the draft of draft.ts, but the editor's help is absent);
//   output: after typing one digit in the editor, from Shift+Enter until the first cell output
//     on the page changes (the run's first visible answer).
// The goals: editor within 150 ms of the touch, output within 100 ms of Shift+Enter.
// The connection is bench/slow-link.mjs (shared by the page, its workers and the service
// worker); the CPU is slowed 4× through CDP, and also not at all. The first visit registers the
// service worker, whose precache then shares the link: each case runs with it allowed and
// blocked. Medians of FIRST_TOUCH_RUNS runs (default 3). Run after `npm run build`:
//   node bench/first-touch.mjs   (prints figures; asserts nothing)
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { serveDist } from './gzip-server.mjs';
import { precacheSummary } from './precache.mjs';
import { SlowLink } from './slow-link.mjs';

const RUNS = Number(process.env.FIRST_TOUCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4602);
const READING_MS = 5000;
const LESSONS = ['/lessons/softmax/', '/lessons/shallow-networks/'];
// "Fast 3G" as Lighthouse's slow 4G defines it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const LINK = { rttMs: 150, downBitsPerSecond: 1.6e6, upBitsPerSecond: 750e3 };
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };

const link = new SlowLink(LINK);
const server = await serveDist(PORT, link);
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });

/** Times, in the page's clock, from the touch and from Shift+Enter; installed just before the touch. */
function watch(cellId) {
  const cell = document.querySelector(`[data-cell="${cellId}"]`);
  const times = (window.__firstTouch = {});
  const editorReady = () => {
    const editor = cell.querySelector('.cm-editor');
    if (times.touch !== undefined && times.editor === undefined && editor?.contains(document.activeElement))
      times.editor = performance.now();
  };
  addEventListener('pointerdown', () => (times.touch ??= performance.now()), { capture: true });
  addEventListener('focusin', editorReady, { capture: true });
  new MutationObserver(editorReady).observe(cell, { childList: true, subtree: true });
  addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && event.shiftKey) times.run ??= performance.now();
    },
    { capture: true },
  );
  // Any cell's output: the edited cell may show a value that the edit does not change.
  new MutationObserver((records) => {
    if (times.run === undefined || times.output !== undefined) return;
    const changed = records.find((record) => record.target.closest?.('[data-cell-output]'));
    if (!changed) return;
    times.output = performance.now();
    times.outputCell = changed.target.closest('[data-cell]')?.dataset.cell;
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** The first code cell shown open, and a point just right of the first non-zero digit of its code. */
async function target(page) {
  return page.evaluate(() => {
    const pre = document.querySelector('figure[data-cell] div[data-cell-editor] pre');
    if (!pre) throw new Error('no open code cell on the page');
    pre.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.search(/[1-9]/);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      // The right half of the digit: the caret goes after it, and the digit typed makes 5 → 51.
      return { id: pre.closest('[data-cell]').dataset.cell, x: box.right - 1, y: box.top + box.height / 2 };
    }
    throw new Error('no digit in the first cell’s code');
  });
}

/**
 * Waits until the page has recorded `time`. Not with waitForFunction: Playwright injects a script
 * of its own into the page for it, 55–90 ms of the main thread at 4×, which would land inside the
 * time measured. A plain evaluate now and then costs the page about a millisecond.
 */
async function settled(page, time) {
  for (let waited = 0; waited < 60_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (await page.evaluate((name) => window.__firstTouch[name] !== undefined, time)) return;
  }
  throw new Error(`the page did not record its ${time} time within 60 s`);
}

/** One visit: returns { editor, output, outputCell } in ms, or throws. */
async function visit(lesson, { cpu, serviceWorkers }) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(base + lesson, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The student scrolls to the cell, reads it for 5 s, then touches its code.
    await target(page);
    await page.waitForTimeout(READING_MS);
    const { id, x, y } = await target(page);
    await page.evaluate(watch, id);
    const touched = performance.now();
    await page.touchscreen.tap(x, y);
    await settled(page, 'editor');
    // What the touch made the page download before the editor could take over.
    const fetched = link.requests.filter((request) => request.at >= touched);
    await page.keyboard.type('1');
    const ran = performance.now();
    await page.keyboard.press('Shift+Enter');
    await settled(page, 'output');
    // What the run made the page or its worker download before the output changed.
    const fetchedForRun = link.requests.filter((request) => request.at >= ran);
    const times = await page.evaluate(() => window.__firstTouch);
    return {
      editor: times.editor - times.touch,
      output: times.output - times.run,
      outputCell: times.outputCell,
      fetched,
      fetchedForRun,
    };
  } finally {
    await context.close();
  }
}

/** How long after navigation the service worker is installed, its precache complete, on this link. */
async function installTime(lesson) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(base + lesson, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => performance.now()),
        new Promise((resolve) => setTimeout(() => resolve(Infinity), 180_000)),
      ]),
    );
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => String(Math.round(x));
const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const rows = [];
let installMs;
try {
  for (const lesson of LESSONS)
    for (const cpu of [4, 1])
      for (const serviceWorkers of ['allow', 'block']) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          process.stderr.write(`first touch ${lesson} cpu ${cpu}× service worker ${serviceWorkers} run ${i + 1}\n`);
          runs.push(await visit(lesson, { cpu, serviceWorkers }));
        }
        rows.push({ lesson, cpu, serviceWorkers, runs });
      }
  process.stderr.write('service worker install\n');
  installMs = await installTime(LESSONS[0]);
} finally {
  await browser.close();
  server.close();
}

console.log(
  `first touch on a phone (412×823), fresh browser: link ${LINK.rttMs} ms round trip, ${LINK.downBitsPerSecond / 1e6} Mbit/s down, ${LINK.upBitsPerSecond / 1e3} kbit/s up (one link for the page, its workers and the service worker), gzip; read ${READING_MS / 1000} s after DOMContentLoaded, touch the first cell's code; median of ${RUNS} run(s) [min–max]`,
);
console.log(
  `${'lesson'.padEnd(28)} CPU  service worker   editor after touch ms         output after Shift+Enter ms   (first output drawn)`,
);
for (const { lesson, cpu, serviceWorkers, runs } of rows) {
  const editor = runs.map((r) => r.editor);
  const output = runs.map((r) => r.output);
  console.log(
    [
      lesson.padEnd(28),
      `${cpu}×`.padStart(3),
      `  ${serviceWorkers === 'allow' ? 'allowed' : 'blocked'}`.padEnd(17),
      `${ms(median(editor)).padStart(7)} [${range(editor)}]`.padEnd(30),
      `${ms(median(output)).padStart(7)} [${range(output)}]`.padEnd(30),
      [...new Set(runs.map((r) => r.outputCell))].join(', '),
    ].join(' '),
  );
}
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
const files = (fetched) =>
  `${fetched.length} files, ${kb(fetched.reduce((sum, f) => sum + f.bytes, 0))} gzip: ${fetched.map((f) => `${f.url.replace(/^\/_astro\//, '')} ${kb(f.bytes)}`).join(', ')}`;
for (const { lesson, runs } of rows.filter((row) => row.cpu === 4 && row.serviceWorkers === 'block')) {
  console.log(`${lesson}: between the touch and the editor (4× CPU, no service worker), ${files(runs[0].fetched)}`);
  console.log(
    `${lesson}: between Shift+Enter and the output (4× CPU, no service worker), ${files(runs[0].fetchedForRun)}`,
  );
}
console.log(
  `service worker: active ${(installMs / 1000).toFixed(1)} s after navigating to ${LESSONS[0]} (4× CPU, this link): its install downloads the precache one file at a time`,
);
console.log(precacheSummary());
