// Every exercise file is well formed (frontmatter, statement, hints, one solution, math that
// typesets), and every expected answer is recomputed here by the course's numeric core, src/ml:
// an expected value that disagrees with the computation, or with the lecture it quotes, fails
// in a second, without the Astro build.
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { lessonIdFromFile } from '../../src/course/lessonSchema';
import { checkExerciseAnswer, validateAnswer } from '../../src/exercises/answers';
import { DEFAULT_TOLERANCE, expectedValue, significantFigures } from '../../src/exercises/check';
import { checkStepsAnswer } from '../../src/exercises/stepsSpec';
import { evaluate, parseExpression } from '../../src/exercises/expression';
import {
  exerciseSchema,
  type ExerciseAnswer,
  type ExerciseFrontmatter,
  type StepsAnswer,
} from '../../src/exercises/spec';
import {
  activateDerivative,
  add,
  backwardTwoLayer,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  chordGap,
  column,
  columnVector,
  forwardTwoLayer,
  fromRows,
  get,
  hstack,
  initTwoLayer,
  logisticCost,
  logisticForward,
  logisticGradients,
  logisticStep,
  matmul,
  mul,
  mulberry32,
  numericGradient,
  relu,
  rowVector,
  scale,
  shape,
  sigmoid,
  softmax,
  squaredError,
  sub,
  sumRows,
  tanh,
  toArray,
  transpose,
  zeros,
} from '../../src/ml';
import type { Matrix, TwoLayerConfig, TwoLayerParams } from '../../src/ml';

// ---------------------------------------------------------------------------------------------
// Reading the files
// ---------------------------------------------------------------------------------------------

const lessonDir = new URL('../../content/lessons/', import.meta.url);
const lessonIds = readdirSync(lessonDir)
  .filter((name) => name.endsWith('.mdx'))
  .map(lessonIdFromFile);

const dir = new URL('../../content/exercises/', import.meta.url);
const files = (readdirSync(dir, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.split('\\').join('/'))
  .sort();

interface ExerciseFile {
  file: string;
  folder: string;
  data: ExerciseFrontmatter;
  body: string;
}

const exercises: ExerciseFile[] = files.map((file) => {
  const { frontmatter, content } = parseFrontmatter(readFileSync(new URL(file, dir), 'utf8'));
  const parsed = exerciseSchema.safeParse(frontmatter);
  if (!parsed.success) throw new Error(`content/exercises/${file}: ${parsed.error.message}`);
  return { file, folder: file.split('/')[0]!, data: parsed.data, body: content };
});

/** The id prefix of each lesson's exercises. */
const TAGS: Readonly<Record<string, string>> = {
  'binary-classification': 'bin-',
  'logistic-regression': 'lr-',
  convexity: 'cvx-',
  'shallow-networks': 'shallow-',
  activations: 'act-',
  softmax: 'softmax-',
};

/** The body with math, code and the Hint/Solution tags removed: what MDX parses as prose. */
function prose(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$\n]+\$/g, '')
    .replace(/`[^`\n]+`/g, '')
    .replace(/<\/?(Hint|Solution)>/g, '');
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

// ---------------------------------------------------------------------------------------------
// The files and their structure
// ---------------------------------------------------------------------------------------------

describe('the exercises', () => {
  it('exist for every lesson, at least three each, in a folder named after the lesson', () => {
    expect(Object.keys(TAGS).sort()).toEqual([...lessonIds].sort());
    for (const lesson of lessonIds) {
      expect(exercises.filter((e) => e.data.lesson === lesson).length, lesson).toBeGreaterThanOrEqual(3);
    }
    for (const { file, folder, data } of exercises) expect(data.lesson, file).toBe(folder);
  });

  it('have unique ids, prefixed with their lesson tag', () => {
    const ids = exercises.map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, data } of exercises) expect(data.id.startsWith(TAGS[data.lesson]!), file).toBe(true);
  });

  it('are numbered 1..n within each lesson, without gaps or repeats', () => {
    for (const lesson of lessonIds) {
      const orders = exercises
        .filter((e) => e.data.lesson === lesson)
        .map((e) => e.data.order)
        .sort((a, b) => a - b);
      expect(orders, lesson).toEqual(orders.map((_, i) => i + 1));
    }
  });
});

describe.each(exercises)('$file', ({ file, data, body }) => {
  const firstHint = body.indexOf('<Hint>');
  const statement = firstHint < 0 ? body : body.slice(0, firstHint);

  it('states the problem, then gives hints, then exactly one solution', () => {
    expect(statement.trim().length).toBeGreaterThan(100);
    expect(count(body, /<Hint>/g)).toBeGreaterThanOrEqual(1);
    expect(count(body, /<Solution>/g)).toBe(1);
    expect(count(body, /<\/Hint>/g)).toBe(count(body, /<Hint>/g));
    expect(count(body, /<\/Solution>/g)).toBe(1);
    // Nothing but hints, then the solution, after the first hint; every tag on its own line.
    expect(body.slice(firstHint)).toMatch(/^(?:<Hint>\n[\s\S]+?\n<\/Hint>\s*)+<Solution>\n[\s\S]+?\n<\/Solution>\s*$/);
    expect(count(body, /^<\/?(Hint|Solution)>$/gm)).toBe(count(body, /<\/?(Hint|Solution)>/g));
  });

  it('keeps braces and angle brackets inside math, where MDX cannot misread them', () => {
    const text = prose(body);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/<(?![a-zA-Z/!])/);
  });

  it('opens and closes every display-math block', () => {
    expect(body.split('\n').filter((line) => line.trim() === '$$').length % 2).toBe(0);
  });

  it('tells the student which names to type for every expression and steps answer', () => {
    for (const answer of data.answers) {
      for (const name of namesOf(answer)) expect(statement, `${answer.name}: ${name}`).toContain(`\`${name}\``);
    }
  });

  it('asks for no fewer significant figures than its answers need, so that what it asks for is accepted', () => {
    const words = ['one', 'two', 'three', 'four', 'five', 'six'];
    const asked = /\b(one|two|three|four|five|six) significant figures?/.exec(statement)?.[1];
    const needed = data.answers.flatMap((answer) =>
      answer.type === 'number' || answer.type === 'vector'
        ? [significantFigures(answer.tolerance ?? DEFAULT_TOLERANCE[answer.type])]
        : [],
    );
    if (asked === undefined || needed.length === 0) return;
    // The checker's message asks for the same figure (check.ts, moreFigures).
    expect(words.indexOf(asked) + 1).toBeGreaterThanOrEqual(Math.max(...needed));
  });

  it('has answer names unique within the exercise and labels that typeset', () => {
    const names = data.answers.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const answer of data.answers) {
      expect(
        () => katex.renderToString(answer.label, { throwOnError: true, strict: 'ignore' }),
        answer.label,
      ).not.toThrow();
    }
  });

  it('compiles as MDX with its math typeset', async () => {
    const result = await compile(
      { value: body, path: `content/exercises/${file}` },
      {
        remarkPlugins: [remarkMath],
        rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
      },
    );
    expect(String(result)).toContain('katex');
  }, 60_000);

  it('contains no placeholder text', () => {
    expect(body).not.toMatch(/\b(TODO|TBD|FIXME|lorem ipsum)\b/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Reference values, recomputed by src/ml
// ---------------------------------------------------------------------------------------------

type Env = Record<string, number>;
type Reference =
  | { type: 'number'; value: number; tolerance?: number | undefined }
  | { type: 'vector'; value: number[]; tolerance?: number | undefined }
  | { type: 'shape'; value: [number, number] }
  /** Points where the formula must hold, each with the value src/ml computes there. */
  | { type: 'expression'; cases: { env: Env; value: number }[]; tolerance?: number | undefined }
  /** The same for the result a derivation must reach, at points of its variables (the `where` names follow from them). */
  | { type: 'steps'; cases: { env: Env; value: number }[]; tolerance?: number | undefined };

const num = (value: number, tolerance?: number): Reference => ({ type: 'number', value, tolerance });
const vec = (value: number[], tolerance?: number): Reference => ({ type: 'vector', value, tolerance });
const shp = (M: Matrix): Reference => ({ type: 'shape', value: shape(M) });
const cases = (list: { env: Env; value: number }[], tolerance?: number): Reference => ({
  type: 'expression',
  cases: list,
  tolerance,
});
const chainEnds = (list: { env: Env; value: number }[], tolerance?: number): Reference => ({
  type: 'steps',
  cases: list,
  tolerance,
});

/** Centred first and second differences. */
const d1 = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);
const d2 = (f: (x: number) => number, x: number, h = 1e-4) => (f(x + h) - 2 * f(x) + f(x - h)) / (h * h);

const grid = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));

