// What a lesson's text asks the reader to look at is on the page: an output it talks about
// entry by entry is not elided.
import { describe, expect, it } from 'vitest';
import { renderDisplay } from '../../src/notebook/render';
import { runLesson } from './lessonCells';

// The TeX itself, so the test reads what KaTeX would typeset (not the full-precision list under it).
const texEnvironment = { renderTex: (tex: string) => `<tex>${tex}</tex>`, renderPlot: () => '' };
const typeset = (html: string) => /<tex>(.*)<\/tex>/s.exec(html)?.[1] ?? '';

describe('lesson 1, flattening a tiny image', () => {
  const file = '01-binary-classification.mdx';
  const pixel = { cell: 'image-tiny', from: '[231, 42, 22]', to: '[7, 8, 9]' };

  it('shows all twelve entries of x: four red, four green, four blue', () => {
    const run = runLesson(file);
    const shown = typeset(renderDisplay(run.display('image-tiny'), texEnvironment));
    expect(run.value<number[]>('x')).toHaveLength(12);
    expect(shown).not.toContain('vdots');
    expect(shown.split('\\\\').map((entry) => Number(entry.replace(/\\\w+\{bmatrix\}/g, '').trim()))).toEqual(
      run.value<number[]>('x'),
    );
  });

  it('moves exactly one entry in each of the three blocks of four when one pixel changes', () => {
    const before = runLesson(file).value<number[]>('x');
    const after = runLesson(file, { edits: [pixel] }).value<number[]>('x');
    const moved = before.flatMap((value, k) => (value === after[k] ? [] : [k]));
    expect(moved.map((k) => Math.floor(k / 4))).toEqual([0, 1, 2]);
    expect(typeset(renderDisplay(runLesson(file, { edits: [pixel] }).display('image-tiny'), texEnvironment))).toMatch(
      /\b7\b[\s\S]*\b8\b[\s\S]*\b9\b/,
    );
  });
});
