/**
 * The names every cell has in scope without importing: the course's numeric core, a recording
 * `Plot` (see plot.ts) and the `tex` template tag.
 */
import * as ml from '../ml';
import { tex } from './describe';
import { plotRecorder } from './plot';

export const prelude: Readonly<Record<string, unknown>> = Object.freeze({ ...ml, Plot: plotRecorder, tex });