/** Lesson 01's unrolling (cell image-tiny): red channel, then green, then blue; each row by row. */
function flattenImage(img: number[][][]): number[] {
  const out: number[] = [];
  for (let c = 0; c < img[0]![0]!.length; c++) for (const row of img) for (const pixel of row) out.push(pixel[c]!);
  return out;
}
const blankImage = (height: number, width: number) =>
  Array.from({ length: height }, () => Array.from({ length: width }, () => [0, 0, 0]));
/** The 1-based position in x of channel c (1 red, 2 green, 3 blue) at row r, column k. */
function positionInX(r: number, k: number, c: number): number {
  const img = blankImage(64, 64);
  img[r - 1]![k - 1]![c - 1] = 1;
  return flattenImage(img).indexOf(1) + 1;
}

/** Scully's network (02-logistic-regression-to-neural-networks.md, "push a single feature"). */
const scully: TwoLayerParams = {
  W1: fromRows([
    [1.2, 0.9, 0.3],
    [0.2, 0.3, 0.1],
    [1.3, 1.9, 0.1],
  ]),
  b1: columnVector([0.1, 0.1, 0.1]),
  W2: rowVector([0.2, 0.6, 0.2]),
  b2: columnVector([0.1]),
};
const scullyX = columnVector([0.2, 0.5, -0.9]);
const sigmoidNet: TwoLayerConfig = { hidden: 'sigmoid', output: 'sigmoid' };

/** ∇²_w J of logistic regression by centred differences of the analytic gradient dw. */
function logisticHessian(X: Matrix, Y: Matrix, w: number[], b: number): number[][] {
  const h = 1e-5;
  const dw = (v: number[]) => toArray(logisticGradients({ w: columnVector(v), b }, X, Y).dw);
  const columns = w.map((_, k) => {
    const up = dw(w.map((v, j) => (j === k ? v + h : v)));
    const down = dw(w.map((v, j) => (j === k ? v - h : v)));
    return up.map((u, j) => (u - down[j]!) / (2 * h));
  });
  return w.map((_, j) => w.map((__, k) => columns[k]![j]!)); // row j, column k
}

