import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => console.log('console', m.text()));
await page.goto('http://127.0.0.1:4360/lessons/softmax/');
async function run(id, code) {
  const cell = page.locator(`[data-cell="${id}"]`);
  const editor = cell.locator('.cm-content');
  if ((await editor.count()) === 0) await cell.locator('[data-cell-editor] pre').first().click();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Shift+Enter');
  await page.waitForTimeout(3000);
}
await run('softmax-hardmax', 'Array.prototype.map = function () { return [42] };\nhardmax(z)');
console.log('hardmax:', await page.locator('[data-cell="softmax-hardmax"] [data-cell-output]').innerText());
await run('softmax-four', 'const z = [1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat');
for (const id of ['softmax-four', 'softmax-hardmax']) console.log(id, await page.locator(`[data-cell="${id}"]`).getAttribute('data-cell-status'), (await page.locator(`[data-cell="${id}"] [data-cell-output]`).innerText()).slice(0, 300));
await browser.close();
