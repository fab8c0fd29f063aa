/**
 * The geometry of an explorer's pictures, as SVG path data and polyline points: the same
 * strings draw the static first frame (SVG, at build time) and the live one (Path2D on a canvas).
 */
import type { TrainingData } from './model';

export interface View {
  x0: readonly [number, number];
  x1: readonly [number, number];
}

/** Pixel coordinates of a data point in a width × height plot (x1 grows upwards). */
export function toPixel(view: View, width: number, height: number, x0: number, x1: number): [number, number] {
  return [
    ((x0 - view.x0[0]) / (view.x0[1] - view.x0[0])) * width,
    ((view.x1[1] - x1) / (view.x1[1] - view.x1[0])) * height,
  ];
}

/** The data point under a pixel. */
export function fromPixel(view: View, width: number, height: number, px: number, py: number): [number, number] {
  return [
    view.x0[0] + (px / width) * (view.x0[1] - view.x0[0]),
    view.x1[1] - (py / height) * (view.x1[1] - view.x1[0]),
  ];
}

const f = (value: number) => value.toFixed(1);

/** The cost curve's box, in the units of its SVG viewBox (the component writes the same). */
export const LOSS_BOX = { width: 240, height: 90 };

export const formatAccuracy = (fraction: number) => `${(100 * fraction).toFixed(1)}%`;

/**
 * A marker per class, so classes differ in shape as well as colour: a circle, a square, a
 * triangle. `r` is the marker's half-size in pixels.
 */
export function markerPath(label: number, x: number, y: number, r: number): string {
  if (label === 0) return `M${f(x - r)} ${f(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  if (label === 1) return `M${f(x - r * 0.9)} ${f(y - r * 0.9)}h${f(1.8 * r)}v${f(1.8 * r)}h${f(-1.8 * r)}Z`;
  return `M${f(x)} ${f(y - r * 1.15)}L${f(x + r * 1.1)} ${f(y + r * 0.85)}L${f(x - r * 1.1)} ${f(y + r * 0.85)}Z`;
}

/** One path per class holding all of its points (`added` marks the student's, drawn larger). */
export function pointPaths(
  data: TrainingData,
  classes: number,
  view: View,
  width: number,
  height: number,
  firstAdded: number,
): string[] {
  const paths: string[][] = Array.from({ length: classes }, () => []);
  const r = Math.max(2.5, width / 110);
  for (let j = 0; j < data.m; j++) {
    const [x, y] = toPixel(view, width, height, data.X[j]!, data.X[data.m + j]!);
    const label = data.labels[j]!;
    paths[label]?.push(markerPath(label, x, y, j >= firstAdded ? r * 1.5 : r));
  }
  return paths.map((parts) => parts.join(''));
}

/** The cost at the top of the cost curve's box (its bottom is 0): the largest finite cost, or 1. */
export function lossTop(history: ArrayLike<number>, count: number): number {
  let max = 0;
  for (let i = 0; i < count; i++) if (history[i]! > max && Number.isFinite(history[i])) max = history[i]!;
  return max === 0 ? 1 : max;
}

/**
 * One ring per point the student added, around its marker, so an added point never passes for
 * one of the data set's (drawn in the page's text colour, whatever its class).
 */
export function addedRings(data: TrainingData, view: View, width: number, height: number, firstAdded: number): string {
  const r = Math.max(2.5, width / 110) * 2.4;
  const parts: string[] = [];
  for (let j = firstAdded; j < data.m; j++) {
    const [x, y] = toPixel(view, width, height, data.X[j]!, data.X[data.m + j]!);
    parts.push(`M${f(x - r)} ${f(y)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`);
  }
  return parts.join('');
}

/** Polyline points of the cost over the epochs, at most `samples` of them, scaled to the box. */
export function lossPolyline(
  history: ArrayLike<number>,
  count: number,
  width: number,
  height: number,
  samples = 200,
): string {
  if (count === 0) return '';
  const max = lossTop(history, count);
  const stride = Math.max(1, Math.ceil(count / samples));
  const points: string[] = [];
  for (let i = 0; i < count; i += stride) {
    const x = count === 1 ? 0 : (i / (count - 1)) * width;
    const y = height - (Math.min(history[i]!, max) / max) * height;
    points.push(`${f(x)},${f(y)}`);
  }
  const last = count - 1;
  if (last % stride !== 0) points.push(`${f(width)},${f(height - (Math.min(history[last]!, max) / max) * height)}`);
  return points.join(' ');
}
