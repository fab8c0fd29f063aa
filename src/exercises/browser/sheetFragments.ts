/**
 * The exercises of a problem sheet, fetched: the page carries only the list of every exercise
 * (sheet.astro), and each exercise the link picks comes as its static fragment (fragment.ts),
 * all at once. They go into the page together, in the link's order, once every one has
 * answered, so the page changes once. One that fails (offline and not saved, a 404, a failed
 * deploy, a portal answering instead) leaves in its place a message naming it, with Retry; the
 * others work, and nothing saved is touched: answers live in storage and come back with it.
 */
import { fragmentUrl, readFragment, type FragmentReading } from '../fragment';

/** One exercise of the course, as the sheet's list names it. */
export interface SheetEntry {
  id: string;
  /** "6.3" */
  number: string;
  title: string;
  /** Where it is read in full: its place in its lesson. */
  href: string;
}

/** A slow connection still brings a fragment in this time; a request that hangs longer is given up. */
const FETCH_TIMEOUT_MS = 30_000;

/** Every exercise of the course, by id, from the sheet's list (data-sheet-entry). */
export function readCatalogue(scope: ParentNode): Map<string, SheetEntry> {
  const entries = new Map<string, SheetEntry>();
  for (const item of scope.querySelectorAll<HTMLElement>('[data-sheet-entry]')) {
    const id = item.dataset['sheetEntry']!;
    const number = item.querySelector('[data-sheet-entry-number]')?.textContent?.replace(/^\D+/, '').trim() ?? '';
    const title = item.querySelector('[data-sheet-entry-title]')?.textContent?.trim() ?? id;
    entries.set(id, { id, number, title, href: item.querySelector('a')?.getAttribute('href') ?? '' });
  }
  return entries;
}

/** A fragment's nodes, inert: a template's content runs no script and loads no image. */
function parseHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Fetches and checks one exercise's fragment; never throws. */
async function fetchExercise(base: string, entry: SheetEntry, knownIds: ReadonlySet<string>): Promise<FragmentReading> {
  const url = fragmentUrl(base, entry.id, knownIds);
  if (!url) return { ok: false, problem: 'it is not an exercise of this course' };
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      ok: false,
      problem: timedOut
        ? `it took longer than ${FETCH_TIMEOUT_MS / 1000} seconds`
        : 'this browser could not reach the course (offline, or the connection failed)',
    };
  }
  if (!response.ok) return { ok: false, problem: `the site answered with an error (${response.status})` };
  let html: string;
  try {
    html = await response.text();
  } catch {
    return { ok: false, problem: 'the connection broke while it was loading' };
  }
  return readFragment(html, entry.id, parseHtml);
}

/** In place of an exercise that could not be loaded: what, why, and Retry. */
function failureSlot(entry: SheetEntry, problem: string, retry: (slot: HTMLElement) => void): HTMLElement {
  const slot = document.createElement('section');
  slot.className = 'sheet-slot';
  slot.dataset['sheetSlot'] = entry.id;
  const headingId = `sheet-slot-${entry.id}`;
  slot.setAttribute('aria-labelledby', headingId);
  const heading = document.createElement('h2');
  heading.id = headingId;
  heading.className = 'exercise-title';
  const number = document.createElement('span');
  number.className = 'exercise-number';
  number.textContent = `Exercise ${entry.number}`;
  heading.append(number, ` ${entry.title}`);
  const message = document.createElement('p');
  message.className = 'sheet-slot-message';
  message.dataset['sheetSlotMessage'] = '';
  message.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset['sheetRetry'] = '';
  button.textContent = 'Retry';
  button.addEventListener('click', () => retry(slot));
  const link = document.createElement('a');
  link.href = entry.href;
  link.textContent = 'Read it in its lesson';
  const actions = document.createElement('p');
  actions.className = 'sheet-slot-actions';
  actions.append(button, ' ', link);
  slot.append(heading, message, actions);
  showProblem(slot, entry, problem);
  return slot;
}

function showProblem(slot: HTMLElement, entry: SheetEntry, problem: string): void {
  slot.querySelector('[data-sheet-slot-message]')!.textContent =
    `Exercise ${entry.number} could not be loaded: ${problem}. Your saved answers to it are kept; press Retry to try again.`;
}

export interface LoadOptions {
  /** The fragments' folder (…/exercises/fragments/). */
  base: string;
  /** The ids an address may be made for: the course's own. */
  knownIds: ReadonlySet<string>;
  /** Readies an exercise once it is in the page (solutions, saved answers). */
  inserted: (root: HTMLElement) => void;
}

/**
 * Puts `entries`' exercises into `container` in their order, replacing what it holds (its loading
 * line) once all of them have answered, and resolves then; `inserted` is called for each. Each that failed is a slot with Retry,
 * which replaces it with the exercise when it comes.
 */
export async function loadSheetExercises(
  container: HTMLElement,
  entries: readonly SheetEntry[],
  { base, knownIds, inserted }: LoadOptions,
): Promise<void> {
  const retry = async (slot: HTMLElement, entry: SheetEntry) => {
    const button = slot.querySelector<HTMLButtonElement>('[data-sheet-retry]')!;
    // Not disabled, which would take the keyboard's focus away from it: marked, and ignored while busy.
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    slot.querySelector('[data-sheet-slot-message]')!.textContent = `Loading exercise ${entry.number}…`;
    const reading = await fetchExercise(base, entry, knownIds);
    button.removeAttribute('aria-disabled');
    if (!reading.ok) {
      showProblem(slot, entry, reading.problem);
      return;
    }
    const hadFocus = slot.contains(document.activeElement);
    slot.replaceWith(reading.root);
    inserted(reading.root);
    // The Retry button is gone: the keyboard carries on from the exercise that took its place.
    if (hadFocus) {
      const heading = reading.root.querySelector<HTMLElement>('.exercise-title');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
  };
  container.setAttribute('aria-busy', 'true');
  const readings = await Promise.all(entries.map((entry) => fetchExercise(base, entry, knownIds)));
  container.replaceChildren(
    ...readings.map((reading, i) => {
      const entry = entries[i]!;
      return reading.ok ? reading.root : failureSlot(entry, reading.problem, (slot) => void retry(slot, entry));
    }),
  );
  container.removeAttribute('aria-busy');
  for (const reading of readings) if (reading.ok) inserted(reading.root);
}
