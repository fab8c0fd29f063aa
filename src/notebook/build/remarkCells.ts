/**
 * The remark plugin that makes a lesson a notebook. A fenced block whose meta starts with
 * `cell` (```` ```ts cell id=softmax expect="[0.842, 0.042, 0.002, 0.114]" ````) and the input
 * elements <Slider>, <NumberInput>, <VectorInput> and <Choice> become cells: the lesson's cells run here,
 * at build time, and their outputs are written into the page, so it reads without JavaScript.
 */
import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import type { Code, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { configFromProps } from '../../explorer/config';
import { firstFrame } from '../../explorer/build/staticFrame';
import { parseChoice, parseNumber, parseOptions, parseParameters, parseSliderValue, parseVector, type Parsed, type Range } from '../inputs';
import { escapeHtml } from '../../display/escape';
import { renderDisplay, renderLogs } from '../render';
import { renderPlotStatic, renderTexStatic } from './renderStatic';
import { runCells, type CellSource } from './runCells';
import { parseMeta } from './meta';
import { specJson, type CellSpec } from '../spec';

export const DEFAULT_BUDGET_MS = 2000;
const INPUT_ELEMENTS = new Set(['Slider', 'NumberInput', 'VectorInput', 'Choice']);

interface JsxAttribute {
  type: string;
  name: string;
  value?: string | { value: string } | null;
}
interface JsxElement {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: JsxAttribute[];
}

type Found =
  | { source: CellSource; node: Code; parent: { children: RootContent[] }; options: Record<string, string | true> }
  | { source: CellSource; node: JsxElement; parent: { children: RootContent[] }; attributes: Record<string, string>; choices?: string[] }
  /** A training explorer's parameters, an input its cells read and the explorer updates. */
  | { source: CellSource; node: JsxElement; parent: { children: RootContent[] }; explorer: string };

function jsxAttributes(node: JsxElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    out[attribute.name] = value === null || value === undefined ? 'true' : typeof value === 'string' ? value : value.value;
  }
  return out;
}

/** An mdast node that becomes the given hast element (remark-rehype honours `data.hName`). */
function element(tagName: string, properties: Record<string, unknown>, children: unknown[] = [], hChildren?: ElementContent[]): RootContent {
  return { type: 'paragraph', data: { hName: tagName, hProperties: properties, ...(hChildren ? { hChildren } : {}) }, children } as unknown as RootContent;
}

const htmlChildren = (html: string) => fromHtml(html, { fragment: true }).children as ElementContent[];

/** The cell's source and settings for the browser runtime, as JSON in a script element. */
function specScript(spec: CellSpec): string {
  return `<script type="application/json" data-cell-spec>${specJson(spec)}</script>`;
}

/**
 * Finds a lesson's cells in its tree: code cells, inputs, and the parameters of training
 * explorers that cells read.
 */
