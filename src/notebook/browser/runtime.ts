/**
 * The notebook in the browser: the lesson's cells as a reactive graph (Observable's model).
 * Editing a cell re-runs it and exactly the cells downstream of it, in order, in the worker.
 * Outputs waiting for a run are marked stale; every run carries a version, so a slower, older
 * run never overwrites a newer result. Edits are saved before they run.
 */
import type { DisplayNode } from '../describe';
import { buildGraph, downstream, upstream, type CellGraph } from '../graph';
import { parseChoice, parseNumber, parseParameters, parseVector, type Parsed } from '../inputs';
import type { CellEditor } from './editor';
import { preload, showDisplay, showProblem } from './output';
import type { Analysis, BatchCell, CellAnswer, CellProblem } from './protocol';
import { decodeShared, encodeShared } from './share';
import { fingerprint, loadEdits, saveEdits, type SavedCell } from './storage';
import { WorkerClient } from './workerClient';

type Status = 'idle' | 'running' | 'error' | 'stale';

interface Spec {
  id: string;
  kind: 'code' | 'input';
  code: string;
  budget: number;
  input?: 'slider' | 'number' | 'vector' | 'choice' | 'explorer';
  name?: string;
  /** A choice's options; its code is one of them. */
  options?: string[];
}

interface Cell {
  spec: Spec;
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

export class Notebook {
  private readonly cells = new Map<string, Cell>();
  private readonly analyses = new Map<string, Analysis>();
  private graph: CellGraph = buildGraph([]);
  private readonly client: WorkerClient;
  /** Cells whose values the current worker holds. */
  private readonly computed = new Set<string>();
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private edits: Record<string, SavedCell>;
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
      const specText = element.querySelector('script[data-cell-spec]')?.textContent;
      if (!specText) continue;
      const spec = JSON.parse(specText) as Spec;
      // An input is named by its label (or a choice by its legend), without the name in code.
      const inputLabel = spec.kind === 'input' ? element.querySelector(':scope > label, legend')?.firstChild?.textContent?.trim() : undefined;
      const label = element.getAttribute('aria-label') ?? (inputLabel || `cell ${spec.id}`);
      this.cells.set(spec.id, { spec, root: element, label, output: element.querySelector('[data-cell-output]'), code: spec.code, version: 0, current: true, blocked: false, ...(spec.kind === 'input' ? { value: this.parseInput(spec, spec.code) } : {}) });
    }
    this.message = document.querySelector('[data-notebook-message]');
    this.edits = loadEdits(page);
    this.client = new WorkerClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cells' }));
    preload();
  }

  /** Analyses every cell, applies saved edits and a shared link, and wires up the page. */
  async start(): Promise<void> {
    const restored = this.restoreEdits();
    const results = await this.client.analyze([...this.cells.values()].filter((c) => c.spec.kind === 'code').map((c) => ({ id: c.spec.id, code: c.code })));
    for (const result of results) this.analyses.set(result.id, result);
    this.rebuildGraph();
    const shared = decodeShared(location.hash);
    if (shared) this.offerShared(shared);
    if (restored.length > 0) this.schedule(restored.flatMap((id) => this.reach(id)));
  }

  // ——— graph ———

  private rebuildGraph(): void {
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
    const setRunning = (index: number) => {
      const next = plan[index];
      if (next !== undefined && shown.has(next) && wanted(next)) this.indicate(this.cells.get(next)!, 'running');
    };
    let index = 0;
    setRunning(0);
    const end = await this.client.runBatch(batch, (id) => this.cells.get(id)!.spec.budget, (answer) => {
      index++;
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
    if (end.type === 'timeout') {
      this.generation = this.client.generation;
      this.computed.clear();
      const stopped = this.cells.get(end.id)!;
      if (wanted(end.id)) {
        this.fail(stopped, { message: `Stopped: this cell ran longer than its budget of ${formatBudget(stopped.spec.budget)}, perhaps in an endless loop. The page restarted the cells' worker; the other cells still work.` });
      }
      // What had not run yet: what read the stopped cell waits; the rest runs in the new worker.
      const rest = plan.slice(plan.indexOf(end.id) + 1).filter((id) => shown.has(id));
      const blocked = new Set(downstream(this.graph, end.id));
      for (const id of rest.filter((id) => blocked.has(id) && wanted(id))) {
        this.fail(this.cells.get(id)!, { message: `Waiting for ${stopped.label}, which was stopped.` }, [], true);
      }
      const again = rest.filter((id) => !blocked.has(id));
      if (again.length > 0) await this.execute(again, versions);
    }
    if (reanalyzed.length > 0) {
      // The edit changed which names cells define or read: rebuild the graph and run again.
      this.rebuildGraph();
      const next = reanalyzed.filter((id) => !this.analyses.get(id)?.error && !this.graph.errors.has(id)).flatMap((id) => this.reach(id));
      if (next.length > 0) void this.schedule(next);
    }
  }

  private takeAnswer(answer: CellAnswer, show: boolean, stillWanted: () => boolean, displays: Promise<void>[], reanalyzed: string[]): void {
    const cell = this.cells.get(answer.id)!;
    switch (answer.type) {
      case 'result':
        this.computed.add(answer.id);
        if (show) displays.push(this.showResult(cell, answer.display, answer.logs, stillWanted));
        break;
      case 'failed':
        this.computed.delete(answer.id);
        if (answer.analysis) this.analyses.set(answer.id, answer.analysis);
        if (show) this.fail(cell, answer.error, answer.logs);
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

  private async showResult(cell: Cell, display: DisplayNode, logs: string[], stillWanted: () => boolean): Promise<void> {
    const shown = JSON.stringify([display, logs]);
    // Redrawing an identical output costs the browser layout and paint for nothing (a
    // dependent of an edited number often shows the same thing), and the edit's new outputs a frame.
    if (cell.output && shown !== cell.shown) {
      cell.shown = shown;
      await showDisplay(cell.output, display, logs);
    }
    if (stillWanted()) {
      cell.current = true;
      cell.blocked = false;
      this.setStatus(cell, 'idle');
    }
  }

  private fail(cell: Cell, problem: CellProblem, logs: readonly string[] = [], blocked = false): void {
    delete cell.shown;
    cell.current = false;
    cell.blocked = blocked;
    if (cell.output) showProblem(cell.output, problem, logs);
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
    if (showInEditor) this.deferred.push(showInEditor);
    else if (cell.editor && cell.editor.getCode() !== code) cell.editor.setCode(code);
    this.remember(cell);
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

  private remember(cell: Cell): void {
    clearTimeout(cell.saveTimer);
    const { id } = cell.spec;
    if (cell.code === cell.spec.code) delete this.edits[id];
    else this.edits[id] = { code: cell.code, base: this.edits[id]?.base ?? fingerprint(cell.spec.code) };
    this.updateNotice(cell);
    if (!saveEdits(page, this.edits) && !this.storageWarned) {
      this.storageWarned = true;
      this.say('Your edits cannot be saved in this browser (storage is blocked or full). They work until you leave this page.');
    }
  }

  /** Shows saved edits in their cells; returns the ids that differ from the lesson. */
  private restoreEdits(): string[] {
    const restored: string[] = [];
    for (const [id, saved] of Object.entries(this.edits)) {
      const cell = this.cells.get(id);
      if (!cell || saved.code === cell.spec.code) continue;
      if (this.staleChoice(cell, saved.code, 'The saved choice')) {
        // The lesson no longer offers what was saved: its default stays, and the edit goes.
        this.remember(cell);
        continue;
      }
      cell.code = saved.code;
      if (cell.spec.kind === 'input') {
        const value = this.parseInput(cell.spec, cell.code);
        if (value !== undefined) cell.value = value;
        this.showInputText(cell);
      } else this.showCode(cell);
      this.updateNotice(cell);
      restored.push(id);
    }
    return restored;
  }

  /** Restores a cell to the lesson's version. */
  async reset(id: string): Promise<void> {
    await this.restoreLesson([id]);
  }

  async resetAll(): Promise<void> {
    // Saved edits, and typing not saved yet.
    // An explorer's parameters are the explorer's, not an edit: its own Reset puts them back.
    const edited = [...this.cells.values()]
      .filter((cell) => cell.spec.input !== 'explorer' && (cell.code !== cell.spec.code || cell.spec.id in this.edits))
      .map((cell) => cell.spec.id);
    await this.restoreLesson(edited);
    this.say(edited.length === 0 ? 'No cell was edited.' : `Reset ${edited.length} ${edited.length === 1 ? 'cell' : 'cells'} to the lesson's version.`);
  }

  /** Puts the lesson's code (or input value) back in these cells, forgets the edits, re-runs. */
  private async restoreLesson(ids: string[]): Promise<void> {
    const cells = ids.map((id) => this.cells.get(id)).filter((cell): cell is Cell => cell !== undefined);
    for (const cell of cells) {
      cell.code = cell.spec.code;
      delete cell.shared;
      if (cell.spec.kind === 'input') {
        cell.value = this.parseInput(cell.spec, cell.code);
        this.showInputText(cell);
      } else this.showCode(cell);
      this.remember(cell);
    }
    // One analysis for all restored code cells: their names may differ from the edited ones.
    const code = cells.filter((cell) => cell.spec.kind === 'code').map((cell) => ({ id: cell.spec.id, code: cell.code }));
    if (code.length > 0) for (const analysis of await this.client.analyze(code)) this.analyses.set(analysis.id, analysis);
    this.rebuildGraph();
    await this.schedule(cells.flatMap((cell) => this.reach(cell.spec.id)));
  }

  private updateNotice(cell: Cell, text?: string): void {
    let notice = cell.root.querySelector<HTMLElement>('[data-cell-notice]');
    const saved = this.edits[cell.spec.id];
    const message =
      text ??
      (saved
        ? saved.base === fingerprint(cell.spec.code)
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
    if (cell.editor) cell.editor.setCode(cell.shared ?? cell.code);
    else void this.openEditor(cell, false);
  }

  /** Replaces the highlighted code with a CodeMirror editor (loaded on first use). */
  async openEditor(cell: Cell, focus: boolean): Promise<void> {
    if (cell.editor || cell.spec.kind !== 'code') {
      if (focus) cell.editor?.focus();
      return;
    }
    const box = this.codeBox(cell);
    if (!box) return;
    const { createEditor } = await (this.editorModule ??= import('./editor'));
    if (cell.editor) return;
    const pre = box.querySelector('pre');
    const host = document.createElement('div');
    host.className = 'cell-editor';
    cell.editor = createEditor(host, {
      code: cell.shared ?? cell.code,
      label: cell.label,
      onRun: () => void this.edit(cell.spec.id, cell.editor!.getCode()),
      onNudge: (code, apply) => void this.edit(cell.spec.id, code, apply),
      onChange: (code) => {
        // What the student types is theirs, including changes to code from a shared link.
        cell.code = code;
        delete cell.shared;
        // Typing is saved shortly after it pauses; running saves at once.
        clearTimeout(cell.saveTimer);
        cell.saveTimer = setTimeout(() => this.remember(cell), 300);
      },
    });
    if (pre) pre.replaceWith(host);
    else box.append(host);
    if (box instanceof HTMLDetailsElement) box.open = true;
    if (focus) cell.editor.focus();
  }

  // ——— inputs ———

  private parseText(spec: Spec, text: string): Parsed<unknown> {
    if (spec.input === 'choice') return parseChoice(text, spec.options ?? []);
    if (spec.input === 'explorer') return parseParameters(text);
    return spec.input === 'vector' ? parseVector(text) : parseNumber(text);
  }

  private parseInput(spec: Spec, text: string): unknown {
    const parsed = this.parseText(spec, text);
    return parsed.ok ? parsed.value : undefined;
  }

  /**
   * A choice given a value that is not among its options (saved before the lesson changed
   * them, or from a link): says so on the input, which keeps the lesson's default. Returns
   * whether that happened.
   */
  private staleChoice(cell: Cell, text: string, origin: string): boolean {
    if (cell.spec.input !== 'choice') return false;
    const options = cell.spec.options ?? [];
    if (parseChoice(text, options).ok) return false;
    const message = cell.root.querySelector<HTMLElement>('[data-cell-input-message]');
    const list = options.map((option) => `“${option}”`).join(', ');
    if (message) message.textContent = `${origin}, “${text}”, is not one of the options (${list}); the lesson’s default, “${cell.spec.code}”, is used instead.`;
    return true;
  }

  private showInputText(cell: Cell): void {
    const text = cell.shared ?? cell.code;
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
    await this.schedule(this.reach(id));
  }

  // ——— sharing ———

  /** Shows code from a shared link in its cells, and runs it only when the student agrees. */
  private offerShared(shared: Record<string, string>): void {
    for (const [id, text] of Object.entries(shared)) {
      const cell = this.cells.get(id);
      // A choice the lesson does not offer stands for the lesson's default.
      if (cell && this.staleChoice(cell, text, 'The link’s choice')) shared[id] = cell.spec.code;
    }
    const ids = Object.keys(shared).filter((id) => this.cells.has(id) && shared[id] !== this.cells.get(id)!.code);
    if (ids.length === 0) return;
    for (const id of ids) {
      const cell = this.cells.get(id)!;
      // The shared code is only shown: cell.code, which is what runs, stays the student's.
      cell.shared = shared[id]!;
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
        if (cell.spec.kind === 'input') {
          const value = this.parseInput(cell.spec, cell.code);
          if (value !== undefined) cell.value = value;
        }
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
    const edited = Object.fromEntries(Object.entries(this.edits).map(([id, saved]) => [id, saved.code]));
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
    if (event.type === 'click' && target.closest('[data-cell-run]')) {
      void this.edit(cell.spec.id, cell.editor?.getCode() ?? cell.code);
    } else if (event.type === 'input' && target.matches('[data-cell-input]')) {
      void this.input(cell.spec.id, (target as HTMLInputElement).value);
    } else if ((event.type === 'focusin' || event.type === 'click') && target.closest('[data-cell-editor] pre')) {
      void this.openEditor(cell, true);
    } else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Enter' && target.closest('[data-cell-editor] pre')) {
      event.preventDefault();
      void this.openEditor(cell, true);
    }
  }
}

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
