import { z } from 'astro/zod';

/**
 * What an exercise file's frontmatter says: where it belongs, what kind it is, and the answers
 * the browser can check. Expected values are written as expressions in the checker's own
 * language (`exp(5) / (exp(5) + exp(2) + exp(-1) + exp(3))`), so a number is computed by the
 * checker, never typed in, and the build fails when an expected value does not parse.
 */

/**
 * A variable's sampling domain for expression answers: the interval [low, high], or with
 * `integer` after it (`[1, 64, integer]`) the whole numbers low, …, high, for a variable that only
 * means something at whole numbers (a row, a channel), so that a counter-example names one.
 */
const domain = z
  .union([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number(), z.literal('integer')])])
  .refine(([low, high]) => low < high, 'a domain is [low, high] with low < high')
  .refine(
    (d) => d.length === 2 || (Number.isSafeInteger(d[0]) && Number.isSafeInteger(d[1])),
    'an integer domain [low, high, integer] has whole-number ends',
  );

const answerBase = {
  /** Identifies the answer within its exercise; also the key of stored answers. */
  name: z.string().regex(/^[a-z][\w-]*$/, 'answer names are lower-case letters, digits, - and _'),
  /** What the student is asked for, as TeX typeset before the field (`\frac{\partial L}{\partial z_i}`). */
  label: z.string().min(1),
  /** Relative tolerance; the defaults are in the checker. */
  tolerance: z.number().positive().max(0.5).optional(),
};

/** Variable names are ASCII: a letter, then letters and digits (`yhat`, `z1`; see vocabulary.ts). */
const variableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'variable names are a letter, then letters and digits');

const variables = z
  .record(variableName, domain)
  .refine((v) => Object.keys(v).length > 0, 'an answer with a formula needs at least one variable');

const numberAnswer = z.object({ ...answerBase, type: z.literal('number'), expected: z.string().min(1) });
const vectorAnswer = z.object({ ...answerBase, type: z.literal('vector'), expected: z.string().min(1) });
const shapeAnswer = z.object({
  ...answerBase,
  type: z.literal('shape'),
  expected: z.string().regex(/^\s*\d+\s*,\s*\d+\s*$/, 'a shape is "rows, columns"'),
});
const expressionAnswer = z.object({
  ...answerBase,
  type: z.literal('expression'),
  expected: z.string().min(1),
  variables,
});

/**
 * A derivation typed one step per line (steps.ts checks it): the first line must equal the
 * start, each later line the line before, and the last `expected`. The start is the derivative
 * of `derive.of` with respect to `derive.wrt`, or the expression `start`. `where` names
 * quantities the lines may use (`a: sigma(w x)`), defined in order from the variables; a line
 * matching a milestone's form is told what the milestone `says`. Whether the formulas read, and
 * whether `expected` and each milestone equal the start, is checked at build time (validateSteps).
 */
const stepsAnswer = z
  .object({
    ...answerBase,
    type: z.literal('steps'),
    derive: z.strictObject({ of: z.string().min(1), wrt: variableName }).optional(),
    start: z.string().min(1).optional(),
    expected: z.string().min(1),
    variables,
    where: z.record(variableName, z.string().min(1)).optional(),
    milestones: z.array(z.strictObject({ form: z.string().min(1), says: z.string().min(1) })).optional(),
  })
  .refine(
    (spec) => (spec.derive === undefined) !== (spec.start === undefined),
    'a steps answer starts from either derive: { of, wrt } or start:, one of the two',
  );

/** An answer typed in one line: a number, a vector, a shape or a formula. */
export const answerSpecSchema = z.discriminatedUnion('type', [
  /** One number; `expected` is a constant expression. */
  numberAnswer,
  /** A list of numbers; `expected` holds constant expressions separated by commas. */
  vectorAnswer,
  /** A matrix shape such as (4, 3); `expected` is two positive integers, "4, 3". */
  shapeAnswer,
  /** A formula in named variables, compared with `expected` at random points of the domains. */
  expressionAnswer,
]);

export type AnswerSpec = z.infer<typeof answerSpecSchema>;
export type StepsAnswer = z.infer<typeof stepsAnswer>;
/** Any answer an exercise declares: one typed in one line, or a derivation typed in steps. */
export type ExerciseAnswer = AnswerSpec | StepsAnswer;

export const exerciseAnswerSchema = z.discriminatedUnion('type', [
  numberAnswer,
  vectorAnswer,
  shapeAnswer,
  expressionAnswer,
  stepsAnswer,
]);

/** The answers typed in one line (what the LMS exports can ask for), not derivations in steps. */
export const isLineAnswer = (answer: ExerciseAnswer): answer is AnswerSpec => answer.type !== 'steps';

export const EXERCISE_KINDS = ['derivation', 'computation', 'proof', 'shapes'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const exerciseSchema = z.object({
  /** Stable across edits and moves: stored progress and assignment links refer to it. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'exercise ids are lower-case letters, digits and -'),
  /** The id of the lesson the exercise belongs to (`softmax`). */
  lesson: z.string().min(1),
  /** Position among the lesson's exercises. */
  order: z.number().int().positive(),
  title: z.string().min(1),
  kind: z.enum(EXERCISE_KINDS),
  answers: z.array(exerciseAnswerSchema).default([]),
});

export type ExerciseFrontmatter = z.infer<typeof exerciseSchema>;
