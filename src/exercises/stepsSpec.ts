/**
 * A steps answer made ready to check: its formulas read, its start computed (the derivative of
 * `derive.of`, with the `where` names written out, or the expression `start`), and everything a
 * line is compared with evaluated at the sample points. The result is also what a page carries
 * (publishSteps): values at the points, never the formulas. A spec whose formulas do not read,
 * or whose expected result or a milestone is not equal to its start, is refused with the reason,
 * so the build fails on it rather than a student meeting a chain that cannot be finished.
 */
import { distinctTexts, pointText } from './counterexample';
import {
  compareValues,
  derivative,
  drawPoints,
  evaluate,
  formOf,
  formValues,
  FORMULA_TOLERANCE,
  parseExpression,
  SAMPLE_POINTS,
  type Environment,
  type Expr,
  type FormValues,
} from './expression';
import type { StepsAnswer } from './spec';
import { checkSteps, type StepsVerdict } from './steps';

/** A sample point with the start's and the expected result's values there (both finite). */
export interface StepsPoint {
  /** The variables' values, and those of the names `where` defines. */
  readonly env: Environment;
  readonly start: number;
  readonly expected: number;
}

/** A steps answer as a page carries it: the formulas replaced by their values at the points. */
export type PublishedStepsAnswer = Omit<StepsAnswer, 'derive' | 'start' | 'expected' | 'where' | 'milestones'> & {
  /** The names `where` defines, which a line may use like a variable. */
  readonly defined: readonly string[];
  /** What line 1 is compared with, as a message names it. */
  readonly from: 'derivative' | 'start';
  readonly points: readonly StepsPoint[];
  readonly milestones: readonly { readonly says: string; readonly form: FormValues }[];
};

export type PreparedSteps =
  { readonly ok: true; readonly published: PublishedStepsAnswer } | { readonly ok: false; readonly message: string };

interface Definition {
  readonly name: string;
  readonly ast: Expr;
}

export function prepareSteps(spec: StepsAnswer): PreparedSteps {
  try {
    return { ok: true, published: publish(spec) };
  } catch (error) {
    if (error instanceof SpecProblem) return { ok: false, message: error.message };
    throw error;
  }
}

/** For the build: null when the spec reads and its chain can be finished, else why not. */
export function validateSteps(spec: StepsAnswer): string | null {
  const prepared = prepareSteps(spec);
  return prepared.ok ? null : `answer '${spec.name}': ${prepared.message}`;
}

/** What the build writes into the page for checkSteps. Throws on a broken spec. */
export function publishSteps(spec: StepsAnswer): PublishedStepsAnswer {
  const prepared = prepareSteps(spec);
  if (!prepared.ok) throw new Error(`answer '${spec.name}': ${prepared.message}`);
  return prepared.published;
}

/** checkSteps from the authored spec too: for the build, the tests and a grading page. */
export function checkStepsAnswer(spec: StepsAnswer | PublishedStepsAnswer, text: string): StepsVerdict {
  if ('points' in spec) return checkSteps(spec, text);
  const prepared = prepareSteps(spec);
  if (prepared.ok) return checkSteps(prepared.published, text);
  return { status: 'invalid', message: `this exercise's expected answer is broken: ${prepared.message}`, steps: [] };
}

class SpecProblem extends Error {}

