/**
 * The remark plugin that makes a lesson a notebook. A fenced block whose meta starts with
 * `cell` (```` ```ts cell id=softmax expect="[0.842, 0.042, 0.002, 0.114]" ````) and the input
 * elements <Slider>, <NumberInput>, <VectorInput> and <Choice> become cells: the lesson's cells
 * run here, at build time, so the page reads without JavaScript.
 *
 * This plugin writes no markup. It collects the cells, runs them (`runCells`: dependency order,
 * budgets, `expect` and `slide` checks) and annotates the tree for the components in
 * `components/`, which render: a fence becomes `<Cell spec display logs>` around its code (so
 * Astro's Shiki still highlights it), an input gains its `spec`, a contradicted slide gets an
 * `<Erratum>` after its cell, the lesson a `<NotebookBar>` before its first cell, and a
 * `<TrainingExplorer cell="…">` the `spec` of its parameters' input.
 */
import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { configFromProps } from '../../explorer/config';
import { firstFrame } from '../../explorer/build/staticFrame';
import {
  parseChoice,
  parseNumber,
  parseOptions,
  parseParameters,
  parseSliderValue,
  parseVector,
  type Parsed,
  type Range,
} from '../inputs';
import type { CellSpec, InputKind } from '../spec';
import { jsxAttributes, jsxElement, setJsxAttribute } from './mdxJsx';
import { parseMeta } from './meta';
import { runCells, type CellSource } from './runCells';

export const DEFAULT_BUDGET_MS = 2000;

/** The input elements an author writes, and the kind of input each is. */
const INPUT_ELEMENTS: Readonly<Record<string, Exclude<InputKind, 'explorer'>>> = {
  Slider: 'slider',
  NumberInput: 'number',
  VectorInput: 'vector',
  Choice: 'choice',
};

interface Parent {
  children: RootContent[];
}

type Found =
  | { source: CellSource; spec: CellSpec; node: Code; parent: Parent; options: Record<string, string | true> }
  /** An input, or a training explorer whose parameters its cells read (the explorer updates them). */
  | { source: CellSource; spec: CellSpec; node: MdxJsxFlowElement; parent: Parent };

/**
 * Finds a lesson's cells in its tree: code cells, inputs, and the parameters of training
 * explorers that cells read.
 */
function collectCells(tree: Root, lesson: string): Found[] {
  const found: Found[] = [];
  const ids = new Set<string>();
  const takeId = (wanted: string | undefined) => {
    const id = wanted ?? `cell-${found.length + 1}`;
    if (!/^[A-Za-z][\w-]*$/.test(id))
      throw new Error(`${lesson}: cell id "${id}" must start with a letter and use only letters, digits, - and _`);
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
      if (slide !== undefined && typeof options['why'] !== 'string')
        throw new Error(
          `${lesson}: cell "${id}" has slide= but no why="…": say why the slide and the computation differ`,
        );
      const source: CellSource = {
        id,
        kind: 'code',
        code: node.value,
        budgetMs: budget,
        ...(expect === undefined ? {} : { expect }),
        ...(slide === undefined ? {} : { slide }),
      };
      found.push({ source, spec: { id, kind: 'code', code: node.value, budget }, node, parent, options });
      return;
    }
    if (node.type !== 'mdxJsxFlowElement') return;
    const attributes = jsxAttributes(node);
    if (node.name === 'TrainingExplorer' && attributes['cell'] !== undefined) {
      const name = attributes['cell'];
      if (!/^[A-Za-z_$][\w$]*$/.test(name))
        throw new Error(`${lesson}: <TrainingExplorer cell="${name}">: the cell name must be a valid identifier`);
      // The build's cells see the parameters of the explorer's first frame.
      const code = firstFrame(configFromProps(attributes)).parameters;
      const parsed = parseParameters(code);
      if (!parsed.ok) throw new Error(`${lesson}: <TrainingExplorer cell="${name}">: ${parsed.message}`);
      const id = takeId(`explorer-${attributes['name']}`);
      const spec: CellSpec = { id, kind: 'input', input: 'explorer', name, code, budget: DEFAULT_BUDGET_MS };
      found.push({
        source: { id, kind: 'input', code, budgetMs: DEFAULT_BUDGET_MS, name, value: parsed.value },
        spec,
        node,
        parent,
      });
      return;
    }
    const kind = INPUT_ELEMENTS[node.name ?? ''];
    if (kind === undefined) return;
    const name = attributes['name'];
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name))
      throw new Error(`${lesson}: <${node.name}> needs a name that is a valid identifier`);
    const where = `${lesson}: <${node.name} name="${name}">`;
    let choices: string[] | undefined;
    if (kind === 'choice') {
      const options = parseOptions(attributes['options'] ?? '');
      if (!options.ok) throw new Error(`${where}: options="${attributes['options'] ?? ''}": ${options.message}`);
      choices = options.value;
    }
    const range = kind === 'slider' ? sliderRange(attributes, where) : undefined;
    const text = attributes['value'] ?? '';
    const parsed: Parsed<unknown> = choices
      ? parseChoice(text, choices)
      : kind === 'vector'
        ? parseVector(text)
        : range
          ? parseSliderValue(text, range)
          : parseNumber(text);
    if (!parsed.ok) throw new Error(`${where}: ${parsed.message}`);
    const id = takeId(attributes['id'] ?? `input-${name}`);
    // A choice's text is its option exactly as written, so the browser can compare it.
    const code = choices ? String(parsed.value) : text;
    const spec: CellSpec = {
      id,
      kind: 'input',
      input: kind,
      name,
      code,
      budget: DEFAULT_BUDGET_MS,
      ...(choices ? { options: choices } : {}),
      ...(range ? { range } : {}),
    };
    found.push({
      source: { id, kind: 'input', code, budgetMs: DEFAULT_BUDGET_MS, name, value: parsed.value },
      spec,
      node,
      parent,
    });
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

    const outcomes = runCells(
      lesson,
      found.map((f) => f.source),
    );
    // The lesson-wide controls, once, before the first cell.
    const first = found[0]!;
    first.parent.children.splice(first.parent.children.indexOf(first.node), 0, jsxElement('NotebookBar', {}));
    for (const item of found) {
      const { source, spec } = item;
      if (!('options' in item)) {
        // An input keeps its element; the component reads its id, value and range from the spec.
        setJsxAttribute(item.node, 'spec', spec);
        continue;
      }
      const outcome = outcomes.get(source.id)!;
      const label = typeof item.options['label'] === 'string' ? item.options['label'] : undefined;
      // Only the code goes to Shiki: the cell's options are not a highlighter's meta.
      const code: Code = { type: 'code', lang: 'ts', meta: null, value: item.node.value };
      const cell = jsxElement(
        'Cell',
        {
          spec,
          label,
          folded: item.options['folded'] === true,
          hidden: item.options['hidden'] === true,
          display: outcome.display,
          logs: outcome.logs,
        },
        [code],
      );
      const index = item.parent.children.indexOf(item.node);
      item.parent.children.splice(index, 1, cell);
      if (outcome.erratum !== undefined) {
        const erratum = jsxElement('Erratum', {
          cell: source.id,
          label,
          slide: source.slide!,
          computed: outcome.erratum,
          why: String(item.options['why']),
        });
        item.parent.children.splice(index + 1, 0, erratum);
      }
    }
  };
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
  if (!(range.min < range.max) || !(range.step > 0))
    throw new Error(`${where}: the range ${range.min} to ${range.max} in steps of ${range.step} is empty`);
  return range;
}
