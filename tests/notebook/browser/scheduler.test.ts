// The scheduler without a page or a worker, the way Observable tests its runtime's variables: a
// fake worker client that answers batches as told, and an observer that records what it heard.
import { describe, expect, it } from 'vitest';
import type { Analysis, BatchCell, CellAnswer } from '../../../src/notebook/browser/protocol';
import { Scheduler, type RunObserver, type Runnable, type Status } from '../../../src/notebook/browser/scheduler';
import type { BatchEnd } from '../../../src/notebook/browser/workerClient';

/** A cell: `defines` and `references` are what the fake worker's analysis reports for it. */
interface FakeCell extends Runnable {
  code: string;
  defines: string[];
  references: string[];
}

const code = (id: string, defines: string[], references: string[] = []): FakeCell => ({
  spec: { id, kind: 'code', budget: 2000 },
  label: `cell ${id}`,
  code: `/* ${id} */`,
  defines,
  references,
});

/** How the fake worker answers a cell of a batch: a result, or as `answer` says. */
type Answer = (cell: BatchCell, requestId: number) => CellAnswer | 'timeout';

function fakeWorker(cells: Map<string, FakeCell>) {
  const worker = {
    generation: 0,
    batches: [] as string[][],
    answer: ((cell, requestId) => ({
      type: 'result',
      requestId,
      id: cell.id,
      display: { kind: 'text', text: cells.get(cell.id)!.code },
      logs: [],
      ms: 0,
    })) as Answer,
    async analyze(list: { id: string; code: string }[]): Promise<Analysis[]> {
      return list.map(({ id }) => ({ id, defines: cells.get(id)!.defines, references: cells.get(id)!.references }));
    },
    async runBatch(
      batch: BatchCell[],
      _budget: (id: string) => number,
      onAnswer: (answer: CellAnswer) => void,
    ): Promise<BatchEnd> {
      worker.batches.push(batch.map((cell) => cell.id));
      for (const cell of batch) {
        const answer = worker.answer(cell, 1);
        if (answer === 'timeout') {
          worker.restart();
          return { type: 'timeout', id: cell.id };
        }
        onAnswer(answer);
        if (answer.type === 'reanalyzed') break;
      }
      return { type: 'done' };
    },
    restart() {
      worker.generation++;
    },
  };
  return worker;
}

function recorder() {
  const statuses = new Map<string, Status>();
  const drawn: string[] = [];
  const problems = new Map<string, string>();
  const observer: RunObserver = {
    status: (id, status) => void statuses.set(id, status),
    draw: async (id, result) => {
      drawn.push(`${id}: ${result.display.kind === 'text' ? result.display.text : result.display.kind}`);
      problems.delete(id);
    },
    problem: (id, problem) => void problems.set(id, problem.message),
    ran: () => {},
    lastRun: () => undefined,
    say: () => {},
  };
  return { observer, statuses, drawn, problems };
}

/** z → yhat → loss, and an unrelated cell; analysed, ready to run. */
async function lesson() {
  const cells = new Map<string, FakeCell>([
    ['z', code('z', ['z'])],
    ['yhat', code('yhat', ['yhat'], ['z'])],
    ['loss', code('loss', ['loss'], ['yhat'])],
    ['other', code('other', ['other'])],
  ]);
  const worker = fakeWorker(cells);
  const seen = recorder();
  const scheduler = new Scheduler(cells, worker, seen.observer);
  await scheduler.analyse([...cells.keys()]);
  return { cells, worker, scheduler, ...seen };
}

