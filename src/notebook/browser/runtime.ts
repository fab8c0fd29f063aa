/**
 * The notebook in the browser, composed: the cells the build wrote (cell.ts, cellView.ts), the
 * scheduler that decides what runs (scheduler.ts), the worker that runs it (workerClient.ts),
 * the student's saved edits (persistence.ts) and a shared link's offer (sharedLink.ts). This
 * module turns what the student does into calls on those, and nothing more.
 *
 * Over 300 lines: the composition of the notebook's parts, with one method per thing a student
 * does; each part (scheduler, view, persistence, shared link, worker client) has its module.
 */
import { loadOnce } from '../../display/loadOnce';
import { whenIdle } from '../../display/preload';
import { readInput } from '../inputs';
import { readSpec } from '../spec';
import type { LessonName } from './assist';
import { shownCode, type Cell } from './cell';
import { CellView, loadEditor, type EditorHandlers } from './cellView';
import { draftOnEvent, DRAFT_SELECTOR } from './draft';
import { preload } from './output';
import { showNudgeHint } from './keyHint';
import { Persistence } from './persistence';
import type { OutputPart } from './protocol';
import { Scheduler } from './scheduler';
import { beforeReset, offerUndo, undoReset } from './undo';
import { decodeShared, encodeShared } from './share';
import { offerShared } from './sharedLink';
import { WorkerClient } from './workerClient';

const createWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cells' });

/** A worker started ahead of the notebook (warmUp), taken by the notebook's first boot. */
let early: Worker | undefined;
/** Whether a notebook has booted its worker: then no worker is started ahead any more. */
let booted = false;
/**
 * The page's one notebook, started ahead of a touch (warmUp) or by it (startNotebook); a start
 * that failed is tried again on the next call.
 */
const startOnce = loadOnce(async () => {
  const notebook = new Notebook();
  await notebook.start();
  notebook.openOnClick();
  // For the tests: the notebook is ready for a first click (preload.spec.ts).
  document.documentElement.dataset['notebookStarted'] = '';
  return notebook;
});

/**
 * Gets ready for a first touch that has not come yet (loader.ts calls it when a cell nears the
 * viewport and the browser is idle): the editor, compiled and with its styles in the page, KaTeX
 * for the outputs, a worker with its code loaded, and then, in an idle period of its own, the
 * notebook, started (its cells read and analysed; it runs none unless edits were saved) but not
 * yet listening: the touch that comes then only opens an editor.
 */
export function warmUp(): Promise<unknown> {
  if (!early && !booted) {
    const worker = (early = createWorker());
    // Its code did not load (offline, a new deployment): the notebook boots a worker of its own.
    worker.addEventListener('error', () => {
      if (early !== worker) return;
      early = undefined;
      worker.terminate();
    });
  }
  preload();
  return loadEditor()
    .then(({ warmEditor }) => warmEditor())
    .then(() => new Promise<void>((resolve) => whenIdle(resolve as () => void)))
    .then(() => {
      // Not waited for: the worker's answer is not needed for reading. A start that fails is
      // tried again on the first touch.
      startOnce().catch(() => undefined);
    });
}

export class Notebook {
  private readonly cells = new Map<string, Cell>();
  private readonly client: WorkerClient;
  private readonly scheduler: Scheduler;
  private readonly persistence: Persistence;
  /** Resolves once every cell's names are known: nothing can run before (the graph is empty). */
  private analysed: Promise<unknown> = Promise.resolve();
  /** Whether that first analysis is back: until then the editor cannot tell a lesson's name from a typo. */
  private namesKnown = false;
  private readonly message = document.querySelector<HTMLElement>('[data-notebook-message]');

  constructor(root: ParentNode = document) {
    for (const element of root.querySelectorAll<HTMLElement>('[data-cell]')) {
      const spec = readSpec(element);
      if (!spec) continue;
      const view = new CellView(element, spec);
      const value = spec.kind === 'input' ? readInput(spec, spec.code) : undefined;
      this.cells.set(spec.id, {
        spec,
        view,
        label: view.label,
        code: spec.code,
        ...(value?.ok ? { value: value.value } : {}),
      });
    }
    this.client = new WorkerClient(
      () => {
        const worker = early ?? createWorker();
        early = undefined;
        booted = true;
        return worker;
      },
      {
        onStray: () => this.say('A cell tried to send the page a message of its own; the page ignored it.'),
      },
    );
    const cell = (id: string) => this.cells.get(id)!;
    this.persistence = new Persistence(location.pathname, this.cells, {
      show: (c) => this.show(c),
      waiting: (c) => this.scheduler.waiting(c.spec.id),
      say: (text) => this.say(text),
      reset: (c) => void this.restoreLesson([c]),
    });
    this.scheduler = new Scheduler(this.cells, this.client, {
      status: (id, status) => cell(id).view.status(status, cell(id).shared !== undefined),
      draw: (id, result) => cell(id).view.draw(result.display, result.logs, result.logsCut),
      problem: (id, problem, logs = [], logsCut) => {
        const { view, spec } = cell(id);
        if (view.visible) view.problem(problem, logs, logsCut);
        else if (spec.kind === 'code') this.say(`A setup cell (${id}) failed: ${problem.message}`);
      },
      ran: (id, state) => this.persistence.recordRun(id, state),
      lastRun: (id) => this.persistence.lastRun(id),
      say: (text) => this.say(text),
    });
    preload();
  }

