/**
 * The numeric core of the course: pure functions on (rows, cols) matrices, one example per column.
 */
export type { Matrix, Operand } from './matrix';
export {
  add,
  argmaxColumns,
  column,
  columnVector,
  div,
  equalShape,
  filled,
  formatShape,
  fromRows,
  get,
  hstack,
  identity,
  map,
  matmul,
  matrix,
  mean,
  mul,
  ones,
  rowVector,
  scale,
  shape,
  sub,
  sum,
  sumColumns,
  sumRows,
  toArray,
  toRows,
  transpose,
  zeros,
} from './matrix';

export type { Activation, ActivationName } from './activations';
export {
  activate,
  activateDerivative,
  activationNames,
  activations,
  ELU_ALPHA,
  elu,
  LEAKY_RELU_SLOPE,
  leakyRelu,
  linear,
  relu,
  SELU_ALPHA,
  SELU_LAMBDA,
  selu,
  sigmoid,
  tanh,
} from './activations';

export { hardmax, hardmaxColumns, softmax, softmaxColumns } from './softmax';

export {
  binaryCrossEntropy,
  binaryCrossEntropyCost,
  categoricalCrossEntropy,
  categoricalCrossEntropyCost,
  PROBABILITY_EPSILON,
  squaredError,
  squaredErrorCost,
} from './losses';

export type { LogisticGradients, LogisticLoss, LogisticParams, TrainLogisticOptions } from './logistic';
export {
  logisticCost,
  logisticForward,
  logisticGradients,
  logisticStep,
  predictLogistic,
  trainLogistic,
} from './logistic';

export type {
  TrainTwoLayerOptions,
  TwoLayerCache,
  TwoLayerConfig,
  TwoLayerGradients,
  TwoLayerParams,
  TwoLayerSizes,
} from './twoLayer';
export {
  backwardTwoLayer,
  forwardTwoLayer,
  initTwoLayer,
  predictTwoLayer,
  trainTwoLayer,
  twoLayerCost,
  updateTwoLayer,
} from './twoLayer';

export type { GradientCheck } from './gradientCheck';
export {
  flattenParams,
  gradientCheckLogistic,
  gradientCheckTwoLayer,
  numericGradient,
  relativeError,
  unflattenParams,
} from './gradientCheck';

export type { ChordSample, ConvexityProbe, ConvexityProbeOptions } from './convexity';
export {
  CHORD_RELATIVE_TOLERANCE,
  chordGap,
  chordGapAlong,
  chordSample,
  convexityProbe,
  convexityProbeAlong,
} from './convexity';

export type { Rng } from './random';
export { gaussian, mulberry32, shuffle, uniform } from './random';

export type { Dataset } from './datasets';
export { circles, linearlySeparable, moons, oneHot, spiral, xor } from './datasets';
