import { expect, test, type Locator, type Page } from '@playwright/test';
import { answerSteps, collectErrors, editCode, showExercises } from './site';

// The student's desk (issue 15): progress across the course, where to continue, forgetting,
// and the small things a student meets.

const lesson = '/lessons/softmax/';
const outlineItem = (page: Page, id: string) => page.locator(`.outline [data-progress-lesson="${id}"]`);

async function answer(root: Locator, name: string, text: string): Promise<void> {
  const field = root.locator(`[data-answer="${name}"]`);
  await field.fill('');
  await field.pressSequentially(text);
  await field.press('Enter');
}

const blockStorage = (page: Page) =>
  page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });

test.describe('progress across the course', () => {
  test('solving an exercise moves its lesson’s data-lesson-progress, on the home page and in the sidebar', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('/');
    const item = outlineItem(page, 'softmax');
    const before = await item.getAttribute('data-lesson-progress');
    const [solved, total] = before!.split('/').map(Number);
    expect(solved).toBe(0);
    expect(total).toBeGreaterThan(1);
    await expect(item.locator('[data-progress-label]')).toHaveText(`0 of ${total} exercises solved`);

    await page.goto(lesson);
    await showExercises(page);
    const dz = page.locator('[data-exercise="softmax-dz"]');
    await answer(dz, 'dz', '-(y - yhat)');
    await expect(dz.locator('form[data-answer-form="dz"] [data-answer-verdict]')).toHaveAttribute(
      'data-answer-status',
      'correct',
    );
    // Solved once its derivation in steps (its solution's chain) is right too.
    await answerSteps(dz);

    await page.goto('/');
    await expect(item).toHaveAttribute('data-lesson-progress', `1/${total}`);
    await expect(item.locator('[data-progress-label]')).toHaveText(`1 of ${total} exercises solved`);
    await expect(page.locator('[data-desk-summary]')).toContainText('You have solved 1 of');
    // The other lessons did not move.
    await expect(outlineItem(page, 'convexity')).toHaveAttribute('data-lesson-progress', /^0\//);

    // The lesson's sidebar says the same once the page has loaded.
    await page.goto(lesson);
    const side = page.locator(`.course-nav [data-progress-lesson="softmax"]`);
    await expect(side).toHaveAttribute('data-lesson-progress', `1/${total}`);
    await expect(side.locator('[data-progress-label]')).toHaveText(`1 of ${total} exercises solved`);
    expect(errors).toEqual([]);
  });

  test('a lesson whose cells were edited says so on the home page', async ({ page }) => {
    await page.goto(lesson);
    await editCode(page, 'softmax-four', 'const z = [5, 2, -1, 4];\nconst yhat = softmax(z);\nyhat');
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('nn-live:edits:v1:/lessons/softmax/')))
      .not.toBeNull();
    await page.goto('/');
    await expect(outlineItem(page, 'softmax')).toHaveAttribute('data-lesson-edited', 'true');
    await expect(outlineItem(page, 'softmax').locator('[data-progress-label]')).toContainText('cells edited');
    await expect(outlineItem(page, 'convexity').locator('[data-progress-label]')).not.toContainText('edited');
  });

  test('the resume link opens the last lesson and section read', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/');
    await expect(page.locator('[data-resume]')).toBeHidden();

    await page.goto('/lessons/convexity/');
    const heading = page.locator('.prose h2#check-yourself');
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('nn-live:reading:v1')))
      .toBe(JSON.stringify({ lesson: 'convexity', section: 'check-yourself' }));

    await page.goto('/');
    const resume = page.locator('[data-resume]');
    await expect(resume).toBeVisible();
    await expect(resume).toHaveText(/Continue where you left off: Convexity.*Check yourself/);
    await resume.click();
    await expect(page).toHaveURL(/\/lessons\/convexity\/#check-yourself$/);
    await expect(page.locator('.prose h2#check-yourself')).toBeInViewport();

    // The Exercises section the lesson page adds after the lesson's own is a place too.
    await page.locator('h2#exercises').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('nn-live:reading:v1')))
      .toBe(JSON.stringify({ lesson: 'convexity', section: 'exercises' }));
    await page.goto('/');
    await expect(page.locator('[data-resume]')).toHaveAttribute('href', '/lessons/convexity/#exercises');
    expect(errors).toEqual([]);
  });

  test('a stored place the course does not have is never a link', async ({ page }) => {
    await page.goto('/');
    for (const stored of [
      '{"lesson":"softmax","section":"\\"><img src=x onerror=alert(1)>"}',
      '{"lesson":"javascript:alert(1)","section":""}',
      '{"lesson":"../../etc","section":""}',
      'not json',
      '["softmax","check-yourself"]',
    ]) {
      await page.evaluate((value) => localStorage.setItem('nn-live:reading:v1', value), stored);
      await page.reload();
      await expect(page.locator('[data-resume]')).toBeHidden();
    }
    await page.evaluate(() => localStorage.setItem('nn-live:reading:v1', '{"lesson":"softmax","section":""}'));
    await page.reload();
    await expect(page.locator('[data-resume]')).toHaveAttribute('href', '/lessons/softmax/');
  });

  test('"Forget my progress" asks first, says what it forgets, and keeps the theme', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => {
      localStorage.setItem('theme', 'dark');
      localStorage.setItem('nn-live:reading:v1', '{"lesson":"softmax","section":""}');
      localStorage.setItem('nn-live:edits:v1:/lessons/softmax/', '{"softmax-four":{"code":"1","base":"00000000"}}');
      localStorage.setItem(
        'nn-live:exercises:v1',
        '{"softmax-dz":{"answers":{"dz":{"input":"x"}},"done":true},"other":{"answers":{}}}',
      );
    });
    await page.reload();
    await expect(page.locator('[data-resume]')).toBeVisible();
    const start = page.getByRole('button', { name: 'Forget my progress…' });
    await start.click();
    await expect(start).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[data-forget-confirm]')).toContainText(
      'your answers and their verdicts on every exercise, your edits to every lesson',
    );
    // "Keep" forgets nothing.
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(page.locator('[data-forget-confirm]')).toBeHidden();
    await expect(start).toBeFocused();
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(4);

    await start.click();
    await page.getByRole('button', { name: 'Forget it all' }).click();
    await expect(page.locator('[data-forget-status]')).toContainText('Your progress is forgotten');
    await expect(page.locator('[data-resume]')).toBeHidden();
    await expect(outlineItem(page, 'softmax').locator('[data-progress-label]')).not.toContainText('edited');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['theme']);
  });

  test('with storage blocked the home page says so, and nothing breaks', async ({ page }) => {
    const errors = collectErrors(page);
    await blockStorage(page);
    await page.goto('/');
    await expect(page.locator('[data-desk-blocked]')).toBeVisible();
    await expect(page.locator('[data-desk-blocked]')).toContainText("blocks this site's local storage");
    await expect(page.locator('[data-resume]')).toBeHidden();
    await expect(page.locator('[data-forget]')).toBeHidden();
    await page.goto(lesson);
    await page.mouse.move(10, 10);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(400);
    expect(errors).toEqual([]);
  });
});

