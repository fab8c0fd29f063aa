/**
 * A sheet in GIFT, the plain-text question format every Moodle imports: for each exercise a
 * description with its statement, then one question per number it asks for, `{#value:error}`,
 * and an essay for each other answer (a formula) or for a proof.
 *
 * Rules from Moodle's importer and exporter (question/format/gift/format.php):
 * - the characters ~ = # { } : and the backslash itself are escaped with a backslash, and a line
 *   break is written \n (repchar; escapedchar_pre and escapedchar_post undo it), so TeX keeps its
 *   backslashes and braces and a statement stays on one line: a blank line would end the question;
 * - `::name::` names a question, `[html]` before the text gives its format;
 * - a text without braces is a description, `{}` an essay, `{#value:error}` a numerical question
 *   with an absolute error margin, and `####` before the closing brace starts the general feedback;
 * - a line starting with // is a comment, `$CATEGORY: path` sets the category.
 */
import {
  categoryPath,
  formulaOf,
  isNumeric,
  labelHtml,
  numberText,
  numericEntries,
  questionName,
  expectedFormulaHtml,
  type ExportAnswer,
} from './answers';
import type { ExportExercise, ExportOptions, ExportSheet } from './types';

/** Text escaped as Moodle's GIFT exporter escapes it (repchar). */
export function giftEscape(text: string): string {
  return text.replace(/[\\#=~{}:\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '' : `\\${c}`));
}

const name = (text: string) => `::${giftEscape(text)}::`;
const html = (text: string) => `[html]${giftEscape(text)}`;

/** A comment line: no line break can end it early. */
const comment = (text: string) => `// ${text.replace(/[\r\n]+/g, ' ')}`;

/** The general feedback, last thing before the closing brace. */
const generalFeedback = (exercise: ExportExercise, options: ExportOptions) =>
  options.solutions && exercise.solutionHtml ? `####${html(exercise.solutionHtml)}` : '';

/**
 * The questions of one answer: a numerical question per entry, or an essay. `last` is the
 * exercise's last answer, whose last question alone carries the worked solution.
 */
function answerQuestions(
  exercise: ExportExercise,
  answer: ExportAnswer,
  last: boolean,
  options: ExportOptions,
): string[] {
  const label = labelHtml(answer.label);
  if (isNumeric(answer)) {
    const entries = numericEntries(answer);
    return entries.map((entry, i) => {
      const feedback = last && i === entries.length - 1 ? generalFeedback(exercise, options) : '';
      const which =
        answer.type === 'number'
          ? ''
          : answer.type === 'shape'
            ? i === 0
              ? ' (rows)'
              : ' (columns)'
            : ` (entry ${i + 1} of ${entries.length})`;
      const title = questionName(exercise, `${answer.name}${which}`);
      return `${comment(`exercise: ${exercise.id}, answer: ${answer.name}${which}`)}\n${name(title)}${html(`<p>${label}${which}</p>`)}{#${numberText(entry.value)}:${numberText(entry.tolerance)}${feedback}}`;
    });
  }
  // An essay: a formula is graded by hand; its expected form goes with the solution, if shown.
  const formula = formulaOf(answer);
  const solution = last ? (exercise.solutionHtml ?? '') : '';
  const expected =
    options.solutions && formula
      ? `####${html(`<p>Expected: ${expectedFormulaHtml(formula)}</p>${solution}`)}`
      : last
        ? generalFeedback(exercise, options)
        : '';
  return [
    `${comment(`exercise: ${exercise.id}, answer: ${answer.name}`)}\n${name(questionName(exercise, answer.name))}${html(`<p>${label}</p>`)}{${expected}}`,
  ];
}

function exerciseQuestions(exercise: ExportExercise, options: ExportOptions): string[] {
  const statement = `${comment(`exercise: ${exercise.id}`)}\n${name(questionName(exercise))}${html(exercise.statementHtml)}`;
  if (exercise.answers.length === 0) {
    // A proof: the statement is the essay.
    return [`${statement}{${generalFeedback(exercise, options)}}`];
  }
  return [
    statement,
    ...exercise.answers.flatMap((answer, i) =>
      answerQuestions(exercise, answer, i === exercise.answers.length - 1, options),
    ),
  ];
}

/** The whole file; questions are separated by blank lines. */
export function gift(sheet: ExportSheet, options: ExportOptions): string {
  // The category line is read before any unescaping, and never unescaped: no backslash may be in it.
  const category = `$CATEGORY: ${categoryPath(sheet.title.replaceAll('\\', ' '))}`;
  const header = comment(
    `The problem sheet "${sheet.title}", exported from Neural Networks, Live. Question names end with the exercise id in brackets.`,
  );
  return `${[`${header}\n${category}`, ...sheet.exercises.flatMap((exercise) => exerciseQuestions(exercise, options))].join('\n\n')}\n`;
}
