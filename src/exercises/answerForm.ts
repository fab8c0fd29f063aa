/**
 * The HTML of an exercise's answer fields, written at build time. Labels are TeX typeset by
 * KaTeX here (a malformed label fails the build); the published spec (values, not formulas)
 * travels as JSON in a script element for the checker, which loads when the student first answers.
 * Each form also carries the spec's fingerprint (data-answer-version), which saved verdicts
 * must match to be shown.
 */
import katex from 'katex';
import { escapeHtml } from '../display/escape';
import { katexOptions } from '../display/katex';
import { publishSpec, type PublishedAnswer } from './check';
import { nameTex } from './expression';
import { seedFrom as fnv1a } from './expression/sample';
import type { AnswerSpec } from './spec';

/**
 * The fingerprint of an answer as published: FNV-1a of its JSON, 8 hex digits. It changes when
 * anything the checker uses changes (expected value, tolerance, variables, label), so a verdict
 * saved against an older version of the answer is not shown as if it still held.
 */
export function answerVersion(published: PublishedAnswer): string {
  return fnv1a(JSON.stringify(published)).toString(16).padStart(8, '0');
}

/**
 * An exercise's answers as the index lists them (data-answers), without their fields:
 * `name:version`, space-separated, so the index judges saved verdicts as the exercise would.
 */
export const answersAttribute = (specs: readonly AnswerSpec[]) => specs.map((spec) => `${spec.name}:${answerVersion(publishSpec(spec))}`).join(' ');

const FUNCTIONS = 'exp, log, sqrt, abs, sigma, tanh, max, min';

/** What a field's help says, as a key: fields with equal keys share one help text. */
export const helpKey = (spec: AnswerSpec) => (spec.type === 'expression' ? `expression:${Object.keys(spec.variables).join(',')}` : spec.type);

/** The fields of an exercise, each help text written once. */
export function answerFormsHtml(specs: readonly AnswerSpec[], idBase: string): string {
  const helpIds = new Map<string, string>();
  return specs
    .map((spec) => {
      const key = helpKey(spec);
      const html = answerFormHtml(spec, idBase, helpIds.get(key));
      if (!helpIds.has(key)) helpIds.set(key, `${idBase}-${spec.name}-help`);
      return html;
    })
    .join('\n');
}

// A formula the author wrote: a bad one fails the build.
const tex = (source: string) => katex.renderToString(source, katexOptions(false, true));
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

function helpText(spec: AnswerSpec): string {
  switch (spec.type) {
    case 'number':
      return `A number, or arithmetic that computes it, such as ${code('0.842')} or ${code('exp(2) / (1 + exp(2))')}.`;
    case 'vector':
      return `Numbers separated by commas, such as ${code('0.25, 0.25, 0.5')}; arithmetic is allowed in each.`;
    case 'shape':
      return `Rows and columns, such as ${code('(4, 3)')} or ${code('4x3')}; after a comma each may be arithmetic, such as ${code('2*3, 4')}.`;
    case 'expression': {
      const names = Object.keys(spec.variables).map((name) => `${code(name)} for ${tex(nameTex(name))}`);
      return `A formula. Type ${names.join(', ')}; functions ${code(FUNCTIONS)}, powers with ${code('^')}.`;
    }
  }
}

/**
 * One answer field with its label, help, preview and verdict. `idBase` is unique in the page.
 * `sharedHelp` is the id of an earlier field's help when it says the same (same kind of
 * answer, same variables): the help is then written once and both fields point to it.
 */
export function answerFormHtml(spec: AnswerSpec, idBase: string, sharedHelp?: string): string {
  const field = `${idBase}-${spec.name}`;
  const helpId = sharedHelp ?? `${field}-help`;
  const published = publishSpec(spec);
  const json = JSON.stringify(published).replace(/</g, '\\u003c');
  return `<form class="answer" data-answer-form="${escapeHtml(spec.name)}" data-answer-type="${spec.type}" data-answer-version="${answerVersion(published)}" novalidate>
<div class="answer-row">
<label class="answer-label" for="${field}"><span class="visually-hidden">Your answer for </span>${tex(spec.label)}</label>
<input class="answer-input" id="${field}" type="text" data-answer="${escapeHtml(spec.name)}" autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="${helpId} ${field}-verdict">
<button type="submit" class="answer-check" data-exercise-js hidden>Check</button>
</div>
${sharedHelp ? '' : `<p class="answer-help" id="${helpId}">${helpText(spec)}</p>\n`}<p class="answer-preview" data-answer-preview hidden><span class="answer-preview-label">Read as</span> <span data-answer-preview-math></span></p>
<p class="answer-verdict" id="${field}-verdict" data-answer-verdict role="status"></p>
<script type="application/json" data-answer-spec>${json}</script>
</form>`;
}
