/**
 * The page's side of the cell worker: numbered requests, and batches of cells whose answers
 * stream back one by one. Each cell of a batch has a time budget, counted from the answer to
 * the cell before it; a cell that overruns gets the worker terminated and a fresh one started,
 * so the page never waits on a runaway loop.
 *
 * The worker talks over a MessagePort handed to it at boot, which cell code cannot reach; every
 * message is read by `readFromWorker` and checked against the request it answers before anyone
 * sees it. A message that fails is dropped, and the worker that sent it is replaced.
 */
import type { Analysis, BatchCell, CellAnswer, FromWorker, OutputPart, Piece, ToWorker } from './protocol';
import { readFromWorker } from './validate';

/**
 * How a batch ended: every cell answered; the cell `id` overran its budget; the cell `id` broke
 * the worker (its answer said so); the worker said something unreadable while `id` ran; or the
 * worker could not be started at all.
 */
export type BatchEnd =
  | { type: 'done' }
  /** The page restarted the worker meanwhile (a reset): the cells not answered did not run. */
  | { type: 'interrupted' }
  | { type: 'timeout'; id: string }
  | { type: 'fatal'; id: string }
  | { type: 'invalid'; id: string; reason: string }
  | { type: 'unavailable'; reason: string };

/** The reason given to requests ended by a restart the page asked for. */
const RESTARTED = 'restarted';

type Listener = (message: Exclude<FromWorker, { type: 'ready' }>) => void;

interface Pending {
  listener: Listener;
  /** The worker said something unreadable, or could not be reached: the request is over. */
  fail(reason: string): void;
}

interface Booted {
  worker: Worker;
  port: MessagePort;
  /** Resolves once the worker said it is ready; rejects with the reason it could not start. */
  ready: Promise<void>;
}

export interface WorkerClientEvents {
  /** Something reached the page outside the protocol (a cell got past the lock-down). */
  onStray?(): void;
}

export class WorkerClient {
  private current!: Booted;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Increases on every restart: values computed by an earlier worker are gone. */
  generation = 0;

  /** A booted spare, made while a run looks like it may overrun, so a restart is instant. */
  private standby: Booted | undefined;

  constructor(
    private readonly create: () => Worker,
    private readonly events: WorkerClientEvents = {},
  ) {
    this.current = this.boot();
  }

