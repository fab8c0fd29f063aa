import { expect, test } from '@playwright/test';
import { auditCharts } from './contrast';
import { lessonPaths } from './site';

// Every chart a lesson draws, in both themes: its text and its marks stand out from the page
// (4.5:1 for text, 3:1 for marks), so nothing is drawn in a fixed black or white.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`charts in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of lessonPaths) {
      test(`${path}: every chart's text and marks have enough contrast with the page`, async ({ page }) => {
        await page.goto(path);
        const figures = await page.locator('.cell-plot svg').count();
        const { checked, problems } = await page.evaluate(auditCharts, '.cell-plot');
        expect(problems).toEqual([]);
        if (figures > 0) expect(checked).toBeGreaterThan(figures);
      });
    }
  });
}
