/**
 * An explorer's first frame, computed at build time: the heatmap (a PNG data URL), the points
 * and the cost curve as SVG, and the figures beside them. A reader without JavaScript sees
 * the set-up the lesson describes, trained as far as it says.
 */
import { formatNumber } from '../../display/numbers';
import type { ExplorerConfig } from '../config';
import { viewFor } from '../config';
import { formatAccuracy, LOSS_BOX, lossPolyline, pointPaths } from '../frame';
export { LOSS_BOX } from '../frame';
import { heatmapBuffers, paintHeatmap } from '../heatmap';
import { trainedNetwork, trainingData } from '../model';
import { encodePng } from './png';

export const PLOT_SIZE = 400;
const HEATMAP_SIZE = 64;

export interface StaticFrame {
  heatmapUrl: string;
  pointPaths: string[];
  lossPoints: string;
  epoch: number;
  loss: string;
  accuracy: string;
}

export function staticFrame(config: ExplorerConfig): StaticFrame {
  const history: number[] = [];
  const network = trainedNetwork(config, history);
  const data = trainingData(config);
  const view = viewFor(config.data);
  const buffers = heatmapBuffers(HEATMAP_SIZE, config.classes);
  paintHeatmap(network, view, config.classes, buffers);
  const loss = network.loss();
  history.push(loss);
  return {
    heatmapUrl: `data:image/png;base64,${encodePng(HEATMAP_SIZE, HEATMAP_SIZE, buffers.pixels).toString('base64')}`,
    pointPaths: pointPaths(data, config.classes, view, PLOT_SIZE, PLOT_SIZE, data.m - config.added.length),
    lossPoints: lossPolyline(history, history.length, LOSS_BOX.width, LOSS_BOX.height),
    epoch: network.epoch,
    loss: formatNumber(loss),
    accuracy: formatAccuracy(network.accuracy()),
  };
}
