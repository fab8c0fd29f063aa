/**
 * Observable Plot for cells that run where Plot is not: a stand-in `Plot` whose calls record
 * themselves (`Plot.barY(data, { x: (d, i) => i })`), a serialiser that evaluates accessor
 * functions into channel arrays where the data is, and `realizePlot`, which replays the record
 * on the real Plot (in the browser, or at build time with linkedom's document).
 */

import { cutText, LIMITS, type Cut } from './limits';

const PLOT_CALL = Symbol.for('nn-live.plot-call');

/** A recorded call of `Plot.name(...args)`. */
export interface PlotCall {
  readonly [PLOT_CALL]: true;
  readonly name: string;
  readonly args: readonly unknown[];
  /** Plot's marks have `.plot(options)`: a figure of this one mark. */
  plot(options?: Record<string, unknown>): PlotCall;
}

/** A JSON-safe description of a Plot call tree: what a worker posts and the page replays. */
export type PlotSpec = { call: string; args: PlotValue[] };
export type PlotValue = null | boolean | number | string | PlotValue[] | { [key: string]: PlotValue } | PlotSpec;

export const isPlotCall = (value: unknown): value is PlotCall =>
  typeof value === 'object' && value !== null && PLOT_CALL in value;

function record(name: string, args: unknown[]): PlotCall {
  return {
    [PLOT_CALL]: true,
    name,
    args,
    plot(options = {}) {
      return record('plot', [{ ...options, marks: [this, ...((options['marks'] as unknown[]) ?? [])] }]);
    },
  };
}

/** The `Plot` a cell sees: every `Plot.x(...)` records a call. */
export const plotRecorder: Record<string, (...args: unknown[]) => PlotCall> = new Proxy(
  {},
  { get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => record(name, args) : undefined) },
);

// Options whose function values are per-datum accessors, evaluated into arrays over the data.
const CHANNELS = new Set([
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'z',
  'fill',
  'stroke',
  'r',
  'text',
  'title',
  'tip',
  'fillOpacity',
  'strokeOpacity',
  'opacity',
  'strokeWidth',
  'symbol',
  'length',
  'rotate',
  'fontSize',
]);

const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

/** How many values a figure may still carry, and how many it was given in all. */
interface Budget {
  left: number;
  total: number;
}

/**
 * Turns a recorded call into a PlotSpec; `notes` collects what could not travel, and `cut` what
 * was left out because the figure held more than `LIMITS.plotValues` values (its first ones are
 * drawn).
 */
export function serializePlot(call: PlotCall, notes: string[] = [], inheritedData?: unknown[], cut?: Cut[]): PlotSpec {
  const budget: Budget = { left: LIMITS.plotValues, total: 0 };
  const spec = serializeCall(call, notes, inheritedData, budget, 0);
  const shown = LIMITS.plotValues - budget.left;
  if (budget.total > shown) cut?.push({ what: 'values', shown, total: budget.total });
  return spec;
}

function serializeCall(
  call: PlotCall,
  notes: string[],
  inheritedData: unknown[] | undefined,
  budget: Budget,
  depth: number,
): PlotSpec {
  // A mark's data is its first argument; a transform inside a mark (Plot.binX({…}, {x: d => d}))
  // reads the data of the mark around it. Data beyond the budget is not read at all.
  const own = call.args[0];
  const data = isArrayLike(own) ? firstItems(own, budget.left) : inheritedData;
  if (isArrayLike(own) && own.length > data!.length) budget.total += own.length - data!.length;
  const args = call.args.map((arg, index) =>
    serializeValue(
      index === 0 && isArrayLike(own) ? data : arg,
      `${call.name} argument ${index + 1}`,
      notes,
      index > 0 ? data : undefined,
      budget,
      depth + 1,
    ),
  );
  return { call: call.name, args };
}

const firstItems = (items: ArrayLike<unknown>, n: number): unknown[] =>
  Array.from({ length: Math.min(n, items.length) }, (_, i) => items[i]);

function serializeValue(
  value: unknown,
  path: string,
  notes: string[],
  data: unknown[] | undefined,
  budget: Budget,
  depth: number,
  key?: string,
): PlotValue {
  if (value === null || value === undefined) return null;
  if (depth > LIMITS.plotDepth) {
    notes.push(`${path}: nested too deeply to draw, so it was left out`);
    return null;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    budget.total++;
    if (budget.left === 0) return null;
    budget.left--;
    return typeof value === 'string' ? cutText(value, LIMITS.tableCellChars) : value;
  }
  if (typeof value === 'function') {
    if (data && key !== undefined && CHANNELS.has(key)) {
      // A worker cannot post a function: evaluate the accessor here, where the data is.
      const accessor = value as (d: unknown, i: number, all: unknown[]) => unknown;
      return data.map((d, i) => serializeValue(accessor(d, i, data), path, notes, undefined, budget, depth + 1));
    }
    notes.push(`${path}: a function here cannot be drawn outside the cell, so it was left out`);
    return null;
  }
  if (isPlotCall(value)) return serializeCall(value, notes, data, budget, depth);
  if (isArrayLike(value)) {
    const items = firstItems(value, budget.left);
    budget.total += value.length - items.length;
    return items.map((item, i) => serializeValue(item, `${path}[${i}]`, notes, undefined, budget, depth + 1));
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: { [key: string]: PlotValue } = {};
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      if (budget.left === 0) {
        budget.total++;
        continue;
      }
      const v = (value as Record<string, unknown>)[k];
      const serialized = serializeValue(v, `${path}.${cutText(k, 50)}`, notes, data, budget, depth + 1, k);
      if (serialized !== null || v === null) out[cutText(k, LIMITS.tableCellChars)] = serialized;
    }
    return out;
  }
  notes.push(`${path}: a ${typeof value} cannot be drawn`);
  return null;
}

