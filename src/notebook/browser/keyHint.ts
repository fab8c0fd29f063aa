/**
 * Alt+↑ and Alt+↓ (nudge.ts) are the quickest way to explore a cell, and invisible: the first
 * code cell a student focuses gets a one-line hint under its code, once a page.
 */
let shown = false;

export function showNudgeHint(cell: HTMLElement): void {
  const code = cell.querySelector('[data-cell-editor]');
  if (shown || !code) return;
  shown = true;
  const hint = document.createElement('p');
  hint.className = 'cell-hint';
  hint.dataset['cellHint'] = '';
  hint.textContent = 'Tip: Alt+↑ and Alt+↓ change the number at the cursor and run the cell; ? lists every key.';
  code.after(hint);
}
