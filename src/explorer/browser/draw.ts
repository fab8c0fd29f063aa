/**
 * What the live explorer draws: on its canvas the decision regions (a small heatmap scaled up),
 * the points and the keyboard cursor; beside it the figures (epoch, cost, accuracy) and the cost
 * curve. The same geometry (frame.ts) and colours (colors.ts) draw the static first frame.
 */
import { formatNumber } from '../../display/numbers';
import { CLASS_COLORS } from '../colors';
import type { Network } from '../engine/network';
import { addedRings, formatAccuracy, LOSS_BOX, lossPolyline, lossTop, pointPaths, toPixel, type View } from '../frame';
import { heatmapBuffers, paintHeatmap, type HeatmapBuffers } from '../heatmap';
import type { TrainingData } from '../model';

/** The heatmap's side in cells: scaled up smoothly, 100 is as fine as the eye needs. */
const HEATMAP_SIZE = 100;

/** What one picture shows. */
export interface Scene {
  network: Network;
  data: TrainingData;
  view: View;
  classes: number;
  /** The index of the first point the student added (they are drawn larger). */
  firstAdded: number;
  /** The keyboard cursor, in data coordinates; null when the canvas is not focused. */
  cursor: readonly [number, number] | null;
}

/** The canvas that takes the static frame's place, and draws a scene without allocating (but for new points). */
export class PlotCanvas {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly offscreen: HTMLCanvasElement;
  private readonly offscreenContext: CanvasRenderingContext2D;
  private readonly buffers: HeatmapBuffers;
  private readonly image: ImageData;
  private paths: Path2D[] = [];
  /** Rings around the points the student added. */
  private rings: Path2D | null = null;
  /** The canvas size the paths were made for; 0 when they must be made again. */
  private pathsSize = 0;
  private outline = '#000';

  constructor(container: HTMLElement, classes: number) {
    // It takes keys, so it is an application region; what the cursor is over is said in the
    // explorer's status line.
    const canvas = document.createElement('canvas');
    canvas.className = 'explorer-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', 'plot');
    canvas.setAttribute(
      'aria-label',
      'The data and the decision regions. Arrow keys move a cursor; Enter adds a point of the chosen class there.',
    );
    container.replaceChildren(canvas);
    this.canvas = canvas;
    this.context = canvas.getContext('2d')!;
    this.offscreen = document.createElement('canvas');
    this.offscreen.width = this.offscreen.height = HEATMAP_SIZE;
    this.offscreenContext = this.offscreen.getContext('2d')!;
    this.buffers = heatmapBuffers(HEATMAP_SIZE, classes);
    this.image = new ImageData(this.buffers.pixels as Uint8ClampedArray<ArrayBuffer>, HEATMAP_SIZE, HEATMAP_SIZE);
  }

  /** The points' outline is the page's text colour, read again when the theme changes. */
  readTheme(from: Element): void {
    this.outline = getComputedStyle(from).getPropertyValue('--text').trim() || '#000';
  }

  /** The points changed: their paths are made again at the next draw. */
  pointsChanged(): void {
    this.pathsSize = 0;
  }

  draw(scene: Scene): void {
    const { canvas, context } = this;
    // The backing store follows the canvas's CSS size and the screen's pixel density.
    const size = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
    if (canvas.width !== size) {
      canvas.width = canvas.height = size;
      this.pathsSize = 0;
    }
    paintHeatmap(scene.network, scene.view, scene.classes, this.buffers);
    this.offscreenContext.putImageData(this.image, 0, 0);
    context.clearRect(0, 0, size, size);
    context.imageSmoothingEnabled = true;
    context.drawImage(this.offscreen, 0, 0, size, size);
    if (this.pathsSize !== size) {
      this.paths = pointPaths(scene.data, scene.classes, scene.view, size, size, scene.firstAdded).map(
        (d) => new Path2D(d),
      );
      const rings = addedRings(scene.data, scene.view, size, size, scene.firstAdded);
      this.rings = rings ? new Path2D(rings) : null;
      this.pathsSize = size;
    }
    context.lineWidth = Math.max(1, size / 400);
    context.strokeStyle = this.outline;
    this.paths.forEach((path, label) => {
      context.fillStyle = CLASS_COLORS[label]!;
      context.fill(path);
      context.stroke(path);
    });
    if (this.rings) {
      context.lineWidth = Math.max(1.5, size / 250);
      context.stroke(this.rings);
    }
    if (scene.cursor) {
      const [x, y] = toPixel(scene.view, size, size, scene.cursor[0], scene.cursor[1]);
      context.lineWidth = Math.max(1.5, size / 300);
      context.beginPath();
      context.moveTo(x - size / 30, y);
      context.lineTo(x + size / 30, y);
      context.moveTo(x, y - size / 30);
      context.lineTo(x, y + size / 30);
      context.stroke();
    }
  }
}

/** The cost per epoch, in an array that reallocates only when it doubles. */
export class CostHistory {
  values = new Float64Array(1024);
  count = 0;
  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }
  clear(): void {
    this.count = 0;
  }
}

/** The figures beside the plot: epoch, cost, accuracy, and the cost curve. */
export class Figures {
  private readonly epoch: HTMLElement;
  private readonly loss: HTMLElement;
  private readonly accuracy: HTMLElement;
  private readonly lossLine: SVGPolylineElement;
  private readonly lossTop: HTMLElement;
  private readonly lastEpoch: HTMLElement;
  private readonly untrained: HTMLElement;
  private readonly addedLegend: HTMLElement;

  constructor(root: HTMLElement) {
    this.epoch = root.querySelector<HTMLElement>('[data-stat="epoch"]')!;
    this.loss = root.querySelector<HTMLElement>('[data-stat="loss"]')!;
    this.accuracy = root.querySelector<HTMLElement>('[data-stat="accuracy"]')!;
    this.lossLine = root.querySelector<SVGPolylineElement>('[data-loss-line]')!;
    this.lossTop = root.querySelector<HTMLElement>('[data-loss-top]')!;
    this.lastEpoch = root.querySelector<HTMLElement>('[data-loss-last]')!;
    this.untrained = root.querySelector<HTMLElement>('[data-loss-empty]')!;
    this.addedLegend = root.querySelector<HTMLElement>('[data-added-legend]')!;
  }

  /** The legend's entry for added points shows while there are some. */
  showAdded(count: number): void {
    this.addedLegend.hidden = count === 0;
  }

  show(network: Network, costs: CostHistory): void {
    // The curve's axes: the cost from 0 to its largest, the epochs from 0 to this one; at
    // epoch 0 there is no curve yet, and the box says how to draw one.
    this.lossTop.textContent = formatNumber(lossTop(costs.values, costs.count));
    this.lastEpoch.textContent = `epoch ${network.epoch}`;
    this.untrained.hidden = network.epoch > 0;
    this.epoch.textContent = String(network.epoch);
    this.loss.textContent = formatNumber(network.loss());
    this.accuracy.textContent = formatAccuracy(network.accuracy());
    this.lossLine.setAttribute('points', lossPolyline(costs.values, costs.count, LOSS_BOX.width, LOSS_BOX.height));
  }

  /** What the figures say, as a sentence's end: "cost 0.123, accuracy 98.5%". */
  summary(): string {
    return `cost ${this.loss.textContent}, accuracy ${this.accuracy.textContent}`;
  }
}
