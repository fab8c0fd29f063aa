import { expect, test } from '@playwright/test';

test('search finds a lesson by a word in its body', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the lessons' }).fill('hardmax');
  await page.getByRole('searchbox', { name: 'Search the lessons' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=hardmax$/);
  const first = page.locator('[data-search-results] li a').first();
  await expect(first).toHaveAttribute('href', /\/lessons\/softmax\//);
  await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/lessons\/softmax\//);
});

test('a query with markup is shown as text and finds nothing', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  await page.goto(`/search/?q=${encodeURIComponent(payload)}`);
  await expect(page.locator('[data-search-status]')).toContainText(payload);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an empty search explains what to type', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('[data-search-status]')).toContainText('Type a word');
});
