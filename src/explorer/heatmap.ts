/**
 * The decision-boundary heatmap of a network over the view, as RGBA pixels with the top row
 * first (evaluateGrid's first row is the bottom of the plot).
 */
import type { Network } from './engine/network';
import { paintGrid } from './colors';
import type { View } from './frame';

export interface HeatmapBuffers {
  size: number;
  values: Float64Array;
  classes: Float64Array | null;
  pixels: Uint8ClampedArray;
}

export function heatmapBuffers(size: number, classes: number): HeatmapBuffers {
  return {
    size,
    values: new Float64Array(size * size),
    classes: classes > 2 ? new Float64Array(size * size) : null,
    pixels: new Uint8ClampedArray(4 * size * size),
  };
}

/** Fills `buffers.pixels`; allocates nothing. */
export function paintHeatmap(network: Network, view: View, classes: number, buffers: HeatmapBuffers): void {
  const { size, values, pixels } = buffers;
  // Each pixel shows the prediction at its centre: the grid runs from half a pixel inside one
  // edge to half a pixel inside the other, rows from the top (x1 from the view's top down).
  const half0 = (view.x0[1] - view.x0[0]) / (2 * size);
  const half1 = (view.x1[1] - view.x1[0]) / (2 * size);
  network.evaluateGrid(
    values,
    view.x0[0] + half0,
    view.x0[1] - half0,
    view.x1[1] - half1,
    view.x1[0] + half1,
    size,
    size,
    buffers.classes ?? undefined,
  );
  paintGrid(pixels, values, buffers.classes, size * size, classes);
}
