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
  .refine((d) => d.length === 2 || (Number.isSafeInteger(d[0]) && Number.isSafeInteger(d[1])), 'an integer domain [low, high, integer] has whole-number ends');

const answerBase = {
  /** Identifies the answer within its exercise; also the key of stored answers. */
  name: z.string().regex(/^[a-z][\w-]*$/, 'answer names are lower-case letters, digits, - and _'),
  /** What the student is asked for, as TeX typeset before the field (`\frac{\partial L}{\partial z_i}`). */
  label: z.string().min(1),
  /** Relative tolerance; the defaults are in the checker. */
  tolerance: z.number().positive().max(0.5).optional(),
};

export const answerSpecSchema = z.discriminatedUnion('type', [
  /** One number; `expected` is a constant expression. */
  z.object({ ...answerBase, type: z.literal('number'), expected: z.string().min(1) }),
  /** A list of numbers; `expected` holds constant expressions separated by commas. */
  z.object({ ...answerBase, type: z.literal('vector'), expected: z.string().min(1) }),
  /** A matrix shape such as (4, 3); `expected` is two positive integers, "4, 3". */
  z.object({ ...answerBase, type: z.literal('shape'), expected: z.string().regex(/^\s*\d+\s*,\s*\d+\s*$/, 'a shape is "rows, columns"') }),
  /** A formula in named variables, compared with `expected` at random points of the domains. */
  z.object({
    ...answerBase,
    type: z.literal('expression'),
    expected: z.string().min(1),
    variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), domain).refine((v) => Object.keys(v).length > 0, 'an expression answer needs at least one variable'),
  }),
]);

export type AnswerSpec = z.infer<typeof answerSpecSchema>;

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
  answers: z.array(answerSpecSchema).default([]),
});

export type ExerciseFrontmatter = z.infer<typeof exerciseSchema>;
