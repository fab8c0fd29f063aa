// A lesson cell that computes by hand something src/ml computes (a softmax from exponentials,
// a gradient from its formula, a network one neuron at a time) must agree with src/ml, and not
// only at the lesson's own numbers: softmax-stable's "naive" row exponentiated twice, which
// happened to give the right answer for 1000, 0 (NaN either way) and printed 3.8e-8 for 3, 1, −2
// where the shifted row printed 0.876. Each case below runs its lesson, as the build does, with
// other inputs or other numbers in the cell's code, and compares with src/ml.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  activations,
  categoricalCrossEntropy,
  chordSample,
  columnVector,
  convexityProbe,
  convexityProbeAlong,
  forwardTwoLayer,
  fromRows,
  hardmax,
  logisticCost,
  logisticForward,
  logisticGradients,
  numericGradient,
  relativeError,
  sigmoid,
  softmax,
  tanh,
  toArray,
  type Matrix,
  type TwoLayerConfig,
  type TwoLayerParams,
} from '../../src/ml';
import { lessonCells, runLesson, tableRows, type LessonRun, type Variation } from './lessonCells';

/** |actual − expected| ≤ tolerance × max(1, |expected|), entry by entry. */
function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  what: string,
  tolerance = 1e-9,
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, `${what}: length`).toBe(e.length);
  e.forEach((ej, j) => {
    const aj = a[j]!;
    expect(Number.isFinite(aj), `${what}[${j}] is ${aj}, src/ml gives ${ej}`).toBe(Number.isFinite(ej));
    if (Number.isFinite(ej))
      expect(Math.abs(aj - ej), `${what}[${j}] is ${aj}, src/ml gives ${ej}`).toBeLessThanOrEqual(
        tolerance * Math.max(1, Math.abs(ej)),
      );
  });
}

const matrixValues = (m: Matrix) => toArray(m);
const numbersOf = (row: Record<string, unknown>, columns: string[]) => columns.map((column) => row[column] as number);

interface Case {
  /** The lesson file and the cells whose computation is checked. */
  readonly file: string;
  readonly cells: readonly string[];
  /** What src/ml computes that the cells compute by hand. */
  readonly claim: string;
  readonly variations: readonly Variation[];
  readonly check: (run: LessonRun, variation: Variation) => void;
}

