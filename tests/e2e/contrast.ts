// Contrast of what a chart paints against what it is painted on, measured in the page from
// computed colours (so CSS variables, currentColor and the theme are resolved): WCAG's relative
// luminance contrast, 4.5:1 for text and 3:1 for graphical marks.

export interface ChartAudit {
  /** How many painted texts and marks were measured. */
  checked: number;
  /** One line per text or mark below the bar, naming the cell and the colours. */
  problems: string[];
}

/**
 * Runs in the page (page.evaluate): measures every text and mark of every Plot figure in a cell
 * output. Opacity is blended into the colour over the background. Plot's grid lines (meant to
 * be faint) and area fills (shading under lines that carry the data) are left out, and so are
 * paints in the background colour itself (halos, hollow dots: they knock out, not draw).
 */
export function auditCharts(selector: string): ChartAudit {
  type Rgb = [number, number, number];
  const parse = (color: string): { rgb: Rgb; alpha: number } | null => {
    const match = /rgba?\(([^)]+)\)/.exec(color);
    if (!match) return null;
    const parts = match[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return { rgb: [parts[0]!, parts[1]!, parts[2]!], alpha: parts[3] ?? 1 };
  };
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const contrast = (a: Rgb, b: Rgb) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const blend = (top: Rgb, alpha: number, under: Rgb): Rgb =>
    top.map((c, i) => Math.round(alpha * c + (1 - alpha) * under[i]!)) as Rgb;
  const same = (a: Rgb, b: Rgb) => a.every((c, i) => Math.abs(c - b[i]!) <= 2);
  const css = (rgb: Rgb) => `rgb(${rgb.join(', ')})`;

  const backgroundOf = (element: Element): Rgb => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color && color.alpha > 0) return color.rgb;
    }
    return [255, 255, 255];
  };
  /** The product of `opacity` from the element up to its outermost svg. */
  const opacityOf = (element: Element) => {
    let opacity = 1;
    for (let node: Element | null = element; node && node instanceof SVGElement; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };

  const problems: string[] = [];
  let checked = 0;
  for (const output of document.querySelectorAll<HTMLElement>(selector)) {
    const cell = output.closest('[data-cell]')?.getAttribute('data-cell') ?? '?';
    const background = backgroundOf(output);
    // Plot knocks out with --plot-background (hollow markers, tips): it must be the page's.
    for (const knockout of output.querySelectorAll(
      '[fill="var(--plot-background)"], [stroke="var(--plot-background)"]',
    )) {
      const property = knockout.getAttribute('fill') === 'var(--plot-background)' ? 'fill' : 'stroke';
      const color = parse(getComputedStyle(knockout)[property]);
      if (color && !same(color.rgb, background))
        problems.push(`${cell}: Plot's background is ${css(color.rgb)}, the page's ${css(background)}`);
    }
    const painted = output.querySelectorAll<SVGGraphicsElement>(
      'svg text, svg path, svg line, svg circle, svg rect, svg polyline, svg polygon, svg ellipse',
    );
    for (const element of painted) {
      // <text> paints its tspans; a tspan's own paint is measured with its text.
      if (element.closest('[aria-label$="-grid"], [aria-label="area"], defs, marker, clipPath')) continue;
      const box = element.getBBox();
      if (box.width === 0 && box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const opacity = opacityOf(element);
      const isText = element.tagName === 'text';
      const what = isText
        ? `text “${(element.textContent ?? '').slice(0, 30)}”`
        : `${element.closest('[aria-label]')?.getAttribute('aria-label') ?? element.tagName} ${element.tagName}`;
      const paint = (property: 'fill' | 'stroke') => {
        const color = parse(property === 'fill' ? style.fill : style.stroke);
        if (!color) return null;
        const alpha = color.alpha * Number(property === 'fill' ? style.fillOpacity : style.strokeOpacity) * opacity;
        if (alpha === 0 || (property === 'stroke' && parseFloat(style.strokeWidth) === 0)) return null;
        return blend(color.rgb, alpha, background);
      };
      const fill = paint('fill');
      const stroke = paint('stroke');
      if (isText) {
        if (!fill) continue;
        checked += 1;
        // A halo (a stroke painted under the glyphs) is what the text is read against.
        const against = stroke ?? background;
        const ratio = contrast(fill, against);
        if (ratio < 4.5)
          problems.push(
            `${cell}: ${what} is ${css(fill)} on ${css(against)}${stroke ? ' (its halo)' : ''}: contrast ${ratio.toFixed(2)}, needs 4.5`,
          );
        if (stroke && !same(stroke, background))
          problems.push(
            `${cell}: ${what} has a halo of ${css(stroke)} on a background of ${css(background)}: a halo is the background's colour`,
          );
        continue;
      }
      for (const [property, color] of [
        ['fill', fill],
        ['stroke', stroke],
      ] as const) {
        if (!color || same(color, background)) continue;
        checked += 1;
        const ratio = contrast(color, background);
        if (ratio < 3)
          problems.push(
            `${cell}: ${what} ${property} ${css(color)} on ${css(background)}: contrast ${ratio.toFixed(2)}, needs 3`,
          );
      }
    }
  }
  return { checked, problems: [...new Set(problems)] };
}
