import { describe, expect, it } from 'vitest';
import { oneHot, spiral, xor } from '../../src/ml/datasets';
import { columnVector, filled, fromRows, map, matrix, rowVector, shape, toArray, zeros } from '../../src/ml/matrix';
import type { Matrix } from '../../src/ml/matrix';
import { binaryCrossEntropyCost, categoricalCrossEntropyCost } from '../../src/ml/losses';
import { gaussian, mulberry32 } from '../../src/ml/random';
import {
  backwardTwoLayer,
  forwardTwoLayer,
  initTwoLayer,
  predictTwoLayer,
  trainTwoLayer,
  twoLayerCost,
  updateTwoLayer,
} from '../../src/ml/twoLayer';
import type { TwoLayerConfig, TwoLayerParams } from '../../src/ml/twoLayer';
import { expectAllClose, expectRangeError } from './expectations';

const sigmoidNet: TwoLayerConfig = { hidden: 'sigmoid', output: 'sigmoid' };

describe('Scully’s shallow network, forward pass', () => {
  // 02-logistic-regression-to-neural-networks.md, "Neural Networks": x = ⟨0.2, 0.5, −0.9⟩,
  // every bias 0.1, hidden weights as rows of W1, output weights W2 = [0.2, 0.6, 0.2],
  // sigmoid everywhere.
  const params: TwoLayerParams = {
    W1: fromRows([
      [1.2, 0.9, 0.3],
      [0.2, 0.3, 0.1],
      [1.3, 1.9, 0.1],
    ]),
    b1: filled(3, 1, 0.1),
    W2: fromRows([[0.2, 0.6, 0.2]]),
    b2: filled(1, 1, 0.1),
  };
  const x = columnVector([0.2, 0.5, -0.9]);
  const { A2, cache } = forwardTwoLayer(params, x, sigmoidNet);

  it('computes Z1 = [0.52, 0.2, 1.22], where the slide prints 0.55 for the second unit', () => {
    // Slide: 0.2·0.2 + 0.5·0.3 + (−0.9)·0.1 + 0.1 = 0.55. The terms sum to 0.04 + 0.15 − 0.09 + 0.1 = 0.2.
    // (0.55 is σ(0.2) = 0.5498 to two places: the slide seems to have written the activation.)
    expectAllClose(toArray(cache.Z1), [0.52, 0.2, 1.22], 14);
  });

  it('computes A1 = σ(Z1) ≈ [0.627, 0.550, 0.772], where the slide prints [0.62, 0.63, 0.77]', () => {
    // Unit 1: σ(0.52) = 0.6271 rounds to 0.63; the slide truncates it to 0.62.
    // Unit 2: the slide's 0.63 is σ(0.55) = 0.634, carried from its wrong pre-activation.
    expectAllClose(toArray(cache.A1), [0.6271477663131956, 0.549833997312478, 0.7720635494267837], 14);
  });

  it('computes the output z = 0.710 and ŷ = σ(z) ≈ 0.670, where the slide prints 0.756 and 0.68', () => {
    // Slide: 0.62·0.2 + 0.63·0.6 + 0.77·0.2 + 0.1 = 0.756 and σ(0.756) = 0.68, which is right for
    // its own rounded inputs; with the correct A1 the output is 0.7097 and σ(0.7097) = 0.6703.
    expect(cache.Z2.data[0]).toBeCloseTo(0.7097426615354826, 14);
    expect(A2.data[0]).toBeCloseTo(0.6703442949220304, 14);
    expect(0.62 * 0.2 + 0.63 * 0.6 + 0.77 * 0.2 + 0.1).toBeCloseTo(0.756, 14);
  });
});

describe('shapes through the network', () => {
  it('follows lecture 04: W1 (4,3), X (3,m) → Z1, A1 (4,m) → Z2, A2 (1,m)', () => {
    const rng = mulberry32(1);
    const params = initTwoLayer({ nX: 3, nH: 4, nY: 1 }, rng);
    const X = map(zeros(3, 5), () => gaussian(rng));
    const { A2, cache } = forwardTwoLayer(params, X, { hidden: 'tanh', output: 'sigmoid' });
    expect([params.W1, params.b1, params.W2, params.b2].map(shape)).toEqual([
      [4, 3],
      [4, 1],
      [1, 4],
      [1, 1],
    ]);
    expect([cache.Z1, cache.A1, cache.Z2, A2].map(shape)).toEqual([
      [4, 5],
      [4, 5],
      [1, 5],
      [1, 5],
    ]);
    const grads = backwardTwoLayer(params, cache, X, rowVector([1, 0, 0, 1, 1]), sigmoidNet);
    expect([grads.dW1, grads.db1, grads.dW2, grads.db2].map(shape)).toEqual([
      [4, 3],
      [4, 1],
      [1, 4],
      [1, 1],
    ]);
  });

  it('takes a 64×64×3 image as one column of nX = 12288 values', () => {
    // 01-binary-classification-logistic-regression-convexity.md: 64 × 64 × 3 = 12288 = nX.
    const nX = 64 * 64 * 3;
    expect(nX).toBe(12288);
    const params = initTwoLayer({ nX, nH: 2, nY: 1 }, mulberry32(2));
    const image = matrix(
      nX,
      1,
      Array.from({ length: nX }, (_, k) => (k % 256) / 255),
    );
    expect(shape(forwardTwoLayer(params, image, sigmoidNet).A2)).toEqual([1, 1]);
  });
});

