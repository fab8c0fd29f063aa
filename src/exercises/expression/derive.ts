/**
 * Exact derivatives of the answer language's trees, for steps answers: the first line of a
 * derivation is compared with the derivative of what is being derived. The rules are the
 * textbook ones; the builders below fold constants and drop 0 + u, 1 · u, u^1 as they go, which
 * keeps the result about as large as a derivative written by hand. Nothing else is simplified:
 * the result is only ever evaluated, never shown.
 *
 * Where a function has no derivative, the result is the derivative on either side of the kink and
 * undefined (NaN) at the kink itself: the sign of u is written u/|u|, and the step (1 for t > 0,
 * 0 for t < 0) relu(t)/t. So d abs(u) is sign(u)·u′, d relu(u) is step(u)·u′, and d max(a, b) is
 * the derivative of whichever argument is larger, undefined where they tie (min alike). The
 * sample points skip a point where the start is undefined, as they skip a log of 0, so a kink is
 * never compared; no subgradient convention is needed. (The price: abs(x²) at x = 0, which has a
 * derivative, gets NaN there too; like a kink, it is one point that the sampling skips.)
 */
import type { Expr, Span } from './ast';

/** d expr / d variable, with every other variable held constant. */
export function derivative(expr: Expr, variable: string): Expr {
  const d = (e: Expr): Expr => derive(e, variable, d);
  return d(expr);
}

/** Whether `variable` occurs in `expr`: a subtree without it is a constant. */
export function dependsOn(expr: Expr, variable: string): boolean {
  switch (expr.kind) {
    case 'variable':
      return expr.name === variable;
    case 'number':
    case 'constant':
      return false;
    case 'unary':
      return dependsOn(expr.operand, variable);
    case 'binary':
      return dependsOn(expr.left, variable) || dependsOn(expr.right, variable);
    case 'call':
      return expr.args.some((arg) => dependsOn(arg, variable));
  }
}

function derive(e: Expr, v: string, d: (e: Expr) => Expr): Expr {
  // Nodes built here carry the span of the node they differentiate.
  const b = builders(e);
  switch (e.kind) {
    case 'number':
    case 'constant':
      return b.num(0);
    case 'variable':
      return b.num(e.name === v ? 1 : 0);
    case 'unary':
      return e.op === '-' ? b.neg(d(e.operand)) : d(e.operand);
    case 'binary':
      return binaryDerivative(e, v, d, b);
    case 'call':
      return callDerivative(e, d, b);
  }
}

/** Sum, difference, product and quotient rules; for a power, the rule its exponent needs. */
function binaryDerivative(e: Expr & { kind: 'binary' }, v: string, d: (e: Expr) => Expr, b: Builders): Expr {
  const { left: u, right: w } = e;
  switch (e.op) {
    case '+':
      return b.add(d(u), d(w));
    case '-':
      return b.sub(d(u), d(w));
    case '*':
      return b.add(b.mul(d(u), w), b.mul(u, d(w)));
    case '/':
      return b.div(b.sub(b.mul(d(u), w), b.mul(u, d(w))), b.pow(w, b.num(2)));
    case '^':
      // A constant exponent needs no logarithm, so x^2 at x < 0 stays defined.
      if (!dependsOn(w, v)) return b.mul(b.mul(w, b.pow(u, b.sub(w, b.num(1)))), d(u));
      if (!dependsOn(u, v)) return b.mul(b.mul(e, b.call('log', u)), d(w));
      // u^w = exp(w ln u), so d(u^w) = u^w (w′ ln u + w u′ / u), defined where u > 0.
      return b.mul(e, b.add(b.mul(d(w), b.call('log', u)), b.div(b.mul(w, d(u)), u)));
  }
}