describe('Scheduler', () => {
  it('runs an edited cell and exactly the cells downstream of it, in graph order', async () => {
    const { scheduler, worker, drawn } = await lesson();
    await scheduler.schedule(scheduler.reach('yhat'));
    // A fresh worker lacks z, which yhat reads: it runs first, but is not redrawn.
    expect(worker.batches).toEqual([['z', 'yhat', 'loss']]);
    expect(drawn).toEqual(['yhat: /* yhat */', 'loss: /* loss */']);
  });

  it('runs upstream cells again only when the worker lost their values', async () => {
    const { scheduler, worker } = await lesson();
    await scheduler.schedule(scheduler.reach('yhat'));
    await scheduler.schedule(scheduler.reach('loss'));
    expect(worker.batches[1]).toEqual(['loss']);
    worker.restart();
    await scheduler.schedule(scheduler.reach('loss'));
    expect(worker.batches[2]).toEqual(['z', 'yhat', 'loss']);
  });

  it('drops the result of an older run when a newer one was asked for meanwhile', async () => {
    const { scheduler, cells, drawn } = await lesson();
    cells.get('z')!.code = 'first';
    const first = scheduler.schedule(scheduler.reach('z'));
    cells.get('z')!.code = 'second';
    const second = scheduler.schedule(scheduler.reach('z'));
    await Promise.all([first, second]);
    // The first batch ran with the code of its time but was no longer wanted: nothing of it drawn.
    expect(drawn.filter((line) => line.startsWith('z:'))).toEqual(['z: second']);
  });

  it('draws the first output of a run as it comes, and the others once the batch is over', async () => {
    const { scheduler, worker, drawn } = await lesson();
    const answer = worker.answer;
    const drawnBefore = new Map<string, string[]>();
    worker.answer = (cell, requestId) => {
      drawnBefore.set(cell.id, [...drawn]);
      return answer(cell, requestId);
    };
    await scheduler.schedule(scheduler.reach('z'));
    expect(drawnBefore.get('yhat')).toEqual(['z: /* z */']);
    expect(drawnBefore.get('loss')).toEqual(['z: /* z */']);
    expect(drawn).toEqual(['z: /* z */', 'yhat: /* yhat */', 'loss: /* loss */']);
  });

  it('does not draw an answer it held once a newer run of that cell was asked for', async () => {
    const { scheduler, worker, cells, drawn } = await lesson();
    const answer = worker.answer;
    let edited: Promise<void> | undefined;
    worker.answer = (cell, requestId) => {
      // yhat's answer is held (z's was the first output); the student edits yhat before it is shown.
      if (cell.id === 'loss' && !edited) {
        cells.get('yhat')!.code = 'newer';
        edited = scheduler.schedule(scheduler.reach('yhat'));
      }
      return answer(cell, requestId);
    };
    await scheduler.schedule(scheduler.reach('z'));
    await edited;
    expect(drawn.filter((line) => line.startsWith('yhat:'))).toEqual(['yhat: newer']);
  });

  it('holds a page update until the run shows its first output, or makes it at once when nothing runs', async () => {
    const { scheduler, worker, drawn } = await lesson();
    const seen: string[] = [];
    const answer = worker.answer;
    worker.answer = (cell, requestId) => {
      seen.push(`answer ${cell.id}`);
      return answer(cell, requestId);
    };
    // An edit's page update (runtime.ts: the notice under the cell, a nudged number).
    scheduler.defer(() => seen.push(`update, ${drawn.length} drawn`));
    await scheduler.schedule(scheduler.reach('z'));
    expect(seen).toEqual(['answer z', 'update, 0 drawn', 'answer yhat', 'answer loss']);
    expect(drawn[0]).toBe('z: /* z */');
    // An edit that runs nothing (its cell still has a problem) makes its held updates itself.
    scheduler.defer(() => seen.push('update of an edit that runs nothing'));
    expect(seen).toHaveLength(4);
    scheduler.showHeld();
    expect(seen.at(-1)).toBe('update of an edit that runs nothing');
  });

  it('stops a runaway cell, says so on it, makes its readers wait, and runs the rest in a fresh worker', async () => {
    const { scheduler, worker, problems, statuses, drawn } = await lesson();
    worker.answer = (cell, requestId) =>
      cell.id === 'yhat'
        ? 'timeout'
        : { type: 'result', requestId, id: cell.id, display: { kind: 'empty' }, logs: [], ms: 0 };
    await scheduler.schedule(['z', ...scheduler.reach('yhat'), 'other']);
    expect(problems.get('yhat')).toMatch(/ran longer than its budget of 2 s/);
    expect(problems.get('loss')).toBe('Waiting for cell yhat, which was stopped.');
    expect(statuses.get('loss')).toBe('error');
    // `other` did not read the runaway: it ran, in the new worker.
    expect(worker.generation).toBe(1);
    expect(drawn).toContain('other: empty');
  });

  it('unblocks the waiting readers once the stopped cell runs again', async () => {
    const { scheduler, worker, problems, statuses } = await lesson();
    const normal = worker.answer;
    worker.answer = (cell, requestId) => (cell.id === 'yhat' ? 'timeout' : normal(cell, requestId));
    await scheduler.schedule(scheduler.reach('yhat'));
    worker.answer = normal;
    // Rerunning z reaches the blocked loss too, though loss is not downstream of z alone here.
    await scheduler.schedule(scheduler.reach('z'));
    expect(statuses.get('loss')).toBe('idle');
    expect(problems.has('loss')).toBe(false);
  });

  it('rebuilds the graph when a cell stops defining a name, and reruns the cells that read it', async () => {
    const { scheduler, cells, worker, statuses } = await lesson();
    await scheduler.schedule(scheduler.reach('z'));
    // yhat is renamed: the worker finds other names than the graph assumed.
    cells.get('yhat')!.defines = ['yhat2'];
    const normal = worker.answer;
    worker.answer = (cell, requestId) =>
      cell.id === 'yhat' && cell.kind === 'code' && cell.expect?.defines.includes('yhat')
        ? { type: 'reanalyzed', requestId, id: 'yhat', analysis: { id: 'yhat', defines: ['yhat2'], references: ['z'] } }
        : normal(cell, requestId);
    await scheduler.schedule(scheduler.reach('yhat'));
    // Let the rerun the rebuild scheduled finish.
    await scheduler.schedule([]);
    expect(worker.batches.at(-1)).toContain('loss');
    expect(statuses.get('loss')).toBe('idle');
  });

  it('says when a cell reads a name defined twice, on both cells, and blocks them', async () => {
    const { scheduler, cells, problems } = await lesson();
    cells.get('other')!.defines = ['z'];
    await scheduler.analyse(['other']);
    expect(problems.get('z')).toMatch(/This cell defines 'z', which is defined in 2 cells/);
    expect(problems.get('other')).toMatch(/This cell defines 'z', which is defined in 2 cells/);
  });
});
