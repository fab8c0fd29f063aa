/**
 * Which cells run, in what order, and which results still count: the notebook's reactive graph
 * (Observable's model), with no page in it. Editing a cell re-runs it and exactly the cells
 * downstream of it, in graph order, in the worker, preceded by the upstream values the worker
 * lacks. Every requested run bumps the cell's version, so a slower, older run never overwrites
 * a newer result. What it decides, it tells a `RunObserver` (the page, or a test).
 *
 * Over 300 lines: the graph, the version bookkeeping and the batch plan are one invariant (a
 * result counts only if its version is current); split, each piece would need the others' state.
 */
import { buildGraph, downstream, upstream, type CellGraph } from '../graph';
import type { Cut } from '../limits';
import type { CellSpec } from '../spec';
import type { Analysis, BatchCell, CellAnswer, CellProblem } from './protocol';
import type { RunState } from './storage';
import { Marks } from './marks';
import type { BatchEnd, WorkerClient } from './workerClient';

export type Status = 'idle' | 'running' | 'error' | 'stale';
type Result = Extract<CellAnswer, { type: 'result' }>;

/** What the scheduler reads of a cell. */
export interface Runnable {
  readonly spec: Pick<CellSpec, 'id' | 'kind' | 'name' | 'budget'>;
  readonly label: string;
  /** The code (or an input's text) that runs now. */
  readonly code: string;
  /** An input's value. */
  readonly value?: unknown;
}

/** What the scheduler says about cells. */
export interface RunObserver {
  status(id: string, status: Status): void;
  /** Draws a result; resolves once it is on the page. */
  draw(id: string, result: Result): Promise<void>;
  problem(id: string, problem: CellProblem, logs?: readonly string[], logsCut?: Cut): void;
  /** How the last run of a cell went (an edited cell's is saved with it); undefined: as before. */
  ran(id: string, state: RunState | undefined): void;
  /** The state recorded for a cell's last run. */
  lastRun(id: string): RunState | undefined;
  /** A message about the notebook as a whole. */
  say(text: string): void;
}

export type Worker = Pick<WorkerClient, 'generation' | 'analyze' | 'runBatch' | 'restart'>;

export class Scheduler {
  private readonly analyses = new Map<string, Analysis>();
  private graph: CellGraph = buildGraph([]);
  private readonly versions = new Map<string, number>();
  /** Cells whose output shows their current code (not after an error, nor while held or offered). */
  private readonly current = new Set<string>();
  /** Cells that could not run because of another cell (a graph error, a stopped or failed cell). */
  private readonly blocked = new Set<string>();
  /** Cells whose values the current worker holds. */
  private readonly computed = new Set<string>();
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private batchesQueued = 0;
  private readonly marks: Marks;

  constructor(
    private readonly cells: ReadonlyMap<string, Runnable>,
    private readonly worker: Worker,
    private readonly observer: RunObserver,
  ) {
    for (const id of cells.keys()) this.current.add(id);
    this.marks = new Marks((id, status) => this.observer.status(id, status));
  }

  // ——— the graph ———

  /** Asks the worker what these code cells define and read, and rebuilds the graph; returns the cells whose inputs changed. */
  async analyse(ids: string[]): Promise<string[]> {
    const code = ids.map((id) => this.cells.get(id)!).filter((cell) => cell.spec.kind === 'code');
    if (code.length > 0)
      for (const analysis of await this.worker.analyze(code.map((cell) => ({ id: cell.spec.id, code: cell.code }))))
        this.analyses.set(analysis.id, analysis);
    return this.rebuild();
  }

  /** Whether a code cell's last analysis found a problem, or the graph has one with it. */
  hasProblem(id: string): boolean {
    return this.analyses.get(id)?.error !== undefined || this.graph.errors.has(id);
  }

  /** Every name the cells define, with the cells that define it (two or more: an error). */
  definitions(): Map<string, string[]> {
    const definers = new Map<string, string[]>();
    for (const { spec } of this.cells.values())
      for (const name of spec.kind === 'input' ? [spec.name!] : (this.analyses.get(spec.id)?.defines ?? []))
        definers.set(name, [...(definers.get(name) ?? []), spec.id]);
    return definers;
  }

  private rebuild(): string[] {
    const before = this.graph.inputs;
    const nodes = [...this.cells.values()].map(({ spec }) => {
      if (spec.kind === 'input') return { id: spec.id, defines: [spec.name!], references: [] };
      const analysis = this.analyses.get(spec.id);
      return { id: spec.id, defines: analysis?.defines ?? [], references: analysis?.references ?? [] };
    });
    this.graph = buildGraph(nodes);
    for (const id of this.cells.keys()) {
      const syntax = this.analyses.get(id)?.error;
      const graphError = this.graph.errors.get(id);
      if (syntax) this.fail(id, syntax);
      else if (graphError) this.fail(id, { message: `This cell ${graphError}.` }, { blocked: true });
    }
    // A cell that lost the cell defining a name it reads (renamed, or removed) must run again,
    // to show that the name is gone instead of the value it had.
    const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
      (a ?? []).join('\n') === (b ?? []).join('\n');
    return this.graph.order.filter((id) => before.has(id) && !same(before.get(id), this.graph.inputs.get(id)));
  }

