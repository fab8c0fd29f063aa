/**
 * The names every cell has in scope without importing: the course's numeric core, a recording
 * `Plot` (see plot.ts) and the `tex` template tag. Everything here is frozen, deeply: cells share
 * these objects, so `sigmoid.output = …` in one cell must not change `sigmoid` in the others.
 */
import * as ml from '../ml';
import { tex } from './describe';
import { plotRecorder } from './plot';

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return value;
  seen.add(value);
  // Typed arrays cannot be frozen; the course core exports none.
  if (ArrayBuffer.isView(value)) return value;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  return Object.freeze(value);
}

export const prelude: Readonly<Record<string, unknown>> = deepFreeze({ ...ml, Plot: plotRecorder, tex });
