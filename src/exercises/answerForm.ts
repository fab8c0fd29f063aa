/**
 * What an exercise's answer fields say, apart from their markup (components/exercises/
 * AnswerField.astro draws them): the fingerprint of each published answer, the help text of
 * each kind of answer, and the TeX of labels typeset at build time.
 */
import katex from 'katex';
import { katexOptions } from '../display/katex';
import { publishAnswer, type PageAnswer } from './publish';
import { nameTex } from './expression';
import { seedFrom as fnv1a } from './expression/sample';
import type { ExerciseAnswer } from './spec';

/**
 * The fingerprint of an answer as published: FNV-1a of its JSON, 8 hex digits. It changes when
 * anything the checker uses changes (expected value, tolerance, variables, label), so a verdict
 * saved against an older version of the answer is not shown as if it still held.
 */
export function answerVersion(published: PageAnswer): string {
  return fnv1a(JSON.stringify(published)).toString(16).padStart(8, '0');
}

/**
 * An exercise's answers as the index lists them (data-answers), without their fields:
 * `name:version`, space-separated, so the index judges saved verdicts as the exercise would.
 */
export const answersAttribute = (specs: readonly ExerciseAnswer[]) =>
  specs.map((spec) => `${spec.name}:${answerVersion(publishAnswer(spec))}`).join(' ');

const FUNCTIONS = 'exp, log, sqrt, abs, sigma, tanh, max, min';

/** The names a student may type in an answer: its variables, and for steps the names `where` defines. */
const namesOf = (spec: ExerciseAnswer): string[] =>
  spec.type === 'expression'
    ? Object.keys(spec.variables)
    : spec.type === 'steps'
      ? [...Object.keys(spec.variables), ...Object.keys(spec.where ?? {})]
      : [];

/** What a field's help says, as a key: fields with equal keys share one help text. */
export const helpKey = (spec: ExerciseAnswer) =>
  spec.type === 'expression' || spec.type === 'steps' ? `${spec.type}:${namesOf(spec).join(',')}` : spec.type;

/** TeX an author wrote, typeset: a malformed formula fails the build. */
export const texHtml = (source: string): string => katex.renderToString(source, katexOptions(false, true));

/** A piece of a help text: words, code to type as shown, or TeX to typeset. */
export type HelpPart = { kind: 'text' | 'code' | 'tex'; text: string };

const text = (value: string): HelpPart => ({ kind: 'text', text: value });
const code = (value: string): HelpPart => ({ kind: 'code', text: value });

/** `yhat` for ŷ, `y` for y: the names to type, each with how the preview typesets it. */
const namesHelp = (spec: ExerciseAnswer): HelpPart[] =>
  namesOf(spec).flatMap((name, i): HelpPart[] => [
    ...(i > 0 ? [text(', ')] : []),
    code(name),
    text(' for '),
    { kind: 'tex', text: nameTex(name) },
  ]);

/** What a field's help says: how to write an answer of its kind. */
export function helpParts(spec: ExerciseAnswer): HelpPart[] {
  switch (spec.type) {
    case 'number':
      return [
        text('A number, or arithmetic that computes it, such as '),
        code('0.842'),
        text(' or '),
        code('exp(2) / (1 + exp(2))'),
        text('.'),
      ];
    case 'vector':
      return [
        text('Numbers separated by commas, such as '),
        code('0.25, 0.25, 0.5'),
        text('; arithmetic is allowed in each.'),
      ];
    case 'shape':
      return [
        text('Rows and columns, such as '),
        code('(4, 3)'),
        text(' or '),
        code('4x3'),
        text('; after a comma each may be arithmetic, such as '),
        code('2*3, 4'),
        text('.'),
      ];
    case 'expression':
      return [
        text('A formula. Type '),
        ...namesHelp(spec),
        text('; functions '),
        code(FUNCTIONS),
        text(', powers with '),
        code('^'),
        text('.'),
      ];
    case 'steps':
      return [
        text('One step per line, each equal to the line before; a line may start with '),
        code('='),
        text(', the first with a name such as '),
        code('dz ='),
        text('. Enter starts a new line; Check (or Ctrl+Enter) checks every line. Type '),
        ...namesHelp(spec),
        text('; functions '),
        code(FUNCTIONS),
        text(', powers with '),
        code('^'),
        text('.'),
      ];
  }
}
