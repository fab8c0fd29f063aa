/**
 * A live training explorer: trains the network one epoch per animation frame while playing and
 * redraws the decision regions, the points, the cost curve and the figures. The set-up, with
 * every learning-rate change and added point stamped with its epoch, is written to the address
 * whenever training stops, so "Copy link" (or a reload) replays exactly the training on screen.
 */
import type { Network } from '../engine/network';
import { formatNumber } from '../../display/numbers';
import { decodeConfig, encodeConfig, fromTheStart, LIMITS, rateAt, viewFor, type DatasetName, type ExplorerConfig } from '../config';
import { CLASS_COLORS } from '../colors';
import { formatAccuracy, fromPixel, LOSS_BOX, lossPolyline, pointPaths, toPixel, type View } from '../frame';
import { heatmapBuffers, paintHeatmap } from '../heatmap';
import { parametersJson, Replay, trainingData, type TrainingData } from '../model';

const HEATMAP_SIZE = 100;
/** While playing, the figures and the cost curve are redrawn every this many epochs. */
const FIGURES_EVERY = 6;
/** How far an arrow key moves the keyboard cursor, as a fraction of the view. */
const CURSOR_STEP = 0.025;
/** A link's epochs are replayed in slices of this many milliseconds per frame, so the page stays responsive. */
const REPLAY_SLICE_MS = 8;

/**
 * The current address with `key=value` in its query. The value's ':' ';' ',' stay as they
 * are (all legal in a query), so a shared link stays readable.
 */
function addressWith(key: string, value: string): string {
  const params = new URLSearchParams(location.search);
  params.delete(key);
  const others = params.toString();
  const encoded = encodeURIComponent(value).replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2C/g, ',').replace(/%40/g, '@');
  return `${location.pathname}?${others ? `${others}&` : ''}${key}=${encoded}${location.hash}`;
}

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

/** An event that arrived while the explorer loaded, with the value a control had then. */
export interface CaughtEvent {
  event: Event;
  value?: string;
}

