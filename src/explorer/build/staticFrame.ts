/**
 * An explorer's first frame, computed at build time: the heatmap (a PNG data URL), the points
 * and the cost curve as SVG, and the figures beside them. A reader without JavaScript sees
 * the set-up the lesson describes, trained as far as it says.
 *
 * The build needs the trained network twice, for the frame (TrainingExplorer.astro) and for the
 * parameters the lesson's cells read (remarkCells), from two readings of the same attributes:
 * `firstFrame` trains it once per set-up and remembers both.
 */
import { formatNumber } from '../../display/numbers';
import type { ExplorerConfig } from '../config';
import { viewFor } from '../config';
import { formatAccuracy, LOSS_BOX, lossPolyline, lossTop, pointPaths } from '../frame';
export { LOSS_BOX } from '../frame';
import { heatmapBuffers, paintHeatmap } from '../heatmap';
import { parametersJson, trainedNetwork, trainingData } from '../model';
import { encodePng } from './png';

export const PLOT_SIZE = 400;
const HEATMAP_SIZE = 64;

export interface StaticFrame {
  heatmapUrl: string;
  pointPaths: string[];
  lossPoints: string;
  /** The cost at the top of the cost curve's box, formatted (its bottom is 0). */
  lossTop: string;
  epoch: number;
  loss: string;
  accuracy: string;
}

/** What the build shows of an explorer: its first frame, and the parameters its cells read (as `parametersJson`). */
export interface FirstFrame {
  frame: StaticFrame;
  parameters: string;
}

/** Every field of a set-up in a fixed order: equal set-ups, however their attributes were written, get one key. */
function setUpKey(config: ExplorerConfig): string {
  const { data, points, classes, seed, layers, activation, learningRate, rateChanges, epoch, added } = config;
  return JSON.stringify([
    data,
    points,
    classes,
    seed,
    layers,
    activation,
    learningRate,
    rateChanges.map((c) => [c.epoch, c.rate]),
    epoch,
    added.map((p) => [p.x0, p.x1, p.label, p.epoch]),
  ]);
}

/**
 * First frames by set-up, for the life of the build (a few explorers, a few kilobytes each).
 * Astro loads this module twice in one process, for the remark plugin (with its config) and for
 * the pages (in its server bundle): the memo is kept on globalThis, under a registered symbol,
 * so both copies share it. (A dev server keeps it until restarted, engine edits included.)
 */
const FIRST_FRAMES: unique symbol = Symbol.for('courseware.explorer.firstFrames');
const store = globalThis as typeof globalThis & { [FIRST_FRAMES]?: Map<string, FirstFrame> };
const firstFrames = (store[FIRST_FRAMES] ??= new Map<string, FirstFrame>());

/** The first frame and the parameters of a set-up, trained once however often they are asked for. */
export function firstFrame(config: ExplorerConfig): FirstFrame {
  const key = setUpKey(config);
  let result = firstFrames.get(key);
  if (!result) {
    const history: number[] = [];
    const network = trainedNetwork(config, history);
    const data = trainingData(config);
    const view = viewFor(config.data);
    const buffers = heatmapBuffers(HEATMAP_SIZE, config.classes);
    paintHeatmap(network, view, config.classes, buffers);
    const loss = network.loss();
    history.push(loss);
    const frame: StaticFrame = {
      heatmapUrl: `data:image/png;base64,${encodePng(HEATMAP_SIZE, HEATMAP_SIZE, buffers.pixels).toString('base64')}`,
      pointPaths: pointPaths(data, config.classes, view, PLOT_SIZE, PLOT_SIZE, data.m - config.added.length),
      lossPoints: lossPolyline(history, history.length, LOSS_BOX.width, LOSS_BOX.height),
      lossTop: formatNumber(lossTop(history, history.length)),
      epoch: network.epoch,
      loss: formatNumber(loss),
      accuracy: formatAccuracy(network.accuracy()),
    };
    result = { frame, parameters: parametersJson(network) };
    firstFrames.set(key, result);
  }
  return result;
}

/** The first frame of a set-up (see `firstFrame`). */
export function staticFrame(config: ExplorerConfig): StaticFrame {
  return firstFrame(config).frame;
}
