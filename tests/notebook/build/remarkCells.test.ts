import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkCells from '../../../src/notebook/build/remarkCells';
import { renderLesson } from '../../support/renderLesson';

/** The lesson's tree after the plugin: what it hands the components. */
async function annotate(mdx: string): Promise<Root> {
  const file = { path: 'content/lessons/06-softmax.mdx', value: mdx };
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkCells);
  return processor.runSync(processor.parse(file), file) as Root;
}

/** A top-level element's attributes, expressions evaluated (they are plain data). */
function attributesOf(node: MdxJsxFlowElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    out[attribute.name] =
      value === null || value === undefined
        ? true
        : typeof value === 'string'
          ? value
          : (new Function(`return (${value.value})`)() as unknown);
  }
  return out;
}

const elements = (tree: Root) =>
  tree.children.filter((node): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement');

const fence = (meta: string, code: string) => ['```ts ' + meta, code, '```'].join('\n');

describe('remarkCells: the prerendered lesson', () => {
  it('writes each cell’s output into the page, computed from its inputs', async () => {
    const html = await renderLesson(
      [
        '# Softmax',
        '<VectorInput name="scores" label="Scores" value="5, 2, -1, 3" />',
        fence(
          'cell id=probs label="Softmax <of> scores" expect="[0.842, 0.042, 0.002, 0.114]"',
          'const p = softmax(scores)\np',
        ),
        fence('cell id=sum', 'p.reduce((a, b) => a + b, 0)'),
        fence('cell id=setup hidden', 'const secret = 1'),
        fence('ts', 'not a cell'),
      ].join('\n\n'),
    );
    // The lesson-wide bar, once.
    expect(html.match(/data-notebook-bar/g)).toHaveLength(1);
    // The vector, typeset by KaTeX, with its shape.
    expect(html).toMatch(/<figure[^>]*data-cell="probs"/);
    expect(html).toContain('class="katex');
    expect(html).toContain('shape (4, 1)');
    // The sum of the probabilities (1.0000000000000002 in full) reads 1.
    expect(html).toMatch(/data-cell="sum".*<data value="1(\.0+\d*)?">1<\/data>/s);
    // The label is text in the toolbar (a `<` in a quoted attribute is harmless and stays).
    expect(html).toContain('<span class="cell-label">Softmax &#x3C;of> scores</span>');
    expect(html).not.toMatch(/>Softmax <of>/);
    // The input, with its value, as a text field.
    expect(html).toMatch(/<input id="field-input-scores" type="text"[^>]*value="5, 2, -1, 3"/);
    // The hidden cell runs but shows nothing.
    expect(html).toMatch(/<div class="cell cell-hidden" data-cell="setup"[^>]*hidden/);
    // Code that is not a cell stays a plain code block.
    expect(html).toMatch(/<pre><code class="language-ts">not a cell\n<\/code><\/pre>/);
  });

  it('keeps a cell’s code from closing its spec script early', async () => {
    const html = await renderLesson(fence('cell id=payload', 'const s = "</script><script>alert(1)</script>"\ns'));
    // One real script element: the spec. The payload's tags are escaped everywhere.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>');
    expect(html).toContain('&#x3C;/script>');
  });

  it('makes a <Choice> a labelled group of radio buttons, the default checked, its value in the graph', async () => {
    const html = await renderLesson(
      [
        '<Choice name="loss" label="Loss <of> J" options="squared error with a sigmoid | cross-entropy" value="cross-entropy" />',
        fence('cell id=which', 'loss === "cross-entropy" ? "convex" : "not convex"'),
      ].join('\n\n'),
    );
    // One group, named by its legend, described by the input's message.
    expect(html).toMatch(/<div class="cell cell-input" data-cell="input-loss"[^>]*data-input-kind="choice"/);
    expect(html).toContain(
      '<fieldset class="cell-choice" aria-describedby="field-input-loss-message"><legend>Loss &#x3C;of> J <code>loss</code></legend>',
    );
    // A radio button per option, in order, sharing one name; only the default is checked.
    const radios = [...html.matchAll(/<input [^>]*type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(2);
    expect(
      radios.every((radio) => radio.includes('name="field-input-loss"') && radio.includes('data-cell-input')),
    ).toBe(true);
    expect(radios.map((radio) => /value="([^"]*)"/.exec(radio)?.[1])).toEqual([
      'squared error with a sigmoid',
      'cross-entropy',
    ]);
    expect(radios.map((radio) => radio.includes(' checked'))).toEqual([false, true]);
    // Each option's text labels its button.
    expect(html).toContain('<label class="cell-choice-option"><input id="field-input-loss-1"');
    expect(html).toContain('<span>squared error with a sigmoid</span></label>');
    // The cells ran with the default: the prerendered output reads it.
    expect(html).toMatch(/data-cell="which".*<pre class="cell-value cell-text">convex<\/pre>/s);
    // The browser gets the options and the option in force.
    const spec = /<script type="application\/json" data-cell-spec="">(\{"id":"input-loss".*?)<\/script>/.exec(
      html,
    )?.[1];
    expect(JSON.parse(spec!)).toEqual({
      id: 'input-loss',
      kind: 'input',
      input: 'choice',
      name: 'loss',
      code: 'cross-entropy',
      budget: 2000,
      options: ['squared error with a sigmoid', 'cross-entropy'],
    });
  });

  it('runs the cells with the option a <Choice> names, whatever spaces surround it', async () => {
    const html = await renderLesson(
      ['<Choice name="g" options="sigmoid|tanh|ReLU" value=" tanh " />', fence('cell id=picked', 'g.length')].join(
        '\n\n',
      ),
    );
    expect(html).toMatch(/data-cell="picked".*<data value="4">4<\/data>/s);
    expect(html).toMatch(/value="tanh" checked/);
  });

  it("writes an erratum whose number is what the lesson's version of the cell computes, which an edit does not change", async () => {
    const html = await renderLesson(
      fence('cell id=p label="First probability" slide="0.9" why="The slide rounds up."', 'softmax([5, 2, -1, 3])[0]'),
    );
    const note = /<div class="errata"[^>]*data-errata="p"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? '';
    // A student may edit the cell: the note must not claim that its live output is 0.842.
    expect(note.replace(/<[^>]+>/g, '')).toContain(
      "The slide shows 0.9; the lesson's version of the cell above computes [0.842].",
    );
  });

  it.each([
    // A cell whose value contradicts the slide fails the build.
    [
      'a wrong expectation',
      fence('cell id=p expect="0.9"', 'softmax([5, 2, -1, 3])[0]'),
      /lessons\/06-softmax\.mdx: cell "p": expected 0\.9/,
    ],
    // Two cells with one id.
    ['a duplicate id', [fence('cell id=a', '1'), fence('cell id=a', '2')].join('\n\n'), /two cells have the id "a"/],
    // An id that is not a safe name.
    ['a bad id', fence('cell id=1x', '1'), /cell id "1x" must start with a letter/],
    // A budget that is not a positive number.
    ['a bad budget', fence('cell budget=-5', '1'), /budget must be a positive number/],
    // An input whose initial value does not parse.
    [
      'a bad input value',
      '<NumberInput name="rate" value="fast" />',
      /<NumberInput name="rate">: “fast” is not a number/,
    ],
    // An input without a usable name.
    ['an input without a name', '<Slider value="1" />', /<Slider> needs a name/],
    // A choice whose default is not among its options.
    [
      'a choice of something not offered',
      '<Choice name="loss" options="a|b" value="c" />',
      /<Choice name="loss">: “c” is not one of the options \(“a”, “b”\)/,
    ],
    // A choice without options, or with only one.
    [
      'a choice without options',
      '<Choice name="loss" value="a" />',
      /<Choice name="loss">: options="": Give at least two options/,
    ],
    [
      'a choice of one option',
      '<Choice name="loss" options="a" value="a" />',
      /<Choice name="loss">: options="a": Only one option/,
    ],
    ['a choice with an option twice', '<Choice name="loss" options="a|b|a" value="a" />', /“a” is an option twice/],
  ])('fails the build for %s', async (_name, mdx, message) => {
    await expect(renderLesson(mdx)).rejects.toThrow(message);
  });
});

describe('remarkCells: what it hands the components', () => {
  it('makes a cell fence a <Cell> around its code, with its spec, label and what it computed', async () => {
    const tree = await annotate(fence('cell id=p label="First probability" folded', 'softmax([5, 2, -1, 3])[0]'));
    const [bar, cell] = elements(tree);
    // The lesson-wide bar comes first, then the cell: no markup, only names and data.
    expect(bar!.name).toBe('NotebookBar');
    expect(cell!.name).toBe('Cell');
    const props = attributesOf(cell!);
    expect(props['spec']).toEqual({ id: 'p', kind: 'code', code: 'softmax([5, 2, -1, 3])[0]', budget: 2000 });
    expect(props['label']).toBe('First probability');
    expect(props['folded']).toBe(true);
    expect(props['hidden']).toBeUndefined();
    expect((props['display'] as { kind: string; value: number }).value).toBeCloseTo(0.842, 3);
    expect(props['logs']).toEqual([]);
    // The code stays a code node, for Astro's highlighter; the cell's options are not its meta.
    expect(cell!.children).toEqual([{ type: 'code', lang: 'ts', meta: null, value: 'softmax([5, 2, -1, 3])[0]' }]);
  });

  it('gives an input the spec the browser reads, its element and attributes as the author wrote them', async () => {
    const tree = await annotate('<Slider name="t" label="A point" min="0" max="1" step="0.05" value="0.5" />');
    const slider = elements(tree).find((node) => node.name === 'Slider')!;
    expect(attributesOf(slider)).toEqual({
      name: 't',
      label: 'A point',
      min: '0',
      max: '1',
      step: '0.05',
      value: '0.5',
      spec: {
        id: 'input-t',
        kind: 'input',
        input: 'slider',
        name: 't',
        code: '0.5',
        budget: 2000,
        range: { min: 0, max: 1, step: 0.05 },
      },
    });
  });

  it('puts an <Erratum> after a cell whose slide the computation contradicts', async () => {
    const tree = await annotate(fence('cell id=p slide="0.9" why="The slide rounds up."', 'softmax([5, 2, -1, 3])[0]'));
    const erratum = elements(tree).find((node) => node.name === 'Erratum')!;
    expect(tree.children.indexOf(erratum)).toBe(
      tree.children.findIndex((node) => node.type === 'mdxJsxFlowElement' && node.name === 'Cell') + 1,
    );
    expect(attributesOf(erratum)).toEqual({
      cell: 'p',
      slide: '0.9',
      computed: '[0.842]',
      why: 'The slide rounds up.',
    });
  });

  it('passes values JSON cannot carry to the component as they are', async () => {
    const mdx = fence('cell id=odd', '[NaN, -0, Infinity].length === 3 ? NaN : 0');
    const display = attributesOf(elements(await annotate(mdx)).find((node) => node.name === 'Cell')!)['display'] as {
      value: number;
    };
    expect(display.value).toBeNaN();
    // Through MDX's compiled expression to the page: not null, as a JSON round trip would make it.
    expect(await renderLesson(mdx)).toContain('<data value="NaN">');
  });

  it('leaves a lesson without cells alone', async () => {
    const tree = await annotate('# Prose\n\n```ts\nconst x = 1\n```');
    expect(elements(tree)).toEqual([]);
  });
});
