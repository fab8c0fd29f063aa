// Issue 10: no output a cell returns, however large, stops the page painting for long. This
// file runs after every other browser test (the "frames" project in playwright.config.ts), on
// its own, so that the frame gaps it measures are the page's and not the other tests' load.
import { expect, test, type Page } from '@playwright/test';
import { editAndRun, editCode, output } from './site';

const lesson = '/lessons/softmax/';

// One at a time: a runaway cell beside a measurement would be measured too.
test.describe.configure({ mode: 'serial' });

/**
 * The longest gap between animation frames while `action` runs and for `settleMs` after it.
 * Nothing polls the page meanwhile: on two cores, Playwright's own polling would be measured too.
 */
async function longestFrameGap(page: Page, action: () => Promise<void>, settleMs = 1000): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { gaps: { last: number; max: number; on: boolean } };
    w.gaps = { last: performance.now(), max: 0, on: true };
    const tick = (now: number) => {
      w.gaps.max = Math.max(w.gaps.max, now - w.gaps.last);
      w.gaps.last = now;
      if (w.gaps.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => {
    const w = window as unknown as { gaps: { max: number; on: boolean } };
    w.gaps.on = false;
    return w.gaps.max;
  });
}

test.describe('nothing a cell returns freezes the page', () => {
  test('a 134-million-character string, a million-row table and a million log lines: no frame gap over 200 ms', async ({
    page,
  }) => {
    await page.goto(lesson);
    // The editor and the first run are ready, so what is measured is the output alone.
    await editAndRun(page, 'softmax-hardmax', '1');
    await expect(output(page, 'softmax-hardmax')).toHaveText('1');
    const cases: [string, RegExp][] = [
      ['let s = "x"; for (let i = 0; i < 27; i++) s += s; s', /Output cut: 20,000 of 134,217,728 characters are shown/],
      ['Array.from({ length: 1e6 }, (_, i) => ({ i, square: i * i }))', /Output cut: 50 of 1,000,000 rows are shown/],
      [
        'for (let i = 0; i < 1e6; i++) console.log("line", i); 1',
        /Console output cut: 200 of 1,000,000 lines are shown/,
      ],
      ['tex`${"x".repeat(300000)}`', /Output cut: 20,000 of 300,000 characters are shown/],
      ['new Float64Array(1e6)', /Output cut: 1,000 of 1,000,000 entries are shown/],
    ];
    for (const [code, note] of cases) {
      await editCode(page, 'softmax-hardmax', code);
      const gap = await longestFrameGap(page, () => page.keyboard.press('Shift+Enter'), 3000);
      await expect(output(page, 'softmax-hardmax').locator('[data-cell-cut]')).toHaveText(note, { timeout: 10_000 });
      console.log(`longest frame gap, ${code.slice(0, 40)}: ${gap.toFixed(0)} ms`);
      expect(gap, code).toBeLessThan(200);
    }
  });

  test('a runaway cell is stopped at its budget, and says so at once', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(page, 'softmax-hardmax', '1');
    await expect(output(page, 'softmax-hardmax')).toHaveText('1');
    await editCode(page, 'softmax-hardmax', 'while (true) {}');
    // When the stop message appears, measured in the page without polling it.
    await page.evaluate(() => {
      const out = document.querySelector('[data-cell="softmax-hardmax"] [data-cell-output]')!;
      const w = window as unknown as { stoppedAt?: number };
      new MutationObserver(() => {
        if (w.stoppedAt === undefined && out.textContent?.includes('budget of 2 s')) w.stoppedAt = performance.now();
      }).observe(out, { childList: true, subtree: true, characterData: true });
    });
    const started = await page.evaluate(() => performance.now());
    const gap = await longestFrameGap(page, () => page.keyboard.press('Shift+Enter'), 3000);
    await expect(output(page, 'softmax-hardmax')).toContainText('budget of 2 s');
    const after = (await page.evaluate(() => (window as unknown as { stoppedAt: number }).stoppedAt)) - started - 2000;
    console.log(
      `runaway: the stop message ${after.toFixed(0)} ms after its 2 s budget ran out; longest frame gap meanwhile ${gap.toFixed(0)} ms`,
    );
    expect(after).toBeLessThan(500);
    expect(gap).toBeLessThan(200);
  });
});
