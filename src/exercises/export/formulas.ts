/**
 * The sheet's exercises that ask for formulas, as questions of the Formulas plugin
 * (FormulasQuestion/moodle-qtype_formulas), for Moodle sites that have it: one question per such
 * exercise, one part per answer, so the formulas are checked automatically as this course checks
 * them, by evaluating at points of the variables' domains.
 *
 * Rules, from the plugin's questiontype.php (import_from_xml, check_variables_and_expressions)
 * and its fixtures (tests/fixtures/qtype_sample_formulas_5.3.0.xml, samples/sample-formulas-questions.xml):
 * - a part is an <answers> element with every field of PART_BASIC_FIELDS as <field><text>…</text></field>
 *   (placeholder, answermark, answertype, numbox, vars1, answer, answernotunique, vars2,
 *   correctness, unitpenalty, postunit, ruleid, otherrule), then subqtext and feedback;
 * - answer type 1000 is "algebraic formula": the model answer is a quoted string, its variables
 *   are "algebraic variables", sets of numbers defined in the part's local variables
 *   (`x = {-3:3:0.06};`, start:end:step, the end excluded: classes/local/range.php), and the
 *   grading criterion is on `_err`, the root mean square difference at 100 points of those sets
 *   (evaluator::diff): no relative error exists for formulas;
 * - answer type 100 is "numerical formula": numbers, or arithmetic with functions, as this
 *   course's number fields accept; `_relerr` is the relative error;
 * - an algebraic formula may use only the functions of FORMULAS_FUNCTIONS, model answers too
 *   (answer_parser::is_acceptable_algebraic_formula), so the others are written out;
 * - a part without a placeholder goes after the question text; `{_0}`, `{_1}` place its boxes.
 */
import { categoryQuestion } from './moodle';
import {
  formulaOf,
  inertBraces,
  isNumeric,
  labelHtml,
  numberText,
  numericEntries,
  questionName,
  referencePoints,
  type ExportAnswer,
} from './answers';
import { DEFAULT_TOLERANCE } from '../check';
import type { Expr } from '../expression';
import { htmlField, textElement, textField } from './xml';
import type { ExportExercise, ExportOptions, ExportSheet } from './types';

const I = '    ';

const ANSWER_TYPE_NUMERICAL_FORMULA = 100;
const ANSWER_TYPE_ALGEBRAIC = 1000;
/** How many values an algebraic variable's set holds, spread over its domain. */
const SET_STEPS = 100;

/** How tightly an operator binds, for parentheses only where they are needed. */
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 } as const;

/**
 * The functions an algebraic formula may use, model answers included: the white list of
 * answer_parser::is_acceptable_algebraic_formula (classes/local/answer_parser.php). `log` is not
 * on it (`ln` is), nor are max and min.
 */
export const FORMULAS_FUNCTIONS: ReadonlySet<string> = new Set([
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'sqrt',
  'exp',
  'log10',
  'lb',
  'ln',
  'lg',
  'abs',
  'ceil',
  'floor',
  'fact',
]);

/** max(a, b) = (a + b + |a − b|) / 2, min(a, b) = (a + b − |a − b|) / 2, folded over more arguments. */
const extremum = (args: readonly string[], sign: '+' | '-'): string =>
  args.reduce((a, b) => `((${a}) + (${b}) ${sign} abs((${a}) - (${b})))/2`);

/**
 * A formula of the course's answer language in the Formulas plugin's syntax, with only the
 * functions it allows: σ(x) as 1/(1 + exp(-(x))), log as ln, max, min and ReLU through abs; e and
 * π as numbers. Products are explicit (`2 * x`), and powers use `^`, which the plugin reads as a
 * power in algebraic formulas.
 */
export function formulasSyntax(ast: Expr): string {
  const atom = (node: Expr) =>
    node.kind === 'number' || node.kind === 'constant' || node.kind === 'variable' || node.kind === 'call';
  const wrapped = (node: Expr) => (atom(node) ? formulasSyntax(node) : `(${formulasSyntax(node)})`);
  switch (ast.kind) {
    case 'number':
      return numberText(ast.value);
    case 'constant':
      return ast.name === 'pi' ? numberText(Math.PI) : 'exp(1)';
    case 'variable':
      return ast.name;
    case 'unary':
      return ast.op === '-' ? `-${wrapped(ast.operand)}` : formulasSyntax(ast.operand);
    case 'binary': {
      if (ast.op === '^') return `${wrapped(ast.left)}^${wrapped(ast.right)}`;
      const own = PRECEDENCE[ast.op];
      const side = (node: Expr, right: boolean) => {
        const inner = node.kind === 'binary' ? PRECEDENCE[node.op] : node.kind === 'unary' ? 3 : 5;
        // a − (b − c) and a / (b * c) keep their parentheses; (a − b) − c needs none.
        const needs = inner < own || (right && inner === own && (ast.op === '-' || ast.op === '/'));
        return needs ? `(${formulasSyntax(node)})` : formulasSyntax(node);
      };
      return `${side(ast.left, false)} ${ast.op} ${side(ast.right, true)}`;
    }
    case 'call': {
      const args = ast.args.map(formulasSyntax);
      switch (ast.fn) {
        case 'sigma':
          return `1/(1 + exp(-(${args[0]})))`;
        case 'relu':
          return `((${args[0]}) + abs(${args[0]}))/2`;
        case 'max':
          return extremum(args, '+');
        case 'min':
          return extremum(args, '-');
        case 'log':
          return `ln(${args[0]})`;
        default:
          return `${ast.fn}(${args.join(', ')})`;
      }
    }
  }
}

