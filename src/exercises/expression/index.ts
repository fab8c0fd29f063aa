/**
 * The answer language of self-checking exercises: reading (with positioned messages), typesetting
 * the reading, evaluating, comparing expressions at sample points, differentiating them, and
 * telling the form of a line (its terms or factors) for steps answers. Pure TypeScript for the
 * browser: no DOM, no dependencies.
 */
export type { Expr, ListResult, ParseResult, SourceError, Span } from './ast';
export { evaluate, type Environment } from './evaluate';
export { listing } from './errors';
export { MAX_INPUT_LENGTH, MAX_NESTING, parseExpression, parseList, type ReadOptions } from './parse';
export {
  closeEnough,
  compareAt,
  compareValues,
  drawPoints,
  FORMULA_TOLERANCE,
  samplePoints,
  SAMPLE_POINTS,
  type Comparison,
  type Domains,
  type SamplePoint,
} from './sample';
export { derivative } from './derive';
export { formOf, formValues, sameForm, type Form, type FormValues } from './form';
export { readShape, type ShapeResult } from './shape';
export { nameTex, toTex } from './tex';
