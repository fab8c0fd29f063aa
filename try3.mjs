import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.route(/\/_astro\/(runtime|editor)\..*\.js$/, async (route) => {
  await new Promise((r) => setTimeout(r, 1500));
  await route.continue();
});
await page.goto('http://127.0.0.1:4360/lessons/softmax/');
const pre = page.locator('[data-cell="softmax-four"] [data-cell-editor] pre');
await pre.scrollIntoViewIfNeeded();
const box = await pre.boundingBox();
// Click just after "const z = " on the first line.
const span = await page.evaluate(() => {
  const pre = document.querySelector('[data-cell="softmax-four"] [data-cell-editor] pre');
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  let node; let off = 0;
  while ((node = walker.nextNode())) { const i = node.textContent.indexOf('['); if (i >= 0) { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); const b = r.getBoundingClientRect(); return { x: b.left + 1, y: b.top + b.height / 2 }; } }
});
await page.mouse.click(span.x, span.y);
await page.keyboard.type('/*hi*/');
await page.waitForTimeout(100);
console.log('draft:', JSON.stringify(await page.locator('[data-cell="softmax-four"] textarea').inputValue().catch(() => 'none')));
await page.locator('[data-cell="softmax-four"] .cm-content').waitFor({ timeout: 10000 });
await page.keyboard.type('X');
console.log('editor:', JSON.stringify(await page.locator('[data-cell="softmax-four"] .cm-content').innerText()));
await page.screenshot({ path: '/tmp/pw/draft.png' });
await browser.close();
