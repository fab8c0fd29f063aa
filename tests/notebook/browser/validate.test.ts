import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDisplay, readFromWorker } from '../../../src/notebook/browser/validate';
import { describe as describeValue } from '../../../src/notebook/describe';
import { LIMITS } from '../../../src/notebook/limits';
import { escapeHtml } from '../../../src/display/escape';
import { renderDisplay, renderError, renderLogs } from '../../../src/notebook/render';

const IMG = '<img src=x onerror="window.__pwned=1">';

/** Renders like the page does, with a TeX renderer that escapes (KaTeX does, with trust off). */
const env = {
  renderTex: (tex: string) => `<span class="katex">${escapeHtml(tex)}</span>`,
  renderPlot: () => '<svg></svg>',
};

describe('readFromWorker accepts what the worker sends', () => {
  it.each<[string, unknown]>([
    ['ready', { type: 'ready' }],
    ['done', { type: 'done', requestId: 3 }],
    [
      'an analysis',
      {
        type: 'analyzed',
        requestId: 1,
        results: [{ id: 'softmax-four', defines: ['z', 'yhat'], references: ['softmax'] }],
      },
    ],
    [
      'a vector result',
      {
        type: 'result',
        requestId: 2,
        id: 'softmax-four',
        display: describeValue([0.842, 0.042, 0.002, 0.114]),
        logs: ['a line'],
        ms: 0.4,
      },
    ],
    [
      'a table result',
      { type: 'result', requestId: 2, id: 'c', display: describeValue([{ a: 1, b: 'x' }]), logs: [], ms: 1 },
    ],
    [
      'a plot result',
      {
        type: 'result',
        requestId: 2,
        id: 'c',
        display: { kind: 'plot', spec: { call: 'barY', args: [[1, 2], { x: ['a', 'b'] }] }, notes: [] },
        logs: [],
        ms: 1,
      },
    ],
    [
      'a cut result',
      {
        type: 'result',
        requestId: 2,
        id: 'c',
        display: describeValue('x'.repeat(LIMITS.textChars + 5)),
        logs: [],
        logsCut: { what: 'lines', shown: 0, total: 9 },
        ms: 1,
      },
    ],
    ['a failure', { type: 'failed', requestId: 2, id: 'c', error: { message: 'boom', line: 2, column: 5 }, logs: [] }],
    [
      'a fatal failure',
      {
        type: 'failed',
        requestId: 2,
        id: 'c',
        error: { message: 'changed Array.prototype.map' },
        logs: [],
        fatal: true,
      },
    ],
    ['a skip', { type: 'skipped', requestId: 2, id: 'c', blocker: 'b' }],
    [
      'a reanalysis',
      { type: 'reanalyzed', requestId: 2, id: 'c', analysis: { id: 'c', defines: [], references: ['yhat2'] } },
    ],
    [
      'a piece',
      {
        type: 'piece',
        requestId: 9,
        id: 'c',
        part: 'value',
        from: 0,
        to: 10,
        total: 100,
        what: 'characters',
        text: 'xxxxxxxxxx',
      },
    ],
    [
      'a piece that is gone',
      { type: 'piece', requestId: 9, id: 'c', part: 'logs', from: 0, to: 0, total: 0, what: 'characters', text: null },
    ],
  ])('%s', (_name, message) => {
    const read = readFromWorker(message);
    expect(read).toEqual({ ok: true, value: message });
  });
});

