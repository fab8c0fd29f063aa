import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/display/loadOnce';

describe('a load done once', () => {
  it('loads once, and every call shares the same promise', async () => {
    let calls = 0;
    const load = loadOnce(() => Promise.resolve(++calls));
    const first = load();
    expect(load()).toBe(first);
    await expect(first).resolves.toBe(1);
    await expect(load()).resolves.toBe(1);
    expect(calls).toBe(1);
  });

  it('tries again after a failure, instead of handing back the failure', async () => {
    let calls = 0;
    const load = loadOnce(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(calls)));
    await expect(load()).rejects.toThrow('offline');
    await expect(load()).resolves.toBe(2);
    await expect(load()).resolves.toBe(2);
    expect(calls).toBe(2);
  });
});
