import { expect, test, type Page } from '@playwright/test';
import { fromRows, gaussian, logisticCost, mulberry32 } from '../../src/ml';
import { encodeShared } from '../../src/notebook/browser/share';
import { fingerprint, storageKey } from '../../src/notebook/browser/storage';
import { openSharedLink } from './site';

// The two explorers of issue 6, built from the notebook's own inputs: a <Choice> of loss in
// lesson 3 (the cost along a segment, with its chord) and a <Choice> of activation in lesson 5
// (the activation, its derivative, and the product of derivatives through a stack of layers).

const convexity = '/lessons/convexity/';
const activations = '/lessons/activations/';
const output = (page: Page, id: string) => page.locator(`[data-cell="${id}"] [data-cell-output]`);
const chart = (page: Page, id: string) => output(page, id).locator('svg[aria-label]').first();

/** What the convexity explorer computes: the largest excess of the cost over its chord, ends (−6, 0) and (2, 0). */
function largestExcess(loss: 'squaredError' | 'crossEntropy'): { excess: number; t: number } {
  const X = fromRows([[-2, -1.5, -0.5, 0.5, 1, 2.5]]);
  const Y = fromRows([[0, 0, 1, 0, 1, 1]]);
  const cost = (w: number, b: number) => logisticCost({ w: fromRows([[w]]), b }, X, Y, loss);
  const [a, c] = [cost(-6, 0), cost(2, 0)];
  let worst = { excess: -Infinity, t: 0 };
  for (let k = 0; k <= 200; k++) {
    const t = k / 200;
    const excess = cost((1 - t) * -6 + t * 2, 0) - ((1 - t) * a + t * c);
    if (excess > worst.excess) worst = { excess, t };
  }
  return worst;
}

const squaredError = largestExcess('squaredError');
const violation = `The chord inequality fails for the squared error with a sigmoid: the cost rises above its chord, by as much as ${squaredError.excess.toFixed(4)} at t = ${squaredError.t}.`;
const holds = 'The chord inequality holds on this segment for the cross-entropy: the cost never rises above its chord.';

test('the chord violation of the squared error, computed as the lesson does, is real', () => {
  expect(squaredError.excess).toBeGreaterThan(0.05);
  expect(largestExcess('crossEntropy').excess).toBeLessThanOrEqual(1e-9);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both explorers show their first frame: the controls at their defaults and the charts', async ({ page }) => {
    await page.goto(convexity);
    await expect(page.getByRole('group', { name: /^Loss/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'cross-entropy' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'squared error with a sigmoid' })).not.toBeChecked();
    await expect(output(page, 'cvx-segment')).toHaveText(holds);
    await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute(
      'aria-label',
      'The cross-entropy cost from t = 0 to t = 1, solid, and its chord, dashed',
    );
    await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute(
      'aria-description',
      new RegExp(`^${holds.replace(/[.()]/g, '\\$&')}`),
    );
    // The cost and the chord, and the (empty) shading between them.
    await expect(output(page, 'cvx-segment-plot').locator('g[aria-label="line"] path')).toHaveCount(2);
    await expect(output(page, 'cvx-segment-plot').locator('g[aria-label="area"] path')).toHaveCount(1);

    await page.goto(activations);
    await expect(page.getByRole('radio', { name: 'sigmoid' })).toBeChecked();
    await expect(chart(page, 'act-explorer-curves')).toHaveAttribute(
      'aria-label',
      'sigmoid g(z) and its derivative g′(z) for z from −5 to 5',
    );
    await expect(chart(page, 'act-explorer-depth-plot')).toHaveAttribute(
      'aria-label',
      'Product of sigmoid′ over 1 to 10 layers, on a logarithmic axis',
    );
    await expect(output(page, 'act-explorer-depth').locator('th').nth(1)).toHaveText('product after 10 layers');
    // The sigmoid's best case, (1/4)^10, in the table.
    await expect(output(page, 'act-explorer-depth').locator('tbody tr').nth(2)).toContainText('9.54e-7');
  });
});

test('choosing the squared error re-draws the chart and reports the violated chord inequality', async ({ page }) => {
  await page.goto(convexity);
  const before = await output(page, 'cvx-segment-plot').locator('g[aria-label="area"] path').getAttribute('d');
  await page.getByText('squared error with a sigmoid', { exact: true }).click();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
  await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute('aria-label', /^The squared error with a sigmoid cost/);
  await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute('aria-description', /^The chord inequality fails/);
  // The shaded gap between the cost and the chord is drawn anew.
  expect(await output(page, 'cvx-segment-plot').locator('g[aria-label="area"] path').getAttribute('d')).not.toBe(
    before,
  );
  await expect(page.locator('[data-cell="input-loss"] [data-cell-input-message]')).toBeEmpty();
});

