// The README's examples are what an author copies: each is built here the way the site builds
// its kind (a lesson's cells run and their pinned values checked, an exercise's frontmatter and
// answers read by the checker, an explorer's set-up validated and trained, a lesson's
// frontmatter against its schema), and the Layout section names every folder there is. An
// example that would fail `npm test` in a lesson fails here first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/course/lessonSchema';
import { checkExerciseAnswer, validateAnswer } from '../../src/exercises/answers';
import { validateSpec } from '../../src/exercises/check';
import { checkStepsAnswer } from '../../src/exercises/stepsSpec';
import { exerciseSchema, type AnswerSpec } from '../../src/exercises/spec';
import { configFromProps, decodeConfig, type ExplorerProps } from '../../src/explorer/config';
import remarkCells from '../../src/notebook/build/remarkCells';
import { pinnedCells, pinProblems } from './pins';

const repository = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', repository), 'utf8');

interface Block {
  lang: string;
  value: string;
  /** The `##` section it is in. */
  section: string;
}

/** The README's fenced blocks and inline code, with the section each is in, in reading order. */
function examples(): { blocks: Block[]; inline: Block[] } {
  const tree = unified().use(remarkParse).parse(readme) as Root;
  const blocks: Block[] = [];
  const inline: Block[] = [];
  let section = '';
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth === 2)
      section = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    if (node.type === 'code') blocks.push({ lang: node.lang ?? '', value: node.value, section });
    if (node.type === 'inlineCode') inline.push({ lang: '', value: node.value, section });
  });
  return { blocks, inline };
}

const { blocks, inline } = examples();

/** A lesson's MDX compiled as the site compiles it: math typeset, cells run at build time. */
async function compileLesson(mdx: string, name: string): Promise<string> {
  const result = await compile(
    { value: mdx, path: `content/lessons/${name}.mdx` },
    {
      remarkPlugins: [remarkMath, remarkCells],
      rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
    },
  );
  return String(result);
}

/** The attributes of each <TrainingExplorer> in MDX, as the component receives them. */
function explorerProps(mdx: string): ExplorerProps[] {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;
  const found: ExplorerProps[] = [];
  visit(tree, (node) => {
    const jsx = node as unknown as {
      type: string;
      name?: string;
      attributes?: { name: string; value: string | { value: string } | null }[];
    };
    if (jsx.type !== 'mdxJsxFlowElement' || jsx.name !== 'TrainingExplorer') return;
    const props: ExplorerProps = {};
    for (const { name, value } of jsx.attributes ?? []) {
      const text = value === null ? 'true' : typeof value === 'string' ? value : value.value;
      // A `{1}` is a number to Astro; a quoted value stays text.
      props[name] = typeof value === 'string' || !/^-?\d+(\.\d+)?$/.test(text) ? text : Number(text);
    }
    found.push(props);
  });
  return found;
}

const mdxBlocks = blocks.filter((b) => b.lang === 'md' || b.lang === 'mdx');
const lessonBodies = mdxBlocks.filter((b) => !b.value.startsWith('---\n'));
const exerciseFiles = mdxBlocks.filter((b) => b.value.startsWith('---\n'));
const explorerExamples = lessonBodies.filter((b) => b.value.includes('<TrainingExplorer'));
/** The inputs the README shows, each a self-closing element in inline code. */
const inputExamples = inline.filter((b) => /^<(VectorInput|NumberInput|Slider|Choice)\s[^>]*\/>$/.test(b.value));

