// Runs a lesson's cells as the build does (the same collection, the same runCells), with other
// values in its inputs or small edits to its code, so tests can check what the cells compute
// for numbers other than the lesson's.
import { readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import type { DisplayNode } from '../../src/notebook/describe';
import { lessonCellSources } from '../../src/notebook/build/remarkCells';
import { runCells, type CellOutcome, type CellSource } from '../../src/notebook/build/runCells';

const dir = new URL('../../content/lessons/', import.meta.url);
const parsed = new Map<string, CellSource[]>();

/** The cells of `content/lessons/<file>`, in page order. */
export function lessonCells(file: string): CellSource[] {
  let cells = parsed.get(file);
  if (!cells) {
    const source = readFileSync(new URL(file, dir), 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const tree = createProcessor({ remarkPlugins: [remarkMath] }).parse(source) as Root;
    cells = lessonCellSources(tree, file);
    parsed.set(file, cells);
  }
  return cells;
}

/** Another run of a lesson: values for its inputs (by name), and edits of its cells' code. */
export interface Variation {
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** In cell `cell`, the text `from` (which must occur exactly once) becomes `to`. */
  readonly edits?: readonly { readonly cell: string; readonly from: string; readonly to: string }[];
}

/** What a run computed: every top-level name's value, and each cell's display. */
export interface LessonRun {
  value<T = unknown>(name: string): T;
  display(cell: string): DisplayNode;
}

export function runLesson(file: string, variation: Variation = {}): LessonRun {
  const cells = lessonCells(file);
  const inputs = { ...variation.inputs };
  const edits = [...(variation.edits ?? [])];
  const sources = cells.map(({ expect: _expect, slide: _slide, ...cell }): CellSource => {
    // The slide's numbers pin the lesson's own inputs; other inputs compute other numbers.
    if (cell.kind === 'input' && cell.name! in inputs) {
      const value = inputs[cell.name!];
      delete inputs[cell.name!];
      return { ...cell, value };
    }
    let code = cell.code;
    for (const edit of edits.filter((e) => e.cell === cell.id)) {
      const count = code.split(edit.from).length - 1;
      if (count !== 1)
        throw new Error(`${file}: cell ${cell.id} contains ${JSON.stringify(edit.from)} ${count} times, not once`);
      code = code.replace(edit.from, () => edit.to);
      edits.splice(edits.indexOf(edit), 1);
    }
    return { ...cell, code };
  });
  const unused = [...Object.keys(inputs), ...edits.map((e) => `cell ${e.cell}`)];
  if (unused.length > 0) throw new Error(`${file} has no ${unused.join(', ')}`);
  const outcomes = runCells(file, sources);
  const scope = new Map<string, unknown>();
  for (const outcome of outcomes.values())
    for (const [name, value] of Object.entries(outcome.values)) scope.set(name, value);
  return {
    value<T>(name: string): T {
      if (!scope.has(name)) throw new Error(`${file} defines no ${name}`);
      return scope.get(name) as T;
    },
    display(cell: string): DisplayNode {
      const outcome: CellOutcome | undefined = outcomes.get(cell);
      if (!outcome) throw new Error(`${file} has no cell ${cell}`);
      return outcome.display;
    },
  };
}

/** A table display's rows as objects keyed by column. */
export function tableRows(display: DisplayNode): Record<string, number | string | null>[] {
  if (display.kind !== 'table') throw new Error(`expected a table, got a ${display.kind}`);
  return display.rows.map((row) => Object.fromEntries(display.columns.map((column, i) => [column, row[i] ?? null])));
}
