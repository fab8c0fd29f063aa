/**
 * Puts a cell's display into the page: the shared renderer builds the HTML (all text escaped),
 * KaTeX typesets vectors and TeX, and Plot draws figures. KaTeX and Plot are imported the first
 * time an output needs them, so a page that never redraws a figure never loads Plot.
 *
 * Drawing is bounded twice: every display is within `LIMITS` (checked when it arrived), and the
 * outputs of one batch are drawn in turn, at most `FRAME_BUDGET_MS` of them per task, so the
 * page keeps painting however many cells answer at once.
 */
import type { DisplayNode } from '../describe';
import type { Cut } from '../limits';
import type { PlotSpec } from '../plot';
import { escapeHtml } from '../../display/escape';
import { loadOnce } from '../../display/loadOnce';
import { whenIdle } from '../../display/preload';
import { katexNow, katexOptions, loadKatex } from '../../display/katex';
import { renderDisplay, renderError, renderLogs } from '../render';
import type { CellProblem, OutputPart } from './protocol';

type Katex = typeof import('katex').default;
type PlotModule = Record<string, unknown>;

// Once loaded, the modules are used directly: with no await, an output is drawn in the same
// task as the answer that carried it, in graph order.
let plotLoaded: [PlotModule, typeof import('../plot')] | undefined;

// A load that failed (offline, a new deployment) is tried again by the next output that needs it.
const loadPlot = loadOnce(() =>
  Promise.all([import('@observablehq/plot') as unknown as Promise<PlotModule>, import('../plot')]).then(
    (m) => (plotLoaded = m),
  ),
);

/** Typeset HTML longer than this (deeply nested TeX explodes) is shown as its source instead. */
const MAX_TYPESET_HTML = 300_000;
/** Drawing time one task may take before the rest waits for the next one. */
const FRAME_BUDGET_MS = 40;

function needsTex(display: DisplayNode): boolean {
  return display.kind === 'vector' || display.kind === 'matrix' || display.kind === 'tex';
}

let katexWarmed = false;

/**
 * Starts loading what a display will need, so it is likely ready when the answer arrives. Once
 * KaTeX is here, it typesets one throwaway vector when the browser is idle: a page's first
 * formula costs about 45 ms on a slow phone, mostly compiling KaTeX's code, and the next about 5.
 */
export function preload(): void {
  loadKatex().then(
    (katex) => {
      if (katexWarmed) return;
      katexWarmed = true;
      whenIdle(() => typeset(katex, String.raw`\begin{bmatrix}0.842 & 0.114\end{bmatrix}`, true));
    },
    // Not loaded (offline, a new deployment): the first output that needs it loads it again.
    () => undefined,
  );
}

// ——— drawing in turn ———

const waiting: (() => void)[] = [];
/** Whether an output was drawn in this task (cleared by the next task). */
let drewInTask = false;

/**
 * Runs `draw` now if it is the first output of this task and nothing waits before it; else later,
 * in order, in tasks of at most FRAME_BUDGET_MS of drawing each. So a run's first output is drawn
 * alone and the browser can show it before it draws the rest: drawn in the same task, the next
 * output (about 25 ms of typesetting at 4× CPU) kept the first one off the screen meanwhile.
 */
function inTurn(draw: () => void): Promise<void> {
  if (waiting.length === 0 && !drewInTask) {
    drewInTask = true;
    setTimeout(() => (drewInTask = false), 0);
    draw();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    waiting.push(() => {
      draw();
      resolve();
    });
    if (waiting.length === 1) setTimeout(drainWaiting, 0);
  });
}

function drainWaiting(): void {
  const start = performance.now();
  drewInTask = true;
  while (waiting.length > 0 && performance.now() - start < FRAME_BUDGET_MS) waiting.shift()!();
  if (waiting.length > 0) setTimeout(drainWaiting, 0);
  else setTimeout(() => (drewInTask = false), 0);
}

// ——— one output ———

function typeset(katex: Katex, tex: string, displayMode: boolean): string {
  try {
    const html = katex.renderToString(tex, katexOptions(displayMode));
    if (html.length <= MAX_TYPESET_HTML) return html;
    return `<p class="cell-note">This TeX is too deeply nested to typeset here; its source:</p><pre class="cell-value cell-text">${escapeHtml(tex)}</pre>`;
  } catch (error) {
    // KaTeX reports bad TeX itself (throwOnError: false); this is a stack overflow or worse.
    return renderError(`the TeX could not be typeset: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The "Show more" buttons of the cut notes, where the output can be shown in pieces. */
function offerPieces(staging: HTMLElement, display: DisplayNode, logsCut: Cut | undefined): void {
  for (const note of staging.querySelectorAll<HTMLElement>('[data-cell-cut]')) {
    const part = note.dataset['cellCut'] as OutputPart;
    // Console output comes in pieces of whole lines; a cut inside one long line has none.
    const from = part === 'logs' ? (logsCut?.what === 'lines' ? logsCut.shown : undefined) : firstNotShown(display);
    if (from === undefined) continue;
    note.append(' ', moreButton(part, from, 'Show more'));
  }
}

/** Where "show more" of a display starts: after its characters, entries or rows shown. */
function firstNotShown(display: DisplayNode): number | undefined {
  if (display.kind === 'text' || display.kind === 'data' || display.kind === 'vector' || display.kind === 'matrix')
    return display.cut?.[0]?.shown;
  if (display.kind === 'table') return display.cut?.find((cut) => cut.what === 'rows')?.shown ?? 0;
  return undefined;
}

export function moreButton(part: OutputPart, from: number, text: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cell-more-button';
  button.dataset['cellMore'] = part;
  button.dataset['from'] = String(from);
  button.textContent = text;
  return button;
}

/** Renders a display and its logs into `target`, replacing what was there in one step. */
export async function showDisplay(
  target: HTMLElement,
  display: DisplayNode,
  logs: readonly string[],
  logsCut?: Cut,
): Promise<void> {
  const katex = needsTex(display) ? (katexNow() ?? (await loadKatex())) : undefined;
  const [Plot, plot] = display.kind === 'plot' ? (plotLoaded ?? (await loadPlot())) : [];
  await inTurn(() => {
    const plots: PlotSpec[] = [];
    const html =
      renderDisplay(display, {
        renderTex: (tex, displayMode) => typeset(katex!, tex, displayMode),
        renderPlot: (spec, index) => {
          plots.push(spec);
          return `<div data-plot-slot="${index}"></div>`;
        },
      }) + renderLogs(logs, logsCut);
    const staging = document.createElement('div');
    staging.innerHTML = html;
    plots.forEach((spec, index) => {
      const slot = staging.querySelector(`[data-plot-slot="${index}"]`);
      try {
        slot?.replaceWith(plot!.realizePlot(spec, Plot!) as Node);
      } catch (error) {
        slot?.replaceWith(
          document
            .createRange()
            .createContextualFragment(
              renderError(`the chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`),
            ),
        );
      }
    });
    offerPieces(staging, display, logsCut);
    target.replaceChildren(...staging.childNodes);
  });
}

/** Shows an error (located in the student's code when possible) and the logs before it. */
export function showProblem(target: HTMLElement, problem: CellProblem, logs: readonly string[], logsCut?: Cut): void {
  const staging = document.createElement('div');
  staging.innerHTML = renderLogs(logs, logsCut) + renderError(problem.message, problem.line, problem.column);
  offerPieces(staging, { kind: 'empty' }, logsCut);
  target.replaceChildren(...staging.childNodes);
}
