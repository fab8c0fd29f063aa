import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { allPaths, lessonPaths } from './site';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const path of allPaths) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('a lesson puts the text first and the course sequence after it', async ({ page }) => {
    await page.goto(lessonPaths[1]!);
    const articleTop = await page.locator('article').evaluate((el) => el.getBoundingClientRect().top);
    const navTop = await page.locator('.course-nav').evaluate((el) => el.getBoundingClientRect().top);
    expect(navTop).toBeGreaterThan(articleTop);
    await expect(page.locator('.toc-inline')).toBeVisible();
  });
});

test('a lesson prints without navigation, in black on white', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await page.goto(lessonPaths[0]!);
  for (const selector of ['.site-header', '.course-nav', '.toc-side', '.pager', '.site-footer']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  const colours = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('a lesson page loads no JavaScript beyond the shell (bytes reported)', async ({ page }, testInfo) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(lessonPaths[5]!);
  await page.waitForLoadState('networkidle');
  // The shell's scripts (theme) are inline; a lesson requests no script file.
  expect(scripts).toEqual([]);
  const inline = await page.locator('script:not([src])').allTextContents();
  const gzipBytes = gzipSync(inline.join('\n')).byteLength;
  testInfo.annotations.push({ type: 'inline JavaScript (gzip bytes)', description: String(gzipBytes) });
  console.log(`lesson page JavaScript: ${scripts.length} files, inline ${gzipBytes} B gzip`);
  expect(gzipBytes).toBeLessThan(3 * 1024);
});
