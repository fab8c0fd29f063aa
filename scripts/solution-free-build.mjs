// Builds the site as an instructor publishing to students would (COURSE_SOLUTIONS=hide) into
// dist-students/, then searches every built file for the text of each hint, solution and
// answer to a lesson's "Check yourself" question, and for the markup that holds them. The normal build in dist/ is the control: every phrase
// searched for must be found there, so the search cannot pass by looking for the wrong thing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const students = join(root, 'dist-students');
const control = join(root, 'dist');
if (!existsSync(join(control, 'index.html'))) {
  console.error('solution-free build: build the normal site into dist/ first (npm run build), it is the control.');
  process.exit(1);
}

function files(dir, pattern) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

const HELP = /<(Hint|Solution|CheckAnswer)>([\s\S]*?)<\/\1>/g;

/** Text as a reader sees it: no tags, one kind of apostrophe, single spaces. */
const plain = (text) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;|&apos;|[‘’]/g, "'")
    .replace(/&quot;|[“”]/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The runs of ordinary words in MDX: no math, code or markup. */
function runsOf(body) {
  return plain(
    body
      .replace(/\$\$[\s\S]*?\$\$/g, '|')
      .replace(/\$[^$\n]*\$/g, '|')
      .replace(/`[^`]*`/g, '|')
      .replace(/^\s*\d+\.\s/gm, '|')
      .replace(/[*_>#]/g, ' '),
  )
    .split(/[|.,;:()!?"]/)
    .map((run) => run.trim())
    .filter((run) => run.split(' ').length >= 6 && /^[A-Za-z' -]+$/.test(run));
}

/**
 * For every hint, solution and "Check yourself" answer, its longest plain phrase (six words or
 * more) that appears nowhere else in the course's sources, so finding it in a page can only
 * mean the hint leaked.
 */
function phrases() {
  const sources = [
    ...files(join(root, 'content/exercises'), /\.mdx$/),
    ...files(join(root, 'content/lessons'), /\.mdx$/),
    join(root, 'content/notation.mdx'),
  ];
  const elsewhere = plain(sources.map((f) => readFileSync(f, 'utf8').replace(HELP, '')).join('\n'));
  const found = [];
  for (const file of sources) {
    const source = readFileSync(file, 'utf8');
    const blocks = [...source.matchAll(HELP)];
    for (const [whole, kind, body] of blocks) {
      // Not in the rest of the course, nor in this file's other hints and solution.
      const others = plain(
        blocks
          .filter((b) => b[0] !== whole)
          .map((b) => b[2])
          .join('\n'),
      );
      const runs = runsOf(body).filter((run) => !elsewhere.includes(run) && !others.includes(run));
      if (runs.length > 0)
        found.push({ file: file.slice(root.length), kind, phrase: runs.sort((a, b) => b.length - a.length)[0] });
    }
  }
  return found;
}

const searched = phrases();
const answers = searched.filter(({ kind }) => kind === 'CheckAnswer').length;
if (searched.length < 20 || answers < 12) {
  console.error(
    `solution-free build: only ${searched.length} phrases (${answers} of "Check yourself" answers) found to search for; the extraction is broken.`,
  );
  process.exit(1);
}

rmSync(students, { recursive: true, force: true });
const build = spawnSync('npx', ['astro', 'build', '--outDir', students], {
  cwd: root,
  env: { ...process.env, COURSE_SOLUTIONS: 'hide' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('solution-free build: the build with COURSE_SOLUTIONS=hide failed.');
  process.exit(1);
}

const read = (dir) =>
  files(dir, /\.(html|js|json|css|txt|xml)$/)
    .map((path) => ({ path, raw: readFileSync(path, 'utf8') }))
    .map(({ path, raw }) => ({ path, raw, text: plain(raw) }));
const built = read(students);
const controlText = read(control)
  .map((f) => f.text)
  .join('\n');
const problems = [];
for (const { file, kind, phrase } of searched) {
  if (!controlText.includes(phrase))
    problems.push(
      `control: "${phrase}" (${kind} in ${file}) is not in dist/ either, so searching for it proves nothing`,
    );
  for (const { path, text } of built)
    if (text.includes(phrase)) problems.push(`${path.slice(root.length)} holds "${phrase}" (${kind} in ${file})`);
}
const HELP_ELEMENT = /<details class="(hint|solution|check-answer)"/;
for (const { path, raw } of built) {
  if (HELP_ELEMENT.test(raw)) problems.push(`${path.slice(root.length)} holds a hint, solution or answer element`);
  if (/class="answer-key"/.test(raw)) problems.push(`${path.slice(root.length)} holds an answer key's answer`);
}
const controlFiles = read(control);
if (!controlFiles.some(({ raw }) => /<details class="check-answer"/.test(raw)))
  problems.push('control: no page of dist/ holds a "Check yourself" answer element');
if (!controlFiles.some(({ raw }) => /class="answer-key"/.test(raw)))
  problems.push("control: no page of dist/ holds an answer key's answer");
// The sheet page says which edition it is, so that a link asking for solutions (solutions=1)
// says this edition has none instead of a heading "with solutions" over none (exercises.spec.ts).
const edition = (dir) =>
  /data-edition-solutions="(\w+)"/.exec(readFileSync(join(dir, 'exercises/sheet/index.html'), 'utf8'))?.[1];
if (edition(control) !== 'included')
  problems.push('control: dist/exercises/sheet/ is not marked data-edition-solutions="included"');
if (edition(students) !== 'none')
  problems.push('dist-students/exercises/sheet/ is not marked data-edition-solutions="none"');
if (problems.length > 0) {
  console.error(`solution-free build: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `solution-free build: ${searched.length} hint, solution and answer phrases (${answers} answers to "Check yourself"), none in ${built.length} files of dist-students/ (all found in dist/).`,
);
