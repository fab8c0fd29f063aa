import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { evaluate, parseExpression, samplePoints } from '../../../src/exercises/expression';
import { FORMULAS_FUNCTIONS, formulasSyntax, formulasXml } from '../../../src/exercises/export/formulas';
import type { AnswerSpec } from '../../../src/exercises/spec';
import {
  ALL,
  formulaExercise,
  HOSTILE_HTML,
  mixedExercise,
  numberExercise,
  publishedExercise,
  shapeExercise,
  vectorExercise,
} from './fixtures';

/** The fields every part must have, or the plugin's import stops (PART_BASIC_FIELDS in its questiontype.php). */
const PART_BASIC_FIELDS = [
  'placeholder',
  'answermark',
  'answertype',
  'numbox',
  'vars1',
  'answer',
  'answernotunique',
  'vars2',
  'correctness',
  'unitpenalty',
  'postunit',
  'ruleid',
  'otherrule',
];

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new DOMParser().parseFromString(xml, 'text/xml');
};
const text = (element: Element, name: string) => element.querySelector(`${name} > text`)?.textContent ?? null;
const partsOf = (xml: string) =>
  [...parse(xml).querySelectorAll('question[type="formulas"]')].map((q) => [...q.querySelectorAll('answers')]);
const full = { solutions: true };

describe('Formulas XML', () => {
  it('holds one question per exercise with a formula, with all of its answers as parts', () => {
    const xml = formulasXml({ title: 'Week 3', exercises: ALL }, full)!;
    const document = parse(xml);
    const questions = [...document.querySelectorAll('question[type="formulas"]')];
    expect(questions.map((q) => q.querySelector('idnumber')!.textContent)).toEqual([
      'lr-formula:formulas',
      'act-mixed:formulas',
    ]);
    expect(text(document.querySelector('question[type="category"]')!, 'category')).toBe('$course$/Week 3');
    for (const question of questions) {
      for (const name of ['varsrandom', 'varsglobal', 'answernumbering']) expect(text(question, name)).not.toBeNull();
      for (const part of question.querySelectorAll('answers'))
        for (const name of PART_BASIC_FIELDS) expect(text(part, name), name).not.toBeNull();
    }
  });

  it('is not written when no exercise asks for a formula it has', () => {
    expect(
      formulasXml({ title: 'W', exercises: [numberExercise, vectorExercise, shapeExercise, publishedExercise] }, full),
    ).toBeNull();
  });

  it('asks for a formula as an algebraic formula over sets spanning its domains', () => {
    const [sigma, index] = partsOf(formulasXml({ title: 'W', exercises: [formulaExercise] }, full)!)[0]!;
    expect(text(sigma!, 'answertype')).toBe('1000');
    expect(text(sigma!, 'answer')).toBe('"1/(1 + exp(-(z))) * (1 - 1/(1 + exp(-(z))))"');
    expect(text(sigma!, 'vars1')).toBe('z = {-3:3:0.06};');
    // Relative 1e-6 at each point becomes an absolute RMS error, scaled by the reference's size (about 0.2).
    expect(text(sigma!, 'correctness')).toMatch(/^_err < [12]\.\d+e-7$/);
    // Whole-number variables take their whole numbers, the end of the range excluded.
    expect(text(index!, 'vars1')).toBe('r = {1:65};\nk = {1:65};');
    expect(text(index!, 'answer')).toBe('"(r - 1) * 64 + k"');
  });

  it('asks for numbers as numerical formulas with the relative tolerance, a shape exactly', () => {
    const [max] = partsOf(formulasXml({ title: 'W', exercises: [mixedExercise] }, full)!)[0]!.slice(1);
    expect([text(max!, 'answertype'), text(max!, 'answer'), text(max!, 'correctness'), text(max!, 'numbox')]).toEqual([
      '100',
      '1',
      '_relerr < 0.001',
      '1',
    ]);
    const mixedWithVectors = {
      ...formulaExercise,
      answers: [...formulaExercise.answers, ...vectorExercise.answers, ...shapeExercise.answers],
    };
    const parts = partsOf(formulasXml({ title: 'W', exercises: [mixedWithVectors] }, full)!)[0]!;
    expect([text(parts[2]!, 'answer'), text(parts[2]!, 'numbox')]).toEqual(['[0.5, -0.6666666666666666, 0]', '3']);
    expect(text(parts[2]!, 'subqtext')).toContain('[{_0}, {_1}, {_2}]');
    expect([text(parts[3]!, 'answer'), text(parts[3]!, 'correctness')]).toEqual(['[4, 3]', '_err < 1e-9']);
  });

  it('keeps the statement exactly, with no brace the plugin could read as a variable or a box', () => {
    const question = parse(formulasXml({ title: 'W', exercises: [formulaExercise] }, full)!).querySelector(
      'question[type="formulas"]',
    )!;
    const statement = text(question, 'questiontext')!;
    expect(statement).not.toContain('{');
    expect(statement.replaceAll('&#123;', '{')).toBe(HOSTILE_HTML);
    // In a part's text, the only braces are its answer boxes.
    for (const part of question.querySelectorAll('answers'))
      expect(text(part, 'subqtext')!.match(/\{[^}]*\}/g)).toEqual(['{_0}']);
  });

  it('writes the solution as general feedback only with solutions', () => {
    const feedback = (options: { solutions: boolean }) =>
      text(
        parse(formulasXml({ title: 'W', exercises: [formulaExercise] }, options)!).querySelector(
          'question[type="formulas"]',
        )!,
        'generalfeedback',
      );
    expect(feedback(full)).toContain('\\tfrac');
    expect(feedback({ solutions: false })).toBe('');
  });
});

