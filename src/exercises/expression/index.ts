/**
 * The answer language of self-checking exercises: reading (with positioned messages), typesetting
 * the reading, evaluating, and comparing expressions at sample points. Pure TypeScript for the
 * browser: no DOM, no dependencies.
 */
export type { Expr, ListResult, ParseResult, SourceError, Span } from './ast';
export { evaluate, type Environment } from './evaluate';
export { listing } from './errors';
export { MAX_INPUT_LENGTH, MAX_NESTING, parseExpression, parseList, type ReadOptions } from './parse';
export { closeEnough, compareAt, samplePoints, SAMPLE_POINTS, type Comparison, type Domains, type SamplePoint } from './sample';
export { readShape, type ShapeResult } from './shape';
export { nameTex, toTex } from './tex';
