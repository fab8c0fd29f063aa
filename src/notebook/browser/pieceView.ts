/**
 * "Show more" of a cut output: one piece at a time under the cut note, as plain text, with
 * buttons to the pieces before and after it. The text is put in with textContent, never as
 * markup.
 */
import { count, PIECE_SIZE } from '../limits';
import { moreButton } from './output';
import type { OutputPart, Piece } from './protocol';

const UNITS: Record<Piece['what'], [string, string]> = {
  characters: ['Characters', 'characters'],
  entries: ['Entries', 'entries'],
  rows: ['Rows', 'rows'],
  columns: ['Columns', 'columns'],
  values: ['Values', 'values'],
  lines: ['Lines', 'lines'],
};

/** Shows `piece` (or, when null, that the output is gone) under the cut note of `part` in `output`. */
export function showPiece(output: HTMLElement, part: OutputPart, piece: Piece | null): void {
  const note = output.querySelector<HTMLElement>(`[data-cell-cut="${part}"]`);
  if (!note) return;
  let view = output.querySelector<HTMLElement>(`[data-cell-piece="${part}"]`);
  if (!view) {
    view = document.createElement('div');
    view.className = 'cell-piece';
    view.dataset['cellPiece'] = part;
    view.setAttribute('role', 'region');
    note.after(view);
  }
  if (!piece) {
    const gone = document.createElement('p');
    gone.className = 'cell-note';
    gone.textContent =
      'This output is no longer held (the cell ran again, or the cells were reset): run the cell to see it again.';
    view.replaceChildren(gone);
    return;
  }
  const [Unit, unit] = UNITS[piece.what];
  const heading = document.createElement('p');
  heading.className = 'cell-note';
  heading.textContent =
    piece.to > piece.from
      ? `${Unit} ${count(piece.from + 1)}–${count(piece.to)} of ${count(piece.total)}${part === 'logs' ? ' kept' : ''}:`
      : `No more ${unit}.`;
  view.setAttribute('aria-label', heading.textContent);
  const text = document.createElement('pre');
  text.className = 'cell-value cell-text';
  text.tabIndex = 0;
  text.textContent = piece.text;
  const size = PIECE_SIZE[piece.what];
  const buttons = document.createElement('p');
  buttons.className = 'cell-piece-buttons';
  if (piece.from > 0) buttons.append(moreButton(part, Math.max(0, piece.from - size), `Previous ${unit}`));
  if (piece.to < piece.total) buttons.append(' ', moreButton(part, piece.to, `Next ${unit}`));
  view.replaceChildren(heading, text, buttons);
}
