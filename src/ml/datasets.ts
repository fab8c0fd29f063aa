/**
 * Seeded 2-D toy datasets, one example per column: X (2, m), Y (1, m) holding class indices.
 * Classes are interleaved (example i belongs to class i mod C), so any prefix is balanced.
 */
import { formatShape, matrix } from './matrix';
import type { Matrix } from './matrix';
import { gaussian, uniform } from './random';
import type { Rng } from './random';

/** A dataset: inputs X (2, m) and labels Y (1, m). */
export interface Dataset {
  readonly X: Matrix;
  readonly Y: Matrix;
}

function checkCount(operation: string, m: number): void {
  if (!Number.isInteger(m) || m < 0) {
    throw new RangeError(`${operation}: ${m} examples: m must be a non-negative integer`);
  }
}

/** Builds X (2, m) and Y (1, m) from a function giving example i as [x1, x2, label]. */
function build(m: number, example: (i: number) => readonly [number, number, number]): Dataset {
  const x1: number[] = [];
  const x2: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < m; i++) {
    const [a, b, label] = example(i);
    x1.push(a);
    x2.push(b);
    labels.push(label);
  }
  return { X: matrix(2, m, [...x1, ...x2]), Y: matrix(1, m, labels) };
}

/** Points in [−1, 1]² labelled by the line x2 = 0.5·x1 + 0.1, none closer to it than 0.1. */
export function linearlySeparable(m: number, rng: Rng): Dataset {
  checkCount('linearlySeparable', m);
  const normal = Math.hypot(0.5, 1);
  return build(m, (i) => {
    const label = i % 2;
    for (;;) {
      const a = uniform(rng, -1, 1);
      const b = uniform(rng, -1, 1);
      // Signed distance to the line, positive above it; resample until it is on label's side.
      const distance = (b - 0.5 * a - 0.1) / normal;
      if (label === 1 ? distance > 0.1 : distance < -0.1) return [a, b, label];
    }
  });
}

/** Points in the four quadrants of [−1, 1]² away from the axes; label 1 where x1·x2 < 0. */
export function xor(m: number, rng: Rng): Dataset {
  checkCount('xor', m);
  return build(m, (i) => {
    // Cycling through the quadrants keeps the four clusters equally large.
    const quadrant = i % 4;
    const s1 = quadrant === 0 || quadrant === 3 ? 1 : -1;
    const s2 = quadrant < 2 ? 1 : -1;
    const a = s1 * uniform(rng, 0.1, 1);
    const b = s2 * uniform(rng, 0.1, 1);
    return [a, b, s1 * s2 < 0 ? 1 : 0];
  });
}

/** Two noisy concentric circles: label 1 on the inner (radius 0.5), 0 on the outer (radius 1). */
export function circles(m: number, rng: Rng, noise = 0.05): Dataset {
  checkCount('circles', m);
  return build(m, (i) => {
    const label = (i + 1) % 2;
    const radius = label === 1 ? 0.5 : 1;
    const angle = uniform(rng, 0, 2 * Math.PI);
    return [radius * Math.cos(angle) + noise * gaussian(rng), radius * Math.sin(angle) + noise * gaussian(rng), label];
  });
}

/** Two interleaving noisy half-moons (as scikit-learn's make_moons): labels 0 and 1. */
export function moons(m: number, rng: Rng, noise = 0.1): Dataset {
  checkCount('moons', m);
  return build(m, (i) => {
    const label = i % 2;
    const angle = uniform(rng, 0, Math.PI);
    // The lower moon is the upper one turned upside down and shifted by (1, 0.5).
    const a = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
    const b = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    return [a + noise * gaussian(rng), b + noise * gaussian(rng), label];
  });
}

/** `classes` interleaved noisy spiral arms (after CS231n), labels 0 … classes − 1. */
export function spiral(m: number, rng: Rng, classes = 3, noise = 0.2): Dataset {
  checkCount('spiral', m);
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`spiral: ${classes} classes: need an integer ≥ 1`);
  }
  return build(m, (i) => {
    const label = i % classes;
    // Radius grows from 0 to 1 along each arm; the arm turns by 4 radians over that length.
    const r = uniform(rng, 0, 1);
    const angle = label * ((2 * Math.PI) / classes) + 4 * r + noise * gaussian(rng);
    return [r * Math.sin(angle), r * Math.cos(angle), label];
  });
}

/** The one-hot matrix (C, m) of class indices `labels` (1, m), each an integer in 0 … C − 1. */
export function oneHot(labels: Matrix, C: number): Matrix {
  if (labels.rows !== 1) {
    throw new RangeError(`oneHot: labels ${formatShape(labels)}, (${C},${labels.cols}): labels must be one row`);
  }
  const m = labels.cols;
  const data = new Float64Array(C * m);
  labels.data.forEach((label, j) => {
    if (!Number.isInteger(label) || label < 0 || label >= C) {
      throw new RangeError(`oneHot: labels ${formatShape(labels)}, (${C},${m}): label ${label} is not a class`);
    }
    data[label * m + j] = 1;
  });
  return matrix(C, m, data);
}
