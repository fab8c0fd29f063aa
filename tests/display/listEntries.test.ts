import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listEntries, listProblemMessage } from '../../src/display/listEntries';

/** The entries' texts, or the problem's kind and the text it points at. */
function read(text: string, from?: number, to?: number): string[] | string {
  const list = listEntries(text, from, to);
  if (!list.ok) return `${list.problem.kind}: ${text.slice(list.problem.start, list.problem.end)}`;
  return list.entries.map(({ start, end }) => text.slice(start, end));
}

describe('listEntries', () => {
  it.each([
    // Entries trimmed of spaces.
    ['5, 2, -1, 3', ['5', '2', '-1', '3']],
    // Commas inside brackets belong to the entry.
    ['max(1, 2), [3, 4]', ['max(1, 2)', '[3, 4]']],
    // Nothing at all is no entries.
    ['  ', []],
    // A space after the comma keeps 1 and 000 apart.
    ['1, 000', ['1', '000']],
    // A leading zero is a decimal comma, not a thousands group: left to the reader.
    ['0,842', ['0', '842']],
    // Four digits after the comma are no thousands group.
    ['1,0000', ['1', '0000']],
    // A decimal before the comma is no thousands group either.
    ['0.5,100', ['0.5', '100']],
  ])('splits %j into %j', (text, entries) => {
    expect(read(text)).toEqual(entries);
  });

  it.each([
    // The extra comma is the one pointed at.
    ['1,,2', 'empty: ,'],
    ['1, ,2', 'empty: ,'],
    [',1', 'empty: ,'],
    ['1,', 'empty: ,'],
    // One number written in groups of three, however long.
    ['1,000, 2', 'thousands: 1,000'],
    ['2, 1,000,000', 'thousands: 1,000,000'],
    ['-3,072', 'thousands: -3,072'],
    ['1,000.5', 'thousands: 1,000'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(read(text)).toBe(problem);
  });

  it('reads only the part of the text it is given', () => {
    expect(read('[1, 2]', 1, 5)).toEqual(['1', '2']);
    expect(read('[1,,2]', 1, 5)).toBe('empty: ,');
  });

  it('says where the problem is, in the unit the reader counts in', () => {
    const at = (text: string) => {
      const list = listEntries(text);
      if (list.ok) throw new Error('expected a problem');
      return listProblemMessage(list.problem, 'column', (offset) => offset + 1);
    };
    expect(at('1,,2')).toBe('entry 2 is empty: delete the extra comma at column 3');
    expect(at(',1')).toBe('entry 1 is empty: delete the extra comma at column 1');
    expect(at('1, 2,')).toBe('entry 3 is empty: delete the extra comma at column 5');
    expect(at('1,000, 2')).toBe(
      "'1,000' at column 1 looks like a thousands separator: write 1000 (commas separate entries; decimals take a point)",
    );
  });

  it('never throws, and its entries and problems lie inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789,,,  ()[]-.x') }), (text) => {
        const list = listEntries(text);
        const spans = list.ok ? list.entries : [list.problem];
        for (const { start, end } of spans) {
          expect(0 <= start && start <= end && end <= text.length).toBe(true);
        }
      }),
    );
  });

  it('takes time in proportion to the length of the text', () => {
    // 200,000 entries, many of them empty or grouped in thousands: one pass, not one per entry.
    const text = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? '000' : `${i % 9}`)).join(', ');
    const started = performance.now();
    expect(listEntries(text).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
