/**
 * The explorer's settings in the page (data set, hidden layers, units, activation, learning
 * rate): shown from a set-up, and read back as the student changes them.
 */
import { formatNumber } from '../../display/numbers';
import { LIMITS, rateAt, type DatasetName, type ExplorerConfig } from '../config';

export class Controls {
  readonly data: HTMLSelectElement;
  readonly depth: HTMLSelectElement;
  readonly units: HTMLInputElement;
  readonly activation: HTMLSelectElement;
  readonly rate: HTMLInputElement;
  private readonly rateValue: HTMLOutputElement;
  private readonly depthNote: HTMLElement;

  constructor(root: HTMLElement) {
    const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
    this.data = $('[data-control="data"]');
    this.depth = $('[data-control="depth"]');
    this.units = $('[data-control="units"]');
    this.activation = $('[data-control="activation"]');
    this.rate = $('[data-control="rate"]');
    this.rateValue = $('[data-rate-value]');
    this.depthNote = $('[data-depth-note]');
    // Dragging shows the rate; the explorer takes it when the slider is let go (its change event).
    this.rate.addEventListener('input', () => this.showRate(this.rateChosen()));
  }

  /** Every control set to the set-up, the learning rate to the one in force at its epoch. */
  show(config: ExplorerConfig): void {
    this.data.value = config.data;
    this.depth.value = String(config.layers.length);
    if (config.layers[0] !== undefined) this.units.value = String(config.layers[0]);
    this.units.disabled = config.layers.length === 0;
    this.activation.value = config.activation;
    this.activation.disabled = config.layers.length === 0;
    // Why they are disabled, said beside them (and in their descriptions).
    this.depthNote.hidden = config.layers.length > 0;
    const rate = rateAt(config, config.epoch);
    this.rate.value = String(Math.log10(rate));
    this.showRate(rate);
  }

  /** The slider moves on a log scale; what it says (and what a screen reader reads) is the rate. */
  private showRate(rate: number): void {
    const text = formatNumber(rate);
    this.rateValue.textContent = text;
    this.rate.setAttribute('aria-valuetext', text);
  }

  dataChosen(): DatasetName {
    return this.data.value as DatasetName;
  }

  activationChosen(): ExplorerConfig['activation'] {
    return this.activation.value as ExplorerConfig['activation'];
  }

  /** The units field's value, if it is a whole number of units a layer may have. */
  unitsChosen(): number | null {
    const value = Number(this.units.value);
    return Number.isInteger(value) && value >= 1 && value <= LIMITS.units ? value : null;
  }

  /** The hidden layers chosen: `depth` layers of the units given (brought within the limits). */
  layersChosen(): number[] {
    const depth = Number(this.depth.value);
    const units = Math.min(LIMITS.units, Math.max(1, Math.round(Number(this.units.value)) || 1));
    return Array.from({ length: depth }, () => units);
  }

  /** The learning rate under the slider, to two significant digits. */
  rateChosen(): number {
    return Number((10 ** Number(this.rate.value)).toPrecision(2));
  }
}
