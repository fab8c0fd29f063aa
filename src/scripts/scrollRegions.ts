/**
 * Blocks that scroll sideways when their content is wider than the column: display equations,
 * tables, charts and code. On a phone nothing shows that they scroll (no scrollbar until one
 * scrolls), so a wide block
 * - says so: data-overflow="start", "end" or "start end" names the edges where content is
 *   hidden, and global.css fades those edges out;
 * - can be scrolled from the keyboard: it takes focus (tabindex=0). A block that fits gets no
 *   tab stop, so the tab order stays short; one that came with its own tab stop keeps it.
 * A cell that re-runs writes new outputs: a MutationObserver picks up their blocks.
 * This runs on every page before any interaction, so it is kept small.
 */
export const SCROLL_REGIONS = '.katex-display, .prose table, .cell-plot, pre';

function update(region: HTMLElement): void {
  const hidden = region.scrollWidth - region.clientWidth;
  const data = region.dataset;
  // A pixel of rounding is not overflow.
  const wide = hidden > 1;
  // data-scroll-focus marks the tab stops added here, so only those are removed.
  if (wide && !region.hasAttribute('tabindex')) {
    region.tabIndex = 0;
    data['scrollFocus'] = '';
  } else if (!wide && 'scrollFocus' in data) {
    region.removeAttribute('tabindex');
    delete data['scrollFocus'];
  }
  const edges =
    `${wide && region.scrollLeft > 1 ? 'start ' : ''}${wide && region.scrollLeft < hidden - 1 ? 'end' : ''}`.trim();
  // Unchanged attributes are not rewritten: each write would restyle the block.
  if (edges === (data['overflow'] ?? '')) return;
  if (edges) data['overflow'] = edges;
  else delete data['overflow'];
}

export function markScrollRegions(): void {
  // Blocks in or around the parts of the page that changed, updated once per frame.
  const changed = new Set<Element>();
  const updateSoon = (roots: Element[]) => {
    if (roots.length === 0) return;
    if (changed.size === 0)
      requestAnimationFrame(() => {
        for (const root of changed) {
          const around = root.closest<HTMLElement>(SCROLL_REGIONS);
          if (around) update(around);
          root.querySelectorAll<HTMLElement>(SCROLL_REGIONS).forEach(update);
        }
        changed.clear();
      });
    roots.forEach((root) => changed.add(root));
  };
  document.querySelectorAll<HTMLElement>(SCROLL_REGIONS).forEach(update);
  // Scroll events do not bubble, but they can be caught on their way down.
  document.addEventListener(
    'scroll',
    ({ target }) => target instanceof HTMLElement && target.matches(SCROLL_REGIONS) && update(target),
    { capture: true, passive: true },
  );
  new ResizeObserver(() => updateSoon([document.documentElement])).observe(document.documentElement);
  // Typing in a cell's editor changes the page on every key, and adds no block.
  new MutationObserver((mutations) =>
    updateSoon(mutations.map((m) => m.target as Element).filter((target) => !target.closest?.('.cm-editor'))),
  ).observe(document.body, { childList: true, subtree: true });
}
