import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './site';

const lesson = '/lessons/shallow-networks/';
const explorer = (page: Page) => page.locator('[data-explorer="xor"]');
const stat = (page: Page, name: string) => explorer(page).locator(`[data-stat="${name}"]`);
const epoch = async (page: Page) => Number(await stat(page, 'epoch').textContent());

test.describe('the training explorer', () => {
  test('shows a first frame without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lesson);
    await expect(explorer(page).locator('svg.explorer-static image')).toHaveAttribute(
      'href',
      /^data:image\/png;base64,/,
    );
    await expect(explorer(page).locator('svg.explorer-static path')).toHaveCount(2);
    await expect(stat(page, 'epoch')).toHaveText('0');
    await expect(explorer(page).locator('[data-explorer-controls]')).toBeHidden();
    await context.close();
  });

  test('learns XOR while playing, and the paused set-up is a link that reopens it exactly', async ({
    page,
    context,
  }) => {
    const errors = collectErrors(page);
    await page.goto(lesson);
    const play = explorer(page).getByRole('button', { name: 'Play' });
    await play.click();
    await expect(explorer(page).getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => epoch(page), { timeout: 20_000 }).toBeGreaterThan(150);
    await explorer(page).getByRole('button', { name: 'Pause' }).click();
    const reached = await epoch(page);
    const loss = await stat(page, 'loss').textContent();
    expect(Number.parseFloat((await stat(page, 'accuracy').textContent())!)).toBeGreaterThan(90);
    await expect(explorer(page).locator('[data-explorer-message]')).toContainText(`epoch ${reached}`);
    expect(page.url()).toContain(`xor=data:xor;`);
    expect(page.url()).toContain(`epoch:${reached}`);
    // The lesson's cell that reads the network follows: the biases are no longer all 0.
    const lines = page.locator('[data-cell="xor-hidden-lines"] [data-cell-output] td:nth-child(4)');
    await expect.poll(async () => (await lines.allTextContents()).some((b) => b !== '0')).toBe(true);

    const other = await context.newPage();
    await other.goto(page.url());
    await other.waitForSelector('[data-explorer="xor"][data-explorer-ready]');
    await expect(stat(other, 'epoch')).toHaveText(String(reached));
    await expect(stat(other, 'loss')).toHaveText(loss!);
    expect(errors).toEqual([]);
  });

  test('one epoch, reset to the same start, a new data set, and a learning rate changed while training', async ({
    page,
    context,
  }) => {
    await page.goto(lesson);
    const x = explorer(page);
    await x.getByRole('button', { name: 'One epoch' }).click();
    await expect(stat(page, 'epoch')).toHaveText('1');
    const afterOne = await stat(page, 'loss').textContent();
    await x.getByRole('button', { name: 'One epoch' }).click();
    await x.getByRole('button', { name: 'Reset' }).click();
    await expect(stat(page, 'epoch')).toHaveText('0');
    await x.getByRole('button', { name: 'One epoch' }).click();
    await expect(stat(page, 'loss')).toHaveText(afterOne!);

    await x.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => epoch(page)).toBeGreaterThan(10);
    await x.getByLabel('Learning rate').evaluate((range: HTMLInputElement) => {
      range.value = '-1';
      range.dispatchEvent(new Event('input', { bubbles: true }));
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(x.locator('[data-rate-value]')).toHaveText('0.1');
    const before = await epoch(page);
    await expect.poll(() => epoch(page)).toBeGreaterThan(before + 5);
    await x.getByRole('button', { name: 'Pause' }).click();
    // The change is recorded with its epoch, so the link replays the same training.
    expect(page.url()).toMatch(/lr:1,0\.1@\d+;/);
    const loss = await stat(page, 'loss').textContent();
    const reached = await epoch(page);
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(stat(other, 'epoch')).toHaveText(String(reached));
    await expect(stat(other, 'loss')).toHaveText(loss!);
    await other.close();

    await x.locator('[data-control="data"]').selectOption('circles');
    await expect(stat(page, 'epoch')).toHaveText('0');
    expect(page.url()).toContain('data:circles');
  });

  test('adds points with the keyboard and with a click, and reports a bad link instead of breaking', async ({
    page,
  }) => {
    await page.goto(`${lesson}?xor=data:nonsense;layers:4;lr:99;add:0.5_0.5_1,bad#explorer-xor`);
    const x = explorer(page);
    await expect(x.locator('[data-explorer-message]')).toContainText('"nonsense"');
    await expect(x.locator('[data-explorer-message]')).toContainText('learning rate');
    await x.locator('canvas').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await expect(x.locator('[data-explorer-message]')).toContainText(
      'Cursor at (0.08, 0.08): the network predicts class',
    );
    await page.keyboard.press('Enter');
    await expect(x.locator('[data-explorer-message]')).toContainText('2 added in all');
    await x.getByLabel(/class 0/).check();
    await x.locator('canvas').click({ position: { x: 20, y: 20 } });
    await expect(x.locator('[data-explorer-message]')).toContainText('Added a point of class 0');
    expect(page.url()).toMatch(/add:0.5_0.5_1,0.08_0.08_1,-1.\d+_1.\d+_0/);
    await expect(x.locator('[data-explorer-message]')).toContainText('Added a point');
    await x.getByRole('button', { name: 'Remove added points' }).click();
    expect(page.url()).not.toContain('add:');
  });

  test("says what was wrong with a link, and still says it once the link's epochs are replayed", async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(`${lesson}?xor=data:nope;epoch:300#explorer-xor`);
    const x = explorer(page);
    const message = x.locator('[data-explorer-message]');
    // The valid part of the link is used: the lesson's data set, trained to the link's epoch.
    await expect(stat(page, 'epoch')).toHaveText('300');
    await expect(x.locator('[data-control="data"]')).toHaveValue('xor');
    await expect(message).toContainText('data set "nope" is not one of separable, xor, circles, moons, spiral');
    await expect(message).not.toContainText('Training to epoch');
    // It stays until the student does something with a message of its own.
    await page.waitForTimeout(500);
    await expect(message).toContainText('"nope"');
    await x.getByRole('button', { name: 'Play' }).click();
    await expect(message).not.toContainText('"nope"');
    await x.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
  });

  test('Play pressed twice while a link replays cancels the play it queued, and the replay still ends', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    // A few seconds of replay (500 points, 2-8-8-1), so both presses land before it ends.
    await page.goto(`${lesson}?xor=data:xor;n:500;seed:1;layers:8,8;act:tanh;lr:1;epoch:6000#explorer-xor`);
    const x = explorer(page);
    const message = x.locator('[data-explorer-message]');
    await expect(message).toContainText('Training to epoch 6000');
    await x.getByRole('button', { name: 'Play' }).click();
    await expect(x.getByRole('button', { name: 'Pause' })).toBeVisible();
    await x.getByRole('button', { name: 'Pause' }).click();
    await expect(x.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(message).toContainText('Training to epoch 6000');
    // The replay goes on to the link's epoch and stops there, without playing on.
    await expect(stat(page, 'epoch')).toHaveText('6000', { timeout: 25_000 });
    await expect(message).not.toContainText('Training to epoch');
    await page.waitForTimeout(300);
    await expect(stat(page, 'epoch')).toHaveText('6000');
    await expect(x.getByRole('button', { name: 'Play' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('shows a link that is not a set-up as text, and says so', async ({ page }) => {
    const errors = collectErrors(page);
    for (const payload of ['<script>window.__linkRan = 1</script>', '<img src=x onerror="window.__linkRan=1">']) {
      await page.goto(`${lesson}?xor=${encodeURIComponent(payload)}#explorer-xor`);
      const message = explorer(page).locator('[data-explorer-message]');
      await expect(message).toContainText(`set-up for this explorer, "${payload}", is not one`);
      await expect(message.locator('*')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __linkRan?: number }).__linkRan)).toBeUndefined();
      await expect(stat(page, 'epoch')).toHaveText('0');
    }
    expect(errors).toEqual([]);
  });

  test('stops with a message when training diverges', async ({ page }) => {
    await page.goto(`${lesson}?xor=data:xor;layers:4;act:linear;lr:10;epoch:0#explorer-xor`);
    const x = explorer(page);
    await page.waitForSelector('[data-explorer="xor"][data-explorer-ready]');
    await x.getByRole('button', { name: 'Play' }).click();
    await expect(x.locator('[data-explorer-message]')).toContainText('diverged', { timeout: 20_000 });
    await expect(x.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('trains three spiral classes in the softmax lesson', async ({ page }) => {
    await page.goto(
      '/lessons/softmax/?spiral=data:spiral;n:300;seed:1;layers:16,16;act:relu;lr:0.5;epoch:400#explorer-spiral',
    );
    const x = page.locator('[data-explorer="spiral"]');
    await expect(x.locator('[data-stat="epoch"]')).toHaveText('400');
    expect(Number.parseFloat((await x.locator('[data-stat="accuracy"]').textContent())!)).toBeGreaterThan(80);
  });
});
