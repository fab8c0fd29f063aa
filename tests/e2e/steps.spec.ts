import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, showExercises } from './site';

// The derivative of the sigmoid, typed one step per line (lesson 2's first exercise).
const lesson = '/lessons/logistic-regression/';
const id = 'lr-sigmoid-derivative';
const name = 'dsigma-steps';
const sheet = `/exercises/sheet/?title=Week%202&ex=${id}`;

const exercise = (page: Page) => page.locator(`[data-exercise="${id}"]`);
const form = (page: Page) => exercise(page).locator(`form[data-answer-form="${name}"]`);
const field = (page: Page) => form(page).locator('[data-steps]');
const verdict = (page: Page) => form(page).locator('[data-answer-verdict]');
const steps = (page: Page) => form(page).locator('[data-step]');

const right = [
  "σ'(z) = -(1 + exp(-z))^(-2) * (-exp(-z))",
  '= exp(-z) / (1 + exp(-z))^2',
  '= 1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))',
  '= sigma(z) (1 - sigma(z))',
];

/** Types the lines as a student does (Enter between them) and checks with Ctrl+Enter. */
async function typeSteps(page: Page, lines: readonly string[]): Promise<void> {
  const box = field(page);
  await box.fill('');
  await box.click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await box.press('Enter');
    await box.pressSequentially(line);
  }
  await box.press('Control+Enter');
}

async function statuses(list: Locator): Promise<(string | null)[]> {
  return list.evaluateAll((items) => items.map((item) => item.getAttribute('data-step-status')));
}

