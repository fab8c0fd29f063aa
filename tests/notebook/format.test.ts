import { describe, expect, it } from 'vitest';
import { elide, texMatrix, texVector } from '../../src/notebook/format';

describe('elide', () => {
  it.each([
    // Fewer entries than the limit: all of them.
    [3, 10, [0, 1, 2]],
    // Exactly the limit: all of them.
    [4, 4, [0, 1, 2, 3]],
    // One over: the first limit − 2, a gap, the last.
    [5, 4, [0, 1, -1, 4]],
    // Many over.
    [12, 10, [0, 1, 2, 3, 4, 5, 6, 7, -1, 11]],
    // Nothing.
    [0, 10, []],
  ])('shows of %i entries with limit %i: %j', (n, limit, indices) => {
    expect(elide(n, limit)).toEqual(indices);
  });
});

describe('texVector', () => {
  it('writes a short vector in full, rounded', () => {
    expect(texVector([0.8421, 0.0419, -1])).toBe('\\begin{bmatrix} 0.842 \\\\ 0.042 \\\\ -1 \\end{bmatrix}');
  });

  it('keeps 12 entries, a flattened 2×2 RGB image, whole (lesson 1 asks to watch each block of four)', () => {
    const rows = texVector(Array.from({ length: 12 }, (_, i) => i + 1))
      .replace(/^\\begin\{bmatrix\} | \\end\{bmatrix\}$/g, '')
      .split(' \\\\ ');
    expect(rows).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  it('keeps exactly 16 entries', () => {
    expect(texVector(Array.from({ length: 16 }, (_, i) => i))).not.toContain('\\vdots');
  });

  it('elides 17 entries to the first 14, \\vdots and the last', () => {
    const rows = texVector(Array.from({ length: 17 }, (_, i) => i + 1))
      .replace(/^\\begin\{bmatrix\} | \\end\{bmatrix\}$/g, '')
      .split(' \\\\ ');
    expect(rows).toEqual([...Array.from({ length: 14 }, (_, i) => String(i + 1)), '\\vdots', '17']);
  });
});

describe('texMatrix', () => {
  it('writes a small matrix row by row', () => {
    expect(texMatrix(2, 3, [1, 2, 3, 4, 5, 6.0001])).toBe('\\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\end{bmatrix}');
  });

  it("shows the 12 rows of lesson 1's three flattened images whole", () => {
    const lines = texMatrix(
      12,
      3,
      Array.from({ length: 36 }, (_, i) => i),
    ).split(' \\\\ ');
    expect(lines).toHaveLength(12);
    expect(lines.join()).not.toContain('vdots');
  });

  it('elides a 20×10 matrix with \\vdots, \\cdots and one \\ddots', () => {
    const values = Array.from({ length: 200 }, (_, i) => i);
    const lines = texMatrix(20, 10, values)
      .replace(/^\\begin\{bmatrix\} | \\end\{bmatrix\}$/g, '')
      .split(' \\\\ ')
      .map((line) => line.split(' & '));
    // 14 rows, a gap, the last: 16 lines of 8 entries (6 columns, a gap, the last).
    expect(lines).toHaveLength(16);
    expect(lines.every((line) => line.length === 8)).toBe(true);
    expect(lines[0]).toEqual(['0', '1', '2', '3', '4', '5', '\\cdots', '9']);
    expect(lines[14]).toEqual(['\\vdots', '\\vdots', '\\vdots', '\\vdots', '\\vdots', '\\vdots', '\\ddots', '\\vdots']);
    expect(lines[15]).toEqual(['190', '191', '192', '193', '194', '195', '\\cdots', '199']);
  });

  it('reads a typed array row-major', () => {
    expect(texMatrix(2, 2, Float64Array.from([1, 2, 3, 4]))).toBe('\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}');
  });
});

describe('texVector and texMatrix of cut values: what was sent, then an ellipsis', () => {
  it('shows the first entries of a cut vector and ends with \\vdots, never a made-up last entry', () => {
    expect(texVector([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 1_000_000)).toBe(
      '\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\\\ 4 \\\\ 5 \\\\ 6 \\\\ 7 \\\\ 8 \\\\ 9 \\\\ 10 \\\\ 11 \\\\ \\vdots \\end{bmatrix}',
    );
    // Of the first 20 sent, 15 are shown before the ellipsis.
    expect(
      texVector(
        Array.from({ length: 20 }, (_, i) => i),
        1_000_000,
      ).match(/\\\\/g),
    ).toHaveLength(15);
  });

  it('shows the first rows of a matrix sent in whole rows, then a row of \\vdots', () => {
    // 2 of 1000 rows of 3 columns were sent.
    expect(texMatrix(1000, 3, [1, 2, 3, 4, 5, 6])).toBe(
      '\\begin{bmatrix} 1 & 2 & 3 \\\\ 4 & 5 & 6 \\\\ \\vdots & \\vdots & \\vdots \\end{bmatrix}',
    );
  });

  it('shows the start of one long row, then \\cdots', () => {
    expect(texMatrix(1, 20_000, [1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(
      '\\begin{bmatrix} 1 & 2 & 3 & 4 & 5 & 6 & 7 & \\cdots \\end{bmatrix}',
    );
  });
});