export const isPlotSpec = (value: unknown): value is PlotSpec =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PlotSpec).call === 'string' &&
  Array.isArray((value as PlotSpec).args);

// Options that would let posted data become a link or code on the page.
const UNSAFE_OPTIONS = new Set(['href', 'target', 'render', 'document', 'className']);

type PlotModule = Record<string, unknown>;

/**
 * The colours of a categorical colour scale: the theme's (--chart-1 … in global.css), so every
 * category stands out from the page in both themes. Plot's default palette is drawn for white,
 * and its yellow and teal are under 3:1 there.
 */
export const CHART_COLORS: readonly string[] = Array.from({ length: 8 }, (_, i) => `var(--chart-${i + 1})`);

/** The colour scale a figure drew with, as Plot exposes it (`figure.scale('color')`). */
interface ExposedScale {
  type?: string;
  range?: readonly unknown[];
}

/**
 * The smallest a chart's text may be drawn, in CSS pixels. Plot scales a figure down to the
 * column (max-width: 100%), text included: a 640-pixel diagram on a phone had 5-pixel labels.
 * A figure therefore keeps a minimum width at which its smallest text is this size, and a
 * narrower column scrolls it sideways instead.
 */
export const MIN_CHART_TEXT_PX = 9;

interface SvgLike {
  localName?: string;
  children?: ArrayLike<SvgLike>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<SvgLike>;
}

/** The font size of an element's own attribute or inline style, in pixels, if it sets one. */
function fontSizeOf(element: SvgLike): number | undefined {
  const inline = /font-size:\s*([\d.]+)px/.exec(element.getAttribute('style') ?? '')?.[1];
  const size = parseFloat(inline ?? element.getAttribute('font-size') ?? '');
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

/** Gives a figure's chart the minimum width at which its smallest text is MIN_CHART_TEXT_PX. */
function keepTextLegible(figure: SvgLike): void {
  // A figure with a legend or a caption wraps the chart: the chart is its svg child.
  const chart =
    figure.localName === 'svg' ? figure : Array.from(figure.children ?? []).find((child) => child.localName === 'svg');
  const width = parseFloat(chart?.getAttribute('width') ?? '');
  if (!chart || !(width > 0)) return;
  const sizes = [chart, ...chart.querySelectorAll('[font-size], [style*="font-size"]')]
    .map(fontSizeOf)
    .filter((size) => size !== undefined);
  const smallest = sizes.length > 0 ? Math.min(...sizes) : 10;
  const minWidth = Math.ceil(width * Math.min(1, MIN_CHART_TEXT_PX / smallest));
  const style = (chart.getAttribute('style') ?? '').trim().replace(/;?$/, ';');
  chart.setAttribute('style', `${style === ';' ? '' : `${style} `}min-width: ${minWidth}px;`);
}

/** Whether a figure's colours are Plot's default categorical palette, which the cell did not choose. */
function usesDefaultPalette(figure: unknown, colorOptions: unknown, Plot: PlotModule): boolean {
  const options = (colorOptions ?? {}) as Record<string, unknown>;
  if (['range', 'scheme', 'interpolate'].some((key) => options[key] !== undefined)) return false;
  const scale = (figure as { scale?: (name: string) => ExposedScale | undefined }).scale?.('color');
  if (scale?.type !== 'ordinal' || !scale.range) return false;
  const exposeDefault = Plot['scale'] as ((options: object) => ExposedScale) | undefined;
  const defaults = exposeDefault?.({ color: { type: 'categorical', domain: ['a'] } }).range;
  return defaults !== undefined && scale.range.every((color, i) => color === defaults[i % defaults.length]);
}

/**
 * Replays a spec on the real Plot. The spec may come from untrusted code, so only Plot's own
 * functions are called, and options that could create links or run code are dropped.
 */
export function realizePlot(spec: PlotSpec, Plot: PlotModule, document?: unknown): unknown {
  const replay = (value: PlotValue): unknown => {
    if (isPlotSpec(value)) {
      const fn = Object.hasOwn(Plot, value.call) ? Plot[value.call] : undefined;
      if (typeof fn !== 'function' || value.call.startsWith('_')) throw new Error(`Plot has no function ${value.call}`);
      const args = value.args.map(replay);
      if (value.call === 'plot') {
        const options = (args[0] ?? {}) as Record<string, unknown>;
        const draw = (o: Record<string, unknown>) => (fn as (o: unknown) => unknown)(document ? { ...o, document } : o);
        let figure = draw(options);
        // Categories the cell gave no colours get the theme's; only known after Plot has typed the scale.
        if (usesDefaultPalette(figure, options['color'], Plot))
          figure = draw({ ...options, color: { ...(options['color'] as object | undefined), range: CHART_COLORS } });
        if (typeof (figure as Partial<SvgLike> | null)?.getAttribute === 'function') keepTextLegible(figure as SvgLike);
        return figure;
      }
      return (fn as (...a: unknown[]) => unknown)(...args);
    }
    if (Array.isArray(value)) return value.map(replay);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) if (!UNSAFE_OPTIONS.has(key)) out[key] = replay(v);
      return out;
    }
    return value;
  };
  const figureSpec: PlotSpec = spec.call === 'plot' ? spec : { call: 'plot', args: [{ marks: [spec] }] };
  const figure = replay(figureSpec) as {
    querySelectorAll?: (selector: string) => Iterable<{ setAttribute(name: string, value: string): void }>;
  };
  // Plot names its mark groups with aria-label, which ARIA allows only on elements with a role.
  for (const group of figure.querySelectorAll?.('g[aria-label]:not([role])') ?? []) group.setAttribute('role', 'group');
  return figure;
}