/** The reference for every answer, by "exercise id/answer name". */
const references: Readonly<Record<string, () => Reference>> = {
  // --- binary classification: 01-binary-classification-logistic-regression-convexity.md ---------
  // The lecture: 64 × 64 × 3 = 12288 = n_x; X.shape = (n_x, m); Y.shape = (1, m).
  'bin-feature-count/nx64': () => num(flattenImage(blankImage(64, 64)).length),
  'bin-feature-count/nx32': () => num(flattenImage(blankImage(32, 32)).length),
  'bin-feature-count/entries': () => {
    const x = columnVector(flattenImage(blankImage(64, 64)));
    const X = hstack(Array.from({ length: 100 }, () => x));
    return num(X.rows * X.cols);
  },
  'bin-dataset-shapes/example': () => shp(columnVector(flattenImage(blankImage(64, 64)))),
  'bin-dataset-shapes/inputs': () =>
    shp(hstack(Array.from({ length: 500 }, () => columnVector(flattenImage(blankImage(64, 64)))))),
  'bin-dataset-shapes/labels': () => shp(rowVector(Array.from({ length: 500 }, (_, i) => i % 2))),
  'bin-dataset-shapes/rows': () => shp(transpose(zeros(12288, 500))),
  'bin-reading-x/x3': () => vec(toArray(column(readingX, 2))),
  'bin-reading-x/x24': () => num(get(readingX, 1, 3)),
  'bin-reading-x/mean1': () => num(get(sumRows(readingX), 0, 0) / readingX.cols),
  'bin-pixel-index/index': () =>
    cases(
      [
        [1, 1, 1],
        [2, 1, 2],
        [3, 10, 1],
        [64, 64, 3],
        [17, 33, 2],
        [40, 5, 3],
      ].map(([r, k, c]) => ({ env: { r: r!, k: k!, c: c! }, value: positionInX(r!, k!, c!) })),
    ),
  'bin-pixel-index/green': () => num(positionInX(2, 1, 2)),
  'bin-pixel-index/red': () => num(positionInX(3, 10, 1)),

  // --- logistic regression: lectures 01 (σ, cross-entropy) and 02 (Scully, vectorised) ---------
  'lr-sigmoid-derivative/dsigma': () =>
    cases(
      grid(-4, 4, 9).map((z) => ({ env: { z }, value: d1(sigmoid.fn, z) })),
      1e-8,
    ),
  'lr-sigmoid-derivative/dsigma-a': () =>
    cases(
      grid(-4, 4, 9).map((z) => ({ env: { a: sigmoid.fn(z) }, value: d1(sigmoid.fn, z) })),
      1e-8,
    ),
  'lr-sigmoid-derivative/max': () => num(Math.max(...grid(-6, 6, 1201).map(sigmoid.derivative))),
  'lr-dz/da': () =>
    cases(
      [0, 1].flatMap((y) =>
        [0.1, 0.35, 0.8].map((a) => ({ env: { a, y }, value: d1((p) => binaryCrossEntropy(p, y), a, 1e-6) })),
      ),
      1e-7,
    ),
  'lr-dz/dz': () =>
    cases(
      [0, 1].flatMap((y) =>
        [-2, 0.3, 1.5].map((z) => ({
          env: { a: sigmoid.fn(z), y },
          value: d1((s) => binaryCrossEntropy(sigmoid.fn(s), y), z),
        })),
      ),
      1e-7,
    ),
  'lr-dz/dw1': () =>
    cases(
      [0, 1].flatMap((y) =>
        [
          [1.5, -0.5],
          [-2, 1],
        ].map(([x1, x2]) => {
          const p = { w: columnVector([0.4, -0.3]), b: 0.2 };
          const X = columnVector([x1!, x2!]);
          const a = get(logisticForward(p, X), 0, 0);
          return { env: { a, y, x1: x1! }, value: get(logisticGradients(p, X, rowVector([y])).dw, 0, 0) };
        }),
      ),
    ),
  'lr-vectorised-gradients/dz': () =>
    shp(sub(logisticForward({ w: zeros(12288, 1), b: 0 }, zeros(12288, 500)), zeros(1, 500))),
  'lr-vectorised-gradients/dw': () =>
    shp(logisticGradients({ w: zeros(12288, 1), b: 0 }, zeros(12288, 500), zeros(1, 500)).dw),
  'lr-vectorised-gradients/wrong': () => shp(matmul(zeros(1, 500), transpose(zeros(12288, 500)))),
  // Scully's slides: dλ = (1/2m) X Eᵀ. The true gradient of J (a centred difference of logisticCost)
  // is twice that, so the slides' steps need twice the learning rate.
  'lr-vectorised-gradients/alpha': () => {
    const X = fromRows([
      [1, 2, -1, -2],
      [2, 0.5, -1, 0.5],
    ]);
    const Y = rowVector([1, 1, 0, 0]);
    const p = { w: columnVector([0.3, -0.7]), b: 0.2 };
    const numeric = d1((v) => logisticCost({ w: columnVector([v, -0.7]), b: 0.2 }, X, Y), 0.3);
    const E = sub(logisticForward(p, X), Y);
    const slides = get(scale(matmul(X, transpose(E)), 1 / (2 * X.cols)), 0, 0);
    return num(numeric / slides, 1e-6);
  },
  'lr-one-step/cost': () => num(logisticCost({ w: zeros(2, 1), b: 0 }, oneStepX, oneStepY)),
  'lr-one-step/dw': () => vec(toArray(logisticGradients({ w: zeros(2, 1), b: 0 }, oneStepX, oneStepY).dw)),
  'lr-one-step/db': () => num(logisticGradients({ w: zeros(2, 1), b: 0 }, oneStepX, oneStepY).db),
  'lr-one-step/w': () => vec(toArray(oneStepAfter().w)),
  'lr-one-step/b': () => num(oneStepAfter().b),

  // --- convexity: lecture 01 (squared error "non-convex", the chord definition, cross-entropy) --
  'cvx-se-chord/gap-se': () => num(chordGap((w) => squaredError(sigmoid.fn(w), 1), -6, 2, 0.5)),
  'cvx-se-chord/gap-ce': () => num(chordGap((w) => binaryCrossEntropy(sigmoid.fn(w), 1), -6, 2, 0.5)),
  'cvx-se-curvature/d1': () =>
    cases(
      curvaturePoints.map(({ w, x, y }) => ({
        env: { a: sigmoid.fn(w * x), y, x },
        value: d1((v) => squaredError(sigmoid.fn(v * x), y), w),
      })),
      1e-7,
    ),
  'cvx-se-curvature/d2': () =>
    cases(
      curvaturePoints.map(({ w, x, y }) => ({
        env: { a: sigmoid.fn(w * x), y, x },
        value: d2((v) => squaredError(sigmoid.fn(v * x), y), w),
      })),
      1e-4,
    ),
  // For y = 0 and x = 1, bisect for the weight where the numeric f'' changes sign; report σ there.
  'cvx-se-curvature/threshold': () => {
    const f2 = (w: number) => d2((v) => squaredError(sigmoid.fn(v), 0), w, 1e-3);
    let [lo, hi] = [0, 3]; // f'' > 0 at w = 0 (σ = 1/2), f'' < 0 at w = 3 (σ ≈ 0.95)
    expect(f2(lo)).toBeGreaterThan(0);
    expect(f2(hi)).toBeLessThan(0);
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (f2(mid) > 0) lo = mid;
      else hi = mid;
    }
    return num(sigmoid.fn(lo), 1e-5);
  },
  'cvx-ce-convex/d1': () =>
    cases(
      curvaturePoints.map(({ w, x, y }) => ({
        env: { a: sigmoid.fn(w * x), y, x },
        value: d1((v) => binaryCrossEntropy(sigmoid.fn(v * x), y), w),
      })),
      1e-7,
    ),
  'cvx-ce-convex/d2': () =>
    cases(
      curvaturePoints.map(({ w, x, y }) => ({
        env: { a: sigmoid.fn(w * x), y, x },
        value: d2((v) => binaryCrossEntropy(sigmoid.fn(v * x), y), w),
      })),
      1e-4,
    ),
  'cvx-hessian/hessian': () => vec(logisticHessian(hessianX, hessianY, [0, 0], 0).flat(), 1e-6),
  'cvx-hessian/quadratic': () => {
    const H = logisticHessian(hessianX, hessianY, [0, 0], 0);
    const v = [1, -2];
    return num(
      v.reduce((total, vj, j) => total + vj * v.reduce((row, vk, k) => row + H[j]![k]! * vk, 0), 0),
      1e-6,
    );
  },

  // --- shallow networks: lectures 04 (shapes, 4-3 and (n_x, m)) and 02 (Scully's example) -------
  'shallow-shapes/w1': () => shp(shapesNet().params.W1),
  'shallow-shapes/b1': () => shp(shapesNet().params.b1),
  'shallow-shapes/z1': () => shp(shapesNet().cache.Z1),
  'shallow-shapes/a1': () => shp(shapesNet().cache.A1),
  'shallow-shapes/w2': () => shp(shapesNet().params.W2),
  'shallow-shapes/b2': () => shp(shapesNet().params.b2),
  'shallow-shapes/z2': () => shp(shapesNet().cache.Z2),
  'shallow-shapes/params': () => {
    const { W1, b1, W2, b2 } = shapesNet().params;
    return num([W1, b1, W2, b2].reduce((total, M) => total + M.rows * M.cols, 0));
  },
  // The slide prints 0.52, 0.55, 1.22 / 0.62, 0.63, 0.77 / 0.68; see the assertions further down.
  'shallow-forward/z1': () => vec(toArray(forwardTwoLayer(scully, scullyX, sigmoidNet).cache.Z1)),
  'shallow-forward/a1': () => vec(toArray(forwardTwoLayer(scully, scullyX, sigmoidNet).cache.A1)),
  'shallow-forward/yhat': () => num(get(forwardTwoLayer(scully, scullyX, sigmoidNet).A2, 0, 0)),
  'shallow-backprop/dz2': () =>
    cases(
      [0, 1].flatMap((y) =>
        [-1.5, 0.2, 2].map((z2) => ({
          env: { a2: sigmoid.fn(z2), y },
          value: d1((s) => binaryCrossEntropy(sigmoid.fn(s), y), z2),
        })),
      ),
      1e-7,
    ),
  'shallow-backprop/dz1': () => cases(tinyTanhNets().map(({ env, grads }) => ({ env, value: get(grads.db1, 0, 0) }))),
  'shallow-backprop/dw1': () => cases(tinyTanhNets().map(({ env, grads }) => ({ env, value: get(grads.dW1, 0, 0) }))),
  'shallow-gradient-shapes/dz2': () => shp(gradientShapes().dZ2),
  'shallow-gradient-shapes/dw2': () => shp(gradientShapes().grads.dW2),
  'shallow-gradient-shapes/db2': () => shp(gradientShapes().grads.db2),
  'shallow-gradient-shapes/dz1': () => shp(gradientShapes().dZ1),
  'shallow-gradient-shapes/dw1': () => shp(gradientShapes().grads.dW1),
  'shallow-gradient-shapes/db1': () => shp(gradientShapes().grads.db1),
  'shallow-gradient-shapes/wrong': () => shp(matmul(gradientShapes().cache.A1, transpose(gradientShapes().dZ2))),
  // One example (m = 1): db2 = dz2 and db1 = dz1.
  'shallow-backprop-numbers/dz2': () => num(get(scullyGrads().db2, 0, 0)),
  'shallow-backprop-numbers/dw2': () => vec(toArray(scullyGrads().dW2)),
  'shallow-backprop-numbers/dz1': () => vec(toArray(scullyGrads().db1)),

  // --- activations: lectures 02 (Scully: tanh "a scaled sigmoid", ReLU) and 04 (the list) ------
  'act-tanh-derivative/dtanh': () =>
    cases(
      grid(-3, 3, 13).map((z) => ({ env: { z }, value: d1(tanh.fn, z) })),
      1e-8,
    ),
  'act-tanh-derivative/dtanh-a': () =>
    cases(
      grid(-2.5, 2.5, 11).map((z) => ({ env: { a: tanh.fn(z) }, value: d1(tanh.fn, z) })),
      1e-8,
    ),
  'act-tanh-derivative/max': () => num(Math.max(...grid(-6, 6, 1201).map(tanh.derivative))),
  // σ(z) = p + q tanh(z/2): p from z = 0, q from z = 2.
  'act-tanh-sigmoid/pq': () => {
    const p = sigmoid.fn(0);
    const q = (sigmoid.fn(2) - p) / tanh.fn(1);
    for (const z of grid(-5, 5, 11)) expect(p + q * tanh.fn(z / 2)).toBeCloseTo(sigmoid.fn(z), 12);
    return vec([p, q], 1e-12);
  },
  'act-tanh-sigmoid/k': () => num(tanh.derivative(0.7) / sigmoid.derivative(1.4), 1e-12),
  'act-linear-collapse/shape': () => shp(matmul(collapse.W2, collapse.W1)),
  'act-linear-collapse/w': () => vec(toArray(matmul(collapse.W2, collapse.W1))),
  'act-linear-collapse/b': () => num(get(add(matmul(collapse.W2, collapse.b1), collapse.b2), 0, 0)),
  'act-vanishing/sigmoid5': () => num(sigmoid.derivative(0) ** 5),
  'act-vanishing/tanh5': () => num(tanh.derivative(2) ** 5),
  'act-vanishing/relu5': () => num(relu.derivative(2) ** 5),
  'act-vanishing/layers': () => {
    let L = 1;
    while (sigmoid.derivative(0) ** L >= 1e-6) L++;
    return num(L);
  },

  // --- softmax: 06a-softmax-regression.md (z = [5, 2, −1, 3]) and Scully's [6, −2, 3] -----------
  'softmax-four-classes/sum': () => num([5, 2, -1, 3].map(Math.exp).reduce((a, b) => a + b, 0)),
  'softmax-four-classes/yhat': () => vec(softmax([5, 2, -1, 3])),
  'softmax-four-classes/loss': () => num(categoricalCrossEntropy(softmax([5, 2, -1, 3]), [0, 1, 0, 0])),
  // σ(d) = softmax(z)₁, so d is the log-odds of softmax(z)₁.
  'softmax-two-classes/d': () =>
    cases(
      [
        [2, 1],
        [0, 0],
        [-1, 3],
        [3.5, -2.5],
        [0.3, 0.7],
      ].map(([z1, z2]) => ({ env: { z1: z1!, z2: z2! }, value: logOdds(softmax([z1!, z2!])[0]!) })),
    ),
  // For z_j = w_j x + b_j the log-odds of softmax(z)₁ is linear in x: its slope is w, its value at 0 is b.
  'softmax-two-classes/w': () =>
    cases(
      [
        [1, 2],
        [-0.5, 1.5],
        [2.5, -1],
      ].map(([w1, w2]) => ({ env: { w1: w1!, w2: w2! }, value: twoClassLine(w1!, 0.4, w2!, -0.3).slope })),
    ),
  'softmax-two-classes/b': () =>
    cases(
      [
        [1, 2],
        [-0.5, 1.5],
        [2.5, -1],
      ].map(([b1, b2]) => ({ env: { b1: b1!, b2: b2! }, value: twoClassLine(0.7, b1!, -1.1, b2!).intercept })),
    ),
  // dz = ŷ − y against a centred difference of the categorical cross-entropy, every class.
  'softmax-dz/dz': () =>
    cases(
      [
        [[1.5, 0.2, -0.5, 1], 1],
        [[0.3, -1.2, 2], 0],
        [[1, 1], 1],
      ].flatMap(([z, label]) => {
        const scores = z as number[];
        const y = scores.map((_, j) => (j === label ? 1 : 0));
        const numeric = numericGradient(
          (s) => categoricalCrossEntropy(softmax(Array.from(s)), y),
          Float64Array.from(scores),
        );
        const yhat = softmax(scores);
        return scores.map((_, i) => ({ env: { yhat: yhat[i]!, y: y[i]! }, value: numeric[i]! }));
      }),
      1e-6,
    ),
  'softmax-three-classes/yhat': () => vec(softmax([6, -2, 3])),
  'softmax-three-classes/sad': () => num(categoricalCrossEntropy(softmax([6, -2, 3]), [1, 0, 0])),
  'softmax-three-classes/angry': () => num(categoricalCrossEntropy(softmax([6, -2, 3]), [0, 0, 1])),

  // --- steps answers: the result each derivation reaches, at points of its variables ----------
  // Derivatives by centred differences of src/ml's loss or cost in the parameter.
  'lr-sigmoid-derivative/dsigma-steps': () =>
    chainEnds(
      grid(-4, 4, 9).map((z) => ({ env: { z }, value: d1(sigmoid.fn, z) })),
      1e-8,
    ),
  'lr-dz/dz-steps': () =>
    chainEnds(
      [0, 1, 0.3].flatMap((y) =>
        [-3, -0.4, 1.5].map((z) => ({ env: { z, y }, value: d1((s) => binaryCrossEntropy(sigmoid.fn(s), y), z) })),
      ),
      1e-7,
    ),
  'lr-dz/dw1-steps': () =>
    chainEnds(
      [
        [0.4, -0.3, 0.2, 1.5, -0.5, 1],
        [-1.2, 0.8, -0.6, -2, 1.1, 0],
        [1.9, 1.7, 1, 0.3, 2, 0.4],
      ].map(([w1, w2, b, x1, x2, y]) => ({
        env: { w1: w1!, w2: w2!, b: b!, x1: x1!, x2: x2!, y: y! },
        value: d1(
          (v) => logisticCost({ w: columnVector([v, w2!]), b: b! }, columnVector([x1!, x2!]), rowVector([y!])),
          w1!,
        ),
      })),
      1e-7,
    ),
  'lr-vectorised-gradients/dw-steps': () =>
    chainEnds(
      [
        [0.3, 0.2, 1, -1.5, 1, 0],
        [-1.1, -0.7, 2, 0.4, 0, 0],
        [1.6, 0.9, -0.8, -1.9, 0.2, 0.7],
      ].map(([w, b, x1, x2, y1, y2]) => ({
        env: { w: w!, b: b!, x1: x1!, x2: x2!, y1: y1!, y2: y2! },
        value: d1(
          (v) => logisticCost({ w: columnVector([v]), b: b! }, rowVector([x1!, x2!]), rowVector([y1!, y2!])),
          w!,
        ),
      })),
      1e-7,
    ),
  'cvx-se-curvature/d2-steps': () =>
    chainEnds(
      stepsCurvaturePoints.map(({ w, x, y }) => ({
        env: { w, x, y },
        value: d2((v) => squaredError(sigmoid.fn(v * x), y), w),
      })),
      1e-4,
    ),
  'cvx-ce-convex/d1-steps': () =>
    chainEnds(
      stepsCurvaturePoints.map(({ w, x, y }) => ({
        env: { w, x, y },
        value: d1((v) => binaryCrossEntropy(sigmoid.fn(v * x), y), w),
      })),
      1e-7,
    ),
  // One example: entry (1, 2) of the Hessian, ∂²L/∂w₂∂w₁.
  'cvx-hessian/entry-steps': () =>
    chainEnds(
      [
        [0.5, -1, 0.2, 1.5, -0.7, 1],
        [-1.8, 0.3, -0.9, -2, 1.2, 0],
        [1.1, 1.9, 0.6, 0.4, 2, 0.5],
      ].map(([w1, w2, b, x1, x2, y]) => ({
        env: { w1: w1!, w2: w2!, b: b!, x1: x1!, x2: x2!, y: y! },
        value: logisticHessian(columnVector([x1!, x2!]), rowVector([y!]), [w1!, w2!], b!)[0]![1]!,
      })),
      1e-6,
    ),
  'act-tanh-derivative/dtanh-steps': () =>
    chainEnds(
      grid(-3, 3, 13).map((z) => ({ env: { z }, value: d1(tanh.fn, z) })),
      1e-8,
    ),
  'act-tanh-sigmoid/identity-steps': () =>
    chainEnds(
      grid(-3, 3, 13).map((x) => ({ env: { x }, value: tanh.fn(x) })),
      1e-12,
    ),
  'softmax-two-classes/yhat1-steps': () =>
    chainEnds(
      [
        [2, 1],
        [0, 0],
        [-1, 3],
        [3.5, -2.5],
      ].map(([z1, z2]) => ({ env: { z1: z1!, z2: z2! }, value: softmax([z1!, z2!])[0]! })),
      1e-12,
    ),
  // C = 3, the first score; the label sums to 1 (one-hot, and one case that is not).
  'softmax-dz/dz-steps': () =>
    chainEnds(
      (
        [
          [
            [1.5, 0.2, -0.5],
            [1, 0],
          ],
          [
            [0.3, -1.2, 2],
            [0, 1],
          ],
          [
            [-2, 1, 0.4],
            [0, 0],
          ],
          [
            [2.5, -2.5, 0],
            [0.3, 0.5],
          ],
        ] as const
      ).map(([scores, [y1, y2]]) => {
        const label = [y1, y2, 1 - y1 - y2];
        const numeric = numericGradient(
          (s) => categoricalCrossEntropy(softmax(Array.from(s)), label),
          Float64Array.from(scores),
        );
        return { env: { z1: scores[0], z2: scores[1], z3: scores[2], y1, y2 }, value: numeric[0]! };
      }),
      1e-6,
    ),
  // x = z1 with w1 = 1 and b1 = 0, so backprop's db1 is dz1 at that z1.
  'shallow-backprop/dz1-steps': () =>
    chainEnds(
      [
        [0.7, 1.5, 0.1, 1],
        [-1.3, -0.6, -0.3, 0],
        [1.9, 1.8, 0.5, 0.2],
      ].map(([z1, w2, b2, y]) => {
        const config: TwoLayerConfig = { hidden: 'tanh', output: 'sigmoid' };
        const params = { W1: fromRows([[1]]), b1: columnVector([0]), W2: fromRows([[w2!]]), b2: columnVector([b2!]) };
        const X = fromRows([[z1!]]);
        const grads = backwardTwoLayer(params, forwardTwoLayer(params, X, config).cache, X, rowVector([y!]), config);
        return { env: { z1: z1!, w2: w2!, b2: b2!, y: y! }, value: get(grads.db1, 0, 0) };
      }),
    ),
  // One unit per layer with the linear activation: z2 by src/ml's forward pass.
  'act-linear-collapse/collapse-steps': () =>
    chainEnds(
      [
        [1, 2, -1, 0.5, 1.5],
        [-2.5, -0.3, 1.2, -1.7, 0],
        [0.4, 1.9, 2, 1.1, -2],
      ].map(([x, w1, b1, w2, b2]) => {
        const params = {
          W1: fromRows([[w1!]]),
          b1: columnVector([b1!]),
          W2: fromRows([[w2!]]),
          b2: columnVector([b2!]),
        };
        const { cache } = forwardTwoLayer(params, fromRows([[x!]]), { hidden: 'linear', output: 'sigmoid' });
        return { env: { x: x!, w1: w1!, b1: b1!, w2: w2!, b2: b2! }, value: get(cache.Z2, 0, 0) };
      }),
    ),
};