  /** Puts back saved edits, analyses every cell, offers a shared link, and listens to other tabs. */
  async start(): Promise<void> {
    const restored = this.persistence.restore();
    this.analysed = this.scheduler.analyse([...this.cells.keys()]);
    // Code clicked or typed on before the runtime was here is a draft (draft.ts): the editor
    // takes it over, and may run before the analysis is back (edit waits for it).
    for (const cell of this.cells.values())
      if (cell.view.root.querySelector(DRAFT_SELECTOR)) void this.openEditor(cell, false);
    await this.analysed;
    this.namesKnown = true;
    const shared = decodeShared(location.hash);
    if (shared) {
      offerShared(shared, this.cells, {
        say: (text) => this.say(text),
        show: (cell) => this.show(cell),
        waiting: (cell) => this.scheduler.waiting(cell.spec.id),
        settle: (cell) => this.scheduler.settle(cell.spec.id),
        notice: (cell, text) => this.persistence.notice(cell, text),
        agreed: (cells) => void this.runAgreed(cells),
      });
    }
    if (restored.length > 0) void this.schedule(restored);
    this.persistence.watch((ids) => void this.schedule(ids));
    // Typing not yet saved (it waits for a pause) is saved when the student leaves.
    addEventListener('pagehide', () => this.persistence.saveTyping());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.persistence.saveTyping();
    });
  }

  /** Runs these cells and what depends on them (and cells blocked before, which may run now). */
  private schedule(ids: string[]): Promise<void> {
    return this.scheduler.schedule(ids.flatMap((id) => this.scheduler.reach(id)));
  }

  private show(cell: Cell): void {
    if (cell.spec.kind === 'input') cell.view.showInput(shownCode(cell));
    else cell.view.showCode(shownCode(cell), this.editorHandlers(cell));
  }

  // ——— editing ———

  /**
   * Sets a cell's code (saving it first), then re-runs it and its downstream cells. With
   * `showInEditor`, the editor takes the new code only when the first output is ready (or the
   * run turns out slow): nothing on the page changes until then, so the browser delivers the
   * worker's answer at once instead of after rendering a frame for the keystroke.
   */
  async edit(id: string, code: string, showInEditor?: () => void): Promise<void> {
    const cell = this.cells.get(id);
    if (!cell) return;
    cell.code = code;
    delete cell.shared;
    delete cell.held;
    if (showInEditor) this.scheduler.defer(showInEditor);
    else if (cell.view.editor && cell.view.editor.getCode() !== code) cell.view.editor.setCode(code);
    // Saved now; the notice that says so (new under a cell edited for the first time) waits for
    // the first output too: a paragraph added now has the browser lay out and paint the page
    // (70–90 ms at 4× CPU) before it hands over the worker's answer.
    this.persistence.remember(cell, (show) => this.scheduler.defer(show));
    await this.analysed;
    // A cell in error gets a fresh analysis first: its fix may resolve a conflict. Otherwise the
    // batch checks the code against the names the graph assumes, and the worker says if they differ.
    if (cell.spec.kind === 'code' && this.scheduler.hasProblem(id)) {
      await this.scheduler.analyse([id]);
      if (this.scheduler.hasProblem(id)) return this.scheduler.showHeld();
    }
    await this.schedule([id]);
  }

  /** What the student types is theirs, including changes to code from a link or a held edit. */
  private typed(cell: Cell, code: string): void {
    cell.code = code;
    delete cell.shared;
    delete cell.held;
    // Typing is saved after a pause (and when the page is left); running saves at once.
    this.persistence.rememberSoon(cell);
  }

  private editorHandlers(cell: Cell): EditorHandlers {
    return {
      onRun: () => void this.edit(cell.spec.id, cell.view.editor!.getCode()),
      onNudge: (code, apply) => void this.edit(cell.spec.id, code, apply),
      onChange: (code) => this.typed(cell, code),
      lessonNames: () => this.lessonNames(),
    };
  }

  /** The names the lesson's cells and inputs define, each with where it comes from. */
  private lessonNames(): LessonName[] | undefined {
    if (!this.namesKnown) return undefined;
    return [...this.scheduler.definitions()].map(([name, ids]) => {
      const cells = ids.map((id) => this.cells.get(id)!);
      const where = cells.map((cell) => `${cell.spec.kind === 'input' ? 'the input' : 'the cell'} '${cell.label}'`);
      return { name, doc: `Defined in ${where.join(' and in ')}.` };
    });
  }

  private openEditor(cell: Cell, focus: boolean): Promise<void> {
    return cell.view.openEditor(shownCode(cell), focus, this.editorHandlers(cell));
  }

  /** A student changed an input: a good value re-runs its dependents; a bad one gets a message. */
  async input(id: string, text: string): Promise<void> {
    const cell = this.cells.get(id);
    if (!cell || cell.spec.kind !== 'input') return;
    const parsed = readInput(cell.spec, text);
    if (!parsed.ok) return cell.view.inputMessage(`${parsed.message} The cells keep using the last good value.`, true);
    cell.view.inputMessage('');
    cell.code = text;
    delete cell.shared;
    cell.value = parsed.value;
    // The option picked, checked even if a shared link's option was showing meanwhile.
    cell.view.showInput(text);
    // An explorer's parameters follow the explorer, whose set-up lives in the address; saving
    // them would show a reloaded page's cells a network the explorer no longer shows.
    if (cell.spec.input !== 'explorer') this.persistence.remember(cell);
    await this.analysed;
    await this.schedule([id]);
  }

  /** The reader ran a shared link's code: save it, then run it as edits. */
  private async runAgreed(cells: Cell[]): Promise<void> {
    for (const cell of cells) this.persistence.remember(cell);
    for (const cell of cells) if (cell.spec.kind === 'code') await this.edit(cell.spec.id, cell.code);
    await this.schedule(cells.map((cell) => cell.spec.id));
  }

  // ——— resetting ———

  async resetAll(): Promise<void> {
    // Saved edits, and typing not saved yet.
    // An explorer's parameters are the explorer's, not an edit: its own Reset puts them back.
    const edited = [...this.cells.values()].filter(
      (cell) =>
        cell.spec.input !== 'explorer' &&
        (cell.code !== cell.spec.code || cell.held !== undefined || this.persistence.has(cell.spec.id)),
    );
    const before = beforeReset(edited, this.persistence);
    await this.restoreLesson(edited);
    if (edited.length === 0) return this.say('No cell was edited.');
    offerUndo(
      this.message,
      `Reset ${edited.length} ${edited.length === 1 ? 'cell' : 'cells'} to the lesson's version.`,
      () =>
        void undoReset(before, {
          show: (cell) => this.show(cell),
          waiting: (cell) => this.scheduler.waiting(cell.spec.id),
          persistence: this.persistence,
          say: (text) => this.say(text),
          run: async (ran, analyse) => {
            const changed = await this.scheduler.analyse(analyse);
            await this.schedule([...ran, ...changed]);
          },
        }),
      document.querySelector('[data-notebook-action="reset-all"]'),
    );
  }

  /**
   * Puts the lesson's code (or input value) back in these cells, forgets the edits, and re-runs
   * them in a fresh worker: whatever the edited code did to the worker (a redefined function, a
   * timer) is gone with it, so the lesson behaves exactly as written again.
   */
  private async restoreLesson(cells: Cell[]): Promise<void> {
    if (cells.length === 0) return;
    for (const cell of cells) {
      cell.code = cell.spec.code;
      delete cell.shared;
      delete cell.held;
      if (cell.spec.kind === 'input') {
        const value = readInput(cell.spec, cell.code);
        if (value.ok) cell.value = value.value;
        cell.view.inputMessage('');
      }
      this.show(cell);
      this.persistence.remember(cell);
    }
    this.scheduler.restartWorker();
    // One analysis for all restored cells: their names may differ from the edited ones.
    const changed = await this.scheduler.analyse(cells.map((cell) => cell.spec.id));
    await this.schedule([...cells.map((cell) => cell.spec.id), ...changed]);
  }

  // ——— the notebook's bar ———

  async copyLink(): Promise<void> {
    const edited = this.persistence.savedCode();
    const count = Object.keys(edited).length;
    // The query stays: it holds the set-ups of the lesson's explorers, which cells may read.
    const url = `${location.origin}${location.pathname}${location.search}${count > 0 ? `#${encodeShared(edited)}` : ''}`;
    try {
      await navigator.clipboard.writeText(url);
      this.say(
        count > 0
          ? `Copied a link with your edits to ${count} ${count === 1 ? 'cell' : 'cells'}.`
          : 'You have not edited any cell yet: copied a link to the lesson as it is.',
      );
    } catch {
      this.say('Copying was not allowed here. Select the link below and copy it yourself:');
      const field = document.createElement('input');
      field.type = 'text';
      field.readOnly = true;
      field.value = url;
      field.setAttribute('aria-label', 'Link to your edits');
      this.message?.append(field);
      field.select();
    }
  }

  private say(text: string): void {
    if (this.message) this.message.textContent = text;
  }

  // ——— events ———

  /**
   * From now on, a click on a cell's code opens its editor within the click itself. Before the
   * notebook listens (`wire`), the loader hands it each event a task later, after the browser has
   * drawn a frame of the draft (draft.ts); now the caret the browser put in the draft where the
   * student tapped goes straight into the editor, and the one frame drawn is the editor's.
   */
  openOnClick(): void {
    addEventListener(
      'click',
      (event) => {
        const code = (event.target as Element).closest?.('[data-cell-editor] pre');
        const cell = this.cells.get(code?.closest<HTMLElement>('[data-cell]')?.dataset['cell'] ?? '');
        if (code && cell) void this.openEditor(cell, true);
      },
      { capture: true },
    );
  }

  /** Listens for events on cells and the notebook bar from now on. */
  wire(): void {
    for (const type of ['click', 'input', 'focusin', 'keydown'])
      document.addEventListener(type, (event) => this.handle(event));
  }

  /** Handles one event on a cell or the notebook bar (also the ones the loader caught early). */
  handle(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const action = target.closest<HTMLElement>('[data-notebook-action]')?.dataset['notebookAction'];
    if (event.type === 'click' && action === 'copy-link') return void this.copyLink();
    if (event.type === 'click' && action === 'reset-all') return void this.resetAll();
    if (event.type === 'click' && action === 'keys')
      return document.querySelector<HTMLDialogElement>('[data-notebook-keys]')?.showModal();
    const id = target.closest<HTMLElement>('[data-cell]')?.dataset['cell'];
    const cell = id === undefined ? undefined : this.cells.get(id);
    if (!cell) return;
    const pre = target.closest<HTMLElement>('[data-cell-editor] pre');
    if (event.type === 'focusin' && cell.spec.kind === 'code' && target.closest('[data-cell-editor]'))
      showNudgeHint(cell.view.root);
    // Keys typed while the editor loads go into a draft (draft.ts), then into the editor.
    if (!cell.view.editor) draftOnEvent(event);
    const draft = target.closest<HTMLElement>(DRAFT_SELECTOR);
    const key = event as KeyboardEvent;
    const more = target.closest<HTMLElement>('[data-cell-more]');
    if (event.type === 'click' && more) {
      void this.showMore(cell, more.dataset['cellMore'] === 'logs' ? 'logs' : 'value', Number(more.dataset['from']));
    } else if (event.type === 'click' && target.closest('[data-cell-run]')) {
      void this.edit(cell.spec.id, cell.view.editor?.getCode() ?? cell.view.draftText() ?? shownCode(cell));
    } else if (event.type === 'input' && target.matches('[data-cell-input]')) {
      void this.input(cell.spec.id, (target as HTMLInputElement).value);
    } else if (event.type === 'input' && draft) {
      this.typed(cell, draft.textContent ?? '');
    } else if (
      event.type === 'keydown' &&
      draft &&
      key.key === 'Enter' &&
      (key.shiftKey || key.ctrlKey || key.metaKey)
    ) {
      event.preventDefault();
      void this.edit(cell.spec.id, draft.textContent ?? '');
    } else if (
      ((event.type === 'focusin' || event.type === 'click') && (pre || draft)) ||
      (event.type === 'keydown' && pre)
    ) {
      // Enter on the highlighted code opens the editor (in a draft, it is a new line); a key that
      // types opened a draft first.
      if (event.type === 'keydown' && key.key === 'Enter' && !draft) event.preventDefault();
      void this.openEditor(cell, true);
    }
  }

  /** Shows the next piece of a cut output, asked of the worker, which still holds the value. */
  private async showMore(cell: Cell, part: OutputPart, from: number): Promise<void> {
    if (!cell.view.visible || !Number.isInteger(from) || from < 0) return;
    cell.view.piece(part, await this.client.piece(cell.spec.id, part, from));
  }
}

/**
 * Boots the notebook (or takes the one warmUp started), then handles the events the loader
 * caught meanwhile (the loader keeps catching until this resolves), then takes over listening.
 */
export async function startNotebook(caught: readonly Event[]): Promise<Notebook> {
  const notebook = await startOnce();
  for (const event of caught) notebook.handle(event);
  notebook.wire();
  return notebook;
}
