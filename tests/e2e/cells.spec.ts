import { expect, test, type Page } from '@playwright/test';
import { softmax } from '../../src/ml';
import { formatNumber } from '../../src/display/numbers';
import { cell, editAndRun, openSharedLink, output } from './site';

/** Σ e^{z_j}, as the sum cell shows it. */
const sumOfExp = (z: number[]) => formatNumber(z.map(Math.exp).reduce((a, b) => a + b, 0));

const lesson = '/lessons/softmax/';
/** The probabilities the softmax cell shows, read from its typeset vector. */
async function shownVector(page: Page, id: string): Promise<string[]> {
  return cell(page, id).locator('[data-cell-output] .katex-mathml mn').allTextContents();
}

test.describe('a lesson notebook', () => {
  test('shows prerendered outputs with the test hooks before any script runs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lesson);
    await expect(cell(page, 'softmax-four')).toHaveAttribute('data-cell-status', 'idle');
    await expect(cell(page, 'softmax-four').locator('[data-cell-editor] pre')).toContainText('softmax(z)');
    expect(await shownVector(page, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
    await expect(output(page, 'softmax-chart').locator('svg rect')).toHaveCount(4);
    await expect(output(page, 'softmax-sum')).toContainText(sumOfExp([5, 2, -1, 3]));
    // Controls that need JavaScript stay out of the way.
    await expect(cell(page, 'softmax-four').locator('[data-cell-run]')).toBeHidden();
    await context.close();
  });

  test('shows an erratum beside a cell whose slide disagrees with the computation', async ({ page }) => {
    await page.goto(lesson);
    const note = page.locator('[data-errata="softmax-three"]');
    await expect(note).toBeVisible();
    // What the slide shows (lecture 02) and what the cell computes, side by side.
    await expect(note.locator('.errata-slide')).toHaveText('[0.952, 0.00037, 0.048]');
    await expect(note.locator('.errata-computed')).toHaveText(`[${softmax([6, -2, 3]).map(formatNumber).join(', ')}]`);
  });

  test("keeps an erratum true after the student edits its cell: its number is the lesson's version's", async ({
    page,
  }) => {
    await page.goto(lesson);
    const lessonValue = `[${softmax([6, -2, 3]).map(formatNumber).join(', ')}]`;
    await editAndRun(page, 'softmax-three', 'softmax([1, 1, 1])');
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(['0.333', '0.333', '0.333']);
    const note = page.locator('[data-errata="softmax-three"]');
    // The note quotes what the lesson's code computes, and says that is what it quotes.
    await expect(note.locator('.errata-computed')).toHaveText(lessonValue);
    await expect(note).toContainText(`the lesson's version of the cell above computes ${lessonValue}`);
  });

  test('re-runs an edited cell, and its dependents follow: 0.25 four times and the chart', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(
      page,
      'softmax-four',
      'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
    );
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.25', '0.25', '0.25', '0.25']);
    await expect(cell(page, 'softmax-four')).toHaveAttribute('data-cell-status', 'idle');
    // The sum of e^1 four times, and four bars of equal height.
    await expect(output(page, 'softmax-sum')).toContainText(sumOfExp([1, 1, 1, 1]));
    const heights = () =>
      output(page, 'softmax-chart')
        .locator('svg g[aria-label="bar"] rect')
        .evaluateAll((rects) => rects.map((r) => r.getAttribute('height')));
    await expect.poll(async () => new Set(await heights()).size).toBe(1);
    expect(await heights()).toHaveLength(4);
  });

  test('runs exactly the downstream cells: an unrelated cell is left alone', async ({ page }) => {
    await page.goto(lesson);
    // Record every status change of a cell that does not read the edited one.
    await page.evaluate(() => {
      const w = window as unknown as { changes: string[] };
      w.changes = [];
      const unrelated = document.querySelector('[data-cell="softmax-three"]')!;
      new MutationObserver(() => w.changes.push(unrelated.getAttribute('data-cell-status')!)).observe(unrelated, {
        attributes: true,
        attributeFilter: ['data-cell-status'],
      });
      (unrelated.querySelector('[data-cell-output] > *') as unknown as { marker: number }).marker = 1;
    });
    await editAndRun(
      page,
      'softmax-four',
      'const z = [2, 2, 2, 2];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
    );
    await expect(output(page, 'softmax-sum')).toContainText(sumOfExp([2, 2, 2, 2]));
    expect(await page.evaluate(() => (window as unknown as { changes: string[] }).changes)).toEqual([]);
    expect(
      await page.evaluate(
        () =>
          (
            document.querySelector('[data-cell="softmax-three"] [data-cell-output] > *') as unknown as {
              marker?: number;
            }
          ).marker,
      ),
    ).toBe(1);
  });

  test('stops a runaway cell within its budget while the page stays responsive', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(page, 'softmax-three', 'while (true) {}');
    const started = Date.now();
    // The main thread keeps painting frames while the loop spins in the worker.
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          const tick = () => {
            count++;
            if (count < 30) requestAnimationFrame(tick);
            else resolve(count);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(frames).toBe(30);
    await expect(cell(page, 'softmax-three')).toHaveAttribute('data-cell-status', 'error', { timeout: 4000 });
    expect(Date.now() - started).toBeLessThan(2000 + 1500);
    await expect(output(page, 'softmax-three')).toContainText('budget of 2 s');
    // The other cells still work after the worker restarted.
    await editAndRun(
      page,
      'softmax-four',
      'const z = [0, 0];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
    );
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.5', '0.5']);
    await editAndRun(page, 'softmax-three', 'softmax([6, -2, 3])[0]');
    await expect(output(page, 'softmax-three')).toContainText('0.952');
  });

  test('shows a thrown error with its line and column, and a syntax error before running', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(page, 'softmax-three', 'const a = 1;\nconst b: number = a + 1;\nthrow new Error("boom at " + b)');
    await expect(output(page, 'softmax-three').locator('.cell-error')).toContainText('boom at 2');
    await expect(output(page, 'softmax-three').locator('.cell-error')).toContainText('line 3');
    await expect(cell(page, 'softmax-three')).toHaveAttribute('data-cell-status', 'error');
    await editAndRun(page, 'softmax-three', 'const x: number = 1;\nconst y = (x + ;');
    await expect(output(page, 'softmax-three').locator('.cell-error')).toContainText('line 2');
  });

  test('a name defined twice is an error on both cells while the rest keep working', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(page, 'softmax-three', 'const yhat = [1];\nyhat');
    await expect(output(page, 'softmax-three').locator('.cell-error')).toContainText(
      "This cell defines 'yhat', which is defined in 2 cells",
    );
    await expect(output(page, 'softmax-four').locator('.cell-error')).toContainText(
      "This cell defines 'yhat', which is defined in 2 cells",
    );
    await editAndRun(page, 'softmax-three', 'softmax([0, 0, 0, 0])');
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(['0.25', '0.25', '0.25', '0.25']);
    await expect(output(page, 'softmax-four').locator('.cell-error')).toHaveCount(0);
  });

  test('keeps markup and script in outputs as text', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(lesson);
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    await editAndRun(
      page,
      'softmax-three',
      [
        `const payload = ${JSON.stringify(payload)};`,
        'console.log(payload);',
        '[{ [payload]: payload, n: 1 }, { [payload]: "<b>bold</b>", n: 2 }]',
      ].join('\n'),
    );
    await expect(output(page, 'softmax-three').locator('table')).toBeVisible();
    await expect(output(page, 'softmax-three')).toContainText(payload);
    await editAndRun(
      page,
      'softmax-three',
      `Plot.barY([1, 2], { x: ["<img src=x onerror=window.pwned=3>", "b"], y: (d) => d, href: ["javascript:window.pwned=4"] }).plot()`,
    );
    await expect(output(page, 'softmax-three').locator('svg')).toBeVisible();
    await expect(output(page, 'softmax-three')).toContainText('<img src=x onerror=window.pwned=3>');
    await editAndRun(page, 'softmax-three', `throw new Error(${JSON.stringify(payload)})`);
    await expect(output(page, 'softmax-three').locator('.cell-error')).toContainText(payload);
    await expect(page.locator('main img, main script:not([type])')).toHaveCount(0);
    await expect(output(page, 'softmax-three').locator('a')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('keeps an edit across a reload, and reset restores the lesson', async ({ page }) => {
    await page.goto(lesson);
    await editAndRun(
      page,
      'softmax-four',
      'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
    );
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.25', '0.25', '0.25', '0.25']);
    await page.reload();
    await expect(cell(page, 'softmax-four').locator('.cm-content')).toContainText('[1, 1, 1, 1]');
    await expect(cell(page, 'softmax-four').locator('[data-cell-notice]')).toContainText('You edited this cell');
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.25', '0.25', '0.25', '0.25']);
    await expect(output(page, 'softmax-sum')).toContainText(sumOfExp([1, 1, 1, 1]));
    await cell(page, 'softmax-four').getByRole('button', { name: /Reset/ }).click();
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
    await expect(cell(page, 'softmax-four').locator('[data-cell-notice]')).toHaveCount(0);
    await page.reload();
    expect(await shownVector(page, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nn-live:edits')))).toEqual(
      [],
    );
  });

  test("keeps the student's version when the lesson changed the cell since, and says so", async ({ page }) => {
    // An edit saved against an older version of the lesson's cell (another fingerprint).
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(
        'nn-live:edits:v1:/lessons/softmax/',
        JSON.stringify({ 'softmax-three': { code: 'softmax([1, 3])', base: '00000000', run: 'finished' } }),
      );
    });
    await page.goto(lesson);
    await expect(cell(page, 'softmax-three').locator('[data-cell-notice]')).toContainText(
      'The lesson has changed this cell since you edited it',
    );
    await expect(cell(page, 'softmax-three').locator('.cm-content')).toContainText('softmax([1, 3])');
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(softmax([1, 3]).map(formatNumber));
    await cell(page, 'softmax-three').getByRole('button', { name: /Reset/ }).click();
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(softmax([6, -2, 3]).map(formatNumber));
  });

  test("code from a shared link never runs upstream of the student's own edits without consent", async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { ran: number }).ran = 0;
    });
    const shared = Buffer.from(
      JSON.stringify({
        'softmax-four': 'window.ran = 1;\nconst z = [9];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
      }),
    ).toString('base64url');
    await openSharedLink(page, `${lesson}#cells=${shared}`);
    await expect(page.getByRole('region', { name: 'Code from a shared link' })).toBeVisible();
    // Running a downstream cell uses the lesson's code upstream, not the link's.
    await cell(page, 'softmax-sum').locator('[data-cell-run]').click();
    await expect(output(page, 'softmax-sum')).toContainText(sumOfExp([5, 2, -1, 3]));
    await page.getByRole('button', { name: 'Keep my code' }).click();
    await expect(cell(page, 'softmax-four').locator('.cm-content')).toContainText('[5, 2, -1, 3]');
    await expect(page).not.toHaveURL(/#cells=/);
    expect(await shownVector(page, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
  });

  test('"Keep my code" clicked while the editor still loads: the editor comes up with the lesson\'s code', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { ran: number }).ran = 0;
    });
    // The editor arrives late, as on a slow connection: the offer shows the link's code meanwhile.
    await page.route(/\/_astro\/editor\.[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    const shared = Buffer.from(JSON.stringify({ 'softmax-four': 'window.ran = 1;\nconst z = [9];\nz' })).toString(
      'base64url',
    );
    await page.goto(`${lesson}#cells=${shared}`);
    await page.getByRole('button', { name: 'Keep my code' }).click();
    const editor = cell(page, 'softmax-four').locator('.cm-content');
    await expect(editor).toContainText('const z = [5, 2, -1, 3];', { timeout: 10_000 });
    await editor.click();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
    expect(await page.evaluate(() => (window as unknown as { ran: number }).ran)).toBe(0);
  });

  test('works from the keyboard alone, with an accessible editor', async ({ page }) => {
    await page.goto(lesson);
    const code = cell(page, 'softmax-three-t').locator('[data-cell-editor] pre');
    await code.focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: /Code of Exponentials of Scully's three scores/ });
    await expect(editor).toBeFocused();
    // To the 3 in `const zFace = [6, -2, 3]`, then Alt+Up: 3 → 4, and the cell runs.
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < 'const zFace = [6, -2, 3'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(editor).toContainText('const zFace = [6, -2, 4]');
    // The cell downstream (the softmax of these scores) follows.
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(softmax([6, -2, 4]).map(formatNumber));
    // Tab leaves the editor instead of being swallowed by it.
    await page.keyboard.press('Tab');
    await expect(editor).not.toBeFocused();
  });

  test('a malformed vector gets a message and the cells keep the last good value', async ({ page }) => {
    await page.goto(lesson);
    const field = page.locator('#field-input-scores');
    await field.fill('2, 0, 1');
    await expect(output(page, 'softmax-stable').locator('th')).toHaveCount(4);
    await field.fill('2, x, 1');
    await expect(cell(page, 'input-scores').locator('[data-cell-input-message]')).toContainText('Entry 2');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(output(page, 'softmax-stable').locator('th')).toHaveCount(4);
    await expect(cell(page, 'softmax-stable')).toHaveAttribute('data-cell-status', 'idle');
    // Dragging the slider (here: keyboard) re-runs the dependents with the last good scores.
    await page.getByLabel('Scale factor for the scores').focus();
    await page.keyboard.press('Home');
    await expect(output(page, 'softmax-stable').locator('tbody tr').nth(1)).toContainText('0.333');
  });

  test('a shared link shows the edited code and runs it only when asked', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(lesson);
    await editAndRun(
      page,
      'softmax-four',
      'const z = [3, 3, 3];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
    );
    await expect.poll(() => shownVector(page, 'softmax-four')).toEqual(['0.333', '0.333', '0.333']);
    await page.getByRole('button', { name: 'Copy link to my edits' }).click();
    await expect(page.locator('[data-notebook-message]')).toContainText('Copied a link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#cells=');

    const other = await browser.newContext();
    const friend = await other.newPage();
    await friend.goto(link);
    await expect(friend.getByRole('region', { name: 'Code from a shared link' })).toBeVisible();
    await expect(cell(friend, 'softmax-four').locator('.cm-content')).toContainText('[3, 3, 3]');
    // Nothing ran yet: the lesson's output is still there, and the cell says what it waits for.
    expect(await shownVector(friend, 'softmax-four')).toEqual(['0.842', '0.042', '0.002', '0.114']);
    await expect(cell(friend, 'softmax-four').locator('[data-cell-state]')).toHaveText('Waiting for your consent');
    await friend.getByRole('button', { name: 'Run the shared code' }).click();
    await expect.poll(() => shownVector(friend, 'softmax-four')).toEqual(['0.333', '0.333', '0.333']);
    await expect(cell(friend, 'softmax-four').locator('[data-cell-state]')).toHaveText('');
    await other.close();
  });

  test('a malformed shared link and blocked storage never break the page', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await page.goto(`${lesson}#cells=%%%not-base64`);
    await editAndRun(page, 'softmax-three', 'softmax([0, 0])');
    await expect.poll(() => shownVector(page, 'softmax-three')).toEqual(['0.5', '0.5']);
    await expect(page.locator('[data-notebook-message]')).toContainText('cannot be saved');
    expect(errors).toEqual([]);
  });
});
