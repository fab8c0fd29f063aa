import { describe, expect, it } from 'vitest';
import { circles, moons, spiral, xor } from '../../../src/ml/datasets';
import { flattenParams, numericGradient, relativeError } from '../../../src/ml/gradientCheck';
import { createNetwork } from '../../../src/explorer/engine/network';
import type { Network, NetworkActivation, NetworkConfig } from '../../../src/explorer/engine/network';
import * as ml from '../../../src/ml/index';
import { matrix, toArray } from '../../../src/ml/matrix';
import type { Matrix } from '../../../src/ml/matrix';
import { mulberry32 } from '../../../src/ml/random';
import { oneHot } from '../../../src/ml/datasets';
import {
  backwardTwoLayer,
  forwardTwoLayer,
  initTwoLayer,
  twoLayerCost,
  updateTwoLayer,
} from '../../../src/ml/twoLayer';
import type { TwoLayerConfig, TwoLayerParams } from '../../../src/ml/twoLayer';
import { expectAllClose, expectRangeError } from '../../ml/expectations';
import { trained } from './trained';

/** The first two layers of a network with sizes [nX, nH, nY] as twoLayer.ts's parameters. */
function asTwoLayer(net: Network): TwoLayerParams {
  const p = net.parameters();
  return { W1: p['W1']!, b1: p['b1']!, W2: p['W2']!, b2: p['b2']! };
}

describe('createNetwork, initialisation', () => {
  it('draws the same weights as initTwoLayer from the same seed when scale is given', () => {
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 42, scale: 0.01 });
    const reference = initTwoLayer({ nX: 2, nH: 4, nY: 1 }, mulberry32(42), 0.01);
    const p = net.parameters();
    for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
      expect(toArray(p[name]!)).toEqual(toArray(reference[name]));
      expect([p[name]!.rows, p[name]!.cols]).toEqual([reference[name].rows, reference[name].cols]);
    }
  });

  it('gives W[l] the shape (n[l], n[l−1]) and b[l] the shape (n[l], 1), biases zero', () => {
    const p = createNetwork({ sizes: [3, 5, 4, 2], activation: 'relu', output: 'softmax', seed: 1 }).parameters();
    expect(Object.keys(p)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    expect([p['W1']!.rows, p['W1']!.cols, p['W2']!.rows, p['W2']!.cols, p['W3']!.rows, p['W3']!.cols]).toEqual([
      5, 3, 4, 5, 2, 4,
    ]);
    expect([p['b1']!.rows, p['b1']!.cols, p['b3']!.rows, p['b3']!.cols]).toEqual([5, 1, 2, 1]);
    expect([...p['b1']!.data, ...p['b2']!.data, ...p['b3']!.data].every((b) => b === 0)).toBe(true);
  });

  it('is reproducible: the same seed gives the same weights, another seed others', () => {
    const config: NetworkConfig = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 7 };
    expect(createNetwork(config).state()).toEqual(createNetwork(config).state());
    expect(createNetwork({ ...config, seed: 8 }).state()).not.toEqual(createNetwork(config).state());
  });

  it.each([
    // He for ReLU and leaky ReLU, which pass on half the variance; √(1/n[l−1]) (lecture "Xavier") otherwise.
    ['relu', Math.sqrt(2 / 400)],
    ['leakyRelu', Math.sqrt(2 / 400)],
    ['tanh', Math.sqrt(1 / 400)],
    ['sigmoid', Math.sqrt(1 / 400)],
    ['linear', Math.sqrt(1 / 400)],
  ] as const)('scales %s weights by default to a standard deviation of %f', (activation, sd) => {
    const W1 = createNetwork({ sizes: [400, 300, 1], activation, output: 'sigmoid', seed: 3 }).parameters()['W1']!;
    const values = toArray(W1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.05 * sd);
    expect(Math.sqrt(variance) / sd).toBeCloseTo(1, 1);
  });

  it('resets to exactly the initial weights after training, or to those of a new seed', () => {
    const config: NetworkConfig = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 5 };
    const net = createNetwork(config);
    const initial = net.state();
    const data = xor(40, mulberry32(1));
    net.setData(data.X, data.Y);
    net.train(0.5, 50);
    expect(net.epoch).toBe(50);
    expect(net.state()).not.toEqual(initial);
    net.reset();
    expect(net.state()).toEqual(initial);
    expect(net.epoch).toBe(0);
    net.reset(6);
    expect(net.state()).toEqual(createNetwork({ ...config, seed: 6 }).state());
    net.train(0.5, 5);
    net.reset();
    expect(net.state()).toEqual(createNetwork({ ...config, seed: 6 }).state());
  });

  it.each([
    [
      { sizes: [2], activation: 'tanh', output: 'sigmoid', seed: 1 },
      'createNetwork: sizes [2]: need an input and an output layer',
    ],
    [
      { sizes: [2, 0, 1], activation: 'tanh', output: 'sigmoid', seed: 1 },
      'createNetwork: sizes [2, 0, 1]: every size must be an integer ≥ 1',
    ],
    [
      { sizes: [2, 4, 2], activation: 'tanh', output: 'sigmoid', seed: 1 },
      'createNetwork: sizes [2, 4, 2]: a sigmoid output has 1 unit, not 2',
    ],
    [
      { sizes: [2, 4, 1], activation: 'tanh', output: 'softmax', seed: 1 },
      'createNetwork: sizes [2, 4, 1]: a softmax output needs at least 2 units',
    ],
    [
      { sizes: [2, 4, 1], activation: 'elu', output: 'sigmoid', seed: 1 },
      'createNetwork: activation elu: not one of tanh, relu, sigmoid, leakyRelu, linear',
    ],
    [
      { sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1, scale: -1 },
      'createNetwork: scale -1: must be a finite number ≥ 0',
    ],
  ])('rejects %j', (config, message) => {
    expectRangeError(() => createNetwork(config as unknown as NetworkConfig), message);
  });
});