describe('initialisation', () => {
  it('draws the same small weights from the same seed, with zero biases', () => {
    const a = initTwoLayer({ nX: 2, nH: 3, nY: 1 }, mulberry32(9));
    const b = initTwoLayer({ nX: 2, nH: 3, nY: 1 }, mulberry32(9));
    expect(toArray(a.W1)).toEqual(toArray(b.W1));
    expect(toArray(a.W2)).toEqual(toArray(b.W2));
    expect(toArray(a.b1)).toEqual([0, 0, 0]);
    expect(toArray(a.b2)).toEqual([0]);
    // scale 0.01 times N(0, 1) samples: far below 0.1 in practice.
    for (const w of [...toArray(a.W1), ...toArray(a.W2)]) expect(Math.abs(w)).toBeLessThan(0.1);
    // Distinct weights break the symmetry between hidden units.
    expect(new Set(toArray(a.W1)).size).toBe(6);
  });

  it('scales the weights by the given factor', () => {
    const small = initTwoLayer({ nX: 2, nH: 3, nY: 1 }, mulberry32(9));
    const large = initTwoLayer({ nX: 2, nH: 3, nY: 1 }, mulberry32(9), 1);
    expectAllClose(
      toArray(large.W1),
      toArray(small.W1).map((w) => w * 100),
      12,
    );
  });
});

describe('cost, update and prediction', () => {
  it('uses binary cross-entropy after a sigmoid and categorical cross-entropy after a softmax', () => {
    const A2 = fromRows([
      [0.7, 0.2],
      [0.3, 0.8],
    ]);
    const Y = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(twoLayerCost(A2, Y, { hidden: 'relu', output: 'softmax' })).toBeCloseTo(
      categoricalCrossEntropyCost(A2, Y),
      15,
    );
    expect(twoLayerCost(A2, Y, { hidden: 'relu', output: 'sigmoid' })).toBeCloseTo(binaryCrossEntropyCost(A2, Y), 15);
  });

  it('subtracts the learning rate times each gradient', () => {
    const params: TwoLayerParams = {
      W1: fromRows([[1, 2]]),
      b1: columnVector([3]),
      W2: fromRows([[4]]),
      b2: columnVector([5]),
    };
    const grads = {
      dW1: fromRows([[10, 20]]),
      db1: columnVector([30]),
      dW2: fromRows([[40]]),
      db2: columnVector([50]),
    };
    const next = updateTwoLayer(params, grads, 0.1);
    expect([next.W1, next.b1, next.W2, next.b2].map(toArray)).toEqual([[0, 0], [0], [0], [0]]);
  });

  it('predicts labels by threshold 0.5 for a sigmoid output and by argmax for a softmax output', () => {
    // A network whose output is its input, so the predictions can be read off X.
    const X = fromRows([
      [2, -1, 0.5],
      [-3, 4, 0.5],
    ]);
    const identityNet: TwoLayerParams = {
      W1: fromRows([
        [1, 0],
        [0, 1],
      ]),
      b1: zeros(2, 1),
      W2: fromRows([
        [1, 0],
        [0, 1],
      ]),
      b2: zeros(2, 1),
    };
    // Equal logits in column 3: argmax picks the first class.
    expect(toArray(predictTwoLayer(identityNet, X, { hidden: 'linear', output: 'softmax' }))).toEqual([0, 1, 0]);
    const firstRow: TwoLayerParams = { ...identityNet, W2: fromRows([[1, 0]]), b2: zeros(1, 1) };
    expect(toArray(predictTwoLayer(firstRow, X, { hidden: 'linear', output: 'sigmoid' }))).toEqual([1, 0, 1]);
  });
});

