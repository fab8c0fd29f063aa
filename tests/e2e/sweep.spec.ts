import { expect, test } from '@playwright/test';
import { lessonPaths } from './site';

// A student changes a number in every cell of every lesson: the cell and what depends on it
// re-run and the outputs follow. Some changes make a cell fail (an index past the end, shapes
// that no longer fit): that must be a located error on the cell, never a broken page, and
// "Reset all cells" must bring the whole lesson back.
for (const path of lessonPaths) {
  test(`every cell of ${path} re-runs when a number in it is nudged`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(path);
    const ids = await page
      .locator('[data-cell]:not([data-cell-hidden]):has([data-cell-editor])')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-cell')!));
    let nudged = 0;
    const unchanged: string[] = [];
    const failed: string[] = [];
    for (const id of ids) {
      const cell = page.locator(`[data-cell="${id}"]`);
      const source = await cell
        .locator('script[data-cell-spec]')
        .evaluate((el) => (JSON.parse(el.textContent!) as { code: string }).code);
      // The first number literal that is not part of a name, and not inside a comment line.
      const match = /(?<![\w$.])(?<![\w$\])]\[)\d+(\.\d+)?/.exec(
        source
          .split('\n')
          .map((line) => line.replace(/\/\/.*$/, (c) => ' '.repeat(c.length)))
          .join('\n'),
      );
      if (!match) continue;
      const before = await cell.locator('[data-cell-output]').innerHTML();
      // Folded code: unfold it first, as a student would.
      if ((await cell.locator('details[data-cell-editor]:not([open]) summary').count()) > 0)
        await cell.locator('[data-cell-editor] summary').click();
      await cell.locator('[data-cell-editor] pre').click();
      const editor = cell.locator('.cm-content');
      await expect(editor).toBeVisible();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+Home');
      // To the end of the number, one character at a time (ArrowRight also crosses line ends).
      for (let i = 0; i < match.index + match[0].length; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Alt+ArrowUp');
      // Marks for a run appear only if it takes over 40 ms, so wait for its effect instead:
      // a new output or an error (some outputs do not depend on the nudged number).
      const outcome = async () =>
        (await cell.getAttribute('data-cell-status')) === 'error'
          ? 'error'
          : (await cell.locator('[data-cell-output]').innerHTML()) !== before
            ? 'changed'
            : 'same';
      await expect
        .poll(outcome, { timeout: 3000 })
        .not.toBe('same')
        .catch(() => undefined);
      await expect(cell).not.toHaveAttribute('data-cell-status', /stale|running/, { timeout: 5000 });
      nudged++;
      if ((await cell.getAttribute('data-cell-status')) === 'error') {
        const message = await cell.locator('.cell-error').first().innerText();
        // A failure is the student's to see: named, with its line when it is in this cell's code.
        expect(message).toMatch(/^Error/);
        failed.push(`${id}: ${message}`);
      } else if ((await cell.locator('[data-cell-output]').innerHTML()) === before) unchanged.push(id);
    }
    test.info().annotations.push({ type: 'cells nudged', description: `${nudged} of ${ids.length}` });
    console.log(
      `${path}: nudged ${nudged} of ${ids.length} cells; output unchanged: ${unchanged.join(', ') || 'none'}; failed as expected for such an edit: ${failed.join(' | ') || 'none'}`,
    );
    expect(errors).toEqual([]);
    expect(nudged).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reset all cells' }).click();
    await expect(page.locator('[data-notebook-message]')).toContainText('Reset');
    await expect(
      page.locator('[data-cell][data-cell-status="stale"], [data-cell][data-cell-status="running"]'),
    ).toHaveCount(0, { timeout: 10_000 });
    await expect(page.locator('[data-cell][data-cell-status="error"]')).toHaveCount(0);
  });
}
