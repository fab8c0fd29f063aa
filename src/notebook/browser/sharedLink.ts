/**
 * Code from a shared link (`#cells=…`): shown in its cells, run only when the reader agrees.
 * What the link carries that cannot be used (the whole link, cells this lesson does not have,
 * input values that do not parse) is said in the notebook's message; the rest is offered in a
 * banner with "Run the shared code" and "Keep my code".
 */
import { readInput } from '../inputs';
import type { Cell } from './cell';
import { takeInput } from './persistence';
import { summarize, type SharedLink } from './share';

/** What the offer asks of the notebook around it. */
export interface OfferHost {
  say(text: string): void;
  /** Shows a cell's current code (an input's value) in it. */
  show(cell: Cell): void;
  /** Marks a cell as waiting, or (after "Keep my code") puts its status back. */
  waiting(cell: Cell): void;
  settle(cell: Cell): void;
  /** The cell's notice: `text`, or what its saved edit warrants. */
  notice(cell: Cell, text?: string): void;
  /** The reader agreed: these cells now hold the link's code; save and run them. */
  agreed(cells: Cell[]): void;
}

/** Where the banner goes: before the notebook's bar, else before the first cell. */
const BANNER_PLACE = '[data-notebook-bar], [data-cell]';

export function offerShared(link: SharedLink, cells: ReadonlyMap<string, Cell>, host: OfferHost): void {
  if (!link.ok)
    return host.say(`This link’s shared cells cannot be used: ${link.reason} The lesson is shown as it is.`);
  const problems = [...link.leftOut];
  const offered: Cell[] = [];
  for (const [id, text] of Object.entries(link.cells)) {
    const cell = cells.get(id);
    if (!cell) problems.push(`this lesson has no cell “${id}”`);
    else if (cell.spec.input === 'explorer')
      problems.push(`“${id}” follows its training explorer and cannot be set by a link`);
    else if (cell.spec.kind === 'input' && !readInput(cell.spec, text).ok) {
      // The input keeps its value, says why, and the link's value is not offered.
      takeInput(cell, text, 'The link’s value');
      problems.push(`the value for ${cell.label} cannot be used`);
    } else if (text !== cell.code) {
      // The shared code is only shown: cell.code, which is what runs, stays the student's.
      cell.shared = text;
      offered.push(cell);
    }
  }
  if (problems.length > 0) host.say(`Part of this link cannot be used and was left out: ${summarize(problems)}.`);
  if (offered.length === 0) return;
  for (const cell of offered) {
    host.show(cell);
    host.waiting(cell);
    host.notice(cell, 'This code comes from a shared link and has not run.');
  }
  const banner = document.createElement('div');
  banner.className = 'notebook-shared';
  banner.setAttribute('role', 'region');
  banner.setAttribute('aria-label', 'Code from a shared link');
  const text = document.createElement('p');
  text.textContent = `This link changes ${offered.length} ${offered.length === 1 ? 'cell' : 'cells'} of the lesson. The changed code is shown in the cells but has not run. Run it only if you trust whoever sent the link.`;
  const run = button('Run the shared code');
  const keep = button('Keep my code');
  banner.append(text, run, ' ', keep);
  document.querySelector(BANNER_PLACE)?.before(banner);
  const close = () => {
    banner.remove();
    history.replaceState(null, '', location.pathname + location.search);
  };
  run.addEventListener('click', () => {
    close();
    // A cell the student changed meanwhile is theirs now, not the link's.
    const agreed = offered.filter((cell) => cell.shared !== undefined);
    for (const cell of agreed) {
      cell.code = cell.shared!;
      delete cell.shared;
      delete cell.held;
      // Offered input values were checked: they parse.
      if (cell.spec.kind === 'input') cell.value = (readInput(cell.spec, cell.code) as { value: unknown }).value;
    }
    host.agreed(agreed);
  });
  keep.addEventListener('click', () => {
    close();
    for (const cell of offered) {
      delete cell.shared;
      host.show(cell);
      host.notice(cell);
      host.settle(cell);
    }
  });
  run.focus();
}

function button(text: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  return element;
}