/** A domain as an algebraic variable's set: 100 steps over [low, high], or its whole numbers. */
function setOf(domain: readonly [number, number] | readonly [number, number, 'integer']): string {
  const [low, high] = domain;
  if (domain.length === 3) return `{${numberText(low)}:${numberText(high + 1)}}`;
  return `{${numberText(low)}:${numberText(high)}:${numberText(Number(((high - low) / SET_STEPS).toPrecision(6)))}}`;
}

interface Part {
  readonly answerType: number;
  readonly numbox: number;
  readonly vars1: string;
  readonly answer: string;
  readonly notUnique: boolean;
  readonly correctness: string;
  readonly textHtml: string;
}

/** A part for one answer, or null for an answer the plugin cannot check (a formula this edition leaves out). */
function part(answer: ExportAnswer): Part | null {
  const label = inertBraces(labelHtml(answer.label));
  if (isNumeric(answer)) {
    const entries = numericEntries(answer);
    const boxes = entries.map((_, i) => `{_${i}}`);
    const values = entries.map((entry) => numberText(entry.value));
    const shape = answer.type === 'shape';
    const relative = shape ? 0 : (answer.tolerance ?? DEFAULT_TOLERANCE[answer.type]);
    return {
      answerType: ANSWER_TYPE_NUMERICAL_FORMULA,
      numbox: entries.length,
      vars1: '',
      answer: entries.length === 1 ? values[0]! : `[${values.join(', ')}]`,
      notUnique: false,
      // A shape's sizes are whole numbers: exactly right or wrong.
      correctness: shape ? '_err < 1e-9' : `_relerr < ${numberText(relative)}`,
      textHtml: `<p>${label} ${answer.type === 'number' ? boxes[0] : shape ? `(${boxes.join(', ')})` : `[${boxes.join(', ')}]`}</p>`,
    };
  }
  const formula = formulaOf(answer);
  if (!formula) return null;
  const { spec, ast } = formula;
  // The checker's tolerance is relative at each point; the plugin's is an absolute RMS error, so
  // it is scaled by the reference's RMS value at the checker's own sample points.
  const values = referencePoints(formula).map((point) => point.expected);
  const rms = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0) / Math.max(values.length, 1));
  const error = Math.max((spec.tolerance ?? DEFAULT_TOLERANCE.expression) * rms, 1e-12);
  return {
    answerType: ANSWER_TYPE_ALGEBRAIC,
    numbox: 1,
    vars1: Object.entries(spec.variables)
      .map(([name, domain]) => `${name} = ${setOf(domain)};`)
      .join('\n'),
    answer: `"${formulasSyntax(ast)}"`,
    notUnique: true,
    correctness: `_err < ${numberText(Number(error.toPrecision(3)))}`,
    textHtml: `<p>${label} {_0}</p>`,
  };
}

function partXml(p: Part, index: number): string {
  const field = (name: string, value: string | number) => textField(name, String(value), ' ');
  return [
    '<answers>\n',
    field('partindex', index),
    field('placeholder', ''),
    field('answermark', 1),
    field('answertype', p.answerType),
    field('numbox', p.numbox),
    field('vars1', p.vars1),
    field('answer', p.answer),
    field('answernotunique', p.notUnique ? 1 : 0),
    field('vars2', ''),
    field('correctness', p.correctness),
    field('unitpenalty', 1),
    field('postunit', ''),
    field('ruleid', 1),
    field('otherrule', ''),
    htmlField('subqtext', p.textHtml, ' '),
    htmlField('feedback', '', ' '),
    '</answers>\n',
  ].join('');
}

function formulasQuestion(exercise: ExportExercise, parts: readonly Part[], options: ExportOptions): string {
  const feedback = options.solutions && exercise.solutionHtml ? inertBraces(exercise.solutionHtml) : '';
  const hints = options.solutions
    ? exercise.hintsHtml.map((hint) => htmlField('hint', inertBraces(hint), I)).join('')
    : '';
  return [
    `  <question type="formulas">\n${I}<name>${textElement(questionName(exercise))}</name>\n`,
    htmlField('questiontext', inertBraces(exercise.statementHtml), I),
    htmlField('generalfeedback', feedback, I),
    `${I}<defaultgrade>${parts.length}</defaultgrade>\n${I}<penalty>0.3333333</penalty>\n${I}<hidden>0</hidden>\n`,
    `${I}<idnumber>${exercise.id}:formulas</idnumber>\n`,
    htmlField('correctfeedback', '', I),
    htmlField('partiallycorrectfeedback', '', I),
    htmlField('incorrectfeedback', '', I),
    textField('varsrandom', '', I),
    textField('varsglobal', '', I),
    textField('answernumbering', 'none', I),
    parts.map(partXml).join(''),
    hints,
    `${I}<tags>\n${I}  <tag>${textElement(`nn-live:${exercise.id}`)}</tag>\n${I}</tags>\n`,
    '  </question>\n',
  ].join('');
}

/**
 * The Formulas file: every exercise of the sheet that asks for a formula whose expected answer
 * this build has, with all its answers as parts (its numbers too, so the question is whole);
 * null when there is none, and no second file is offered.
 */
export function formulasXml(sheet: ExportSheet, options: ExportOptions): string | null {
  const questions = sheet.exercises.flatMap((exercise) => {
    if (!exercise.answers.some((answer) => formulaOf(answer))) return [];
    const parts = exercise.answers.map(part);
    // A formula left out of this edition leaves the question incomplete: it stays an essay in the core file.
    if (parts.some((p) => p === null)) return [];
    return [
      `<!-- exercise: ${exercise.id.replace(/-{2,}/g, '-')} -->\n${formulasQuestion(exercise, parts as Part[], options)}`,
    ];
  });
  if (questions.length === 0) return null;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${categoryQuestion(sheet.title)}\n${questions.join('\n')}</quiz>\n`;
}
