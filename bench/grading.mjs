// Benchmark of the grading page's engine, src/exercises/grading.ts (prints figures; asserts nothing):
// 200 hand-ins of a 10-exercise sheet graded in one call, as one drop of files on the page does.
// The sheet is the course's first ten exercises with answer fields, their answers published as
// the pages publish them; each student answers every field, about 70% right (the expected
// expression itself, which the checker evaluates like typed arithmetic) and the rest wrong.
// The goal of issue 13: under 2 s.
//
// Run after `npm install`:  node bench/grading.mjs
// How it loads TypeScript: esbuild (installed with Vite) bundles the modules in memory into one ES
// module, imported from a data: URL, as bench/train.mjs does.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await build({
  stdin: {
    contents: `export { gradeFiles } from './src/exercises/grading.ts';
export { answersFileText } from './src/exercises/answersFile.ts';
export { publishAnswer } from './src/exercises/publish.ts';
export { mulberry32 } from './src/ml/random.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const { gradeFiles, answersFileText, publishAnswer, mulberry32 } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].contents).toString('base64')}`
);

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
const exercises = files(join(root, 'content/exercises'))
  .sort()
  .map((path) => parseFrontmatter(readFileSync(path, 'utf8')).frontmatter)
  .filter((data) => data.answers?.length > 0)
  .slice(0, 10);
const sheet = { title: 'Week 3', due: '2026-12-01', exercises: exercises.map((e) => e.id) };
const answers = Object.fromEntries(exercises.map((e) => [e.id, e.answers.map((spec) => publishAnswer(spec, false))]));
const fields = exercises.reduce((n, e) => n + e.answers.length, 0);

const rng = mulberry32(13);
const STUDENTS = 200;
const handIns = Array.from({ length: STUDENTS }, (_, s) => {
  const progress = {};
  for (const exercise of exercises) {
    const record = (progress[exercise.id] = { answers: {} });
    for (const spec of exercise.answers) {
      const right = rng() < 0.7;
      const input =
        spec.type === 'shape'
          ? right
            ? spec.expected
            : '1, 1'
          : right
            ? spec.expected
            : spec.type === 'vector'
              ? spec.expected
                  .split(',')
                  .map((x) => `2*(${x})`)
                  .join(', ')
              : `2*(${spec.expected})`;
      // A verdict the student's page wrote: the grader must ignore it.
      record.answers[spec.name] = { input, status: 'correct', version: '0badc0de' };
    }
  }
  const text = answersFileText(
    progress,
    new Date(Date.UTC(2026, 10, 30, 8, s)),
    { ...sheet, exercises: [...sheet.exercises] },
    `Student ${s + 1}`,
  );
  return { name: `week-3-student-${s + 1}.json`, text, size: text.length };
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (run) => {
  const t = performance.now();
  const result = run();
  return { ms: performance.now() - t, result };
};

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(
  `\nGrading ${STUDENTS} hand-ins of a ${exercises.length}-exercise sheet (${fields} answer fields each, ${STUDENTS * fields} checks):`,
);
console.log(`  exercises: ${sheet.exercises.join(', ')}`);
console.log(
  `  types: ${[...new Set(exercises.flatMap((e) => e.answers.map((a) => a.type)))].join(', ')}; ${(handIns.reduce((n, f) => n + f.size, 0) / 1024).toFixed(0)} KB of files`,
);
const cold = time(() => gradeFiles(sheet, answers, handIns, { utcOffsetMinutes: 210 }));
const warm = Array.from(
  { length: 5 },
  () => time(() => gradeFiles(sheet, answers, handIns, { utcOffsetMinutes: 210 })).ms,
);
const rows = cold.result;
const graded = rows.filter((row) => row.kind === 'student');
const share = graded.reduce((n, row) => n + row.correct, 0) / graded.reduce((n, row) => n + row.total, 0);
console.log(
  `  first run (cold, as on the page): ${cold.ms.toFixed(0)} ms; median of 5 more: ${median(warm).toFixed(0)} ms; goal: under 2000 ms`,
);
console.log(
  `  ${graded.length} students graded, ${rows.length - graded.length} problem rows, ${(share * 100).toFixed(0)}% of answers correct (about 70% expected)`,
);