describe('readFromWorker refuses forged messages of every kind, and says why', () => {
  it.each<[string, unknown, RegExp]>([
    // The reproduction: markup where the shape's numbers go.
    [
      'markup as a matrix shape',
      {
        type: 'result',
        requestId: 1,
        id: 'softmax-hardmax',
        display: { kind: 'matrix', rows: IMG, cols: 1, values: [1] },
        logs: [],
        ms: 0,
      },
      /display\.rows is not a whole number/,
    ],
    [
      'markup as an error line',
      { type: 'failed', requestId: 1, id: 'c', error: { message: 'm', line: IMG }, logs: [] },
      /error\.line is not a whole number/,
    ],
    [
      'markup as an error column',
      { type: 'failed', requestId: 1, id: 'c', error: { message: 'm', line: 1, column: IMG }, logs: [] },
      /error\.column/,
    ],
    [
      'markup as an id',
      { type: 'result', requestId: 1, id: IMG, display: { kind: 'empty' }, logs: [], ms: 0 },
      /^id is not a name/,
    ],
    ['markup as a blocker', { type: 'skipped', requestId: 1, id: 'c', blocker: IMG }, /blocker is not a name/],
    [
      'a string as a number',
      { type: 'result', requestId: 1, id: 'c', display: { kind: 'number', value: IMG }, logs: [], ms: 0 },
      /display\.value is not a number/,
    ],
    [
      'a string in a vector',
      { type: 'result', requestId: 1, id: 'c', display: { kind: 'vector', values: [1, IMG] }, logs: [], ms: 0 },
      /display\.values\[1\] is not a number/,
    ],
    [
      'a matrix whose values do not fit its shape',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'matrix', rows: 2, cols: 2, values: [1] },
        logs: [],
        ms: 0,
      },
      /does not fit the shape/,
    ],
    [
      'a huge matrix shape',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'matrix', rows: 1e300, cols: 1, values: [1] },
        logs: [],
        ms: 0,
      },
      /display\.rows/,
    ],
    [
      'an object as a table cell',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'table', columns: ['a'], rows: [[{ toString: 1 }]] },
        logs: [],
        ms: 0,
      },
      /is not text/,
    ],
    [
      'a table row of the wrong width',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'table', columns: ['a', 'b'], rows: [[1]] },
        logs: [],
        ms: 0,
      },
      /has 1 cells for 2 columns/,
    ],
    [
      'an unknown display kind',
      { type: 'result', requestId: 1, id: 'c', display: { kind: 'html', html: IMG }, logs: [], ms: 0 },
      /is not a kind of output/,
    ],
    [
      'a text over the limit',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'text', text: 'x'.repeat(LIMITS.textChars + 1) },
        logs: [],
        ms: 0,
      },
      /longer than/,
    ],
    [
      'TeX over the limit',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'tex', tex: 'x'.repeat(LIMITS.texChars + 1) },
        logs: [],
        ms: 0,
      },
      /longer than/,
    ],
    [
      'a vector over the limit',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'vector', values: Array(LIMITS.entries + 1).fill(0) },
        logs: [],
        ms: 0,
      },
      /more than/,
    ],
    [
      'too many log lines',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'empty' },
        logs: Array(LIMITS.logLines + 1).fill('x'),
        ms: 0,
      },
      /logs has more than/,
    ],
    [
      'logs that are not text',
      { type: 'result', requestId: 1, id: 'c', display: { kind: 'empty' }, logs: [{ a: 1 }], ms: 0 },
      /logs\[0\] is not text/,
    ],
    [
      'a cut of an unknown kind',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'text', text: 'x', cut: [{ what: '<b>', shown: 1, total: 2 }] },
        logs: [],
        ms: 0,
      },
      /is not a kind of cut/,
    ],
    [
      'a cut that shows more than there is',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'text', text: 'x', cut: [{ what: 'characters', shown: 3, total: 2 }] },
        logs: [],
        ms: 0,
      },
      /shown is not a whole number/,
    ],
    [
      'a plot calling no Plot function',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: { kind: 'plot', spec: { call: IMG, args: [] }, notes: [] },
        logs: [],
        ms: 0,
      },
      /call is not a name/,
    ],
    [
      'a plot nested without end',
      {
        type: 'result',
        requestId: 1,
        id: 'c',
        display: {
          kind: 'plot',
          spec: { call: 'dot', args: [JSON.parse('['.repeat(40) + ']'.repeat(40))] },
          notes: [],
        },
        logs: [],
        ms: 0,
      },
      /nested too deeply/,
    ],
    [
      'a failure without a message',
      { type: 'failed', requestId: 1, id: 'c', error: {}, logs: [] },
      /error\.message is not text/,
    ],
    [
      'a fatal flag that is not true',
      { type: 'failed', requestId: 1, id: 'c', error: { message: 'm' }, logs: [], fatal: 'yes' },
      /fatal is not true/,
    ],
    [
      'an analysis naming markup',
      { type: 'analyzed', requestId: 1, results: [{ id: 'c', defines: [IMG], references: [] }] },
      /defines\[0\] is not a name/,
    ],
    [
      'a piece past its end',
      { type: 'piece', requestId: 1, id: 'c', part: 'value', from: 5, to: 10, total: 8, what: 'characters', text: 'x' },
      /to is not a whole number/,
    ],
    [
      'a piece of an unknown part',
      { type: 'piece', requestId: 1, id: 'c', part: 'html', from: 0, to: 0, total: 0, what: 'characters', text: null },
      /part is not value or logs/,
    ],
    ['a request id that is not one', { type: 'done', requestId: IMG }, /requestId/],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }, /type is not a message the worker sends/],
    ['not an object', IMG, /the message is not an object/],
    ['null', null, /the message is not an object/],
  ])('%s', (_name, message, reason) => {
    const read = readFromWorker(message);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(reason);
  });

  it('never throws, and never lets markup through to the page', () => {
    const payload = fc.constantFrom(
      IMG,
      '<script>x</script>',
      '"><svg onload=1>',
      1,
      -1,
      0.5,
      1e308,
      null,
      true,
      [],
      {},
    );
    const display = fc.record(
      {
        kind: fc.constantFrom('empty', 'number', 'vector', 'matrix', 'tex', 'text', 'table', 'plot', 'data'),
        value: payload,
        values: fc.array(payload, { maxLength: 4 }),
        rows: fc.oneof(payload, fc.array(fc.array(payload, { maxLength: 3 }), { maxLength: 3 })),
        cols: payload,
        tex: payload,
        text: payload,
        columns: fc.array(payload, { maxLength: 3 }),
        notes: fc.array(payload, { maxLength: 2 }),
        spec: fc.record({ call: payload, args: fc.array(payload, { maxLength: 2 }) }),
      },
      { requiredKeys: ['kind'] },
    );
    const message = fc.record(
      {
        type: fc.constantFrom('result', 'failed', 'skipped', 'reanalyzed', 'analyzed', 'done', 'piece', 'ready'),
        requestId: fc.oneof(fc.nat(), payload),
        id: fc.oneof(fc.constantFrom('c', 'softmax-four'), payload),
        display,
        logs: fc.array(payload, { maxLength: 3 }),
        ms: payload,
        error: fc.record({ message: payload, line: payload, column: payload }, { requiredKeys: [] }),
        blocker: payload,
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(message, (data) => {
        const read = readFromWorker(data);
        if (!read.ok || (read.value.type !== 'result' && read.value.type !== 'failed')) return;
        const html =
          read.value.type === 'result'
            ? renderDisplay(read.value.display, env) + renderLogs(read.value.logs)
            : renderError(read.value.error.message, read.value.error.line, read.value.error.column);
        expect(html).not.toMatch(/<img|<script|<svg onload/i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readDisplay', () => {
  it('copies a display into fresh objects: a key like __proto__ stays an ordinary key', () => {
    const spec = JSON.parse('{"call":"dot","args":[{"__proto__":{"polluted":1},"x":[1]}]}');
    const node = readDisplay({ kind: 'plot', spec, notes: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(node.kind === 'plot' && Object.getPrototypeOf(node.spec.args[0])).toBe(Object.prototype);
  });
});
