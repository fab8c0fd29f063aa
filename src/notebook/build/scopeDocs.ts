/**
 * What the cell editor knows of the names every cell has in scope (prelude.ts): each export of
 * `src/ml`, `tex`, `Plot` and `Math`, with its signature and the first sentence of its JSDoc,
 * and the members of the objects among them (`Math.exp`, `Plot.line`, `sigmoid.fn`). It runs at
 * build time with TypeScript's compiler API (a Vite plugin, scopeDocsPlugin.ts, hands the
 * result to the editor as JSON); none of it reaches the browser but that JSON.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One name the editor can complete, explain on hover and, for a function, show the parameters of. */
export interface ScopeDoc {
  name: string;
  /** `softmax(z: readonly number[]): number[]`, `ELU_ALPHA: 1`. */
  signature: string;
  /** The first sentence of the name's JSDoc ('' when it has none: the unit test forbids that in src/ml). */
  doc: string;
  /** A function's parameters as written in the signature; absent for a value. */
  params?: string[];
}

export interface ScopeDocs {
  /** The names in scope, sorted. */
  names: ScopeDoc[];
  /** For the names that are objects, their members: `Math` → `exp`, `PI`, …. */
  members: Record<string, ScopeDoc[]>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Plot functions a cell is offered: the marks the lessons draw with and their near kin. */
export const PLOT_MEMBERS = [
  'plot',
  'dot',
  'line',
  'lineX',
  'lineY',
  'text',
  'ruleX',
  'ruleY',
  'link',
  'arrow',
  'barX',
  'barY',
  'areaX',
  'areaY',
  'cell',
  'rect',
  'tickX',
  'tickY',
  'frame',
  'gridX',
  'gridY',
  'axisX',
  'axisY',
  'tip',
] as const;

/** A member list longer than this is an API of its own, not worth listing (Math has 44). */
const MAX_MEMBERS = 60;

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;

/**
 * The first sentence of a JSDoc text, as plain text: up to a full stop followed by a space or
 * the end ("e.g." and "i.e." do not end it), without Markdown's emphasis (Plot's docs use it).
 */
export function firstSentence(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/\*{1,2}([^*\s][^*]*?)\*{1,2}/g, '$1')
    .trim();
  const end = /(?<!\b(?:e\.g|i\.e))[.!?](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

/** A type as a student reads it: `Matrix`, not `import("./matrix").Matrix`. */
const plain = (type: string) => type.replace(/import\("[^"]*"\)\./g, '');

export function extractScopeDocs(): ScopeDocs {
  const ml = resolve(root, 'src/ml/index.ts');
  const describe = resolve(root, 'src/notebook/describe.ts');
  const plot = resolve(root, 'node_modules/@observablehq/plot/src/index.d.ts');
  const program = ts.createProgram([ml, describe, plot], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exportsOf = (file: string) => {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`scopeDocs: cannot read the exports of ${file}`);
    return checker.getExportsOfModule(symbol);
  };
  const resolveAlias = (symbol: ts.Symbol) =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

  const docOf = (symbol: ts.Symbol, name: string, at: ts.Node): ScopeDoc => {
    const target = resolveAlias(symbol);
    const type = checker.getTypeOfSymbolAtLocation(target, at);
    // A member of a record (`activations.relu`) has no doc of its own: its type's says what it is.
    const doc = firstSentence(docText(target, checker) || docText(type.aliasSymbol ?? type.getSymbol(), checker));
    const calls = type.getCallSignatures();
    const isFunction = calls.length > 0 && type.getProperties().length === 0;
    if (!isFunction || !(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Method | ts.SymbolFlags.Property)))
      return { name, signature: `${name}: ${plain(checker.typeToString(type, at, FORMAT))}`, doc };
    // Overloads (Plot's marks have several): the most general one, which comes last.
    const call = calls[calls.length - 1]!;
    const params = call.getParameters().map((parameter) => {
      const declaration = parameter.valueDeclaration as ts.ParameterDeclaration | undefined;
      const rest = declaration?.dotDotDotToken ? '...' : '';
      const optional = declaration && (declaration.questionToken || declaration.initializer) ? '?' : '';
      let parameterType = plain(checker.typeToString(checker.getTypeOfSymbolAtLocation(parameter, at), at, FORMAT));
      // `data?: Data` says what `data?: Data | undefined` does.
      if (optional) parameterType = parameterType.replace(/ \| undefined$/, '');
      return `${rest}${parameter.name}${optional}: ${parameterType}`;
    });
    const returns = plain(checker.typeToString(call.getReturnType(), at, FORMAT));
    return { name, signature: `${name}(${params.join(', ')}): ${returns}`, doc, params };
  };

  const membersOf = (owner: ts.Symbol, at: ts.Node, only?: readonly string[]): ScopeDoc[] | undefined => {
    const type = checker.getTypeOfSymbolAtLocation(resolveAlias(owner), at);
    // Numbers and arrays have the members every number and array has: nothing of the course's.
    if (!(type.flags & ts.TypeFlags.Object) || checker.isArrayLikeType(type) || type.getCallSignatures().length > 0)
      return undefined;
    const properties = type.getProperties().filter((p) => !p.name.startsWith('__') && (!only || only.includes(p.name)));
    if (properties.length === 0 || properties.length > MAX_MEMBERS) return undefined;
    return properties.map((p) => docOf(p, p.name, at)).sort(byName);
  };

  const names: ScopeDoc[] = [];
  const members: Record<string, ScopeDoc[]> = {};
  const mlSource = program.getSourceFile(ml)!;
  for (const symbol of exportsOf(ml)) {
    // Types (Matrix, Activation) are not values a cell can use.
    if (!(resolveAlias(symbol).flags & ts.SymbolFlags.Value)) continue;
    names.push(docOf(symbol, symbol.name, mlSource));
    const own = membersOf(symbol, mlSource);
    if (own) members[symbol.name] = own;
  }

  const describeSource = program.getSourceFile(describe)!;
  const tex = exportsOf(describe).find((symbol) => symbol.name === 'tex');
  if (!tex) throw new Error('scopeDocs: describe.ts no longer exports tex');
  names.push(docOf(tex, 'tex', describeSource));

  const plotSource = program.getSourceFile(plot)!;
  const plotExports = exportsOf(plot);
  names.push({
    name: 'Plot',
    signature: 'Plot: Observable Plot',
    doc: 'Observable Plot: Plot.plot({ marks }) draws a figure.',
  });
  members['Plot'] = plotExports
    .filter((symbol) => (PLOT_MEMBERS as readonly string[]).includes(symbol.name))
    .map((symbol) => docOf(symbol, symbol.name, plotSource))
    .sort(byName);

  const math = checker.resolveName('Math', undefined, ts.SymbolFlags.Value, false);
  if (!math) throw new Error('scopeDocs: no Math in the TypeScript library');
  names.push({ name: 'Math', signature: 'Math: Math', doc: firstSentence(docText(math, checker)) });
  members['Math'] = membersOf(math, mlSource)!;

  return { names: names.sort(byName), members };
}

const byName = (a: ScopeDoc, b: ScopeDoc) => a.name.localeCompare(b.name);

/** A symbol's doc, from whichever of its declarations has one (Math's is on its `var`). */
function docText(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): string {
  return symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)) : '';
}
