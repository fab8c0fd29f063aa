import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative, evaluate, parseExpression, type Environment, type Expr } from '../../src/exercises/expression';
import { FUNCTIONS, type FunctionName } from '../../src/exercises/expression/vocabulary';

const read = (input: string, variables = ['x', 'y']): Expr => {
  const result = parseExpression(input, { variables });
  if (!result.ok) throw new Error(`${input}: ${result.error.message}`);
  return result.ast;
};

const d = (input: string, variable = 'x') => derivative(read(input), variable);

/** How many nodes a tree has: the derivative should stay about as small as one written by hand. */
function size(e: Expr): number {
  switch (e.kind) {
    case 'unary':
      return 1 + size(e.operand);
    case 'binary':
      return 1 + size(e.left) + size(e.right);
    case 'call':
      return 1 + e.args.reduce((total, arg) => total + size(arg), 0);
    default:
      return 1;
  }
}

/** The centred difference of f at x, refined by Richardson extrapolation: error O(h⁴). */
function centred(f: (x: number) => number, x: number, h = 1e-3): number {
  const wide = (f(x + h) - f(x - h)) / (2 * h);
  const narrow = (f(x + h / 2) - f(x - h / 2)) / h;
  return (4 * narrow - wide) / 3;
}

const close = (a: number, b: number, tolerance = 1e-7) =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

describe('derivative: exact small cases', () => {
  // Each derivative against the hand-written one, at points where both are defined.
  it.each([
    ['sigma(x)', 'sigma(x) * (1 - sigma(x))', [-4, -0.7, 0, 0.7, 4]],
    ['tanh(x)', '1 - tanh(x)^2', [-3, -0.2, 0, 1.5]],
    ['exp(2x)', '2 exp(2x)', [-1, 0, 1]],
    ['log(x)', '1/x', [0.1, 1, 7]],
    ['ln(3x)', '1/x', [0.1, 2]],
    ['sqrt(x)', '1 / (2 sqrt(x))', [0.25, 4]],
    ['x^3', '3x^2', [-2, 0, 1.5]],
    ['x^-1', '-1/x^2', [-2, 0.5]],
    ['2^x', '2^x ln(2)', [-1, 0, 3]],
    ['x^x', 'x^x (ln(x) + 1)', [0.5, 2]],
    ['sin(x) cos(x)', 'cos(x)^2 - sin(x)^2', [0, 1, 2]],
    ['x y + y^2', 'y', [-1, 2]],
    ['1 / (1 + exp(-x))', 'exp(-x) / (1 + exp(-x))^2', [-2, 0, 2]],
    ['abs(x)', '1', [0.5, 3]],
    ['abs(x)', '-1', [-0.5, -3]],
    ['relu(x)', '1', [0.5, 3]],
    ['relu(x)', '0', [-0.5, -3]],
    ['max(x, 2x, 1)', '2', [0.6, 3]], // 2x is the largest
    ['max(x, 2x, 1)', '0', [-1, 0.4]], // 1 is
    ['min(x, -x)', '-1', [0.5]],
    ['min(x, -x)', '1', [-0.5]],
    ['e x + pi', 'e', [1]],
    ['y', '0', [1]],
    ['7', '0', [1]],
  ] as const)('d/dx %s = %s', (input, expected, points) => {
    const derived = d(input);
    const reference = read(expected);
    for (const x of points) {
      const env = { x, y: 0.3 };
      expect(
        close(evaluate(derived, env), evaluate(reference, env)),
        `at x = ${x}: ${evaluate(derived, env)} against ${evaluate(reference, env)}`,
      ).toBe(true);
    }
  });

  it('reads d/dz σ(z) as σ(z)(1 − σ(z)), to the last digit', () => {
    const derived = derivative(read('sigma(z)', ['z']), 'z');
    for (const z of [-3, -0.7, 0, 0.7, 3]) {
      const s = 1 / (1 + Math.exp(-z));
      expect(evaluate(derived, { z })).toBeCloseTo(s * (1 - s), 15);
    }
  });

  it('is undefined exactly at a kink, so a sample point there is skipped', () => {
    expect(evaluate(d('abs(x)'), { x: 0 })).toBeNaN();
    expect(evaluate(d('relu(x)'), { x: 0 })).toBeNaN();
    expect(evaluate(d('max(x, 1)'), { x: 1 })).toBeNaN();
    expect(evaluate(d('min(x, -x)'), { x: 0 })).toBeNaN();
    // A kink the variable does not move is no kink: the derivative is 0 there too.
    expect(evaluate(d('abs(y) + x'), { x: 1, y: 0 })).toBe(1);
  });

  it('keeps x^2 defined at x < 0 (no logarithm for a constant exponent)', () => {
    expect(evaluate(d('x^2'), { x: -3 })).toBe(-6);
    expect(evaluate(d('(x^2 + 1)^(1/2)'), { x: -1 })).toBeCloseTo(-1 / Math.SQRT2, 15);
  });

  it.each([
    ['3x + 2', 1],
    ['x^2', 3],
    ['y', 1],
    ['x', 1],
    ['6x - 2', 1],
  ])('folds what is known: d/dx %s has %i node(s)', (input, nodes) => {
    expect(size(d(input))).toBe(nodes);
  });

  it('stays about as large as a derivative written by hand', () => {
    expect(size(d('sigma(x)'))).toBe(size(read('sigma(x) (1 - sigma(x))')));
    const loss = read('-(y log(sigma(x)) + (1 - y) log(1 - sigma(x)))');
    expect(size(derivative(loss, 'x'))).toBeLessThanOrEqual(2 * size(loss));
  });
});

