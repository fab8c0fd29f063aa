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
        type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Source[] };
        const shifts: { value: number; at: number; moved: string[] }[] = [];
        (window as { layoutShifts?: typeof shifts }).layoutShifts = shifts;
        // Which node moved, and from where to where: a failure names the culprit, not just a sum.
        const describe = ({ node, previousRect: a, currentRect: b }: Source): string => {
          const el = node instanceof Element ? node : node?.parentElement;
          const name = el
            ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}` +
              [...el.attributes]
                .filter((at) => at.name.startsWith('data-'))
                .map((at) => `[${at.name}]`)
                .join('')
            : String(node);
          const rect = (r: DOMRectReadOnly) =>
            `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
          return `${name} ${rect(a)} → ${rect(b)}`;
        };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[])
            if (!entry.hadRecentInput)
              shifts.push({
                value: entry.value,
                at: Math.round(entry.startTime),
                moved: (entry.sources ?? []).map(describe),
              });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const response = await page.goto(path);
      const html = await response!.body();
      await page.waitForLoadState('networkidle');
      // What the page shows once its scripts have run (the theme toggle, the filters) counts too.
      await page.waitForTimeout(300);
      const { shifts, elements } = await page.evaluate(() => ({
        shifts: (window as { layoutShifts?: { value: number; at: number; moved: string[] }[] }).layoutShifts ?? [],
        elements: document.getElementsByTagName('*').length,
      }));
      const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
      const htmlGzip = gzipSync(html).byteLength;
      testInfo.annotations.push({
        type: 'CLS, HTML gzip bytes, elements',
        description: `${cls} ${htmlGzip} ${elements}`,
      });
      const budget = budgetFor(path);
      const moved = shifts.map((shift) => `${shift.value.toFixed(4)} at ${shift.at} ms: ${shift.moved.join('; ')}`);
      expect(cls, `layout shifts:\n${moved.join('\n')}`).toBeLessThanOrEqual(0.02);
      expect(htmlGzip).toBeLessThanOrEqual(budget.htmlGzip);
      expect(elements).toBeLessThanOrEqual(budget.elements);
    });
  }
}
