import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { analyzeProgram, patternNames } from '../../src/notebook/analyze';

type ProgramNode = Parameters<typeof analyzeProgram>[0];
type PatternNode = Parameters<typeof patternNames>[0];

// The options compile.ts parses cells with.
const parseCell = (code: string) =>
  parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, locations: true });

const analyze = (code: string) => analyzeProgram(parseCell(code) as unknown as ProgramNode);

/** The binding pattern of `const PATTERN = value`. */
function declaredPattern(pattern: string): PatternNode {
  const statement = parseCell(`const ${pattern} = value`).body[0];
  if (statement?.type !== 'VariableDeclaration') throw new Error('expected a declaration');
  return statement.declarations[0]!.id as unknown as PatternNode;
}

describe('patternNames', () => {
  it.each([
    // A plain identifier.
    ['a', ['a']],
    // Array destructuring with a hole, a default and a rest element.
    ['[x, , y = 1, ...zs]', ['x', 'y', 'zs']],
    // Object destructuring: renamed keys bind the value side, nested patterns, rest.
    ['{ a, b: renamed, c: [d], ...rest }', ['a', 'renamed', 'd', 'rest']],
    // A default value's expression declares nothing.
    ['{ a = other }', ['a']],
  ])('finds the names bound by %s', (pattern, names) => {
    expect(patternNames(declaredPattern(pattern))).toEqual(names);
  });

  it('returns an empty list for a missing pattern', () => {
    expect(patternNames(null)).toEqual([]);
  });
});

describe('top-level defines', () => {
  it.each([
    // const, let and var, several declarators.
    ['const a = 1, b = 2\nlet c\nvar d = 3', ['a', 'b', 'c', 'd']],
    // Object destructuring with rename, nesting, default and rest.
    ['const { w, b: bias, shape: [rows], lr = 0.1, ...others } = net', ['w', 'bias', 'rows', 'lr', 'others']],
    // Array destructuring with a hole, a default and a rest.
    ['const [first, , third = 0, ...tail] = xs', ['first', 'third', 'tail']],
    // Function declarations.
    ['function relu(z) { return Math.max(0, z) }', ['relu']],
    // Class declarations.
    ['class Layer {}', ['Layer']],
    // A named function expression defines only the variable, not its inner name.
    ['const f = function inner() {}', ['f']],
    // Declarations inside a block are not top level.
    ['if (ready) { const hidden = 1 }', []],
    // Declarations inside a function are not top level.
    ['function g() { const local = 1 }', ['g']],
    // A bare expression defines nothing.
    ['softmax(z)', []],
  ])('defines in %j are %j', (code, defines) => {
    expect(analyze(code).defines).toEqual(defines);
  });
});

describe('references', () => {
  it.each([
    // Function parameters of every shape are locals; only the outer `e` is free.
    ['function f(a, { b }, [c], ...d) { return a + b + c + d + e }', ['e']],
    // An arrow parameter is local: `z` is not read from another cell.
    ['const g = (z) => z * 2', []],
    // An arrow parameter shadows a course function of the same name.
    ['const h = (softmax) => softmax(1)', []],
    // Without the parameter, the course function is a reference.
    ['const h = (x) => softmax(x)', ['softmax']],
    // A default parameter value reads the outer scope.
    ['function f(rate = defaultRate) { return rate }', ['defaultRate']],
    // A block-scoped let is local to its block.
    ['{ let t = 1; t + 1 }', []],
    // ...and is free again after the block ends.
    ['{ let t = 1 }\nt', ['t']],
    // for-of loop variable.
    ['for (const v of values) total(v)', ['values', 'total']],
    // for-in loop variable.
    ['for (const key in record) key', ['record']],
    // Classic for loop with let.
    ['for (let i = 0; i < n; i++) i', ['n']],
    // Catch parameter.
    ['try { risky() } catch (err) { err }', ['risky']],
    // Destructured catch parameter.
    ['try {} catch ({ message }) { message }', []],
    // A class refers to itself by name without a reference; its superclass is read.
    ['class A extends Base { clone() { return new A() } }', ['Base']],
    // A class expression's own name is local to it.
    ['const C = class K { make() { return new K() } }', []],
    // Object keys and non-computed member properties are not references.
    ['const o = { key: v }\no.prop', ['v']],
    // Computed member properties are references.
    ['weights[index]', ['weights', 'index']],
    // Computed keys are references.
    ['const o = { [name]: 1 }', ['name']],
    // Shorthand properties read the variable of the same name.
    ['const o = { a }', ['a']],
    // Plain assignment touches the assigned name.
    ['x = 1', ['x']],
    // Assignment to a member reads the object.
    ['model.rate = r', ['model', 'r']],
    // Class fields: keys are not references, initialisers are.
    ['class P { field = y; static s = z; #p = 1; m() { return this.#p } }', ['y', 'z']],
    // Labels on break and continue are not references.
    ['outer: for (const x of xs) { for (;;) { if (x) continue outer; break outer } }', ['xs']],
    // Optional chaining with a computed step.
    ['net?.layers?.[k]', ['net', 'k']],
    // Template literals.
    ['`loss ${loss}`', ['loss']],
    // Each name once, in first-use order.
    ['b + a + b', ['b', 'a']],
    // Names defined at the top of the cell are not references.
    ['const z = [1, 2]\nsoftmax(z)', ['softmax']],
  ])('%j references %j', (code, references) => {
    expect(analyze(code).references).toEqual(references);
  });
});

describe('top-level await', () => {
  it.each([
    // An await statement at top level.
    ['await ready', true],
    // An await inside an initialiser.
    ['const data = await load()', true],
    // An await inside a top-level block is still top level.
    ['{ await ready }', true],
    // Inside an async function it is not top level.
    ['async function g() { await ready }', false],
    // Inside an async arrow it is not top level.
    ['const h = async () => await ready', false],
    // No await at all.
    ['1 + 1', false],
  ])('%j has top-level await: %s', (code, topLevelAwait) => {
    expect(analyze(code).topLevelAwait).toBe(topLevelAwait);
  });

  // Fixed (was a bug): `for await` is an await at top level too, but it is a ForOfStatement with
  // `await: true`, not an AwaitExpression, so analyze.ts reports false. runCells then fails
  // with V8's "Unexpected reserved word" instead of its "top-level await" message, and the
  // browser would compile the cell as a non-async function.
  it('detects `for await` at top level', () => {
    expect(analyze('for await (const x of stream) {}').topLevelAwait).toBe(true);
  });
});
