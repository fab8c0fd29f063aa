// Interactive parts arrive before they are needed (issue 14, preload.ts): a lesson fetches the
// code of the parts near the viewport once the browser is idle, without any interaction, and
// nothing of a part far down the page until the student scrolls near it. A preload that fails
// costs nothing: the first touch loads the part again.
import { expect, test, type Page } from '@playwright/test';
import { cell, clickBefore, collectErrors, editAndRun, output } from './site';

/** The names of the scripts (file names without their hash) the page has asked for, in order. */
function scriptsAsked(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) names.push(name.replace(/[.-][\w-]+\.js$/, ''));
  });
  return names;
}

test('a lesson fetches the notebook, its editor and its worker ahead of the first touch', async ({ page }) => {
  const errors = collectErrors(page);
  const asked = scriptsAsked(page);
  await page.goto('/lessons/softmax/');
  // The first cell is screens below the title: nothing of the notebook yet (the desk's and the
  // offline copy's scripts come after the load event).
  await expect.poll(() => asked, { timeout: 10_000 }).toContainEqual('offline');
  expect(asked).not.toContain('runtime');
  // The student scrolls to it, and does nothing else: the runtime, the editor, the cell worker
  // and KaTeX come when the browser is idle.
  await cell(page, 'softmax-four').scrollIntoViewIfNeeded();
  await expect.poll(() => asked, { timeout: 10_000 }).toEqual(expect.arrayContaining(['runtime', 'editor', 'worker']));
  expect(asked.some((name) => name.startsWith('katex'))).toBe(true);
  // The explorer is far below the first screen: not yet.
  expect(asked).not.toContain('explorer');
  // The code was fetched, not run: the cell is as the build left it until the student acts.
  await expect(cell(page, 'softmax-four')).toHaveAttribute('data-cell-status', 'idle');
  await expect(page.locator('.cm-editor')).toHaveCount(0);

  // The first touch loads nothing more of the notebook, and the cell runs in the worker made ahead.
  const before = asked.length;
  await editAndRun(
    page,
    'softmax-four',
    'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
  );
  await expect(output(page, 'softmax-four-t')).toContainText('2.718');
  expect(asked.slice(before).filter((name) => /^(runtime|editor|worker)$/.test(name))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a notebook started ahead opens the editor within the click on the code, the caret where it was clicked', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/lessons/softmax/');
  const pre = cell(page, 'softmax-four').locator('[data-cell-editor] pre');
  await pre.scrollIntoViewIfNeeded();
  // With no interaction: the editor warmed up, then the notebook started (its cells read and
  // analysed), and nothing on the page changed.
  await expect(page.locator('html')).toHaveAttribute('data-notebook-started', '', { timeout: 15_000 });
  await expect(page.locator('.cm-editor')).toHaveCount(0);
  await expect(cell(page, 'softmax-four')).toHaveAttribute('data-cell-status', 'idle');
  // Is the editor there once the click's task is over? Checked in the next task after the
  // button comes up, not on the click: under load the editor may open on the focus the press
  // brings, before the release, and then the browser sends no click (its target is gone).
  await page.evaluate(() =>
    addEventListener('mouseup', () =>
      setTimeout(() => {
        document.body.dataset['editorInClick'] = String(
          document.querySelector('[data-cell="softmax-four"] .cm-editor') !== null,
        );
      }),
    ),
  );
  await clickBefore(pre, '[');
  await expect(page.locator('body')).toHaveAttribute('data-editor-in-click', 'true');
  await expect(cell(page, 'softmax-four').locator('.cm-content')).toBeFocused();
  await page.keyboard.type('+');
  await expect(cell(page, 'softmax-four').locator('.cm-content')).toContainText('const z = +[5, 2, -1, 3];');
  expect(errors).toEqual([]);
});