const readingX = fromRows([
  [1, 4, -2, 0],
  [3, 0, 5, 2],
  [-1, 6, 1, 7],
]);
const oneStepX = fromRows([
  [2, -1, 0],
  [1, 3, -2],
]);
const oneStepY = rowVector([1, 0, 1]);
const oneStepAfter = () => {
  const start = { w: zeros(2, 1), b: 0 };
  return logisticStep(start, logisticGradients(start, oneStepX, oneStepY), 0.3);
};
const hessianX = fromRows([
  [1, 2],
  [-1, 1],
]);
const hessianY = rowVector([1, 0]);
const curvaturePoints = [0, 1].flatMap((y) =>
  [
    [-1.5, 1],
    [0.4, -2],
    [2, 0.7],
    [-0.3, 2.5],
  ].map(([w, x]) => ({ w: w!, x: x!, y })),
);
// Inside the steps answers' domains (x in [-2, 2]).
const stepsCurvaturePoints = [0, 1].flatMap((y) =>
  [
    [-1.5, 1],
    [0.4, -2],
    [2, 0.7],
    [-0.3, 1.8],
  ].map(([w, x]) => ({ w: w!, x: x!, y })),
);
const collapse = {
  W1: fromRows([
    [1, 2],
    [0, -1],
    [3, 1],
  ]),
  b1: columnVector([1, 0, -2]),
  W2: rowVector([2, 1, -1]),
  b2: columnVector([2]),
};

