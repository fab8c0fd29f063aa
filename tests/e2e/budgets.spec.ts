// Budgets for what does not jitter on a shared machine (issue 14): on every page, at a phone's
// width and a desktop's, the layout shift while it loads (CLS, from the page's own
// PerformanceObserver), the gzip bytes of its HTML and the number of its elements. Lighthouse's
// scores, which do jitter, are printed by the bench instead.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { allPaths } from './site';

/** Today's figures with room to spare: a page that grows past them has to say why. */
function budgetFor(path: string): { htmlGzip: number; elements: number } {
  // Lessons: KaTeX's markup is most of their elements (logistic regression, the largest: 107 KB).
  if (path.startsWith('/lessons/')) return { htmlGzip: 120_000, elements: 35_000 };
  // Every other page. The sheet fetches the exercises its link picks (it carried all of them, 189 KB,
  // until it did): 5.5 KB of its own, and 1,637 elements once its one exercise here is in.
  return { htmlGzip: 20_000, elements: 5_000 };
}

for (const width of [412, 1280]) {
  for (const path of allPaths) {
    test(`${path} at ${width} px: CLS at most 0.02, HTML and elements within budget`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 823 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as { layoutShifts?: number[] }).layoutShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const response = await page.goto(path);
      const html = await response!.body();
      await page.waitForLoadState('networkidle');
      // What the page shows once its scripts have run (the theme toggle, the filters) counts too.
      await page.waitForTimeout(300);
      const { cls, elements } = await page.evaluate(() => ({
        cls: ((window as { layoutShifts?: number[] }).layoutShifts ?? []).reduce((a, b) => a + b, 0),
        elements: document.getElementsByTagName('*').length,
      }));
      const htmlGzip = gzipSync(html).byteLength;
      testInfo.annotations.push({
        type: 'CLS, HTML gzip bytes, elements',
        description: `${cls} ${htmlGzip} ${elements}`,
      });
      const budget = budgetFor(path);
      expect(cls).toBeLessThanOrEqual(0.02);
      expect(htmlGzip).toBeLessThanOrEqual(budget.htmlGzip);
      expect(elements).toBeLessThanOrEqual(budget.elements);
    });
  }
}
