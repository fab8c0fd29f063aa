/**
 * KaTeX as the course uses it, wherever it runs: one set of options (trust off, so no TeX can
 * make a link or run code; bounded macro expansion; errors as red text, not exceptions, except
 * where the build wants them to fail), and one lazy loader for the pages, so KaTeX loads once,
 * only when something must be typeset after the page was built.
 */
import type { KatexOptions } from 'katex';
import { loadOnce } from './loadOnce';

type Katex = typeof import('katex').default;

/** The options for TeX that reaches a page; `throwOnError` where a bad formula must fail the build. */
export function katexOptions(displayMode: boolean, throwOnError = false): KatexOptions {
  return { displayMode, throwOnError, trust: false, strict: 'ignore', output: 'htmlAndMathml', maxExpand: 1000 };
}

let loaded: Katex | undefined;

/** Loads KaTeX (once) in the page; a load that failed (offline, a new deployment) is tried again. */
export const loadKatex: () => Promise<Katex> = loadOnce(() =>
  import('katex').then((module) => (loaded = module.default)),
);

/** KaTeX if it has loaded: used directly, with no await, an output is drawn in the task that asked. */
export const katexNow = (): Katex | undefined => loaded;
