import { describe, expect, it } from 'vitest';
import * as ml from '../../src/ml/index';

// The public names other parts of the site code against; renaming one is a breaking change.
const functions = [
  // matrix.ts
  'matrix',
  'fromRows',
  'columnVector',
  'rowVector',
  'zeros',
  'ones',
  'filled',
  'identity',
  'get',
  'toRows',
  'toArray',
  'shape',
  'transpose',
  'matmul',
  'add',
  'sub',
  'mul',
  'div',
  'scale',
  'map',
  'sum',
  'sumRows',
  'sumColumns',
  'mean',
  'column',
  'hstack',
  'argmaxColumns',
  'formatShape',
  'equalShape',
  // activations.ts
  'activate',
  'activateDerivative',
  // softmax.ts
  'softmax',
  'softmaxColumns',
  'hardmax',
  'hardmaxColumns',
  // losses.ts
  'binaryCrossEntropy',
  'binaryCrossEntropyCost',
  'categoricalCrossEntropy',
  'categoricalCrossEntropyCost',
  'squaredError',
  'squaredErrorCost',
  // logistic.ts
  'logisticForward',
  'logisticCost',
  'logisticGradients',
  'logisticStep',
  'trainLogistic',
  'predictLogistic',
  // twoLayer.ts
  'initTwoLayer',
  'forwardTwoLayer',
  'backwardTwoLayer',
  'twoLayerCost',
  'updateTwoLayer',
  'trainTwoLayer',
  'predictTwoLayer',
  // gradientCheck.ts
  'numericGradient',
  'relativeError',
  'flattenParams',
  'unflattenParams',
  'gradientCheckLogistic',
  'gradientCheckTwoLayer',
  // convexity.ts
  'chordGap',
  'chordSample',
  'convexityProbe',
  'chordGapAlong',
  'convexityProbeAlong',
  // random.ts
  'mulberry32',
  'gaussian',
  'shuffle',
  'uniform',
  // datasets.ts
  'linearlySeparable',
  'xor',
  'circles',
  'moons',
  'spiral',
  'oneHot',
] as const;

describe('the public API of src/ml', () => {
  it.each(functions)('exports the function %s', (name) => {
    expect(typeof ml[name]).toBe('function');
  });

  it('exports every activation as an { name, fn, derivative } object', () => {
    const { sigmoid, tanh, relu, leakyRelu, elu, selu, linear, activations } = ml;
    for (const g of [sigmoid, tanh, relu, leakyRelu, elu, selu, linear]) {
      expect(activations[g.name]).toBe(g);
      expect(typeof g.fn).toBe('function');
      expect(typeof g.derivative).toBe('function');
    }
  });

  it('exports the constants', () => {
    expect(ml.PROBABILITY_EPSILON).toBe(1e-12);
    expect(ml.CHORD_RELATIVE_TOLERANCE).toBe(1e-12);
    expect(ml.LEAKY_RELU_SLOPE).toBe(0.01);
    expect(ml.ELU_ALPHA).toBe(1);
    expect(ml.SELU_LAMBDA).toBeCloseTo(1.0507009873554805, 15);
    expect(ml.SELU_ALPHA).toBeCloseTo(1.6732632423543772, 15);
  });
});
