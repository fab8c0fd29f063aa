import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { watchBuiltins } from '../../../src/notebook/browser/integrity';

/** A fresh realm, as a worker is: its global and a way to run code in it. */
function realm() {
  const context = vm.createContext({});
  return {
    global: vm.runInContext('globalThis', context) as typeof globalThis,
    run: (code: string) => vm.runInContext(code, context) as unknown,
  };
}

describe('watchBuiltins', () => {
  it('sees nothing when nothing changed, NaN included', () => {
    const { global, run } = realm();
    const changed = watchBuiltins(global);
    run('[1, 2].map((x) => x * 2); Math.exp(1); JSON.stringify({ a: NaN })');
    expect(changed()).toEqual([]);
  });

  it('names a replaced prototype method, and nothing once it is put back', () => {
    const { global, run } = realm();
    const changed = watchBuiltins(global);
    run(
      'globalThis.saved = Array.prototype.map; Array.prototype.map = function () { return [42] }; delete globalThis.saved',
    );
    expect(changed()).toEqual(['Array.prototype.map']);
    const fresh = realm();
    const again = watchBuiltins(fresh.global);
    fresh.run('const map = Array.prototype.map; Array.prototype.map = () => []; Array.prototype.map = map');
    expect(again()).toEqual([]);
  });

  it('names an added global, a replaced Math function and a changed prototype link', () => {
    const { global, run } = realm();
    const changed = watchBuiltins(global);
    run('globalThis.leaked = 1; Math.exp = () => 0; Object.setPrototypeOf(Map.prototype, null)');
    expect(changed()).toEqual(
      expect.arrayContaining(['globalThis.leaked', 'Math.exp', 'the prototype of Map.prototype']),
    );
  });

  it('names a deleted built-in', () => {
    const { global, run } = realm();
    const changed = watchBuiltins(global);
    run('delete Array.prototype.includes');
    expect(changed()).toEqual(['Array.prototype.includes (deleted)']);
  });

  it('is not fooled by a replaced Reflect.ownKeys or Array.prototype.push', () => {
    const { global, run } = realm();
    const changed = watchBuiltins(global);
    // The checker's own realm is tampered with too: it uses only what it captured.
    const ownKeys = Reflect.ownKeys;
    const push = Array.prototype.push;
    try {
      Reflect.ownKeys = () => [];
      Array.prototype.push = () => 0;
      run('Reflect.ownKeys = () => []; Array.prototype.push = () => 0');
      expect(changed()).toEqual(expect.arrayContaining(['Reflect.ownKeys', 'Array.prototype.push']));
    } finally {
      Reflect.ownKeys = ownKeys;
      Array.prototype.push = push;
    }
  });
});