describe('training', () => {
  const accuracy = (predicted: Matrix, labels: Matrix) =>
    toArray(predicted).filter((v, j) => v === labels.data[j]).length / labels.cols;

  it('learns XOR with tanh hidden units to accuracy at least 0.95', () => {
    const data = xor(200, mulberry32(2));
    const config: TwoLayerConfig = { hidden: 'tanh', output: 'sigmoid' };
    const { params, costs } = trainTwoLayer(data.X, data.Y, config, {
      nH: 4,
      learningRate: 1,
      iterations: 500,
      rng: mulberry32(7),
      scale: 0.5,
    });
    expect(costs.at(-1)!).toBeLessThan(costs[0]! / 4);
    expect(accuracy(predictTwoLayer(params, data.X, config), data.Y)).toBeGreaterThanOrEqual(0.95);
  });

  it('learns a 3-class spiral with a softmax output to accuracy at least 0.9', () => {
    const data = spiral(150, mulberry32(3));
    const config: TwoLayerConfig = { hidden: 'tanh', output: 'softmax' };
    const { params, costs } = trainTwoLayer(data.X, oneHot(data.Y, 3), config, {
      nH: 10,
      learningRate: 1,
      iterations: 1000,
      rng: mulberry32(7),
      scale: 0.5,
    });
    expect(costs.at(-1)!).toBeLessThan(0.2);
    expect(accuracy(predictTwoLayer(params, data.X, config), data.Y)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('purity', () => {
  it('leaves parameters, inputs and the cache unchanged through forward, backward and update', () => {
    const rng = mulberry32(5);
    const params = initTwoLayer({ nX: 2, nH: 3, nY: 2 }, rng, 1);
    const X = map(zeros(2, 4), () => gaussian(rng));
    const Y = oneHot(rowVector([0, 1, 1, 0]), 2);
    const config: TwoLayerConfig = { hidden: 'relu', output: 'softmax' };
    const snapshot = (Ms: Matrix[]) => Ms.map(toArray);
    const before = snapshot([params.W1, params.b1, params.W2, params.b2, X, Y]);
    const { cache } = forwardTwoLayer(params, X, config);
    const cached = snapshot([cache.Z1, cache.A1, cache.Z2, cache.A2]);
    const grads = backwardTwoLayer(params, cache, X, Y, config);
    const gradients = snapshot([grads.dW1, grads.db1, grads.dW2, grads.db2]);
    updateTwoLayer(params, grads, 0.5);
    expect(snapshot([params.W1, params.b1, params.W2, params.b2, X, Y])).toEqual(before);
    expect(snapshot([cache.Z1, cache.A1, cache.Z2, cache.A2])).toEqual(cached);
    expect(snapshot([grads.dW1, grads.db1, grads.dW2, grads.db2])).toEqual(gradients);
  });
});

describe('shape errors', () => {
  const params = initTwoLayer({ nX: 3, nH: 4, nY: 1 }, mulberry32(1));
  const X = zeros(3, 5);
  const { cache } = forwardTwoLayer(params, X, sigmoidNet);
  it.each([
    // X must have nX = 3 rows for W1 (4,3).
    {
      run: () => forwardTwoLayer(params, zeros(2, 5), sigmoidNet),
      message: 'forwardTwoLayer: W1 (4,3), X (2,5): X must have 3 rows',
    },
    // b1 must match the 4 hidden units.
    {
      run: () => forwardTwoLayer({ ...params, b1: zeros(3, 1) }, X, sigmoidNet),
      message: 'forwardTwoLayer: W1 (4,3), b1 (3,1): b1 must be (4,1)',
    },
    // W2 must read the 4 hidden units.
    {
      run: () => forwardTwoLayer({ ...params, W2: zeros(1, 3) }, X, sigmoidNet),
      message: 'forwardTwoLayer: W1 (4,3), W2 (1,3): W2 must have 4 columns',
    },
    {
      run: () => forwardTwoLayer({ ...params, b2: zeros(1, 5) }, X, sigmoidNet),
      message: 'forwardTwoLayer: W2 (1,4), b2 (1,5): b2 must be (1,1)',
    },
    // Y must have the shape of A2 (nY, m): here labels given for 3 classes against one output.
    {
      run: () => backwardTwoLayer(params, cache, X, zeros(3, 5), sigmoidNet),
      message: 'backwardTwoLayer: A2 (1,5), Y (3,5): Y must be (1,5)',
    },
    {
      run: () => backwardTwoLayer(params, cache, zeros(4, 5), zeros(1, 5), sigmoidNet),
      message: 'backwardTwoLayer: W1 (4,3), X (4,5): X must have 3 rows',
    },
    {
      run: () => twoLayerCost(zeros(1, 5), zeros(1, 4), sigmoidNet),
      message: 'twoLayerCost: A2 (1,5), Y (1,4): Y must be (1,5)',
    },
    {
      run: () => predictTwoLayer(initTwoLayer({ nX: 3, nH: 4, nY: 2 }, mulberry32(1)), X, sigmoidNet),
      message: 'predictTwoLayer: A2 (2,5): a sigmoid output needs 1 row',
    },
  ])('throws "$message"', ({ run, message }) => {
    expectRangeError(run, message);
  });
});
