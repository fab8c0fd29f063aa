/**
 * Notices when cell code changes what every cell shares: the built-in objects of the worker
 * (`Array.prototype.map = …`, `Math.exp = …`) or its global scope. A snapshot of their own
 * properties is taken before any cell runs; `changed()` compares against it. The check uses only
 * functions captured at snapshot time, so code that replaced `Reflect.ownKeys` or
 * `Array.prototype.push` cannot hide from it.
 */

// Captured before any cell runs; called directly, never as methods of a shared object.
const { ownKeys } = Reflect;
const getDescriptor = Object.getOwnPropertyDescriptor;
const getPrototype = Object.getPrototypeOf;
const hasOwn = Object.hasOwn;
const stringOf = String;
// Object.is: NaN is the same as NaN.
const same = Object.is;

/** The global names whose objects, prototypes included, cells share: the language's built-ins and what the runtime uses. */
const SHARED_GLOBALS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Date',
  'RegExp',
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'Proxy',
  'Reflect',
  'JSON',
  'Math',
  'Intl',
  'Atomics',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Iterator',
  'MessagePort',
  'MessageEvent',
  'Event',
  'EventTarget',
  'Performance',
  'performance',
  'console',
] as const;

interface Entry {
  path: string;
  target: object;
  keys: (string | symbol)[];
  descriptors: PropertyDescriptor[];
  /** Only these keys' values are compared (the rest only for being added or deleted). */
  only?: Set<string | symbol>;
}

const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

function keyName(key: string | symbol): string {
  return typeof key === 'symbol' ? `[${stringOf(key.description)}]` : key;
}

function take(path: string, target: object, only?: Set<string | symbol>): Entry {
  const keys = ownKeys(target);
  const descriptors: PropertyDescriptor[] = [];
  for (let i = 0; i < keys.length; i++) descriptors[i] = getDescriptor(target, keys[i]!)!;
  return only ? { path, target, keys, descriptors, only } : { path, target, keys, descriptors };
}

/**
 * Whether a property is as it was. A descriptor from getOwnPropertyDescriptor always has its own
 * enumerable and configurable, and value and writable (data) or get and set (accessor), so these
 * reads never reach a getter a cell put on Object.prototype.
 */
function sameDescriptor(now: PropertyDescriptor, then: PropertyDescriptor): boolean {
  if (now.enumerable !== then.enumerable || now.configurable !== then.configurable) return false;
  if (hasOwn(then, 'value'))
    return hasOwn(now, 'value') && same(now.value, then.value) && now.writable === then.writable;
  return !hasOwn(now, 'value') && now.get === then.get && now.set === then.set;
}

function indexOf(keys: (string | symbol)[], key: string | symbol): number {
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
  return -1;
}

/** Adds what changed on one object since its snapshot to `out`, as `path.key` names. */
function differences(entry: Entry, out: string[]): void {
  const now = ownKeys(entry.target);
  const before = entry.keys;
  // Own keys keep their order, so an untouched object matches key for key.
  let sameKeys = now.length === before.length;
  for (let i = 0; sameKeys && i < now.length; i++) sameKeys = now[i] === before[i];
  for (let i = 0; i < now.length; i++) {
    const key = now[i]!;
    const j = sameKeys ? i : indexOf(before, key);
    if (j !== -1 && entry.only && !entry.only.has(key)) continue;
    if (j === -1 || !sameDescriptor(getDescriptor(entry.target, key)!, entry.descriptors[j]!))
      out[out.length] = `${entry.path}.${keyName(key)}`;
  }
  if (sameKeys) return;
  for (let j = 0; j < before.length; j++)
    if (indexOf(now, before[j]!) === -1) out[out.length] = `${entry.path}.${keyName(before[j]!)} (deleted)`;
}

/**
 * Takes the snapshot now (call it before any cell code runs) and returns the check: the names of
 * what changed since, or an empty list.
 */
export function watchBuiltins(global: typeof globalThis): () => string[] {
  const entries: Entry[] = [];
  const prototypes: { path: string; target: object; proto: object | null }[] = [];
  const seen = new Set<object>();
  const add = (path: string, target: unknown, only?: Set<string | symbol>) => {
    if (!isObject(target) || seen.has(target)) return;
    seen.add(target);
    entries[entries.length] = take(path, target, only);
    prototypes[prototypes.length] = { path, target, proto: getPrototype(target) as object | null };
  };
  // The global scope holds hundreds of the browser's interfaces: what it holds is watched for
  // names added or deleted, and the values of the shared built-ins' names, which keeps the check
  // to a fraction of a millisecond per cell.
  add('globalThis', global, new Set<string | symbol>(SHARED_GLOBALS));
  for (const name of SHARED_GLOBALS) {
    const value = (global as unknown as Record<string, unknown>)[name];
    add(name, value);
    if (typeof value === 'function') add(`${name}.prototype`, (value as { prototype?: unknown }).prototype);
  }
  // The intrinsics that have no global name: iterators, generators, typed arrays' parent.
  const arrayIterator = getPrototype([][Symbol.iterator]()) as object;
  add('%ArrayIteratorPrototype%', arrayIterator);
  add('%IteratorPrototype%', getPrototype(arrayIterator));
  add('%TypedArray%', getPrototype(Int8Array));
  add('%TypedArray%.prototype', getPrototype(Int8Array.prototype));
  add('%StringIteratorPrototype%', getPrototype(''[Symbol.iterator]()));
  add('%MapIteratorPrototype%', getPrototype(new Map()[Symbol.iterator]()));
  add('%SetIteratorPrototype%', getPrototype(new Set()[Symbol.iterator]()));
  add(
    '%AsyncFunction.prototype%',
    getPrototype(async () => {}),
  );
  add(
    '%GeneratorFunction.prototype%',
    getPrototype(function* () {}),
  );
  add('%GeneratorPrototype%', getPrototype(getPrototype((function* () {})())));
  add('%WorkerGlobalScope.prototype%', getPrototype(global));

  return () => {
    const out: string[] = [];
    for (let i = 0; i < entries.length; i++) differences(entries[i]!, out);
    for (let i = 0; i < prototypes.length; i++) {
      const { path, target, proto } = prototypes[i]!;
      if (getPrototype(target) !== proto) out[out.length] = `the prototype of ${path}`;
    }
    return out;
  };
}
