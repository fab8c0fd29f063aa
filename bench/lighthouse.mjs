// Lighthouse 12 on every kind of page, as a phone on a slow connection sees it (its default
// mobile preset: Moto G Power screen, simulated slow 4G and 4× CPU slowdown), served with gzip
// (bench/gzip-server.mjs). Issue 14's goals: performance ≥ 95, CLS ≤ 0.02, TBT ≤ 200 ms, and
// accessibility, best practices and SEO at 100. Each page runs LH_RUNS times (default 3); the
// table shows the median of each figure and the spread of the performance score and TBT. For a
// page that misses a goal, the failing audits of its median run follow, so there is something
// to fix. Run after `npm run build`:  node bench/lighthouse.mjs   (prints figures; asserts nothing)
import { readFileSync, readdirSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { serveDist } from './gzip-server.mjs';
import { precacheSummary } from './precache.mjs';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4600);
const CHROME_PORT = PORT + 1;

// The pages: home, every lesson (as tests/e2e/site.ts lists them), the exercise index, a sheet
// of five exercises from five lessons, and the notation page.
const lessons = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((name) => /^\d+-.+\.mdx$/.test(name))
  .sort()
  .map((name) => `/lessons/${name.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`);
const sheetIds = ['bin-reading-x', 'lr-dz', 'cvx-hessian', 'shallow-forward', 'softmax-dz'];
const known = readdirSync(new URL('../content/exercises/', import.meta.url), { recursive: true })
  .filter((file) => file.endsWith('.mdx'))
  .map(
    (file) => readFileSync(new URL(`../content/exercises/${file}`, import.meta.url), 'utf8').match(/^id: (.+)$/m)?.[1],
  );
for (const id of sheetIds) if (!known.includes(id)) throw new Error(`the sheet's exercise ${id} is not in content/`);
const pages = [
  '/',
  ...lessons,
  '/exercises/',
  `/exercises/sheet/?title=Week%203&ex=${sheetIds.join(',')}`,
  '/notation/',
]
  // LH_PAGES=softmax,sheet runs only the pages whose address contains one of the words.
  .filter((page) => !process.env.LH_PAGES || process.env.LH_PAGES.split(',').some((word) => page.includes(word)));

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run in a fresh Chromium (a reused one would carry its compile cache along). */
async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    port: CHROME_PORT,
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    // The next run's Chromium listens on the same port: this one must have let go of it first.
    const exited = new Promise((resolve) => chrome.process.once('exit', resolve));
    chrome.kill();
    if (chrome.process.exitCode === null && chrome.process.signalCode === null) await exited;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const score = (lhr, category) => Math.round(lhr.categories[category].score * 100);
const metric = (lhr, id) => lhr.audits[id].numericValue;
const figures = (lhr) => ({
  perf: score(lhr, 'performance'),
  a11y: score(lhr, 'accessibility'),
  bp: score(lhr, 'best-practices'),
  seo: score(lhr, 'seo'),
  cls: metric(lhr, 'cumulative-layout-shift'),
  tbt: metric(lhr, 'total-blocking-time'),
  lcp: metric(lhr, 'largest-contentful-paint'),
  fcp: metric(lhr, 'first-contentful-paint'),
});

/** An address without the server's origin, shortened to its last 60 characters. */
const short = (url) => {
  const path = String(url).replace(/^https?:\/\/[^/]+/, '');
  return path.length > 60 ? `…${path.slice(-59)}` : path;
};

/** One row of an audit's table: what it is about, and its figure. */
function describe(item) {
  const what =
    item.node?.selector ??
    (item.source?.url ? `${short(item.source.url)}:${item.source.line}:${item.source.column}` : undefined) ??
    (item.url ? short(item.url) : undefined) ??
    item.groupLabel ??
    item.statistic ??
    item.description ??
    JSON.stringify(item).slice(0, 80);
  const figure =
    item.wastedMs ??
    item.duration ??
    item.reflowTime ??
    item.total ??
    item.totalBytes ??
    item.value?.value ??
    item.score;
  return typeof figure === 'number' ? `${what}  (${Math.round(figure * 1000) / 1000})` : what;
}

/**
 * What a page fails, from one run: every audit below full marks in a category under 100 (for
 * performance, the diagnostics scoring under 0.9, as the report flags them; the metrics are in
 * the table) with its first rows; then where the main thread's time goes, the long tasks, the
 * largest paint's element and the elements that shifted.
 */
