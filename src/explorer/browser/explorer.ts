/**
 * A live training explorer: trains the network one epoch per animation frame while playing and
 * redraws the decision regions, the points, the cost curve and the figures. The set-up, with
 * every learning-rate change and added point stamped with its epoch, is written to the address
 * whenever training stops, so "Copy link" (or a reload) replays exactly the training on screen.
 *
 * This module wires the page to the explorer's state machine (../machine.ts) and carries out
 * the effects it returns; what is drawn, and how, is in draw.ts.
 *
 * Over 300 lines: the effects of every transition of the machine are carried out here, in one
 * place, so that an effect is never performed twice; drawing, controls, cursor and status are apart.
 */
import type { Network } from '../engine/network';
import {
  decodeConfig,
  encodeConfig,
  fromTheStart,
  LIMITS,
  rateAt,
  viewFor,
  type DatasetName,
  type ExplorerConfig,
} from '../config';
import type { View } from '../frame';
import { PAUSED, playLabel, transition, type Action, type Effect, type Mode } from '../machine';
import { initialNetwork, parametersJson, Replay, trainingData, type TrainingData } from '../model';
import { addressWith } from './address';
import { Controls } from './controls';
import { PlotCursor } from './cursor';
import { CostHistory, Figures, PlotCanvas } from './draw';
import { StatusLine } from './status';

/** While playing, the figures and the cost curve are redrawn every this many epochs. */
const FIGURES_EVERY = 6;
/** A link's epochs are replayed in slices of this many milliseconds per frame, so the page stays responsive. */
const REPLAY_SLICE_MS = 8;

/** An event that arrived while the explorer loaded, with the value a control had then. */
export interface CaughtEvent {
  event: Event;
  value?: string;
}

