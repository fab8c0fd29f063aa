/**
 * From a set-up to what trains: the data as X (2, m) row-major with its labels, and the network.
 * The same code runs at build time (the static first frame) and in the browser.
 */
import { circles, linearlySeparable, moons, spiral, xor, type Dataset } from '../ml/datasets';
import { createNetwork, type Network } from '../ml/network';
import { mulberry32 } from '../ml/random';
import type { ExplorerConfig } from './config';

export interface TrainingData {
  /** X (2, m), row-major: the first coordinates, then the second. */
  X: Float64Array;
  labels: Float64Array;
  m: number;
}

function generate(config: ExplorerConfig): Dataset {
  // The data's seed differs from the network's, so "new seed" re-draws both independently.
  const rng = mulberry32((config.seed * 2654435761 + 97) >>> 0);
  switch (config.data) {
    case 'separable':
      return linearlySeparable(config.points, rng);
    case 'xor':
      return xor(config.points, rng);
    case 'circles':
      return circles(config.points, rng);
    case 'moons':
      return moons(config.points, rng);
    case 'spiral':
      return spiral(config.points, rng, config.classes);
  }
}

/** The generated points followed by the student's; labels beyond the classes wrap (2 classes: spiral arm 2 is class 0). */
export function trainingData(config: ExplorerConfig): TrainingData {
  const { X, Y } = generate(config);
  const generated = X.cols;
  const m = generated + config.added.length;
  const data = new Float64Array(2 * m);
  const labels = new Float64Array(m);
  for (let j = 0; j < generated; j++) {
    data[j] = X.data[j]!;
    data[m + j] = X.data[generated + j]!;
    labels[j] = Y.data[j]! % config.classes;
  }
  config.added.forEach((point, k) => {
    data[generated + k] = point.x0;
    data[m + generated + k] = point.x1;
    labels[generated + k] = point.label;
  });
  return { X: data, labels, m };
}

/**
 * The network of a set-up, on its data set, trained to `config.epoch`; the cost before each
 * epoch is appended to `history` when given.
 */
export function trainedNetwork(config: ExplorerConfig, data = trainingData(config), history?: number[]): Network {
  const network = createNetwork({
    sizes: [2, ...config.layers, config.classes === 2 ? 1 : config.classes],
    activation: config.activation,
    output: config.classes === 2 ? 'sigmoid' : 'softmax',
    seed: config.seed,
  });
  network.setData(data.X, data.labels);
  if (history) for (let epoch = 0; epoch < config.epoch; epoch++) history.push(network.step(config.learningRate));
  else if (config.epoch > 0) network.train(config.learningRate, config.epoch);
  return network;
}
