import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShared, encodeShared, SHARE_PREFIX } from '../../../src/notebook/browser/share';

// Any UTF-16 string, lone surrogates included (JSON.stringify escapes those, so they survive).
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyString = fc.string({ unit: codeUnit });

/** A fragment carrying any JSON value, built independently of encodeShared. */
const fragmentOf = (value: unknown) => SHARE_PREFIX + Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('encodeShared and decodeShared', () => {
  it.each<[string, Record<string, string>]>([
    // A lesson cell.
    ['plain code', { 'softmax-four': 'const z = [5, 2, -1, 3];\nsoftmax(z)' }],
    // Unicode outside the BMP, combining marks and a typographic minus.
    ['unicode', { a: 'ŷ = σ(z) − 1 // 🧠 e\u0301', b: '中文' }],
    // Markup and a script payload travel as text.
    ['markup', { x: '</script><script>alert(1)</script><img src=x onerror=alert(1)>' }],
    // Characters that base64 writes as + and /.
    ['base64url characters', { c: '>>>???~~~' }],
    // Empty code.
    ['empty code', { empty: '' }],
  ])('round-trips %s', (_name, cells) => {
    const fragment = encodeShared(cells);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    // Safe in a URL fragment without escaping.
    expect(fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeShared(fragment)).toEqual({ ok: true, cells, leftOut: [] });
    expect(decodeShared(`#${fragment}`)).toEqual({ ok: true, cells, leftOut: [] });
  });

  it('round-trips any cells with valid ids', () => {
    const letters = [...'abcXYZ'];
    const id = fc
      .tuple(
        fc.constantFrom(...letters),
        fc.string({ unit: fc.constantFrom(...letters, '0', '9', '_', '-'), maxLength: 8 }),
      )
      .map(([first, rest]) => first + rest);
    const entries = fc.array(fc.tuple(id, fc.string({ unit: codeUnit, maxLength: 50 })), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(entries, (list) => {
        const cells = Object.fromEntries(list);
        expect(decodeShared(encodeShared(cells))).toEqual({ ok: true, cells, leftOut: [] });
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.base64String()), (text) => {
        for (const hash of [text, SHARE_PREFIX + text, `#${SHARE_PREFIX}${text}`]) {
          const decoded = decodeShared(hash);
          expect(decoded === null || typeof decoded.ok === 'boolean').toBe(true);
        }
      }),
    );
  });
});

describe('decodeShared says why it cannot use a link', () => {
  it('reads another fragment as no link at all', () => {
    expect(decodeShared('#section-2')).toBeNull();
  });

  it.each<[string, string, RegExp]>([
    // The prefix and nothing.
    ['an empty payload', SHARE_PREFIX, /carries no code/],
    // Not base64.
    ['bad base64', `${SHARE_PREFIX}!!!`, /characters that base64url does not use/],
    ['base64 cut in the middle of a character', `${SHARE_PREFIX}a`, /does not decode/],
    // Base64 of bytes that are not UTF-8.
    ['invalid UTF-8', SHARE_PREFIX + Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url'), /not valid UTF-8/],
    // UTF-8 that is not JSON.
    ['not JSON', SHARE_PREFIX + Buffer.from('{a:').toString('base64url'), /not JSON/],
    // JSON that is not an object.
    ['an array', fragmentOf(['code']), /does not hold a list of cells/],
    ['a string', fragmentOf('code'), /does not hold a list of cells/],
    ['a number', fragmentOf(1), /does not hold a list of cells/],
    ['null', fragmentOf(null), /does not hold a list of cells/],
    // An object with no usable entry.
    ['an empty object', fragmentOf({}), /holds no cells/],
    [
      'ids that do not start with a letter',
      fragmentOf({ '1cell': 'x', _cell: 'x', '-a': 'x' }),
      /"1cell" is not a cell id; "_cell" is not a cell id; "-a" is not a cell id/,
    ],
    ['ids with markup or spaces', fragmentOf({ '<script>': 'x', 'a b': 'x', '': 'x' }), /"<script>" is not a cell id/],
    [
      'code that is not a string',
      fragmentOf({ a: 1, b: null, c: { code: 'x' }, d: ['x'] }),
      /the code for "a" is not text; .* and 1 more/,
    ],
    ['code longer than 100 000 characters', fragmentOf({ a: 'x'.repeat(100_001) }), /longer than 100,000 characters/],
    // Far longer than any link the course makes: refused before it is decoded.
    ['a payload of 3 million characters', SHARE_PREFIX + 'A'.repeat(3_000_000), /more than any link this course makes/],
  ])('refuses %s and says why', (_name, hash, reason) => {
    const decoded = decodeShared(hash);
    expect(decoded?.ok).toBe(false);
    expect(decoded?.ok === false && decoded.reason).toMatch(reason);
  });

  it('keeps the good entries and says what it left out', () => {
    expect(decodeShared(fragmentOf({ good: 'x', '9bad': 'y', alsoGood: 'z', worse: 3 }))).toEqual({
      ok: true,
      cells: { good: 'x', alsoGood: 'z' },
      leftOut: ['"9bad" is not a cell id', 'the code for "worse" is not text'],
    });
  });

  it('keeps at most 200 cells and counts the rest as left out', () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`c${i}`, 'x']));
    const decoded = decodeShared(fragmentOf(many));
    expect(decoded?.ok && Object.keys(decoded.cells)).toHaveLength(200);
    expect(decoded?.ok && decoded.leftOut).toHaveLength(50);
  });
});

describe('the lesson loader', () => {
  it('looks for saved edits and shared links where the runtime puts them', async () => {
    const loader = await import('../../../src/notebook/browser/loader');
    const { storageKey } = await import('../../../src/notebook/browser/storage');
    const { SHARE_PREFIX } = await import('../../../src/notebook/browser/share');
    expect(loader.savedEditsKey('/lessons/softmax/')).toBe(storageKey('/lessons/softmax/'));
    expect(loader.SHARED_LINK_PREFIX).toBe(SHARE_PREFIX);
  });
});