// Every formula the course's exercises expect, read back from its Formulas form, is the same
// function: the same values at the checker's own sample points.
const exerciseFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? exerciseFiles(join(dir, e.name)) : e.name.endsWith('.mdx') ? [join(dir, e.name)] : [],
  );
const courseFormulas = exerciseFiles(new URL('../../../content/exercises', import.meta.url).pathname)
  .flatMap(
    (path) => (parseFrontmatter(readFileSync(path, 'utf8')).frontmatter['answers'] as AnswerSpec[] | undefined) ?? [],
  )
  .filter((spec): spec is Extract<AnswerSpec, { type: 'expression' }> => spec.type === 'expression');

describe('the Formulas syntax of every formula the course expects', () => {
  it('covers the course', () => {
    expect(courseFormulas.length).toBeGreaterThan(10);
  });

  const samples: Extract<AnswerSpec, { type: 'expression' }>[] = [
    {
      name: 'm',
      label: 'm',
      type: 'expression',
      expected: 'max(a, 0.5) - min(a, b, 0.2) + relu(a - b) + log(b)',
      variables: { a: [-2, 2], b: [0.1, 3] },
    },
  ];
  it.each([...courseFormulas, ...samples].map((spec) => [spec.expected, spec] as const))(
    '%s means the same in Formulas syntax',
    (_, spec) => {
      const variables = Object.keys(spec.variables);
      const original = parseExpression(spec.expected, { variables });
      if (!original.ok) throw new Error(original.error.message);
      const written = formulasSyntax(original.ast);
      // Only functions the plugin allows in an algebraic formula.
      for (const [, name] of written.matchAll(/([a-z]\w*)\(/g)) expect(FORMULAS_FUNCTIONS.has(name!), name).toBe(true);
      const back = parseExpression(written, { variables });
      if (!back.ok) throw new Error(`${written}: ${back.error.message}`);
      for (const point of samplePoints(original.ast, spec.variables, spec.expected)) {
        expect(evaluate(back.ast, point.env)).toBeCloseTo(point.expected, 12);
      }
    },
  );

  it.each([
    ['a - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['a / (b * c)', 'a / (b * c)'],
    ['-a^2', '-(a^2)'],
    ['(-a)^2', '(-a)^2'],
    ['2a b', '2 * a * b'],
    ['e^a + pi', `exp(1)^a + ${Math.PI}`],
    ['relu(a - b)', '((a - b) + abs(a - b))/2'],
    ['max(a, b, c)', '((((a) + (b) + abs((a) - (b)))/2) + (c) + abs((((a) + (b) + abs((a) - (b)))/2) - (c)))/2'],
    ['log(a) + ln(b)', 'ln(a) + ln(b)'],
  ])('writes %s as %s', (source, written) => {
    const read = parseExpression(source, { variables: ['a', 'b', 'c'] });
    if (!read.ok) throw new Error(read.error.message);
    expect(formulasSyntax(read.ast)).toBe(written);
  });
});
