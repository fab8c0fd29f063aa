// The instructor's loop (issue 13): students hand in a sheet, the instructor grades the files in
// the browser and downloads the grades; the sheet goes out to Moodle as XML and GIFT.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

// Two exercises of 3 answer fields each, neither with a proof or a derivation in steps.
const QUERY = 'title=Week%203&due=2026-12-01&ex=bin-feature-count,bin-reading-x';
const SHEET = `/exercises/sheet/?${QUERY}`;
const GRADE = `/exercises/grade/?${QUERY}`;

type Answers = Record<string, Record<string, string>>;

const ANA: Answers = {
  'bin-feature-count': { nx64: '12288', nx32: '3072', entries: '1228800' },
  'bin-reading-x': { x3: '-2, 5, 1', x24: '3', mean1: '' },
};
// A name a spreadsheet would read as a formula, with markup in it: both must arrive as text.
const BAHAR_NAME = '=Bahar <b>Karimi</b>';
const BAHAR: Answers = {
  'bin-feature-count': { nx64: '64*64*3', nx32: '3000', entries: '1228800' },
  'bin-reading-x': { x3: '-2,5,1', x24: '2', mean1: '0.75' },
};

async function fill(page: Page, answers: Answers): Promise<void> {
  for (const [id, fields] of Object.entries(answers))
    for (const [name, value] of Object.entries(fields))
      await page.locator(`[data-exercise="${id}"] input[data-answer="${name}"]`).fill(value);
}

async function handIn(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-hand-in-submit]').click()]);
  // Read now: the download goes with its browser context.
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** One student, in a browser context of their own, at a time of their own. */
async function student(browser: Browser, name: string, answers: Answers, time: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(time));
  await page.goto(SHEET);
  await fill(page, answers);
  // Hand in asks for the name first, and refuses an empty one.
  await expect(page.locator('[data-hand-in-name]')).toBeVisible();
  await page.locator('[data-hand-in-submit]').click();
  await expect(page.locator('[data-hand-in-status]')).toHaveText('Type your name or student number first.');
  await page.locator('[data-hand-in-name]').fill(name);
  const file = await handIn(page);
  await expect(page.locator('[data-hand-in-status]')).toContainText(`Saved ${file.name}`);
  // Asked once: after a reload the name is kept, shown, and used again.
  await page.reload();
  await expect(page.locator('[data-hand-in-shown]')).toHaveText(name);
  await expect(page.locator('[data-hand-in-name]')).toBeHidden();
  const again = await handIn(page);
  expect(again.name).toBe(file.name);
  await context.close();
  return file;
}

