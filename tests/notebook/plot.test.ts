import * as ObservablePlot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  CHART_COLORS,
  MIN_CHART_TEXT_PX,
  isPlotCall,
  isPlotSpec,
  plotRecorder,
  realizePlot,
  serializePlot,
} from '../../src/notebook/plot';
import type { PlotSpec } from '../../src/notebook/plot';

/** `Plot.name(...args)` in a cell, where `Plot` is the recorder. */
const mark = (name: string, ...args: unknown[]) => plotRecorder[name]!(...args);

describe('plotRecorder', () => {
  it('records the name and the arguments of any call', () => {
    const options = { y: 1 };
    const call = mark('barY', [3, 4], options);
    expect(isPlotCall(call)).toBe(true);
    expect(call.name).toBe('barY');
    expect(call.args).toEqual([[3, 4], options]);
  });

  it.each([
    // Plain data is not a call.
    ['an object', { name: 'barY', args: [] }],
    ['null', null],
    ['a string', 'barY'],
  ])('does not take %s for a call', (_name, value) => {
    expect(isPlotCall(value)).toBe(false);
  });
});

describe('serializePlot', () => {
  it.each([
    // The lesson's bar chart: accessors become arrays over the data.
    [
      'accessors',
      mark('barY', [3, 4], { x: (_d: number, i: number) => i, y: (d: number) => d }),
      { call: 'barY', args: [[3, 4], { x: [0, 1], y: [3, 4] }] },
    ],
    // Constants stay as they are.
    [
      'constants',
      mark('dot', [1], { fill: 'steelblue', r: 3, clip: true, title: null }),
      { call: 'dot', args: [[1], { fill: 'steelblue', r: 3, clip: true, title: null }] },
    ],
    // Typed-array data is data too.
    [
      'typed-array data',
      mark('lineY', Float64Array.from([1, 2]), { y: (d: number) => d * 10 }),
      { call: 'lineY', args: [[1, 2], { y: [10, 20] }] },
    ],
    // A nested transform reads the data of the mark around it.
    [
      'a nested transform',
      mark('rectY', [1, 2, 2], mark('binX', { y: 'count' }, { x: (d: number) => d * 10 })),
      { call: 'rectY', args: [[1, 2, 2], { call: 'binX', args: [{ y: 'count' }, { x: [10, 20, 20] }] }] },
    ],
    // `.plot()` on a mark makes a figure of that mark, with the options.
    [
      '.plot() on a mark',
      mark('barY', [3, 4], { y: (d: number) => d }).plot({ height: 100 }),
      { call: 'plot', args: [{ height: 100, marks: [{ call: 'barY', args: [[3, 4], { y: [3, 4] }] }] }] },
    ],
    // Plot.plot with several marks, each with its own data.
    [
      'Plot.plot with marks',
      mark('plot', { marks: [mark('barY', [5], { y: (d: number) => d }), mark('ruleY', [0])] }),
      {
        call: 'plot',
        args: [
          {
            marks: [
              { call: 'barY', args: [[5], { y: [5] }] },
              { call: 'ruleY', args: [[0]] },
            ],
          },
        ],
      },
    ],
    // Dates travel as ISO strings.
    ['dates', mark('tickX', [new Date(0)]), { call: 'tickX', args: [['1970-01-01T00:00:00.000Z']] }],
  ])('serialises %s', (_name, call, spec) => {
    const notes: string[] = [];
    expect(serializePlot(call, notes)).toEqual(spec);
    expect(notes).toEqual([]);
  });

  it('drops a function that is not a channel, with a note', () => {
    const notes: string[] = [];
    const spec = serializePlot(
      mark('barY', [3, 4], { y: (d: number) => d, sort: (a: number, b: number) => a - b }),
      notes,
    );
    expect(spec).toEqual({ call: 'barY', args: [[3, 4], { y: [3, 4] }] });
    expect(notes).toEqual([
      'barY argument 2.sort: a function here cannot be drawn outside the cell, so it was left out',
    ]);
  });

  it('drops a channel function that has no data to run on, with a note', () => {
    const notes: string[] = [];
    expect(serializePlot(mark('plot', { x: (d: number) => d }), notes)).toEqual({ call: 'plot', args: [{}] });
    expect(notes).toHaveLength(1);
  });

  it('produces JSON-safe specs', () => {
    const call = mark('dot', [{ a: 1 }, { a: 2 }], { x: (d: { a: number }) => d.a, y: (d: { a: number }) => d.a * 2 });
    const spec = serializePlot(call);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(isPlotSpec(spec)).toBe(true);
  });
});