/** Each function of the language with the points it is smooth at, as f(a·x + b) for a chain rule. */
const FUNCTION_CASES: Record<FunctionName, { input: string; x: fc.Arbitrary<number> }> = {
  exp: { input: 'exp(1.3x - 0.2)', x: fc.double({ min: -3, max: 3, noNaN: true }) },
  log: { input: 'log(2x + 0.5)', x: fc.double({ min: 0.1, max: 5, noNaN: true }) },
  ln: { input: 'ln(x^2 + 1)', x: fc.double({ min: -5, max: 5, noNaN: true }) },
  sqrt: { input: 'sqrt(3x + 1)', x: fc.double({ min: 0.1, max: 5, noNaN: true }) },
  abs: {
    input: 'abs(2x - 1)',
    x: fc.oneof(fc.double({ min: -3, max: 0.45, noNaN: true }), fc.double({ min: 0.55, max: 3, noNaN: true })),
  },
  sigma: { input: 'sigma(1.7x + 0.3)', x: fc.double({ min: -4, max: 4, noNaN: true }) },
  tanh: { input: 'tanh(0.8x - 0.5)', x: fc.double({ min: -4, max: 4, noNaN: true }) },
  sin: { input: 'sin(2x + 1)', x: fc.double({ min: -4, max: 4, noNaN: true }) },
  cos: { input: 'cos(x^2)', x: fc.double({ min: -2, max: 2, noNaN: true }) },
  relu: {
    input: 'relu(1 - 3x)',
    x: fc.oneof(fc.double({ min: -3, max: 0.3, noNaN: true }), fc.double({ min: 0.37, max: 3, noNaN: true })),
  },
  max: { input: 'max(x, 1 - x, 0.2x^2)', x: fc.double({ min: -3, max: 3, noNaN: true }) },
  min: { input: 'min(x, 1 - x, 0.2x^2)', x: fc.double({ min: -3, max: 3, noNaN: true }) },
};

/**
 * Whether f is smooth on [x − h, x + h]: finite there, every part of it too (2/x may be ∞ where
 * (2/x)^(−1) is 0: a domain edge), its two centred differences agree (no pole), and no kink inside: the argument of every abs and relu keeps its sign, and the same
 * argument of every max and min is strictly the largest (smallest) all along.
 */
function smoothAt(ast: Expr, env: Environment, variable: string, h = 1e-3): boolean {
  const x = env[variable]!;
  const at = (t: number) => ({ ...env, [variable]: t });
  const stencil = [-h, -h / 2, 0, h / 2, h].map((dx) => at(x + dx));
  const values = stencil.map((point) => evaluate(ast, point));
  if (!values.every((value) => Number.isFinite(value) && Math.abs(value) < 1e6)) return false;
  if (!stencil.every((point) => partsFinite(ast, point))) return false;
  const wide = (values[4]! - values[0]!) / (2 * h);
  const narrow = (values[3]! - values[1]!) / h;
  if (Math.abs(wide - narrow) > 1e-3 * Math.max(1, Math.abs(narrow))) return false;
  return kinkProbes(ast).every((probe) => {
    const seen = stencil.map(probe);
    return seen.every((value) => value === seen[0] && !Number.isNaN(value));
  });
}

function partsFinite(e: Expr, env: Environment): boolean {
  if (!Number.isFinite(evaluate(e, env))) return false;
  switch (e.kind) {
    case 'unary':
      return partsFinite(e.operand, env);
    case 'binary':
      return partsFinite(e.left, env) && partsFinite(e.right, env);
    case 'call':
      return e.args.every((arg) => partsFinite(arg, env));
    default:
      return true;
  }
}

const wholeFromOne = (p: number) => Number.isInteger(p) && p >= 1;

/**
 * For each abs, relu, max and min: which side of its kink a point is on (NaN: on it); for each power
 * and square root, NaN where its base is 0.
 */