describe('the README', () => {
  it('has examples of every kind this test builds (so it checks something)', () => {
    expect(lessonBodies.some((b) => b.value.includes('```ts cell'))).toBe(true);
    expect(explorerExamples.length).toBeGreaterThan(0);
    expect(exerciseFiles.length).toBeGreaterThan(0);
    expect(blocks.some((b) => b.lang === 'yaml')).toBe(true);
    expect(inputExamples.length).toBeGreaterThanOrEqual(4);
  });

  it('has no fenced example of a kind this test does not build', () => {
    const known = new Set(['sh', 'yaml', 'md', 'mdx', '']);
    expect(blocks.filter((b) => !known.has(b.lang)).map((b) => `${b.section}: \`\`\`${b.lang}`)).toEqual([]);
    // A block without a language is the Layout (checked below), nothing else.
    expect(blocks.filter((b) => b.lang === '').map((b) => b.section)).toEqual(['Layout']);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(new URL('package.json', repository), 'utf8')) as { scripts: Record<string, string> })
        .scripts,
    );
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe.each(lessonBodies.map((b, i) => [`${b.section} example ${i + 1}`, b] as const))(
  'the README’s %s',
  (_name, block) => {
    it('compiles as a lesson: its math typeset and its cells run', async () => {
      const html = await compileLesson(block.value, `readme-${_name.replace(/\W+/g, '-')}`);
      expect(html.length).toBeGreaterThan(0);
    }, 60_000);

    it('pins only values its lecture shows, naming the lecture', () => {
      for (const cell of pinnedCells(block.value)) expect(pinProblems(cell.options), cell.id).toEqual([]);
    });

    it('places explorers whose set-up the component accepts', () => {
      for (const props of explorerProps(block.value)) expect(() => configFromProps(props)).not.toThrow();
    });
  },
);

describe('the README’s training explorer', () => {
  it('gives a link set-up the explorer reads without a problem', () => {
    const defaults = configFromProps(explorerProps(explorerExamples[0]!.value)[0]!);
    const links = inline.filter((b) => b.section === 'Add a training explorer' && /^\?\w+=/.test(b.value));
    expect(links.length).toBeGreaterThan(0);
    for (const { value } of links)
      expect(decodeConfig(value.replace(/^\?\w+=/, ''), defaults).problems, value).toEqual([]);
  });
});

describe('the README’s inputs', () => {
  it('are values in the graph that a lesson’s cell can read', async () => {
    const names = inputExamples.map((b) => /\bname="([^"]*)"/.exec(b.value)?.[1] ?? '');
    const mdx = [
      ...inputExamples.map((b) => b.value),
      ['```ts cell id=reads-inputs', `[${names.join(', ')}].length`, '```'].join('\n'),
    ].join('\n\n');
    const html = await compileLesson(mdx, 'readme-inputs');
    for (const name of names) expect(html).toContain(`input-${name}`);
  }, 60_000);
});

describe.each(exerciseFiles.map((b, i) => [`exercise ${i + 1}`, b] as const))('the README’s %s', (_name, block) => {
  const { frontmatter, content } = parseFrontmatter(block.value);

  it('has frontmatter the exercise schema accepts, and answers the checker reads and accepts as written', () => {
    const parsed = exerciseSchema.safeParse(frontmatter);
    expect(parsed.success, parsed.error?.message).toBe(true);
    for (const spec of parsed.data!.answers) {
      expect(validateAnswer(spec)).toBeNull();
      expect(checkExerciseAnswer(spec, spec.expected).status).toBe('correct');
      // As in every exercise: the statement says which name to type for each variable.
      const statement = content.slice(0, content.indexOf('<Hint>'));
      const names =
        spec.type === 'expression' || spec.type === 'steps'
          ? [...Object.keys(spec.variables), ...Object.keys((spec.type === 'steps' && spec.where) || {})]
          : [];
      for (const name of names) expect(statement, name).toContain(`\`${name}\``);
      // And the solution shows a steps answer's chain, which the checker accepts line by line.
      if (spec.type === 'steps') {
        const chain = new RegExp(`\`\`\`text steps=${spec.name}\\n([\\s\\S]*?)\\n\`\`\``).exec(
          content.slice(content.indexOf('<Solution>')),
        )?.[1];
        expect(chain, `the solution's chain for ${spec.name}`).toBeDefined();
        const verdict = checkStepsAnswer(spec, chain!);
        expect(
          verdict.steps!.every((step) => step.status === 'follows') && verdict.status === 'correct',
          verdict.message,
        ).toBe(true);
      }
    }
  });

  it('gives hints, then one solution, each tag on its own line, and compiles with its math typeset', async () => {
    expect(content.slice(content.indexOf('<Hint>'))).toMatch(
      /^(?:<Hint>[\s\S]+?<\/Hint>\s*)+<Solution>\n[\s\S]+?\n<\/Solution>\s*$/,
    );
    const result = await compile(
      { value: content, path: 'content/exercises/readme.mdx' },
      {
        remarkPlugins: [remarkMath],
        rehypePlugins: [[rehypeKatex, { throwOnError: true, strict: 'ignore' }]],
      },
    );
    expect(String(result)).toContain('katex');
  }, 60_000);
});

