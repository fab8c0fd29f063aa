import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cell, editCode } from './site';

const lesson = '/lessons/softmax/';

/** Opens the cell's editor, empties it and types `text` key by key, as a student does. */
async function typeInCell(page: Page, id: string, text: string): Promise<void> {
  await editCode(page, id, '');
  await page.keyboard.type(text);
}

test.describe('the cell editor knows the course API', () => {
  // axe on a lesson's thousands of KaTeX spans is slow on a busy machine (a11y.spec.ts allows 120 s).
  test.describe.configure({ timeout: 90_000 });

  test('typing softm offers softmax with its signature and doc', async ({ page }) => {
    await page.goto(lesson);
    await typeInCell(page, 'softmax-four', 'softm');
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect(list).toBeVisible();
    const first = list.locator('li').first();
    await expect(first).toContainText('softmax');
    await expect(first).toContainText('(z: readonly number[]): number[]');
    await expect(page.locator('.cm-completionInfo')).toContainText('softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}');
    // The list also offers softmaxColumns, with the shapes its doc gives.
    await expect(list).toContainText('softmaxColumns');
    const results = await new AxeBuilder({ page }).include('[data-cell="softmax-four"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    // Enter takes the completion.
    await page.keyboard.press('Enter');
    await expect(cell(page, 'softmax-four').locator('.cm-content')).toHaveText('softmax');
  });

  test("completes the lesson's own names and the members of Math and Plot", async ({ page }) => {
    await page.goto(lesson);
    await typeInCell(page, 'softmax-three', 'yha');
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect(list.locator('li').first()).toContainText('yhat');
    await expect(page.locator('.cm-completionInfo')).toContainText("Defined in the cell 'Softmax of four scores'");
    await page.keyboard.press('Escape');
    await page.keyboard.type(' + Math.ex');
    await expect(list.locator('li').first()).toContainText('exp');
    await expect(page.locator('.cm-completionInfo')).toContainText('Returns e (the base of natural logarithms)');
  });

  test('hovering softmax shows its doc', async ({ page }) => {
    await page.goto(lesson);
    await typeInCell(page, 'softmax-three', 'softmax([1, 2])');
    await page.keyboard.press('Escape');
    const name = cell(page, 'softmax-three').locator('.cm-content span', { hasText: /^softmax$/ });
    const tip = page.locator('.cm-tooltip-hover');
    // The tooltip comes after the pointer rests a moment; a move restarts that wait.
    await expect(async () => {
      await name.hover({ position: { x: 4, y: 4 } });
      await name.hover();
      await expect(tip).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(tip).toContainText('softmax(z: readonly number[]): number[]');
    await expect(tip).toContainText('for a vector of C ≥ 1 values');
    const results = await new AxeBuilder({ page }).include('[data-cell="softmax-three"]').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('typing ( after a function shows its parameters, the current one marked', async ({ page }) => {
    await page.goto(lesson);
    await typeInCell(page, 'softmax-three', 'matmul(');
    const hint = page.locator('.cm-nn-hint');
    await expect(hint).toContainText('matmul(A: Matrix, B: Matrix): Matrix');
    await expect(hint.locator('strong')).toHaveText('A: Matrix');
    await page.keyboard.type('x, ');
    await expect(hint.locator('strong')).toHaveText('B: Matrix');
    // Closing the call closes the hint.
    await page.keyboard.type('y)');
    await expect(hint).toHaveCount(0);
  });

  test('an unknown name is underlined before running, with a suggestion', async ({ page }) => {
    await page.goto(lesson);
    await typeInCell(page, 'softmax-three', 'const p = softmx([1, 2]);\np');
    await page.keyboard.press('Escape');
    const underline = cell(page, 'softmax-three').locator('.cm-lintRange-warning');
    await expect(underline).toHaveText('softmx');
    await underline.hover();
    await expect(page.locator('.cm-tooltip-lint')).toContainText(
      "'softmx' is not defined in this lesson. Did you mean 'softmax'?",
    );
    // Nothing ran: the cell still shows the lesson's output.
    await expect(cell(page, 'softmax-three')).toHaveAttribute('data-cell-status', 'idle');
    // Names the cell declares, the lesson's cells define and JavaScript has are not underlined.
    await editCode(page, 'softmax-three', 'const q = yhat.map((v) => Math.exp(v) + Number(v));\nq');
    await page.waitForTimeout(800);
    await expect(cell(page, 'softmax-three').locator('.cm-lintRange-warning')).toHaveCount(0);
  });
});
