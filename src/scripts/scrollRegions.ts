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

function update(
  region: HTMLElement,
  hidden = region.scrollWidth - region.clientWidth,
  scrolled = region.scrollLeft,
): void {
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
  const edges = `${wide && scrolled > 1 ? 'start ' : ''}${wide && scrolled < hidden - 1 ? 'end' : ''}`.trim();
  // Unchanged attributes are not rewritten: each write would restyle the block.
  if (edges === (data['overflow'] ?? '')) return;
  if (edges) data['overflow'] = edges;
  else delete data['overflow'];
}

/**
 * Measures every block first, then writes: one layout for the lot, not one per block. A read
 * after a write lays the page out again: reading the scroll position in the writing loop did
 * that 16 times in one call when a lesson's exercises came on screen.
 */
function updateAll(regions: Iterable<HTMLElement>): void {
  const measured = [...regions].map(
    (region) => [region, region.scrollWidth - region.clientWidth, region.scrollLeft] as const,
  );
  for (const [region, hidden, scrolled] of measured) update(region, hidden, scrolled);
}

/** Where a block is laid out: its lesson part or sheet exercise (content-visibility), or itself. */
const placeOf = (region: Element): Element => region.closest('.lesson-part, .sheet-exercises > .exercise') ?? region;

/** The blocks in a place: a part's, or the block itself. */
const regionsIn = (place: Element): HTMLElement[] =>
  place.matches(SCROLL_REGIONS) ? [place as HTMLElement] : [...place.querySelectorAll<HTMLElement>(SCROLL_REGIONS)];

export function markScrollRegions(): void {
  // Blocks are measured when their place comes on screen: a lesson's parts away from it are not
  // laid out (content-visibility, lesson.css), so a block there measures as empty, and Chromium
  // does not tell an observer of the block when its part is laid out later; so the parts are
  // observed. The first Tab lays out every part (html.all-parts) and measures every block, so a
  // keyboard reaches each wide one. Blocks are measured again when the page's size changes or a
  // cell writes new ones.
  const near = new Set<Element>();
  let everywhere = false;
  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries)
      if (entry.isIntersecting) near.add(entry.target);
      else near.delete(entry.target);
    updateAll(entries.filter((entry) => entry.isIntersecting).flatMap((entry) => regionsIn(entry.target)));
  });
  // Observing a place already observed does nothing, so each part is observed once.
  const observe = (region: Element) => seen.observe(placeOf(region));
  const all = () => document.querySelectorAll<HTMLElement>(SCROLL_REGIONS);
  const measurable = () => (everywhere ? all() : [...near].flatMap(regionsIn));
  all().forEach(observe);
  addEventListener(
    'keydown',
    ({ key }) => {
      if (key !== 'Tab' || everywhere) return;
      everywhere = true;
      document.documentElement.classList.add('all-parts');
      updateAll(all());
    },
    { capture: true },
  );
  // Blocks in or around the parts of the page that changed, updated once per frame.
  const changed = new Set<Element>();
  const updateSoon = (roots: Element[]) => {
    if (roots.length === 0) return;
    if (changed.size === 0)
      requestAnimationFrame(() => {
        const regions = new Set<HTMLElement>();
        for (const root of changed) {
          const around = root.closest<HTMLElement>(SCROLL_REGIONS);
          for (const region of [...(around ? [around] : []), ...root.querySelectorAll<HTMLElement>(SCROLL_REGIONS)]) {
            observe(region);
            if (everywhere || near.has(placeOf(region))) regions.add(region);
          }
        }
        changed.clear();
        updateAll(regions);
      });
    roots.forEach((root) => changed.add(root));
  };
  // Scroll events do not bubble, but they can be caught on their way down.
  document.addEventListener(
    'scroll',
    ({ target }) => target instanceof HTMLElement && target.matches(SCROLL_REGIONS) && update(target),
    { capture: true, passive: true },
  );
  // The page changed size (a new width, fonts arriving): the blocks on screen are measured again.
  new ResizeObserver(() => updateAll(measurable())).observe(document.documentElement);
  // Typing in a cell's editor changes the page on every key, and adds no block.
  new MutationObserver((mutations) =>
    updateSoon(mutations.map((m) => m.target as Element).filter((target) => !target.closest?.('.cm-editor'))),
  ).observe(document.body, { childList: true, subtree: true });
}