describe('the README’s lesson frontmatter', () => {
  it.each(blocks.filter((b) => b.lang === 'yaml').map((b) => [b.section, b] as const))(
    'in %s is one the lesson schema accepts',
    (_section, block) => {
      // The block shows the --- lines around the frontmatter, as a lesson file starts.
      const { frontmatter } = parseFrontmatter(
        block.value.startsWith('---\n') ? block.value : `---\n${block.value}\n---\n`,
      );
      expect(lessonSchema.safeParse(frontmatter).error?.message).toBeUndefined();
    },
  );
});

describe('the README’s expected values', () => {
  it.each([...readme.matchAll(/`([^`]+)` for a (number|shape)/g)].map((m) => [m[2]!, m[1]!] as const))(
    'for a %s, %s, is one the checker reads',
    (type, expected) => {
      const spec = { name: 'x', label: 'x', type, expected } as AnswerSpec;
      expect(validateSpec(spec)).toBeNull();
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The Layout section
// ---------------------------------------------------------------------------------------------

const layout = blocks.find((b) => b.section === 'Layout')?.value ?? '';
const IGNORED = new Set([
  'node_modules',
  'dist',
  'dist-students',
  'dist-exam',
  '.astro',
  '.git',
  'test-results',
  'playwright-report',
]);
const folders = (path: string) =>
  readdirSync(new URL(path, repository), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !IGNORED.has(entry.name))
    .map((entry) => `${path}${entry.name}/`);

/**
 * Whether the Layout names a folder: by its path, or by its name and a slash on the line of
 * its parent (`src/notebook/ … build/ (Node), browser/ (page, worker)`).
 */
function named(folder: string): boolean {
  const path = folder.slice(0, -1).replace(/[.]/g, '\\.');
  if (new RegExp(`(^|\\s)${path}(/|\\s|$)`, 'm').test(layout)) return true;
  const parent = folder.replace(/[^/]+\/$/, '');
  const name = folder.slice(parent.length);
  return layout
    .split('\n')
    .some(
      (line) =>
        line.includes(parent) && new RegExp(`(^|[\\s(,])${name.replace(/[.]/g, '\\.')}`).test(line.replace(parent, '')),
    );
}

describe('the README’s Layout', () => {
  // Every top-level folder, every folder in content/, src/ and tests/, and every one below those in src/.
  const wanted = [
    ...folders(''),
    ...folders('content/'),
    ...folders('tests/'),
    ...folders('src/').flatMap((folder) => [folder, ...folders(folder)]),
  ];

  it('names every folder of the repository (two levels of src/)', () => {
    expect(wanted.length).toBeGreaterThan(20);
    expect(wanted.filter((folder) => !named(folder))).toEqual([]);
  });

  it('names every script and CI file', () => {
    // By its path, or by its name on the line of its folder (`scripts/  serve-dist.mjs …`).
    const mentions = (dir: string, name: string) =>
      layout.includes(dir + name) || layout.split('\n').some((line) => line.includes(dir) && line.includes(name));
    const files = ['scripts/', '.ci/'].flatMap((dir) =>
      readdirSync(new URL(dir, repository)).map((name) => [dir, name] as const),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter(([dir, name]) => !mentions(dir, name)).map(([dir, name]) => dir + name)).toEqual([]);
  });

  it('names only paths that exist', () => {
    const paths = [
      ...layout.matchAll(/(?:^|\s)((?:\.ci|bench|content|public|scripts|src|tests)(?:\/[\w.-]+)*\/?)/g),
    ].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !existsSync(new URL(path, repository)))).toEqual([]);
  });
});

describe('the README’s links', () => {
  it('point at files of the repository, none outside it', () => {
    expect(readme).not.toMatch(/\.\.\/shared/);
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.filter((target) => !existsSync(new URL(target, repository)))).toEqual([]);
  });
});
