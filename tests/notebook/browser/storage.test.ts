import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditStore, parseEdits, storageKey } from '../../../src/notebook/browser/storage';
import { fakeStorage } from '../../support/fakeStorage';

const page = '/lessons/softmax/';

let storage: ReturnType<typeof fakeStorage>;
const listeners: ((event: StorageEvent) => void)[] = [];

beforeEach(() => {
  storage = fakeStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal(
    'addEventListener',
    (type: string, listener: (event: StorageEvent) => void) => type === 'storage' && listeners.push(listener),
  );
  vi.stubGlobal('removeEventListener', () => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  listeners.length = 0;
});

/** What another tab's write looks like to this one. */
const storageEvent = () =>
  listeners.forEach((listener) =>
    listener({ key: storageKey(page), newValue: storage.getItem(storageKey(page)) } as StorageEvent),
  );

describe('EditStore', () => {
  it('keeps both edits when two tabs edit two cells', () => {
    const a = new EditStore(page);
    const b = new EditStore(page);
    a.put('softmax-four', { code: 'A', base: '1' });
    b.put('softmax-three', { code: 'B', base: '2' });
    expect(Object.keys(parseEdits(storage.getItem(storageKey(page)))).sort()).toEqual([
      'softmax-four',
      'softmax-three',
    ]);
  });

  it('hears which cells another tab changed', () => {
    const a = new EditStore(page);
    const b = new EditStore(page);
    const heard: string[][] = [];
    a.watch((changed) => heard.push(changed));
    b.put('softmax-three', { code: 'B', base: '2' });
    storageEvent();
    expect(heard).toEqual([['softmax-three']]);
    expect(a.get('softmax-three')?.code).toBe('B');
    // A run state written by the other tab is not a change of code.
    b.setRun('softmax-three', 'finished');
    storageEvent();
    expect(heard).toHaveLength(1);
  });

  it('says an edit storage refused is not saved, keeps it, and writes it with the next one that goes through', () => {
    const a = new EditStore(page);
    storage.full = true;
    expect(a.put('x', { code: 'X', base: '1' })).toBe(false);
    expect(a.isSaved('x')).toBe(false);
    expect(a.get('x')?.code).toBe('X');
    storage.full = false;
    expect(a.put('y', { code: 'Y', base: '1' })).toBe(true);
    expect(Object.keys(parseEdits(storage.getItem(storageKey(page)))).sort()).toEqual(['x', 'y']);
    expect(a.isSaved('x')).toBe(true);
  });

  it('records how the last run of an edit ended', () => {
    const a = new EditStore(page);
    a.put('x', { code: 'X', base: '1' });
    a.setRun('x', 'running');
    expect(new EditStore(page).get('x')?.run).toBe('running');
    // Nothing is recorded for a cell that is not edited.
    a.setRun('y', 'finished');
    expect(new EditStore(page).get('y')).toBeUndefined();
  });
});

describe('parseEdits', () => {
  it.each<[string, string | null]>([
    ['nothing', null],
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an entry without code', '{"a":{"base":"1"}}'],
    ['a key that is not a cell id', '{"__proto__":{"code":"x","base":"1"}}'],
  ])('reads %s as no edits', (_name, raw) => {
    expect(parseEdits(raw)).toEqual({});
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
  });

  it('drops a run state it does not know', () => {
    expect(parseEdits('{"a":{"code":"x","base":"1","run":"<b>"}}')).toEqual({ a: { code: 'x', base: '1' } });
  });
});
