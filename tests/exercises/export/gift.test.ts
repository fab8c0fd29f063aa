import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gift, giftEscape } from '../../../src/exercises/export/gift';
import {
  ALL,
  formulaExercise,
  HOSTILE_HTML,
  mixedExercise,
  numberExercise,
  proofExercise,
  shapeExercise,
  vectorExercise,
} from './fixtures';

/**
 * What Moodle's GIFT importer makes of a file, ported from question/format/gift/format.php
 * (readquestion, escapedchar_pre, escapedchar_post, parse_text_with_format) and the default
 * reader that splits questions at blank lines (question/format.php, readquestions).
 */
interface GiftQuestion {
  type: 'category' | 'description' | 'essay' | 'numerical' | 'other';
  category?: string;
  name?: string;
  format?: string;
  text?: string;
  answer?: number;
  tolerance?: number;
  generalFeedback?: string;
}

const PLACEHOLDERS: [string, string][] = [
  ['\\:', '&&058;'],
  ['\\#', '&&035;'],
  ['\\=', '&&061;'],
  ['\\{', '&&123;'],
  ['\\}', '&&125;'],
  ['\\~', '&&126;'],
  ['\\n', '&&010'],
];
function escapedcharPre(text: string): string {
  let out = text.replaceAll('\\\\', '&&092;');
  for (const [escaped, placeholder] of PLACEHOLDERS) out = out.replaceAll(escaped, placeholder);
  return out.replaceAll('&&092;', '\\');
}
const CHARACTERS = [':', '#', '=', '{', '}', '~', '\n'];
const escapedcharPost = (text: string) =>
  PLACEHOLDERS.reduce((out, [, placeholder], i) => out.replaceAll(placeholder, CHARACTERS[i]!), text);

function textWithFormat(text: string): { format: string; text: string } {
  const match = /^\[(moodle|html|plain|markdown)\]/.exec(text);
  return { format: match?.[1] ?? 'moodle', text: escapedcharPost(match ? text.slice(match[0].length) : text).trim() };
}

function readGift(file: string): GiftQuestion[] {
  const blocks = file.split(/\n[ \t]*\n/);
  return blocks.flatMap((block): GiftQuestion[] => {
    let text = block
      .split('\n')
      .map((line) => (line.trim().startsWith('//') ? ' ' : line.trim()))
      .join('\n')
      .trim();
    if (!text) return [];
    text = escapedcharPre(text);
    if (text.startsWith('$CATEGORY:')) return [{ type: 'category', category: text.slice(10).trim() }];
    let name: string | undefined;
    if (text.startsWith('::')) {
      const end = text.indexOf('::', 2);
      name = escapedcharPost(text.slice(2, end));
      text = text.slice(end + 2).trim();
    }
    const start = text.indexOf('{');
    const finish = text.indexOf('}');
    if (start < 0 && finish < 0) return [{ type: 'description', ...(name ? { name } : {}), ...textWithFormat(text) }];
    if (start < 0 || finish < 0) throw new Error(`brace error in ${text}`);
    let answer = text.slice(start + 1, finish).trim();
    const questionText = text.slice(0, start) + text.slice(finish + 1);
    if (text.slice(finish + 1).trim() !== '') throw new Error('the answer is not at the end: a missing-word question');
    const separator = answer.lastIndexOf('####');
    const generalFeedback = separator < 0 ? '' : textWithFormat(answer.slice(separator + 4)).text;
    if (separator >= 0) answer = answer.slice(0, separator).trim();
    const question = { ...(name ? { name } : {}), ...textWithFormat(questionText), generalFeedback };
    if (answer === '') return [{ type: 'essay', ...question }];
    if (answer.startsWith('#')) {
      const [value, tolerance] = answer.slice(1).split(':');
      // format.php: is_numeric on both.
      if (
        !/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value!) ||
        !/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(tolerance!)
      )
        throw new Error(`not numbers: ${answer}`);
      return [{ type: 'numerical', ...question, answer: Number(value), tolerance: Number(tolerance) }];
    }
    return [{ type: 'other', ...question }];
  });
}

const full = { solutions: true };

