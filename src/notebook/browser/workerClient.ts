/**
 * The page's side of the cell worker: numbered requests, and batches of cells whose answers
 * stream back one by one. Each cell of a batch has a time budget, counted from the answer to
 * the cell before it; a cell that overruns gets the worker terminated and a fresh one started,
 * so the page never waits on a runaway loop.
 */
import type { Analysis, BatchCell, CellAnswer, FromWorker, ToWorker } from './protocol';

/** How a batch ended: every cell answered, or the cell `id` overran its budget. */
export type BatchEnd = { type: 'done' } | { type: 'timeout'; id: string };

type Listener = (message: FromWorker) => void;

export class WorkerClient {
  private worker!: Worker;
  private ready!: Promise<void>;
  private nextId = 1;
  private readonly listeners = new Map<number, Listener>();
  /** Increases on every restart: values computed by an earlier worker are gone. */
  generation = 0;

  /** A booted spare, made while a run looks like it may overrun, so a restart is instant. */
  private standby: { worker: Worker; ready: Promise<void> } | undefined;

  constructor(private readonly create: () => Worker) {
    ({ worker: this.worker, ready: this.ready } = this.boot());
  }

  private boot(): { worker: Worker; ready: Promise<void> } {
    const worker = this.create();
    const ready = new Promise<void>((resolve) => {
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') resolve();
        else if (worker === this.worker) this.listeners.get(message.requestId)?.(message);
      });
    });
    return { worker, ready };
  }

  private prepareStandby(): void {
    this.standby ??= this.boot();
  }

  /** Stops the worker (and whatever it is running) and switches to a fresh one. */
  restart(): void {
    this.worker.terminate();
    this.listeners.clear();
    this.generation++;
    ({ worker: this.worker, ready: this.ready } = this.standby ?? this.boot());
    this.standby = undefined;
  }

  private async send(message: ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never, listener: Listener): Promise<number> {
    await this.ready;
    const requestId = this.nextId++;
    this.listeners.set(requestId, listener);
    this.worker.postMessage({ ...message, requestId } as ToWorker);
    return requestId;
  }

  /** The names each cell defines and reads (or its syntax error). */
  analyze(cells: { id: string; code: string }[]): Promise<Analysis[]> {
    return new Promise((resolve) => {
      void this.send({ type: 'analyze', cells }, (message) => {
        if (message.type === 'analyzed') {
          this.listeners.delete(message.requestId);
          resolve(message.results);
        }
      });
    });
  }

  /** Runs `cells` in order, calling `onAnswer` for each cell's answer as it arrives. */
  runBatch(cells: BatchCell[], budgetMs: (id: string) => number, onAnswer: (answer: CellAnswer) => void): Promise<BatchEnd> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let halfway: ReturnType<typeof setTimeout> | undefined;
      let answered = 0;
      let requestId = 0;
      const arm = () => {
        clearTimeout(timer);
        clearTimeout(halfway);
        const cell = cells[answered];
        if (!cell) return;
        const budget = budgetMs(cell.id);
        // Half the budget gone: boot a spare worker now, so that a stop costs no boot time.
        halfway = setTimeout(() => this.prepareStandby(), budget / 2);
        timer = setTimeout(() => {
          clearTimeout(halfway);
          this.listeners.delete(requestId);
          this.restart();
          resolve({ type: 'timeout', id: cell.id });
        }, budget);
      };
      void this.send({ type: 'batch', cells }, (message) => {
        if (message.type === 'done') {
          clearTimeout(timer);
          clearTimeout(halfway);
          this.listeners.delete(message.requestId);
          resolve({ type: 'done' });
        } else if (message.type !== 'ready' && message.type !== 'analyzed') {
          answered++;
          arm();
          onAnswer(message);
        }
      }).then((id) => {
        requestId = id;
        arm();
      });
    });
  }
}
