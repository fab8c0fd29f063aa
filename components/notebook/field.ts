/**
 * What the input components share: the field's id, and the check that the cell plugin ran. An
 * input is a value in the lesson's graph only where remarkCells read it, in a lesson.
 */
import type { CellSpec } from '../../src/notebook/spec';

/** The id of an input's control (`field-<cell id>`); its message is `field-<cell id>-message`. */
export const fieldId = (spec: CellSpec): string => `field-${spec.id}`;

/** The spec remarkCells gave the element; a clear build error where it gave none. */
export function inputSpec(element: string, name: string | undefined, spec: CellSpec | undefined): CellSpec {
  if (!spec)
    throw new Error(
      `<${element} name="${name ?? ''}">: an input works only in a lesson (content/lessons/), whose cells remarkCells reads`,
    );
  return spec;
}
