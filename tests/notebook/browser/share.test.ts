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
    expect(decodeShared(fragment)).toEqual(cells);
    expect(decodeShared(`#${fragment}`)).toEqual(cells);
  });

  it('round-trips any cells with valid ids', () => {
    const letters = [...'abcXYZ'];
    const id = fc
      .tuple(fc.constantFrom(...letters), fc.string({ unit: fc.constantFrom(...letters, '0', '9', '_', '-'), maxLength: 8 }))
      .map(([first, rest]) => first + rest);
    const entries = fc.array(fc.tuple(id, fc.string({ unit: codeUnit, maxLength: 50 })), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(entries, (list) => {
      const cells = Object.fromEntries(list);
      expect(decodeShared(encodeShared(cells))).toEqual(cells);
    }));
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.oneof(anyString, fc.base64String()), (text) => {
      for (const hash of [text, SHARE_PREFIX + text, `#${SHARE_PREFIX}${text}`]) {
        const decoded = decodeShared(hash);
        expect(decoded === null || typeof decoded === 'object').toBe(true);
      }
    }));
  });
});

describe('decodeShared rejects what it cannot trust', () => {
  it.each<[string, string]>([
    // Another fragment.
    ['another fragment', '#section-2'],
    // The prefix and nothing.
    ['an empty payload', SHARE_PREFIX],
    // Not base64.
    ['bad base64', `${SHARE_PREFIX}!!!`],
    // Base64 of bytes that are not UTF-8.
    ['invalid UTF-8', SHARE_PREFIX + Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')],
    // UTF-8 that is not JSON.
    ['not JSON', SHARE_PREFIX + Buffer.from('{a:').toString('base64url')],
    // JSON that is not an object.
    ['an array', fragmentOf(['code'])],
    ['a string', fragmentOf('code')],
    ['a number', fragmentOf(1)],
    ['null', fragmentOf(null)],
    // An object with no usable entry.
    ['an empty object', fragmentOf({})],
    ['ids that do not start with a letter', fragmentOf({ '1cell': 'x', _cell: 'x', '-a': 'x' })],
    ['ids with markup or spaces', fragmentOf({ '<script>': 'x', 'a b': 'x', '': 'x' })],
    ['code that is not a string', fragmentOf({ a: 1, b: null, c: { code: 'x' }, d: ['x'] })],
    ['code longer than 100 000 characters', fragmentOf({ a: 'x'.repeat(100_001) })],
  ])('returns null for %s', (_name, hash) => {
    expect(decodeShared(hash)).toBeNull();
  });

  it('keeps the good entries and drops the bad ones', () => {
    expect(decodeShared(fragmentOf({ good: 'x', '9bad': 'y', alsoGood: 'z', worse: 3 }))).toEqual({ good: 'x', alsoGood: 'z' });
  });

  it('keeps at most 200 cells', () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`c${i}`, 'x']));
    expect(Object.keys(decodeShared(fragmentOf(many)) ?? {})).toHaveLength(200);
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
