// The course offline, as a student meets it: one visit to the home page, then the server is
// gone (airplane mode), and a lesson never opened reads, runs a cell and checks an answer, and a
// sheet opens. And an update: a new build installed behind an open page asks for a reload and
// never swaps itself in. Each test serves its own copy of dist/, so stopping or changing that
// server touches no other test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, editAndRun, output, showExercises, withDataSaver } from './site';

test.use({ serviceWorkers: 'allow' });

const repository = new URL('../../', import.meta.url).pathname;

interface Site {
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

/** A copy of the built site on a port of its own. */
async function serveCopy(port: number): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'nn-offline-'));
  cpSync(join(repository, 'dist'), dir, { recursive: true });
  const server: ChildProcess = spawn('node', [join(repository, 'scripts/serve-dist.mjs'), String(port), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    stop: () =>
      new Promise((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill();
      }),
  };
}

/** Waits until the service worker controls the page and says the course is saved. */
async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-offline-status]')).toHaveText(/works offline/, { timeout: 20_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** A port of this test's own: past the suite's server, apart from the other worker's. */
const portFor = (parallelIndex: number) => Number(process.env['E2E_PORT'] ?? 4329) + 100 + parallelIndex;

test('after one visit, the whole course works with the server gone', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const site = await serveCopy(portFor(testInfo.parallelIndex));
  const errors = collectErrors(page);
  try {
    await page.goto(`${site.url}/`);
    await waitUntilSaved(page);
    await site.stop();

    // A lesson never visited: it reads, and a cell runs in its worker.
    await page.goto(`${site.url}/lessons/softmax/`);
    await expect(page.locator('h1')).toContainText('Softmax');
    await editAndRun(page, 'softmax-four', 'const yhat = softmax([1, 1, 1, 1]);\nyhat');
    await expect(output(page, 'softmax-four')).toContainText('0.25');

    // An exercise answer is checked.
    await showExercises(page);
    const exercise = page.locator('[data-exercise="softmax-dz"]');
    const field = exercise.locator('[data-answer="dz"]');
    await field.fill('yhat - y');
    await field.press('Enter');
    await expect(exercise.locator('form[data-answer-form="dz"] [data-answer-verdict]')).toHaveAttribute(
      'data-answer-status',
      'correct',
    );

    // A sheet, with its exercises in the query.
    await page.goto(`${site.url}/exercises/sheet/?title=Week%203&ex=softmax-dz`);
    await expect(page.locator('[data-exercise="softmax-dz"]')).toBeVisible();

    // Search has its index.
    await page.goto(`${site.url}/search/?q=softmax`);
    await expect(page.locator('[data-search-results] li').first()).toBeVisible({ timeout: 15_000 });

    // Only the server's disappearance shows: nothing failed on the pages themselves.
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch|net::/.test(e))).toEqual([]);
  } finally {
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});

test('a new version waits for the student to reload, then takes over', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const site = await serveCopy(portFor(testInfo.parallelIndex));
  try {
    await page.goto(`${site.url}/lessons/softmax/`);
    await waitUntilSaved(page);
    const prompt = page.locator('[data-update-prompt]');
    await expect(prompt).toBeHidden();

    // A new deployment: the home page changed, and the service worker with it.
    const home = join(site.dir, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</body>', '<!-- deployment 2 --></body>'));
    const rebuilt = spawnSync('node', [join(repository, 'scripts/service-worker.mjs'), site.dir], { encoding: 'utf8' });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    // The page asks; it does not reload by itself.
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt).toContainText('new version');
    const marker = await page.evaluate(() => ((window as { stillHere?: number }).stillHere = 1));
    expect(marker).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { stillHere?: number }).stillHere)).toBe(1);

    // Reload: the new version controls the page, and serves the new home page.
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    expect(await page.evaluate(() => (window as { stillHere?: number }).stillHere)).toBeUndefined();
    await site.stop();
    await page.goto(`${site.url}/`);
    expect(await page.content()).toContain('deployment 2');
  } finally {
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});

test('the course downloads after the parts on screen have loaded, never alongside them', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const site = await serveCopy(portFor(testInfo.parallelIndex));
  // When each script arrived, and when the page registered the service worker, by the test's clock.
  const arrived = new Map<string, number>();
  page.on('requestfinished', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop()!;
    if (!arrived.has(name)) arrived.set(name, Date.now());
  });
  let registered = 0;
  await page.exposeFunction('registering', () => (registered ||= Date.now()));
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      void (window as unknown as { registering: () => void }).registering();
      return register.apply(this, args);
    };
  });
  try {
    // A screen tall enough to hold the first cell: its code is fetched ahead (preload.ts).
    await page.setViewportSize({ width: 1280, height: 3200 });
    await page.goto(`${site.url}/lessons/softmax/`);
    await waitUntilSaved(page);
    expect(registered).toBeGreaterThan(0);
    for (const part of [/^runtime\./, /^editor\./, /^worker-/]) {
      const name = [...arrived.keys()].find((key) => part.test(key));
      expect(name, String(part)).toBeDefined();
      expect(arrived.get(name!)!, `${name} arrived before the course's download began`).toBeLessThanOrEqual(registered);
    }
  } finally {
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});

test('with Data Saver on, the course is saved for offline use only when the student asks', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const site = await serveCopy(portFor(testInfo.parallelIndex));
  await withDataSaver(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  try {
    await page.goto(`${site.url}/`);
    const status = page.locator('[data-offline-status]');
    await expect(status).toHaveText(/Data Saver is on/);
    const save = page.getByRole('button', { name: 'Save it for offline use' });
    await expect(save).toBeVisible();
    await page.waitForTimeout(1000);
    expect(asked.filter((path) => path.endsWith('/sw.js'))).toEqual([]);
    await save.click();
    await waitUntilSaved(page);
    await expect(save).toBeHidden();
    // Once saved, the next page keeps it up to date without asking again.
    await page.goto(`${site.url}/notation/`);
    await expect(status).toHaveText(/works offline/, { timeout: 20_000 });
    await expect(save).toBeHidden();
  } finally {
    await site.stop();
    rmSync(site.dir, { recursive: true, force: true });
  }
});
