import { describe, expect, it } from 'vitest';
import { configFromProps } from '../../src/explorer/config';
import { trainedNetwork } from '../../src/explorer/model';
import { matmul } from '../../src/ml';
import { parseParameters } from '../../src/notebook/inputs';

describe('an explorer’s set-up from its attributes', () => {
  it('reads numbers given as text (remark) or as numbers (Astro) alike', () => {
    const fromText = configFromProps({
      name: 'xor',
      data: 'xor',
      layers: '8, 8',
      learningRate: '0.3',
      epoch: '20',
      classes: '2',
    });
    const fromNumbers = configFromProps({
      name: 'xor',
      data: 'xor',
      layers: '8,8',
      learningRate: 0.3,
      epoch: 20,
      classes: 2,
    });
    expect(fromText).toEqual(fromNumbers);
    expect(fromText.layers).toEqual([8, 8]);
  });

  it('fails the build with the explorer’s name and the attribute at fault', () => {
    expect(() => configFromProps({ name: 'xor', data: 'rings' })).toThrow(
      'TrainingExplorer "xor": unknown data set "rings"',
    );
    expect(() => configFromProps({ name: 'xor', layers: '8,8,8,8' })).toThrow(/layers "8,8,8,8"/);
    expect(() => configFromProps({ name: 'xor', learningRate: 'fast' })).toThrow(/learningRate="fast" is not a number/);
    expect(() => configFromProps({ name: 'Bad Name' })).toThrow(/name "Bad Name"/);
  });
});

describe('parameters sent by an explorer to the notebook', () => {
  it('become the course’s matrices, usable by src/ml', () => {
    const network = trainedNetwork(configFromProps({ name: 'xor', data: 'xor', layers: '4', epoch: 5 }));
    const json = JSON.stringify(
      Object.fromEntries(
        Object.entries(network.parameters()).map(([k, m]) => [k, { rows: m.rows, cols: m.cols, data: [...m.data] }]),
      ),
    );
    const parsed = parseParameters(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.value)).toEqual(['W1', 'b1', 'W2', 'b2']);
    expect(parsed.value['W1']!.data).toBeInstanceOf(Float64Array);
    expect(matmul(parsed.value['W2']!, parsed.value['W1']!).rows).toBe(1);
    expect([...parsed.value['W1']!.data]).toEqual([...network.parameters()['W1']!.data]);
  });

  it('refuses anything that is not a set of matrices, with a message', () => {
    expect(parseParameters('not json')).toMatchObject({ ok: false });
    expect(parseParameters('[1,2]')).toMatchObject({ ok: false });
    expect(parseParameters('{"W1":{"rows":2,"cols":2,"data":[1,2,3]}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('W1'),
    });
    expect(parseParameters('{"W1":{"rows":1,"cols":1,"data":[null]}}')).toMatchObject({ ok: false });
    expect(parseParameters('{"<b>":{"rows":1,"cols":1,"data":[1]}}')).toMatchObject({ ok: false });
  });
});
