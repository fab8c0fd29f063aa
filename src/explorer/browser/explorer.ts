/**
 * A live training explorer: trains the network one epoch per animation frame while playing and
 * redraws the decision regions, the points, the cost curve and the figures. Every change of
 * set-up is written to the address, so "Copy link" shares exactly what is on screen.
 */
import type { Network } from '../../ml/network';
import { formatNumber } from '../../notebook/format';
import { decodeConfig, encodeConfig, LIMITS, viewFor, type DatasetName, type ExplorerConfig } from '../config';
import { CLASS_COLORS } from '../colors';
import { fromPixel, lossPolyline, pointPaths, toPixel, type View } from '../frame';
import { heatmapBuffers, paintHeatmap } from '../heatmap';
import { trainedNetwork, trainingData, type TrainingData } from '../model';

const HEATMAP_SIZE = 100;
const LOSS_BOX = { width: 240, height: 90 };
/** While playing, the figures and the cost curve are redrawn every this many epochs. */
const FIGURES_EVERY = 6;
/** How far an arrow key moves the keyboard cursor, as a fraction of the view. */
const CURSOR_STEP = 0.025;

/**
 * The current address with `key=value` in its query. The value's ':' ';' ',' stay as they
 * are (all legal in a query), so a shared link stays readable.
 */
function addressWith(key: string, value: string): string {
  const params = new URLSearchParams(location.search);
  params.delete(key);
  const others = params.toString();
  const encoded = encodeURIComponent(value).replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ',');
  return `${location.pathname}?${others ? `${others}&` : ''}${key}=${encoded}${location.hash}`;
}

const formatAccuracy = (fraction: number) => `${(100 * fraction).toFixed(1)}%`;

