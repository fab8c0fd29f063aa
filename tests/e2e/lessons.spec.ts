import { expect, test } from '@playwright/test';
import { collectErrors, lessonPaths } from './site';

for (const [index, path] of lessonPaths.entries()) {
  test(`${path} renders its math with KaTeX and logs no error`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(path);
    await expect(page.locator('h1')).toHaveCount(1);
    expect(await page.locator('.prose .katex').count()).toBeGreaterThan(10);
    expect(await page.locator('.prose .katex-display').count()).toBeGreaterThan(2);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // KaTeX's fonts are loaded (a missing stylesheet would leave raw MathML-less text).
    const katexFont = await page
      .locator('.katex')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(katexFont).toContain('KaTeX_Main');
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test(`${path} marks itself in the course sequence and links its neighbours`, async ({ page }) => {
    await page.goto(path);
    const current = page.locator('.course-nav a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('href', path);
    const previous = page.locator('.pager a[rel="prev"]');
    const next = page.locator('.pager a[rel="next"]');
    await expect(previous).toHaveCount(index > 0 ? 1 : 0);
    await expect(next).toHaveCount(index < lessonPaths.length - 1 ? 1 : 0);
    if (index > 0) await expect(previous).toHaveAttribute('href', lessonPaths[index - 1]!);
    if (index < lessonPaths.length - 1) await expect(next).toHaveAttribute('href', lessonPaths[index + 1]!);
    // The on-page table of contents points at the lesson's own sections.
    const tocTargets = await page
      .locator('.toc-side a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tocTargets.length).toBeGreaterThan(3);
    for (const target of tocTargets) await expect(page.locator(target!)).toHaveCount(1);
  });
}

test('a lesson reads completely with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonPaths[5]!);
  expect(await page.locator('.prose .katex').count()).toBeGreaterThan(10);
  await expect(page.locator('[data-theme-toggle]')).toBeHidden();
  await context.close();
});

test('the notation page typesets both conventions', async ({ page }) => {
  await page.goto('/notation/');
  expect(await page.locator('table').count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator('.katex').count()).toBeGreaterThan(10);
  await expect(page.locator('.katex-error')).toHaveCount(0);
});
