import { expect, test } from '@playwright/test';
import { MIN_CHART_TEXT_PX } from '../../src/notebook/plot';
import { SCROLL_REGIONS } from '../../src/scripts/scrollRegions';
import { lessonPaths, scrollToIt } from './site';

// On a phone, wide equations, outputs, tables and code scroll inside themselves. Nothing shows
// that they do (a phone shows no scrollbar until one scrolls), so each wide block fades out at
// the edge where content is hidden, and takes focus so a keyboard can scroll it; charts keep
// their text legible and scroll rather than shrink.
test.describe('on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const path of lessonPaths) {
    test(`${path}: every block wider than the column can be focused and fades where it is cut`, async ({ page }) => {
      await page.goto(path);
      // Blocks are measured as they near the screen, and all of them at the first Tab
      // (scrollRegions.ts): a keyboard reaches every wide block.
      await page.keyboard.press('Tab');
      // A block's fonts may arrive after it is first laid out (the exercises' part is laid out at
      // this Tab, and its KaTeX fonts are asked for then): the block is measured again a moment
      // later, and a keyboard reaches it then.
      await expect(async () => {
        const blocks = await page.evaluate((selector) => {
          return [...document.querySelectorAll<HTMLElement>(selector)]
            .filter((block) => block.getClientRects().length > 0 && block.scrollWidth - block.clientWidth > 1)
            .map((block) => ({
              what: `${block.closest('[data-cell]')?.getAttribute('data-cell') ?? block.closest('section, article')?.querySelector('h2, h3')?.textContent ?? ''} ${block.className || block.tagName} “${(block.textContent ?? '').slice(0, 40)}”`,
              tabIndex: block.tabIndex,
              overflow: block.dataset['overflow'] ?? null,
              mask: getComputedStyle(block).maskImage,
            }));
        }, SCROLL_REGIONS);
        const wrong = blocks.filter((b) => b.tabIndex !== 0 || b.overflow !== 'end' || !b.mask.includes('gradient'));
        expect(wrong).toEqual([]);
      }).toPass({ timeout: 5_000 });
    });
  }

  test('a wide block far down the page is measured when it nears the screen, with no key pressed', async ({ page }) => {
    await page.goto('/lessons/softmax/');
    // The last wide display equation of the lesson's text (not in a closed solution), screens below the first.
    const last = await page.evaluate((selector) => {
      const wide = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (block) =>
          block.matches('.prose .katex-display') &&
          !block.closest('details:not([open])') &&
          block.scrollWidth - block.clientWidth > 1,
      );
      wide.at(-1)!.setAttribute('data-test-block', '');
      return wide.at(-1)!.getBoundingClientRect().top;
    }, SCROLL_REGIONS);
    expect(last).toBeGreaterThan(5000);
    const block = page.locator('[data-test-block]');
    await scrollToIt(block);
    await expect(block).toHaveAttribute('data-overflow', 'end');
    await expect(block).toHaveAttribute('tabindex', '0');
  });

  test('a block scrolled to its end fades at its start instead', async ({ page }) => {
    await page.goto('/lessons/softmax/');
    await page.keyboard.press('Tab');
    // Pinned by an attribute of its own: the locator must not follow data-overflow to another block.
    await page
      .locator('.prose .katex-display[data-overflow="end"]')
      .first()
      .evaluate((el) => el.setAttribute('data-test-block', ''));
    const block = page.locator('[data-test-block]');
    await block.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(block).toHaveAttribute('data-overflow', 'start');
    await block.evaluate((el) => el.scrollTo({ left: 8 }));
    await expect(block).toHaveAttribute('data-overflow', 'start end');
  });

  test('an output a cell re-renders gets the same cue', async ({ page }) => {
    await page.goto('/lessons/softmax/');
    // Two scores make a table that fits; eight make a new, wider one.
    const table = page.locator('[data-cell="softmax-stable"] [data-cell-output] table');
    await expect(table).toBeVisible();
    expect(await table.getAttribute('data-overflow')).toBeNull();
    await page.locator('[data-cell="input-scores"] input').fill('1, 2, 3, 4, 5, 6, 7, 8');
    await expect(table.locator('th')).toHaveCount(9);
    await scrollToIt(table);
    await expect(table).toHaveAttribute('data-overflow', 'end');
    await expect(table).toHaveAttribute('tabindex', '0');
  });

  for (const path of lessonPaths) {
    test(`${path}: chart text is drawn at ${MIN_CHART_TEXT_PX} px or more`, async ({ page }) => {
      await page.goto(path);
      // Each chart on screen in turn: a lesson's parts away from the screen are not laid out.
      const sizes = [];
      for (const chart of await page.locator('.cell-plot svg[viewBox]').all()) {
        await scrollToIt(chart);
        sizes.push(
          ...(await chart.evaluate((svg: SVGSVGElement) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const cell = svg.closest('[data-cell]')?.getAttribute('data-cell');
            return [...svg.querySelectorAll('text')].map((text) => ({
              cell,
              text: text.textContent,
              px: parseFloat(getComputedStyle(text).fontSize) * scale,
            }));
          })),
        );
      }
      const small = sizes.filter((s) => s.px < MIN_CHART_TEXT_PX - 0.01);
      expect(small).toEqual([]);
    });
  }
});