/** A stand-in Plot module that records what realizePlot calls. */
function fakePlot() {
  const calls: { name: string; args: unknown[] }[] = [];
  const fn =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return { made: name };
    };
  const module: Record<string, unknown> = {
    plot: fn('plot'),
    barY: fn('barY'),
    ruleY: fn('ruleY'),
    binX: fn('binX'),
    _private: fn('_private'),
  };
  return { calls, module };
}

describe('realizePlot', () => {
  it('replays a figure on the module, marks first', () => {
    const { calls, module } = fakePlot();
    const spec: PlotSpec = {
      call: 'plot',
      args: [{ height: 100, marks: [{ call: 'barY', args: [[3, 4], { y: [3, 4] }] }] }],
    };
    expect(realizePlot(spec, module)).toEqual({ made: 'plot' });
    expect(calls).toEqual([
      { name: 'barY', args: [[3, 4], { y: [3, 4] }] },
      { name: 'plot', args: [{ height: 100, marks: [{ made: 'barY' }] }] },
    ]);
  });

  it('wraps a bare mark into a figure', () => {
    const { calls, module } = fakePlot();
    realizePlot({ call: 'ruleY', args: [[0]] }, module);
    expect(calls.map((call) => call.name)).toEqual(['ruleY', 'plot']);
    expect(calls[1]!.args).toEqual([{ marks: [{ made: 'ruleY' }] }]);
  });

  it('gives the figure the document, when there is one', () => {
    const { calls, module } = fakePlot();
    const document = { fake: 'document' };
    realizePlot({ call: 'plot', args: [{}] }, module, document);
    expect(calls[0]!.args[0]).toEqual({ document });
  });

  it.each([
    // Links.
    ['href', 'javascript:alert(1)'],
    ['target', '_top'],
    // Code and DOM hooks.
    ['render', 'alert(1)'],
    ['document', 'not yours'],
    ['className', 'evil'],
  ])('strips the %s option from marks and from the figure', (option, value) => {
    const { calls, module } = fakePlot();
    realizePlot(
      {
        call: 'plot',
        args: [{ [option]: value, marks: [{ call: 'barY', args: [[1], { y: [1], [option]: value, fill: 'red' }] }] }],
      },
      module,
    );
    expect(calls).toEqual([
      { name: 'barY', args: [[1], { y: [1], fill: 'red' }] },
      { name: 'plot', args: [{ marks: [{ made: 'barY' }] }] },
    ]);
  });

  it('strips unsafe options nested deep inside other options', () => {
    const { calls, module } = fakePlot();
    realizePlot({ call: 'barY', args: [[1], { tip: { format: { href: 'x', y: true } } }] }, module);
    expect(calls[0]!.args[1]).toEqual({ tip: { format: { y: true } } });
  });

  it.each([
    // Inherited from Object.prototype, not the module's own.
    ['constructor'],
    ['toString'],
    ['__proto__'],
    // Own, but private by convention.
    ['_private'],
    // Not there at all.
    ['missing'],
  ])('refuses to call %s', (name) => {
    const { calls, module } = fakePlot();
    expect(() => realizePlot({ call: 'plot', args: [{ marks: [{ call: name, args: [] }] }] }, module)).toThrow(
      `Plot has no function ${name}`,
    );
    expect(calls).toEqual([]);
  });

  it('refuses an own property that is not a function', () => {
    const { module } = fakePlot();
    module['version'] = '1.0';
    expect(() => realizePlot({ call: 'version', args: [] }, module)).toThrow('Plot has no function version');
  });
});