function shapesNet() {
  const params = initTwoLayer({ nX: 4, nH: 6, nY: 1 }, mulberry32(1), 0.5);
  const X = zeros(4, 10);
  return { params, X, cache: forwardTwoLayer(params, X, sigmoidNet).cache };
}

function gradientShapes() {
  const { params, X, cache } = shapesNet();
  const Y = rowVector(Array.from({ length: 10 }, (_, i) => i % 2));
  const dZ2 = sub(cache.A2, Y);
  const dZ1 = mul(matmul(transpose(params.W2), dZ2), activateDerivative(cache.Z1, sigmoid));
  return { cache, dZ2, dZ1, grads: backwardTwoLayer(params, cache, X, Y, sigmoidNet) };
}

const scullyGrads = () => {
  const { cache } = forwardTwoLayer(scully, scullyX, sigmoidNet);
  return backwardTwoLayer(scully, cache, scullyX, rowVector([1]), sigmoidNet);
};

/** 1-1-1 networks with a tanh hidden unit, one example each: the scalars and backprop's gradients. */
function tinyTanhNets() {
  const config: TwoLayerConfig = { hidden: 'tanh', output: 'sigmoid' };
  return [
    { w1: 0.8, b1: -0.2, w2: 1.5, b2: 0.1, x: 0.7, y: 1 },
    { w1: -1.2, b1: 0.4, w2: -0.6, b2: -0.3, x: 1.9, y: 0 },
    { w1: 0.3, b1: 0.9, w2: 1.8, b2: 0.5, x: -2.2, y: 0 },
  ].map(({ w1, b1, w2, b2, x, y }) => {
    const params = { W1: fromRows([[w1]]), b1: columnVector([b1]), W2: fromRows([[w2]]), b2: columnVector([b2]) };
    const X = fromRows([[x]]);
    const { A2, cache } = forwardTwoLayer(params, X, config);
    const grads = backwardTwoLayer(params, cache, X, rowVector([y]), config);
    return { env: { w2, dz2: get(A2, 0, 0) - y, a1: get(cache.A1, 0, 0), x }, grads };
  });
}

