import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChoice, parseNumber, parseOptions, parseSliderValue, parseVector } from '../../src/notebook/inputs';

// Any UTF-16 string (lone surrogates included), weighted towards the characters numbers are
// made of. (Cheaper to build than fc.string({ unit: 'binary' }), which takes a second.)
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.string({ unit: fc.oneof(fc.constantFrom(...'0123456789-−+.,eE[] \t'), codeUnit) });

describe('parseNumber', () => {
  it.each([
    // Decimals, negatives, exponents.
    ['0.1', 0.1],
    ['-2', -2],
    ['1e-3', 0.001],
    ['2.5E2', 250],
    // A typographic minus.
    ['\u22125', -5],
    // Leading plus, leading or trailing point, surrounding spaces.
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['  7  ', 7],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    // Nothing typed.
    ['', 'Enter a number.'],
    ['   ', 'Enter a number.'],
    // Not a number.
    ['abc', '“abc” is not a number.'],
    ['1,5', '“1,5” is not a number.'],
    ['Infinity', '“Infinity” is not a number.'],
    ['0x10', '“0x10” is not a number.'],
    // A number too large for a double.
    ['1e999', '1e999 is too large.'],
  ])('rejects %j with %j', (text, message) => {
    expect(parseNumber(text)).toEqual({ ok: false, message });
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const parsed = parseNumber(text);
        expect(parsed.ok ? Number.isFinite(parsed.value) : parsed.message.length > 0).toBe(true);
      }),
    );
  });
});

describe('parseVector', () => {
  it.each([
    // Commas and spaces.
    ['5, 2, -1, 3', [5, 2, -1, 3]],
    // Brackets and spaces only.
    ['[5 2 -1 3]', [5, 2, -1, 3]],
    // Brackets, commas, padding.
    ['  [0.5, 1e-3 ]  ', [0.5, 0.001]],
    // A space after a comma keeps three digits apart from the number before them.
    ['1, 000, 2', [1, 0, 2]],
    // A leading zero is no thousands group: two entries.
    ['0,842', [0, 842]],
    // One number.
    ['7', [7]],
    // A typographic minus.
    ['\u22121, 1', [-1, 1]],
  ])('reads %j as %j', (text, values) => {
    expect(parseVector(text)).toEqual({ ok: true, value: values });
  });

  it.each([
    // The second entry is bad: "x" is the 4th character.
    ['5, x, 3', 'Entry 2 (“x”, at character 4) is not a number.', 4],
    // Positions count the spaces and the bracket before the entries.
    ['  [5, x]', 'Entry 2 (“x”, at character 7) is not a number.', 7],
    // The first entry.
    ['abc 1', 'Entry 1 (“abc”, at character 1) is not a number.', 1],
    // A number too large counts as not a number here.
    ['1, 1e999', 'Entry 2 (“1e999”, at character 4) is not a number.', 4],
    // An empty entry is not skipped: it points at the extra comma.
    ['5,,2', 'Entry 2 is empty: delete the extra comma at character 3.', 3],
    ['[5, , 2]', 'Entry 2 is empty: delete the extra comma at character 5.', 5],
    [',5', 'Entry 1 is empty: delete the extra comma at character 1.', 1],
    ['5, 2,', 'Entry 3 is empty: delete the extra comma at character 5.', 5],
    // A thousands separator is refused with the number as it should be written.
    [
      '1,000, 2',
      "'1,000' at character 1 looks like a thousands separator: write 1000 (commas separate entries; decimals take a point).",
      1,
    ],
    [
      '3, -12,345,678',
      "'-12,345,678' at character 4 looks like a thousands separator: write -12345678 (commas separate entries; decimals take a point).",
      4,
    ],
  ])('rejects %j naming the entry and its position', (text, message, position) => {
    expect(parseVector(text)).toEqual({ ok: false, message, position });
  });

  it.each([[''], ['   '], ['[]'], ['[ ]']])('asks for at least one number when given %j', (text) => {
    expect(parseVector(text)).toEqual({ ok: false, message: 'Enter at least one number, for example 5, 2, -1, 3.' });
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const parsed = parseVector(text);
        if (!parsed.ok && parsed.position !== undefined) {
          // The position points inside the text.
          expect(parsed.position).toBeGreaterThanOrEqual(1);
          expect(parsed.position).toBeLessThanOrEqual(text.length);
        }
      }),
    );
  });

  it('reads back any list of finite numbers written with commas', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 8 }),
        (values) => {
          // String(-0) is "0": compare with what the text says.
          expect(parseVector(values.map(String).join(', '))).toEqual({
            ok: true,
            value: values.map((v) => Number(String(v))),
          });
        },
      ),
    );
  });

  it('points at the bad entry for any position of it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -99, max: 99 }), { maxLength: 6 }), fc.nat(6), (values, at) => {
        const entries = values.map(String);
        const index = Math.min(at, entries.length);
        entries.splice(index, 0, 'oops');
        const text = entries.join(', ');
        const parsed = parseVector(text);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) {
          expect(parsed.position).toBe(text.indexOf('oops') + 1);
          expect(parsed.message).toContain(`Entry ${index + 1} `);
        }
      }),
    );
  });
});

