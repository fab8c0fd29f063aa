import { readdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson pages, in course order, from the file names in content/lessons (NN-slug.mdx). */
export const lessonPaths: string[] = readdirSync(new URL('../../content/lessons/', import.meta.url))
  .filter((name) => /^\d+-.+\.mdx$/.test(name))
  .sort()
  .map((name) => `/lessons/${name.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`);

/** Every page of the site a reader can reach. */
export const allPaths: string[] = [
  '/',
  '/notation/',
  '/search/',
  '/exercises/',
  '/exercises/sheet/?title=Week%203&due=2026-12-01&ex=softmax-dz',
  ...lessonPaths,
];

/**
 * Waits until a problem sheet has put in the exercises it fetched (or says which could not be
 * loaded): sheet.astro marks the page with data-sheet until then. Any other page at once.
 */
export async function sheetSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['sheet'] === undefined);
}

/** Collects console errors and uncaught exceptions for the life of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A lesson cell's root, by id. */
export const cell = (page: Page, id: string): Locator => page.locator(`[data-cell="${id}"]`);

/** A lesson cell's output, by id. */
export const output = (page: Page, id: string): Locator => cell(page, id).locator('[data-cell-output]');

/**
 * Opens a page at a shared link and waits for the notebook to have started. Its offer, or what
 * it refuses, comes after the worker has analysed every cell: 1–3 s on this machine, and more
 * than the 5 s an assertion waits when the machine is busy (as on CI).
 */
export async function openSharedLink(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-notebook-started', '', { timeout: 20_000 });
}

/** Opens a cell's editor as a student would (click the code) and replaces the code, without running it. */
export async function editCode(page: Page, id: string, code: string): Promise<void> {
  const editor = cell(page, id).locator('.cm-content');
  if ((await editor.count()) === 0)
    await cell(page, id).locator('[data-cell-editor] pre, [data-cell-editor] summary').first().click();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  // Cleared with Delete, as a student would. An empty insertText is no keystroke: Chromium may
  // then only collapse the selection, and the typing that follows lands before the old code.
  await page.keyboard.press('Delete');
  if (code) await page.keyboard.insertText(code);
}

/** Opens a cell's editor as a student would (click the code), replaces the code, runs it. */
export async function editAndRun(page: Page, id: string, code: string): Promise<void> {
  await editCode(page, id, code);
  await page.keyboard.press('Shift+Enter');
}

/** The derivation softmax-dz asks for in steps (its solution's chain), checked with its Check button. */
export async function answerSteps(root: Locator): Promise<void> {
  const steps = root.locator('form[data-answer-form="dz-steps"]');
  await steps
    .locator('[data-steps]')
    .fill(
      [
        'dz1 = -y1/yhat1 * yhat1 (1 - yhat1) - y2/yhat2 * (-yhat2 yhat1) - y3/yhat3 * (-yhat3 yhat1)',
        '= yhat1 (y1 + y2 + y3) - y1',
        '= yhat1 - y1',
      ].join('\n'),
    );
  await steps.getByRole('button', { name: 'Check' }).click();
  await expect(steps.locator('[data-answer-verdict]')).toHaveAttribute('data-answer-status', 'correct');
}

/**
 * Scrolls the window until `target` is on screen, as a student's scrolling would. A lesson's parts
 * away from the screen are not laid out (content-visibility), and Chromium's scrollIntoView does
 * not reach into them; parts render as the window nears them, so this takes a few steps.
 */
export async function scrollToIt(target: Locator): Promise<void> {
  for (let step = 0; step < 20; step++) {
    const there = await target.evaluate((element) => {
      const at = element.getBoundingClientRect().top;
      const onScreen = at >= 0 && at <= innerHeight * 0.6;
      if (!onScreen) scrollBy(0, at - innerHeight / 3);
      return onScreen;
    });
    if (there) return;
    await target.page().waitForTimeout(100);
  }
  throw new Error('could not scroll to the element');
}

/** The student's browser has Data Saver on (`navigator.connection.saveData`) from the page's start. */
export async function withDataSaver(page: Page): Promise<void> {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }),
  );
}

/**
 * Brings a lesson's exercises near the screen, where their answer fields are put in place
 * (src/exercises/browser/answerFields.ts), and waits for them.
 */
export async function showExercises(page: Page): Promise<void> {
  await scrollToIt(page.locator('section.exercises'));
  await expect(page.locator('template[data-answer-field]')).toHaveCount(0);
}

/**
 * Clicks on the left edge of the first `char` in a cell's highlighted code. The point is taken
 * relative to the code's box and clicked through the locator, which waits until the box stands
 * still and is in view: a page whose layout moves meanwhile (a part above it laid out) does not
 * send the click somewhere else.
 */
export async function clickBefore(code: Locator, char: string): Promise<void> {
  const position = await code.evaluate((element, char) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(char);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      const outer = element.getBoundingClientRect();
      return { x: box.left - outer.left + 1, y: box.top - outer.top + box.height / 2 };
    }
    throw new Error(`no ${char} in the code`);
  }, char);
  await code.click({ position });
}
