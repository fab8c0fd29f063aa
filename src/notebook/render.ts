/**
 * DisplayNode → HTML, shared by the build (written into the page) and the browser (after a
 * re-run). Every piece of text is escaped here; the only markup not built here is KaTeX's
 * output (from `renderTex`, with trust off) and Plot's figure (from `renderPlot`).
 */
import type { DisplayNode } from './describe';
import { escapeHtml } from '../display/escape';
import { formatColumn, formatNumber } from '../display/numbers';
import { texMatrix, texVector } from './format';
import { describeCut, type Cut } from './limits';
import type { PlotSpec } from './plot';

export interface RenderEnvironment {
  /** TeX → HTML (KaTeX, trust off, errors as text). */
  renderTex(tex: string, displayMode: boolean): string;
  /** A figure's HTML, or a placeholder the browser fills with the figure's node. */
  renderPlot(spec: PlotSpec, index: number): string;
}

// Numbers are escaped too: at this point they have crossed from the worker, which cell code shares.
const shapeLabel = (rows: number, cols: number) =>
  `<p class="cell-shape">shape (${escapeHtml(String(rows))}, ${escapeHtml(String(cols))})</p>`;

/** A cut text output is tall: it scrolls in a box of its own, which the keyboard can reach. */
const scrolls = (cut: readonly Cut[] | undefined) => (cut && cut.length > 0 ? ' tabindex="0" data-cell-scroll' : '');

/** What was left out of an output, in one note per cut; `part` says which ("value" or "logs"). */
export function renderCuts(cuts: readonly Cut[] | undefined, part: 'value' | 'logs'): string {
  if (!cuts || cuts.length === 0) return '';
  const text = cuts.map((cut) => describeCut(cut, part === 'logs' ? 'Console output' : 'Output')).join(' ');
  return `<p class="cell-note cell-cut" data-cell-cut="${part}">${escapeHtml(text)}</p>`;
}

function precision(values: readonly number[]): string {
  const text = values.length === 1 ? String(values[0]) : `[${values.map(String).join(', ')}]`;
  return `<details class="cell-precision"><summary>Full precision</summary><code>${escapeHtml(text)}</code></details>`;
}

/** Renders one display node; `plotIndex` numbers the figures of one output. */
export function renderDisplay(node: DisplayNode, env: RenderEnvironment, plotIndex = 0): string {
  switch (node.kind) {
    case 'empty':
      return '';
    case 'number': {
      const rounded = formatNumber(node.value);
      const exact = String(node.value);
      const full = rounded.replace('−', '-') === exact ? '' : precision([node.value]);
      return `<div class="cell-value cell-number"><data value="${escapeHtml(exact)}">${escapeHtml(rounded)}</data>${full}</div>`;
    }
    case 'vector': {
      const length = node.cut?.find((cut) => cut.what === 'entries')?.total ?? node.values.length;
      return `<div class="cell-value cell-math">${env.renderTex(texVector(node.values, length), true)}${shapeLabel(length, 1)}${precision(node.values)}${renderCuts(node.cut, 'value')}</div>`;
    }
    case 'matrix':
      return `<div class="cell-value cell-math">${env.renderTex(texMatrix(node.rows, node.cols, node.values), true)}${shapeLabel(node.rows, node.cols)}${precision(node.values)}${renderCuts(node.cut, 'value')}</div>`;
    case 'tex':
      return `<div class="cell-value cell-math">${env.renderTex(node.tex, true)}</div>`;
    case 'text': {
      const note = node.note === undefined ? '' : `<p class="cell-note">${escapeHtml(node.note)}</p>`;
      return `${note}<pre class="cell-value cell-text"${scrolls(node.cut)}>${escapeHtml(node.text)}</pre>${renderCuts(node.cut, 'value')}`;
    }
    case 'data':
      return `<pre class="cell-value cell-data"${scrolls(node.cut)}>${escapeHtml(node.text)}</pre>${renderCuts(node.cut, 'value')}`;
    case 'table': {
      const head = node.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      // Each column in one notation (formatColumn); every text escaped, numbers included.
      const numbers = node.columns.map((_, j) => formatColumn(node.rows.map((row) => row[j])));
      const body = node.rows
        .map(
          (row, i) =>
            `<tr>${row.map((cell, j) => (typeof cell === 'number' ? `<td class="num">${escapeHtml(numbers[j]?.[i] ?? formatNumber(cell))}</td>` : `<td>${escapeHtml(cell ?? '')}</td>`)).join('')}</tr>`,
        )
        .join('');
      return `<div class="cell-value cell-table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${renderCuts(node.cut, 'value')}</div>`;
    }
    case 'plot': {
      const notes = node.notes.map((note) => `<p class="cell-note">${escapeHtml(note)}</p>`).join('');
      return `<div class="cell-value cell-plot">${env.renderPlot(node.spec, plotIndex)}${notes}${renderCuts(node.cut, 'value')}</div>`;
    }
  }
}

/** A cell's console output, one line per call. */
export function renderLogs(lines: readonly string[], cut?: Cut): string {
  if (lines.length === 0 && !cut) return '';
  return `<pre class="cell-logs" aria-label="Console output"${scrolls(cut ? [cut] : undefined)}>${lines.map(escapeHtml).join('\n')}</pre>${renderCuts(cut ? [cut] : undefined, 'logs')}`;
}

/** An error, located in the student's source when the line is known. */
export function renderError(message: string, line?: number, column?: number): string {
  const where =
    line === undefined
      ? ''
      : ` <span class="cell-error-where">(line ${escapeHtml(String(line))}${column === undefined ? '' : `, column ${escapeHtml(String(column))}`})</span>`;
  return `<div class="cell-error" role="alert"><strong>Error</strong>${where}: ${escapeHtml(message)}</div>`;
}