test.describe('small things a student met', () => {
  test('the theme toggle’s label and aria-pressed both say the state', async ({ page }) => {
    // What the button shows: its text and the state its ::after adds.
    const shown = (button: Locator) =>
      button.evaluate((b) => b.textContent!.trim() + getComputedStyle(b, '::after').content.slice(1, -1));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toHaveAccessibleName('Dark theme: off');
    expect(await shown(toggle)).toBe('Dark theme: off');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toHaveAccessibleName('Dark theme: on');
    expect(await shown(toggle)).toBe('Dark theme: on');
  });

  test('search results show a formula once, not its MathML and TeX source beside it', async ({ page }) => {
    await page.goto('/search/?q=hardmax');
    const excerpts = page.locator('[data-search-results] li p');
    await expect(excerpts.first()).toBeVisible();
    const texts = await excerpts.allTextContents();
    // KaTeX's MathML carries the TeX source (\operatorname{hardmax}, z_i, …): none of it is indexed.
    for (const text of texts) expect(text).not.toMatch(/\\[a-z]+|[\^_]\{/);
    // The formula's text still reads, once: "hardmax(z)" from KaTeX's HTML, not twice in a row.
    expect(texts.join(' ')).toMatch(/hardmax\(z\)/);
    expect(texts.join(' ')).not.toMatch(/hardmax\(z\)\S*hardmax/);
  });

  test('the "Read as" preview follows the input: a malformed one shows its problem, not the last valid reading', async ({
    page,
  }) => {
    await page.goto(lesson);
    await showExercises(page);
    const dz = page.locator('[data-exercise="softmax-dz"]');
    const field = dz.locator('[data-answer="dz"]');
    const preview = dz.locator('[data-answer-preview]');
    await field.pressSequentially('yhat - y');
    await expect(preview).toContainText('Read as');
    await expect(preview.locator('.katex')).toBeVisible();
    await field.pressSequentially(' - (');
    await expect(preview).toContainText('Not readable yet:');
    await expect(preview.locator('.katex')).toHaveCount(0);
    await expect(preview).toHaveAttribute('data-answer-preview-problem', '');
    // The problem is the checker's own message, as text.
    const message = (await preview.textContent())!.replace('Not readable yet:', '').trim();
    expect(message.length).toBeGreaterThan(5);
    await field.press('Backspace');
    await field.press('Backspace');
    await field.press('Backspace');
    await field.press('Backspace');
    await expect(preview).toContainText('Read as');
    await expect(preview.locator('.katex')).toBeVisible();
    await field.fill('');
    await expect(preview).toBeHidden();
  });

  test('exercise 6.1 says why the lesson’s printed output is not accepted: four significant figures', async ({
    page,
  }) => {
    await page.goto(lesson);
    await showExercises(page);
    const exercise = page.locator('[data-exercise="softmax-four-classes"]');
    await expect(exercise).toContainText('Give at least four significant figures');
    await answer(exercise, 'yhat', '0.842, 0.042, 0.002, 0.114');
    const verdict = exercise.locator('form[data-answer-form="yhat"] [data-answer-verdict]');
    await expect(verdict).toHaveAttribute('data-answer-status', 'incorrect');
    await expect(verdict).toHaveText(
      'Not correct: entries 2 and 3 are wrong; they are rounded too early, not within 0.1%: give at least four significant figures.',
    );
    await answer(exercise, 'yhat', '0.8421, 0.04192, 0.002087, 0.1140');
    await expect(verdict).toHaveAttribute('data-answer-status', 'correct');
  });

  test('explorer: the cost curve has labelled axes, and at epoch 0 says to press Play', async ({ page }) => {
    await page.goto('/lessons/shallow-networks/');
    const explorer = page.locator('[data-explorer="xor"]');
    const cost = explorer.locator('.explorer-cost');
    await expect(cost.locator('.explorer-cost-title')).toHaveText('Cost over the epochs');
    await expect(explorer.locator('svg.explorer-loss')).toHaveAccessibleName('Cost over the epochs');
    await expect(cost.locator('[data-loss-empty]')).toBeVisible();
    await expect(cost.locator('[data-loss-empty]')).toContainText('press Play');
    await expect(cost.locator('.explorer-cost-x')).toHaveText(/epoch 0\s*epoch 0/);
    await explorer.locator('[data-action="step"]').click();
    await expect(explorer.locator('[data-stat="epoch"]')).toHaveText('1');
    await expect(cost.locator('[data-loss-empty]')).toBeHidden();
    await expect(cost.locator('[data-loss-last]')).toHaveText('epoch 1');
    // The top of the cost axis is the largest cost so far, a number.
    await expect(cost.locator('[data-loss-top]')).toHaveText(/^\d+(\.\d+)?$/);
  });

  test('explorer: with 0 hidden layers, units and activation are disabled, and the page says why', async ({ page }) => {
    await page.goto('/lessons/logistic-regression/');
    const logistic = page.locator('[data-explorer="logistic"]');
    // Before any script is loaded for it, as after.
    for (const control of ['units', 'activation']) {
      await expect(logistic.locator(`[data-control="${control}"]`)).toBeDisabled();
      await expect(logistic.locator(`[data-control="${control}"]`)).toHaveAccessibleDescription(
        /With no hidden layer there are no units and no activation to choose: the model is logistic regression/,
      );
    }
    await expect(logistic.locator('[data-depth-note]')).toBeVisible();

    await page.goto('/lessons/shallow-networks/');
    const xor = page.locator('[data-explorer="xor"]');
    await expect(xor.locator('[data-depth-note]')).toBeHidden();
    await xor.locator('[data-control="depth"]').selectOption('0');
    await expect(xor.locator('[data-control="units"]')).toBeDisabled();
    await expect(xor.locator('[data-control="activation"]')).toBeDisabled();
    await expect(xor.locator('[data-depth-note]')).toBeVisible();
    await xor.locator('[data-control="depth"]').selectOption('1');
    await expect(xor.locator('[data-control="units"]')).toBeEnabled();
    await expect(xor.locator('[data-depth-note]')).toBeHidden();
  });

  test('explorer: an added point is marked as the student’s, and the figures change at once', async ({ page }) => {
    await page.goto('/lessons/shallow-networks/');
    const xor = page.locator('[data-explorer="xor"]');
    await xor.locator('[data-action="step"]').click();
    await expect(xor.locator('[data-stat="epoch"]')).toHaveText('1');
    await expect(xor.locator('[data-added-legend]')).toBeHidden();
    const before = await xor.locator('[data-stat="loss"]').textContent();
    const canvas = xor.locator('canvas');
    const box = (await canvas.boundingBox())!;
    // Points of class 1 in a corner where XOR says class 0: the cost goes up.
    for (let i = 0; i < 6; i++) await page.mouse.click(box.x + 12 + 6 * i, box.y + box.height - 12);
    await expect(xor.locator('[data-explorer-message]')).toContainText('6 added in all');
    await expect(xor.locator('[data-added-legend]')).toBeVisible();
    await expect(xor.locator('[data-added-legend]')).toContainText('added by you');
    await expect(xor.locator('[data-stat="epoch"]')).toHaveText('1');
    await expect(xor.locator('[data-stat="loss"]')).not.toHaveText(before!);
    await xor.locator('[data-action="clear-points"]').click();
    await expect(xor.locator('[data-added-legend]')).toBeHidden();
  });

  test('number tables on a phone: a number never breaks, and a column keeps one notation', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/lessons/softmax/', '/lessons/activations/', '/lessons/convexity/']) {
      await page.goto(path);
      const tables = await page.locator('[data-cell-output] .cell-table table').evaluateAll((found) =>
        found.map((table) => {
          const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children]);
          const columns = rows[0]?.map((_, j) => rows.map((row) => row[j]).filter((td) => td?.matches('td.num'))) ?? [];
          return {
            // A number broken across lines has more than one line box.
            broken: [...table.querySelectorAll('td.num')]
              .filter((td) => {
                const range = document.createRange();
                range.selectNodeContents(td);
                return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
              })
              .map((td) => td.textContent),
            // Per column: the non-zero numbers with an exponent, and without.
            notations: columns.map((column) => {
              // Whole numbers are written exactly in either notation.
              const texts = column.map((td) => td!.textContent!).filter((t) => !/^[−-]?\d+$/.test(t));
              return [texts.some((t) => t.includes('e')), texts.some((t) => !t.includes('e'))];
            }),
          };
        }),
      );
      expect(tables.length, path).toBeGreaterThan(0);
      for (const { broken, notations } of tables) {
        expect(broken, path).toEqual([]);
        for (const [exponent, plain] of notations) expect(exponent && plain, path).toBe(false);
      }
    }
  });

  test('a printed sheet has no focus ring or verdicts, and its answer key prints the answers on the lines', async ({
    page,
  }) => {
    const sheet = '/exercises/sheet/?title=Week%206&ex=softmax-four-classes';
    await page.goto(sheet);
    const exercise = page.locator('[data-exercise="softmax-four-classes"]');
    await answer(exercise, 'sum', '176');
    const verdict = exercise.locator('form[data-answer-form="sum"] [data-answer-verdict]');
    await expect(verdict).not.toBeEmpty();
    const print = page.getByRole('button', { name: /print/i }).first();
    await print.focus();
    await page.emulateMedia({ media: 'print' });
    await expect(verdict).toBeHidden();
    await expect(exercise.locator('[data-exercise-state-label]')).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('none');
    // Not a key: blank lines to write on.
    await expect(exercise.locator('.answer-key').first()).toBeHidden();
    await expect(exercise.locator('.answer-input').first()).toBeVisible();

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${sheet}&solutions=1`);
    await expect(exercise.locator('.answer-key').first()).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    const sum = exercise.locator('form[data-answer-form="sum"]');
    await expect(sum.locator('.answer-key')).toBeVisible();
    await expect(sum.locator('.answer-key annotation')).toHaveText('176.3');
    await expect(sum.locator('.answer-input')).toBeHidden();
    await expect(exercise.locator('form[data-answer-form="yhat"] .answer-key annotation')).toHaveText(
      '\\left[0.8420,\\ 0.04192,\\ 0.002087,\\ 0.1140\\right]',
    );
  });
});
