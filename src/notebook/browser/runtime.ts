/**
 * The notebook in the browser: the lesson's cells as a reactive graph (Observable's model).
 * Editing a cell re-runs it and exactly the cells downstream of it, in order, in the worker.
 * Outputs waiting for a run are marked stale; every run carries a version, so a slower, older
 * run never overwrites a newer result. Edits are saved before they run, and a saved edit runs
 * on a later visit only if its last run finished (see `restoreEdits`).
 */
import type { DisplayNode } from '../describe';
import { buildGraph, downstream, upstream, type CellGraph } from '../graph';
import type { Cut } from '../limits';
import { readSpec, type CellSpec } from '../spec';
import { parseChoice, parseNumber, parseParameters, parseSliderValue, parseVector, type Parsed } from '../inputs';
import { DRAFT_SELECTOR, draftOnEvent } from './draft';
import type { CellEditor } from './editor';
import { preload, showDisplay, showProblem } from './output';
import { showPiece } from './pieceView';
import type { Analysis, BatchCell, CellAnswer, CellProblem, OutputPart } from './protocol';
import { decodeShared, encodeShared, summarize, type SharedLink } from './share';
import { EditStore, fingerprint, type RunState } from './storage';
import { WorkerClient, type BatchEnd } from './workerClient';

type Status = 'idle' | 'running' | 'error' | 'stale';


interface Cell {
  spec: CellSpec;
  root: HTMLElement;
  label: string;
  /** What the output shows now, as JSON: a re-run with the same display leaves the page alone. */
  shown?: string;
  output: HTMLElement | null;
  /** The code (or an input's text) the student sees now. */
  code: string;
  /** An input's last good value. */
  value?: unknown;
  /** Code from a shared link, shown but not run until the student agrees (or runs it). */
  shared?: string;
  /** Saved code shown but not run on this visit, until the student runs it (see `hold`). */
  held?: string;
  /** Typing is saved shortly after it pauses (see `openEditor`). */
  saveTimer?: ReturnType<typeof setTimeout>;
  editor?: CellEditor;
  /** Bumped whenever a newer run of this cell is requested. */
  version: number;
  /** Whether the output shows this cell's current code (false after any error). */
  current: boolean;
  /** Whether the cell could not run because of another cell (a graph error, a failed input). */
  blocked: boolean;
}

const page = location.pathname;
/** Characters an input's value may have, whatever its origin (a link, storage, the field). */
const MAX_INPUT_LENGTH = 10_000;

export class Notebook {
  private readonly cells = new Map<string, Cell>();
  private readonly analyses = new Map<string, Analysis>();
  private graph: CellGraph = buildGraph([]);
  private readonly client: WorkerClient;
  /** Cells whose values the current worker holds. */
  private readonly computed = new Set<string>();
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Resolves once every cell's names are known: nothing runs before (the graph is empty). */
  private analysed: Promise<void> = Promise.resolve();
  private readonly store = new EditStore(page);
  private storageWarned = false;
  private readonly message: HTMLElement | null;
  private editorModule: Promise<typeof import('./editor')> | undefined;
  /** 'stale' and 'running' marks waiting to be shown (see `indicate`). */
  private readonly indicated = new Map<Cell, Status>();
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  private revealed = false;
  private batchesQueued = 0;
  /** Editor updates held back until the outputs they cause are ready (see `edit`). */
  private deferred: (() => void)[] = [];

