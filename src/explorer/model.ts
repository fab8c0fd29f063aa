/**
 * From a set-up to what trains: the data as X (2, m) row-major with its labels, and the network.
 * The same code runs at build time (the static first frame) and in the browser.
 */
import { circles, linearlySeparable, moons, spiral, xor, type Dataset } from '../ml/datasets';
import { createNetwork, type Network } from './engine/network';
import { mulberry32 } from '../ml/random';
import { rateAt, type ExplorerConfig } from './config';

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

/**
 * The generated points followed by the student's that take part by `epoch` (all of them when
 * omitted).
 */
export function trainingData(config: ExplorerConfig, epoch = Infinity): TrainingData {
  const { X, Y } = generate(config);
  const added = config.added.filter((point) => point.epoch <= epoch);
  const generated = X.cols;
  const m = generated + added.length;
  const data = new Float64Array(2 * m);
  const labels = new Float64Array(m);
  for (let j = 0; j < generated; j++) {
    data[j] = X.data[j]!;
    data[m + j] = X.data[generated + j]!;
    labels[j] = Y.data[j]!;
  }
  added.forEach((point, k) => {
    data[generated + k] = point.x0;
    data[m + generated + k] = point.x1;
    labels[generated + k] = point.label;
  });
  return { X: data, labels, m };
}

/** The untrained network of a set-up (the same initial weights for the same seed). */
export function initialNetwork(config: ExplorerConfig): Network {
  return createNetwork({
    sizes: [2, ...config.layers, config.classes === 2 ? 1 : config.classes],
    activation: config.activation,
    output: config.classes === 2 ? 'sigmoid' : 'softmax',
    seed: config.seed,
  });
}

/**
 * Training as a set-up records it, epoch by epoch: each epoch at the learning rate then in
 * force, with the points added by then. A link replays it to reopen the same network.
 */
export class Replay {
  readonly network: Network;
  /** The cost before each epoch replayed. */
  readonly costs: number[] = [];
  private readonly addedAt: number[];

  constructor(private readonly config: ExplorerConfig) {
    this.network = initialNetwork(config);
    this.addedAt = [...new Set(config.added.map((p) => p.epoch).filter((e) => e > 0))].sort((a, b) => a - b);
    const data = trainingData(config, 0);
    this.network.setData(data.X, data.labels);
  }

  get done(): boolean {
    return this.network.epoch >= this.config.epoch;
  }

  /** Replays epochs until the set-up's epoch or until `deadline` (a performance.now() time); returns whether it is done. */
  advance(deadline = Infinity, now: () => number = () => performance.now()): boolean {
    while (!this.done) {
      const epoch = this.network.epoch;
      if (this.addedAt[0] === epoch) {
        this.addedAt.shift();
        const data = trainingData(this.config, epoch);
        this.network.setData(data.X, data.labels);
      }
      this.costs.push(this.network.step(rateAt(this.config, epoch)));
      if ((epoch & 15) === 15 && now() > deadline) break;
    }
    if (this.done) {
      // Points added at the epoch reached take part from here on.
      const data = trainingData(this.config);
      if (data.m !== this.network.m) this.network.setData(data.X, data.labels);
    }
    return this.done;
  }
}

/** The network of a set-up trained to `config.epoch` (its costs in `history`, when given). */
export function trainedNetwork(config: ExplorerConfig, history?: number[]): Network {
  const replay = new Replay(config);
  replay.advance();
  if (history) history.push(...replay.costs);
  return replay.network;
}

/** A network's parameters as JSON { W1: { rows, cols, data: number[] }, … }, as cells receive them. */
export function parametersJson(network: Network): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(network.parameters()).map(([key, m]) => [
        key,
        { rows: m.rows, cols: m.cols, data: Array.from(m.data) },
      ]),
    ),
  );
}