const logOdds = (p: number) => Math.log(p / (1 - p));
function twoClassLine(w1: number, b1: number, w2: number, b2: number) {
  const at = (x: number) => logOdds(softmax([w1 * x + b1, w2 * x + b2])[0]!);
  return { slope: at(1) - at(0), intercept: at(0) };
}

// ---------------------------------------------------------------------------------------------
// Expected values against the references
// ---------------------------------------------------------------------------------------------

const answers = exercises.flatMap(({ data }) => data.answers.map((spec) => ({ key: `${data.id}/${spec.name}`, spec })));

function close(actual: number, expected: number, tolerance: number): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-12;
}

function variablesOf(spec: ExerciseAnswer): string[] {
  return spec.type === 'expression' || spec.type === 'steps' ? Object.keys(spec.variables) : [];
}

/** The names a student types in an answer: its variables, and for a steps answer the names `where` defines. */
function namesOf(spec: ExerciseAnswer): string[] {
  return [...variablesOf(spec), ...(spec.type === 'steps' ? Object.keys(spec.where ?? {}) : [])];
}

/** A formula of a steps answer at a point of its variables, with the names `where` defines computed first. */
function evaluateStep(spec: StepsAnswer, text: string, env: Env): number {
  const full: Env = { ...env };
  const read = (formula: string) => {
    const result = parseExpression(formula, { variables: Object.keys(full) });
    if (!result.ok) throw new Error(`${formula}: ${result.error.message}`);
    return result.ast;
  };
  for (const [name, formula] of Object.entries(spec.where ?? {})) full[name] = evaluate(read(formula), full);
  return evaluate(read(text), full);
}