test('an explorer far down the page is fetched when the student scrolls near it', async ({ page }) => {
  const asked = scriptsAsked(page);
  await page.goto('/lessons/softmax/');
  await cell(page, 'softmax-four').scrollIntoViewIfNeeded();
  await expect.poll(() => asked, { timeout: 10_000 }).toContain('editor');
  expect(asked).not.toContain('explorer');
  await page.locator('[data-explorer]').scrollIntoViewIfNeeded();
  await expect.poll(() => asked, { timeout: 10_000 }).toContain('explorer');
  // Fetched, not started: the explorer starts on its first use.
  await page.waitForTimeout(500);
  await expect(page.locator('[data-explorer]')).not.toHaveAttribute('data-explorer-ready');
});

test('an answer field near the viewport fetches the checker ahead of the first answer', async ({ page }) => {
  const asked = scriptsAsked(page);
  await page.goto('/lessons/softmax/');
  await page.locator('[data-exercise="softmax-dz"]').scrollIntoViewIfNeeded();
  await expect.poll(() => asked, { timeout: 10_000 }).toContain('answering');
});

test('a preload that fails is fetched again on the first touch, and the cell opens', async ({ page }) => {
  let refused = 0;
  await page.route(/\/editor\.[\w-]+\.js$/, (route) => {
    if (refused++ === 0) return route.abort('internetdisconnected');
    return route.continue();
  });
  const asked = scriptsAsked(page);
  await page.goto('/lessons/softmax/');
  await cell(page, 'softmax-four').scrollIntoViewIfNeeded();
  await expect.poll(() => refused, { timeout: 10_000 }).toBe(1);
  await editAndRun(
    page,
    'softmax-four',
    'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
  );
  await expect(output(page, 'softmax-four-t')).toContainText('2.718');
  expect(asked.filter((name) => name === 'editor').length).toBe(2);
});

test('KaTeX that failed to load ahead is loaded again, and the first output that typesets has it', async ({ page }) => {
  let refused = 0;
  // KaTeX itself (the chunk of several hundred KB), not the course's small module around it.
  await page.route(/\/katex\.[\w-]+\.js$/, async (route) => {
    const response = await route.fetch();
    if ((await response.body()).byteLength > 100_000 && refused++ === 0) return route.abort('internetdisconnected');
    return route.fulfill({ response });
  });
  await page.goto('/lessons/softmax/');
  await cell(page, 'softmax-four').scrollIntoViewIfNeeded();
  // Asked again by the notebook started ahead, or else by the first output: either way, once.
  await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  await editAndRun(page, 'softmax-four', 'const z = [1, 1, 1, 1];\nconst yhat = softmax(z);\nyhat');
  await expect(output(page, 'softmax-four').locator('.katex')).toContainText('0.25');
  expect(refused).toBe(2);
});

test('a sheet fetches the checkers its exercises use once they are in, before the first answer', async ({ page }) => {
  const asked = scriptsAsked(page);
  await page.goto('/exercises/sheet/?title=Week%203&ex=softmax-dz');
  await expect(page.locator('[data-exercise="softmax-dz"]')).toBeVisible();
  // softmax-dz asks for one line and for a derivation in steps: both checkers come, unasked.
  await expect.poll(() => asked, { timeout: 10_000 }).toEqual(expect.arrayContaining(['answering', 'stepsAnswering']));
});

test('a notebook started before its parts were fetched ahead runs one worker, not a second one made ahead', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/lessons/softmax/');
  // Used at once, before the browser was idle: the notebook boots its worker itself.
  await editAndRun(
    page,
    'softmax-four',
    'const z = [1, 1, 1, 1];\nconst t = z.map(Math.exp);\nconst yhat = softmax(z);\nyhat',
  );
  await expect(output(page, 'softmax-four-t')).toContainText('2.718');
  await page.waitForTimeout(1500);
  expect(workers.filter((url) => /\/worker-[\w-]+\.js$/.test(url))).toHaveLength(1);
});