describe('a step against twoLayer.ts, the reference', () => {
  const configs: readonly [NetworkActivation, TwoLayerConfig['output'], number][] = [
    ['tanh', 'sigmoid', 1],
    ['relu', 'sigmoid', 1],
    ['sigmoid', 'sigmoid', 1],
    ['tanh', 'softmax', 3],
    ['leakyRelu', 'softmax', 3],
  ];

  it.each(configs)(
    '%s hidden units with a %s output: loss, gradients and the update agree to 1e−12',
    (hidden, output, nY) => {
      const data = output === 'softmax' ? spiral(60, mulberry32(2), 3) : xor(60, mulberry32(2));
      const Y = output === 'softmax' ? oneHot(data.Y, 3) : data.Y;
      const config: TwoLayerConfig = { hidden, output };
      const net = createNetwork({ sizes: [2, 5, nY], activation: hidden, output, seed: 11 });
      net.setData(data.X, data.Y);
      const params = asTwoLayer(net);

      const { A2, cache } = forwardTwoLayer(params, data.X, config);
      const grads = backwardTwoLayer(params, cache, data.X, Y, config);
      const next = updateTwoLayer(params, grads, 0.7);

      const g = net.gradients();
      expectAllClose(g['dW1']!.data, grads.dW1.data, 12);
      expectAllClose(g['db1']!.data, grads.db1.data, 12);
      expectAllClose(g['dW2']!.data, grads.dW2.data, 12);
      expectAllClose(g['db2']!.data, grads.db2.data, 12);
      expect(net.step(0.7)).toBeCloseTo(twoLayerCost(A2, Y, config), 12);
      const after = asTwoLayer(net);
      for (const name of ['W1', 'b1', 'W2', 'b2'] as const) expectAllClose(after[name].data, next[name].data, 12);
    },
  );

  it('takes ReLU′(0) = 1 where a pre-activation is exactly 0, as activations.ts does', () => {
    // x = (0, 0) with zero biases makes every Z1 of that example 0.
    const X = matrix(2, 3, [0, 0.5, -0.3, 0, 0.2, 0.9]);
    const Y = matrix(1, 3, [1, 0, 1]);
    const config: TwoLayerConfig = { hidden: 'relu', output: 'sigmoid' };
    const net = createNetwork({ sizes: [2, 3, 1], activation: 'relu', output: 'sigmoid', seed: 5 });
    net.setData(X, Y);
    const params = asTwoLayer(net);
    const { cache } = forwardTwoLayer(params, X, config);
    const grads = backwardTwoLayer(params, cache, X, Y, config);
    const g = net.gradients();
    expect(toArray(g['dW1']!)).toEqual(toArray(grads.dW1));
    expect(toArray(g['db1']!)).toEqual(toArray(grads.db1));
  });

  it('follows the same 100-step trajectory as trainTwoLayer-style updates (tanh, sigmoid output)', () => {
    // The loops add in the order of matmul, sumRows and the cost, so the numbers agree exactly.
    const data = circles(80, mulberry32(4));
    const config: TwoLayerConfig = { hidden: 'tanh', output: 'sigmoid' };
    const net = createNetwork({ sizes: [2, 6, 1], activation: 'tanh', output: 'sigmoid', seed: 9 });
    net.setData(data.X, data.Y);
    let params = asTwoLayer(net);
    for (let i = 0; i < 100; i++) {
      const { A2, cache } = forwardTwoLayer(params, data.X, config);
      expect(net.step(1.2)).toBe(twoLayerCost(A2, data.Y, config));
      params = updateTwoLayer(params, backwardTwoLayer(params, cache, data.X, data.Y, config), 1.2);
    }
    expect(net.state()).toEqual(flattenParams([params.W1, params.b1, params.W2, params.b2]));
  });
});

