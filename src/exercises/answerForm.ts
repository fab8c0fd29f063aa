/**
 * What an exercise's answer fields say, apart from their markup (components/exercises/
 * AnswerField.astro draws them): the fingerprint of each published answer, the help text of
 * each kind of answer, and the TeX of labels typeset at build time.
 */
import katex from 'katex';
import { katexOptions } from '../display/katex';
import type { PublishedAnswer } from './check';
import type { ExamAnswer } from './exam';
import { publishAnswer } from './publish';
import { nameTex } from './expression';
import { seedFrom as fnv1a } from './expression/sample';
import type { AnswerSpec } from './spec';

/**
 * The fingerprint of an answer as published: FNV-1a of its JSON, 8 hex digits. It changes when
 * anything the checker uses changes (expected value, tolerance, variables, label), so a verdict
 * saved against an older version of the answer is not shown as if it still held.
 */
export function answerVersion(published: PublishedAnswer | ExamAnswer): string {
  return fnv1a(JSON.stringify(published)).toString(16).padStart(8, '0');
}

/**
 * An exercise's answers as the index lists them (data-answers), without their fields:
 * `name:version`, space-separated, so the index judges saved verdicts as the exercise would.
 */
export const answersAttribute = (specs: readonly AnswerSpec[]) =>
  specs.map((spec) => `${spec.name}:${answerVersion(publishAnswer(spec))}`).join(' ');

const FUNCTIONS = 'exp, log, sqrt, abs, sigma, tanh, max, min';

/** What a field's help says, as a key: fields with equal keys share one help text. */
export const helpKey = (spec: AnswerSpec) =>
  spec.type === 'expression' ? `expression:${Object.keys(spec.variables).join(',')}` : spec.type;

/** TeX an author wrote, typeset: a malformed formula fails the build. */
export const texHtml = (source: string): string => katex.renderToString(source, katexOptions(false, true));

/** A piece of a help text: words, code to type as shown, or TeX to typeset. */
export type HelpPart = { kind: 'text' | 'code' | 'tex'; text: string };

const text = (value: string): HelpPart => ({ kind: 'text', text: value });
const code = (value: string): HelpPart => ({ kind: 'code', text: value });

/** What a field's help says: how to write an answer of its kind. */
export function helpParts(spec: AnswerSpec): HelpPart[] {
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
    case 'expression': {
      const names = Object.keys(spec.variables).flatMap((name, i): HelpPart[] => [
        ...(i > 0 ? [text(', ')] : []),
        code(name),
        text(' for '),
        { kind: 'tex', text: nameTex(name) },
      ]);
      return [
        text('A formula. Type '),
        ...names,
        text('; functions '),
        code(FUNCTIONS),
        text(', powers with '),
        code('^'),
        text('.'),
      ];
    }
  }
}
