// Builds the exam edition (COURSE_EDITION=exam) into dist-exam/, then searches every built file
// for what the checker would need to say whether an answer is right: each answer's published
// values (expected numbers, the reference's values and points of a formula, a derivation's
// points: every non-integer of six or more significant digits in what publishSpec and
// publishSteps write), the answer specs' fields, and the export data. The normal build in dist/
// is the control: the values of every answer a page shows must be found there, so the search
// cannot pass by looking for the wrong thing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const exam = join(root, 'dist-exam');
const control = join(root, 'dist');
if (!existsSync(join(control, 'index.html'))) {
  console.error('exam build: build the normal site into dist/ first (npm run build), it is the control.');
  process.exit(1);
}

// The course's own publishing code, bundled in memory as bench/grading.mjs does.
const bundle = await build({
  stdin: {
    contents: `export { publishAnswer } from './src/exercises/publish.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { publishAnswer } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`
);

function files(dir, pattern) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** Numbers that could only have come from an answer: not whole, six significant digits or more. */
const distinctive = (n) =>
  Number.isFinite(n) && !Number.isInteger(n) && String(Math.abs(n)).replace(/^[0.]+|\.|e.*$/g, '').length >= 6;

/** Every distinctive number in a published answer, except its variables' domains (asked of the student). */
function values(published, key = '') {
  if (key === 'variables') return [];
  if (typeof published === 'number') return distinctive(published) ? [String(published)] : [];
  if (typeof published === 'string')
    return key === 'expected' ? published.split(',').flatMap((s) => values(Number(s.trim()))) : [];
  if (published && typeof published === 'object')
    return Object.entries(published).flatMap(([k, v]) => values(v, Array.isArray(published) ? key : k));
  return [];
}

const searched = files(join(root, 'content/exercises'), /\.mdx$/).flatMap((path) => {
  const { id, answers = [] } = parseFrontmatter(readFileSync(path, 'utf8')).frontmatter;
  return answers.map((spec) => ({
    where: `${id}/${spec.name}`,
    type: spec.type,
    values: [...new Set(values(publishAnswer(spec, false)))],
  }));
});
const lineValues = searched.filter((a) => a.type !== 'steps').flatMap((a) => a.values);
if (lineValues.length < 100) {
  console.error(`exam build: only ${lineValues.length} values found to search for; the extraction is broken.`);
  process.exit(1);
}

rmSync(exam, { recursive: true, force: true });
const started = Date.now();
const built = spawnSync('npx', ['astro', 'build', '--outDir', exam], {
  cwd: root,
  env: { ...process.env, COURSE_EDITION: 'exam' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (built.status !== 0) {
  console.error('exam build: the build with COURSE_EDITION=exam failed.');
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);

const read = (dir) =>
  files(dir, /\.(html|js|json|css|txt|xml)$/).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
/**
 * A lesson's worked examples compute some of the numbers its exercises ask for (the forward pass
 * of shallow-forward, the softmax of softmax-four-classes), and its live cells let a student
 * compute any of them: that is the lesson, not the checker's data. A cell's number (its `<data
 * value>` and its "Full precision") is left out of the search; everything else is searched.
 */
const LESSON_NUMBERS = /<data value="[^"]*">|<details class="cell-precision">[\s\S]*?<\/details>/g;
const examFiles = read(exam).map(({ path, text }) => ({ path, text: text.replace(LESSON_NUMBERS, '') }));
const controlText = read(control)
  .map((f) => f.text)
  .join('\n');
const problems = [];
let stepsInControl = 0;
for (const { where, type, values: found } of searched) {
  for (const value of found) {
    const inControl = controlText.includes(value);
    // Derivations in steps are checked for in the exam build whether or not their page has come yet.
    if (type === 'steps') stepsInControl += inControl ? 1 : 0;
    else if (!inControl)
      problems.push(`control: ${value} (${where}) is not in dist/ either, so searching for it proves nothing`);
    for (const { path, text } of examFiles)
      if (text.includes(value))
        problems.push(`${path.slice(root.length)} holds ${value}, a value of the answer ${where}`);
  }
}
// What an exam page carries of each answer: the fields to draw it, nothing to compare with.
const ALLOWED = new Set(['exam', 'name', 'label', 'type', 'variables']);
let specs = 0;
for (const { path, text } of examFiles) {
  for (const [, json] of text.matchAll(
    /<script type="application\/json" data-answer-spec[^>]*>([\s\S]*?)<\/script>/g,
  )) {
    specs++;
    const extra = Object.keys(JSON.parse(json)).filter((key) => !ALLOWED.has(key));
    if (extra.length > 0) problems.push(`${path.slice(root.length)} carries an answer with ${extra.join(', ')}`);
  }
}
if (specs === 0) problems.push('dist-exam/ has no answer fields at all, so the check of their fields proves nothing');
if (existsSync(join(exam, 'exercises/export')))
  problems.push('dist-exam/exercises/export/ exists: it carries the answers');
if (!existsSync(join(control, 'exercises/export'))) problems.push('control: dist/exercises/export/ is missing');
const checking = (dir) =>
  /data-edition-checking="(\w+)"/.exec(readFileSync(join(dir, 'exercises/sheet/index.html'), 'utf8'))?.[1];
if (checking(control) !== 'page')
  problems.push('control: dist/exercises/sheet/ is not marked data-edition-checking="page"');
if (checking(exam) !== 'instructor')
  problems.push('dist-exam/exercises/sheet/ is not marked data-edition-checking="instructor"');
if (/<details class="(hint|solution)"/.test(examFiles.map((f) => f.text).join('\n')))
  problems.push('dist-exam/ holds a hint or solution element');
if (problems.length > 0) {
  console.error(`exam build: ${problems.length} problem(s):\n- ${problems.slice(0, 40).join('\n- ')}`);
  process.exit(1);
}
console.log(
  `exam build (${seconds} s): ${lineValues.length} values of one-line answers (all found in dist/) and ` +
    `${searched.filter((a) => a.type === 'steps').flatMap((a) => a.values).length} of derivations in steps ` +
    `(${stepsInControl} in dist/ so far), none in ${examFiles.length} files of dist-exam/; ${specs} answer fields carry only what draws them.`,
);