function collectCells(tree: Root, lesson: string): Found[] {
  const found: Found[] = [];
  const ids = new Set<string>();
  const takeId = (wanted: string | undefined) => {
    const id = wanted ?? `cell-${found.length + 1}`;
    if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`${lesson}: cell id "${id}" must start with a letter and use only letters, digits, - and _`);
    if (ids.has(id)) throw new Error(`${lesson}: two cells have the id "${id}"`);
    ids.add(id);
    return id;
  };

  visit(tree, (node, _index, parent) => {
    if (!parent) return;
    if (node.type === 'code' && /^(ts|typescript)$/.test(node.lang ?? '') && /^cell\b/.test(node.meta ?? '')) {
      const options = parseMeta((node.meta ?? '').replace(/^cell\b/, ''));
      const budget = options['budget'] === undefined ? DEFAULT_BUDGET_MS : Number(options['budget']);
      if (!(budget > 0)) throw new Error(`${lesson}: cell budget must be a positive number of milliseconds`);
      const id = takeId(typeof options['id'] === 'string' ? options['id'] : undefined);
      const expect = typeof options['expect'] === 'string' ? options['expect'] : undefined;
      const slide = typeof options['slide'] === 'string' ? options['slide'] : undefined;
      if (slide !== undefined && typeof options['why'] !== 'string') throw new Error(`${lesson}: cell "${id}" has slide= but no why="…": say why the slide and the computation differ`);
      found.push({ source: { id, kind: 'code', code: node.value, budgetMs: budget, ...(expect === undefined ? {} : { expect }), ...(slide === undefined ? {} : { slide }) }, node, parent, options });
    } else if (node.type === ('mdxJsxFlowElement' as string) && (node as unknown as JsxElement).name === 'TrainingExplorer' && jsxAttributes(node as unknown as JsxElement)['cell'] !== undefined) {
      const jsx = node as unknown as JsxElement;
      const attributes = jsxAttributes(jsx);
      const name = attributes['cell']!;
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`${lesson}: <TrainingExplorer cell="${name}">: the cell name must be a valid identifier`);
      // The build's cells see the parameters of the explorer's first frame.
      const code = firstFrame(configFromProps(attributes)).parameters;
      const parsed = parseParameters(code);
      if (!parsed.ok) throw new Error(`${lesson}: <TrainingExplorer cell="${name}">: ${parsed.message}`);
      const id = takeId(`explorer-${attributes['name']}`);
      found.push({ source: { id, kind: 'input', code, budgetMs: DEFAULT_BUDGET_MS, name, value: parsed.value }, node: jsx, parent, explorer: attributes['name']! });
    } else if (node.type === ('mdxJsxFlowElement' as string) && INPUT_ELEMENTS.has((node as unknown as JsxElement).name ?? '')) {
      const jsx = node as unknown as JsxElement;
      const attributes = jsxAttributes(jsx);
      const name = attributes['name'];
      if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`${lesson}: <${jsx.name}> needs a name that is a valid identifier`);
      const where = `${lesson}: <${jsx.name} name="${name}">`;
      let choices: string[] | undefined;
      if (jsx.name === 'Choice') {
        const options = parseOptions(attributes['options'] ?? '');
        if (!options.ok) throw new Error(`${where}: options="${attributes['options'] ?? ''}": ${options.message}`);
        choices = options.value;
      }
      const text = attributes['value'] ?? '';
      const parsed: Parsed<unknown> = choices ? parseChoice(text, choices) : jsx.name === 'VectorInput' ? parseVector(text) : jsx.name === 'Slider' ? parseSliderValue(text, sliderRange(attributes, where)) : parseNumber(text);
      if (!parsed.ok) throw new Error(`${where}: ${parsed.message}`);
      const id = takeId(attributes['id'] ?? `input-${name}`);
      // A choice's text is its option exactly as written, so the browser can compare it.
      const code = choices ? String(parsed.value) : text;
      found.push({ source: { id, kind: 'input', code, budgetMs: DEFAULT_BUDGET_MS, name, value: parsed.value }, node: jsx, parent, attributes, ...(choices ? { choices } : {}) });
    }
  });
  return found;
}

/** A lesson's cells as the build runs them (`runCells`), in the order they appear. */
export function lessonCellSources(tree: Root, lesson: string): CellSource[] {
  return collectCells(tree, lesson).map((item) => item.source);
}

export default function remarkCells() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? 'lesson';
    const lesson = path.split('/').slice(-2).join('/');
    const found = collectCells(tree, lesson);
    if (found.length === 0) return;

    const outcomes = runCells(lesson, found.map((f) => f.source));
    const renderEnv = { renderTex: renderTexStatic, renderPlot: renderPlotStatic };
    const first = found[0]!;
    first.parent.children.splice(first.parent.children.indexOf(first.node as unknown as RootContent), 0, notebookBar());
    for (const item of found) {
      const { source } = item;
      const outcome = outcomes.get(source.id)!;
      const index = item.parent.children.indexOf(item.node as unknown as RootContent);
      if ('explorer' in item) {
        // The explorer stays; its parameters' cell goes right after it, hidden.
        item.parent.children.splice(index + 1, 0, explorerCell(source, item.explorer));
        continue;
      }
      const replacement = 'options' in item ? codeCell(item.node, source, item.options, renderDisplay(outcome.display, renderEnv) + renderLogs(outcome.logs)) : inputCell(item.node, source, item.attributes, item.choices);
      item.parent.children.splice(index, 1, replacement);
      if (outcome.erratum !== undefined && 'options' in item) {
        const label = typeof item.options['label'] === 'string' ? item.options['label'] : `cell ${source.id}`;
        item.parent.children.splice(index + 1, 0, erratumNote(source, label, String(item.options['why']), outcome.erratum));
      }
    }
  };
}