export function mountExplorer(root: HTMLElement, caught: CaughtEvent[]): void {
  const name = root.dataset['explorer']!;
  const { config: defaults, offered } = JSON.parse(
    root.querySelector('script[data-explorer-defaults]')!.textContent!,
  ) as { config: ExplorerConfig; offered: DatasetName[] };
  const decoded = decodeConfig(new URLSearchParams(location.search).get(name) ?? '', defaults, offered);
  let config = decoded.config;

  const status = new StatusLine(
    root.querySelector<HTMLElement>('[data-explorer-message]')!,
    decoded.problems.join(' '),
  );
  const playButton = root.querySelector<HTMLButtonElement>('[data-action="play"]')!;
  const controls = new Controls(root);
  const plot = new PlotCanvas(root.querySelector<HTMLElement>('[data-explorer-plot]')!, config.classes);
  const cursor = new PlotCursor(plot.canvas, () => view, {
    pick: (x0, x1) => dispatch({ type: 'addPoint', x0, x1 }),
    moved: () => dispatch({ type: 'cursor' }),
    focusChanged: () => dispatch({ type: 'redraw' }),
  });
  const figures = new Figures(root);
  // The lesson's cells that read this network's parameters, if any (see remarkCells).
  const parameterField = document.querySelector<HTMLInputElement>(`[data-explorer-cell="${name}"] [data-cell-input]`);

  const costs = new CostHistory();
  let data: TrainingData;
  let network: Network;
  let view: View;
  let mode: Mode = PAUSED;
  /** The link's training being replayed, while `mode` is replaying. */
  let replay: Replay | null = null;
  let loopFrame = 0;
  let replayFrame = 0;

  /** The epoch the set-up has reached: while a link replays, the link's. */
  const epochReached = () => (mode.kind === 'replaying' ? config.epoch : network.epoch);

  // Actions that arrive while effects are carried out (the end of a replay that needed no
  // frame) wait their turn, so each transition starts from the mode the last one left.
  const queue: Action[] = [];
  let dispatching = false;
  function dispatch(action: Action): void {
    queue.push(action);
    if (dispatching) return;
    dispatching = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const result = transition(mode, next);
        mode = result.mode;
        for (const effect of result.effects) carry(effect);
        const label = playLabel(mode);
        if (playButton.textContent !== label) playButton.textContent = label;
      }
    } finally {
      dispatching = false;
    }
  }

  function carry(effect: Effect): void {
    switch (effect.type) {
      case 'replay':
        replay = new Replay(config);
        useNetwork(replay.network);
        continueReplay();
        break;
      case 'stopReplay':
        cancelAnimationFrame(replayFrame);
        replay = null;
        status.endProgress();
        break;
      case 'build':
        config = effect.config;
        useNetwork(initialNetwork(config));
        network.setData(data.X, data.labels);
        break;
      case 'startLoop':
        loopFrame = requestAnimationFrame(tick);
        break;
      case 'stopLoop':
        cancelAnimationFrame(loopFrame);
        break;
      case 'train':
        train();
        break;
      case 'configure':
        config = effect.config;
        break;
      case 'addPoint':
        addPoint(effect.x0, effect.x1);
        break;
      case 'draw':
        draw();
        break;
      case 'showFigures':
        figures.show(network, costs);
        break;
      case 'describeCursor':
        describeCursor();
        break;
      case 'settle':
        // The set-up, with the epoch reached, goes to the address without a new history entry.
        config = { ...config, epoch: network.epoch };
        history.replaceState(history.state, '', addressWith(name, encodeConfig(config)));
        publish();
        break;
      case 'publish':
        publish();
        break;
      case 'copyLink':
        navigator.clipboard.writeText(location.href).then(
          () => status.say('Link copied: it opens this set-up, trained to this epoch.'),
          () => status.say('Copying is not allowed here; the address bar holds the link to this set-up.'),
        );
        break;
      case 'say':
        if (effect.message === 'nothing') status.say('');
        else if (effect.message === 'reset') status.say('Back to epoch 0 with the same initial weights.');
        else status.say(`Paused at epoch ${network.epoch}: ${figures.summary()}.`);
        break;
    }
  }

  /** The set-up's data, view and controls, around a network at epoch 0. */
  function useNetwork(next: Network): void {
    network = next;
    data = trainingData(config);
    view = viewFor(config.data);
    costs.clear();
    plot.pointsChanged();
    controls.show(config);
    figures.showAdded(config.added.length);
  }

  function continueReplay(): void {
    if (!replay) return;
    const done = replay.advance(performance.now() + REPLAY_SLICE_MS);
    if (!done) {
      status.progress(`Training to epoch ${config.epoch}, as the link says: ${network.epoch} so far.`);
      replayFrame = requestAnimationFrame(continueReplay);
      return;
    }
    for (const cost of replay.costs) costs.push(cost);
    replay = null;
    status.endProgress();
    dispatch({ type: 'replayed' });
  }

  function tick(): void {
    if (mode.kind !== 'playing') return;
    const fine = train();
    draw();
    if (!fine) dispatch({ type: 'diverged' });
    else if (network.epoch >= LIMITS.epoch) dispatch({ type: 'lastEpoch' });
    else loopFrame = requestAnimationFrame(tick);
  }

  /** One epoch; false (and a message) when the cost is no longer a number. */
  function train(): boolean {
    const cost = network.step(rateAt(config, network.epoch));
    costs.push(cost);
    if (Number.isFinite(cost) && Number.isFinite(network.loss())) return true;
    status.say(
      `Training diverged at epoch ${network.epoch}: the cost is no longer a number. Lower the learning rate, then press Reset.`,
    );
    return false;
  }

  function draw(): void {
    plot.draw({
      network,
      data,
      view,
      classes: config.classes,
      firstAdded: data.m - config.added.length,
      cursor: cursor.shown(),
    });
    // Figures that change every frame cost Chromium a tenth of the frame rate and cannot be
    // read at 60 Hz anyway: while playing they follow every few frames, always when stopped.
    if (mode.kind !== 'playing' || network.epoch % FIGURES_EVERY === 0) figures.show(network, costs);
  }

  /** Sends the parameters to the notebook, as a student's input would, which re-runs the cells that read them. */
  function publish(): void {
    if (!parameterField || !Number.isFinite(network.loss())) return;
    const json = parametersJson(network);
    if (json === parameterField.value) return;
    parameterField.value = json;
    parameterField.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function addPoint(x0: number, x1: number): void {
    if (config.added.length >= LIMITS.addedPoints) {
      status.say(`At most ${LIMITS.addedPoints} points can be added; remove some first.`);
      return;
    }
    const label = Number(root.querySelector<HTMLInputElement>('[data-control="add-class"]:checked')?.value ?? 1);
    // The network keeps its parameters and goes on learning with the new point, from this epoch.
    config = {
      ...config,
      added: [...config.added, { x0: Number(x0.toFixed(2)), x1: Number(x1.toFixed(2)), label, epoch: network.epoch }],
    };
    data = trainingData(config);
    network.setData(data.X, data.labels);
    plot.pointsChanged();
    figures.showAdded(config.added.length);
    status.say(
      `Added a point of class ${label} at (${x0.toFixed(2)}, ${x1.toFixed(2)}); ${config.added.length} added in all.`,
    );
  }

  function describeCursor(): void {
    if (!cursor.position) return;
    const [x0, x1] = cursor.position;
    const cls = network.predictClass(x0, x1);
    const p =
      config.classes === 2
        ? cls === 1
          ? network.predict(x0, x1)
          : 1 - network.predict(x0, x1)
        : network.predict(x0, x1);
    status.say(
      `Cursor at (${x0.toFixed(2)}, ${x1.toFixed(2)}): the network predicts class ${cls}, with probability ${p.toFixed(2)}.`,
    );
  }

  /** A change of set-up that starts training over (data, layers, activation, seed, points). */
  const restart = (change: Partial<ExplorerConfig>) =>
    dispatch({ type: 'restart', config: { ...fromTheStart(config, epochReached()), ...change } });

  /** The learning rate from now on; at epoch 0 it is simply the rate from the start. */
  function setRate(rate: number): void {
    const epoch = epochReached();
    if (rate === rateAt(config, epoch)) return;
    const next: ExplorerConfig =
      epoch === 0
        ? { ...config, learningRate: rate, rateChanges: [] }
        : { ...config, rateChanges: [...config.rateChanges.filter((c) => c.epoch < epoch), { epoch, rate }] };
    dispatch({ type: 'rate', config: next });
  }

  function act(action: string): void {
    switch (action) {
      case 'play':
      case 'step':
      case 'copy':
        dispatch({ type: action });
        break;
      case 'reset':
        dispatch({ type: 'reset', config: fromTheStart(config, epochReached()) });
        break;
      case 'reseed':
        restart({ seed: (Math.random() * 2 ** 31) >>> 0 });
        status.say(`New seed ${config.seed}: new data and new initial weights.`);
        break;
      case 'clear-points':
        if (config.added.length > 0) restart({ added: [] });
        break;
    }
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (button && root.contains(button)) act(button.dataset['action']!);
  });

  const onData = () => restart({ data: controls.dataChosen(), added: [] });
  const onDepth = () => restart({ layers: controls.layersChosen() });
  const onUnits = () => {
    if (controls.unitsChosen() === null) {
      status.say(`Units per layer is a whole number from 1 to ${LIMITS.units}; kept ${config.layers[0] ?? ''}.`);
      controls.units.value = String(config.layers[0] ?? 4);
      return;
    }
    restart({ layers: controls.layersChosen() });
  };
  const onActivation = () => restart({ activation: controls.activationChosen() });
  controls.data.addEventListener('change', onData);
  controls.depth.addEventListener('change', onDepth);
  controls.units.addEventListener('change', onUnits);
  controls.activation.addEventListener('change', onActivation);
  // The new rate takes over when the slider is let go (or a key moved it), so a link records
  // one change, at the epoch it happened, and replays the same training.
  controls.rate.addEventListener('change', () => setRate(controls.rateChosen()));

  const onTheme = () => {
    plot.readTheme(root);
    dispatch({ type: 'redraw' });
  };
  plot.readTheme(root);
  new MutationObserver(onTheme).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', onTheme);
  new ResizeObserver(() => dispatch({ type: 'redraw' })).observe(plot.canvas);

  dispatch({ type: 'open' });
  root.dataset['explorerReady'] = '';
  // What happened while this code loaded: clicks are replayed; a control changed meanwhile
  // gets back the value it was given, and its change takes effect.
  const onChange: Record<string, () => void> = {
    data: onData,
    depth: onDepth,
    units: onUnits,
    activation: onActivation,
  };
  for (const { event, value } of caught) {
    const target = event.target as Element | null;
    const button = target?.closest<HTMLElement>('[data-action]');
    if (event.type === 'click' && button && root.contains(button)) act(button.dataset['action']!);
    const control = target instanceof HTMLElement ? target.dataset['control'] : undefined;
    if (event.type === 'change' && control && value !== undefined) {
      (target as HTMLInputElement).value = value;
      if (control === 'rate') setRate(controls.rateChosen());
      else onChange[control]?.();
    }
  }
}
