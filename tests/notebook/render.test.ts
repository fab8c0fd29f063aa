import { describe, expect, it } from 'vitest';
import type { DisplayNode } from '../../src/notebook/describe';
import { escapeHtml } from '../../src/display/escape';
import { renderDisplay, renderError, renderLogs } from '../../src/notebook/render';
import type { RenderEnvironment } from '../../src/notebook/render';

const env: RenderEnvironment = {
  renderTex: (tex) => `<TEX>${tex}</TEX>`,
  renderPlot: () => '<PLOT/>',
};

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror="alert(1)">';

/** The output carries the payload as text only. */
function expectEscaped(html: string): void {
  expect(html).not.toMatch(/<script|<img/i);
  expect(html).toContain('&lt;');
}

describe('escapeHtml', () => {
  it.each([
    // Every character that matters in content and in quoted attributes.
    ['<a href="x">Tom & Jerry\'s</a>', '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'],
    // An entity is escaped, not kept.
    ['&lt;', '&amp;lt;'],
    // Plain text is unchanged.
    ['softmax(z) ≈ 0.842', 'softmax(z) ≈ 0.842'],
  ])('escapes %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('renderDisplay escapes what a cell produced', () => {
  it.each<[string, DisplayNode]>([
    // A string the cell returned.
    ['text', { kind: 'text', text: SCRIPT }],
    // An inspected value.
    ['data', { kind: 'data', text: `{html: "${IMG}"}` }],
    // A table cell.
    ['a table cell', { kind: 'table', columns: ['name'], rows: [[SCRIPT], [IMG]] }],
    // A column name (an object key).
    ['a column name', { kind: 'table', columns: [SCRIPT, IMG], rows: [[1, 2]] }],
    // A note about a plot.
    ['a plot note', { kind: 'plot', spec: { call: 'barY', args: [] }, notes: [SCRIPT] }],
  ])('escapes markup in %s', (_name, node) => {
    expectEscaped(renderDisplay(node, env));
  });

  it('escapes console output', () => {
    expectEscaped(renderLogs([SCRIPT, IMG]));
  });

  it('escapes error messages', () => {
    expectEscaped(renderError(`Unexpected token ${SCRIPT}`, 2, 5));
  });

  // Numbers cross from the worker, which cell code shares: they are escaped like text.
  it('escapes a forged error line and column', () => {
    expectEscaped(renderError('m', IMG as unknown as number, SCRIPT as unknown as number));
  });

  it('escapes a forged matrix shape', () => {
    expectEscaped(renderDisplay({ kind: 'matrix', rows: IMG as unknown as number, cols: 1, values: [1] }, env));
  });

  it('escapes a note and what was cut', () => {
    expectEscaped(
      renderDisplay({ kind: 'text', text: 'x', note: SCRIPT, cut: [{ what: 'characters', shown: 1, total: 2 }] }, env),
    );
  });
});

describe('renderDisplay', () => {
  it('renders nothing for an empty display', () => {
    expect(renderDisplay({ kind: 'empty' }, env)).toBe('');
  });

  it('shows a number rounded, with its full precision behind a disclosure', () => {
    const html = renderDisplay({ kind: 'number', value: 0.8420335723974581 }, env);
    expect(html).toContain('<data value="0.8420335723974581">0.842</data>');
    expect(html).toContain('<summary>Full precision</summary><code>0.8420335723974581</code>');
  });

  it.each([
    // An integer is already exact.
    [12288, '12288'],
    // A negative integer, with a true minus sign.
    [-1, '\u22121'],
    // A number that rounds to itself.
    [0.25, '0.25'],
  ])('shows %d as %s with no disclosure', (value, text) => {
    const html = renderDisplay({ kind: 'number', value }, env);
    expect(html).toContain(`>${text}</data>`);
    expect(html).not.toContain('Full precision');
  });

  it('shows a vector as TeX with its shape and full precision', () => {
    const html = renderDisplay({ kind: 'vector', values: [0.8420335723974581, 0.25] }, env);
    expect(html).toContain('<TEX>\\begin{bmatrix} 0.842 \\\\ 0.25 \\end{bmatrix}</TEX>');
    expect(html).toContain('<p class="cell-shape">shape (2, 1)</p>');
    expect(html).toContain('<code>[0.8420335723974581, 0.25]</code>');
  });

  it('shows a matrix as TeX with its shape', () => {
    const html = renderDisplay({ kind: 'matrix', rows: 2, cols: 3, values: [1, 2, 3, 4, 5, 6] }, env);
    expect(html).toContain('<TEX>\\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{bmatrix}</TEX>');
    expect(html).toContain('shape (2, 3)');
  });

  it('passes TeX to the TeX renderer', () => {
    expect(renderDisplay({ kind: 'tex', tex: '\\hat y' }, env)).toBe(
      '<div class="cell-value cell-math"><TEX>\\hat y</TEX></div>',
    );
  });

  it('shows table numbers rounded, empty cells blank, and what was cut', () => {
    const html = renderDisplay(
      {
        kind: 'table',
        columns: ['p', 'note'],
        rows: [[0.8420335723974581, null]],
        cut: [{ what: 'rows', shown: 1, total: 11 }],
      },
      env,
    );
    expect(html).toContain('<th scope="col">p</th><th scope="col">note</th>');
    expect(html).toContain('<tr><td class="num">0.842</td><td></td></tr>');
    expect(html).toContain(
      '<p class="cell-note cell-cut" data-cell-cut="value">Output cut: 1 of 11 rows is shown.</p>',
    );
  });

  it('writes each table column in one notation', () => {
    const html = renderDisplay(
      {
        kind: 'table',
        columns: ['k', 'p'],
        rows: [
          [2, 0.00000602],
          [5, 3.06e-7],
        ],
      },
      env,
    );
    expect(html).toContain('<tr><td class="num">2</td><td class="num">6.02e-6</td></tr>');
    expect(html).toContain('<tr><td class="num">5</td><td class="num">3.06e-7</td></tr>');
  });

  it('says nothing of cuts when there are none', () => {
    expect(renderDisplay({ kind: 'table', columns: ['a'], rows: [[1]] }, env)).not.toContain('cut');
  });

  it('hands plots to the plot renderer with their index', () => {
    const seen: unknown[] = [];
    const html = renderDisplay(
      { kind: 'plot', spec: { call: 'ruleY', args: [[0]] }, notes: [] },
      { ...env, renderPlot: (spec, index) => (seen.push(spec, index), '<PLOT/>') },
      3,
    );
    expect(html).toBe('<div class="cell-value cell-plot"><PLOT/></div>');
    expect(seen).toEqual([{ call: 'ruleY', args: [[0]] }, 3]);
  });
});

describe('renderLogs and renderError', () => {
  it('renders no logs as nothing', () => {
    expect(renderLogs([])).toBe('');
  });

  it('puts one log call per line', () => {
    expect(renderLogs(['a', 'b'])).toBe('<pre class="cell-logs" aria-label="Console output">a\nb</pre>');
  });

  it.each([
    // Line and column.
    [3, 7, '(line 3, column 7)'],
    // Line only.
    [3, undefined, '(line 3)'],
  ])('locates an error at line %s, column %s', (line, column, where) => {
    expect(renderError('boom', line, column)).toContain(where);
  });

  it('leaves the location out when it is not known', () => {
    expect(renderError('boom')).toBe('<div class="cell-error" role="alert"><strong>Error</strong>: boom</div>');
  });
});
