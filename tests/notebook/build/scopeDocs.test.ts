import { describe, expect, it } from 'vitest';
import * as ml from '../../../src/ml';
import { extractScopeDocs, firstSentence, PLOT_MEMBERS } from '../../../src/notebook/build/scopeDocs';

// One extraction for the file: it compiles src/ml with TypeScript (about a second).
const docs = extractScopeDocs();
const byName = new Map(docs.names.map((doc) => [doc.name, doc]));

describe('the cell scope docs extracted from src/ml at build time', () => {
  it('lists every value src/ml exports, and tex, Plot and Math, which cells also have in scope', () => {
    expect([...byName.keys()].sort()).toEqual([...Object.keys(ml), 'Math', 'Plot', 'tex'].sort());
  });

  it("reads each function's signature as written, with its parameters", () => {
    expect(byName.get('softmax')).toEqual({
      name: 'softmax',
      signature: 'softmax(z: readonly number[]): number[]',
      doc: 'softmax(z)ᵢ = e^{zᵢ} / Σⱼ e^{zⱼ} for a vector of C ≥ 1 values.',
      params: ['z: readonly number[]'],
    });
    // Types by the name a student reads, optional parameters marked.
    expect(byName.get('matmul')?.signature).toBe('matmul(A: Matrix, B: Matrix): Matrix');
    expect(byName.get('initTwoLayer')?.params).toEqual(['sizes: TwoLayerSizes', 'rng: Rng', 'scale?: number']);
    // A value has a type and no parameters.
    expect(byName.get('ELU_ALPHA')).toMatchObject({ signature: 'ELU_ALPHA: 1' });
    expect(byName.get('ELU_ALPHA')).not.toHaveProperty('params');
  });

  it('gives every export of src/ml, and every member of the objects it exports, a doc sentence', () => {
    const missing = Object.keys(ml).filter((name) => !/\S.*[.!?]$/.test(byName.get(name)?.doc ?? ''));
    expect(missing, 'exports of src/ml without a JSDoc sentence').toEqual([]);
    const members = Object.keys(ml).flatMap((owner) =>
      (docs.members[owner] ?? []).filter((doc) => !/\S.*[.!?]$/.test(doc.doc)).map((doc) => `${owner}.${doc.name}`),
    );
    expect(members, 'members without a JSDoc sentence').toEqual([]);
  });

  it("lists the members of Math and the Plot marks the lessons draw with, each with Plot's doc", () => {
    expect(docs.members['Math']?.find((doc) => doc.name === 'exp')).toMatchObject({
      signature: 'exp(x: number): number',
      doc: 'Returns e (the base of natural logarithms) raised to a power.',
    });
    expect(docs.members['Plot']?.map((doc) => doc.name).sort()).toEqual([...PLOT_MEMBERS].sort());
    expect(docs.members['Plot']?.find((doc) => doc.name === 'line')?.doc).toMatch(/^Returns a new line mark/);
    expect(docs.members['sigmoid']?.map((doc) => doc.name)).toEqual(['derivative', 'fn', 'name']);
  });

  it('stays small: the JSON the editor loads is under 10 KB gzip', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(JSON.stringify(docs)).byteLength).toBeLessThan(10_000);
  });
});

describe('firstSentence', () => {
  it('ends at the first full stop, not at e.g. or i.e., and drops Markdown emphasis', () => {
    expect(firstSentence('Column j of M, e.g. the first.\n More here.')).toBe('Column j of M, e.g. the first.');
    expect(firstSentence('Returns a *dot* mark for **x**. Then')).toBe('Returns a dot mark for x.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