/**
 * Where a slide and the computation disagree, the lesson says so: what the slide shows, what
 * the lesson's code computes (at build time, from the cell above), and why they differ. The
 * number is the lesson's, not the cell's live output, and the note says so: a student who edits
 * the cell changes its output, not what the lesson's version computes.
 */
function erratumNote(source: CellSource, label: string, why: string, computed: string): RootContent {
  // A note, not an aside: a lesson has several errata, and landmarks must be unique.
  return element('div', { className: ['errata'], dataErrata: source.id, role: 'note', ariaLabel: `Erratum: ${label}` }, [], htmlChildren(
    `<p><strong>Erratum.</strong> The slide shows <span class="errata-slide">${escapeHtml(source.slide!)}</span>; ` +
      `the lesson's version of the cell above computes <span class="errata-computed">${escapeHtml(computed)}</span>. ${escapeHtml(why)}</p>`,
  ));
}

/** The lesson-wide controls, shown once JavaScript runs (they do nothing without it). */
function notebookBar(): RootContent {
  return element('div', { className: ['notebook-bar'], dataNotebookBar: '', dataNeedsJs: '', hidden: true }, [], htmlChildren(
    '<p class="notebook-hint">This lesson is a notebook: change the code of any cell and press Shift+Enter or Run; the cells that use its results follow. Your edits are saved in this browser.</p>' +
      '<div class="notebook-actions"><button type="button" data-notebook-action="copy-link">Copy link to my edits</button> ' +
      '<button type="button" data-notebook-action="reset-all">Reset all cells</button></div>' +
      '<p class="notebook-message" role="status" data-notebook-message></p>',
  ));
}

function codeCell(node: Code, source: CellSource, options: Record<string, string | true>, outputHtml: string): RootContent {
  const hidden = options['hidden'] === true;
  const folded = options['folded'] === true;
  const spec = element('div', { hidden: true }, [], htmlChildren(specScript({ id: source.id, kind: 'code', code: source.code, budget: source.budgetMs })));
  const code: Code = { type: 'code', lang: 'ts', meta: null, value: node.value };
  if (hidden) {
    // A setup cell: runs at build time and in the browser, shows nothing.
    return element('div', { className: ['cell', 'cell-hidden'], dataCell: source.id, dataCellStatus: 'idle', dataCellHidden: '', hidden: true }, [spec]);
  }
  const label = typeof options['label'] === 'string' ? options['label'] : `Cell ${source.id}`;
  const toolbar = element('div', { className: ['cell-toolbar'] }, [], htmlChildren(
    `<span class="cell-label">${escapeHtml(label)}</span><span class="cell-state" data-cell-state></span>` +
      `<button type="button" class="cell-run" data-cell-run data-needs-js hidden aria-label="Run ${escapeHtml(label)}">Run</button>`,
  ));
  const codeBox = folded
    ? element('details', { className: ['cell-code'], dataCellEditor: '' }, [element('summary', {}, [{ type: 'text', value: 'Show code' }]), code])
    : element('div', { className: ['cell-code'], dataCellEditor: '' }, [code]);
  const output = element('div', { className: ['cell-output'], dataCellOutput: '', ariaLive: 'polite' }, [], htmlChildren(outputHtml));
  return element('figure', { className: ['cell'], dataCell: source.id, dataCellStatus: 'idle', ariaLabel: label }, [toolbar, codeBox, output, spec]);
}

/**
 * The notebook's end of a training explorer: a hidden input whose value is the network's
 * parameters as JSON. The explorer writes it and fires an input event whenever training
 * pauses; the runtime parses it and re-runs the cells that read it.
 */