function failing(lhr) {
  const lines = [];
  const rows = (table, n = 3) => (table?.items ?? []).slice(0, n).map((item) => `    ${describe(item)}`);
  // Printed in full below when the score is short.
  const below = ['mainthread-work-breakdown', 'long-tasks', 'largest-contentful-paint-element', 'layout-shifts'];
  for (const category of CATEGORIES) {
    if (lhr.categories[category].score === 1) continue;
    const perf = category === 'performance';
    for (const ref of lhr.categories[category].auditRefs) {
      const a = lhr.audits[ref.id];
      // Lighthouse 12 also computes "insights" that mostly repeat the diagnostics (and hides them
      // in its report); the forced reflows have no diagnostic of their own.
      if (perf && ref.group !== 'diagnostics' && ref.id !== 'forced-reflow-insight') continue;
      if (below.includes(ref.id)) continue;
      if (a.score === null || a.score >= (perf ? 0.9 : 1)) continue;
      if (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable') continue;
      lines.push(`${category}: ${a.id} (score ${a.score})${a.displayValue ? `: ${a.displayValue}` : ''}`);
      // The forced-reflow insight nests its table in a list.
      lines.push(...rows(a.details?.type === 'list' ? a.details.items[0] : a.details));
    }
  }
  if (lhr.categories.performance.score < 0.95 || metric(lhr, 'cumulative-layout-shift') > 0.02) {
    const breakdown = lhr.audits['mainthread-work-breakdown'];
    lines.push(`main thread: ${breakdown.displayValue}`, ...rows(breakdown.details, 4));
    const tasks = lhr.audits['long-tasks'];
    lines.push(`long tasks (ms): ${tasks.displayValue ?? 'none'}`, ...rows(tasks.details, 3));
    const lcp = lhr.audits['largest-contentful-paint-element'];
    lines.push(`LCP element: ${lcp.displayValue}`, ...rows(lcp.details?.items?.[0], 1));
    const shifts = lhr.audits['layout-shifts'];
    if (shifts.details?.items?.length) lines.push('layout shifts:', ...rows(shifts.details, 4));
  }
  return lines;
}

const server = await serveDist(PORT);
const base = `http://127.0.0.1:${PORT}`;
const rows = [];
let version = '';
// Lighthouse's measure of this machine's CPU: TBT scales with it, and the machine is shared.
const benchmarks = [];
try {
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`lighthouse ${page} run ${i + 1}/${RUNS}\n`);
      runs.push(await audit(base + page));
    }
    version = runs[0].lighthouseVersion;
    benchmarks.push(...runs.map((lhr) => lhr.environment.benchmarkIndex));
    const each = runs.map(figures);
    const med = Object.fromEntries(Object.keys(each[0]).map((key) => [key, median(each.map((f) => f[key]))]));
    // The run whose performance score is the median one explains the figures.
    const typical = runs[each.map((f) => f.perf).indexOf(med.perf)];
    rows.push({ page, med, each, failing: failing(typical), warnings: typical.runWarnings });
  }
} finally {
  server.close();
}

const range = (xs, fmt) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
const ms = (x) => String(Math.round(x));
console.log(
  `Lighthouse ${version} mobile preset (simulated slow 4G, 4× CPU), served with gzip; median of ${RUNS} run(s) per page`,
);
console.log(`CPU benchmark index of this machine during the runs: ${range(benchmarks, ms)}`);
console.log(`${'page'.padEnd(34)} perf a11y  BP SEO    CLS   TBT ms  LCP ms  FCP ms   perf range  TBT range ms`);
const label = (page) => (page.startsWith('/exercises/sheet/') ? '/exercises/sheet/ (5 exercises)' : page);
for (const { page, med, each } of rows) {
  console.log(
    [
      label(page).padEnd(34),
      String(med.perf).padStart(4),
      String(med.a11y).padStart(4),
      String(med.bp).padStart(3),
      String(med.seo).padStart(3),
      med.cls.toFixed(3).padStart(6),
      ms(med.tbt).padStart(8),
      ms(med.lcp).padStart(7),
      ms(med.fcp).padStart(7),
      range(
        each.map((f) => f.perf),
        String,
      ).padStart(12),
      range(
        each.map((f) => f.tbt),
        ms,
      ).padStart(13),
    ].join(' '),
  );
}
for (const { page, med, failing: lines, warnings } of rows) {
  const misses = med.perf < 95 || med.cls > 0.02 || med.tbt > 200 || med.a11y < 100 || med.bp < 100 || med.seo < 100;
  if (!misses) continue;
  console.log(`\n${label(page)} misses a goal; its median run's failing audits:`);
  for (const line of lines) console.log(`  ${line}`);
  for (const warning of warnings) console.log(`  warning: ${warning}`);
}
console.log(`\n${precacheSummary()}`);