  /** A cell and its downstream cells, plus cells that another cell blocked and now can run. */
  reach(id: string): string[] {
    const targets = new Set(this.graph.order.includes(id) ? downstream(this.graph, id) : []);
    for (const blocked of this.blocked) if (this.graph.order.includes(blocked)) targets.add(blocked);
    return this.graph.order.filter((cell) => targets.has(cell));
  }

  // ——— statuses ———

  /** Shows that a cell's output does not show its code (held, offered): it waits for a run. */
  waiting(id: string): void {
    this.current.delete(id);
    this.setStatus(id, 'stale');
  }

  /** Puts back the status a cell's output warrants (after an offer was declined). */
  settle(id: string): void {
    this.setStatus(id, this.current.has(id) ? 'idle' : 'error');
  }

  private setStatus(id: string, status: Status): void {
    if (status === 'idle' || status === 'error') this.marks.clear(id);
    this.observer.status(id, status);
  }

  /** Holds a page update until the run it started shows its first output (see marks.ts). */
  defer(update: () => void): void {
    this.marks.defer(update);
  }

  /** Makes the held page updates now: the edit that held them runs nothing. */
  showHeld(): void {
    this.marks.flush();
  }

  private fail(
    id: string,
    problem: CellProblem,
    options: { logs?: readonly string[]; logsCut?: Cut; blocked?: boolean } = {},
  ): void {
    this.current.delete(id);
    if (options.blocked) this.blocked.add(id);
    else this.blocked.delete(id);
    this.observer.problem(id, problem, options.logs ?? [], options.logsCut);
    this.setStatus(id, 'error');
  }

  // ——— running ———

  /**
   * Starts a fresh worker: whatever code ran in the old one (a redefined function, a timer) is
   * gone with it, and upstream values are computed again when a run needs them.
   */
  restartWorker(): void {
    this.worker.restart();
  }

  /** Queues a run of `ids` (in graph order); their outputs are stale until their turn. */
  schedule(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const versions = new Map(
      unique.map((id) => {
        const version = (this.versions.get(id) ?? 0) + 1;
        this.versions.set(id, version);
        this.marks.mark(id, 'stale');
        return [id, version] as const;
      }),
    );
    this.batchesQueued++;
    this.queue = this.queue
      .then(() => this.execute(unique, versions))
      .catch((error: unknown) => this.observer.say(`Something went wrong while running cells: ${String(error)}`))
      .finally(() => {
        if (--this.batchesQueued === 0) this.marks.quiet();
      });
    return this.queue;
  }

  /**
   * Runs `ids` as one batch in the worker, preceded by whatever upstream values the worker lacks
   * (after a restart) and followed by nothing else. Answers are shown as they arrive.
   */
  private async execute(ids: string[], versions: Map<string, number>): Promise<void> {
    const wanted = (id: string) => this.versions.get(id) === versions.get(id);
    const targets = ids.filter(wanted);
    if (targets.length === 0) return;
    if (this.worker.generation !== this.generation) {
      // The worker was restarted (a runaway cell, a reset): its values are gone.
      this.generation = this.worker.generation;
      this.computed.clear();
    }
    const shown = new Set(targets);
    const plan = this.graph.order.filter(
      (id) => shown.has(id) || targets.some((t) => upstream(this.graph, t).includes(id) && !this.computed.has(id)),
    );
    const batch = plan.map((id) => this.batchCell(id));
    const reanalysed: string[] = [];
    const drawn: Promise<void>[] = [];
    const answered = new Set<string>();
    /** How the last run of each cell had ended, until this one ends. */
    const before = new Map<string, RunState | undefined>();
    const starting = (index: number) => {
      const next = plan[index];
      if (next === undefined) return;
      // A cell that starts and never finishes (the page closes or crashes) is recorded as such.
      before.set(next, this.observer.lastRun(next));
      this.observer.ran(next, 'running');
      if (shown.has(next) && wanted(next)) this.marks.mark(next, 'running');
    };
    let index = 0;
    let firstShown = false;
    starting(0);
    const end = await this.worker.runBatch(
      batch,
      (id) => this.cells.get(id)!.spec.budget,
      (answer) => {
        index++;
        answered.add(answer.id);
        // A cell that did not run after all keeps the state of its last run.
        if (answer.type === 'skipped' || answer.type === 'reanalyzed')
          this.observer.ran(answer.id, before.get(answer.id));
        starting(index);
        // Whether to show it is asked when it is taken: a newer edit may have come meanwhile.
        const show = () => shown.has(answer.id) && wanted(answer.id);
        const take = () => this.take(answer, show(), () => wanted(answer.id), drawn, reanalysed);
        // The run's first output is what the student waits for: it is drawn as soon as it comes,
        // with the updates held for it (the editor's new code). Until the run counts as slow, the
        // other answers are held and shown together when the batch ends: a page changed by each
        // answer would make the browser render a frame before it delivers the next one.
        if (answer.type === 'result' && !firstShown && show()) {
          firstShown = true;
          this.marks.flush();
          take();
        } else this.marks.later(take);
      },
    );
    this.marks.flush();
    await Promise.all(drawn);
    if (end.type !== 'done') await this.afterBroken(end, plan, shown, answered, wanted, versions);
    if (reanalysed.length > 0) {
      // The edit changed which names cells define or read: rebuild the graph and run again.
      const changed = this.rebuild();
      const next = [...reanalysed.filter((id) => !this.hasProblem(id)).flatMap((id) => this.reach(id)), ...changed];
      if (next.length > 0) void this.schedule(next);
    }
  }