function explorerCell(source: CellSource, explorer: string): RootContent {
  const spec = specScript({ id: source.id, kind: 'input', input: 'explorer', name: source.name!, code: source.code, budget: source.budgetMs });
  const html = `<input type="hidden" data-cell-input><p class="cell-input-message" data-cell-input-message></p>${spec}`;
  return element('div', { className: ['cell', 'cell-input'], dataCell: source.id, dataCellStatus: 'idle', dataInputKind: 'explorer', dataExplorerCell: explorer, hidden: true }, [], htmlChildren(html));
}

/** A slider's min, max and step, with the HTML defaults (0, 100, 1); the build fails on a bad one. */
function sliderRange(attributes: Record<string, string>, where: string): Range {
  const read = (key: 'min' | 'max' | 'step', fallback: number) => {
    const text = attributes[key];
    if (text === undefined) return fallback;
    const parsed = parseNumber(text);
    if (!parsed.ok) throw new Error(`${where}: ${key}="${text}": ${parsed.message}`);
    return parsed.value;
  };
  const range = { min: read('min', 0), max: read('max', 100), step: read('step', 1) };
  if (!(range.min < range.max) || !(range.step > 0)) throw new Error(`${where}: the range ${range.min} to ${range.max} in steps of ${range.step} is empty`);
  return range;
}

function inputCell(node: JsxElement, source: CellSource, attributes: Record<string, string>, choices?: string[]): RootContent {
  const kind = node.name === 'Slider' ? 'slider' : node.name === 'VectorInput' ? 'vector' : node.name === 'Choice' ? 'choice' : 'number';
  const fieldId = `field-${source.id}`;
  const label = attributes['label'] ?? source.name!;
  const range = kind === 'slider' ? { range: sliderRange(attributes, `<Slider name="${source.name!}">`) } : {};
  const spec = specScript({ id: source.id, kind: 'input', input: kind, name: source.name!, code: source.code, budget: source.budgetMs, ...(choices ? { options: choices } : {}), ...range });
  const value = escapeHtml(source.code);
  const describedBy = `${fieldId}-message`;
  const message = `<p id="${describedBy}" class="cell-input-message" data-cell-input-message></p>`;
  if (choices) {
    // A group of radio buttons: Tab reaches the checked one, the arrow keys move the choice.
    // autocomplete="off" keeps Firefox from restoring a choice the page's outputs do not show.
    const radios = choices
      .map((option, index) => {
        const checked = option === source.code ? ' checked' : '';
        return `<label class="cell-choice-option"><input id="${fieldId}-${index + 1}" type="radio" name="${fieldId}" value="${escapeHtml(option)}"${checked} autocomplete="off" data-cell-input> <span>${escapeHtml(option)}</span></label>`;
      })
      .join('');
    const html =
      `<fieldset class="cell-choice" aria-describedby="${describedBy}">` +
      `<legend>${escapeHtml(label)} <code>${escapeHtml(source.name!)}</code></legend>` +
      `<div class="cell-input-row cell-choice-options">${radios}</div></fieldset>` +
      message +
      spec;
    return element('div', { className: ['cell', 'cell-input'], dataCell: source.id, dataCellStatus: 'idle', dataInputKind: kind }, [], htmlChildren(html));
  }
  let control: string;
  if (kind === 'slider') {
    const range = ['min', 'max', 'step'].map((key) => (attributes[key] === undefined ? '' : ` ${key}="${escapeHtml(attributes[key])}"`)).join('');
    control = `<input id="${fieldId}" type="range"${range} value="${value}" data-cell-input aria-describedby="${describedBy}"><output for="${fieldId}" data-cell-input-value>${value}</output>`;
  } else {
    const mode = kind === 'number' ? 'decimal' : 'text';
    control = `<input id="${fieldId}" type="text" inputmode="${mode}" spellcheck="false" autocomplete="off" value="${value}" data-cell-input aria-describedby="${describedBy}">`;
  }
  const html =
    `<label for="${fieldId}">${escapeHtml(label)} <code>${escapeHtml(source.name!)}</code></label>` +
    `<div class="cell-input-row">${control}</div>` +
    message +
    spec;
  return element('div', { className: ['cell', 'cell-input'], dataCell: source.id, dataCellStatus: 'idle', dataInputKind: kind }, [], htmlChildren(html));
}