describe('the expected answers', () => {
  it('each have a reference computed by src/ml, and every reference an answer', () => {
    expect(answers.map((a) => a.key).filter((key) => !(key in references))).toEqual([]);
    expect(Object.keys(references).filter((key) => !answers.some((a) => a.key === key))).toEqual([]);
  });

  it.each(answers)('$key reads, checks itself as correct, and agrees with src/ml', ({ key, spec }) => {
    expect(validateAnswer(spec)).toBeNull();
    expect(checkExerciseAnswer(spec, spec.expected).status).toBe('correct');
    const reference = references[key]!();
    expect(reference.type).toBe(spec.type);
    switch (reference.type) {
      case 'number':
      case 'vector': {
        if (spec.type !== 'number' && spec.type !== 'vector') break;
        const value = expectedValue(spec);
        const values = typeof value === 'number' ? [value] : value;
        const wanted = reference.type === 'number' ? [reference.value] : reference.value;
        expect(values.length).toBe(wanted.length);
        values.forEach((value, i) =>
          expect(
            close(value, wanted[i]!, reference.tolerance ?? 1e-9),
            `entry ${i + 1}: ${value} against ${wanted[i]}`,
          ).toBe(true),
        );
        break;
      }
      case 'shape':
        if (spec.type === 'shape') expect(expectedValue(spec)).toEqual(reference.value);
        break;
      case 'steps': {
        if (spec.type !== 'steps') break;
        expect(reference.cases.length).toBeGreaterThanOrEqual(3);
        for (const { env, value } of reference.cases) {
          expect(Object.keys(env).sort()).toEqual(variablesOf(spec).sort());
          for (const [name, [low, high]] of Object.entries(spec.variables)) {
            expect(env[name], name).toBeGreaterThanOrEqual(low);
            expect(env[name], name).toBeLessThanOrEqual(high);
          }
          const got = evaluateStep(spec, spec.expected, env);
          expect(
            close(got, value, reference.tolerance ?? 1e-9),
            `at ${JSON.stringify(env)}: ${got} against ${value}`,
          ).toBe(true);
        }
        break;
      }
      case 'expression': {
        if (spec.type !== 'expression') break;
        const read = parseExpression(spec.expected, { variables: variablesOf(spec) });
        if (!read.ok) throw new Error(read.error.message);
        expect(reference.cases.length).toBeGreaterThanOrEqual(3);
        for (const { env, value } of reference.cases) {
          // The points where the formula is checked lie in the domains the checker samples.
          for (const [name, [low, high]] of Object.entries(spec.variables)) {
            expect(env[name], name).toBeGreaterThanOrEqual(low);
            expect(env[name], name).toBeLessThanOrEqual(high);
          }
          const got = evaluate(read.ast, env);
          expect(
            close(got, value, reference.tolerance ?? 1e-9),
            `at ${JSON.stringify(env)}: ${got} against ${value}`,
          ).toBe(true);
        }
        break;
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// What students type
// ---------------------------------------------------------------------------------------------

/** Equivalent forms a student may type are accepted; typical mistakes, and the slides' numbers where they are wrong, are not. */
const studentAnswers: [key: string, input: string, status: 'correct' | 'incorrect'][] = [
  ['bin-pixel-index/index', '4096(c-1) + 64(r-1) + k', 'correct'],
  ['bin-pixel-index/index', '(c-1)*4096 + (r-1)*64 + k - 1', 'incorrect'], // counted from 0
  ['bin-dataset-shapes/inputs', '(12288, 500)', 'correct'],
  ['bin-dataset-shapes/inputs', '500 x 12288', 'incorrect'], // one example per row
  ['bin-dataset-shapes/example', '64*64*3, 1', 'correct'], // n_x computed in the field
  ['lr-sigmoid-derivative/dsigma', 'exp(-z)/(1+exp(-z))^2', 'correct'],
  ['lr-sigmoid-derivative/dsigma', 'sigma(z)^2', 'incorrect'],
  ['lr-sigmoid-derivative/dsigma-a', 'a - a^2', 'correct'],
  ['lr-sigmoid-derivative/dsigma-a', 'a(1+a)', 'incorrect'],
  ['lr-dz/da', '(a - y)/(a(1-a))', 'correct'],
  ['lr-dz/dz', '-(y - a)', 'correct'],
  ['lr-dz/dz', 'y - a', 'incorrect'],
  ['lr-dz/dz', '(a - y) a (1 - a)', 'incorrect'], // the squared error's dz
  ['lr-dz/dw1', 'x1 (a - y)', 'correct'],
  ['lr-one-step/cost', 'ln(2)', 'correct'],
  ['lr-one-step/dw', '-0.5, 0.6667', 'correct'],
  ['lr-one-step/dw', '-0.25, 0.3333', 'incorrect'], // Scully's 1/(2m)
  ['cvx-se-chord/gap-se', '-0.1356', 'correct'],
  ['cvx-se-chord/gap-se', '0.1356', 'incorrect'],
  ['cvx-se-curvature/d2', 'x^2 a (1-a) (2a - 3a^2 + y(2a - 1))', 'correct'],
  ['cvx-se-curvature/d2', 'x^2 a (1-a)^2 (3a - 1)', 'incorrect'], // right for y = 1 only
  ['cvx-ce-convex/d2', 'x^2 a - x^2 a^2', 'correct'],
  ['cvx-ce-convex/d2', 'x a (1 - a)', 'incorrect'],
  ['cvx-hessian/hessian', '0.625, 0.125, 0.125, 0.25', 'correct'],
  ['shallow-shapes/w1', '6x4', 'correct'],
  ['shallow-shapes/w1', '4, 6', 'incorrect'],
  ['shallow-forward/z1', '0.52, 0.2, 1.22', 'correct'],
  ['shallow-forward/z1', '0.52, 0.55, 1.22', 'incorrect'], // the slide
  ['shallow-forward/yhat', '0.6703', 'correct'],
  ['shallow-forward/yhat', '0.68', 'incorrect'], // the slide
  ['shallow-backprop/dz1', 'w2 dz2 (1 - a1)(1 + a1)', 'correct'],
  ['shallow-backprop/dz1', 'w2 dz2 a1 (1 - a1)', 'incorrect'], // the sigmoid's derivative
  ['shallow-backprop-numbers/dz1', '-0.015417, -0.048957, -0.011603', 'correct'],
  ['act-tanh-derivative/dtanh', '4/(exp(z) + exp(-z))^2', 'correct'],
  ['act-tanh-derivative/dtanh', '1 - tanh(z)', 'incorrect'],
  ['act-tanh-derivative/dtanh-a', '(1 - a)(1 + a)', 'correct'],
  ['act-vanishing/tanh5', '1.760e-6', 'correct'],
  ['softmax-four-classes/yhat', '0.8420, 0.04192, 0.002087, 0.1140', 'correct'],
  ['softmax-four-classes/loss', '3.172', 'correct'],
  ['softmax-two-classes/d', 'z1 - z2', 'correct'],
  ['softmax-two-classes/d', 'z2 - z1', 'incorrect'],
  ['softmax-dz/dz', 'ŷ - y', 'correct'],
  ['softmax-dz/dz', 'y - yhat', 'incorrect'],
  ['softmax-three-classes/yhat', '0.9523, 0.0003195, 0.04741', 'correct'],
  ['softmax-three-classes/yhat', '0.952, 0.00037, 0.048', 'incorrect'], // the slide
  ['softmax-three-classes/sad', '-0.021', 'incorrect'], // the slide: base 10, sign lost
  ['softmax-three-classes/angry', '1.31', 'incorrect'], // the slide: base 10
  ['softmax-three-classes/angry', '3.049', 'correct'],
  // Derivations in steps: a right chain written otherwise, and the slips the lessons warn about.
  ['lr-sigmoid-derivative/dsigma-steps', 'd/dz σ(z) = e^(-z) / (1 + e^(-z))^2\n= σ(z) − σ(z)²', 'correct'],
  ['lr-sigmoid-derivative/dsigma-steps', 'exp(-z) / (1 + exp(-z))\n= sigma(z) exp(-z)', 'incorrect'], // the square dropped
  ['lr-dz/dz-steps', '(-y/a + (1 - y)/(1 - a)) a (1 - a)\n= -y (1 - a) + (1 - y) a\n= y - a', 'incorrect'], // the sign
  ['shallow-backprop/dz1-steps', '(a2 - y) w2 (1 - a1^2)\n= w2 (a2 - y) a1 (1 - a1)', 'incorrect'], // the sigmoid's derivative for tanh's
  ['softmax-dz/dz-steps', '-y1 (1 - yhat1) + y2 yhat1 + y3 yhat1\n= yhat1 - y1', 'correct'],
];

describe('typical student answers', () => {
  it.each(studentAnswers)('%s: %s is %s', (key, input, status) => {
    const answer = answers.find((a) => a.key === key);
    expect(answer, key).toBeDefined();
    expect(checkExerciseAnswer(answer!.spec, input).status).toBe(status);
  });

  it('bin-pixel-index/index answers a wrong formula with a real pixel: a whole row, column and channel', () => {
    const { spec } = answers.find((a) => a.key === 'bin-pixel-index/index')!;
    expect(checkExerciseAnswer(spec, '(c - 1)*4096 + r*64 + k').message).toMatch(
      /^Not correct: at r = \d+, k = \d+, c = [123] yours is \d+, but the expected value is \d+\.$/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Derivations in steps
// ---------------------------------------------------------------------------------------------

/**
 * The derivation and proof exercises without a steps answer, and why: their argument is not a
 * chain of equalities in variables the checker can sample.
 */
const WITHOUT_STEPS: Readonly<Record<string, string>> = {
  'bin-pixel-index': 'a count of the entries before a pixel: the count is the answer, not a chain from a start',
  'cvx-se-chord': 'a computation with numbers, without a variable to sample',
};

/**
 * The chains a solution shows, by steps answer: a fenced block `text steps=<answer name>`, one
 * step per line, exactly as a student would type it into the steps field.
 */
function solutionChains(body: string): Map<string, string> {
  const solution = body.slice(body.indexOf('<Solution>'));
  const chains = new Map<string, string>();
  for (const [, indent, name, block] of solution.matchAll(/^( *)```text steps=([\w-]+)\n([\s\S]*?)\n *```$/gm)) {
    expect(chains.has(name!), `two chains for ${name}`).toBe(false);
    chains.set(
      name!,
      block!
        .split('\n')
        .map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line))
        .join('\n'),
    );
  }
  return chains;
}

describe('derivations in steps', () => {
  it('every derivation and proof has a steps answer, or a reason here why not', () => {
    for (const { data } of exercises.filter((e) => e.data.kind === 'derivation' || e.data.kind === 'proof')) {
      const has = data.answers.some((answer) => answer.type === 'steps');
      expect(has || data.id in WITHOUT_STEPS, `${data.id} has no steps answer`).toBe(true);
      expect(has && data.id in WITHOUT_STEPS, `${data.id} has a steps answer and is listed without one`).toBe(false);
    }
  });

  it.each(
    exercises
      .filter(({ data }) => data.answers.some((answer) => answer.type === 'steps'))
      .map((e) => [e.data.id, e] as const),
  )('%s: the solution shows each steps answer as a chain the checker accepts, line by line', (_id, { data, body }) => {
    const chains = solutionChains(body);
    const steps = data.answers.filter((answer): answer is StepsAnswer => answer.type === 'steps');
    expect([...chains.keys()].sort()).toEqual(steps.map((answer) => answer.name).sort());
    for (const answer of steps) {
      const verdict = checkStepsAnswer(answer, chains.get(answer.name)!);
      expect(
        verdict.steps!.filter((step) => step.status !== 'follows').map((step) => `line ${step.line}: ${step.message}`),
        answer.name,
      ).toEqual([]);
      expect(verdict.status, `${answer.name}: ${verdict.message}`).toBe('correct');
      expect(verdict.steps!.length, `${answer.name}: a chain of one line shows no step`).toBeGreaterThanOrEqual(2);
      // Every milestone is a form the worked chain passes through.
      const reached = new Set(verdict.steps!.map((step) => step.milestone?.index));
      (answer.milestones ?? []).forEach((milestone, i) =>
        expect(reached.has(i), `${answer.name}: no line of the chain is ${milestone.form}`).toBe(true),
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// What the exercises say about the lectures' printed numbers
// ---------------------------------------------------------------------------------------------

describe('the lecture numbers the exercises quote', () => {
  it("06a: softmax of [5, 2, −1, 3] rounds to the slide's 0.842, 0.042, 0.002, 0.114 and sum 176.3", () => {
    const yhat = softmax([5, 2, -1, 3]);
    [0.842, 0.042, 0.002, 0.114].forEach((p, i) => expect(Math.abs(yhat[i]! - p)).toBeLessThan(0.0005));
    expect(Math.abs([5, 2, -1, 3].map(Math.exp).reduce((a, b) => a + b, 0) - 176.3)).toBeLessThan(0.05);
  });

  it('02 (Scully): only the largest of [0.952, 0.00037, 0.048] is right for scores [6, −2, 3]', () => {
    const yhat = softmax([6, -2, 3]);
    expect(Math.abs(yhat[0]! - 0.952)).toBeLessThan(0.0005);
    expect(Math.abs(yhat[1]! - 0.00037)).toBeGreaterThan(0.00004); // exact 0.000319
    expect(Math.abs(yhat[2]! - 0.048)).toBeGreaterThan(0.0005); // exact 0.0474
  });

  it('02 (Scully): the losses −0.021 and 1.31 are base-10 logarithms (the first with its sign lost)', () => {
    expect(Math.log10(0.952)).toBeCloseTo(-0.021, 3);
    expect(Math.trunc(-Math.log10(0.048) * 100) / 100).toBe(1.31);
    expect(categoricalCrossEntropy(softmax([6, -2, 3]), [1, 0, 0])).toBeGreaterThan(0);
  });

  it("02 (Scully): the forward pass is 0.52, 0.20, 1.22 and 0.6703, not the slide's 0.55 and 0.68", () => {
    const { A2, cache } = forwardTwoLayer(scully, scullyX, sigmoidNet);
    expect(toArray(cache.Z1).map((z) => Math.round(z * 100) / 100)).toEqual([0.52, 0.2, 1.22]);
    expect(sigmoid.fn(get(cache.Z1, 1, 0))).toBeCloseTo(0.55, 2); // the slide's "pre-activation" is σ(0.20)
    expect(sigmoid.fn(0.55)).toBeCloseTo(0.63, 2); // and its activation the sigmoid taken twice
    expect(get(A2, 0, 0)).toBeCloseTo(0.6703, 4);
    expect(sigmoid.fn(0.2 * 0.62 + 0.6 * 0.63 + 0.2 * 0.77 + 0.1)).toBeCloseTo(0.68, 2); // the slide's chain
  });

  it('01: a 64 × 64 RGB image has 12288 features', () => {
    expect(flattenImage(blankImage(64, 64)).length).toBe(12288);
  });
});