describe('gradients, by centred differences', () => {
  const deep: readonly [NetworkActivation, 'sigmoid' | 'softmax', number[]][] = [
    ['tanh', 'sigmoid', [2, 5, 4, 1]],
    ['sigmoid', 'sigmoid', [3, 4, 4, 3, 1]],
    ['leakyRelu', 'sigmoid', [2, 6, 5, 1]],
    ['relu', 'sigmoid', [2, 6, 5, 1]],
    ['linear', 'sigmoid', [2, 3, 3, 1]],
    ['tanh', 'softmax', [2, 5, 4, 3]],
    ['relu', 'softmax', [2, 6, 5, 4]],
    ['sigmoid', 'softmax', [2, 4, 2]],
    // No hidden layer: logistic and softmax regression.
    ['tanh', 'sigmoid', [2, 1]],
    ['relu', 'softmax', [3, 4]],
  ];

  it.each(deep)('%s hidden units, %s output, sizes %j: relative error < 1e−7', (activation, output, sizes) => {
    const nX = sizes[0]!;
    const C = sizes[sizes.length - 1]!;
    const rng = mulberry32(13);
    const m = 24;
    const X = Float64Array.from({ length: nX * m }, () => 2 * rng() - 1);
    const labels = Float64Array.from({ length: m }, (_, j) => j % (output === 'softmax' ? C : 2));
    const net = createNetwork({ sizes, activation, output, seed: 21, scale: 0.8 });
    net.setData(X, labels);
    const theta = net.state();
    const g = net.gradients();
    const analytic = flattenParams(Object.values(g));
    const numeric = numericGradient((t) => {
      net.restore(t);
      return net.loss();
    }, theta);
    net.restore(theta);
    expect(relativeError(analytic, numeric)).toBeLessThan(1e-7);
    expect(Object.keys(g)).toEqual(Object.keys(net.parameters()).map((name) => `d${name}`));
  });
});

