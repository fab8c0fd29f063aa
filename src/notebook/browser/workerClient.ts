/**
 * The page's side of the cell worker: numbered requests, one answer each, and a time budget
 * per run. A run that overruns its budget gets the worker terminated and a fresh one started,
 * so the page never waits on a runaway loop.
 */
import type { Analysis, FromWorker, ToWorker } from './protocol';

export type RunAnswer = Extract<FromWorker, { type: 'result' | 'failed' }> | { type: 'timeout'; id: string };

type Pending = { resolve: (message: FromWorker) => void };

// Distributive: strips requestId from each member of the union.
type Request = ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

export class WorkerClient {
  private worker: Worker;
  private ready: Promise<void>;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Increases on every restart: values computed by an earlier worker are gone. */
  generation = 0;

  constructor(private readonly create: () => Worker) {
    ({ worker: this.worker, ready: this.ready } = this.spawn());
  }

  private spawn(): { worker: Worker; ready: Promise<void> } {
    const worker = this.create();
    const ready = new Promise<void>((resolve) => {
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') return resolve();
        const waiting = this.pending.get(message.requestId);
        if (waiting) {
          this.pending.delete(message.requestId);
          waiting.resolve(message);
        }
      });
    });
    return { worker, ready };
  }

  /** Stops the worker (and whatever it is running) and starts a new one. */
  restart(): void {
    this.worker.terminate();
    this.pending.clear();
    this.generation++;
    ({ worker: this.worker, ready: this.ready } = this.spawn());
  }

  /** Resolves once the current worker has booted. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private async request(message: Request, budgetMs?: number): Promise<FromWorker | { type: 'timeout' }> {
    await this.ready;
    const requestId = this.nextId++;
    const answer = new Promise<FromWorker>((resolve) => this.pending.set(requestId, { resolve }));
    this.worker.postMessage({ ...message, requestId } as ToWorker);
    if (budgetMs === undefined) return answer;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<{ type: 'timeout' }>((resolve) => {
      timer = setTimeout(() => resolve({ type: 'timeout' }), budgetMs);
    });
    const first = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if (first.type === 'timeout') this.restart();
    return first;
  }

  async analyze(cells: { id: string; code: string }[]): Promise<Analysis[]> {
    const answer = await this.request({ type: 'analyze', cells });
    return answer.type === 'analyzed' ? answer.results : [];
  }

  async run(id: string, code: string, budgetMs: number): Promise<RunAnswer> {
    const answer = await this.request({ type: 'run', id, code }, budgetMs);
    return answer.type === 'timeout' ? { type: 'timeout', id } : (answer as RunAnswer);
  }

  async set(id: string, name: string, value: unknown): Promise<RunAnswer> {
    return (await this.request({ type: 'set', id, name, value })) as RunAnswer;
  }
}