export function mountExplorer(root: HTMLElement, caught: CaughtEvent[]): void {
  const name = root.dataset['explorer']!;
  const { config: defaults, offered } = JSON.parse(root.querySelector('script[data-explorer-defaults]')!.textContent!) as { config: ExplorerConfig; offered: DatasetName[] };
  const decoded = decodeConfig(new URLSearchParams(location.search).get(name) ?? '', defaults, offered);
  let config = decoded.config;

  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const message = $<HTMLElement>('[data-explorer-message]');
  /**
   * What was wrong with the link: it stays in the message, ahead of the replay's progress,
   * until the student does something that has its own message. Always set as text: the link's
   * words are quoted in it.
   */
  let linkProblems = decoded.problems.join(' ');
  /** Whether the message ends with the replay's progress (cleared once the replay is done). */
  let showingProgress = false;
  const show = (text: string) => (message.textContent = [linkProblems, text].filter((part) => part !== '').join(' '));
  /** A message about what the student did; it takes the place of the link's problems. */
  const say = (text: string) => {
    linkProblems = '';
    showingProgress = false;
    show(text);
  };
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

  // The canvas takes the static frame's place. It takes keys, so it is an application region,
  // and what the cursor is over is said in the status line.
  const plot = $<HTMLElement>('[data-explorer-plot]');
  const canvas = document.createElement('canvas');
  canvas.className = 'explorer-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'plot');
  canvas.setAttribute('aria-label', 'The data and the decision regions. Arrow keys move a cursor; Enter adds a point of the chosen class there.');
  plot.replaceChildren(canvas);
  const context = canvas.getContext('2d')!;
  const offscreen = document.createElement('canvas');
  offscreen.width = offscreen.height = HEATMAP_SIZE;
  const offscreenContext = offscreen.getContext('2d')!;

  const buffers = heatmapBuffers(HEATMAP_SIZE, config.classes);
  const image = new ImageData(buffers.pixels as Uint8ClampedArray<ArrayBuffer>, HEATMAP_SIZE, HEATMAP_SIZE);
  const costs = new History();
  let data: TrainingData;
  let network: Network;
  let view: View;
  let paths: Path2D[] = [];
  let pathsSize = 0;
  let outline = '#000';
  let playing = false;
  let frame = 0;
  /** A link's training being replayed, a slice per frame; null once the network is there. */
  let replay: Replay | null = null;
  let playAfterReplay = false;
  let cursor: [number, number] | null = null;

  function readOutline(): void {
    outline = getComputedStyle(root).getPropertyValue('--text').trim() || '#000';
  }

  const currentRate = () => rateAt(config, network.epoch);

  /** Builds data and network from the set-up; its epochs replay a slice per frame. */
  function rebuild(): void {
    cancelAnimationFrame(frame);
    data = trainingData(config);
    view = viewFor(config.data);
    replay = new Replay(config);
    network = replay.network;
    costs.clear();
    pathsSize = 0;
    showControls();
    continueReplay();
  }

  function continueReplay(): void {
    if (!replay) return;
    const done = replay.advance(performance.now() + REPLAY_SLICE_MS);
    if (!done) {
      show(`Training to epoch ${config.epoch}, as the link says: ${network.epoch} so far.`);
      showingProgress = true;
      frame = requestAnimationFrame(continueReplay);
      return;
    }
    for (const cost of replay.costs) costs.push(cost);
    replay = null;
    if (showingProgress) show('');
    showingProgress = false;
    draw();
    publish();
    if (playAfterReplay) {
      playAfterReplay = false;
      play();
    }
  }

  function showControls(): void {
    controls.data.value = config.data;
    controls.depth.value = String(config.layers.length);
    if (config.layers[0] !== undefined) controls.units.value = String(config.layers[0]);
    controls.units.disabled = config.layers.length === 0;
    controls.activation.value = config.activation;
    controls.activation.disabled = config.layers.length === 0;
    const rate = rateAt(config, config.epoch);
    controls.rate.value = String(Math.log10(rate));
    showRate(rate);
  }

  /** The slider moves on a log scale; what it says (and what a screen reader reads) is the rate. */
  function showRate(rate: number): void {
    const text = formatNumber(rate);
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
    if (replay) return;
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
    if (!parameterField || replay) return;
    if (!Number.isFinite(network.loss())) return;
    const json = parametersJson(network);
    if (json === parameterField.value) return;
    parameterField.value = json;
    parameterField.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /**
   * Writes the set-up (with the epoch reached) to the address, without a new history entry,
   * and hands the network to the lesson's cells: everything that happens when training stops.
   */
  function settle(): void {
    if (replay) return;
    config = { ...config, epoch: network.epoch };
    history.replaceState(history.state, '', addressWith(name, encodeConfig(config)));
    publish();
  }

  /** One epoch; false (and a message) when the cost is no longer a number. */
  function train(): boolean {
    const cost = network.step(currentRate());
    costs.push(cost);
    if (Number.isFinite(cost) && Number.isFinite(network.loss())) return true;
    say(`Training diverged at epoch ${network.epoch}: the cost is no longer a number. Lower the learning rate, then press Reset.`);
    return false;
  }

  function tick(): void {
    if (!playing) return;
    const fine = train();
    draw();
    if (!fine || network.epoch >= LIMITS.epoch) pause(!fine);
    else frame = requestAnimationFrame(tick);
  }

  function play(): void {
    if (playing) return;
    if (replay) {
      playAfterReplay = true;
      return;
    }
    playing = true;
    playButton.textContent = 'Pause';
    say('');
    frame = requestAnimationFrame(tick);
  }

  /** Stops playing; with `quiet`, keeps the message already shown. */
  function stopPlaying(): void {
    playing = false;
    playAfterReplay = false;
    cancelAnimationFrame(frame);
    playButton.textContent = 'Play';
  }

  function pause(quiet = false): void {
    if (!playing) return;
    stopPlaying();
    showFigures();
    settle();
    if (!quiet) say(`Paused at epoch ${network.epoch}: cost ${stats.loss.textContent}, accuracy ${stats.accuracy.textContent}.`);
  }

  /** A change of set-up that starts training over (data, layers, activation, seed, points). */
  function restart(change: Partial<ExplorerConfig>): void {
    const wasPlaying = playing || playAfterReplay;
    stopPlaying();
    config = { ...fromTheStart(config, replay ? config.epoch : network.epoch), ...change };
    rebuild();
    settle();
    say('');
    if (wasPlaying) play();
  }

  function addPoint(x0: number, x1: number): void {
    if (replay) return;
    if (config.added.length >= LIMITS.addedPoints) {
      say(`At most ${LIMITS.addedPoints} points can be added; remove some first.`);
      return;
    }
    const label = Number(root.querySelector<HTMLInputElement>('[data-control="add-class"]:checked')?.value ?? 1);
    // The network keeps its parameters and goes on learning with the new point, from this epoch.
    config = { ...config, added: [...config.added, { x0: Number(x0.toFixed(2)), x1: Number(x1.toFixed(2)), label, epoch: network.epoch }] };
    data = trainingData(config);
    network.setData(data.X, data.labels);
    pathsSize = 0;
    if (!playing) settle();
    draw();
    say(`Added a point of class ${label} at (${x0.toFixed(2)}, ${x1.toFixed(2)}); ${config.added.length} added in all.`);
  }

  /** The learning rate from now on; while paused at epoch 0 it is simply the rate from the start. */
  function setRate(rate: number): void {
    if (rate === currentRate()) return;
    const epoch = replay ? config.epoch : network.epoch;
    config =
      epoch === 0
        ? { ...config, learningRate: rate, rateChanges: [] }
        : { ...config, rateChanges: [...config.rateChanges.filter((c) => c.epoch < epoch), { epoch, rate }] };
    if (!playing) settle();
  }

  function act(action: string): void {
    switch (action) {
      case 'play':
        if (playing) pause();
        else if (playAfterReplay) stopPlaying();
        else play();
        // Pressed while a link replays: it will play once the replay is done.
        if (playAfterReplay) playButton.textContent = 'Pause';
        break;
      case 'step':
        if (replay) return;
        pause(true);
        train();
        settle();
        draw();
        break;
      case 'reset':
        stopPlaying();
        config = fromTheStart(config, replay ? config.epoch : network.epoch);
        if (replay) rebuild();
        else {
          network.reset();
          costs.clear();
        }
        settle();
        draw();
        say('Back to epoch 0 with the same initial weights.');
        break;
      case 'reseed':
        restart({ seed: (Math.random() * 2 ** 31) >>> 0 });
        say(`New seed ${config.seed}: new data and new initial weights.`);
        break;
      case 'clear-points':
        if (config.added.length > 0) restart({ added: [] });
        break;
      case 'copy':
        settle();
        navigator.clipboard.writeText(location.href).then(
          () => say('Link copied: it opens this set-up, trained to this epoch.'),
          () => say('Copying is not allowed here; the address bar holds the link to this set-up.'),
        );
        break;
    }
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (button && root.contains(button)) act(button.dataset['action']!);
  });

  const layersFromControls = () => {
    const depth = Number(controls.depth.value);
    const units = Math.min(LIMITS.units, Math.max(1, Math.round(Number(controls.units.value)) || 1));
    return Array.from({ length: depth }, () => units);
  };
  const onData = () => restart({ data: controls.data.value as DatasetName, added: [] });
  const onDepth = () => restart({ layers: layersFromControls() });
  const onUnits = () => {
    const value = Number(controls.units.value);
    if (!Number.isInteger(value) || value < 1 || value > LIMITS.units) {
      say(`Units per layer is a whole number from 1 to ${LIMITS.units}; kept ${config.layers[0] ?? ''}.`);
      controls.units.value = String(config.layers[0] ?? 4);
      return;
    }
    restart({ layers: layersFromControls() });
  };
  const onActivation = () => restart({ activation: controls.activation.value as ExplorerConfig['activation'] });
  const rateFromSlider = () => Number((10 ** Number(controls.rate.value)).toPrecision(2));
  controls.data.addEventListener('change', onData);
  controls.depth.addEventListener('change', onDepth);
  controls.units.addEventListener('change', onUnits);
  controls.activation.addEventListener('change', onActivation);
  // Dragging shows the rate; the new rate takes over when the slider is let go (or a key moved
  // it), so a link records one change, at the epoch it happened, and replays the same training.
  controls.rate.addEventListener('input', () => showRate(rateFromSlider()));
  controls.rate.addEventListener('change', () => setRate(rateFromSlider()));

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
      if (!replay) {
        const cls = network.predictClass(cursor[0], cursor[1]);
        const p = config.classes === 2 ? (cls === 1 ? network.predict(cursor[0], cursor[1]) : 1 - network.predict(cursor[0], cursor[1])) : network.predict(cursor[0], cursor[1]);
        say(`Cursor at (${cursor[0].toFixed(2)}, ${cursor[1].toFixed(2)}): the network predicts class ${cls}, with probability ${p.toFixed(2)}.`);
      }
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

  show('');
  rebuild();
  root.dataset['explorerReady'] = '';
  // What happened while this code loaded: clicks are replayed; a control changed meanwhile
  // gets back the value it was given, and its change takes effect.
  const onChange: Record<string, () => void> = { data: onData, depth: onDepth, units: onUnits, activation: onActivation };
  for (const { event, value } of caught) {
    const target = event.target as Element | null;
    const button = target?.closest<HTMLElement>('[data-action]');
    if (event.type === 'click' && button && root.contains(button)) act(button.dataset['action']!);
    const control = target instanceof HTMLElement ? target.dataset['control'] : undefined;
    if (event.type === 'change' && control && value !== undefined) {
      (target as HTMLInputElement).value = value;
      if (control === 'rate') setRate(rateFromSlider());
      else onChange[control]?.();
    }
  }
}
