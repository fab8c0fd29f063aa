import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { moodleXml } from '../../../src/exercises/export/moodle';
import { xmlText } from '../../../src/exercises/export/xml';
import type { ExportExercise } from '../../../src/exercises/export/types';
import {
  ALL,
  formulaExercise,
  HOSTILE_HTML,
  mixedExercise,
  numberExercise,
  proofExercise,
  publishedExercise,
  shapeExercise,
  vectorExercise,
} from './fixtures';

/**
 * Moodle's Cloze syntax, ported from question/type/multianswer/questiontype.php (Moodle 4.x):
 * the regular expressions qtype_multianswer_extract_question reads sub-questions with, and its
 * loop, which takes the first match, replaces it by {#n} and starts again.
 */
const FRACTION = '=|%(-?[0-9]+(?:[.,][0-9]*)?)%';
const ANSWER = '.+?(?<!\\\\|&|&amp;)(?=[~#}]|$)';
const FEEDBACK = '.*?(?<!\\\\)(?=[~}]|$)';
const ALTERNATIVE = `(${FRACTION})?(${ANSWER})(#(${FEEDBACK}))?`;
const NUMBER = '-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)';
const NUMERICAL_ALTERNATIVE = new RegExp(`^(${NUMBER})(:${NUMBER})?$`, 's');
const TYPES =
  '(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|(SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)|(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)';
const ANSWER_REGEX = new RegExp(`\\{([0-9]*):(${TYPES}):(${ALTERNATIVE}(~${ALTERNATIVE})*)\\}`, 's');
const ALTERNATIVE_REGEX = new RegExp(`~?${ALTERNATIVE}`, 's');

interface SubQuestion {
  mark: string;
  numerical: boolean;
  answers: { fraction: string; answer: string; tolerance: string }[];
}

function clozeSubQuestions(text: string): { subquestions: SubQuestion[]; text: string } {
  const subquestions: SubQuestion[] = [];
  for (let position = 1; ; position++) {
    const match = ANSWER_REGEX.exec(text);
    if (!match) break;
    const numerical = match[3] !== undefined;
    let remaining = match[16]!;
    const answers: SubQuestion['answers'] = [];
    for (let alt = ALTERNATIVE_REGEX.exec(remaining); alt && remaining; alt = ALTERNATIVE_REGEX.exec(remaining)) {
      const number = numerical ? NUMERICAL_ALTERNATIVE.exec(alt[3]!) : null;
      answers.push({
        fraction: alt[1] === '=' ? '1' : (alt[2] ?? '0'),
        answer: number ? number[1]! : alt[3]!,
        tolerance: number?.[6] ?? '0',
      });
      remaining = remaining.slice(remaining.indexOf(alt[0]) + alt[0].length);
    }
    subquestions.push({ mark: match[1] || '1', numerical, answers });
    text = text.replace(match[0], `{#${position}}`);
  }
  return { subquestions, text };
}

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new DOMParser().parseFromString(xml, 'text/xml');
};
const questionsOf = (xml: string) =>
  [...parse(xml).querySelectorAll('question')].filter((q) => q.getAttribute('type') !== 'category');
const field = (question: Element, name: string) => question.querySelector(`${name} > text`)?.textContent ?? null;
/** The HTML back as a browser reads it: `&#123;` is `{` again. */
const decoded = (html: string) => html.replaceAll('&#123;', '{');
const full = { solutions: true };

const exportOf = (...exercises: ExportExercise[]) =>
  moodleXml({ title: 'Week 3: Softmax & <friends>', exercises }, full);