test.describe('a derivation checked step by step', () => {
  test('a right chain of four lines: every line follows, and the answer is correct', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(lesson);
    await showExercises(page);
    await typeSteps(page, right);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'correct');
    // Enter made new lines, and the field grew with them.
    expect(await field(page).inputValue()).toBe(right.join('\n'));
    expect(await field(page).evaluate((box) => box.clientHeight >= box.scrollHeight)).toBe(true);
    await expect(steps(page)).toHaveCount(4);
    expect(await statuses(steps(page))).toEqual(['follows', 'follows', 'follows', 'follows']);
    expect(await steps(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-step')))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    // Each line typeset as it was read, and the milestones named where a line reaches one.
    await expect(steps(page).nth(3).locator('.katex')).toBeVisible();
    await expect(steps(page).nth(0)).toContainText('Equals the derivative');
    await expect(steps(page).nth(0)).toContainText('the chain rule applied once');
    await expect(steps(page).nth(2)).toContainText('Two fractions over 1 + e^(−z)');
    // The verdict is announced.
    await expect(verdict(page)).toHaveAttribute('role', 'status');
    // Editing clears the verdicts: the lines show as read, without one.
    await field(page).press('End');
    await field(page).pressSequentially(' ');
    await expect(verdict(page)).not.toHaveAttribute('data-answer-status');
    await expect(steps(page).first()).not.toHaveAttribute('data-step-status');
    expect(errors).toEqual([]);
  });

  test('the square dropped in line 2: line 2 does not follow, line 3 follows from it, not correct', async ({
    page,
  }) => {
    await page.goto(lesson);
    await showExercises(page);
    await typeSteps(page, [
      "σ'(z) = -(1 + exp(-z))^(-2) * (-exp(-z))",
      '= exp(-z) / (1 + exp(-z))',
      '= exp(-z) * 1/(1 + exp(-z))',
      '= exp(-z) sigma(z)',
    ]);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'incorrect');
    expect(await statuses(steps(page))).toEqual(['follows', 'broken', 'follows', 'follows']);
    await expect(steps(page).nth(1)).toContainText(
      /Does not follow from the line before: at z = −?[\d.]+ the line before gives [\d.]+, this line gives [\d.]+\./,
    );
    await expect(steps(page).nth(2)).toContainText('Follows from the line before');
    // The last line is judged apart: the chain ends somewhere else than σ′(z).
    await expect(verdict(page)).toContainText('line 2 does not follow from the line before');
    await expect(verdict(page)).toContainText('your chain ends at line 4, which is not the expected result');
    await expect(exercise(page).locator('[data-exercise-state-label]')).toHaveText('Tried');
  });

  test('a first line that is not σ′: line 1 does not equal the derivative', async ({ page }) => {
    await page.goto(lesson);
    await showExercises(page);
    await typeSteps(page, ['sigma(z)', '= 1/(1 + exp(-z))']);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'incorrect');
    expect(await statuses(steps(page))).toEqual(['broken', 'follows']);
    await expect(steps(page).nth(0)).toContainText('Does not equal the derivative');
    await expect(verdict(page)).toContainText('line 1 does not equal the derivative');
  });

  test('an unreadable line: the line is marked where the message points, and the field selects it', async ({
    page,
  }) => {
    await page.goto(lesson);
    await showExercises(page);
    await typeSteps(page, ["σ'(z) = exp(-z) / (1 + exp(-z))^2", '= sigma(z) (1 - sigma(z)']);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'invalid');
    await expect(verdict(page)).toContainText("line 2 could not be read: missing ')'");
    expect(await statuses(steps(page))).toEqual(['follows', 'invalid']);
    const bad = steps(page).nth(1);
    await expect(bad).toContainText("Cannot be read: missing ')' for the '(' at column 12.");
    await expect(bad.locator('mark')).toHaveText('(');
    // Markup typed into a line is text, never markup.
    await typeSteps(page, ['<img src=x onerror=alert(1)>']);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'invalid');
    await expect(form(page).locator('img')).toHaveCount(0);
    await expect(steps(page).first()).toContainText('<img src=x onerror=alert(1)>');
    // The part the message is about is selected in the field, for the student to fix.
    const selection = await field(page).evaluate((box: HTMLTextAreaElement) => [box.selectionStart, box.selectionEnd]);
    expect(selection[1]! - selection[0]!).toBeGreaterThan(0);
  });

  test('a reload keeps the lines and the verdict', async ({ page }) => {
    await page.goto(lesson);
    await showExercises(page);
    await typeSteps(page, right);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'correct');
    await page.reload();
    await showExercises(page);
    await expect(field(page)).toHaveValue(right.join('\n'));
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'correct');
    // The field is as tall as its lines, and Ctrl+Enter checks again straight away.
    expect(await field(page).evaluate((box) => box.clientHeight >= box.scrollHeight)).toBe(true);
    await field(page).press('Control+Enter');
    await expect(steps(page)).toHaveCount(4);
    expect(await statuses(steps(page))).toEqual(['follows', 'follows', 'follows', 'follows']);
  });

  test('on a sheet: the lines go into the answers file, come back from it, and print', async ({ page }) => {
    await page.goto(sheet);
    await typeSteps(page, right);
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'correct');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download my answers/ }).click(),
    ]);
    const path = await download.path();
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.progress[id].answers[name].input).toBe(right.join('\n'));

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(field(page)).toHaveValue('');
    await page.getByLabel('Load answers from a file').setInputFiles(path);
    await expect(field(page)).toHaveValue(right.join('\n'));
    await expect(verdict(page)).not.toHaveAttribute('data-answer-status');

    await page.emulateMedia({ media: 'print' });
    await expect(field(page)).toBeHidden();
    const printed = form(page).locator('[data-steps-print]');
    await expect(printed).toBeVisible();
    await expect(printed).toHaveText(right.join('\n'));
    const pdf = await page.pdf({ format: 'A4' });
    await test.info().attach('steps-sheet.pdf', { body: pdf, contentType: 'application/pdf' });
  });

  test('an empty steps field prints as room to write', async ({ page }) => {
    await page.goto(sheet);
    await page.emulateMedia({ media: 'print' });
    const printed = form(page).locator('[data-steps-print]');
    await expect(printed).toBeVisible();
    expect((await printed.boundingBox())!.height).toBeGreaterThan(100);
  });

  test('works on a phone: typed and checked by touch, with nothing wider than the screen', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(lesson);
    await showExercises(page);
    await field(page).tap();
    await page.keyboard.type(right.join('\n'));
    await form(page).getByRole('button', { name: 'Check' }).tap();
    await expect(verdict(page)).toHaveAttribute('data-answer-status', 'correct');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in the exercise with its lines checked (${scheme})`, async ({ page }) => {
      // The lesson's thousands of KaTeX spans make axe slow, even on one exercise.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(lesson);
      await showExercises(page);
      await typeSteps(page, ['sigma(z)', '= exp(-z) / (1 + exp(-z))^2', '= sigma(z) (1 - sigma(z)']);
      await expect(verdict(page)).toHaveAttribute('data-answer-status', 'invalid');
      await expect(steps(page).nth(1).locator('.katex')).toBeVisible();
      const axe = new AxeBuilder({ page }).include(`[data-exercise="${id}"]`);
      if (scheme === 'dark') axe.withRules(['color-contrast']);
      const results = await axe.analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});
