/**
 * Messages for names the answer does not know, with the most likely intended reading: a product
 * typed without an operator (`xy` for x*y), a different case (`Y` for y), a misspelt function.
 */
import { closestName } from './closest';
import { FUNCTION_LIST, FUNCTIONS } from './vocabulary';

export interface UnknownName {
  /** As typed, for the message. */
  readonly text: string;
  /** Canonical (`y_hat` is `yhat`), for matching. */
  readonly name: string;
  /** Whether a bracket follows, i.e. it was used as a function. */
  readonly calledAsFunction: boolean;
}

export function unknownNameMessage(unknown: UnknownName, variables: readonly string[]): string {
  const quoted = `'${unknown.text}'`;
  const sameLetters = variables.find((variable) => variable.toLowerCase() === unknown.name.toLowerCase());
  if (sameLetters !== undefined)
    return `unknown name ${quoted} — names are case-sensitive: did you mean '${sameLetters}'?`;

  if (unknown.calledAsFunction) {
    const product =
      splitBeforeFunction(unknown.name, variables) ?? withGroup(splitIntoVariables(unknown.name, variables));
    if (product !== undefined) return `unknown function ${quoted} — for a product write ${product}`;
    const close = closestFunction(unknown.name);
    const guess = close === undefined ? '' : ` did you mean ${close}?`;
    return `unknown function ${quoted} —${guess} available: ${FUNCTION_LIST}`;
  }

  const parts = splitIntoVariables(unknown.name, variables);
  if (parts !== undefined) return `unknown variable ${quoted} — for a product write ${parts.join('*')}`;
  if (variables.length === 0)
    return `unknown name ${quoted} — this answer is a number: use numbers, e, pi and functions such as exp(…)`;
  return `unknown variable ${quoted} — this answer uses: ${variables.join(', ')}`;
}

const withGroup = (parts: string[] | undefined) => (parts === undefined ? undefined : `${parts.join('*')}*(…)`);

/**
 * The fewest declared variables whose names, written one after another, make up `name`
 * (`yhaty` is yhat·y); undefined when there is no such split into two or more.
 */
function splitIntoVariables(name: string, variables: readonly string[]): string[] | undefined {
  // best[i]: the shortest split of name.slice(0, i), by dynamic programming over prefixes.
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= name.length; end++) {
    for (const variable of variables) {
      const start = end - variable.length;
      const before = start >= 0 ? best[start] : undefined;
      if (before === undefined || name.slice(start, end) !== variable) continue;
      const candidate = [...before, variable];
      const current = best[end];
      if (current === undefined || candidate.length < current.length) best[end] = candidate;
    }
  }
  const parts = best[name.length];
  return parts !== undefined && parts.length >= 2 ? parts : undefined;
}

/** `xexp` called on something is x·exp(…) when the start splits into variables. */
function splitBeforeFunction(name: string, variables: readonly string[]): string | undefined {
  for (const fn of Object.keys(FUNCTIONS)) {
    if (!name.endsWith(fn) || name.length === fn.length) continue;
    const prefix = name.slice(0, -fn.length);
    const parts = variables.includes(prefix) ? [prefix] : splitIntoVariables(prefix, variables);
    if (parts !== undefined) return `${parts.join('*')}*${fn}(…)`;
  }
  return undefined;
}

/** A function within two edits of what was typed (`sigm`, `sigmod`, `tahn`). */
function closestFunction(name: string): string | undefined {
  return closestName(name.toLowerCase(), Object.keys(FUNCTIONS));
}