  private boot(): Booted {
    const worker = this.create();
    const channel = new MessageChannel();
    let started: () => void = () => {};
    let refused: (reason: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      refused = reject;
    });
    // Never left unhandled: a request that waits on it reports the reason itself.
    ready.catch(() => {});
    const booted: Booted = { worker, port: channel.port1, ready };
    channel.port1.addEventListener('message', (event: MessageEvent<unknown>) => {
      const read = readFromWorker(event.data);
      if (!read.ok)
        return void (this.current === booted && this.refuse(`a message the page could not read (${read.reason})`));
      const message = read.value;
      if (message.type === 'ready') started();
      else if (this.current === booted) this.pending.get(message.requestId)?.listener(message);
    });
    channel.port1.start();
    // The runtime never posts on the worker's own channel: whatever arrives there is not its.
    worker.addEventListener('message', () => this.events.onStray?.());
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      refused(new Error(event.message || 'its script did not load'));
    });
    worker.postMessage({ type: 'connect' }, [channel.port2]);
    return booted;
  }

  /** Drops the worker that said something unreadable; every request waiting on it ends. */
  private refuse(reason: string): void {
    this.restart(reason);
  }

  private prepareStandby(): void {
    this.standby ??= this.boot();
  }

  /**
   * Stops the worker (and whatever it is running) and switches to a fresh one. Requests still
   * waiting end: with `reason` when the worker misbehaved, else as interrupted.
   */
  restart(reason: string = RESTARTED): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.current.worker.terminate();
    this.current.port.close();
    this.generation++;
    this.current = this.standby ?? this.boot();
    this.standby = undefined;
    for (const request of waiting) request.fail(reason);
  }

  private async send(
    message: ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never,
    request: Pending,
  ): Promise<number> {
    await this.current.ready;
    const requestId = this.nextId++;
    this.pending.set(requestId, request);
    this.current.port.postMessage({ ...message, requestId } as ToWorker);
    return requestId;
  }

  /** The names each cell defines and reads (or its syntax error); empty if the worker cannot answer. */
  analyze(cells: { id: string; code: string }[]): Promise<Analysis[]> {
    return new Promise((resolve) => {
      const ids = cells.map((cell) => cell.id);
      const fail = () => resolve([]);
      this.send(
        { type: 'analyze', cells },
        {
          fail,
          listener: (message) => {
            if (message.type !== 'analyzed') return this.refuse(`an answer of the wrong kind (${message.type})`);
            this.pending.delete(message.requestId);
            // Exactly one analysis per cell asked about, in order.
            if (message.results.length === ids.length && message.results.every((result, i) => result.id === ids[i]))
              resolve(message.results);
            else this.refuse('analyses of other cells than the page asked about');
          },
        },
      ).catch(fail);
    });
  }

  /** The piece of a cut output that starts at `from`, or null when the worker no longer has it. */
  piece(id: string, part: OutputPart, from: number): Promise<Piece | null> {
    return new Promise((resolve) => {
      const fail = () => resolve(null);
      this.send(
        { type: 'piece', id, part, from },
        {
          fail,
          listener: (message) => {
            if (message.type !== 'piece' || message.id !== id || message.part !== part)
              return this.refuse('a piece of another output than the page asked for');
            this.pending.delete(message.requestId);
            resolve(message.text === null ? null : message);
          },
        },
      ).catch(fail);
    });
  }

  /** Runs `cells` in order, calling `onAnswer` for each cell's answer as it arrives. */
  runBatch(
    cells: BatchCell[],
    budgetMs: (id: string) => number,
    onAnswer: (answer: CellAnswer) => void,
  ): Promise<BatchEnd> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let halfway: ReturnType<typeof setTimeout> | undefined;
      let answered = 0;
      let requestId = 0;
      let ended = false;
      /** Whether the last answer asked for the graph to be rebuilt, which ends a batch early. */
      let reanalyzed = false;
      const end = (how: BatchEnd, restart: boolean) => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        clearTimeout(halfway);
        this.pending.delete(requestId);
        if (restart) this.restart();
        resolve(how);
      };
      const running = () => cells[Math.min(answered, cells.length - 1)]!.id;
      const arm = () => {
        clearTimeout(timer);
        clearTimeout(halfway);
        const cell = cells[answered];
        if (!cell) return;
        const budget = budgetMs(cell.id);
        // Half the budget gone: boot a spare worker now, so that a stop costs no boot time.
        halfway = setTimeout(() => this.prepareStandby(), budget / 2);
        timer = setTimeout(() => end({ type: 'timeout', id: cell.id }, true), budget);
      };
      const listener: Listener = (message) => {
        if (message.type === 'done') {
          if (answered === cells.length || reanalyzed) end({ type: 'done' }, false);
          else this.refuse('the end of a batch before every cell had answered');
          return;
        }
        if (message.type === 'analyzed' || message.type === 'piece')
          return this.refuse(`an answer of the wrong kind (${message.type})`);
        // The worker answers the batch's cells one by one, in order.
        const expected = cells[answered];
        if (!expected || message.id !== expected.id || reanalyzed)
          return this.refuse(`an answer for another cell than ${expected?.id ?? 'the batch holds'}`);
        if (message.type === 'skipped' && !expected.inputs.includes(message.blocker))
          return this.refuse('a cell skipped for a cell it does not read');
        reanalyzed = message.type === 'reanalyzed';
        answered++;
        arm();
        onAnswer(message);
        if (message.type === 'failed' && message.fatal) end({ type: 'fatal', id: message.id }, true);
      };
      const fail = (reason: string) =>
        end(reason === RESTARTED ? { type: 'interrupted' } : { type: 'invalid', id: running(), reason }, false);
      this.send({ type: 'batch', cells }, { listener, fail })
        .then((id) => {
          requestId = id;
          arm();
        })
        .catch((error: unknown) => end({ type: 'unavailable', reason: (error as Error).message }, false));
    });
  }
}
