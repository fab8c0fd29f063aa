/**
 * Build-time renderers for display nodes: KaTeX to an HTML string, and Observable Plot drawn
 * with linkedom's document, so the figure is static SVG in the page.
 */
import * as Plot from '@observablehq/plot';
import katex from 'katex';
import { parseHTML } from 'linkedom';
import { katexOptions } from '../../display/katex';
import { realizePlot, type PlotSpec } from '../plot';

export function renderTexStatic(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, katexOptions(displayMode));
}

export function renderPlotStatic(spec: PlotSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = realizePlot(spec, Plot as unknown as Record<string, unknown>, document) as { outerHTML: string };
  return figure.outerHTML;
}
