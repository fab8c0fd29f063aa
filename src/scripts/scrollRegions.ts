/**
 * A display equation wider than the column scrolls sideways; keyboard users can scroll it only
 * if it can take focus. Equations that fit get no tab stop, so the tab order stays short.
 */
export function makeWideEquationsFocusable(): void {
  const equations = [...document.querySelectorAll<HTMLElement>('.katex-display')];
  if (equations.length === 0) return;
  const update = () => {
    for (const equation of equations) {
      if (equation.scrollWidth > equation.clientWidth) equation.tabIndex = 0;
      else equation.removeAttribute('tabindex');
    }
  };
  update();
  new ResizeObserver(update).observe(document.documentElement);
}