/** The chain rule: f′(u) · u′, for each function of the language. */
function callDerivative(e: Expr & { kind: 'call' }, d: (e: Expr) => Expr, b: Builders): Expr {
  const u = e.args[0]!;
  const du = () => d(u);
  switch (e.fn) {
    case 'exp':
      return b.mul(e, du());
    case 'log':
    case 'ln':
      return b.div(du(), u);
    case 'sqrt':
      return b.div(du(), b.mul(b.num(2), e));
    case 'abs':
      return b.mul(b.sign(u), du());
    case 'sigma':
      return b.mul(b.mul(e, b.sub(b.num(1), e)), du());
    case 'tanh':
      return b.mul(b.sub(b.num(1), b.pow(e, b.num(2))), du());
    case 'sin':
      return b.mul(b.call('cos', u), du());
    case 'cos':
      return b.neg(b.mul(b.call('sin', u), du()));
    case 'relu':
      return b.mul(b.step(u), du());
    case 'max':
    case 'min': {
      // max(a, b, c, …) = max(a, max(b, c, …)): the derivative of the larger of two, recursively.
      const rest = e.args.length > 2 ? { ...e, args: e.args.slice(1) } : e.args[1]!;
      const [first, second] = e.fn === 'max' ? [b.sub(u, rest), b.sub(rest, u)] : [b.sub(rest, u), b.sub(u, rest)];
      return b.add(b.mul(du(), b.step(first)), b.mul(d(rest), b.step(second)));
    }
  }
}

type Builders = ReturnType<typeof builders>;

const isNumber = (e: Expr, value?: number): e is Expr & { kind: 'number' } =>
  e.kind === 'number' && (value === undefined || e.value === value);

/** Node builders that fold what is already known: 0 + u is u, 2 · 3 is 6, u^1 is u. */
function builders(at: Span) {
  const span = { start: at.start, end: at.end };
  /** A literal; negative values as a sign before a literal, as a student would type them. */
  const num = (value: number): Expr => {
    const literal: Expr = { kind: 'number', value: Math.abs(value), text: String(Math.abs(value)), ...span };
    return value < 0 ? { kind: 'unary', op: '-', operand: literal, ...span } : literal;
  };
  const binary = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({
    kind: 'binary',
    op,
    left,
    right,
    implicit: false,
    ...span,
  });
  /** Both operands literals and a finite result: the result. */
  const folded = (left: Expr, right: Expr, apply: (a: number, b: number) => number): Expr | undefined => {
    if (!isNumber(left) || !isNumber(right)) return undefined;
    const value = apply(left.value, right.value);
    return Number.isFinite(value) ? num(value) : undefined;
  };
  const neg = (a: Expr): Expr => {
    if (isNumber(a, 0)) return a;
    if (a.kind === 'unary' && a.op === '-') return a.operand;
    return { kind: 'unary', op: '-', operand: a, ...span };
  };
  const add = (a: Expr, c: Expr): Expr =>
    isNumber(a, 0) ? c : isNumber(c, 0) ? a : (folded(a, c, (x, y) => x + y) ?? binary('+', a, c));
  const sub = (a: Expr, c: Expr): Expr =>
    isNumber(c, 0) ? a : isNumber(a, 0) ? neg(c) : (folded(a, c, (x, y) => x - y) ?? binary('-', a, c));
  const mul = (a: Expr, c: Expr): Expr => {
    if (isNumber(a, 0) || isNumber(c, 0)) return num(0);
    if (isNumber(a, 1)) return c;
    if (isNumber(c, 1)) return a;
    return folded(a, c, (x, y) => x * y) ?? binary('*', a, c);
  };
  const div = (a: Expr, c: Expr): Expr =>
    isNumber(a, 0) ? num(0) : isNumber(c, 1) ? a : (folded(a, c, (x, y) => x / y) ?? binary('/', a, c));
  const pow = (a: Expr, c: Expr): Expr =>
    isNumber(c, 0) ? num(1) : isNumber(c, 1) ? a : (folded(a, c, (x, y) => x ** y) ?? binary('^', a, c));
  const call = (fn: 'log' | 'sin' | 'cos' | 'abs' | 'relu', arg: Expr): Expr => ({
    kind: 'call',
    fn,
    args: [arg],
    ...span,
  });
  return {
    num,
    neg,
    add,
    sub,
    mul,
    div,
    pow,
    call,
    /** u/|u|: 1 for u > 0, −1 for u < 0, undefined at 0. */
    sign: (u: Expr) => div(u, call('abs', u)),
    /** relu(t)/t: 1 for t > 0, 0 for t < 0, undefined at 0. */
    step: (t: Expr) => div(call('relu', t), t),
  };
}