function publish(spec: StepsAnswer): PublishedStepsAnswer {
  const variables = Object.keys(spec.variables);
  const definitions = readDefinitions(spec.where ?? {}, variables);
  const names = [...variables, ...definitions.map((d) => d.name)];
  const read = (what: string, text: string) => {
    const result = parseExpression(text, { variables: names });
    if (!result.ok) throw new SpecProblem(`${what} '${text}' does not read: ${result.error.message}`);
    return result.ast;
  };

  const { start, startName } = readStart(spec, read, definitions);
  const expected = read('expected', spec.expected);
  const milestones = (spec.milestones ?? []).map((milestone) => ({
    ...milestone,
    ast: read('milestone', milestone.form),
  }));
  const forms = milestones.map((milestone) => formOf(milestone.ast));

  // The draws of an expression answer with the same expected text, kept where everything is defined.
  const points = drawPoints(spec.variables, spec.expected, (drawn): StepsPoint | undefined => {
    const env: Record<string, number> = { ...drawn };
    for (const { name, ast } of definitions) {
      env[name] = evaluate(ast, env);
      if (!Number.isFinite(env[name])) return undefined;
    }
    const point = { env, start: evaluate(start, env), expected: evaluate(expected, env) };
    const defined = (value: number) => Number.isFinite(value);
    if (!defined(point.start) || !defined(point.expected)) return undefined;
    if (!forms.every((form) => formValues(form, [env]).parts.every((part) => part.every(defined)))) return undefined;
    return point;
  });
  if (points.length < SAMPLE_POINTS) {
    throw new SpecProblem(
      `${startName}, the expected result or a milestone is undefined (NaN or ±∞) on most of the variables' domains`,
    );
  }

  const tolerance = spec.tolerance ?? FORMULA_TOLERANCE;
  const sameAsStart = (what: string, values: readonly number[]) => {
    const comparison = compareValues(
      points.map((p) => ({ env: p.env, expected: p.start })),
      values,
      tolerance,
    );
    if (comparison.kind === 'equal') return;
    const [theirs, start] = distinctTexts(comparison.got, comparison.at.expected);
    throw new SpecProblem(
      `${what} is not equal to ${startName}: at ${pointText(comparison.at.env, variables)} it is ${theirs}, the start is ${start}`,
    );
  };
  sameAsStart(
    `expected '${spec.expected}'`,
    points.map((p) => p.expected),
  );
  const envs = points.map((p) => p.env);
  milestones.forEach((milestone) =>
    sameAsStart(
      `milestone '${milestone.form}'`,
      envs.map((env) => evaluate(milestone.ast, env)),
    ),
  );
  forms.forEach((form, i) => {
    if (!Number.isFinite(form.constant))
      throw new SpecProblem(`milestone '${milestones[i]!.form}' has a constant that is undefined`);
  });

  const { derive: _derive, start: _start, expected: _expected, where: _where, milestones: _milestones, ...rest } = spec;
  return {
    ...rest,
    defined: definitions.map((d) => d.name),
    from: spec.derive ? 'derivative' : 'start',
    points,
    milestones: milestones.map((milestone, i) => ({ says: milestone.says, form: formValues(forms[i]!, envs) })),
  };
}

/** The `where` names, in order; each may use the variables and the names defined before it. */
function readDefinitions(where: Readonly<Record<string, string>>, variables: readonly string[]): Definition[] {
  const definitions: Definition[] = [];
  for (const [name, text] of Object.entries(where)) {
    if (variables.includes(name)) throw new SpecProblem(`where: '${name}' is already a variable`);
    const result = parseExpression(text, { variables: [...variables, ...definitions.map((d) => d.name)] });
    if (!result.ok) throw new SpecProblem(`where ${name}: '${text}' does not read: ${result.error.message}`);
    definitions.push({ name, ast: result.ast });
  }
  return definitions;
}

/** The expression line 1 is compared with, and how a message names it. */
function readStart(
  spec: StepsAnswer,
  read: (what: string, text: string) => Expr,
  definitions: readonly Definition[],
): { start: Expr; startName: string } {
  if (spec.start !== undefined) return { start: read('start', spec.start), startName: `the start '${spec.start}'` };
  const { of, wrt } = spec.derive!;
  if (!Object.hasOwn(spec.variables, wrt))
    throw new SpecProblem(`derive: '${wrt}' is not one of the variables (${Object.keys(spec.variables).join(', ')})`);
  // The names `where` defines depend on the variables: write them out so the derivative sees
  // through them, the last first, since a definition may use the names defined before it.
  const written = definitions.reduceRight((expr, { name, ast }) => substitute(expr, name, ast), read('derive.of', of));
  return { start: derivative(written, wrt), startName: `the derivative of '${of}' with respect to ${wrt}` };
}

/** `expr` with every occurrence of the variable `name` replaced by `by`. */
function substitute(expr: Expr, name: string, by: Expr): Expr {
  switch (expr.kind) {
    case 'variable':
      return expr.name === name ? by : expr;
    case 'number':
    case 'constant':
      return expr;
    case 'unary':
      return { ...expr, operand: substitute(expr.operand, name, by) };
    case 'binary':
      return { ...expr, left: substitute(expr.left, name, by), right: substitute(expr.right, name, by) };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => substitute(arg, name, by)) };
  }
}
