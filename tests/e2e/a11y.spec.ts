import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { allPaths, sheetSettled } from './site';

// Every rule in the light theme; the dark theme changes only colours, so there axe checks contrast.
for (const scheme of ['light', 'dark'] as const) {
  for (const path of [...allPaths, '/404.html']) {
    test(`axe finds no violations on ${path} (${scheme})`, async ({ page }) => {
      // A lesson's thousands of KaTeX and highlighted-code spans make a full axe run slow.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await sheetSettled(page);
      // As a keyboard user starts: the first Tab lays out every part of a lesson and gives each
      // wide block its tab stop (scrollRegions.ts); before it, blocks away from the screen have
      // not been measured (their parts are not laid out: content-visibility, lesson.css).
      await page.keyboard.press('Tab');
      const axe = new AxeBuilder({ page });
      if (scheme === 'dark') axe.withRules(['color-contrast']);
      const results = await axe.analyze();
      const summary = results.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
      expect(summary).toEqual([]);
    });
  }
}