describe('parseOptions', () => {
  it.each([
    // Two options, with spaces inside them kept.
    ['squared error with a sigmoid|cross-entropy', ['squared error with a sigmoid', 'cross-entropy']],
    // Spaces around the bars are not part of the options.
    [' sigmoid | tanh |ReLU ', ['sigmoid', 'tanh', 'ReLU']],
    // Letter case tells options apart.
    ['relu|ReLU', ['relu', 'ReLU']],
  ])('reads %j as %j', (text, options) => {
    expect(parseOptions(text)).toEqual({ ok: true, value: options });
  });

  it.each([
    // Nothing, or only spaces.
    ['', 'Give at least two options, separated by |.'],
    ['  ', 'Give at least two options, separated by |.'],
    // One option is no choice.
    ['cross-entropy', 'Only one option (“cross-entropy”): a choice needs at least two, separated by |.'],
    // An empty option: a doubled bar, or a bar at either end.
    ['a||b', 'Option 2 is empty: separate the options with a single |.'],
    ['|a|b', 'Option 1 is empty: separate the options with a single |.'],
    ['a|b|', 'Option 3 is empty: separate the options with a single |.'],
    // The same option twice (after trimming).
    ['a|b| a', '“a” is an option twice.'],
  ])('rejects %j with %j', (text, message) => {
    expect(parseOptions(text)).toEqual({ ok: false, message });
  });

  it('reads back any list of distinct options joined with bars', () => {
    const option = fc
      .string({ minLength: 1, maxLength: 12 })
      .map((text) => text.replace(/\|/g, '/').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.uniqueArray(option, { minLength: 2, maxLength: 8 }), (options) => {
        expect(parseOptions(options.join(' | '))).toEqual({ ok: true, value: options });
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const parsed = parseOptions(text);
        expect(parsed.ok ? parsed.value.length >= 2 : parsed.message.length > 0).toBe(true);
      }),
    );
  });
});

describe('parseChoice', () => {
  const losses = ['squared error with a sigmoid', 'cross-entropy'];

  it.each([
    ['cross-entropy', 'cross-entropy'],
    // Surrounding spaces are ignored.
    ['  squared error with a sigmoid ', 'squared error with a sigmoid'],
  ])('reads %j as the option %j', (text, option) => {
    expect(parseChoice(text, losses)).toEqual({ ok: true, value: option });
  });

  it.each([
    // Not an option (say, from a link made before the lesson renamed its options).
    ['hinge', '“hinge” is not one of the options (“squared error with a sigmoid”, “cross-entropy”).'],
    // Letter case counts: the value is the option as written.
    ['Cross-Entropy', '“Cross-Entropy” is not one of the options (“squared error with a sigmoid”, “cross-entropy”).'],
    // Nothing.
    ['', 'Nothing is not one of the options (“squared error with a sigmoid”, “cross-entropy”).'],
  ])('rejects %j with %j', (text, message) => {
    expect(parseChoice(text, losses)).toEqual({ ok: false, message });
  });

  it('accepts exactly the options, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.constantFrom(...losses)), (text) => {
        expect(parseChoice(text, losses).ok).toBe(losses.includes(text.trim()));
      }),
    );
  });
});

describe('parseSliderValue', () => {
  const range = { min: 0, max: 3, step: 0.1 };
  it.each<[string, number]>([
    ['0', 0],
    ['3', 3],
    ['1.5', 1.5],
  ])('takes %j within the range', (text, value) => {
    expect(parseSliderValue(text, range)).toEqual({ ok: true, value });
  });

  it.each<[string, RegExp]>([
    ['4', /4 is outside the slider's range, 0 to 3/],
    ['-1', /-1 is outside the slider's range/],
    ['abc', /is not a number/],
  ])('refuses %j and says why', (text, message) => {
    const parsed = parseSliderValue(text, range);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