describe('training', () => {
  it('learns XOR with a 2-8-8-1 tanh network to ≥ 95% accuracy within 300 epochs', () => {
    const data = xor(200, mulberry32(17));
    const net = createNetwork({ sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    net.setData(data.X, data.Y);
    const initial = net.loss();
    const losses = Array.from({ length: 300 }, () => net.step(0.5));
    expect(losses[0]).toBe(initial);
    expect(net.loss()).toBeLessThan(losses[0]! / 10);
    // Full-batch gradient descent with this rate goes down every epoch here.
    expect(losses.every((J, i) => i === 0 || J <= losses[i - 1]!)).toBe(true);
    expect(net.accuracy()).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    [
      'circles, 2-8-8-1 ReLU',
      circles(200, mulberry32(3)),
      { sizes: [2, 8, 8, 1], activation: 'relu', output: 'sigmoid', seed: 2 },
      0.3,
      1500,
      0.95,
    ],
    [
      'moons, 2-8-1 tanh',
      moons(200, mulberry32(3)),
      { sizes: [2, 8, 1], activation: 'tanh', output: 'sigmoid', seed: 2 },
      1,
      1500,
      0.95,
    ],
    [
      'a 3-arm spiral, 2-16-16-3 ReLU softmax',
      spiral(300, mulberry32(3), 3, 0.1),
      { sizes: [2, 16, 16, 3], activation: 'relu', output: 'softmax', seed: 2 },
      1,
      500,
      0.95,
    ],
  ] as const)('learns %s', (_, data, config, rate, epochs, target) => {
    const net = trained(config, data, rate, epochs);
    expect(net.accuracy()).toBeGreaterThanOrEqual(target);
  });

  it('returns from step the cost before the step, as loss() gives it', () => {
    const data = moons(50, mulberry32(8));
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'relu', output: 'sigmoid', seed: 4 });
    net.setData(data.X, data.Y);
    const before = net.loss();
    expect(net.step(0.1)).toBe(before);
    expect(net.loss()).not.toBe(before);
  });

  it('rejects a step without data or with a learning rate that is not finite', () => {
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'relu', output: 'sigmoid', seed: 4 });
    expectRangeError(() => net.step(0.1), 'step: no examples: call setData with m ≥ 1 first');
    expectRangeError(() => net.loss(), 'loss: no examples: call setData with m ≥ 1 first');
    net.setData([0, 1], [1]);
    expectRangeError(() => net.step(NaN), 'step: learning rate NaN: must be a finite number');
    expectRangeError(() => net.train(0.1, 0), 'train: 0 epochs: must be an integer ≥ 1');
  });
});

