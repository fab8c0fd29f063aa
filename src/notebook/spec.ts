/**
 * What the page knows of a cell: written into the page at build time (a JSON script element in
 * the cell, `data-cell-spec`) and read by the browser runtime. One type for both ends.
 */
import type { Range } from './inputs';

/** The kinds of input a lesson can place: each is a value in the cells' graph. */
export type InputKind = 'slider' | 'number' | 'vector' | 'choice' | 'explorer';

export interface CellSpec {
  id: string;
  kind: 'code' | 'input';
  /** A code cell's TypeScript, or an input's value as text (a choice: the option's text). */
  code: string;
  /** Milliseconds a run may take before it is stopped. */
  budget: number;
  input?: InputKind;
  /** The name an input defines. */
  name?: string;
  /** A choice's options; its code is one of them. */
  options?: string[];
  /** A slider's range. */
  range?: Range;
}

/** The attribute that marks a cell's spec script. */
export const SPEC_SELECTOR = 'script[data-cell-spec]';

/** A spec as the script element's text: JSON with `<` escaped, so no code can close the element. */
export const specJson = (spec: CellSpec): string => JSON.stringify(spec).replace(/</g, '\\u003c');

/** The spec a cell's root carries, or undefined when it has none. The page wrote it: no checks. */
export function readSpec(root: ParentNode): CellSpec | undefined {
  const text = root.querySelector(SPEC_SELECTOR)?.textContent;
  return text ? (JSON.parse(text) as CellSpec) : undefined;
}
