/**
 * When a run shows that it is running. A fast re-run replaces its output before anyone could
 * see a "Waiting…" or "Running…" mark, and changing the page at the moment of an edit would make
 * the browser spend its next frame on that instead of on the new output. So the marks of a run,
 * its answers and the page updates it caused (a nudged number in the editor, the notice under a
 * cell edited for the first time) are held until the run has taken 40 ms; then everything held
 * is shown, and the rest of the run shows as it goes.
 * The run's first output is not held (scheduler.ts): it is drawn as it comes, with what was held.
 */
const MARK_DELAY_MS = 40;

export type Mark = 'stale' | 'running';

export class Marks {
  private readonly marks = new Map<string, Mark>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private revealed = false;
  private held: (() => void)[] = [];

  constructor(private readonly show: (id: string, mark: Mark) => void) {}

  /** Shows a cell's mark now if the run is slow already, else once it is. */
  mark(id: string, mark: Mark): void {
    if (this.revealed) return this.show(id, mark);
    this.marks.set(id, mark);
    this.timer ??= setTimeout(() => {
      this.revealed = true;
      this.flush();
      for (const [waiting, held] of this.marks) this.show(waiting, held);
      this.marks.clear();
    }, MARK_DELAY_MS);
  }

  /** A cell that shows its result or its error has no mark to show any more. */
  clear(id: string): void {
    this.marks.delete(id);
  }

  /** Does `update` now if the run is slow already, else when `flush` is called. */
  later(update: () => void): void {
    if (this.revealed) update();
    else this.held.push(update);
  }

  /** A page update to make together with the run's first output (or when it turns out slow). */
  defer(update: () => void): void {
    this.held.push(update);
  }

  /** Makes the held updates, in order. */
  flush(): void {
    const updates = this.held;
    this.held = [];
    for (const update of updates) update();
  }

  /** Nothing runs any more: the next run starts with its marks held back again. */
  quiet(): void {
    this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.revealed = false;
    this.marks.clear();
  }
}
