/**
 * One cell on the page: its status mark, its output, its notice, its code (highlighted, a draft,
 * or the editor) and, for an input, its field. Everything here writes the DOM the build made;
 * nothing decides what runs (scheduler.ts) or what is saved (persistence.ts).
 */
import { loadOnce } from '../../display/loadOnce';
import type { DisplayNode } from '../describe';
import type { Cut } from '../limits';
import type { CellSpec } from '../spec';
import { DRAFT_SELECTOR } from './draft';
import type { CellEditor, EditorOptions } from './editor';
import { showDisplay, showProblem } from './output';
import { showPiece } from './pieceView';
import type { CellProblem, OutputPart, Piece } from './protocol';
import type { Status } from './scheduler';

/** What the editor calls back with; the page decides what each means. */
export type EditorHandlers = Pick<EditorOptions, 'onRun' | 'onNudge' | 'onChange' | 'lessonNames'>;

/**
 * The editor's code, loaded once: when a cell is first opened, or ahead of it (runtime.ts, warmUp).
 * A load that failed (offline, a new deployment) is tried again the next time.
 */
export const loadEditor = loadOnce(() => import('./editor'));

export class CellView {
  /** The cell's accessible name, as the page shows it. */
  readonly label: string;
  private readonly output: HTMLElement | null;
  /** What the output shows now, as JSON: a re-run with the same display leaves the page alone. */
  private shown: string | undefined;
  /**
   * The code the editor opens with: the last asked for while it loads. A shared link's offer
   * shows the link's code, and "Keep my code" may put the lesson's back before the editor is
   * there; the editor must not come up with the link's code, which Run would then run.
   */
  private codeToOpen = '';
  editor: CellEditor | undefined;

  constructor(
    readonly root: HTMLElement,
    private readonly spec: CellSpec,
  ) {
    // An input is named by its label (or a choice by its legend), without the name in code.
    const inputLabel =
      spec.kind === 'input' ? root.querySelector(':scope > label, legend')?.firstChild?.textContent?.trim() : undefined;
    this.label = root.getAttribute('aria-label') ?? (inputLabel || `cell ${spec.id}`);
    this.output = root.querySelector('[data-cell-output]');
  }

  /** Whether the cell shows anything (a hidden setup cell does not). */
  get visible(): boolean {
    return this.output !== null;
  }

  /**
   * Marks the cell's status. `offered`: its code came from a shared link and waits for the
   * reader to agree to run it, which the mark says rather than a bare "Waiting…".
   */
  status(status: Status, offered = false): void {
    const root = this.root;
    const waiting = status !== 'stale' ? '' : offered ? 'Waiting for your consent' : 'Waiting…';
    const state = root.querySelector('[data-cell-state]');
    if (root.dataset['cellStatus'] === status && (!state || status !== 'stale' || state.textContent === waiting))
      return;
    root.dataset['cellStatus'] = status;
    if (state)
      state.textContent =
        status === 'running' ? 'Running…' : status === 'stale' ? waiting : status === 'error' ? 'Error' : '';
    root.setAttribute('aria-busy', String(status === 'running' || status === 'stale'));
  }

  /** Draws a result. An identical one is not drawn again: layout and paint for nothing. */
  async draw(display: DisplayNode, logs: readonly string[], logsCut: Cut | undefined): Promise<void> {
    const shown = JSON.stringify([display, logs, logsCut]);
    if (!this.output || shown === this.shown) return;
    this.shown = shown;
    await showDisplay(this.output, display, logs, logsCut);
  }

  problem(problem: CellProblem, logs: readonly string[], logsCut: Cut | undefined): void {
    this.shown = undefined;
    if (this.output) showProblem(this.output, problem, logs, logsCut);
  }

  /** Shows a piece of a cut output, keeping keyboard focus on the button of the same name. */
  piece(part: OutputPart, piece: Piece | null): void {
    if (!this.output) return;
    const focused = this.output.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).textContent
      : null;
    showPiece(this.output, part, piece);
    const view = this.output.querySelector<HTMLElement>(`[data-cell-piece="${part}"]`);
    const again = [...(view?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
      (button) => button.textContent === focused,
    );
    if (focused !== null) (again ?? view?.querySelector<HTMLElement>('pre'))?.focus();
  }

