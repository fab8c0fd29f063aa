// Benchmark of the steps checker: the time to check a 20-line derivation, as the page checks it
// (against the published form) and from the authored spec (which adds the derivative and the
// sample points), and the gzip size of the checker's code. No build needed.
//   node bench/steps.mjs   (prints figures; asserts nothing)
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'custom', logLevel: 'silent' });
const { checkAnswer, publishSpec } = await vite.ssrLoadModule('/src/exercises/check.ts');
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
const chain = Array.from({ length: 20 }, (_, i) => (i === 0 ? forms[0] : forms[1 + ((i - 1) % (forms.length - 1))])).join('\n');
const page = JSON.parse(JSON.stringify(publishSpec(spec)));

const verdict = checkAnswer(page, chain);
if (verdict.status !== 'correct' || verdict.steps.length !== 20) throw new Error(`the bench chain is not a correct 20-line chain: ${verdict.message}`);

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
time('against the published form (the page)', () => checkAnswer(page, chain), 500);
time('from the authored spec (derivative, points)', () => checkAnswer(spec, chain), 200);

// The code that checks answers, bundled and minified by esbuild (Astro's own dependency), with all
// it imports: checkAnswer takes authored specs too, checkPublished only what a page carries.
const bundle = async (name, module) => {
  const result = await esbuild({
    stdin: { contents: `export { ${name} } from './src/exercises/${module}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
  });
  return gzipSync(result.outputFiles[0].contents).byteLength;
};
console.log('checker code (esbuild, minified, gzip bytes)');
for (const [name, module, label] of [
  ['checkAnswer', 'check.ts', 'checkAnswer, every answer type'],
  ['checkPublished', 'check.ts', 'checkPublished, what a page needs'],
  ['checkSteps', 'steps.ts', 'checkSteps alone, with the reader it needs'],
]) {
  console.log(`  ${label.padEnd(44)} ${await bundle(name, module)}`);
}
