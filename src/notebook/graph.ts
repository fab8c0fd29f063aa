/**
 * The dependency graph of a lesson's cells: a cell depends on the cells that define the names
 * it reads. A name defined by two cells, or a cycle, is an error on the cells involved; the
 * other cells keep their edges and run.
 */

export interface GraphCell {
  id: string;
  defines: readonly string[];
  references: readonly string[];
}

export interface CellGraph {
  /** Every runnable cell, upstream before downstream (document order among equals). */
  order: string[];
  /** The cell that defines each name. */
  definedBy: Map<string, string>;
  /** For each cell, the cells it reads from. */
  inputs: Map<string, string[]>;
  /** For each cell, the cells that read from it. */
  outputs: Map<string, string[]>;
  /** Cells that cannot run, with the reason. */
  errors: Map<string, string>;
}

/** Builds the graph; `cells` are in document order. */
export function buildGraph(cells: readonly GraphCell[]): CellGraph {
  const errors = new Map<string, string>();
  const definers = new Map<string, string[]>();
  for (const cell of cells) {
    for (const name of cell.defines) definers.set(name, [...(definers.get(name) ?? []), cell.id]);
  }
  const definedBy = new Map<string, string>();
  for (const [name, ids] of definers) {
    if (ids.length === 1) definedBy.set(name, ids[0]!);
    else
      for (const id of ids)
        errors.set(
          id,
          `defines ${quote(name)}, which is defined in ${ids.length} cells (${ids.map(quote).join(', ')}): a name may be defined in one cell only`,
        );
  }

  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>(cells.map((cell) => [cell.id, []]));
  for (const cell of cells) {
    const from = new Set<string>();
    for (const name of cell.references) {
      const definer = definedBy.get(name);
      if (definer !== undefined && definer !== cell.id) from.add(definer);
      // A name defined twice: the reader cannot know which one it gets.
      const ambiguous = definers.get(name);
      if (ambiguous && ambiguous.length > 1 && !errors.has(cell.id))
        errors.set(cell.id, `reads ${quote(name)}, which is defined in more than one cell`);
    }
    inputs.set(cell.id, [...from]);
    for (const id of from) outputs.get(id)?.push(cell.id);
  }

  // Kahn's algorithm, taking ready cells in document order; what is left sits on a cycle or
  // downstream of one.
  const position = new Map(cells.map((cell, index) => [cell.id, index]));
  const pending = new Map(cells.map((cell) => [cell.id, inputs.get(cell.id)!.length]));
  const ready = cells.filter((cell) => pending.get(cell.id) === 0).map((cell) => cell.id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const next of outputs.get(id) ?? []) {
      const count = pending.get(next)! - 1;
      pending.set(next, count);
      if (count === 0) ready.push(next);
    }
  }
  const stuck = cells.map((cell) => cell.id).filter((id) => !order.includes(id));
  for (const id of findCycleMembers(stuck, inputs))
    errors.set(id, `is part of a cycle: ${describeCycle(id, inputs, new Set(stuck))}`);
  for (const id of stuck) if (!errors.has(id)) errors.set(id, 'depends on a cell in a cycle');

  // Errors propagate: a cell whose input cannot run cannot run either.
  const runnable = order.filter((id) => !errors.has(id));
  const blocked = new Set(errors.keys());
  const finalOrder: string[] = [];
  for (const id of runnable) {
    const badInput = inputs.get(id)!.find((input) => blocked.has(input));
    if (badInput !== undefined) {
      errors.set(id, `depends on cell ${quote(badInput)}, which has an error`);
      blocked.add(id);
    } else finalOrder.push(id);
  }
  return { order: finalOrder, definedBy, inputs, outputs, errors };
}

/** A name or a cell's id as a message quotes it, so it reads apart from the words around it. */
const quote = (name: string) => `'${name}'`;

/** Cells among `stuck` that lie on a cycle (they can reach themselves). */
function findCycleMembers(stuck: string[], inputs: Map<string, string[]>): string[] {
  const inStuck = new Set(stuck);
  return stuck.filter((start) => {
    const seen = new Set<string>();
    const queue = [...(inputs.get(start) ?? [])].filter((id) => inStuck.has(id));
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (id === start) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(inputs.get(id) ?? []).filter((next) => inStuck.has(next)));
    }
    return false;
  });
}

/** The shortest cycle through `start`, as `a ← b ← a` (a reads b, b reads a). */
function describeCycle(start: string, inputs: Map<string, string[]>, allowed: Set<string>): string {
  // Breadth-first search along inputs, remembering how each cell was reached.
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of inputs.get(current) ?? []) {
      if (!allowed.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = current; at !== undefined && at !== start; at = cameFrom.get(at))
          path.push(at);
        // path is start, then the chain back towards start: reverse the middle to read forwards.
        return [start, ...path.slice(1).reverse(), start].join(' ← ');
      }
      if (!cameFrom.has(next) && next !== start) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return start;
}

/** The cell and everything downstream of it, in run order. */
export function downstream(graph: CellGraph, id: string): string[] {
  const reached = new Set([id]);
  for (const cell of graph.order) {
    if ((graph.inputs.get(cell) ?? []).some((input) => reached.has(input))) reached.add(cell);
  }
  return graph.order.filter((cell) => reached.has(cell));
}

/** Everything the cell reads from, directly or not, in run order (the cell excluded). */
export function upstream(graph: CellGraph, id: string): string[] {
  const needed = new Set<string>();
  const queue = [...(graph.inputs.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (needed.has(next)) continue;
    needed.add(next);
    queue.push(...(graph.inputs.get(next) ?? []));
  }
  return graph.order.filter((cell) => needed.has(cell));
}
