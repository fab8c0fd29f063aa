/**
 * A sheet as a Moodle XML question file that imports into any Moodle with no plugin: one
 * question per exercise, in a category named after the sheet.
 *
 * - Numbers, vectors and shapes: a Cloze (multianswer) question, the statement followed by one
 *   NUMERICAL sub-question per entry, `{1:NUMERICAL:=value:error}` with the absolute error the
 *   checker's tolerance allows (syntax: ANSWER_REGEX and NUMERICAL_ALTERNATIVE_REGEX in
 *   question/type/multianswer/questiontype.php).
 * - Formulas and proofs: an essay, the expected formulas and the worked solution in the grader
 *   information (import_essay in question/format/xml/format.php). An exercise with both numbers
 *   and formulas gives the Cloze and, for its formulas, an essay whose id number is `<id>:essay`.
 *   (formulas.ts writes the formulas as Formulas questions, `<id>:formulas`, for sites with that plugin.)
 *
 * Element names and attributes are those qformat_xml reads (import_headers, import_multianswer,
 * import_essay, import_category, import_hint, import_question_tags); every question carries the
 * exercise id as its idnumber, in its name, and as a tag, since Moodle's Cloze import does not
 * read idnumber in all versions. The statement's math stays TeX between \( \) for MathJax.
 */
import {
  categoryPath,
  expectedFormulaHtml,
  formulaOf,
  inertBraces,
  isNumeric,
  labelHtml,
  numberText,
  numericEntries,
  questionName,
  type ExportAnswer,
  type NumericEntry,
} from './answers';
import { escapeHtml } from '../../display/escape';
import { htmlField, textElement, xmlText } from './xml';
import type { ExportExercise, ExportOptions, ExportSheet } from './types';

const I = '    ';

/** A Cloze NUMERICAL sub-question worth one mark. */
const numerical = ({ value, tolerance }: NumericEntry) =>
  `{1:NUMERICAL:=${numberText(value)}:${numberText(tolerance)}}`;

/** The line of a numeric answer in the Cloze text: its label, then one field per entry. */
function clozeLine(answer: ExportAnswer): string {
  if (!isNumeric(answer)) return '';
  const fields = numericEntries(answer).map(numerical);
  const label = inertBraces(labelHtml(answer.label));
  if (answer.type === 'number') return `<p>${label} ${fields[0]}</p>`;
  if (answer.type === 'shape') return `<p>${label} (${fields.join(', ')})</p>`;
  return `<p>${label} [${fields.join(', ')}]</p>`;
}

/** The common head of a question (name, text, general feedback, id number), as import_headers reads it. */
function head(
  type: string,
  name: string,
  textHtml: string,
  feedbackHtml: string,
  idnumber: string,
  extra = '',
): string {
  return `  <question type="${type}">\n${I}<name>${textElement(name)}</name>\n${htmlField('questiontext', textHtml, I)}${htmlField('generalfeedback', feedbackHtml, I)}${extra}${I}<idnumber>${xmlText(idnumber)}</idnumber>\n`;
}

/** The tag that finds a question again whatever Moodle kept of its idnumber. */
const tags = (exercise: ExportExercise) =>
  `${I}<tags>\n${I}  <tag>${textElement(`nn-live:${exercise.id}`)}</tag>\n${I}</tags>\n`;

const hints = (exercise: ExportExercise, options: ExportOptions) =>
  options.solutions ? exercise.hintsHtml.map((hint) => htmlField('hint', inertBraces(hint), I)).join('') : '';

const feedback = (exercise: ExportExercise, options: ExportOptions) =>
  options.solutions && exercise.solutionHtml ? inertBraces(exercise.solutionHtml) : '';

function cloze(exercise: ExportExercise, options: ExportOptions): string {
  const lines = exercise.answers.map(clozeLine).filter(Boolean);
  const text = `${inertBraces(exercise.statementHtml)}\n${lines.join('\n')}`;
  // A Cloze question's mark is the sum of its sub-questions' (import_multianswer ignores defaultgrade).
  return `${head('cloze', questionName(exercise), text, feedback(exercise, options), exercise.id, `${I}<penalty>0.3333333</penalty>\n${I}<hidden>0</hidden>\n`)}${hints(exercise, options)}${tags(exercise)}  </question>\n`;
}

/** The grader's information: each expected formula (or why it is missing), then the worked solution. */
function graderInfo(exercise: ExportExercise, answers: readonly ExportAnswer[]): string {
  const expected = answers.map((answer) => {
    const formula = formulaOf(answer);
    return `<li>${formula ? inertBraces(expectedFormulaHtml(formula)) : `${inertBraces(labelHtml(answer.label))} (the expected answer is not part of this edition of the course)`}</li>`;
  });
  const list =
    expected.length > 0 ? `<p>Expected answers (equivalent forms are right):</p>\n<ul>${expected.join('')}</ul>\n` : '';
  return `${list}${exercise.solutionHtml ? `<p>Worked solution:</p>\n${inertBraces(exercise.solutionHtml)}` : ''}`;
}

function essay(
  exercise: ExportExercise,
  answers: readonly ExportAnswer[],
  idnumber: string,
  part: string | undefined,
  options: ExportOptions,
): string {
  const asked = answers.map((answer) => `<p>${inertBraces(labelHtml(answer.label))}</p>`).join('\n');
  const text = `${inertBraces(exercise.statementHtml)}${asked ? `\n<p>Give, with your working:</p>\n${asked}` : ''}`;
  // One mark per formula asked for, as the grading page counts; a proof is worth one.
  const fields = `${I}<defaultgrade>${Math.max(answers.length, 1)}</defaultgrade>\n${I}<penalty>0</penalty>\n${I}<hidden>0</hidden>\n`;
  const essayOptions = `${I}<responseformat>editor</responseformat>\n${I}<responserequired>1</responserequired>\n${I}<responsefieldlines>15</responsefieldlines>\n${I}<attachments>0</attachments>\n${I}<attachmentsrequired>0</attachmentsrequired>\n${htmlField('graderinfo', graderInfo(exercise, answers), I)}${htmlField('responsetemplate', '', I)}`;
  return `${head('essay', questionName(exercise, part), text, feedback(exercise, options), idnumber, fields)}${essayOptions}${tags(exercise)}  </question>\n`;
}

/** The questions of one exercise: a Cloze for its numbers, an essay for its formulas (or for a proof). */
function questions(exercise: ExportExercise, options: ExportOptions): string {
  const numeric = exercise.answers.filter(isNumeric);
  const others = exercise.answers.filter((answer) => !isNumeric(answer));
  if (numeric.length === 0) return essay(exercise, others, exercise.id, undefined, options);
  const formulas = others.length > 0 ? essay(exercise, others, `${exercise.id}:essay`, 'formulas', options) : '';
  return cloze(exercise, options) + formulas;
}

/** The category question that puts what follows into the sheet's category (import_category). */
export const categoryQuestion = (title: string): string =>
  `  <question type="category">\n${I}<category>${textElement(categoryPath(title))}</category>\n${htmlField('info', `<p>The exercises of the problem sheet ${escapeHtml(title)}, exported from Neural Networks, Live.</p>`, I)}  </question>\n`;

/** The whole file. */
export function moodleXml(sheet: ExportSheet, options: ExportOptions): string {
  const body = sheet.exercises
    .map((exercise) => `<!-- exercise: ${exercise.id.replace(/-{2,}/g, '-')} -->\n${questions(exercise, options)}`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${categoryQuestion(sheet.title)}\n${body}</quiz>\n`;
}