describe('Moodle XML', () => {
  it('is well-formed, and puts every question into a category named after the sheet', () => {
    const document = parse(exportOf(...ALL));
    const category = document.querySelector('question[type="category"]')!;
    expect(field(category, 'category')).toBe('$course$/Week 3: Softmax & <friends>');
    expect(category.querySelector('info')!.getAttribute('format')).toBe('html');
    expect(moodleXml({ title: 'a/b', exercises: [] }, full)).toContain('<text>$course$/a//b</text>');
  });

  it('writes a number as a Cloze NUMERICAL sub-question with its absolute tolerance', () => {
    const [question] = questionsOf(exportOf(numberExercise));
    expect(question!.getAttribute('type')).toBe('cloze');
    const { subquestions } = clozeSubQuestions(field(question!, 'questiontext')!);
    // 1/4 with a relative tolerance of 1%: 0.25 ± 0.0025.
    expect(subquestions).toEqual([
      { mark: '1', numerical: true, answers: [{ fraction: '1', answer: '0.25', tolerance: '0.0025' }] },
    ]);
  });

  it('writes a vector as one NUMERICAL per entry, with the default tolerance of 0.1%', () => {
    const { subquestions } = clozeSubQuestions(field(questionsOf(exportOf(vectorExercise))[0]!, 'questiontext')!);
    expect(subquestions.map((s) => s.answers[0])).toEqual([
      { fraction: '1', answer: '0.5', tolerance: '0.0005' },
      { fraction: '1', answer: '-0.6666666666666666', tolerance: '0.000667' },
      { fraction: '1', answer: '0', tolerance: '0' },
    ]);
  });

  it('writes a shape as two NUMERICALs that must be exact', () => {
    const { subquestions } = clozeSubQuestions(field(questionsOf(exportOf(shapeExercise))[0]!, 'questiontext')!);
    expect(subquestions.map((s) => [s.answers[0]!.answer, s.answers[0]!.tolerance])).toEqual([
      ['4', '0'],
      ['3', '0'],
    ]);
  });

  it('writes formulas as an essay, the expected formulas and the solution for the grader', () => {
    const [question] = questionsOf(exportOf(formulaExercise));
    expect(question!.getAttribute('type')).toBe('essay');
    expect(question!.querySelector('defaultgrade')!.textContent).toBe('2');
    for (const name of [
      'responseformat',
      'responserequired',
      'responsefieldlines',
      'attachments',
      'attachmentsrequired',
    ])
      expect(question!.querySelector(name)).not.toBeNull();
    const grader = decoded(field(question!, 'graderinfo')!);
    expect(grader).toContain(
      '\\(\\sigma&#39;(z) = \\sigma\\left(z\\right) \\cdot \\left(1 - \\sigma\\left(z\\right)\\right)\\)',
    );
    expect(grader).toContain('So \\(p = \\tfrac{1}{4}\\) &amp; done.');
  });

  it('splits an exercise with numbers and formulas into a Cloze and an essay, both carrying the id', () => {
    const questions = questionsOf(exportOf(mixedExercise));
    expect(questions.map((q) => [q.getAttribute('type'), q.querySelector('idnumber')!.textContent])).toEqual([
      ['cloze', 'act-mixed'],
      ['essay', 'act-mixed:essay'],
    ]);
    expect(clozeSubQuestions(field(questions[0]!, 'questiontext')!).subquestions).toHaveLength(1);
  });

  it('writes a proof as an essay, and a formula this edition left out as an essay saying so', () => {
    const [proof, published] = questionsOf(exportOf(proofExercise, publishedExercise));
    expect(proof!.getAttribute('type')).toBe('essay');
    expect(decoded(field(proof!, 'graderinfo')!)).toContain('So \\(p = \\tfrac{1}{4}\\)');
    expect(published!.getAttribute('type')).toBe('essay');
    expect(field(published!, 'graderinfo')).toContain('the expected answer is not part of this edition');
  });

  it('carries the exercise id in the idnumber, the name and a tag of every question', () => {
    for (const question of questionsOf(exportOf(...ALL))) {
      const id = question.querySelector('idnumber')!.textContent!.replace(/:essay$/, '');
      expect(field(question, 'name')).toContain(`[${id}]`);
      expect(field(question, 'tags > tag')).toBe(`nn-live:${id}`);
    }
  });

  it('keeps the statement exactly, TeX, < & and ]]> included, and lets content add no sub-question', () => {
    for (const question of questionsOf(exportOf(...ALL))) {
      const text = field(question, 'questiontext')!;
      expect(decoded(text).startsWith(HOSTILE_HTML)).toBe(true);
      // The {1:NUMERICAL:=666:0} and {#1} written in the statement are text, not syntax.
      const { subquestions } = clozeSubQuestions(text);
      expect(subquestions.every((s) => s.answers[0]!.answer !== '666')).toBe(true);
      expect(text).not.toMatch(/\{#\d/);
    }
  });

  it('puts the solution in the general feedback and the hints in hints, unless exported without solutions', () => {
    const withSolutions = questionsOf(exportOf(numberExercise))[0]!;
    expect(decoded(field(withSolutions, 'generalfeedback')!)).toBe('<p>So \\(p = \\tfrac{1}{4}\\) &amp; done.</p>');
    expect(withSolutions.querySelectorAll('hint')).toHaveLength(1);
    const without = questionsOf(
      moodleXml({ title: 'W', exercises: [numberExercise, formulaExercise] }, { solutions: false }),
    );
    for (const question of without) {
      expect(field(question, 'generalfeedback')).toBe('');
      expect(question.querySelectorAll('hint')).toHaveLength(0);
    }
    // The grader still gets the expected formulas: students never see grader information.
    expect(field(without[1]!, 'graderinfo')).toContain('\\sigma');
  });

  it('stays well-formed whatever the content holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (title, html) => {
        const xml = moodleXml(
          {
            title,
            exercises: [{ ...numberExercise, title, statementHtml: html, solutionHtml: html, hintsHtml: [html] }],
          },
          full,
        );
        expect(XMLValidator.validate(xml)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('XML text', () => {
  it.each([
    ['plain', 'plain'],
    ['a < b & c', '<![CDATA[a < b & c]]>'],
    ['x]]>y', '<![CDATA[x]]]]><![CDATA[>y]]>'],
    ['bell\u0007 and \uFFFE gone', 'bell and  gone'],
  ])('%j is written %j', (text, xml) => {
    expect(xmlText(text)).toBe(xml);
  });
});
