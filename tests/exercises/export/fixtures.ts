// Exercises for the export tests, one per kind of answer, with statements that hold everything
// an export must carry through unharmed: TeX with braces and backslashes, < and & as HTML writes
// them, a literal ]]> (the end of a CDATA section), and text that looks like Cloze, Formulas or
// GIFT syntax.
import { publishSpec } from '../../../src/exercises/check';
import type { ExportExercise } from '../../../src/exercises/export/types';

/** TeX and markup an export must not change: `\(a < b\)`, `&`, `]]>`, braces, and template look-alikes. */
export const HOSTILE_HTML =
  '<p>Show \\(0 &lt; \\sigma(z) &lt; 1\\) &amp; \\[\\frac{\\partial L}{\\partial z_{i}} = \\hat y_i - y_i\\\\ \\text{ok}\\]; keep [a]]>b, ' +
  '{1:NUMERICAL:=666:0}, {#1}, {a}, {=2*a}, {_0}, ~x=y#z: and \\neq as they are.</p>\n<pre><code>if (a &lt; b) { c = 1; }</code></pre>';

const base = (id: string, answers: ExportExercise['answers'], statementHtml = HOSTILE_HTML): ExportExercise => ({
  id,
  title: `Exercise ${id}`,
  number: '6.1',
  statementHtml,
  hintsHtml: ["<p>Use \\(\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))\\).</p>"],
  solutionHtml: '<p>So \\(p = \\tfrac{1}{4}\\) &amp; done.</p>',
  answers,
});

export const numberExercise = base('sm-number', [
  { name: 'p', label: 'p_1 = \\frac{e^{z_1}}{\\sum_j e^{z_j}} <', type: 'number', expected: '1/4', tolerance: 0.01 },
]);
export const vectorExercise = base('sm-vector', [
  { name: 'v', label: '\\hat{y} =', type: 'vector', expected: '1/2, -2/3, 0' },
]);
export const shapeExercise = base('nn-shape', [
  { name: 'w1', label: '\\text{shape of } W^{[1]}', type: 'shape', expected: '4, 3' },
]);
export const formulaExercise = base('lr-formula', [
  {
    name: 'da',
    label: "\\sigma'(z) =",
    type: 'expression',
    expected: 'sigma(z) * (1 - sigma(z))',
    variables: { z: [-3, 3] },
  },
  {
    name: 'idx',
    label: 'i =',
    type: 'expression',
    expected: '(r - 1) * 64 + k',
    variables: { r: [1, 64, 'integer'], k: [1, 64, 'integer'] },
  },
]);
export const mixedExercise = base('act-mixed', [
  { name: 'dtanh', label: "\\tanh'(z) =", type: 'expression', expected: '1 - tanh(z)^2', variables: { z: [-3, 3] } },
  { name: 'max', label: "\\max_z \\tanh'(z) =", type: 'number', expected: '1' },
]);
export const proofExercise: ExportExercise = { ...base('cvx-proof', []), hintsHtml: [] };
/** As a build without solutions gives it: published answers, so no formula. */
const { solutionHtml: _left, ...published } = base('lr-published', [
  publishSpec({
    name: 'dz',
    label: 'dz =',
    type: 'expression',
    expected: 'a - y',
    variables: { a: [0.01, 0.99], y: [0, 1] },
  }),
]);
export const publishedExercise: ExportExercise = { ...published, hintsHtml: [] };

export const ALL = [
  numberExercise,
  vectorExercise,
  shapeExercise,
  formulaExercise,
  mixedExercise,
  proofExercise,
  publishedExercise,
];
