// The components a lesson uses, rendered alone (Astro's Container API): what they show for the
// props remarkCells gives them, and the error where it gave none.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Cell from '../../components/Cell.astro';
import Choice from '../../components/Choice.astro';
import Erratum from '../../components/Erratum.astro';
import NumberInput from '../../components/NumberInput.astro';
import Slider from '../../components/Slider.astro';
import VectorInput from '../../components/VectorInput.astro';
import type { CellSpec } from '../../src/notebook/spec';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const strip = (html: string) => html.replace(/ data-astro-cid-[\w-]+/g, '');

describe('the input components', () => {
  it.each([
    ['Slider', Slider, { name: 'scale', value: '1' }],
    ['NumberInput', NumberInput, { name: 'b', value: '0.1' }],
    ['VectorInput', VectorInput, { name: 'scores', value: '1, 2' }],
    ['Choice', Choice, { name: 'loss', options: 'a|b', value: 'a' }],
  ] as const)('%s outside a lesson fails the build and says why', async (element, Component, props) => {
    await expect(container.renderToString(Component, { props })).rejects.toThrow(
      `<${element} name="${props.name}">: an input works only in a lesson (content/lessons/), whose cells remarkCells reads`,
    );
  });

  it('writes a slider’s range as the author wrote it, its value from the spec', async () => {
    const spec: CellSpec = {
      id: 'input-t',
      kind: 'input',
      input: 'slider',
      name: 't',
      code: '0.50',
      budget: 2000,
      range: { min: 0, max: 1, step: 0.05 },
    };
    const html = strip(
      await container.renderToString(Slider, {
        props: { name: 't', min: '0', max: '1.0', step: '0.05', value: '0.50', spec },
      }),
    );
    expect(html).toContain(
      '<input id="field-input-t" type="range" min="0" max="1.0" step="0.05" value="0.50" data-cell-input aria-describedby="field-input-t-message">',
    );
    expect(html).toContain('<output for="field-input-t" data-cell-input-value>0.50</output>');
    // Named by the name when there is no label.
    expect(html).toContain('<label for="field-input-t">t <code>t</code></label>');
  });
});

describe('Cell', () => {
  const spec: CellSpec = { id: 'sum', kind: 'code', code: '1 + 1', budget: 2000 };

  it('is named after its id when the fence gives no label', async () => {
    const html = strip(
      await container.renderToString(Cell, {
        props: { spec, display: { kind: 'number', value: 2 }, logs: ['two'] },
        slots: { default: '<pre>1 + 1</pre>' },
      }),
    );
    expect(html).toMatch(/<figure class="cell" data-cell="sum" data-cell-status="idle" aria-label="Cell sum">/);
    expect(html).toContain('<div class="cell-code" data-cell-editor><pre>1 + 1</pre></div>');
    expect(html).toContain('<data value="2">2</data>');
    expect(html).toContain('<pre class="cell-logs" aria-label="Console output">two</pre>');
  });

  it('shows nothing of a hidden cell but its spec', async () => {
    const html = strip(
      await container.renderToString(Cell, {
        props: { spec, hidden: true, display: { kind: 'number', value: 2 }, logs: [] },
        slots: { default: '<pre>1 + 1</pre>' },
      }),
    );
    expect(html).not.toContain('<pre>');
    expect(html).not.toContain('data-cell-output');
    expect(html).toContain('data-cell-spec>{"id":"sum","kind":"code","code":"1 + 1","budget":2000}</script>');
  });
});

describe('Erratum', () => {
  it('names the cell it follows, by label or by id', async () => {
    const html = strip(
      await container.renderToString(Erratum, {
        props: { cell: 'p', slide: '0.9', computed: '[0.842]', why: 'The slide <rounds> up.' },
      }),
    );
    expect(html).toContain('aria-label="Erratum: cell p"');
    // The author's words are text.
    expect(html).toContain('The slide &lt;rounds&gt; up.');
  });
});
