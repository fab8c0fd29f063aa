// A problem sheet carries only what it shows (issue 14): the page holds the list of every
// exercise, and fetches the exercises its link picks, one static fragment each. What it fetches,
// what it shows while it waits and when a fragment fails, and what it shows without JavaScript.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, scrollToIt, sheetSettled } from './site';

const FIVE = [
  'bin-feature-count',
  'lr-sigmoid-derivative',
  'cvx-se-chord',
  'shallow-shapes',
  'shallow-backprop-numbers',
];
const fragments = new URL('../../dist/exercises/fragments/', import.meta.url);
const exercises = (page: Page) => page.locator('[data-sheet-exercises] [data-exercise]');

/** Every exercise of the course, by the ids of its files (content/exercises/<lesson>/<name>.mdx). */
const courseIds: string[] = readdirSync(new URL('../../content/exercises/', import.meta.url), {
  recursive: true,
  encoding: 'utf8',
})
  .filter((name) => name.endsWith('.mdx'))
  .map(
    (name) =>
      /^id:\s*(\S+)/m.exec(readFileSync(new URL(`../../content/exercises/${name}`, import.meta.url), 'utf8'))![1]!,
  );

test('the sheet fetches only its exercises: five requests for a sheet of five, under a quarter of the HTML of the page that held every exercise', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const asked: string[] = [];
  const bodies: Promise<Buffer>[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/exercises/fragments/')) asked.push(path);
  });
  page.on('response', (response) => {
    if ((response.headers()['content-type'] ?? '').startsWith('text/html')) bodies.push(response.body());
  });
  const response = await page.goto(`/exercises/sheet/?title=Week%203&ex=${FIVE.join(',')}`);
  await expect(exercises(page)).toHaveCount(5);
  await sheetSettled(page);

  expect(asked.sort()).toEqual(FIVE.map((id) => `/exercises/fragments/${id}/`).sort());
  // In the link's order, not in the order they arrived.
  expect(
    await exercises(page).evaluateAll((roots) => roots.map((root) => (root as HTMLElement).dataset['exercise'])),
  ).toEqual(FIVE);
  const html = await Promise.all(bodies);
  const raw = html.reduce((sum, body) => sum + body.byteLength, 0);
  const gzip = html.reduce((sum, body) => sum + gzipSync(body).byteLength, 0);
  // What the page carried when it held every exercise: its own HTML and all 25 fragments.
  const page1 = (await response!.body()).byteLength;
  const all = courseIds.reduce(
    (sum, id) => sum + readFileSync(new URL(`${id}/index.html`, fragments)).byteLength,
    page1,
  );
  console.log(
    `sheet of five: ${html.length} HTML responses, ${raw} B (${gzip} B gzip); the page with every exercise would be about ${all} B`,
  );
  test.info().annotations.push({ type: 'HTML of a sheet of five (B, B gzip)', description: `${raw} ${gzip}` });
  expect(html).toHaveLength(6);
  expect(raw).toBeLessThan(all / 4);
  expect(errors).toEqual([]);
});

