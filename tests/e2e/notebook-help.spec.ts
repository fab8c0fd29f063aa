import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { softmax } from '../../src/ml';
import { formatNumber } from '../../src/display/numbers';
import { cell, editAndRun, output } from './site';

const lesson = '/lessons/softmax/';
const shown = (page: import('@playwright/test').Page) =>
  output(page, 'softmax-four').locator('.katex-mathml mn').allTextContents();
const lessonVector = softmax([5, 2, -1, 3]).map(formatNumber);

test('the first cell a student focuses shows the Alt+↑/↓ hint under its code, once', async ({ page }) => {
  await page.goto(lesson);
  await expect(page.locator('[data-cell-hint]')).toHaveCount(0);
  await cell(page, 'softmax-four').locator('[data-cell-editor] pre').click();
  const hint = cell(page, 'softmax-four').locator('[data-cell-hint]');
  await expect(hint).toHaveText(
    'Tip: Alt+↑ and Alt+↓ change the number at the cursor and run the cell; ? lists every key.',
  );
  await expect(hint).toBeVisible();
  // Another cell focused later gets no second hint.
  await cell(page, 'softmax-three').locator('[data-cell-editor] pre').click();
  await expect(cell(page, 'softmax-three').locator('.cm-content')).toBeFocused();
  await expect(page.locator('[data-cell-hint]')).toHaveCount(1);
});

test('? opens the Keyboard help when not typing in a field, and types ? in a cell', async ({ page }) => {
  await page.goto(lesson);
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await page.locator('h1').click();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Alt+↑ / Alt+↓');
  await expect(help).toContainText('Change the number at the cursor by one step of its last digit');
  const results = await new AxeBuilder({ page }).include('[data-notebook-keys]').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // The bar's button opens it too.
  await page.getByRole('button', { name: 'Keyboard' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  // In a cell's editor, ? is a character.
  await cell(page, 'softmax-three').locator('[data-cell-editor] pre').click();
  const editor = cell(page, 'softmax-three').locator('.cm-content');
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('?');
  await expect(help).toBeHidden();
  await expect(editor).toContainText('?');
});

test('"Reset all cells" can be undone for at least 10 s, edits and saved state included', async ({ page }) => {
  await page.clock.install();
  await page.goto(lesson);
  await editAndRun(
    page,
    'softmax-four',
    'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
  );
  await expect.poll(() => shown(page)).toEqual(['0.25', '0.25', '0.25', '0.25']);
  await page.getByRole('button', { name: 'Reset all cells' }).click();
  await expect.poll(() => shown(page)).toEqual(lessonVector);
  const message = page.locator('[data-notebook-message]');
  await expect(message).toContainText("Reset 1 cell to the lesson's version.");
  const undo = message.getByRole('button', { name: /^Undo/ });
  await page.clock.fastForward(10_000);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(message).toContainText('Your edits are back in 1 cell.');
  await expect(cell(page, 'softmax-four').locator('.cm-content')).toContainText('[1, 1, 1, 1]');
  await expect.poll(() => shown(page)).toEqual(['0.25', '0.25', '0.25', '0.25']);
  await expect(cell(page, 'softmax-four').locator('[data-cell-notice]')).toContainText('You edited this cell');
  // What was saved is back too: a reload shows and runs the edit.
  await page.reload();
  await expect(cell(page, 'softmax-four').locator('[data-cell-editor]')).toContainText('[1, 1, 1, 1]');
  await expect.poll(() => shown(page)).toEqual(['0.25', '0.25', '0.25', '0.25']);
  // The offer lasts a while, then goes; focus on it moves back to the Reset button.
  await page.getByRole('button', { name: 'Reset all cells' }).click();
  await expect(message.getByRole('button', { name: /^Undo/ })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect(message.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(message).toContainText("Reset 1 cell to the lesson's version.");
});
