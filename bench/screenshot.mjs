// Screenshots pages of the served site for a person to look at: node bench/screenshot.mjs [base] [outdir]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4329';
const out = process.argv[3] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const pages = (process.env.PAGES ?? '/,/lessons/softmax/').split(',');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
for (const scheme of (process.env.SCHEMES ?? 'light,dark').split(',')) {
  for (const [label, viewport] of [
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ]) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path);
      // SCROLLS=0,2000,4000 takes one viewport-sized shot at each offset.
      for (const y of (process.env.SCROLLS ?? '0').split(',').map(Number)) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        const name = `${out}/${path.replace(/\W+/g, '_') || 'home'}-${scheme}-${label}-${y}.png`;
        await page.screenshot({ path: name });
        console.log(name);
      }
    }
    await context.close();
  }
}
await browser.close();