describe('realizePlot with the real Plot and linkedom', () => {
  it('draws one rect per bar', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const spec = serializePlot(mark('barY', [3, 4, 5], { x: (_d: number, i: number) => i, y: (d: number) => d }));
    const figure = realizePlot(spec, ObservablePlot as unknown as Record<string, unknown>, document) as {
      outerHTML: string;
    };
    expect(figure.outerHTML).toContain('<svg');
    expect(figure.outerHTML.match(/<rect/g)).toHaveLength(3);
  });

  const draw = (call: ReturnType<typeof mark>) => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    return (
      realizePlot(serializePlot(call), ObservablePlot as unknown as Record<string, unknown>, document) as {
        outerHTML: string;
      }
    ).outerHTML;
  };
  const curves = [
    { z: 0, value: 0.5, curve: 'σ(z)' },
    { z: 1, value: 0.73, curve: 'σ(z)' },
    { z: 0, value: 0.25, curve: 'σ′(z)' },
    { z: 1, value: 0.2, curve: 'σ′(z)' },
  ];

  it("gives categories the theme's chart colours, legend included, when the cell chose none", () => {
    // Lesson 2's sigmoid and its derivative: two categories, drawn in --chart-1 and --chart-2.
    const html = draw(
      mark('plot', { color: { legend: true }, marks: [mark('line', curves, { x: 'z', y: 'value', stroke: 'curve' })] }),
    );
    expect(CHART_COLORS.slice(0, 2)).toEqual(['var(--chart-1)', 'var(--chart-2)']);
    expect(html).toContain('stroke="var(--chart-1)"');
    expect(html).toContain('stroke="var(--chart-2)"');
    expect(html.match(/fill="var\(--chart-[12]\)"/g)).toHaveLength(2);
    // None of Plot's default palette is left.
    expect(html).not.toMatch(/#4269d0|#efb118/i);
  });

  it.each([
    ['a scheme', { scheme: 'reds' }],
    ['a range', { range: ['red', 'blue'] }],
  ])('keeps the colours of a cell that chose %s', (_name, color) => {
    const html = draw(mark('plot', { color, marks: [mark('line', curves, { x: 'z', y: 'value', stroke: 'curve' })] }));
    expect(html).not.toContain('var(--chart-');
  });

  const minWidth = (html: string) => Number(/<svg[^>]*style="[^"]*min-width: (\d+)px/.exec(html)?.[1]);

  it.each([
    // Plot's default: 640 wide, text at 10 px, so it may shrink to 9/10 of its width.
    ['a default chart', mark('barY', [3, 4], { y: (d: number) => d }), 576],
    // A smaller label in a text mark sets the bound: 640 × 9/6.
    [
      'a chart with 6-pixel labels',
      mark('plot', { marks: [mark('text', ['a'], { x: 0, y: 0, text: (d: string) => d, fontSize: 6 })] }),
      640,
    ],
    // Larger text in the figure's style lets it shrink further: 440 × 9/13.
    [
      "lesson 3's segment chart",
      mark('plot', { width: 440, style: { fontSize: '13px' }, marks: [mark('ruleY', [0])] }),
      Math.ceil((440 * 9) / 13),
    ],
    // A legend wraps the chart in a figure: the chart itself keeps the width.
    [
      'a chart with a legend',
      mark('plot', { color: { legend: true }, marks: [mark('line', curves, { x: 'z', y: 'value', stroke: 'curve' })] }),
      576,
    ],
  ])('keeps %s wide enough for its smallest text to be drawn at 9 px', (_name, call, expected) => {
    expect(MIN_CHART_TEXT_PX).toBe(9);
    expect(minWidth(draw(call))).toBe(expected);
  });

  it('leaves a continuous colour scale and constant colours alone', () => {
    expect(draw(mark('dot', [1, 2, 3], { x: (d: number) => d, fill: (d: number) => d }))).not.toContain('var(--chart-');
    expect(draw(mark('line', curves, { x: 'z', y: 'value', stroke: 'var(--accent)' }))).toContain(
      'stroke="var(--accent)"',
    );
  });
});
