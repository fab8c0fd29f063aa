/**
 * What every export needs to know about an exercise's answers: which are numbers (one, several,
 * or a shape's two) with the absolute tolerance an LMS compares with, which are formulas, and
 * how labels and content go into Moodle's HTML without being read as its syntax.
 */
import { escapeHtml } from '../../display/escape';
import { DEFAULT_TOLERANCE, expectedValue, type PublishedAnswer } from '../check';
import { parseExpression, samplePoints, toTex, type Expr, type SamplePoint } from '../expression';
import type { AnswerSpec } from '../spec';
import type { ExportExercise } from './types';

export type ExportAnswer = AnswerSpec | PublishedAnswer;
type NumericAnswer = Extract<ExportAnswer, { type: 'number' | 'vector' | 'shape' }>;
type FormulaAnswer = Extract<AnswerSpec, { type: 'expression' }>;

/** One number an LMS asks for, and the absolute error it accepts. */
export interface NumericEntry {
  readonly value: number;
  readonly tolerance: number;
}

export const isNumeric = (answer: ExportAnswer): answer is NumericAnswer =>
  answer.type === 'number' || answer.type === 'vector' || answer.type === 'shape';

/** An expression answer with its formula (a full build's spec), parsed; null for anything else. */
export function formulaOf(answer: ExportAnswer): { spec: FormulaAnswer; ast: Expr } | null {
  if (answer.type !== 'expression' || !('expected' in answer)) return null;
  const read = parseExpression(answer.expected, { variables: Object.keys(answer.variables) });
  return read.ok ? { spec: answer, ast: read.ast } : null;
}

/**
 * The numbers of a number, vector or shape answer with absolute tolerances: an LMS compares
 * |given − value| ≤ tolerance (Moodle's NUMERICAL error margin), where the checker's tolerance is
 * relative, so it becomes relative × |value| (0 for 0: only 0 itself is right). A shape's sizes
 * are whole numbers, compared exactly.
 */
export function numericEntries(answer: NumericAnswer): NumericEntry[] {
  const values = [expectedValue(answer)].flat();
  if (answer.type === 'shape') return values.map((value) => ({ value, tolerance: 0 }));
  const relative = answer.tolerance ?? DEFAULT_TOLERANCE[answer.type];
  return values.map((value) => ({ value, tolerance: Number((relative * Math.abs(value)).toPrecision(3)) }));
}

/**
 * A number as Moodle's NUMERICAL reads it: `-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)`
 * (NUMBER_REGEX in question/type/multianswer/questiontype.php), which JavaScript's shortest
 * round-trip form always matches (1e-7, 1.5e+21, -0.25).
 */
export const numberText = (value: number): string => String(Object.is(value, -0) ? 0 : value);

/**
 * Content made inert for Moodle's template syntax: Cloze reads `{1:NUMERICAL:…}` and `{#1}`,
 * Formulas substitutes `{a}`, `{=…}`, `{_0}` and `{#1}` anywhere in its texts. Every `{` from
 * content becomes the character reference `&#123;`, which no template pattern matches and the
 * browser (and MathJax, reading the page) still sees as `{`.
 */
export const inertBraces = (html: string): string => html.replaceAll('{', '&#123;');

/** A label (TeX) as inline math in HTML. */
export const labelHtml = (label: string): string => `\\(${escapeHtml(label)}\\)`;

/** A formula's TeX, after its label: "\(\tanh'(z) = 1 - \tanh(z)^{2}\)". */
export const expectedFormulaHtml = (formula: { spec: FormulaAnswer; ast: Expr }): string =>
  `\\(${escapeHtml(`${formula.spec.label} ${toTex(formula.ast)}`)}\\)`;

/** Where the reference formula is, for Formulas' absolute error: its values at the checker's sample points. */
export const referencePoints = (formula: { spec: FormulaAnswer; ast: Expr }): SamplePoint[] =>
  samplePoints(formula.ast, formula.spec.variables, formula.spec.expected);

/** The name a question is imported under: the title, with the id that matches it on re-import. */
export const questionName = (exercise: ExportExercise, part?: string): string =>
  `${exercise.number} ${exercise.title}${part ? ` — ${part}` : ''} [${exercise.id}]`.trim();

/**
 * A category name in Moodle's path syntax: "/" separates categories, so one in a name is written
 * "//", and a name starting or ending with "/" gets a space (assemble_category_path in
 * question/format.php). The course's own context, `$course$`, comes first; Moodle 3.5 and later
 * put the category under the course's "top" category (create_category_path).
 */
export function categoryPath(title: string): string {
  const name =
    title
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Problem sheet';
  let escaped = name.replaceAll('/', '//');
  if (escaped.startsWith('/')) escaped = ` ${escaped}`;
  if (escaped.endsWith('/')) escaped = `${escaped} `;
  return `$course$/${escaped}`;
}