function kinkProbes(e: Expr): ((env: Environment) => number)[] {
  switch (e.kind) {
    case 'unary':
      return kinkProbes(e.operand);
    case 'binary': {
      const inner = [...kinkProbes(e.left), ...kinkProbes(e.right)];
      // A power whose base is 0 is at the edge of its domain, unless the exponent is a whole number
      // of at least 1: relu(x)^0.5 is 0 all along x < 0, yet its exact derivative there is
      // 0.5 · 0^(−0.5) · 0 = ∞ · 0.
      if (e.op === '^')
        inner.push((env) => (evaluate(e.left, env) !== 0 || wholeFromOne(evaluate(e.right, env)) ? 1 : NaN));
      return inner;
    }
    case 'call': {
      const inner = e.args.flatMap(kinkProbes);
      // The same for a square root of 0: its derivative is 0 / (2 · 0).
      if (e.fn === 'sqrt') inner.push((env) => (evaluate(e.args[0]!, env) !== 0 ? 1 : NaN));
      if (e.fn === 'abs' || e.fn === 'relu')
        return [...inner, (env) => Math.sign(evaluate(e.args[0]!, env)) || Number.NaN];
      if (e.fn === 'max' || e.fn === 'min') {
        return [
          ...inner,
          // The rule is recursive, max(a, max(b, c)): a tie at any level is a kink of the exact
          // derivative, even at a level the outer one does not take (0 · NaN is NaN), as in
          // max(x², x, x). The probe is which side each level is on.
          (env) => {
            const values = e.args.map((arg) => evaluate(arg, env));
            const pick = e.fn === 'max' ? Math.max : Math.min;
            let sides = 0;
            for (let k = 0; k < values.length - 1; k++) {
              const rest = pick(...values.slice(k + 1));
              const gap = values[k]! - rest;
              if (Math.abs(gap) <= 1e-12 * Math.max(1, Math.abs(rest))) return Number.NaN;
              sides = sides * 2 + (gap > 0 ? 1 : 0);
            }
            return sides;
          },
        ];
      }
      return inner;
    }
    default:
      return [];
  }
}

describe('derivative: against centred differences', () => {
  it('has a case here for every function of the language', () => {
    expect(Object.keys(FUNCTION_CASES).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  it.each(Object.entries(FUNCTION_CASES))('differentiates %s', (_fn, { input, x }) => {
    const ast = read(input);
    const derived = derivative(ast, 'x');
    const f = (t: number) => evaluate(ast, { x: t });
    fc.assert(
      fc.property(x, (x0) => {
        fc.pre(smoothAt(ast, { x: x0 }, 'x'));
        expect(close(evaluate(derived, { x: x0 }), centred(f, x0), 1e-6), `at x = ${x0}`).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  /**
   * Random expressions in x and y over every operator and function. Powers come in the three
   * forms the rules tell apart, each where it is defined: a constant exponent, a constant base,
   * and both varying with a base kept positive.
   */
  const names = Object.keys(FUNCTIONS) as FunctionName[];
  const { expr } = fc.letrec<{ expr: string; leaf: string; node: string }>((tie) => ({
    leaf: fc.oneof(
      fc.constantFrom('x', 'y', 'x', 'e', 'pi', '2', '0.5', '3'),
      fc.integer({ min: 1, max: 9 }).map(String),
    ),
    node: fc.oneof(
      fc
        .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', ''), tie('expr'))
        .map(([a, op, b]) => `(${a}) ${op} (${b})`),
      fc.tuple(tie('expr'), fc.constantFrom('2', '3', '-1', '0.5')).map(([a, n]) => `(${a})^(${n})`),
      fc.tuple(fc.constantFrom('2', 'e', '0.5'), tie('expr')).map(([b, a]) => `${b}^(${a})`),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(1 + (${a})^2)^(${b})`),
      tie('expr').map((a) => `-(${a})`),
      fc
        .tuple(fc.constantFrom(...names), fc.array(tie('expr'), { minLength: 2, maxLength: 3 }))
        .map(([fn, args]) => (FUNCTIONS[fn].arity === 'one' ? `${fn}(${args[0]})` : `${fn}(${args.join(', ')})`)),
    ),
    expr: fc.oneof({ depthSize: 'small', maxDepth: 4 }, tie('leaf'), tie('node')),
  }));

  // Not the subnormal numbers next to 0, where x² underflows to 0 and x/x's derivative to 0/0.
  const coordinate = fc.double({ min: -2, max: 2, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-6);

  it('differentiates random expressions, wherever they are smooth', () => {
    let compared = 0;
    fc.assert(
      fc.property(expr, coordinate, coordinate, (input, x0, y0) => {
        const ast = read(input);
        const env: Environment = { x: x0, y: y0 };
        const f = (t: number) => evaluate(ast, { x: t, y: y0 });
        fc.pre(smoothAt(ast, env, 'x'));
        const exact = evaluate(derivative(ast, 'x'), env);
        const numeric = centred(f, x0);
        compared++;
        expect(close(exact, numeric, 1e-5), `d/dx ${input} at x = ${x0}, y = ${y0}: ${exact} against ${numeric}`).toBe(
          true,
        );
        // And in y, the other variable held constant.
        const g = (t: number) => evaluate(ast, { x: x0, y: t });
        if (smoothAt(ast, env, 'y'))
          expect(close(evaluate(derivative(ast, 'y'), env), centred(g, y0), 1e-5), `d/dy ${input}`).toBe(true);
      }),
      { numRuns: 1000, maxSkipsPerRun: 1000 },
    );
    // Not vacuous: most random expressions are smooth at most points.
    expect(compared).toBeGreaterThanOrEqual(1000);
  });
});
