/**
 * Puts a cell's display into the page: the shared renderer builds the HTML (all text escaped),
 * KaTeX typesets vectors and TeX, and Plot draws figures. KaTeX and Plot are imported the first
 * time an output needs them, so a page that never redraws a figure never loads Plot.
 */
import type { DisplayNode } from '../describe';
import type { PlotSpec } from '../plot';
import { renderDisplay, renderError, renderLogs } from '../render';
import type { CellProblem } from './protocol';

type Katex = typeof import('katex').default;
type PlotModule = Record<string, unknown>;

let katexModule: Promise<Katex> | undefined;
let plotModule: Promise<[PlotModule, typeof import('../plot')]> | undefined;
// Once loaded, the modules are used directly: with no await, an output is drawn in the same
// task as the answer that carried it, in graph order.
let katexLoaded: Katex | undefined;
let plotLoaded: [PlotModule, typeof import('../plot')] | undefined;

const loadKatex = () => (katexModule ??= import('katex').then((m) => (katexLoaded = m.default)));
const loadPlot = () => (plotModule ??= Promise.all([import('@observablehq/plot') as unknown as Promise<PlotModule>, import('../plot')]).then((m) => (plotLoaded = m)));

function needsTex(display: DisplayNode): boolean {
  return display.kind === 'vector' || display.kind === 'matrix' || display.kind === 'tex';
}

/** Starts loading what a display will need, so it is likely ready when the answer arrives. */
export function preload(): void {
  void loadKatex();
}

/** Renders a display and its logs into `target`, replacing what was there in one step. */
export async function showDisplay(target: HTMLElement, display: DisplayNode, logs: readonly string[]): Promise<void> {
  const katex = needsTex(display) ? (katexLoaded ?? (await loadKatex())) : undefined;
  const plots: PlotSpec[] = [];
  const html =
    renderDisplay(display, {
      renderTex: (tex, displayMode) => katex!.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml', maxExpand: 1000 }),
      renderPlot: (spec, index) => {
        plots.push(spec);
        return `<div data-plot-slot="${index}"></div>`;
      },
    }) + renderLogs(logs);
  const staging = document.createElement('div');
  staging.innerHTML = html;
  if (plots.length > 0) {
    const [Plot, { realizePlot }] = plotLoaded ?? (await loadPlot());
    plots.forEach((spec, index) => {
      const slot = staging.querySelector(`[data-plot-slot="${index}"]`);
      try {
        slot?.replaceWith(realizePlot(spec, Plot) as Node);
      } catch (error) {
        slot?.replaceWith(document.createRange().createContextualFragment(renderError(`the chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`)));
      }
    });
  }
  target.replaceChildren(...staging.childNodes);
}

/** Shows an error (located in the student's code when possible) and the logs before it. */
export function showProblem(target: HTMLElement, problem: CellProblem, logs: readonly string[]): void {
  target.innerHTML = renderLogs(logs) + renderError(problem.message, problem.line, problem.column);
}
