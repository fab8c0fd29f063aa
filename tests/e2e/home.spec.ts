import { expect, test } from '@playwright/test';
import { allPaths, lessonPaths } from './site';

// The lecture sequence, which the lesson order follows.
const sequence = [
  /binary classification/i,
  /logistic regression/i,
  /convexity/i,
  /shallow network/i,
  /activation/i,
  /softmax/i,
];

test('the home page lists the six lessons in lecture order', async ({ page }) => {
  await page.goto('/');
  const items = page.locator('.outline-item');
  await expect(items).toHaveCount(6);
  const titles = await items.locator('h3 a').allInnerTexts();
  titles.forEach((title, i) => expect(title).toMatch(sequence[i]!));
  for (const item of await items.all()) {
    await expect(item.locator('p').first()).not.toBeEmpty();
    await expect(item.locator('details li').first()).toBeAttached();
  }
  const hrefs = await items.locator('h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(lessonPaths);
});

test('every internal link and anchor on every page resolves', async ({ page, request }) => {
  const checked = new Set<string>();
  for (const path of allPaths) {
    await page.goto(path);
    const links = await page
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== new URL(page.url()).origin) continue;
      if (url.hash) {
        const target = decodeURIComponent(url.hash.slice(1));
        if (url.pathname === new URL(page.url()).pathname) {
          expect(await page.locator(`[id="${target}"]`).count(), `${path} links to missing #${target}`).toBe(1);
        }
      }
      const key = url.pathname + url.search;
      if (checked.has(key)) continue;
      checked.add(key);
      const response = await request.get(key);
      expect(response.status(), `${path} links to ${key}`).toBe(200);
    }
  }
  // Every page is reachable by a link from some page.
  for (const path of allPaths) expect(checked.has(path), `nothing links to ${path}`).toBe(true);
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'course outline' })).toHaveAttribute('href', '/');
});