test('while its exercises load, the sheet says so, and the list of every exercise stays out of the way', async ({
  page,
}) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/exercises/fragments/**', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/exercises/sheet/?title=Week%203&ex=softmax-dz,softmax-four-classes');
  const loading = page.locator('[data-sheet-loading]');
  await expect(loading).toBeVisible();
  await expect(loading).toHaveAttribute('role', 'status');
  await expect(loading).toHaveText("Loading the sheet's 2 exercises…");
  await expect(page.locator('[data-sheet-exercises]')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-sheet-catalogue]')).toBeHidden();
  release();
  await expect(exercises(page)).toHaveCount(2);
  await expect(loading).toHaveCount(0);
  await expect(page.locator('[data-sheet-exercises]')).not.toHaveAttribute('aria-busy');
  // The list gave the script its ids and is gone: the page holds the sheet alone.
  await expect(page.locator('[data-sheet-catalogue]')).toHaveCount(0);
});

test('an exercise that fails to load is named in its place with Retry; the others work, and nothing saved is lost', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const saved = { 'softmax-four-classes': { answers: { sum: { input: '176' } } } };
  await page.addInitScript((progress) => {
    if (!localStorage.getItem('nn-live:exercises:v1'))
      localStorage.setItem('nn-live:exercises:v1', JSON.stringify(progress));
  }, saved);
  // A failed deploy, a dropped connection, and a network's login page answering in its place.
  await page.route('**/exercises/fragments/softmax-four-classes/', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }),
  );
  await page.route('**/exercises/fragments/act-tanh-derivative/', (route) => route.abort('internetdisconnected'));
  await page.route('**/exercises/fragments/bin-feature-count/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><head><title>Wi-Fi</title></head><body><form><input name="room"></form></body></html>',
    }),
  );
  await page.goto(
    '/exercises/sheet/?title=Week%203&ex=softmax-four-classes,softmax-dz,act-tanh-derivative,bin-feature-count',
  );
  await sheetSettled(page);
  const slot = (id: string) => page.locator(`[data-sheet-slot="${id}"]`);
  const order = await page
    .locator('[data-sheet-exercises] > *')
    .evaluateAll((nodes) =>
      nodes.map((n) => (n as HTMLElement).dataset['exercise'] ?? `slot ${(n as HTMLElement).dataset['sheetSlot']}`),
    );
  expect(order).toEqual([
    'slot softmax-four-classes',
    'softmax-dz',
    'slot act-tanh-derivative',
    'slot bin-feature-count',
  ]);
  await expect(slot('softmax-four-classes').getByRole('heading')).toHaveText(/Exercise 6\.1\s+Softmax of four scores/);
  await expect(slot('softmax-four-classes')).toContainText(
    'Exercise 6.1 could not be loaded: the site answered with an error (404). Your saved answers to it are kept; press Retry to try again.',
  );
  await expect(slot('act-tanh-derivative')).toContainText(
    'could not reach the course (offline, or the connection failed)',
  );
  await expect(slot('bin-feature-count')).toContainText('what came back is not this exercise');
  // Nothing of the login page reached the sheet.
  await expect(page.locator('input[name="room"]')).toHaveCount(0);
  await expect(slot('bin-feature-count').getByRole('link', { name: 'Read it in its lesson' })).toHaveAttribute(
    'href',
    '/lessons/binary-classification/#exercise-bin-feature-count',
  );

  // The exercise that came works as ever.
  const dz = page.locator('[data-exercise="softmax-dz"]');
  await dz.locator('[data-answer="dz"]').fill('yhat - y');
  await dz.locator('[data-answer="dz"]').press('Enter');
  await expect(dz.locator('form[data-answer-form="dz"] [data-answer-verdict]')).toHaveAttribute(
    'data-answer-status',
    'correct',
  );

  // Still failing: Retry says so again, and the slot stays.
  await slot('act-tanh-derivative').getByRole('button', { name: 'Retry' }).click();
  await expect(slot('act-tanh-derivative')).toContainText('could not reach the course');
  await expect(slot('act-tanh-derivative').getByRole('button', { name: 'Retry' })).not.toHaveAttribute('aria-disabled');

  // The deploy is fixed: Retry puts the exercise in its place, with its saved answer, and the
  // keyboard carries on from its heading.
  await page.unroute('**/exercises/fragments/softmax-four-classes/');
  await slot('softmax-four-classes').getByRole('button', { name: 'Retry' }).focus();
  await page.keyboard.press('Enter');
  const four = page.locator('[data-exercise="softmax-four-classes"]');
  await expect(four).toBeVisible();
  await expect(slot('softmax-four-classes')).toHaveCount(0);
  await expect(page.locator('[data-sheet-exercises] > *').first()).toHaveAttribute(
    'data-exercise',
    'softmax-four-classes',
  );
  await expect(four.locator('[data-answer="sum"]')).toHaveValue('176');
  await expect(four.locator('.exercise-title')).toBeFocused();
  await expect(four.locator('details.solution')).toHaveCount(0);
  await expect(four.locator('[data-exercise-state-label]')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('nn-live:exercises:v1')!));
  expect(stored['softmax-four-classes'].answers.sum.input).toBe('176');
  expect(stored['softmax-dz'].answers.dz.input).toBe('yhat - y');
  expect(errors.filter((e) => !/404|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

test('without JavaScript, the sheet lists every exercise, each linked to its lesson where it is read in full', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto('/exercises/sheet/?title=Week%203&ex=softmax-dz');
  // Playwright's text queries skip <noscript>: the notice is found by its place.
  await expect(page.locator('noscript .notice')).toBeVisible();
  await expect(page.locator('noscript .notice')).toContainText(
    'This page shows the exercises its link picks, which needs JavaScript.',
  );
  await expect(page.locator('[data-sheet-loading]')).toBeHidden();
  await expect(page.locator('[data-sheet-failed]')).toBeHidden();
  const links = page.locator('[data-sheet-catalogue] [data-sheet-entry] a');
  await expect(links).toHaveCount(courseIds.length);
  await expect(links.first()).toBeVisible();
  expect(asked.filter((path) => path.startsWith('/exercises/fragments/'))).toEqual([]);

  // Each link leads to its exercise, statement and all, in its lesson.
  const targets = await links.evaluateAll((anchors) =>
    anchors.map((a) => ({ href: a.getAttribute('href')!, title: a.textContent!.trim() })),
  );
  expect(targets.map((t) => t.href.split('#exercise-')[1]).sort()).toEqual([...courseIds].sort());
  const byLesson = Map.groupBy(targets, (target) => target.href.split('#')[0]!);
  for (const [lesson, listed] of byLesson) {
    await page.goto(lesson);
    for (const { href, title } of listed) {
      const exercise = page.locator(`[id="${href.split('#')[1]}"]`);
      await expect(exercise).toHaveCount(1);
      await expect(exercise.locator('.exercise-title')).toContainText(title);
      await expect(exercise.locator('.exercise-statement')).not.toBeEmpty();
    }
  }
  await context.close();
});

test('the sheet numbers its problems in the link’s order, failed ones included, on screen and in print', async ({
  page,
}) => {
  await page.route('**/exercises/fragments/softmax-four-classes/', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }),
  );
  await page.goto('/exercises/sheet/?title=Week%203&ex=softmax-dz,softmax-four-classes,lr-dz');
  await sheetSettled(page);
  const numbers = () =>
    page
      .locator('[data-sheet-exercises] .exercise-title')
      .evaluateAll((titles) => titles.map((title) => getComputedStyle(title, '::before').content));
  await expect.poll(numbers).toEqual(['"1. "', '"2. "', '"3. "']);
  await page.emulateMedia({ media: 'print' });
  expect(await numbers()).toEqual(['"1. "', '"2. "', '"3. "']);
});

test('a sheet’s answer fields come as each exercise nears the screen, with the answers saved for them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/exercises/');
  await page.evaluate(() =>
    localStorage.setItem(
      'nn-live:exercises:v1',
      JSON.stringify({ 'shallow-backprop-numbers': { answers: { dz2: { input: 'saved dz2' } } } }),
    ),
  );
  await page.goto(`/exercises/sheet/?title=Week%203&ex=${FIVE.join(',')}`);
  await sheetSettled(page);
  const first = exercises(page).first();
  const last = exercises(page).last();
  // The first is on screen: its fields are there. The last, screens below, waits (answerFields.ts).
  await expect(first.locator('[data-answer]').first()).toBeAttached();
  await expect(first.locator('template[data-answer-field]')).toHaveCount(0);
  expect(await last.locator('template[data-answer-field]').count()).toBeGreaterThan(0);
  await expect(last.locator('input[data-answer], textarea[data-answer]')).toHaveCount(0);
  await scrollToIt(last);
  await expect(last.locator('template[data-answer-field]')).toHaveCount(0);
  await expect(last.locator('[data-answer="dz2"]')).toHaveValue('saved dz2');
});