test('choosing ReLU and 30 layers updates both charts: the random path dies at its first negative pre-activation', async ({
  page,
}) => {
  await page.goto(activations);
  await page.getByRole('radio', { name: 'ReLU', exact: true }).check();
  await expect(chart(page, 'act-explorer-curves')).toHaveAttribute(
    'aria-label',
    'ReLU g(z) and its derivative g′(z) for z from −5 to 5',
  );
  await expect(chart(page, 'act-explorer-depth-plot')).toHaveAttribute(
    'aria-label',
    'Product of ReLU′ over 1 to 10 layers, on a logarithmic axis',
  );
  // The depth slider, by keyboard: End is 30 layers.
  await page.getByLabel('Number of layers L').focus();
  await page.keyboard.press('End');
  await expect(chart(page, 'act-explorer-depth-plot')).toHaveAttribute(
    'aria-label',
    'Product of ReLU′ over 1 to 30 layers, on a logarithmic axis',
  );
  const rows = output(page, 'act-explorer-depth').locator('tbody tr');
  await expect(output(page, 'act-explorer-depth').locator('th').nth(1)).toHaveText('product after 30 layers');
  // z = 1 in every layer: ReLU′ = 1 throughout. The drawn path: exactly 0.
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('1');
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText('0');
  // One × on the bottom edge per layer from the first negative draw on (the lesson's seed).
  const rng = mulberry32(6);
  const firstNegative = Array.from({ length: 30 }, () => gaussian(rng)).findIndex((z) => z < 0) + 1;
  await expect(output(page, 'act-explorer-depth-plot').locator('g[aria-label="dot"] path')).toHaveCount(
    30 - firstNegative + 1,
  );
});

test('the loss choice works from the keyboard alone: Tab reaches it, the arrow keys change it, the chart follows', async ({
  page,
}) => {
  await page.goto(convexity);
  await page.getByLabel('Second end of the segment').focus();
  await page.keyboard.press('Tab');
  const crossEntropy = page.getByRole('radio', { name: 'cross-entropy' });
  const squared = page.getByRole('radio', { name: 'squared error with a sigmoid' });
  // Tab lands on the checked option of the group.
  await expect(crossEntropy).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(squared).toBeFocused();
  await expect(squared).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
  await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute('aria-label', /^The squared error with a sigmoid cost/);
  await page.keyboard.press('ArrowDown');
  await expect(crossEntropy).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(holds);
  await expect(chart(page, 'cvx-segment-plot')).toHaveAttribute('aria-label', /^The cross-entropy cost/);
  // Back on the squared error, the next Tab reaches the Reset button of the edited choice;
  // pressing it brings the default back and leaves the focus on the group.
  await page.keyboard.press('ArrowUp');
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: "Reset Loss to the lesson's version" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(crossEntropy).toBeChecked();
  await expect(crossEntropy).toBeFocused();
  await expect(output(page, 'cvx-segment')).toHaveText(holds);
});

test('the activation choice follows the arrow keys too', async ({ page }) => {
  await page.goto(activations);
  await page.getByRole('radio', { name: 'sigmoid' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'tanh' })).toBeChecked();
  await expect(chart(page, 'act-explorer-curves')).toHaveAttribute('aria-label', /^tanh g\(z\)/);
  await expect(chart(page, 'act-explorer-depth-plot')).toHaveAttribute('aria-label', /^Product of tanh′/);
});

test('a choice is saved, restored after a reload and reset to the lesson’s default', async ({ page }) => {
  await page.goto(convexity);
  await page.getByText('squared error with a sigmoid', { exact: true }).click();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'squared error with a sigmoid' })).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
  await page.getByRole('button', { name: "Reset Loss to the lesson's version" }).click();
  await expect(page.getByRole('radio', { name: 'cross-entropy' })).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(holds);
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey(convexity))).toBeNull();
});

test('a saved choice the lesson no longer offers falls back to the default, and says so', async ({ page }) => {
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    [
      storageKey(convexity),
      JSON.stringify({ 'input-loss': { code: 'hinge loss', base: fingerprint('cross-entropy') } }),
    ],
  );
  await page.goto(convexity);
  const message = page.locator('[data-cell="input-loss"] [data-cell-input-message]');
  await expect(message).toHaveText(
    'The saved value, “hinge loss”, cannot be used: “hinge loss” is not one of the options (“squared error with a sigmoid”, “cross-entropy”). The input keeps “cross-entropy”.',
  );
  await expect(page.getByRole('radio', { name: 'cross-entropy' })).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(holds);
  // The stale entry is forgotten; picking an option clears the message.
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey(convexity))).toBeNull();
  await page.getByText('squared error with a sigmoid', { exact: true }).click();
  await expect(message).toBeEmpty();
});

test('a shared link carries a choice; one the lesson does not offer is refused, and the input keeps its value', async ({
  page,
}) => {
  await openSharedLink(page, `${convexity}#${encodeShared({ 'input-loss': 'squared error with a sigmoid' })}`);
  // Shown, not run, until the student agrees.
  await expect(page.getByRole('radio', { name: 'squared error with a sigmoid' })).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(holds);
  await page.getByRole('button', { name: 'Run the shared code' }).click();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);

  await page.goto('about:blank');
  await openSharedLink(page, `${convexity}#${encodeShared({ 'input-loss': 'hinge loss' })}`);
  const message = page.locator('[data-cell="input-loss"] [data-cell-input-message]');
  await expect(message).toHaveText(
    'The link’s value, “hinge loss”, cannot be used: “hinge loss” is not one of the options (“squared error with a sigmoid”, “cross-entropy”). The input keeps “squared error with a sigmoid”.',
  );
  await expect(page.locator('[data-notebook-message]')).toContainText(
    'Part of this link cannot be used and was left out: the value for Loss cannot be used.',
  );
  // Nothing else in the link: nothing to offer, and the field shows what the cells use.
  await expect(page.getByRole('button', { name: 'Run the shared code' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'squared error with a sigmoid' })).toBeChecked();
  await expect(output(page, 'cvx-segment')).toHaveText(violation);
});