/** A growable array of the cost per epoch that reallocates only when it doubles. */
class History {
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

export function mountExplorer(root: HTMLElement, caught: Event[]): void {
  const name = root.dataset['explorer']!;
  const defaults = JSON.parse(root.querySelector('script[data-explorer-defaults]')!.textContent!) as ExplorerConfig;
  const decoded = decodeConfig(new URLSearchParams(location.search).get(name) ?? '', defaults);
  let config = decoded.config;

  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const message = $<HTMLElement>('[data-explorer-message]');
  const stats = { epoch: $<HTMLElement>('[data-stat="epoch"]'), loss: $<HTMLElement>('[data-stat="loss"]'), accuracy: $<HTMLElement>('[data-stat="accuracy"]') };
  const lossLine = $<SVGPolylineElement>('[data-loss-line]');
  const playButton = $<HTMLButtonElement>('[data-action="play"]');
  const controls = {
    data: $<HTMLSelectElement>('[data-control="data"]'),
    depth: $<HTMLSelectElement>('[data-control="depth"]'),
    units: $<HTMLInputElement>('[data-control="units"]'),
    activation: $<HTMLSelectElement>('[data-control="activation"]'),
    rate: $<HTMLInputElement>('[data-control="rate"]'),
    rateValue: $<HTMLOutputElement>('[data-rate-value]'),
  };
  if (decoded.problems.length > 0) message.textContent = decoded.problems.join(' ');

  // The canvas takes the static frame's place.
  const plot = $<HTMLElement>('[data-explorer-plot]');
  const canvas = document.createElement('canvas');
  canvas.className = 'explorer-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'The data and the decision regions. Arrow keys move a cursor; Enter adds a point of the chosen class there.');
  plot.replaceChildren(canvas);
  const context = canvas.getContext('2d')!;
  const offscreen = document.createElement('canvas');
  offscreen.width = offscreen.height = HEATMAP_SIZE;
  const offscreenContext = offscreen.getContext('2d')!;

  let data: TrainingData;
  let network: Network;
  let view: View;
  let buffers = heatmapBuffers(HEATMAP_SIZE, config.classes);
  let image = new ImageData(buffers.pixels as Uint8ClampedArray<ArrayBuffer>, HEATMAP_SIZE, HEATMAP_SIZE);
  const costs = new History();
  let paths: Path2D[] = [];
  let pathsSize = 0;
  let outline = '#000';
  let playing = false;
  let frame = 0;
  let cursor: [number, number] | null = null;

  function readOutline(): void {
    outline = getComputedStyle(root).getPropertyValue('--text').trim() || '#000';
  }

  /** Builds data and network from the set-up, trained to its epoch. */
  function rebuild(): void {
    data = trainingData(config);
    view = viewFor(config.data);
    const losses: number[] = [];
    network = trainedNetwork(config, data, losses);
    costs.clear();
    for (const loss of losses) costs.push(loss);
    if (buffers.classes === null !== (config.classes === 2)) {
      buffers = heatmapBuffers(HEATMAP_SIZE, config.classes);
      image = new ImageData(buffers.pixels as Uint8ClampedArray<ArrayBuffer>, HEATMAP_SIZE, HEATMAP_SIZE);
    }
    pathsSize = 0;
    showControls();
  }

  function showControls(): void {
    controls.data.value = config.data;
    controls.depth.value = String(config.layers.length);
    if (config.layers[0] !== undefined) controls.units.value = String(config.layers[0]);
    controls.units.disabled = config.layers.length === 0;
    controls.activation.value = config.activation;
    controls.activation.disabled = config.layers.length === 0;
    controls.rate.value = String(Math.log10(config.learningRate));
    showRate();
  }

  /** The slider moves on a log scale; what it says (and what a screen reader reads) is the rate. */
  function showRate(): void {
    const text = formatNumber(config.learningRate);
    controls.rateValue.textContent = text;
    controls.rate.setAttribute('aria-valuetext', text);
  }

  /** The canvas's backing store follows its CSS size and the screen's pixel density. */
  function fitCanvas(): number {
    const size = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
    if (canvas.width !== size) {
      canvas.width = canvas.height = size;
      pathsSize = 0;
    }
    return size;
  }

  function draw(): void {
    const size = fitCanvas();
    paintHeatmap(network, view, config.classes, buffers);
    offscreenContext.putImageData(image, 0, 0);
    context.clearRect(0, 0, size, size);
    context.imageSmoothingEnabled = true;
    context.drawImage(offscreen, 0, 0, size, size);
    if (pathsSize !== size) {
      paths = pointPaths(data, config.classes, view, size, size, data.m - config.added.length).map((d) => new Path2D(d));
      pathsSize = size;
    }
    context.lineWidth = Math.max(1, size / 400);
    context.strokeStyle = outline;
    paths.forEach((path, label) => {
      context.fillStyle = CLASS_COLORS[label]!;
      context.fill(path);
      context.stroke(path);
    });
    if (cursor && document.activeElement === canvas) {
      const [x, y] = toPixel(view, size, size, cursor[0], cursor[1]);
      context.strokeStyle = outline;
      context.lineWidth = Math.max(1.5, size / 300);
      context.beginPath();
      context.moveTo(x - size / 30, y);
      context.lineTo(x + size / 30, y);
      context.moveTo(x, y - size / 30);
      context.lineTo(x, y + size / 30);
      context.stroke();
    }
    // Figures that change every frame cost Chromium a tenth of the frame rate and cannot be
    // read at 60 Hz anyway: while playing they follow every few frames, always when stopped.
    if (!playing || network.epoch % FIGURES_EVERY === 0) showFigures();
  }

  function showFigures(): void {
    stats.epoch.textContent = String(network.epoch);
    stats.loss.textContent = formatNumber(network.loss());
    stats.accuracy.textContent = formatAccuracy(network.accuracy());
    lossLine.setAttribute('points', lossPolyline(costs.values, costs.count, LOSS_BOX.width, LOSS_BOX.height));
  }

  // The lesson's cells that read this network's parameters, if any (see remarkCells).
  const parameterField = document.querySelector<HTMLInputElement>(`[data-explorer-cell="${name}"] [data-cell-input]`);

  /** Sends the parameters to the notebook, as a student's input would, which re-runs the cells that read them. */
  function publish(): void {
    if (!parameterField) return;
    const parameters = network.parameters();
    const json = JSON.stringify(Object.fromEntries(Object.entries(parameters).map(([key, m]) => [key, { rows: m.rows, cols: m.cols, data: Array.from(m.data) }])));
    if (json === parameterField.value) return;
    parameterField.value = json;
    parameterField.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /**
   * Writes the set-up (with the epoch reached) to the address, without a new history entry,
   * and hands the network to the lesson's cells: everything that happens when training stops.
   */
  function writeAddress(): void {
    publish();
    config = { ...config, epoch: network.epoch };
    history.replaceState(history.state, '', addressWith(name, encodeConfig(config)));
  }

  function tick(): void {
    if (!playing) return;
    costs.push(network.step(config.learningRate));
    draw();
    if (network.epoch >= LIMITS.epoch) pause();
    else frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing) return;
    playing = true;
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    message.textContent = '';
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
    showFigures();
    writeAddress();
    message.textContent = `Paused at epoch ${network.epoch}: cost ${stats.loss.textContent}, accuracy ${stats.accuracy.textContent}.`;
  }

  /** A change of set-up that starts training over (data, layers, activation, seed). */
  function restart(change: Partial<ExplorerConfig>): void {
    const wasPlaying = playing;
    pause();
    config = { ...config, ...change, epoch: 0 };
    rebuild();
    writeAddress();
    draw();
    message.textContent = '';
    if (wasPlaying) play();
  }

  function addPoint(x0: number, x1: number): void {
    if (config.added.length >= LIMITS.addedPoints) {
      message.textContent = `At most ${LIMITS.addedPoints} points can be added; remove some first.`;
      return;
    }
    const label = Number(root.querySelector<HTMLInputElement>('[data-control="add-class"]:checked')?.value ?? 1);
    config = { ...config, added: [...config.added, { x0: Number(x0.toFixed(2)), x1: Number(x1.toFixed(2)), label }] };
    // The network keeps its parameters and goes on learning with the new point.
    data = trainingData(config);
    network.setData(data.X, data.labels);
    pathsSize = 0;
    writeAddress();
    draw();
    message.textContent = `Added a point of class ${label} at (${x0.toFixed(2)}, ${x1.toFixed(2)}); ${config.added.length} added in all.`;
  }

  function act(action: string): void {
    switch (action) {
      case 'play':
        if (playing) pause();
        else play();
        break;
      case 'step':
        pause();
        costs.push(network.step(config.learningRate));
        writeAddress();
        draw();
        break;
      case 'reset':
        pause();
        network.reset();
        costs.clear();
        writeAddress();
        draw();
        message.textContent = 'Back to epoch 0 with the same initial weights.';
        break;
      case 'reseed':
        restart({ seed: (Math.random() * 2 ** 31) >>> 0 });
        message.textContent = `New seed ${config.seed}: new data and new initial weights.`;
        break;
      case 'clear-points':
        if (config.added.length > 0) restart({ added: [] });
        break;
      case 'copy':
        writeAddress();
        navigator.clipboard.writeText(location.href).then(
          () => (message.textContent = 'Link copied: it opens this set-up, trained to this epoch.'),
          () => (message.textContent = 'Copying is not allowed here; the address bar holds the link to this set-up.'),
        );
        break;
    }
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (button && root.contains(button)) act(button.dataset['action']!);
  });