describe('GIFT', () => {
  it('escapes as Moodle does: ~ = # { } : and backslash, line breaks as \\n', () => {
    expect(giftEscape('\\frac{a}{b} ~ = # : x\r\ny')).toBe('\\\\frac\\{a\\}\\{b\\} \\~ \\= \\# \\: x\\ny');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapedcharPost(escapedcharPre(giftEscape(text)))).toBe(text.replaceAll('\r', ''));
      }),
    );
  });

  it('puts the questions into a category named after the sheet', () => {
    const [category] = readGift(gift({ title: 'Week 3: a/b \\ c', exercises: ALL }, full));
    expect(category).toEqual({ type: 'category', category: '$course$/Week 3: a//b c' });
  });

  it('writes each statement as an HTML description that keeps TeX, < & and ]]> exactly', () => {
    const questions = readGift(gift({ title: 'W', exercises: ALL }, full));
    const descriptions = questions.filter((q) => q.type === 'description');
    expect(descriptions.map((q) => q.name)).toEqual([
      '6.1 Exercise sm-number [sm-number]',
      '6.1 Exercise sm-vector [sm-vector]',
      '6.1 Exercise nn-shape [nn-shape]',
      '6.1 Exercise lr-formula [lr-formula]',
      '6.1 Exercise act-mixed [act-mixed]',
      '6.1 Exercise lr-published [lr-published]',
    ]);
    for (const description of descriptions) expect(description).toMatchObject({ format: 'html', text: HOSTILE_HTML });
  });

  it('writes numbers as numerical questions {#value:error}, one per entry of a vector or a shape', () => {
    const numerical = readGift(
      gift({ title: 'W', exercises: [numberExercise, vectorExercise, shapeExercise] }, full),
    ).filter((q) => q.type === 'numerical');
    expect(numerical.map((q) => [q.name, q.answer, q.tolerance])).toEqual([
      ['6.1 Exercise sm-number — p [sm-number]', 0.25, 0.0025],
      ['6.1 Exercise sm-vector — v (entry 1 of 3) [sm-vector]', 0.5, 0.0005],
      ['6.1 Exercise sm-vector — v (entry 2 of 3) [sm-vector]', -0.6666666666666666, 0.000667],
      ['6.1 Exercise sm-vector — v (entry 3 of 3) [sm-vector]', 0, 0],
      ['6.1 Exercise nn-shape — w1 (rows) [nn-shape]', 4, 0],
      ['6.1 Exercise nn-shape — w1 (columns) [nn-shape]', 3, 0],
    ]);
    expect(numerical[0]).toMatchObject({
      format: 'html',
      text: '<p>\\(p_1 = \\frac{e^{z_1}}{\\sum_j e^{z_j}} &lt;\\)</p>',
      generalFeedback: '<p>So \\(p = \\tfrac{1}{4}\\) &amp; done.</p>',
    });
    // The worked solution comes once per exercise, after its last question.
    expect(numerical.map((q) => Boolean(q.generalFeedback))).toEqual([true, false, false, true, false, true]);
  });

  it('writes formulas and proofs as essays', () => {
    const questions = readGift(gift({ title: 'W', exercises: [formulaExercise, mixedExercise, proofExercise] }, full));
    expect(questions.filter((q) => q.type !== 'category').map((q) => q.type)).toEqual([
      'description',
      'essay',
      'essay',
      'description',
      'essay',
      'numerical',
      'essay',
    ]);
    const proof = questions.at(-1)!;
    expect(proof).toMatchObject({ name: '6.1 Exercise cvx-proof [cvx-proof]', text: HOSTILE_HTML });
    // The expected formula is feedback for after the attempt, with the solution.
    expect(questions[2]!.generalFeedback).toContain('Expected: \\(\\sigma&#39;(z) = \\sigma\\left(z\\right)');
  });

  it('leaves the solutions out when exported without them', () => {
    const questions = readGift(gift({ title: 'W', exercises: ALL }, { solutions: false }));
    expect(questions.every((q) => !q.generalFeedback)).toBe(true);
  });

  it('carries the exercise id in every name and in a comment before it', () => {
    const file = gift({ title: 'W', exercises: ALL }, full);
    for (const question of readGift(file).filter((q) => q.type !== 'category'))
      expect(question.name).toMatch(/\[[a-z-]+\]$/);
    expect(file).toContain('// exercise: sm-vector, answer: v (entry 2 of 3)\n::');
  });

  it('reads back whatever the content holds, one question per block', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (title, html) => {
        const exercise = { ...numberExercise, title, statementHtml: html, solutionHtml: html };
        const questions = readGift(gift({ title, exercises: [exercise] }, full));
        expect(questions.map((q) => q.type)).toEqual(['category', 'description', 'numerical']);
        expect(questions[1]!.text).toBe(html.replaceAll('\r', '').trim());
      }),
    );
  });
});
