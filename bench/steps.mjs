// Benchmark of the steps checker: the time to check a 20-line derivation, as a page checks it
// (against the published form) and from the authored spec (which adds the derivative and the
// sample points), and the gzip size of the checkers' code. No build needed.
//   node bench/steps.mjs   (prints figures; asserts nothing)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'custom', logLevel: 'silent' });
const { checkSteps } = await vite.ssrLoadModule('/src/exercises/steps.ts');
const { checkStepsAnswer, publishSteps } = await vite.ssrLoadModule('/src/exercises/stepsSpec.ts');
await vite.close();

/** The sigmoid's derivative, as lesson 2's exercise declares it. */
const spec = {
  name: 'dsigma-steps',
  label: "\\sigma'(z)",
  type: 'steps',
  derive: { of: 'sigma(z)', wrt: 'z' },
  expected: 'sigma(z) * (1 - sigma(z))',
  variables: { z: [-4, 4] },
  milestones: [
    { form: '-(1 + exp(-z))^(-2) * (-exp(-z))', says: 'the chain rule applied once' },
    { form: '1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))', says: 'two fractions' },
  ],
};
const forms = [
  "σ'(z) = -(1 + exp(-z))^(-2) * (-exp(-z))",
  '= exp(-z) / (1 + exp(-z))^2',
  '= e^(-z) (1 + e^(-z))^(-2)',
  '= 1/(1 + exp(-z)) * exp(-z)/(1 + exp(-z))',
  '= sigma(z) * exp(-z) / (1 + exp(-z))',
  '= sigma(z) * (1 + exp(-z) - 1) / (1 + exp(-z))',
  '= sigma(z) * ((1 + exp(-z)) / (1 + exp(-z)) - 1 / (1 + exp(-z)))',
  '= sigma(z) * (1 - 1/(1 + exp(-z)))',
  '= sigma(z) * (1 - sigma(z))',
  '= sigma(z) - sigma(z)^2',
];
const chain = Array.from({ length: 20 }, (_, i) =>
  i === 0 ? forms[0] : forms[1 + ((i - 1) % (forms.length - 1))],
).join('\n');
const page = JSON.parse(JSON.stringify(publishSteps(spec)));

const verdict = checkSteps(page, chain);
if (verdict.status !== 'correct' || verdict.steps.length !== 20)
  throw new Error(`the bench chain is not a correct 20-line chain: ${verdict.message}`);

function time(label, run, repeats) {
  for (let i = 0; i < 20; i++) run();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(2);
  console.log(`  ${label.padEnd(44)} median ${at(0.5)} ms, 95th percentile ${at(0.95)} ms`);
}

console.log('steps checker, a 20-line derivation of the sigmoid (Node, warm)');
time('checkSteps, against the published form (the page)', () => checkSteps(page, chain), 500);
time('checkStepsAnswer, from the authored spec', () => checkStepsAnswer(spec, chain), 200);

// The checkers' code, bundled and minified by esbuild (Astro's own dependency) as a page would
// load it: checkAnswer for the one-line answers, and checkSteps split off, loaded when a page has
// a derivation to check; what checkSteps adds is the chunk only it needs.
const dir = mkdtempSync(join(tmpdir(), 'steps-bench-'));
const entry = (name, module) => {
  const path = join(dir, `${name}.ts`);
  writeFileSync(path, `export { ${name} } from '${root}src/exercises/${module}';`);
  return path;
};
const result = await esbuild({
  entryPoints: [entry('checkAnswer', 'check.ts'), entry('checkSteps', 'steps.ts')],
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  outdir: join(dir, 'out'),
  write: false,
});
rmSync(dir, { recursive: true });
const gzipped = (name) =>
  result.outputFiles
    .filter((file) => basename(file.path).startsWith(name))
    .reduce((total, file) => total + gzipSync(file.contents).byteLength, 0);
const shared = result.outputFiles
  .filter((file) => basename(file.path).startsWith('chunk-'))
  .reduce((total, file) => total + gzipSync(file.contents).byteLength, 0);
console.log('checker code (esbuild, minified, split as a page loads it; gzip bytes)');
console.log(`  ${'checkAnswer with what it shares'.padEnd(52)} ${gzipped('checkAnswer') + shared}`);
console.log(`  ${'what checkSteps adds, loaded on a derivation'.padEnd(52)} ${gzipped('checkSteps')}`);

// What the page loads for a derivation: the checker runs in a worker of its own
// (src/exercises/browser/steps.worker.ts), a self-contained bundle, so nothing of it is shared
// with, or added to, the one-line checker's chunk.
const worker = await esbuild({
  entryPoints: [join(root, 'src/exercises/browser/steps.worker.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
});
console.log(
  `  ${'the steps worker the page loads (self-contained)'.padEnd(52)} ${gzipSync(worker.outputFiles[0].contents).byteLength}`,
);