const cases: Case[] = [
  {
    file: '06-softmax.mdx',
    cells: ['softmax-stable'],
    claim:
      'the naive formula e^z / Σ e^z agrees with softmax wherever no exponential overflows; the shifted row is softmax, the last hardmax',
    variations: [
      { inputs: { scores: [3, 1, -2], scale: 1 } },
      { inputs: { scores: [0.5, -4, 2, 1], scale: 2.5 } },
      { inputs: { scores: [-20, -21, -25], scale: 0.3 } },
      { inputs: { scores: [1000, 0], scale: 1 } },
    ],
    check(run) {
      const scaled = run.value<number[]>('scaled');
      const [naive, shifted, hard] = tableRows(run.display('softmax-stable'));
      const classes = scaled.map((_, i) => `class ${i + 1}`);
      expectClose(numbersOf(shifted!, classes), softmax(scaled), 'shifted row');
      expectClose(numbersOf(hard!, classes), hardmax(scaled), 'hardmax row');
      // e^709 is the largest exponential a double holds; below that the naive formula is exact enough.
      if (Math.max(...scaled.map(Math.abs)) < 700)
        expectClose(numbersOf(naive!, classes), softmax(scaled), 'naive row');
    },
  },
  {
    file: '06-softmax.mdx',
    cells: ['softmax-four', 'softmax-sum'],
    claim: 'the exponentials t divided by their sum are softmax(z)',
    variations: [{ edits: [{ cell: 'softmax-four', from: '[5, 2, -1, 3]', to: '[0.5, -4, 2, 7]' }] }, {}],
    check(run) {
      const z = run.value<number[]>('z');
      const total = run.value<number>('total');
      expectClose(
        run.value<number[]>('t').map((ti) => ti / total),
        softmax(z),
        't / total',
      );
      expectClose(run.value<number[]>('yhat'), softmax(z), 'yhat');
    },
  },
  {
    file: '06-softmax.mdx',
    cells: ['softmax-three-t', 'softmax-three-sum'],
    claim: "Scully's exponentials divided by their sum are softmax(zFace)",
    variations: [{ edits: [{ cell: 'softmax-three-t', from: '[6, -2, 3]', to: '[1, 2, -3]' }] }, {}],
    check(run) {
      const zFace = run.value<number[]>('zFace');
      const totalFace = run.value<number>('totalFace');
      expectClose(
        run.value<number[]>('tFace').map((ti) => ti / totalFace),
        softmax(zFace),
        'tFace / totalFace',
      );
    },
  },
  {
    file: '06-softmax.mdx',
    cells: ['softmax-loss-bases'],
    claim: '−ln p is the categorical cross-entropy of a prediction that gives the true class probability p',
    variations: [{ edits: [{ cell: 'softmax-loss-bases', from: '[0.952, 0.048]', to: '[0.3, 0.999, 0.02]' }] }, {}],
    check(run) {
      for (const row of tableRows(run.display('softmax-loss-bases'))) {
        const p = row['p'] as number;
        expectClose(row['−ln p (this course)'] as number, categoricalCrossEntropy([p, 1 - p], [1, 0]), `−ln ${p}`);
      }
    },
  },
  {
    file: '06-softmax.mdx',
    cells: ['softmax-two-classes'],
    claim: 'the first of two softmax outputs is σ(z1 − z2)',
    variations: [
      {
        edits: [
          {
            cell: 'softmax-two-classes',
            from: '[[2, 1], [0, 0], [-1, 3], [5, -5], [0.3, 0.7]]',
            to: '[[4, -1], [-3, -2.5], [30, -30]]',
          },
        ],
      },
      {},
    ],
    check(run) {
      for (const row of tableRows(run.display('softmax-two-classes'))) {
        const [z1, z2] = [row['z1'] as number, row['z2'] as number];
        expectClose(row['σ(z1 − z2)'] as number, softmax([z1, z2])[0]!, `σ(${z1} − ${z2})`, 1e-12);
        expectClose(row['gap'] as number, 0, 'gap', 1e-12);
      }
    },
  },
  {
    file: '06-softmax.mdx',
    cells: ['softmax-dz-check'],
    claim: 'ŷ − y is the gradient of the cross-entropy of softmax',
    variations: [
      {
        edits: [
          { cell: 'softmax-four', from: '[5, 2, -1, 3]', to: '[-1, 0.5, 2, -3]' },
          { cell: 'softmax-dz-check', from: 'const yTrue = [0, 1, 0, 0]', to: 'const yTrue = [0, 0, 0, 1]' },
        ],
      },
    ],
    check(run) {
      const z = run.value<number[]>('z');
      const yTrue = run.value<number[]>('yTrue');
      const numeric = numericGradient(
        (scores) => categoricalCrossEntropy(softmax(Array.from(scores)), yTrue),
        Float64Array.from(z),
      );
      expect(relativeError(run.value<number[]>('dzFormula'), numeric)).toBeLessThan(1e-7);
    },
  },
  {
    file: '02-logistic-regression.mdx',
    cells: ['lr-one-prediction', 'lr-bias-trick', 'lr-one-gradient'],
    claim:
      'one prediction, its loss and its gradients are what logisticForward, logisticCost and logisticGradients give for one example',
    variations: [
      {
        edits: [
          { cell: 'lr-one-prediction', from: '[1, 2]', to: '[-0.5, 3]' },
          { cell: 'lr-one-prediction', from: '[0.5, -0.25]', to: '[1.5, 0.75]' },
          { cell: 'lr-one-prediction', from: 'const b = 0.1', to: 'const b = -0.4' },
          { cell: 'lr-one-gradient', from: 'const label = 1', to: 'const label = 0' },
        ],
      },
      {},
    ],
    check(run) {
      const params = { w: run.value<Matrix>('w'), b: run.value<number>('b') };
      const x = run.value<Matrix>('x');
      const Y = fromRows([[run.value<number>('label')]]);
      const yhat = matrixValues(logisticForward(params, x))[0]!;
      expectClose(run.value<number>('yhat'), yhat, 'yhat');
      expectClose(run.value<number>('yhatTilde'), yhat, 'yhat with the bias trick');
      expectClose(run.value<number>('loss'), logisticCost(params, x, Y), 'loss');
      const gradients = logisticGradients(params, x, Y);
      expectClose(matrixValues(run.value<Matrix>('dwOne')), matrixValues(gradients.dw), 'dw');
      expectClose(run.value<number>('dbOne'), gradients.db, 'db');
    },
  },
  {
    file: '02-logistic-regression.mdx',
    cells: ['lr-vector-forward', 'lr-vector-gradients'],
    claim: 'the vectorised forward pass and gradients are logisticForward and logisticGradients',
    variations: [
      {
        edits: [
          { cell: 'lr-data', from: '[1, 2, -1, -2]', to: '[0.5, -3, 2, 1, 4]' },
          { cell: 'lr-data', from: '[2, 0.5, -1, 0.5]', to: '[1, 1, -2, 0, -1]' },
          { cell: 'lr-data', from: '[[1, 1, 0, 0]]', to: '[[0, 1, 1, 0, 1]]' },
          { cell: 'lr-vector-forward', from: 'const w0 = zeros(2, 1)', to: 'const w0 = columnVector([0.4, -1.1])' },
          { cell: 'lr-vector-forward', from: 'const b0 = 0', to: 'const b0 = 0.3' },
        ],
      },
      {},
    ],
    check(run) {
      const params = { w: run.value<Matrix>('w0'), b: run.value<number>('b0') };
      const [X, Y] = [run.value<Matrix>('X'), run.value<Matrix>('Y')];
      expectClose(matrixValues(run.value<Matrix>('A')), matrixValues(logisticForward(params, X)), 'A');
      const gradients = logisticGradients(params, X, Y);
      expectClose(matrixValues(run.value<Matrix>('dw')), matrixValues(gradients.dw), 'dw');
      expectClose(run.value<number>('db'), gradients.db, 'db');
    },
  },
  {
    file: '03-convexity.mdx',
    cells: ['se-ce-functions'],
    claim: 'the two losses of one weight are logisticCost of one example with the squared error and the cross-entropy',
    variations: [
      {
        edits: [
          { cell: 'se-ce-functions', from: 'const xOne = 1', to: 'const xOne = -2' },
          { cell: 'se-ce-functions', from: 'const yOne = 1', to: 'const yOne = 0' },
        ],
      },
      {},
    ],
    check(run) {
      const [xOne, yOne] = [run.value<number>('xOne'), run.value<number>('yOne')];
      for (const w of [-7, -1.5, 0, 0.3, 4]) {
        const cost = (loss: 'squaredError' | 'crossEntropy') =>
          logisticCost({ w: fromRows([[w]]), b: 0 }, fromRows([[xOne]]), fromRows([[yOne]]), loss);
        expectClose(run.value<(w: number) => number>('seLoss')(w), cost('squaredError'), `seLoss(${w})`);
        expectClose(run.value<(w: number) => number>('ceLoss')(w), cost('crossEntropy'), `ceLoss(${w})`);
      }
    },
  },
  {
    file: '03-convexity.mdx',
    cells: ['chord-probes'],
    claim: "each verdict is convexityProbe's, and a gap is a violation exactly when it lies below minus its tolerance",
    variations: [
      {},
      {
        edits: [
          { cell: 'chord-probes', from: '{ range: [-3, 3], samples: 31 }', to: '{ range: [-1, 2], samples: 17 }' },
        ],
      },
    ],
    check(run) {
      const candidates = run.value<{ name: string; f: (x: number) => number }[]>('candidates');
      const rows = tableRows(run.display('chord-probes'));
      const convex = new Set(['x²', 'eˣ', '|x|', '2x + 1']);
      rows.forEach((row, i) => {
        const gap = row['smallest gap'] as number;
        const tolerance = row['tolerance'] as number;
        expect(row['no violation found'], `${String(row['f(x)'])}: gap ${gap}, tolerance ${tolerance}`).toBe(
          gap >= -tolerance ? 'yes' : 'no',
        );
        expect(row['no violation found'], String(row['f(x)'])).toBe(convex.has(candidates[i]!.name) ? 'yes' : 'no');
      });
      expect(
        candidates.map((c) => convexityProbe(c.f, { range: [-3, 3], samples: 31 }).convex).filter(Boolean),
      ).toHaveLength(convex.size);
    },
  },
  {
    file: '03-convexity.mdx',
    cells: ['chord-worked'],
    claim: 'the graph, the chord and the gap are chordSample’s',
    variations: [
      {
        edits: [
          { cell: 'chord-worked', from: 'const w1 = -6', to: 'const w1 = -2.5' },
          { cell: 'chord-worked', from: 'const t = 0.5', to: 'const t = 0.2' },
        ],
      },
      {},
    ],
    check(run) {
      const [w1, w2, t] = [run.value<number>('w1'), run.value<number>('w2'), run.value<number>('t')];
      const fs = {
        'squared error': run.value<(w: number) => number>('seLoss'),
        'cross-entropy': run.value<(w: number) => number>('ceLoss'),
      };
      for (const row of tableRows(run.display('chord-worked'))) {
        const chord = chordSample(fs[row['loss'] as keyof typeof fs], w1, w2, t);
        expectClose(row['graph f(t·w1 + (1 − t)·w2)'] as number, chord.lhs, 'graph');
        expectClose(row['chord t·f(w1) + (1 − t)·f(w2)'] as number, chord.rhs, 'chord');
        expectClose(row['gap'] as number, chord.gap, 'gap');
      }
    },
  },
  {
    file: '03-convexity.mdx',
    cells: ['cvx-segment'],
    claim:
      'the cost along the segment is logisticCost, and a chord the cost rises above is a violation convexityProbeAlong finds too',
    variations: [
      { inputs: { wA: [-4, 1], wB: [3, -2], loss: 'squared error with a sigmoid' } },
      { inputs: { wA: [0.5, 0.5], wB: [-3, 2], loss: 'cross-entropy' } },
      { inputs: { wA: [-6, 0], wB: [2, 0], loss: 'squared error with a sigmoid' } },
    ],
    check(run, variation) {
      const [wA, wB] = [variation.inputs!['wA'] as number[], variation.inputs!['wB'] as number[]];
      const loss = variation.inputs!['loss'] === 'cross-entropy' ? 'crossEntropy' : 'squaredError';
      const [xSix, ySix] = [run.value<Matrix>('xSix'), run.value<Matrix>('ySix')];
      const cost = (p: number[]) => logisticCost({ w: fromRows([[p[0]!]]), b: p[1]! }, xSix, ySix, loss);
      expectClose(run.value<number>('costA'), cost(wA), 'cost at the first end');
      expectClose(run.value<number>('costB'), cost(wB), 'cost at the second end');
      const fails = /fails/.test(run.value<string>('verdict'));
      if (fails) expect(convexityProbeAlong(cost, wA, wB, { samples: 41 }).convex).toBe(false);
      if (loss === 'crossEntropy') expect(fails).toBe(false);
    },
  },
  {
    file: '04-shallow-networks.mdx',
    cells: ['net-weights', 'net-z1', 'net-a1', 'net-z2', 'net-a2', 'net-z3', 'net-a3', 'net-output-z', 'net-output'],
    claim: "the forward pass one neuron at a time is forwardTwoLayer's",
    variations: [
      {
        edits: [
          { cell: 'net-weights', from: 'const x = [0.2, 0.5, -0.9]', to: 'const x = [1, -2, 0.3]' },
          { cell: 'net-weights', from: 'const b2 = 0.1', to: 'const b2 = -0.5' },
          { cell: 'net-weights', from: '[0.2, 0.3, 0.1],', to: '[-0.7, 0.3, 2.1],' },
        ],
      },
      {},
    ],
    check(run) {
      const params: TwoLayerParams = {
        W1: fromRows(run.value<number[][]>('W1')),
        b1: columnVector(run.value<number[]>('b1')),
        W2: fromRows([run.value<number[]>('W2')]),
        b2: fromRows([[run.value<number>('b2')]]),
      };
      const { cache } = forwardTwoLayer(params, columnVector(run.value<number[]>('x')), {
        hidden: 'sigmoid',
        output: 'sigmoid',
      });
      expectClose(
        ['z1_1', 'z1_2', 'z1_3'].map((name) => run.value<number>(name)),
        matrixValues(cache.Z1),
        'Z1',
      );
      expectClose(
        ['a1_1', 'a1_2', 'a1_3'].map((name) => run.value<number>(name)),
        matrixValues(cache.A1),
        'A1',
      );
      expectClose(run.value<number>('z2'), matrixValues(cache.Z2)[0]!, 'Z2');
      expectClose(run.value<number>('a2'), matrixValues(cache.A2)[0]!, 'A2');
    },
  },
  {
    file: '04-shallow-networks.mdx',
    cells: ['net-loop', 'net-vectorised'],
    claim: "the loop over examples and the matrix forward pass are forwardTwoLayer's",
    variations: [
      {
        edits: [
          { cell: 'net-batch', from: 'const seed = 4', to: 'const seed = 11' },
          { cell: 'net-batch', from: 'hidden: "sigmoid"', to: 'hidden: "tanh"' },
        ],
      },
      {},
    ],
    check(run) {
      const { cache } = forwardTwoLayer(
        run.value<TwoLayerParams>('net'),
        run.value<Matrix>('X'),
        run.value<TwoLayerConfig>('config'),
      );
      expectClose(matrixValues(run.value<Matrix>('loopA2')), matrixValues(cache.A2), 'loop A2');
      expectClose(matrixValues(run.value<Matrix>('A2')), matrixValues(cache.A2), 'A2');
      expectClose(matrixValues(run.value<Matrix>('Z1')), matrixValues(cache.Z1), 'Z1');
    },
  },
  {
    file: '05-activations.mdx',
    cells: ['act-tanh-identity'],
    claim: '2σ(2z) − 1 is tanh, and 4σ′(2z) is its derivative',
    variations: [
      { edits: [{ cell: 'act-values', from: 'const zs = [-3, -1, 0, 1, 3]', to: 'const zs = [-7, -0.25, 0.5, 2.2]' }] },
      {},
    ],
    check(run) {
      for (const row of tableRows(run.display('act-tanh-identity'))) {
        const z = row['z'] as number;
        expectClose(row['2σ(2z) − 1'] as number, tanh.fn(z), `2σ(2·${z}) − 1`, 1e-12);
        expectClose(row['gap'] as number, 0, 'gap', 1e-12);
        expectClose(row['gap of derivative'] as number, 0, 'gap of derivative', 1e-12);
      }
    },
  },
  {
    file: '05-activations.mdx',
    cells: ['act-explorer-depth'],
    claim: 'the product along a path of equal pre-activations is the derivative to the power L',
    variations: [
      { inputs: { activation: 'tanh', depth: 7, zLayer: -1.5 } },
      { inputs: { activation: 'ReLU', depth: 12, zLayer: 0.75 } },
      { inputs: { activation: 'sigmoid', depth: 3, zLayer: 0 } },
    ],
    check(run, variation) {
      const { activation, depth, zLayer } = variation.inputs as { activation: string; depth: number; zLayer: number };
      const g = { sigmoid, tanh, ReLU: activations.relu }[activation]!;
      const [fixed, , best] = tableRows(run.display('act-explorer-depth'));
      expectClose(fixed![`product after ${depth} layers`] as number, g.derivative(zLayer) ** depth, 'fixed path');
      expectClose(best![`product after ${depth} layers`] as number, 0.25 ** depth, "the sigmoid's best case");
    },
  },
];

