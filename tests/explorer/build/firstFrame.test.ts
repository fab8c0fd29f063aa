// The build trains each explorer's network once: the lesson's cells (remarkCells) and the
// explorer's first frame (TrainingExplorer.astro) read the same trained network, although they
// read the explorer's attributes separately (text in the remark tree, numbers in Astro's props)
// and Astro loads the two from separate copies of the modules.
import { readdirSync, readFileSync } from 'node:fs';
import { compile, createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { describe, expect, it, vi } from 'vitest';
import type * as Model from '../../../src/explorer/model';

const trainings = vi.hoisted(() => ({ count: 0 }));

// Every training of an explorer's network goes through trainedNetwork: count the calls.
vi.mock('../../../src/explorer/model', async (importOriginal) => {
  const model = await importOriginal<typeof Model>();
  return {
    ...model,
    trainedNetwork: (...args: Parameters<typeof model.trainedNetwork>) => {
      trainings.count++;
      return model.trainedNetwork(...args);
    },
  };
});

interface JsxAttribute {
  type: string;
  name: string;
  value: string | { type: string; value: string } | null;
}

/** The props Astro gives each <TrainingExplorer> of a lesson: text as text, `{1}` as the number 1. */
function explorerProps(tree: Root): Record<string, string | number>[] {
  const found: Record<string, string | number>[] = [];
  visit(tree, (node) => {
    const element = node as unknown as { type: string; name?: string; attributes?: JsxAttribute[] };
    if (element.type !== 'mdxJsxFlowElement' || element.name !== 'TrainingExplorer') return;
    found.push(
      Object.fromEntries(
        element.attributes!.map((a) => [a.name, typeof a.value === 'string' ? a.value : JSON.parse(a.value!.value)]),
      ),
    );
  });
  return found;
}

const dir = new URL('../../../content/lessons/', import.meta.url);
const lessons = readdirSync(dir).filter((name) =>
  readFileSync(new URL(name, dir), 'utf8').includes('<TrainingExplorer'),
);

describe('an explorer at build time', () => {
  it('has lessons to check, one of them with cells that read its network', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    expect(lessons.some((name) => /<TrainingExplorer[^>]* cell="/.test(readFileSync(new URL(name, dir), 'utf8')))).toBe(
      true,
    );
  });

  it.each(lessons)(
    '%s: trains each explorer once, for its cells and for its first frame',
    async (lesson) => {
      const source = readFileSync(new URL(lesson, dir), 'utf8').replace(/^---[\s\S]*?---\n/, '');
      const explorers = explorerProps(createProcessor({ remarkPlugins: [remarkMath] }).parse(source) as Root);
      const before = trainings.count;

      // The remark plugin, as astro.config loads it: the cells get the network's parameters.
      vi.resetModules();
      const { default: remarkCells } = await import('../../../src/notebook/build/remarkCells');
      await compile({ value: source, path: `content/lessons/${lesson}` }, { remarkPlugins: [remarkMath, remarkCells] });

      // The pages, from another copy of the modules: each explorer's first frame, as the component computes it.
      vi.resetModules();
      const { configFromProps } = await import('../../../src/explorer/config');
      const { staticFrame } = await import('../../../src/explorer/build/staticFrame');
      for (const props of explorers)
        expect(staticFrame(configFromProps(props)).epoch).toBe(Number(props['epoch'] ?? 0));

      expect(trainings.count - before).toBe(explorers.length);
    },
    60_000,
  );
});
