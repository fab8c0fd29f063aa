/**
 * Pointing at the explorer's plot: a click, or Enter on the keyboard cursor, picks a point in
 * data coordinates; the arrow keys move the cursor, which stays within the view.
 */
import { fromPixel, type View } from '../frame';

/** How far an arrow key moves the keyboard cursor, as a fraction of the view. */
const CURSOR_STEP = 0.025;

export interface PointingHandlers {
  /** A point picked at (x0, x1), with the mouse or the keyboard. */
  pick(x0: number, x1: number): void;
  /** The keyboard cursor moved. */
  moved(): void;
  /** The canvas gained or lost the focus, and with it the cursor. */
  focusChanged(): void;
}

export class PlotCursor {
  /** In data coordinates; null until the canvas first has the focus. */
  position: [number, number] | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    view: () => View,
    handlers: PointingHandlers,
  ) {
    canvas.addEventListener('click', (event) => {
      const rect = canvas.getBoundingClientRect();
      const [x0, x1] = fromPixel(view(), rect.width, rect.height, event.clientX - rect.left, event.clientY - rect.top);
      handlers.pick(x0, x1);
    });
    canvas.addEventListener('focus', () => {
      const { x0, x1 } = view();
      this.position ??= [(x0[0] + x0[1]) / 2, (x1[0] + x1[1]) / 2];
      handlers.focusChanged();
    });
    canvas.addEventListener('blur', () => handlers.focusChanged());
    canvas.addEventListener('keydown', (event) => {
      const cursor = this.position;
      if (!cursor) return;
      const { x0, x1 } = view();
      const dx = (x0[1] - x0[0]) * CURSOR_STEP;
      const dy = (x1[1] - x1[0]) * CURSOR_STEP;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-dx, 0],
        ArrowRight: [dx, 0],
        ArrowUp: [0, dy],
        ArrowDown: [0, -dy],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        this.position = [
          Math.min(x0[1], Math.max(x0[0], cursor[0] + move[0])),
          Math.min(x1[1], Math.max(x1[0], cursor[1] + move[1])),
        ];
        handlers.moved();
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        handlers.pick(cursor[0], cursor[1]);
      }
    });
  }

  /** The cursor to draw: shown only while the canvas has the focus. */
  shown(): readonly [number, number] | null {
    return document.activeElement === this.canvas ? this.position : null;
  }
}