describe.each(cases.map((c) => [`${c.file} ${c.cells.join(', ')}`, c] as const))('%s', (_name, c) => {
  it.each(c.variations.map((v, i) => [i + 1, v] as const))(
    `agrees with src/ml (${c.claim}), variation %i`,
    (_i, variation) => {
      c.check(runLesson(c.file, variation), variation);
    },
  );
});

// A cell that exponentiates or takes logarithms by hand is re-deriving what src/ml has (softmax,
// sigmoid, the losses): it must be checked above, or say here why it is not.
const HAND_MATH = /\bMath\.(exp|expm1|log|log1p|log2|log10|tanh|sinh|cosh)\b/;
const notComputations: Record<string, string> = {
  'chord-probes': 'Math.exp is one of the functions probed for convexity, not a computation of one src/ml has',
};

describe('hand-written exponentials and logarithms in the lessons', () => {
  const checked = new Set(cases.flatMap((c) => c.cells));
  const files = readdirSync(new URL('../../content/lessons/', import.meta.url))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const handMath = files.flatMap((file) =>
    lessonCells(file)
      .filter((cell) => cell.kind === 'code' && HAND_MATH.test(cell.code))
      .map((cell) => [file, cell.id] as const),
  );

  it('are found (so this test checks something)', () => {
    expect(handMath.length).toBeGreaterThan(3);
  });

  it.each(handMath)('%s %s is checked against src/ml', (_file, id) => {
    expect(
      checked.has(id) || id in notComputations,
      `cell ${id} computes with Math.exp or Math.log: add a case above`,
    ).toBe(true);
  });
});