describe('setData', () => {
  it('takes X (nX, m) row-major and labels (m) as arrays, or as matrices, with the same result', () => {
    const data = circles(30, mulberry32(5));
    const a = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    const b = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    a.setData(data.X, data.Y);
    b.setData(Array.from(data.X.data), Array.from(data.Y.data));
    expect(b.m).toBe(30);
    expect(a.loss()).toBe(b.loss());
  });

  it('copies the data, so that changing the caller’s arrays afterwards changes nothing', () => {
    const X = new Float64Array([0.5, -0.5, 1, 0.2]);
    const labels = new Float64Array([1, 0]);
    const net = createNetwork({ sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    net.setData(X, labels);
    const J = net.loss();
    X.fill(9);
    labels.fill(0);
    expect(net.loss()).toBe(J);
  });

  it('allocates only when m outgrows the buffers, growing by half, and replaces the data in place', () => {
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    const data = xor(100, mulberry32(6));
    const prefix = (m: number): [Float64Array, Float64Array] => [
      Float64Array.from([...data.X.data.subarray(0, m), ...data.X.data.subarray(100, 100 + m)]),
      data.Y.data.slice(0, m),
    ];
    net.setData(...prefix(10));
    expect(net.capacity).toBe(10);
    net.setData(...prefix(6));
    expect([net.m, net.capacity]).toEqual([6, 10]);
    net.setData(...prefix(11));
    expect([net.m, net.capacity]).toEqual([11, 15]);
    net.setData(...prefix(15));
    expect(net.capacity).toBe(15);
    net.setData(...prefix(40));
    expect(net.capacity).toBe(40);
    // After shrinking, the cost is that of the smaller data set alone.
    net.setData(...prefix(7));
    const fresh = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    fresh.setData(...prefix(7));
    expect(net.loss()).toBe(fresh.loss());
    expect(net.accuracy()).toBe(fresh.accuracy());
  });

  it.each([
    [[0, 1, 2], [1, 0], 'setData: X (3), labels (2): X must hold 2·2 values'],
    [matrix(3, 2), [1, 0], 'setData: X (3,2), labels (2): X must be (2,2)'],
    [[0, 1, 2, 3], matrix(2, 1, [1, 0]), 'setData: labels (2,1): labels must be one row'],
    [[0, 1, 2, 3], [1, 2], 'setData: labels (2): label 2 of example 1 is not a class 0 … 1'],
    [[0, 1, 2, 3], [0.5, 1], 'setData: labels (2): label 0.5 of example 0 is not a class 0 … 1'],
  ] as [number[] | Matrix, number[] | Matrix, string][])('rejects X %j with labels %j', (X, labels, message) => {
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    expectRangeError(() => net.setData(X, labels), message);
  });

  it('checks softmax labels against the C classes', () => {
    const net = createNetwork({ sizes: [2, 4, 3], activation: 'tanh', output: 'softmax', seed: 1 });
    net.setData([0, 1, 2, 3, 4, 5], [0, 1, 2]);
    expectRangeError(() => net.setData([0, 1], [3]), 'setData: labels (1): label 3 of example 0 is not a class 0 … 2');
  });
});

describe('predictions', () => {
  it('predict and outputs give A2 of forwardTwoLayer, accuracy its agreement with the labels', () => {
    const data = moons(40, mulberry32(2));
    const net = trained({ sizes: [2, 6, 1], activation: 'tanh', output: 'sigmoid', seed: 3 }, data, 0.5, 200);
    const { A2 } = forwardTwoLayer(asTwoLayer(net), data.X, { hidden: 'tanh', output: 'sigmoid' });
    let right = 0;
    for (let j = 0; j < 40; j++) {
      const x0 = data.X.data[j]!;
      const x1 = data.X.data[40 + j]!;
      expect(net.predict(x0, x1)).toBe(A2.data[j]);
      expect(net.outputs([x0, x1])[0]).toBe(A2.data[j]);
      expect(net.predictClass(x0, x1)).toBe(A2.data[j]! > 0.5 ? 1 : 0);
      if (net.predictClass(x0, x1) === data.Y.data[j]) right++;
    }
    expect(net.accuracy()).toBe(right / 40);
  });

  it('gives softmax probabilities that sum to 1, the argmax class and its probability', () => {
    const data = spiral(60, mulberry32(2), 3);
    const net = trained({ sizes: [2, 8, 3], activation: 'relu', output: 'softmax', seed: 3 }, data, 0.5, 100);
    const out = new Float64Array(3);
    for (let j = 0; j < 60; j += 7) {
      const x0 = data.X.data[j]!;
      const x1 = data.X.data[60 + j]!;
      expect(net.outputs([x0, x1], out)).toBe(out);
      expect(out[0]! + out[1]! + out[2]!).toBeCloseTo(1, 14);
      const best = out.indexOf(Math.max(...out));
      expect(net.predictClass(x0, x1)).toBe(best);
      expect(net.predict(x0, x1)).toBe(out[best]);
    }
  });

  it('rejects inputs of the wrong length', () => {
    const net = createNetwork({ sizes: [3, 4, 2], activation: 'relu', output: 'softmax', seed: 1 });
    expectRangeError(() => net.outputs([1, 2]), 'outputs: x (2): must hold 3 values');
    expectRangeError(() => net.outputs([1, 2, 3], new Float64Array(3)), 'outputs: out (3): must hold 2 values');
    expectRangeError(() => net.predict(1, 2), 'predict: sizes [3, 4, 2]: needs 2 inputs');
  });
});

describe('parameters, state and restore', () => {
  it('hands out copies, which change nothing when written', () => {
    const net = createNetwork({ sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', seed: 1 });
    const before = net.state();
    net.parameters()['W1']!.data.fill(5);
    net.state().fill(5);
    expect(net.state()).toEqual(before);
  });

  it('round-trips θ = (W1, b1, W2, b2) in the order of flattenParams', () => {
    const net = createNetwork({ sizes: [2, 3, 2], activation: 'relu', output: 'softmax', seed: 1 });
    const p = net.parameters();
    expect(net.state()).toEqual(flattenParams([p['W1']!, p['b1']!, p['W2']!, p['b2']!]));
    const theta = Float64Array.from({ length: 17 }, (_, k) => k / 10);
    net.restore(theta);
    expect(net.state()).toEqual(theta);
    expect(toArray(net.parameters()['b2']!)).toEqual([1.5, 1.6]);
    expectRangeError(() => net.restore([1, 2]), 'restore: θ (2), sizes [2, 3, 2]: θ must hold 17 values');
  });
});

describe('the public API', () => {
  it('is the explorer’s engine, not an export of src/ml, whose exports every cell sees', () => {
    expect('createNetwork' in ml).toBe(false);
  });
});