test.describe('the instructor’s loop', () => {
  test('two students hand in, the instructor grades both files and a broken one, and downloads the CSV', async ({
    browser,
    page,
  }) => {
    test.setTimeout(60_000);
    const ana = await student(browser, 'Ana Rahimi', ANA, '2026-11-30T10:00:00Z');
    const bahar = await student(browser, BAHAR_NAME, BAHAR, '2026-12-03T10:00:00Z');
    expect(ana.name).toBe('week-3-ana-rahimi.json');
    expect(bahar.name).toBe('week-3-bahar-b-karimi-b.json');
    const anaFile = JSON.parse(ana.text);
    expect(anaFile.student).toBe('Ana Rahimi');
    expect(anaFile.assignment).toEqual({
      title: 'Week 3',
      due: '2026-12-01',
      exercises: ['bin-feature-count', 'bin-reading-x'],
    });
    expect(anaFile.saved).toBe('2026-11-30T10:00:00.000Z');
    expect(anaFile.progress['bin-reading-x'].answers.x3.input).toBe('-2, 5, 1');

    // Opening a hand-in restores its answers, as any answers file does.
    await page.goto(SHEET);
    await page
      .getByLabel('Load answers from a file')
      .setInputFiles({ name: ana.name, mimeType: 'application/json', buffer: Buffer.from(ana.text) });
    await expect(page.locator('[data-exercise="bin-reading-x"] input[data-answer="x3"]')).toHaveValue('-2, 5, 1');

    await page.goto(GRADE);
    await expect(page.locator('[data-grade-sheet]')).toContainText('Week 3');
    const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page
      .locator('input[type=file][data-grade-files]')
      .setInputFiles([json(ana.name, ana.text), json(bahar.name, bahar.text), json('broken.json', '{"format": ')]);
    const anaRow = page.locator('[data-grade-student="Ana Rahimi"]');
    const baharRow = page.locator(`[data-grade-student="${BAHAR_NAME}"]`);
    await expect(anaRow).toHaveAttribute('data-grade-score', '4/6');
    await expect(baharRow).toHaveAttribute('data-grade-score', '5/6');
    await expect(baharRow.locator('.grade-name')).toHaveText(BAHAR_NAME);
    await expect(baharRow.locator('b')).toHaveCount(0);
    await expect(baharRow.locator('.grade-late')).toHaveText('late');
    await expect(anaRow.locator('.grade-late')).toHaveCount(0);
    await expect(anaRow.locator('[data-grade-exercise="bin-reading-x"]')).toContainText('1/3');
    await expect(page.locator('[data-grade-error]')).toHaveCount(1);
    await expect(page.locator('[data-grade-error]')).toContainText('broken.json');
    await expect(page.locator('[data-grade-error]')).toContainText('not JSON');
    await expect(page.locator('[data-grade-status]')).toHaveText('Graded 2 students; 1 file not graded (see below).');

    // Each answer's verdict on demand.
    await anaRow.locator('summary').click();
    await expect(anaRow.locator('.grade-answer').filter({ hasText: '3' }).first()).toBeVisible();
    await expect(anaRow.locator('.grade-verdict')).toHaveText([
      'Correct',
      'Correct',
      'Correct',
      'Correct',
      'Wrong',
      'No answer',
    ]);

    // The same file again, dropped later, is a duplicate and counts once.
    await page.locator('input[type=file][data-grade-files]').setInputFiles([json('copy.json', ana.text)]);
    await expect(page.locator('[data-grade-error]')).toHaveCount(2);
    await expect(page.locator('[data-grade-error]').nth(1)).toContainText('copy.json');
    await expect(page.locator('[data-grade-error]').nth(1)).toContainText('second one for Ana Rahimi');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="grades-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('week-3-grades.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Student,Handed in,Late,bin-feature-count (of 3),bin-reading-x (of 3),Total (of 6)',
      'Ana Rahimi,2026-11-30T10:00:00.000Z,no,3,1,4',
      "'=Bahar <b>Karimi</b>,2026-12-03T10:00:00.000Z,yes,2,3,5",
      '',
    ]);

    // Axe on the page as the grader sees it (rows drawn, one opened), and its contrast in the dark theme.
    const violations = async () =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    expect(await violations()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations()).toEqual([]);
  });

  test('a file over the size limit is refused with a reason, verdicts a file claims are not used, the others are graded', async ({
    page,
  }) => {
    await page.goto(GRADE);
    const big = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1_000_001, 32) };
    // Written by hand, claiming "correct" for a wrong answer: the page's checker decides.
    const claimed = {
      format: 'nn-live-answers',
      version: 1,
      saved: '2026-11-29T08:00:00Z',
      student: 'Cyrus',
      assignment: { title: 'Week 3', due: '2026-12-01', exercises: ['bin-feature-count', 'bin-reading-x'] },
      progress: { 'bin-feature-count': { answers: { nx64: { input: '1', status: 'correct', message: 'Correct.' } } } },
    };
    await page
      .locator('[data-grade-files]')
      .setInputFiles([
        big,
        { name: 'cyrus.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(claimed)) },
      ]);
    await expect(page.locator('[data-grade-error]')).toContainText('huge.json');
    await expect(page.locator('[data-grade-error]')).toContainText('larger than 1 MB');
    await expect(page.locator('[data-grade-student="Cyrus"]')).toHaveAttribute('data-grade-score', '0/6');
  });

  test('files dropped on the page are graded like chosen ones', async ({ page }) => {
    await page.goto(GRADE);
    const file = {
      format: 'nn-live-answers',
      version: 1,
      saved: '2026-11-29T08:00:00Z',
      student: 'Dara',
      assignment: { title: 'Week 3', due: '2026-12-01', exercises: ['bin-feature-count', 'bin-reading-x'] },
      progress: { 'bin-feature-count': { answers: { nx64: { input: '12288' } } } },
    };
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dara.json', { type: 'application/json' }));
      data.items.add(new File(['not json'], 'notes.txt', { type: 'text/plain' }));
      return data;
    }, JSON.stringify(file));
    await page.locator('[data-grade-drop]').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.locator('[data-grade-student="Dara"]')).toHaveAttribute('data-grade-score', '1/6');
    await expect(page.locator('[data-grade-error]')).toContainText('notes.txt');
  });

  test('the sheet exports to Moodle XML that parses, with one Cloze question per exercise, and to GIFT', async ({
    page,
  }) => {
    await page.goto(SHEET);
    const [xmlDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="moodle-xml"]').click(),
    ]);
    expect(xmlDownload.suggestedFilename()).toBe('week-3-moodle.xml');
    const xml = await readFile(await xmlDownload.path(), 'utf8');
    const quiz = new XMLParser({ ignoreAttributes: false }).parse(xml).quiz;
    const questions = [quiz.question].flat();
    expect(questions.map((q) => q['@_type'])).toEqual(['category', 'cloze', 'cloze']);
    expect(questions[0].category.text).toBe('$course$/Week 3');
    expect(questions.slice(1).map((q) => q.idnumber)).toEqual(['bin-feature-count', 'bin-reading-x']);
    expect(questions[1].questiontext.text).toContain('{1:NUMERICAL:=12288:');
    expect(questions[1].generalfeedback.text).not.toBe('');

    // Without solutions: no worked solution as feedback.
    await page.locator('[data-export-no-solutions]').check();
    const [bare] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="moodle-xml"]').click(),
    ]);
    const bareQuestions = [new XMLParser().parse(await readFile(await bare.path(), 'utf8')).quiz.question].flat();
    expect(bareQuestions[1].generalfeedback.text ?? '').toBe('');

    const [giftDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="gift"]').click(),
    ]);
    expect(giftDownload.suggestedFilename()).toBe('week-3-gift.txt');
    const gift = await readFile(await giftDownload.path(), 'utf8');
    expect(gift).toContain('$CATEGORY: $course$/Week 3');
    expect(gift).toContain('{#12288:');
    // No formula in this sheet: the Formulas file is not offered, and the page says why.
    await page.locator('[data-export="formulas-xml"]').click();
    await expect(page.locator('[data-export-status]')).toContainText('no Formulas file');
  });

  test('the sheet builder exports the picked exercises and links to the grading page with the sheet', async ({
    page,
  }) => {
    await page.goto('/exercises/');
    await page.locator('[data-export="moodle-xml"]').click();
    await expect(page.locator('[data-export-status]')).toContainText('Tick at least one exercise');
    await page.locator('#pick-softmax-dz').check();
    await page.getByLabel('Title').fill('Week 4');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="moodle-xml"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('week-4-moodle.xml');
    const questions = [new XMLParser().parse(await readFile(await download.path(), 'utf8')).quiz.question].flat();
    expect(questions.length).toBeGreaterThan(1);
    // softmax-dz asks for a formula: the Formulas file has it as a Formulas question.
    const [formulas] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="formulas-xml"]').click(),
    ]);
    expect(formulas.suggestedFilename()).toBe('week-4-formulas.xml');
    const formulasQuestions = [
      new XMLParser({ ignoreAttributes: false }).parse(await readFile(await formulas.path(), 'utf8')).quiz.question,
    ].flat();
    expect(formulasQuestions.map((q) => q['@_type'])).toEqual(['category', 'formulas']);
    await page.getByRole('button', { name: 'Create the link' }).click();
    await expect(page.locator('[data-grade-link]')).toHaveAttribute(
      'href',
      /\/exercises\/grade\/\?title=Week\+4&ex=softmax-dz$/,
    );
  });
});
