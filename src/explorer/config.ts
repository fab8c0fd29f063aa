/**
 * A training explorer's set-up: the data, the network, the learning rate and the points a
 * student added. It is the whole state worth sharing, so it round-trips through a link's
 * query: `?xor=data:xor;seed:3;layers:8,8;act:tanh;lr:0.3,0.1@150;epoch:200;add:0.41_-0.2_1,-1_0.5_0@120`.
 * A learning rate changed during training and a point added after epoch 0 carry the epoch
 * (`@150`), so the link replays the same training and reopens the network on the screen.
 * Text from a link is untrusted: anything out of range is replaced by the default and named.
 *
 * Over 300 lines: the set-up, its bounds and its link encoding are one schema read three ways
 * (props, link, defaults); kept together so a field added to one is added to all.
 */
import type { NetworkActivation } from './engine/network';

export const DATASETS = ['separable', 'xor', 'circles', 'moons', 'spiral'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const DATASET_LABELS: Record<DatasetName, string> = {
  separable: 'Linearly separable',
  xor: 'XOR',
  circles: 'Circles',
  moons: 'Moons',
  spiral: 'Spiral',
};

export const ACTIVATIONS = [
  'tanh',
  'relu',
  'sigmoid',
  'leakyRelu',
  'linear',
] as const satisfies readonly NetworkActivation[];
export const ACTIVATION_LABELS: Record<NetworkActivation, string> = {
  tanh: 'tanh',
  relu: 'ReLU',
  sigmoid: 'sigmoid',
  leakyRelu: 'leaky ReLU',
  linear: 'linear',
};

export const LIMITS = {
  layers: 3,
  units: 16,
  classes: 3,
  learningRate: [0.001, 10] as const,
  addedPoints: 200,
  epoch: 100_000,
  points: [20, 500] as const,
};

export interface AddedPoint {
  x0: number;
  x1: number;
  label: number;
  /** The epoch from which the point takes part in training (0: from the start). */
  epoch: number;
}

/** A learning rate that takes over from an epoch on. */
export interface RateChange {
  epoch: number;
  rate: number;
}

export interface ExplorerConfig {
  data: DatasetName;
  /** How many generated points (the student's are added to them). */
  points: number;
  /** Classes: 2 (sigmoid output) or 3 (softmax); the spiral has `classes` arms. */
  classes: number;
  seed: number;
  /** Units per hidden layer; empty for logistic (or softmax) regression. */
  layers: number[];
  activation: NetworkActivation;
  /** The learning rate from epoch 0. */
  learningRate: number;
  /** Later changes of the learning rate, in order of epoch. */
  rateChanges: RateChange[];
  /** Epochs trained: a link restores the network trained this far. */
  epoch: number;
  added: AddedPoint[];
}

/** The region shown: every data set fits in it with a margin. */

export const viewFor = (data: DatasetName) =>
  data === 'moons'
    ? { x0: [-1.6, 2.6] as const, x1: [-1.4, 1.9] as const }
    : { x0: [-1.6, 1.6] as const, x1: [-1.6, 1.6] as const };

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The learning rate in force at an epoch. */
export function rateAt(config: ExplorerConfig, epoch: number): number {
  let rate = config.learningRate;
  for (const change of config.rateChanges) if (change.epoch <= epoch) rate = change.rate;
  return rate;
}

/** The set-up as if training started now: the current rate from epoch 0, every point from the start. */
export function fromTheStart(config: ExplorerConfig, epoch: number): ExplorerConfig {
  return {
    ...config,
    learningRate: rateAt(config, epoch),
    rateChanges: [],
    epoch: 0,
    added: config.added.map((p) => ({ ...p, epoch: 0 })),
  };
}

const at = (epoch: number) => (epoch > 0 ? `@${epoch}` : '');

/** The query value of a set-up (without the explorer's name). */
export function encodeConfig(config: ExplorerConfig): string {
  const parts = [
    `data:${config.data}`,
    `n:${config.points}`,
    `seed:${config.seed}`,
    `layers:${config.layers.join(',') || '0'}`,
    `act:${config.activation}`,
    `lr:${[round(config.learningRate, 4), ...config.rateChanges.map((c) => `${round(c.rate, 4)}${at(c.epoch)}`)].join(',')}`,
    `epoch:${config.epoch}`,
  ];
  if (config.added.length > 0)
    parts.push(
      `add:${config.added.map((p) => `${round(p.x0, 2)}_${round(p.x1, 2)}_${p.label}${at(p.epoch)}`).join(',')}`,
    );
  return parts.join(';');
}

export interface DecodedConfig {
  config: ExplorerConfig;
  /** What in the link could not be used, one sentence each, naming the text at fault. */
  problems: string[];
}

/** A whole number written as digits (Number('') is 0, which a link must not mean). */
const wholeNumber = (text: string) => (/^\d{1,10}$/.test(text) ? Number(text) : NaN);

/** "0.3" or "0.1@150": a rate and the epoch it starts at. */
function readRate(text: string): RateChange | null {
  const [rateText = '', epochText = '0'] = text.split('@');
  const rate = rateText.trim() === '' ? NaN : Number(rateText);
  const epoch = wholeNumber(epochText);
  if (
    !Number.isFinite(rate) ||
    rate < LIMITS.learningRate[0] ||
    rate > LIMITS.learningRate[1] ||
    !(epoch <= LIMITS.epoch)
  )
    return null;
  return { rate, epoch };
}

/** The settings a link can hold, by the key that names each. */
const KEYS = ['data', 'n', 'seed', 'layers', 'act', 'lr', 'epoch', 'add'] as const;
/** More parts than a link of every setting has are not read (a link is short; this bounds the work). */
const MAX_PARTS = 20;
const QUOTE_LENGTH = 40;

/**
 * Text from a link, quoted for a message: cut to a few dozen characters, and with control and
 * direction-changing characters shown as "�", so what the student reads is what the link holds.
 * It is still untrusted text: whoever shows it sets it as text, never as markup.
 */
export function quoteLinkText(text: string): string {
  const characters = [...text];
  const shown = characters
    .slice(0, QUOTE_LENGTH)
    .join('')
    .replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
  return `"${shown}${characters.length > QUOTE_LENGTH ? '…' : ''}"`;
}

/**
 * Reads a set-up from a link, over the lesson's defaults; never throws. `offered` lists the
 * data sets this explorer's menu has (a link cannot switch it to another). Every part of the
 * link that is not used is named in `problems`, with why; what can be read is used.
 */
export function decodeConfig(
  text: string,
  defaults: ExplorerConfig,
  offered: readonly string[] = DATASETS,
): DecodedConfig {
  const config: ExplorerConfig = { ...defaults, layers: [...defaults.layers], rateChanges: [], added: [] };
  const problems: string[] = [];
  const reject = (what: string, value: string, rule: string) =>
    problems.push(`The link's ${what} ${quoteLinkText(value)} ${rule}; the lesson's setting is kept.`);
  const parts = text.split(';').filter((part) => part.trim() !== '');
  const keyOf = (part: string) => (part.includes(':') ? part.slice(0, part.indexOf(':')) : '');
  const settings = parts.filter((part) => (KEYS as readonly string[]).includes(keyOf(part)));
  if (parts.length > 0 && settings.length === 0) {
    // Nothing in it is a setting: not a set-up at all (a mangled link, or something else pasted in).
    problems.push(
      `The link's set-up for this explorer, ${quoteLinkText(text)}, is not one: it should read like data:xor;layers:4;epoch:120. The lesson's setting is used.`,
    );
    return { config, problems };
  }
  if (parts.length > MAX_PARTS)
    problems.push(`The link has ${parts.length} parts; only the first ${MAX_PARTS} are read.`);
  for (const part of parts.slice(0, MAX_PARTS)) {
    const key = keyOf(part);
    const value = part.slice(part.indexOf(':') + 1);
    switch (key) {
      case 'data':
        if (!(DATASETS as readonly string[]).includes(value))
          reject('data set', value, `is not one of ${DATASETS.join(', ')}`);
        else if (!offered.includes(value))
          reject('data set', value, `is not offered by this explorer (${offered.join(', ')})`);
        else config.data = value as DatasetName;
        break;
      case 'n': {
        const n = wholeNumber(value);
        if (n >= LIMITS.points[0] && n <= LIMITS.points[1]) config.points = n;
        else reject('number of points', value, `is not a whole number from ${LIMITS.points[0]} to ${LIMITS.points[1]}`);
        break;
      }
      case 'seed': {
        const seed = wholeNumber(value);
        if (seed < 2 ** 32) config.seed = seed;
        else reject('seed', value, 'is not a whole number below 2³²');
        break;
      }
      case 'layers': {
        const layers = value === '0' ? [] : value.split(',').map(Number);
        if (layers.length <= LIMITS.layers && layers.every((u) => Number.isInteger(u) && u >= 1 && u <= LIMITS.units))
          config.layers = layers;
        else
          reject(
            'hidden layers',
            value,
            `are not up to ${LIMITS.layers} sizes from 1 to ${LIMITS.units} (or 0 for none)`,
          );
        break;
      }
      case 'act':
        if ((ACTIVATIONS as readonly string[]).includes(value)) config.activation = value as NetworkActivation;
        else reject('activation', value, `is not one of ${ACTIVATIONS.join(', ')}`);
        break;
      case 'lr': {
        const rates = value.split(',').slice(0, 50).map(readRate);
        const [first, ...changes] = rates;
        const ordered = changes.every((c, i) => c !== null && c.epoch > (i === 0 ? 0 : changes[i - 1]!.epoch));
        if (first && first.epoch === 0 && ordered) {
          config.learningRate = first.rate;
          config.rateChanges = changes as RateChange[];
        } else
          reject(
            'learning rate',
            value,
            `is not rates from ${LIMITS.learningRate[0]} to ${LIMITS.learningRate[1]}, each change after the one before (like 0.3,0.1@150)`,
          );
        break;
      }
      case 'epoch': {
        const epoch = wholeNumber(value);
        if (epoch <= LIMITS.epoch) config.epoch = epoch;
        else reject('epoch', value, `is not a whole number up to ${LIMITS.epoch}`);
        break;
      }
      case 'add': {
        const points = value.split(',').slice(0, LIMITS.addedPoints + 1);
        const unreadable: string[] = [];
        for (const point of points.slice(0, LIMITS.addedPoints)) {
          const [coordinates = '', epochText = '0'] = point.split('@');
          const [x0, x1, label] = coordinates.split('_').map((part) => (part.trim() === '' ? NaN : Number(part)));
          const epoch = wholeNumber(epochText);
          if (
            Number.isFinite(x0) &&
            Number.isFinite(x1) &&
            Math.abs(x0!) <= 5 &&
            Math.abs(x1!) <= 5 &&
            Number.isInteger(label) &&
            label! >= 0 &&
            label! < config.classes &&
            epoch <= LIMITS.epoch
          ) {
            config.added.push({ x0: x0!, x1: x1!, label: label!, epoch });
          } else unreadable.push(point);
        }
        if (unreadable.length > 0) {
          const count = unreadable.length === 1 ? 'it is' : `${unreadable.length} such points are`;
          problems.push(
            `The link's added point ${quoteLinkText(unreadable[0]!)} is not x_y_class within ±5 with a class below ${config.classes}; ${count} left out.`,
          );
        }
        if (points.length > LIMITS.addedPoints) problems.push(`At most ${LIMITS.addedPoints} added points are kept.`);
        break;
      }
      default:
        problems.push(
          !part.includes(':')
            ? `The link's part ${quoteLinkText(part)} is not a setting (key:value); it is left out.`
            : `The link's setting ${quoteLinkText(key)} is not one this explorer knows (${KEYS.join(', ')}); it is left out.`,
        );
    }
  }
  return { config, problems };
}

/** What an author writes on <TrainingExplorer>: numbers as numbers (Astro) or as text (remark). */
export type ExplorerProps = Record<string, string | number | undefined>;

/**
 * The set-up an author's attributes describe; throws a message naming the explorer for
 * anything out of range, so a bad attribute fails the build.
 */
export function configFromProps(props: ExplorerProps): ExplorerConfig {
  const name = String(props['name'] ?? '');
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new Error(`TrainingExplorer: name "${name}" must be lower-case letters, digits and -`);
  const fail = (message: string): never => {
    throw new Error(`TrainingExplorer "${name}": ${message}`);
  };
  const number = (key: string, fallback: number) => {
    const value = props[key] === undefined ? fallback : Number(props[key]);
    if (!Number.isFinite(value)) fail(`${key}="${props[key]}" is not a number`);
    return value;
  };
  const data = String(props['data'] ?? 'xor');
  if (!(DATASETS as readonly string[]).includes(data)) fail(`unknown data set "${data}"`);
  const activation = String(props['activation'] ?? 'tanh');
  if (!(ACTIVATIONS as readonly string[]).includes(activation)) fail(`unknown activation "${activation}"`);
  const layers = String(props['layers'] ?? '')
    .split(/[ ,]+/)
    .filter((u) => u !== '' && u !== '0')
    .map(Number);
  if (layers.length > LIMITS.layers || layers.some((u) => !Number.isInteger(u) || u < 1 || u > LIMITS.units)) {
    fail(`layers "${props['layers']}" must be up to ${LIMITS.layers} sizes from 1 to ${LIMITS.units}`);
  }
  const classes = number('classes', 2);
  if (classes !== 2 && classes !== 3) fail('classes must be 2 or 3');
  const points = number('points', 200);
  if (!Number.isInteger(points) || points < LIMITS.points[0] || points > LIMITS.points[1])
    fail(`points must be a whole number from ${LIMITS.points[0]} to ${LIMITS.points[1]}`);
  const learningRate = number('learningRate', 0.5);
  if (learningRate < LIMITS.learningRate[0] || learningRate > LIMITS.learningRate[1])
    fail(`learningRate must be from ${LIMITS.learningRate[0]} to ${LIMITS.learningRate[1]}`);
  const epoch = number('epoch', 0);
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > LIMITS.epoch)
    fail(`epoch must be a whole number up to ${LIMITS.epoch}`);
  const seed = number('seed', 1);
  if (!Number.isInteger(seed) || seed < 0) fail('seed must be a whole number');
  return {
    data: data as DatasetName,
    points,
    classes,
    seed,
    layers,
    activation: activation as NetworkActivation,
    learningRate,
    rateChanges: [],
    epoch,
    added: [],
  };
}
