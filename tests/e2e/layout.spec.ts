import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { allPaths, lessonPaths, sheetSettled, withDataSaver } from './site';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  for (const path of allPaths) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      await sheetSettled(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('a lesson puts the text first and the course sequence after it', async ({ page }) => {
    await page.goto(lessonPaths[1]!);
    const articleTop = await page.locator('article.lesson').evaluate((el) => el.getBoundingClientRect().top);
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
  const colours = await page.evaluate(() => [
    getComputedStyle(document.body).color,
    getComputedStyle(document.body).backgroundColor,
  ]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('a lesson page loads at most 3 KB of JavaScript before any interaction (bytes reported)', async ({
  page,
}, testInfo) => {
  // With Data Saver on, nothing is fetched ahead of its use (preload.ts): what a lesson loads
  // before the student touches it is then all of its JavaScript.
  await withDataSaver(page);
  const bytes = new Map<string, number>();
  page.on('response', (response) => {
    // A script whose response arrives as the test ends has no body to read by then.
    if (response.request().resourceType() === 'script')
      response.body().then(
        (body) => bytes.set(response.url(), gzipSync(body).byteLength),
        () => {},
      );
  });
  await page.goto(lessonPaths[5]!);
  await page.waitForLoadState('networkidle');
  // Whether the page had fired its load event when it asked for each script, by the page's clock.
  const asked = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ url: entry.name, afterLoad: entry.startTime >= navigation.loadEventStart }));
  });
  const scripts = new Map(asked.map(({ url, afterLoad }) => [url, { bytes: bytes.get(url) ?? 0, afterLoad }]));
  expect([...bytes.keys()].sort()).toEqual([...scripts.keys()].sort());
  const name = (url: string) =>
    url
      .split('/')
      .pop()!
      .replace(/\.[\w-]+\.js$/, '');
  const first = [...scripts].filter(([, entry]) => !entry.afterLoad);
  const later = [...scripts].filter(([, entry]) => entry.afterLoad);
  // One file: the lesson's script (the notebook's, the exercises' and the explorers' loaders),
  // without Vite's preload helper (oneFileEntries.ts). No runtime, worker, editor, checker,
  // explorer, KaTeX or Plot until a cell, an answer or an explorer is used.
  expect(first.map(([url]) => name(url))).toEqual([expect.stringMatching(/^LessonLayout/)]);
  // After the load event, the student's place in the course (desk, with the progress and storage
  // modules it shares): small, and still none of the parts that wait for a student to use them.
  // (The offline copy waits for the student to ask when Data Saver is on: offline.spec.ts.)
  for (const [url] of later)
    expect(name(url)).not.toMatch(/^(runtime|worker|editor|answering|steps|explorer|katex|plot)/i);
  const afterLoad = later.reduce((sum, [, entry]) => sum + entry.bytes, 0);
  expect(afterLoad).toBeLessThanOrEqual(6 * 1024);
  const inline = await page.locator('script:not([src]):not([type="application/json"])').allTextContents();
  const total = first.reduce((sum, [, entry]) => sum + entry.bytes, 0) + gzipSync(inline.join('\n')).byteLength;
  testInfo.annotations.push({ type: 'JavaScript before interaction (gzip bytes)', description: String(total) });
  testInfo.annotations.push({ type: 'JavaScript after the load event (gzip bytes)', description: String(afterLoad) });
  console.log(
    `lesson page JavaScript before interaction: ${first.length} file(s), ${total} B gzip in all; after the load event ${afterLoad} B`,
  );
  // 3 KB: the three loaders and the preloading of what they load, the theme toggle, the overflow
  // cues of wide blocks, the draft that keeps keys typed before the editor loads, the `?` keyboard
  // help, and the load-event hooks of the offline copy and the student's desk. (3,656 B before
  // issue 14 left out Vite's 0.9 KB preload helper and its list of chunks.)
  expect(total).toBeLessThanOrEqual(3 * 1024);
});