  /** Shows `text` under the cell's label with a Reset button, or removes the notice (undefined). */
  notice(text: string | undefined, onReset: () => void): void {
    let notice = this.root.querySelector<HTMLElement>('[data-cell-notice]');
    if (text === undefined) {
      // Keyboard focus on the Reset button just used stays in the cell: on an input, its control.
      const control = notice?.contains(document.activeElement)
        ? this.root.querySelector<HTMLElement>('[data-cell-input]:checked, [data-cell-input]:not([type="radio"])')
        : null;
      notice?.remove();
      control?.focus();
      return;
    }
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'cell-notice';
      notice.dataset['cellNotice'] = '';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reset';
      button.setAttribute('aria-label', `Reset ${this.label} to the lesson's version`);
      button.addEventListener('click', onReset);
      notice.append(document.createElement('span'), ' ', button);
      // A code cell's toolbar, a choice's group of options, another input's label.
      const anchor =
        this.root.querySelector('.cell-toolbar') ??
        this.root.querySelector('fieldset') ??
        this.root.querySelector('label');
      if (anchor) anchor.after(notice);
      else this.root.prepend(notice);
    }
    const span = notice.querySelector('span')!;
    if (span.textContent !== text) span.textContent = text;
  }

  // ——— code ———

  /** The text of a draft made before the editor loaded, if there is one. */
  draftText(): string | undefined {
    return this.root.querySelector(DRAFT_SELECTOR)?.textContent ?? undefined;
  }

  /** Shows code in the cell: in its editor if open, else in one it opens. */
  showCode(code: string, handlers: EditorHandlers): void {
    if (this.editor) this.editor.setCode(code);
    else void this.openEditor(code, false, handlers);
  }

  /**
   * Replaces the highlighted code (or the draft that took its place, see draft.ts) with a
   * CodeMirror editor, loaded on first use. A draft's text, selection and focus carry over: if
   * the student typed in it, `handlers.onChange` hears the text.
   */
  async openEditor(code: string, focus: boolean, handlers: EditorHandlers): Promise<void> {
    if (this.editor || this.spec.kind !== 'code') {
      if (focus) this.editor?.focus();
      return;
    }
    const box = this.root.querySelector<HTMLElement>('[data-cell-editor]');
    if (!box) return;
    this.codeToOpen = code;
    const { createEditor, readDraft } = await loadEditor();
    // Another call may have opened it while its code loaded (TypeScript does not see that the
    // await lets one run).
    const opened = this.editor as CellEditor | undefined;
    if (opened) {
      if (focus) opened.focus();
      return;
    }
    const opening = this.codeToOpen;
    const draft = box.querySelector<HTMLElement>(DRAFT_SELECTOR);
    const old = draft ?? box.querySelector('pre');
    const typed = draft ? readDraft(draft) : undefined;
    const changed = typed !== undefined && typed.text !== this.spec.code;
    if (changed) handlers.onChange(typed.text);
    const host = document.createElement('div');
    host.className = 'cell-editor';
    this.editor = createEditor(host, {
      code: changed ? typed.text : opening,
      label: this.label,
      ...(typed ? { selection: { anchor: typed.anchor, head: typed.head } } : {}),
      ...handlers,
    });
    if (old) old.replaceWith(host);
    else box.append(host);
    if (box instanceof HTMLDetailsElement) box.open = true;
    if (focus || typed?.focused) this.editor.focus();
  }

  /** Whether the student is in this cell's editor now. */
  get editing(): boolean {
    return this.editor?.view.hasFocus ?? false;
  }

  // ——— an input's field ———

  /** Shows an input's value in its field (a choice: checks its option). */
  showInput(text: string): void {
    if (this.spec.input === 'choice') {
      for (const radio of this.root.querySelectorAll<HTMLInputElement>('[data-cell-input]'))
        radio.checked = radio.value === text;
      return;
    }
    const field = this.root.querySelector<HTMLInputElement>('[data-cell-input]');
    if (field && field.value !== text) field.value = text;
    const shown = this.root.querySelector('[data-cell-input-value]');
    if (shown) shown.textContent = text;
  }

  /** Says something about an input's value under it (empty: says nothing); `invalid` marks its field. */
  inputMessage(text: string, invalid = false): void {
    const message = this.root.querySelector<HTMLElement>('[data-cell-input-message]');
    if (message) message.textContent = text;
    // A choice has no field to mark: a click or an arrow key can only pick one of its options.
    const field = this.root.querySelector<HTMLInputElement>('[data-cell-input]:not([type="radio"])');
    if (invalid) field?.setAttribute('aria-invalid', 'true');
    else field?.removeAttribute('aria-invalid');
  }
}