  constructor(root: ParentNode = document) {
    for (const element of root.querySelectorAll<HTMLElement>('[data-cell]')) {
      const spec = readSpec(element);
      if (!spec) continue;
      // An input is named by its label (or a choice by its legend), without the name in code.
      const inputLabel = spec.kind === 'input' ? element.querySelector(':scope > label, legend')?.firstChild?.textContent?.trim() : undefined;
      const label = element.getAttribute('aria-label') ?? (inputLabel || `cell ${spec.id}`);
      this.cells.set(spec.id, { spec, root: element, label, output: element.querySelector('[data-cell-output]'), code: spec.code, version: 0, current: true, blocked: false, ...(spec.kind === 'input' ? { value: this.parseInput(spec, spec.code) } : {}) });
    }
    this.message = document.querySelector('[data-notebook-message]');
    this.client = new WorkerClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cells' }), {
      onStray: () => this.say('A cell tried to send the page a message of its own; the page ignored it.'),
    });
    preload();
  }

  /** Analyses every cell, applies saved edits and a shared link, and wires up the page. */
  async start(): Promise<void> {
    const restored = this.restoreEdits();
    this.analysed = this.client.analyze([...this.cells.values()].filter((c) => c.spec.kind === 'code').map((c) => ({ id: c.spec.id, code: c.code }))).then((results) => {
      for (const result of results) this.analyses.set(result.id, result);
      this.rebuildGraph();
    });
    // Code focused before the runtime was here is a draft (draft.ts): the editor takes it over,
    // and may run before the analysis is back (edit waits for it).
    for (const cell of this.cells.values()) {
      const draft = cell.root.querySelector(DRAFT_SELECTOR);
      if (draft) void this.openEditor(cell, draft === document.activeElement);
    }
    await this.analysed;
    const shared = decodeShared(location.hash);
    if (shared) this.offerShared(shared);
    if (restored.length > 0) void this.schedule(restored.flatMap((id) => this.reach(id)));
    this.store.watch((changed) => this.takeFromOtherTab(changed));
    // Typing not yet saved (it waits for a pause) is saved when the student leaves.
    addEventListener('pagehide', () => this.saveTyping());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.saveTyping();
    });
  }

  // ——— graph ———

  /** Rebuilds the graph from the analyses; returns the cells whose inputs it changed. */
  private rebuildGraph(): string[] {
    const before = this.graph.inputs;
    const nodes = [...this.cells.values()].map((cell) => {
      if (cell.spec.kind === 'input') return { id: cell.spec.id, defines: [cell.spec.name!], references: [] };
      const analysis = this.analyses.get(cell.spec.id);
      return { id: cell.spec.id, defines: analysis?.defines ?? [], references: analysis?.references ?? [] };
    });
    this.graph = buildGraph(nodes);
    for (const cell of this.cells.values()) {
      const syntax = this.analyses.get(cell.spec.id)?.error;
      const graphError = this.graph.errors.get(cell.spec.id);
      if (syntax) this.fail(cell, syntax);
      else if (graphError) this.fail(cell, { message: `This cell ${graphError}.` }, [], true);
    }
    // A cell that lost the cell defining a name it reads (renamed, or removed) must run again,
    // to show that the name is gone instead of the value it had.
    const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\n') === (b ?? []).join('\n');
    return this.graph.order.filter((id) => before.has(id) && !same(before.get(id), this.graph.inputs.get(id)));
  }

  /** A cell and its downstream cells, plus cells that another cell blocked and now can run. */
  private reach(id: string): string[] {
    const targets = new Set(this.graph.order.includes(id) ? downstream(this.graph, id) : []);
    for (const cell of this.cells.values()) if (cell.blocked && this.graph.order.includes(cell.spec.id)) targets.add(cell.spec.id);
    return this.graph.order.filter((cell) => targets.has(cell));
  }

  // ——— running ———

  /** Queues a run of `ids` (in graph order); their outputs are stale until their turn. */
  schedule(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const versions = new Map(unique.map((id) => {
      const cell = this.cells.get(id)!;
      cell.version++;
      this.indicate(cell, 'stale');
      return [id, cell.version] as const;
    }));
    this.batchesQueued++;
    this.queue = this.queue
      .then(() => this.execute(unique, versions))
      .catch((error: unknown) => this.say(`Something went wrong while running cells: ${String(error)}`))
      .finally(() => {
        if (--this.batchesQueued === 0) this.quiet();
      });
    return this.queue;
  }

  /**
   * Marks a cell stale or running, but only once the work has taken longer than 40 ms: a fast
   * re-run replaces its output before anyone could see a mark, and changing the page at the
   * moment of an edit would make the browser spend its next frame on that instead.
   */
  private indicate(cell: Cell, status: 'stale' | 'running'): void {
    if (this.revealed) return this.setStatus(cell, status);
    this.indicated.set(cell, status);
    this.revealTimer ??= setTimeout(() => {
      this.revealed = true;
      this.flushDeferred();
      for (const [waiting, mark] of this.indicated) this.setStatus(waiting, mark);
      this.indicated.clear();
    }, 40);
  }

  private flushDeferred(): void {
    const updates = this.deferred;
    this.deferred = [];
    for (const update of updates) update();
  }

  /** Nothing is queued any more: the next edit starts with its marks held back again. */
  private quiet(): void {
    this.flushDeferred();
    clearTimeout(this.revealTimer);
    this.revealTimer = undefined;
    this.revealed = false;
    this.indicated.clear();
  }

  /**
   * Runs `ids` as one batch in the worker, preceded by whatever upstream values the worker lacks
   * (after a restart) and followed by nothing else. Answers are shown as they arrive.
   */
  private async execute(ids: string[], versions: Map<string, number>): Promise<void> {
    const wanted = (id: string) => this.cells.get(id)!.version === versions.get(id);
    const targets = ids.filter(wanted);
    if (targets.length === 0) return;
    if (this.client.generation !== this.generation) {
      // The worker was restarted (a runaway cell): its values are gone.
      this.generation = this.client.generation;
      this.computed.clear();
    }
    const shown = new Set(targets);
    const plan = this.graph.order.filter((id) => shown.has(id) || targets.some((t) => upstream(this.graph, t).includes(id) && !this.computed.has(id)));
    const batch: BatchCell[] = plan.map((id) => {
      const cell = this.cells.get(id)!;
      const inputs = this.graph.inputs.get(id) ?? [];
      if (cell.spec.kind === 'input') return { kind: 'input', id, name: cell.spec.name!, value: cell.value, inputs };
      const analysis = this.analyses.get(id);
      return { kind: 'code', id, code: cell.code, inputs, ...(analysis && !analysis.error ? { expect: { defines: analysis.defines, references: analysis.references } } : {}) };
    });
    const reanalyzed: string[] = [];
    const displays: Promise<void>[] = [];
    const answered = new Set<string>();
    /** How the last run of each edited cell had ended, until this one ends. */
    const before = new Map<string, RunState | undefined>();
    const setRunning = (index: number) => {
      const next = plan[index];
      if (next === undefined) return;
      // An edited cell that starts and never finishes (the page closes or crashes) is not run
      // again on the next visit: see restoreEdits.
      before.set(next, this.store.get(next)?.run);
      this.recordRun(next, 'running');
      if (shown.has(next) && wanted(next)) this.indicate(this.cells.get(next)!, 'running');
    };
    let index = 0;
    setRunning(0);
    const end = await this.client.runBatch(batch, (id) => this.cells.get(id)!.spec.budget, (answer) => {
      index++;
      answered.add(answer.id);
      // A cell that did not run after all keeps the state of its last run.
      if (answer.type === 'skipped' || answer.type === 'reanalyzed') this.recordRun(answer.id, before.get(answer.id));
      setRunning(index);
      // Until the run counts as slow, answers are held and shown together when the batch ends:
      // a page changed by the first answer would make the browser render a frame before it
      // delivers the next one.
      const act = () => this.takeAnswer(answer, shown.has(answer.id) && wanted(answer.id), () => wanted(answer.id), displays, reanalyzed);
      if (this.revealed) act();
      else this.deferred.push(act);
    });
    this.flushDeferred();
    await Promise.all(displays);
    if (end.type !== 'done') await this.afterBroken(end, plan, shown, answered, wanted, versions);
    if (reanalyzed.length > 0) {
      // The edit changed which names cells define or read: rebuild the graph and run again.
      const changed = this.rebuildGraph();
      const next = [...reanalyzed.filter((id) => !this.analyses.get(id)?.error && !this.graph.errors.has(id)).flatMap((id) => this.reach(id)), ...changed];
      if (next.length > 0) void this.schedule(next);
    }
  }

  /**
   * A batch that did not end normally: says why on the cell concerned, then runs what had not run
   * in the fresh worker, except the cells that read the one that broke (they wait for it).
   */
  private async afterBroken(end: Exclude<BatchEnd, { type: 'done' }>, plan: string[], shown: Set<string>, answered: Set<string>, wanted: (id: string) => boolean, versions: Map<string, number>): Promise<void> {
    this.generation = this.client.generation;
    this.computed.clear();
    if (end.type === 'unavailable') {
      for (const id of plan.filter((id) => shown.has(id) && wanted(id))) {
        this.fail(this.cells.get(id)!, { message: `The cells cannot run: their worker did not start (${end.reason}). Reload the page to try again.` });
      }
      return;
    }
    if (end.type === 'interrupted') {
      // The page restarted the worker on purpose (a reset): what had not answered runs again.
      const rest = plan.filter((id) => shown.has(id) && !answered.has(id));
      if (rest.length > 0) await this.execute(rest, versions);
      return;
    }
    const broken = this.cells.get(end.id)!;
    this.recordRun(end.id, 'stopped');
    const why =
      end.type === 'timeout'
        ? `Stopped: this cell ran longer than its budget of ${formatBudget(broken.spec.budget)}, perhaps in an endless loop. The page restarted the cells' worker; the other cells still work.`
        : end.type === 'invalid'
          ? `Stopped: while this cell ran, the cells' worker sent the page ${end.reason}. The page dropped it and restarted the worker; the other cells still work.`
          : undefined;
    // A fatal answer has already said why, on the cell.
    if (why && wanted(end.id)) this.fail(broken, { message: why });
    const rest = plan.slice(plan.indexOf(end.id) + 1).filter((id) => shown.has(id));
    const blocked = new Set(downstream(this.graph, end.id));
    for (const id of rest.filter((id) => blocked.has(id) && wanted(id))) {
      this.fail(this.cells.get(id)!, { message: `Waiting for ${broken.label}, which was stopped.` }, [], true);
    }
    const again = rest.filter((id) => !blocked.has(id));
    if (again.length > 0) await this.execute(again, versions);
  }

  /** Records how a run of an edited code cell went, with its saved edit. */
  private recordRun(id: string, run: RunState | undefined): void {
    if (run && this.cells.get(id)?.spec.kind === 'code') this.store.setRun(id, run);
  }

  private takeAnswer(answer: CellAnswer, show: boolean, stillWanted: () => boolean, displays: Promise<void>[], reanalyzed: string[]): void {
    const cell = this.cells.get(answer.id)!;
    switch (answer.type) {
      case 'result':
        this.computed.add(answer.id);
        // Finished only once drawn: an output that crashed the page must not run on its own again.
        if (show) displays.push(this.showResult(cell, answer.display, answer.logs, answer.logsCut, stillWanted).then(() => this.recordRun(answer.id, 'finished')));
        else this.recordRun(answer.id, 'finished');
        break;
      case 'failed':
        this.computed.delete(answer.id);
        if (answer.analysis) this.analyses.set(answer.id, answer.analysis);
        if (show) this.fail(cell, answer.error, answer.logs, false, answer.logsCut);
        this.recordRun(answer.id, answer.fatal ? 'stopped' : 'finished');
        break;
      case 'skipped':
        if (show) this.fail(cell, { message: `Waiting for ${this.cells.get(answer.blocker)?.label ?? answer.blocker}, which did not finish.` }, [], true);
        break;
      case 'reanalyzed':
        this.analyses.set(answer.id, answer.analysis);
        reanalyzed.push(answer.id);
        break;
    }
  }

  private async showResult(cell: Cell, display: DisplayNode, logs: string[], logsCut: Cut | undefined, stillWanted: () => boolean): Promise<void> {
    const shown = JSON.stringify([display, logs, logsCut]);
    // Redrawing an identical output costs the browser layout and paint for nothing (a
    // dependent of an edited number often shows the same thing), and the edit's new outputs a frame.
    if (cell.output && shown !== cell.shown) {
      cell.shown = shown;
      await showDisplay(cell.output, display, logs, logsCut);
    }
    if (stillWanted()) {
      cell.current = true;
      cell.blocked = false;
      this.setStatus(cell, 'idle');
    }
  }

  private fail(cell: Cell, problem: CellProblem, logs: readonly string[] = [], blocked = false, logsCut?: Cut): void {
    delete cell.shown;
    cell.current = false;
    cell.blocked = blocked;
    if (cell.output) showProblem(cell.output, problem, logs, logsCut);
    else if (cell.spec.kind === 'code') this.say(`A setup cell (${cell.spec.id}) failed: ${problem.message}`);
    this.setStatus(cell, 'error');
  }

  private setStatus(cell: Cell, status: Status): void {
    if (status === 'idle' || status === 'error') this.indicated.delete(cell);
    if (cell.root.dataset['cellStatus'] === status) return;
    cell.root.dataset['cellStatus'] = status;
    const state = cell.root.querySelector('[data-cell-state]');
    if (state) state.textContent = status === 'running' ? 'Running…' : status === 'stale' ? 'Waiting…' : status === 'error' ? 'Error' : '';
    cell.root.setAttribute('aria-busy', String(status === 'running' || status === 'stale'));
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
    if (showInEditor) this.deferred.push(showInEditor);
    else if (cell.editor && cell.editor.getCode() !== code) cell.editor.setCode(code);
    this.remember(cell);
    await this.analysed;
    // The batch checks the new code against the names the graph assumes; if they differ, the
    // worker says so and the graph is rebuilt before anything that depends on them runs.
    const analysis = this.analyses.get(id);
    if (cell.spec.kind === 'code' && (analysis?.error || this.graph.errors.has(id))) {
      // A cell in error gets a fresh analysis first: its fix may resolve a conflict.
      const [fresh] = await this.client.analyze([{ id, code }]);
      if (fresh) this.analyses.set(id, fresh);
      this.rebuildGraph();
      if (fresh?.error || this.graph.errors.has(id)) return;
    }
    await this.schedule(this.reach(id));
  }

  /** Saves the cell's current code (or removes its edit when it is the lesson's again). */
  private remember(cell: Cell): void {
    clearTimeout(cell.saveTimer);
    delete cell.saveTimer;
    const { id } = cell.spec;
    const previous = this.store.get(id);
    // New code has not run yet: its run state starts again.
    const saved = cell.code === cell.spec.code ? undefined : { code: cell.code, base: previous?.base ?? fingerprint(cell.spec.code), ...(previous?.code === cell.code && previous.run ? { run: previous.run } : {}) };
    const stored = this.store.put(id, saved);
    this.updateNotice(cell);
    if (!stored && !this.storageWarned) {
      this.storageWarned = true;
      this.say('Your edits cannot be saved in this browser (storage is blocked or full). They work until you leave this page; “Copy link to my edits” keeps them.');
    }
  }

  /** Saves typing that was waiting for a pause: the student is leaving the page. */
  private saveTyping(): void {
    for (const cell of this.cells.values()) if (cell.saveTimer !== undefined) this.remember(cell);
  }

  /**
   * Shows saved edits in their cells; returns the ids to run. A saved input value is used if it
   * is still valid. Saved code runs on its own only if its last run finished (with a value or an
   * error, within its budget): code that was stopped, or that was running when the page closed
   * or crashed, or that never ran, is shown and waits for the student's Run.
   */
  private restoreEdits(): string[] {
    const restored: string[] = [];
    for (const [id, saved] of Object.entries(this.store.all())) {
      const cell = this.cells.get(id);
      if (!cell || saved.code === cell.spec.code) continue;
      if (cell.spec.kind === 'input') {
        if (!this.takeInputText(cell, saved.code, 'The saved value')) {
          // The lesson no longer accepts what was saved: its default stays, and the edit goes.
          this.store.put(id, undefined);
          continue;
        }
        cell.code = saved.code;
        this.updateNotice(cell);
        restored.push(id);
      } else if (saved.run === 'finished') {
        cell.code = saved.code;
        this.showCode(cell);
        this.updateNotice(cell);
        restored.push(id);
      } else this.hold(cell, saved.code, saved.run);
    }
    return restored;
  }

  /** Shows saved code that is not run until the student runs it; the lesson's code stays in effect. */
  private hold(cell: Cell, code: string, run: RunState | 'other tab' | undefined): void {
    cell.held = code;
    this.showCode(cell);
    cell.current = false;
    this.setStatus(cell, 'stale');
    const why =
      run === 'stopped'
        ? 'last time it was stopped (it ran over its budget)'
        : run === 'running'
          ? 'last time it did not finish (the page was closed, or crashed, while it ran)'
          : run === 'other tab'
            ? 'you changed it in another tab'
            : 'it has not run yet';
    this.updateNotice(cell, `Your edit is shown but has not run on this visit: ${why}. The output is still the lesson's. Run it when you are ready (Shift+Enter or Run).`);
  }

  /**
   * Takes what another tab saved: new code waits for Run here (it is shown, held), a reset
   * there resets here. A cell the student is working on in this tab keeps this tab's version.
   */
  private takeFromOtherTab(changed: string[]): void {
    const toRun: string[] = [];
    for (const id of changed) {
      const cell = this.cells.get(id);
      if (!cell || cell.spec.input === 'explorer') continue;
      if (cell.saveTimer !== undefined || cell.shared !== undefined || cell.editor?.view.hasFocus) {
        this.updateNotice(cell, 'This cell was also changed in another tab; your version here is kept, and saved when you run it or pause typing.');
        continue;
      }
      const code = this.store.get(id)?.code ?? cell.spec.code;
      if (code === (cell.held ?? cell.code)) continue;
      if (cell.spec.kind === 'input') {
        if (!this.takeInputText(cell, code, 'The value from another tab')) continue;
        cell.code = code;
        this.updateNotice(cell);
        toRun.push(id);
      } else if (code === cell.spec.code) {
        delete cell.held;
        cell.code = code;
        this.showCode(cell);
        this.updateNotice(cell);
        toRun.push(id);
      } else this.hold(cell, code, 'other tab');
    }
    if (toRun.length > 0) void this.schedule(toRun.flatMap((id) => this.reach(id)));
  }

  /** Restores a cell to the lesson's version. */
  async reset(id: string): Promise<void> {
    await this.restoreLesson([id]);
  }

  async resetAll(): Promise<void> {
    // Saved edits, and typing not saved yet.
    // An explorer's parameters are the explorer's, not an edit: its own Reset puts them back.
    const edited = [...this.cells.values()]
      .filter((cell) => cell.spec.input !== 'explorer' && (cell.code !== cell.spec.code || cell.held !== undefined || this.store.get(cell.spec.id) !== undefined))
      .map((cell) => cell.spec.id);
    await this.restoreLesson(edited);
    this.say(edited.length === 0 ? 'No cell was edited.' : `Reset ${edited.length} ${edited.length === 1 ? 'cell' : 'cells'} to the lesson's version.`);
  }

  /**
   * Puts the lesson's code (or input value) back in these cells, forgets the edits, and re-runs
   * them in a fresh worker: whatever the edited code did to the worker (a redefined function, a
   * timer) is gone with it, so the lesson behaves exactly as written again.
   */
  private async restoreLesson(ids: string[]): Promise<void> {
    const cells = ids.map((id) => this.cells.get(id)).filter((cell): cell is Cell => cell !== undefined);
    if (cells.length === 0) return;
    for (const cell of cells) {
      cell.code = cell.spec.code;
      delete cell.shared;
      delete cell.held;
      if (cell.spec.kind === 'input') {
        cell.value = this.parseInput(cell.spec, cell.code);
        this.showInputText(cell);
        this.inputMessage(cell, '');
      } else this.showCode(cell);
      this.remember(cell);
    }
    this.client.restart();
    // One analysis for all restored code cells: their names may differ from the edited ones.
    const code = cells.filter((cell) => cell.spec.kind === 'code').map((cell) => ({ id: cell.spec.id, code: cell.code }));
    if (code.length > 0) for (const analysis of await this.client.analyze(code)) this.analyses.set(analysis.id, analysis);
    const changed = this.rebuildGraph();
    await this.schedule([...cells.flatMap((cell) => this.reach(cell.spec.id)), ...changed]);
  }

  private updateNotice(cell: Cell, text?: string): void {
    let notice = cell.root.querySelector<HTMLElement>('[data-cell-notice]');
    const saved = this.store.get(cell.spec.id);
    // Says exactly what was kept: an edit storage refused is not "saved".
    const message =
      text ??
      (saved
        ? !this.store.isSaved(cell.spec.id)
          ? 'You edited this cell, but this browser would not save it (storage is blocked or full): it lasts until you leave this page.'
          : saved.base === fingerprint(cell.spec.code)
            ? 'You edited this cell; your version is saved in this browser.'
            : 'The lesson has changed this cell since you edited it; you are seeing your version.'
        : undefined);
    if (!message) {
      // Keyboard focus on the Reset button just used stays in the cell: on an input, its control.
      const control = notice?.contains(document.activeElement) ? cell.root.querySelector<HTMLElement>('[data-cell-input]:checked, [data-cell-input]:not([type="radio"])') : null;
      notice?.remove();
      control?.focus();
      return;
    }
    if (!notice) {
      notice = document.createElement('p');
      notice.className = 'cell-notice';
      notice.dataset['cellNotice'] = '';
      const span = document.createElement('span');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Reset';
      button.setAttribute('aria-label', `Reset ${cell.label} to the lesson's version`);
      button.addEventListener('click', () => void this.reset(cell.spec.id));
      notice.append(span, ' ', button);
      // A code cell's toolbar, a choice's group of options, another input's label.
      const anchor = cell.root.querySelector('.cell-toolbar') ?? cell.root.querySelector('fieldset') ?? cell.root.querySelector('label');
      if (anchor) anchor.after(notice);
      else cell.root.prepend(notice);
    }
    const span = notice.querySelector('span')!;
    if (span.textContent !== message) span.textContent = message;
  }

  // ——— code display and editor ———

  private codeBox(cell: Cell): HTMLElement | null {
    return cell.root.querySelector<HTMLElement>('[data-cell-editor]');
  }

  /** Shows the cell's current code: in its editor if open, else opens one. */
  private showCode(cell: Cell): void {
    if (cell.editor) cell.editor.setCode(shownCode(cell));
    else void this.openEditor(cell, false);
  }

  /**
   * Replaces the highlighted code (or the draft that took its place, see draft.ts) with a
   * CodeMirror editor, loaded on first use. A draft's text, selection and focus carry over.
   */
  async openEditor(cell: Cell, focus: boolean): Promise<void> {
    if (cell.editor || cell.spec.kind !== 'code') {
      if (focus) cell.editor?.focus();
      return;
    }
    const box = this.codeBox(cell);
    if (!box) return;
    const { createEditor, readDraft } = await (this.editorModule ??= import('./editor'));
    if (cell.editor) return;
    const draft = box.querySelector<HTMLElement>(DRAFT_SELECTOR);
    const old = draft ?? box.querySelector('pre');
    const typed = draft ? readDraft(draft) : undefined;
    if (typed && typed.text !== cell.spec.code) this.typed(cell, typed.text);
    const host = document.createElement('div');
    host.className = 'cell-editor';
    cell.editor = createEditor(host, {
      code: typed && typed.text !== cell.spec.code ? typed.text : shownCode(cell),
      label: cell.label,
      ...(typed ? { selection: { anchor: typed.anchor, head: typed.head } } : {}),
      onRun: () => void this.edit(cell.spec.id, cell.editor!.getCode()),
      onNudge: (code, apply) => void this.edit(cell.spec.id, code, apply),
      onChange: (code) => this.typed(cell, code),
    });
    const hadFocus = focus || typed?.focused === true;
    if (old) old.replaceWith(host);
    else box.append(host);
    if (box instanceof HTMLDetailsElement) box.open = true;
    if (hadFocus) cell.editor.focus();
  }

  /** What the student types is theirs, including changes to code from a link or a held edit. */
  private typed(cell: Cell, code: string): void {
    cell.code = code;
    delete cell.shared;
    delete cell.held;
    // Typing is saved shortly after it pauses (and when the page is left); running saves at once.
    clearTimeout(cell.saveTimer);
    cell.saveTimer = setTimeout(() => this.remember(cell), 300);
  }

  // ——— inputs ———

  /** An input's text read as its value: the one place an input's value is checked. */
  private parseText(spec: CellSpec, text: string): Parsed<unknown> {
    // An explorer's parameters come from the page's own explorer, never from a link or storage.
    if (spec.input !== 'explorer' && text.length > MAX_INPUT_LENGTH) return { ok: false, message: `This value is ${text.length.toLocaleString('en-US')} characters long; an input takes at most ${MAX_INPUT_LENGTH.toLocaleString('en-US')}.` };
    if (spec.input === 'choice') return parseChoice(text, spec.options ?? []);
    if (spec.input === 'explorer') return parseParameters(text);
    if (spec.input === 'slider' && spec.range) return parseSliderValue(text, spec.range);
    return spec.input === 'vector' ? parseVector(text) : parseNumber(text);
  }

  private parseInput(spec: CellSpec, text: string): unknown {
    const parsed = this.parseText(spec, text);
    return parsed.ok ? parsed.value : undefined;
  }

  private inputMessage(cell: Cell, text: string): void {
    const message = cell.root.querySelector<HTMLElement>('[data-cell-input-message]');
    if (message) message.textContent = text;
  }

  /**
   * An input value that did not come from the field (saved, from a link, from another tab):
   * shown and used only if valid; else the input says what was wrong and keeps what it had.
   * Returns whether the value was taken (shown, and its value set).
   */
  private takeInputText(cell: Cell, text: string, origin: string): boolean {
    const parsed = this.parseText(cell.spec, text);
    if (!parsed.ok) {
      const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
      this.inputMessage(cell, `${origin}, “${shown}”, cannot be used: ${parsed.message} The input keeps “${cell.code}”.`);
      return false;
    }
    cell.value = parsed.value;
    this.inputMessage(cell, '');
    this.showInputText(cell, text);
    return true;
  }

  private showInputText(cell: Cell, text = cell.shared ?? cell.code): void {
    if (cell.spec.input === 'choice') {
      for (const radio of cell.root.querySelectorAll<HTMLInputElement>('[data-cell-input]')) radio.checked = radio.value === text;
      return;
    }
    const field = cell.root.querySelector<HTMLInputElement>('[data-cell-input]');
    if (field && field.value !== text) field.value = text;
    const shown = cell.root.querySelector('[data-cell-input-value]');
    if (shown) shown.textContent = text;
  }

  /** A student changed an input: a good value re-runs its dependents; a bad one gets a message. */
  async input(id: string, text: string): Promise<void> {
    const cell = this.cells.get(id);
    if (!cell || cell.spec.kind !== 'input') return;
    // A choice has no field to mark: a click or an arrow key can only pick one of its options.
    const field = cell.root.querySelector<HTMLInputElement>('[data-cell-input]:not([type="radio"])');
    const message = cell.root.querySelector<HTMLElement>('[data-cell-input-message]');
    const parsed = this.parseText(cell.spec, text);
    if (!parsed.ok) {
      field?.setAttribute('aria-invalid', 'true');
      if (message) message.textContent = `${parsed.message} The cells keep using the last good value.`;
      return;
    }
    field?.removeAttribute('aria-invalid');
    if (message) message.textContent = '';
    const shown = cell.root.querySelector('[data-cell-input-value]');
    if (shown) shown.textContent = text;
    cell.code = text;
    delete cell.shared;
    cell.value = parsed.value;
    // The option picked, checked even if a shared link's option was showing meanwhile.
    if (cell.spec.input === 'choice') this.showInputText(cell);
    // An explorer's parameters follow the explorer, whose set-up lives in the address; saving
    // them would show a reloaded page's cells a network the explorer no longer shows.
    if (cell.spec.input !== 'explorer') this.remember(cell);
    await this.analysed;
    await this.schedule(this.reach(id));
  }

  // ——— sharing ———

  /**
   * Shows code from a shared link in its cells, and runs it only when the student agrees. What
   * the link carries that cannot be used (the whole link, cells this lesson does not have, input
   * values that do not parse) is said in the notebook's message; the rest is offered.
   */
  private offerShared(link: SharedLink): void {
    if (!link.ok) return this.say(`This link’s shared cells cannot be used: ${link.reason} The lesson is shown as it is.`);
    const problems = [...link.leftOut];
    const offered: Record<string, string> = {};
    for (const [id, text] of Object.entries(link.cells)) {
      const cell = this.cells.get(id);
      if (!cell) problems.push(`this lesson has no cell “${id}”`);
      else if (cell.spec.input === 'explorer') problems.push(`“${id}” follows its training explorer and cannot be set by a link`);
      else if (cell.spec.kind === 'input' && !this.parseText(cell.spec, text).ok) {
        // The input keeps its value, says why, and the link's value is not offered.
        this.takeInputText(cell, text, 'The link’s value');
        problems.push(`the value for ${cell.label} cannot be used`);
      } else offered[id] = text;
    }
    if (problems.length > 0) this.say(`Part of this link cannot be used and was left out: ${summarize(problems)}.`);
    const ids = Object.keys(offered).filter((id) => offered[id] !== this.cells.get(id)!.code);
    if (ids.length === 0) return;
    for (const id of ids) {
      const cell = this.cells.get(id)!;
      // The shared code is only shown: cell.code, which is what runs, stays the student's.
      cell.shared = offered[id]!;
      if (cell.spec.kind === 'input') this.showInputText(cell);
      else this.showCode(cell);
      this.setStatus(cell, 'stale');
      this.updateNotice(cell, 'This code comes from a shared link and has not run.');
    }
    const bar = document.querySelector<HTMLElement>('[data-notebook-bar]');
    const banner = document.createElement('div');
    banner.className = 'notebook-shared';
    banner.setAttribute('role', 'region');
    banner.setAttribute('aria-label', 'Code from a shared link');
    const text = document.createElement('p');
    text.textContent = `This link changes ${ids.length} ${ids.length === 1 ? 'cell' : 'cells'} of the lesson. The changed code is shown in the cells but has not run. Run it only if you trust whoever sent the link.`;
    const run = document.createElement('button');
    run.type = 'button';
    run.textContent = 'Run the shared code';
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = 'Keep my code';
    banner.append(text, run, ' ', keep);
    (bar ?? this.cells.values().next().value?.root)?.before(banner);
    const clearHash = () => history.replaceState(null, '', location.pathname + location.search);
    run.addEventListener('click', () => {
      banner.remove();
      clearHash();
      const agreed = ids.filter((id) => this.cells.get(id)!.shared !== undefined);
      for (const id of agreed) {
        const cell = this.cells.get(id)!;
        cell.code = cell.shared!;
        delete cell.shared;
        delete cell.held;
        // Offered input values were checked: they parse.
        if (cell.spec.kind === 'input') cell.value = this.parseInput(cell.spec, cell.code);
        this.remember(cell);
      }
      void (async () => {
        for (const id of agreed) if (this.cells.get(id)!.spec.kind === 'code') await this.edit(id, this.cells.get(id)!.code);
        await this.schedule(agreed.flatMap((id) => this.reach(id)));
      })();
    });
    keep.addEventListener('click', () => {
      banner.remove();
      clearHash();
      for (const id of ids) {
        const cell = this.cells.get(id)!;
        delete cell.shared;
        if (cell.spec.kind === 'input') this.showInputText(cell);
        else this.showCode(cell);
        this.updateNotice(cell);
        this.setStatus(cell, cell.current ? 'idle' : 'error');
      }
    });
    run.focus();
  }

  async copyLink(): Promise<void> {
    const edited = Object.fromEntries(Object.entries(this.store.all()).map(([id, saved]) => [id, saved.code]));
    const count = Object.keys(edited).length;
    // The query stays: it holds the set-ups of the lesson's explorers, which cells may read.
    const url = `${location.origin}${location.pathname}${location.search}${count > 0 ? `#${encodeShared(edited)}` : ''}`;
    try {
      await navigator.clipboard.writeText(url);
      this.say(count > 0 ? `Copied a link with your edits to ${count} ${count === 1 ? 'cell' : 'cells'}.` : 'You have not edited any cell yet: copied a link to the lesson as it is.');
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

  /** Listens for events on cells and the notebook bar from now on. */
  wire(): void {
    document.addEventListener('click', (event) => this.handle(event));
    document.addEventListener('input', (event) => this.handle(event));
    document.addEventListener('focusin', (event) => this.handle(event));
    document.addEventListener('keydown', (event) => this.handle(event));
  }

  /** Handles one event on a cell or the notebook bar (also the ones the loader caught early). */
  handle(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const action = target.closest<HTMLElement>('[data-notebook-action]')?.dataset['notebookAction'];
    if (event.type === 'click' && action === 'copy-link') return void this.copyLink();
    if (event.type === 'click' && action === 'reset-all') return void this.resetAll();
    const root = target.closest<HTMLElement>('[data-cell]');
    const id = root?.dataset['cell'];
    const cell = id === undefined ? undefined : this.cells.get(id);
    if (!cell) return;
    const pre = target.closest<HTMLElement>('[data-cell-editor] pre');
    // Keys typed while the editor loads go into a draft (draft.ts), then into the editor.
    if (!cell.editor) draftOnEvent(event);
    const draft = target.closest<HTMLElement>(DRAFT_SELECTOR);
    const key = event as KeyboardEvent;
    const more = target.closest<HTMLElement>('[data-cell-more]');
    if (event.type === 'click' && more) {
      void this.showMore(cell, more.dataset['cellMore'] === 'logs' ? 'logs' : 'value', Number(more.dataset['from']));
    } else if (event.type === 'click' && target.closest('[data-cell-run]')) {
      const typed = cell.root.querySelector(DRAFT_SELECTOR)?.textContent ?? undefined;
      void this.edit(cell.spec.id, cell.editor?.getCode() ?? typed ?? shownCode(cell));
    } else if (event.type === 'input' && target.matches('[data-cell-input]')) {
      void this.input(cell.spec.id, (target as HTMLInputElement).value);
    } else if (event.type === 'input' && draft) {
      this.typed(cell, draft.textContent ?? '');
    } else if (event.type === 'keydown' && draft && key.key === 'Enter' && (key.shiftKey || key.ctrlKey || key.metaKey)) {
      event.preventDefault();
      void this.edit(cell.spec.id, draft.textContent ?? '');
    } else if (((event.type === 'focusin' || event.type === 'click') && (pre || draft)) || (event.type === 'keydown' && pre)) {
      // Enter on the highlighted code opens the editor (in a draft, it is a new line); a key that
      // types opened a draft first.
      if (event.type === 'keydown' && key.key === 'Enter' && !draft) event.preventDefault();
      void this.openEditor(cell, true);
    }
  }

  /** Shows the next piece of a cut output, asked of the worker, which still holds the value. */
  private async showMore(cell: Cell, part: OutputPart, from: number): Promise<void> {
    if (!cell.output || !Number.isInteger(from) || from < 0) return;
    const piece = await this.client.piece(cell.spec.id, part, from);
    const focused = cell.output.contains(document.activeElement) ? (document.activeElement as HTMLElement).textContent : null;
    showPiece(cell.output, part, piece);
    // Keyboard focus stays on the button of the same name (Next stays on Next), else the text.
    const view = cell.output.querySelector<HTMLElement>(`[data-cell-piece="${part}"]`);
    const again = [...(view?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((button) => button.textContent === focused);
    if (focused !== null) (again ?? view?.querySelector<HTMLElement>('pre'))?.focus();
  }
}

/** The code a cell shows: a link's or a held edit's, until the student runs or changes it. */
const shownCode = (cell: Cell) => cell.shared ?? cell.held ?? cell.code;

function formatBudget(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * Boots the notebook, then handles the events the loader caught meanwhile (the loader keeps
 * catching until this resolves), then takes over listening.
 */
export async function startNotebook(caught: readonly Event[]): Promise<Notebook> {
  const notebook = new Notebook();
  await notebook.start();
  for (const event of caught) notebook.handle(event);
  notebook.wire();
  return notebook;
}
