/**
 * The explorer's colours, shared by the static frame and the canvas: one hue per class (the
 * Okabe–Ito palette, told apart with colour blindness), the background tinted towards the
 * predicted class by the network's confidence, so the decision boundary is where the tint fades.
 * The tint is the class colour at an opacity, so it sits on the page's own background in
 * either theme.
 */
export const CLASS_COLORS = ['#d55e00', '#0072b2', '#009e73'] as const;
const CLASS_RGB = CLASS_COLORS.map(
  (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number],
);

/**
 * Writes RGBA pixels for grid values: with two classes `values` holds P(class 1); with more,
 * `values` holds the winning class's probability and `classes` the class.
 */
export function paintGrid(
  pixels: Uint8ClampedArray,
  values: ArrayLike<number>,
  classes: ArrayLike<number> | null,
  count: number,
  nClasses: number,
): void {
  for (let i = 0; i < count; i++) {
    let cls: number;
    let confidence: number;
    if (classes === null) {
      const p = values[i]!;
      cls = p > 0.5 ? 1 : 0;
      confidence = Math.abs(2 * p - 1);
    } else {
      cls = classes[i]!;
      // From 1/C (a toss-up) to 1 (certain).
      confidence = (values[i]! - 1 / nClasses) / (1 - 1 / nClasses);
    }
    const rgb = CLASS_RGB[cls] ?? CLASS_RGB[0]!;
    const o = 4 * i;
    pixels[o] = rgb[0];
    pixels[o + 1] = rgb[1];
    pixels[o + 2] = rgb[2];
    pixels[o + 3] = 255 * (0.08 + 0.5 * Math.max(0, Math.min(1, confidence)));
  }
}