  controls.data.addEventListener('change', () => {
    const data = controls.data.value as DatasetName;
    restart({ data, added: [] });
  });
  const layersFromControls = () => {
    const depth = Number(controls.depth.value);
    const units = Math.min(LIMITS.units, Math.max(1, Math.round(Number(controls.units.value)) || 1));
    return Array.from({ length: depth }, () => units);
  };
  controls.depth.addEventListener('change', () => restart({ layers: layersFromControls() }));
  controls.units.addEventListener('change', () => {
    const value = Number(controls.units.value);
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.units) {
      message.textContent = `Units per layer is a whole number from 1 to ${LIMITS.units}; kept ${config.layers[0] ?? ''}.`;
      controls.units.value = String(config.layers[0] ?? 4);
      return;
    }
    restart({ layers: layersFromControls() });
  });
  controls.activation.addEventListener('change', () => restart({ activation: controls.activation.value as ExplorerConfig['activation'] }));
  // The learning rate changes while training goes on.
  controls.rate.addEventListener('input', () => {
    config = { ...config, learningRate: Number((10 ** Number(controls.rate.value)).toPrecision(2)) };
    showRate();
    if (!playing) writeAddress();
  });
  controls.rate.addEventListener('change', () => writeAddress());

  canvas.addEventListener('click', (event) => {
    const rect = canvas.getBoundingClientRect();
    const [x0, x1] = fromPixel(view, rect.width, rect.height, event.clientX - rect.left, event.clientY - rect.top);
    addPoint(x0, x1);
  });
  canvas.addEventListener('focus', () => {
    cursor ??= [(view.x0[0] + view.x0[1]) / 2, (view.x1[0] + view.x1[1]) / 2];
    if (!playing) draw();
  });
  canvas.addEventListener('blur', () => {
    if (!playing) draw();
  });
  canvas.addEventListener('keydown', (event) => {
    if (!cursor) return;
    const dx = (view.x0[1] - view.x0[0]) * CURSOR_STEP;
    const dy = (view.x1[1] - view.x1[0]) * CURSOR_STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      cursor = [Math.min(view.x0[1], Math.max(view.x0[0], cursor[0] + move[0])), Math.min(view.x1[1], Math.max(view.x1[0], cursor[1] + move[1]))];
      if (!playing) draw();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      addPoint(cursor[0], cursor[1]);
    }
  });

  readOutline();
  new MutationObserver(() => {
    readOutline();
    if (!playing) draw();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    readOutline();
    if (!playing) draw();
  });
  new ResizeObserver(() => {
    if (!playing) draw();
  }).observe(canvas);

  rebuild();
  draw();
  // A set-up from a link is not the lesson's: the cells that read the network follow it.
  if (new URLSearchParams(location.search).has(name)) publish();
  root.dataset['explorerReady'] = '';
  for (const event of caught) {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    if (button && root.contains(button)) act(button.dataset['action']!);
  }
}