  private batchCell(id: string): BatchCell {
    const cell = this.cells.get(id)!;
    const inputs = this.graph.inputs.get(id) ?? [];
    if (cell.spec.kind === 'input') return { kind: 'input', id, name: cell.spec.name!, value: cell.value, inputs };
    const analysis = this.analyses.get(id);
    // The worker checks the code against the names the graph assumes, and says if they differ.
    return {
      kind: 'code',
      id,
      code: cell.code,
      inputs,
      ...(analysis && !analysis.error
        ? { expect: { defines: analysis.defines, references: analysis.references } }
        : {}),
    };
  }

  private take(
    answer: CellAnswer,
    show: boolean,
    stillWanted: () => boolean,
    drawn: Promise<void>[],
    reanalysed: string[],
  ): void {
    const { id } = answer;
    switch (answer.type) {
      case 'result':
        this.computed.add(id);
        if (!show) return this.observer.ran(id, 'finished');
        // Finished only once drawn: an output that crashed the page must not run on its own again.
        drawn.push(
          this.observer.draw(id, answer).then(() => {
            this.observer.ran(id, 'finished');
            if (!stillWanted()) return;
            this.current.add(id);
            this.blocked.delete(id);
            this.setStatus(id, 'idle');
          }),
        );
        return;
      case 'failed':
        this.computed.delete(id);
        if (answer.analysis) this.analyses.set(id, answer.analysis);
        if (show)
          this.fail(id, answer.error, { logs: answer.logs, ...(answer.logsCut ? { logsCut: answer.logsCut } : {}) });
        return this.observer.ran(id, answer.fatal ? 'stopped' : 'finished');
      case 'skipped':
        if (show)
          this.fail(
            id,
            {
              message: `Waiting for ${this.cells.get(answer.blocker)?.label ?? answer.blocker}, which did not finish.`,
            },
            { blocked: true },
          );
        return;
      case 'reanalyzed':
        this.analyses.set(id, answer.analysis);
        reanalysed.push(id);
        return;
    }
  }

  /**
   * A batch that did not end normally: says why on the cell concerned, then runs what had not run
   * in the fresh worker, except the cells that read the one that broke (they wait for it).
   */
  private async afterBroken(
    end: Exclude<BatchEnd, { type: 'done' }>,
    plan: string[],
    shown: Set<string>,
    answered: Set<string>,
    wanted: (id: string) => boolean,
    versions: Map<string, number>,
  ): Promise<void> {
    this.generation = this.worker.generation;
    this.computed.clear();
    if (end.type === 'unavailable') {
      for (const id of plan.filter((id) => shown.has(id) && wanted(id))) {
        this.fail(id, {
          message: `The cells cannot run: their worker did not start (${end.reason}). Reload the page to try again.`,
        });
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
    this.observer.ran(end.id, 'stopped');
    const why =
      end.type === 'timeout'
        ? `Stopped: this cell ran longer than its budget of ${formatBudget(broken.spec.budget)}, perhaps in an endless loop. The page restarted the cells' worker; the other cells still work.`
        : end.type === 'invalid'
          ? `Stopped: while this cell ran, the cells' worker sent the page ${end.reason}. The page dropped it and restarted the worker; the other cells still work.`
          : undefined;
    // A fatal answer has already said why, on the cell.
    if (why && wanted(end.id)) this.fail(end.id, { message: why });
    const rest = plan.slice(plan.indexOf(end.id) + 1).filter((id) => shown.has(id));
    const blocked = new Set(downstream(this.graph, end.id));
    for (const id of rest.filter((id) => blocked.has(id) && wanted(id)))
      this.fail(id, { message: `Waiting for ${broken.label}, which was stopped.` }, { blocked: true });
    const again = rest.filter((id) => !blocked.has(id));
    if (again.length > 0) await this.execute(again, versions);
  }
}

function formatBudget(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
