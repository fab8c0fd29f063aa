import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SAVED_INPUT, PROGRESS_KEY, sanitizeProgress } from '../../src/exercises/progress';
import { MAX_STEPS_TEXT } from '../../src/exercises/steps';
import { fakeStorage } from '../support/fakeStorage';

/** A fresh copy of the module: what the page holds is module state, one copy per page. */
const freshSession = async () => {
  vi.resetModules();
  return import('../../src/exercises/progress');
};

describe("the page's copy of a student's progress", () => {
  let storage: ReturnType<typeof fakeStorage>;
  /** What storage holds of every exercise. */
  const stored = () => storage.read(PROGRESS_KEY) as Record<string, { answers: Record<string, unknown> }>;
  beforeEach(() => {
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('holds what storage refused, so the page and its download still have it', async () => {
    const session = await freshSession();
    session.updateExercise('old', (r) => (r.answers['a'] = { input: 'kept' }));
    storage.full = true;
    const changes = vi.fn();
    session.onUnsavedChange(changes);
    const { saved, record } = session.updateExercise('softmax-dz', (r) => (r.answers['dz'] = { input: 'yhat - y' }));
    expect(saved).toBe(false);
    expect(record.answers['dz']!.input).toBe('yhat - y');
    expect(session.unsavedExercises()).toEqual(['softmax-dz']);
    expect(changes).toHaveBeenCalled();
    // The newest answer is on the page, next to what storage had.
    expect(session.pageProgress()).toEqual({
      old: { answers: { a: { input: 'kept' } } },
      'softmax-dz': { answers: { dz: { input: 'yhat - y' } } },
    });
    expect(stored()).toEqual({ old: { answers: { a: { input: 'kept' } } } });

    // A second answer to the same exercise builds on the first, not on what storage has.
    session.updateExercise('softmax-dz', (r) => (r.answers['da'] = { input: 'a' }));
    expect(Object.keys(session.pageProgress()['softmax-dz']!.answers)).toEqual(['dz', 'da']);

    // Once storage takes writes again, the next save keeps everything the page held.
    storage.full = false;
    expect(session.updateExercise('old', (r) => (r.done = true)).saved).toBe(true);
    expect(session.unsavedExercises()).toEqual([]);
    expect(Object.keys(stored()['softmax-dz']!.answers)).toEqual(['dz', 'da']);
  });

  it('holds loaded answers that storage refused', async () => {
    const session = await freshSession();
    storage.full = true;
    expect(session.storeLoaded({ a: { answers: { x: { input: '1' } } } }, ['a'])).toBe(false);
    expect(session.pageProgress()).toEqual({ a: { answers: { x: { input: '1' } } } });
  });

  it('knows when storage cannot even be read', async () => {
    const session = await freshSession();
    expect(session.storageBlocked()).toBe(false);
    vi.stubGlobal('localStorage', undefined);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    expect(session.storageBlocked()).toBe(true);
    expect(session.updateExercise('a', (r) => (r.answers['x'] = { input: '1' })).saved).toBe(false);
    expect(session.pageProgress()).toEqual({ a: { answers: { x: { input: '1' } } } });
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });
});

describe('saved answers', () => {
  it('keeps a derivation in steps whole, up to the longest the steps checker reads', () => {
    expect(MAX_SAVED_INPUT).toBe(MAX_STEPS_TEXT);
    // Forty lines of a hundred characters: longer than any one-line answer.
    const line = `= ${'sigma(z) * (1 - sigma(z)) + 0 * '.repeat(3)}0`.padEnd(100, ' ');
    const derivation = Array.from({ length: 40 }, () => line).join('\n');
    const kept = sanitizeProgress({ 'lr-sigmoid-derivative': { answers: { 'dsigma-steps': { input: derivation } } } });
    expect(kept['lr-sigmoid-derivative']!.answers['dsigma-steps']!.input).toBe(derivation);
    const tooLong = 'x'.repeat(MAX_SAVED_INPUT + 10);
    expect(sanitizeProgress({ a: { answers: { b: { input: tooLong } } } })['a']!.answers['b']!.input).toHaveLength(
      MAX_SAVED_INPUT,
    );
  });
});
