/**
 * What the cell editor reads of a cell's code without running it: the names the cell declares,
 * the names it reads that nothing declares, and the call the caret is in. Read from CodeMirror's
 * syntax tree (Lezer), already in the editor's bundle, so it costs no parser of its own. It is
 * a cheap approximation of analyze.ts (no scopes: a name declared anywhere in the cell counts),
 * good enough to underline a typo, never used to decide what runs.
 */
import type { Tree } from '@lezer/common';

/** One use of a name no one declares: where it is, for the underline. */
export interface UnknownUse {
  name: string;
  from: number;
  to: number;
}

/** The names the code declares anywhere (variables, parameters, functions, classes). */
export function declaredNames(tree: Tree, code: string): Set<string> {
  const names = new Set<string>();
  tree.iterate({
    enter: (node) => {
      if (node.name === 'VariableDefinition') names.add(code.slice(node.from, node.to));
    },
  });
  return names;
}

/**
 * Every read of a name that neither the code declares nor `known` holds, in order. `{ q }` in
 * an object reads `q`; a property after a dot and a type annotation read nothing.
 */
export function unknownUses(tree: Tree, code: string, known: (name: string) => boolean): UnknownUse[] {
  const declared = declaredNames(tree, code);
  const uses: UnknownUse[] = [];
  tree.iterate({
    enter: (node) => {
      const shorthand =
        node.name === 'PropertyDefinition' && node.node.parent?.name === 'Property' && node.node.parent.to === node.to;
      if (node.name !== 'VariableName' && !shorthand) return;
      const name = code.slice(node.from, node.to);
      if (!declared.has(name) && !known(name)) uses.push({ name, from: node.from, to: node.to });
    },
  });
  return uses;
}

/** The call whose parentheses hold the caret: `softmax(` or `Math.exp(`, and which argument the caret is in. */
export interface CallAtCaret {
  /** The object before the dot, for a method (`Math` in `Math.exp(`). */
  owner?: string;
  name: string;
  /** Where the opening parenthesis is. */
  open: number;
  /** Zero-based: the number of top-level commas between the parenthesis and the caret. */
  argument: number;
}

/** How far back the caret's call is looked for: a call longer than this gets no parameter hint. */
const LOOK_BACK = 2000;

/**
 * The innermost unclosed call before `caret`, read backwards through brackets and strings
 * (not comments: a parenthesis in a comment may fool it, which only misplaces a hint).
 */
export function callAtCaret(code: string, caret: number): CallAtCaret | undefined {
  let depth = 0;
  let commas = 0;
  const stop = Math.max(0, caret - LOOK_BACK);
  for (let at = caret - 1; at >= stop; at--) {
    const char = code[at]!;
    if (char === '"' || char === "'" || char === '`') {
      // Skip back over the string to its opening quote.
      at = code.lastIndexOf(char, at - 1);
      if (at < 0) return undefined;
    } else if (char === ')' || char === ']' || char === '}') depth++;
    else if (char === '[' || char === '{') {
      if (depth === 0) return undefined;
      depth--;
    } else if (char === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const before = /(?:([A-Za-z_$][\w$]*)\s*\.\s*)?([A-Za-z_$][\w$]*)\s*$/.exec(
        code.slice(Math.max(0, at - 200), at),
      );
      if (!before) return undefined;
      return { ...(before[1] ? { owner: before[1] } : {}), name: before[2]!, open: at, argument: commas };
    } else if (char === ',' && depth === 0) commas++;
    else if (char === ';' && depth === 0) return undefined;
  }
  return undefined;
}
