import { describe, expect, it } from 'vitest';
import {
  evaluate,
  MAX_INPUT_LENGTH,
  MAX_NESTING,
  parseExpression,
  parseList,
  type Expr,
  type SourceError,
} from '../../src/exercises/expression';

const VARIABLES = ['x', 'y', 'a', 'b', 'z', 'yhat', 'z1', 'W2', 'alpha'];

/** The tree as a Lisp-like string, so a test states the structure it expects in one line. */
function structure(ast: Expr): string {
  switch (ast.kind) {
    case 'number':
      return ast.text;
    case 'constant':
    case 'variable':
      return ast.name;
    case 'unary':
      return `(${ast.op} ${structure(ast.operand)})`;
    case 'binary':
      return `(${ast.implicit ? '·' : ast.op} ${structure(ast.left)} ${structure(ast.right)})`;
    case 'call':
      return `(${ast.fn} ${ast.args.map(structure).join(' ')})`;
  }
}

function read(input: string, variables: readonly string[] = VARIABLES): Expr {
  const result = parseExpression(input, { variables });
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to read, got: ${result.error.message}`);
  return result.ast;
}

function problem(input: string, variables: readonly string[] = VARIABLES): SourceError {
  const result = parseExpression(input, { variables });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} not to read, got ${structure(result.ast)}`);
  return result.error;
}

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    // ^ is right-associative: 2^3^2 = 2^9.
    ['2^3^2', '(^ 2 (^ 3 2))'],
    // ^ binds tighter than a leading minus: -x^2 is −(x²).
    ['-x^2', '(- (^ x 2))'],
    ['(-x)^2', '(^ (- x) 2)'],
    // A sign in an exponent.
    ['2^-x', '(^ 2 (- x))'],
    ['2^-x^2', '(^ 2 (- (^ x 2)))'],
    // A sign after an operator.
    ['2 * -3', '(* 2 (- 3))'],
    ['--x', '(- (- x))'],
    ['+x', '(+ x)'],
    ['-x * y', '(* (- x) y)'],
    ['a - b + x', '(+ (- a b) x)'],
    ['x^2 / 2', '(/ (^ x 2) 2)'],
  ])('%s reads as %s', (input, expected) => {
    expect(structure(read(input))).toBe(expected);
  });

  it('reads ** as a power and · × ⋅ as products, − as minus', () => {
    expect(structure(read('x**2'))).toBe('(^ x 2)');
    expect(structure(read('2·x × y ⋅ z'))).toBe('(* (* (* 2 x) y) z)');
    expect(structure(read('y − x'))).toBe('(- y x)');
    expect(structure(read('−x'))).toBe('(- x)');
  });

  it.each([
    ['2', 2],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['2.', 2],
    ['1e-3', 0.001],
    ['2E+2', 200],
    ['12.5e1', 125],
  ])('reads the number %s', (input, value) => {
    const ast = read(input);
    expect(ast.kind).toBe('number');
    expect(evaluate(ast)).toBe(value);
  });

  it('takes e after a number as an exponent only when digits follow', () => {
    expect(structure(read('2e'))).toBe('(· 2 e)');
    expect(structure(read('2e-x'))).toBe('(- (· 2 e) x)');
  });

  it('keeps brackets of both kinds as grouping', () => {
    expect(structure(read('[x + 1] * 2'))).toBe('(* (+ x 1) 2)');
    expect(structure(read('((x))'))).toBe('x');
  });
});

describe('parseExpression: products without an operator', () => {
  it.each([
    ['2x', '(· 2 x)'],
    ['2 x', '(· 2 x)'],
    ['2(y - 1)', '(· 2 (- y 1))'],
    ['(a)(b)', '(· a b)'],
    // `a` is a variable, so a(…) is a product, not a call.
    ['a(1 - a)', '(· a (- 1 a))'],
    ['sigma(z)(1 - sigma(z))', '(· (sigma z) (- 1 (sigma z)))'],
    ['σ(z)[1 − σ(z)]', '(· (sigma z) (- 1 (sigma z)))'],
    // A product without an operator binds like *: 1/2x is (1/2)·x, and 2x^2 is 2·(x²).
    ['1/2x', '(· (/ 1 2) x)'],
    ['2x^2', '(· 2 (^ x 2))'],
    ['x^2y', '(· (^ x 2) y)'],
    ['-2x', '(· (- 2) x)'],
    ['2pi', '(· 2 pi)'],
    ['x y', '(· x y)'],
    ['2 exp(x)', '(· 2 (exp x))'],
  ])('%s reads as %s', (input, expected) => {
    expect(structure(read(input))).toBe(expected);
  });

  it('reads names as maximal tokens, so xy is one (unknown) name', () => {
    expect(problem('xy').message).toBe("unknown variable 'xy' — for a product write x*y");
    expect(problem('yhaty').message).toBe("unknown variable 'yhaty' — for a product write yhat*y");
  });

  it('refuses two numbers side by side', () => {
    expect(problem('2 3')).toEqual({ message: "missing an operator before '3' at column 3", start: 2, end: 3 });
    expect(problem('(x)2').message).toBe("missing an operator before '2' at column 4");
    expect(problem('1.2.3').message).toBe("missing an operator before '.3' at column 4");
  });
});

describe('parseExpression: names', () => {
  it('reads the declared variables, the constants and the functions', () => {
    expect(structure(read('z1 + W2 + alpha'))).toBe('(+ (+ z1 W2) alpha)');
    expect(evaluate(read('e'))).toBe(Math.E);
    expect(evaluate(read('pi'))).toBe(Math.PI);
    expect(evaluate(read('π'))).toBe(Math.PI);
  });

  it.each([
    ['ŷ', 'yhat'],
    // y followed by a combining circumflex renders as ŷ too.
    ['y\u0302', 'yhat'],
    ['y_hat', 'yhat'],
    ['z_1', 'z1'],
    ['α', 'alpha'],
  ])('reads %s as the variable %s', (input, name) => {
    expect(read(input)).toMatchObject({ kind: 'variable', name });
  });

  it.each([
    ['σ(z)', 'sigma'],
    ['sigmoid(z)', 'sigma'],
    ['sigma(z)', 'sigma'],
    ['ln(z)', 'ln'],
    ['log(z)', 'log'],
    ['√(z)', 'sqrt'],
    ['Exp(z)', 'exp'],
    ['ReLU(z)', 'relu'],
    ['tanh(z)', 'tanh'],
    ['max(z, 0)', 'max'],
    ['min(z, 0, 1)', 'min'],
  ])('reads %s as a call of %s', (input, fn) => {
    expect(read(input)).toMatchObject({ kind: 'call', fn });
  });

  it('knows no names from Object.prototype', () => {
    expect(problem('toString(x)').message).toMatch(/^unknown function 'toString' — available: /);
    expect(problem('constructor').message).toMatch(/^unknown variable 'constructor' — /);
    expect(problem('hasOwnProperty(x)', []).message).toMatch(/^unknown function 'hasOwnProperty'/);
  });

  it('lets a declared variable take a name that is also a constant', () => {
    expect(read('e', ['e'])).toMatchObject({ kind: 'variable', name: 'e' });
  });

  it('reads x² and x⁻¹ as powers', () => {
    expect(structure(read('x²'))).toBe('(^ x 2)');
    expect(structure(read('σ(z)²'))).toBe('(^ (sigma z) 2)');
    expect(structure(read('x⁻¹'))).toBe('(^ x (- 1))');
    expect(structure(read('-x²'))).toBe('(- (^ x 2))');
  });
});

describe('parseExpression: positions', () => {
  it('gives every node the offsets of its text', () => {
    const ast = read('2(y - 1) + x');
    expect(ast).toMatchObject({ start: 0, end: 12 });
    if (ast.kind !== 'binary') throw new Error('a sum');
    // The product includes its closing bracket.
    expect(ast.left).toMatchObject({ start: 0, end: 8 });
    expect(ast.right).toMatchObject({ start: 11, end: 12 });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    // 𝑥 (U+1D465) is two UTF-16 units but one column.
    expect(problem('𝑥 + )').message).toBe("unknown letter '𝑥' at column 1");
    expect(problem('ŷ + 1)').message).toBe("unexpected ')' at column 6: nothing to close");
  });
});

describe('parseExpression: messages', () => {
  it.each<[string, SourceError]>([
    ['', { message: 'empty answer', start: 0, end: 0 }],
    ['   ', { message: 'empty answer', start: 0, end: 3 }],
    ['x + (y))', { message: "unexpected ')' at column 8: nothing to close", start: 7, end: 8 }],
    ['x * (y', { message: "missing ')' for the '(' at column 5", start: 4, end: 5 }],
    ['2 * [x + 1', { message: "missing ']' for the '[' at column 5", start: 4, end: 5 }],
    ['(x]', { message: "']' at column 3 does not match the '(' at column 1", start: 2, end: 3 }],
    ['x +', { message: "something is missing after '+' at column 3", start: 2, end: 3 }],
    ['(x -)', { message: "something is missing after '-' at column 4", start: 3, end: 4 }],
    ['* x', { message: "unexpected '*' at column 1", start: 0, end: 1 }],
    ['x + * y', { message: "unexpected '*' at column 5", start: 4, end: 5 }],
    ['()', { message: 'empty brackets at column 1', start: 0, end: 2 }],
    ['x, y', { message: "unexpected ',' at column 2", start: 1, end: 2 }],
    ['x = 2', { message: "unexpected '=' at column 3: type only the expression, without '='", start: 2, end: 3 }],
    ['|x|', { message: "unexpected '|' at column 1: write abs(…) for an absolute value", start: 0, end: 1 }],
    ['x $ 2', { message: "unexpected character '$' at column 3", start: 2, end: 3 }],
    ['x\u0007', { message: "unexpected character 'U+0007' at column 2", start: 1, end: 2 }],
  ])('%j: %j', (input, error) => {
    expect(problem(input)).toEqual(error);
  });

  it('names the variables the answer uses', () => {
    expect(problem('yh - y', ['yhat', 'y'])).toEqual({
      message: "unknown variable 'yh' — this answer uses: yhat, y",
      start: 0,
      end: 2,
    });
  });

  it('points out a different case', () => {
    expect(problem('Y', ['yhat', 'y']).message).toBe("unknown name 'Y' — names are case-sensitive: did you mean 'y'?");
  });

  it('says a number answer has no variables', () => {
    expect(problem('2x', []).message).toBe(
      "unknown name 'x' — this answer is a number: use numbers, e, pi and functions such as exp(…)",
    );
  });

  it('names the functions, and the closest one', () => {
    expect(problem('sigm(z)').message).toBe(
      "unknown function 'sigm' — did you mean sigma? available: exp, log, ln, sqrt, abs, sigma, tanh, sin, cos, relu, max, min",
    );
    expect(problem('f(z)').message).toMatch(/^unknown function 'f' — available: exp, log, /);
    expect(problem('tahn(z)').message).toMatch(/did you mean tanh\?/);
    // A product of a variable and a function, typed as one name.
    expect(problem('xexp(x)').message).toBe("unknown function 'xexp' — for a product write x*exp(…)");
    expect(problem('xy(1 - x)').message).toBe("unknown function 'xy' — for a product write x*y*(…)");
  });

  it('counts arguments', () => {
    expect(problem('log(x, 2)')).toEqual({ message: 'log takes 1 argument, got 2', start: 0, end: 9 });
    expect(problem('exp()').message).toBe('exp takes 1 argument, got 0');
    expect(problem('max(x)').message).toBe('max takes at least 2 arguments, got 1');
    expect(problem('max(x, )').message).toBe('missing argument of max at column 8');
    expect(problem('exp(x').message).toBe("missing ')' for the '(' at column 4");
  });

  it('asks for parentheses after a function name', () => {
    expect(problem('exp x').message).toBe("'exp' is a function — write exp(…) with parentheses");
    expect(problem('σz').message).toBe("'σ' is a function — write σ(…) with parentheses");
    expect(problem('tanh^2(x)').message).toBe('write tanh(…)^2 for a power of tanh, not tanh^2(…)');
  });

  it('refuses answers longer than the limit', () => {
    const long = 'x+'.repeat(MAX_INPUT_LENGTH) + 'x';
    expect(problem(long).message).toBe(
      `the answer is too long: ${long.length} characters, at most ${MAX_INPUT_LENGTH}`,
    );
  });

  it.each([
    // The kind, how n levels of it are written, and the character the message points at.
    ['brackets', (n: number) => '('.repeat(n) + 'x' + ')'.repeat(n), '('],
    ['signs', (n: number) => '-'.repeat(n) + 'x', '-'],
    ['powers', (n: number) => 'x^'.repeat(n) + 'x', '^'],
    ['calls', (n: number) => 'ln('.repeat(n) + 'x' + ')'.repeat(n), '('],
  ])('refuses %s nested deeper than the limit, with a message', (_kind, nest, pointsAt) => {
    expect(parseExpression(nest(MAX_NESTING), { variables: ['x'] }).ok).toBe(true);
    const input = nest(MAX_NESTING + 1);
    const error = problem(input, ['x']);
    expect(error.message).toBe(
      `nested too deeply at column ${error.start + 1}: at most ${MAX_NESTING} levels of brackets, signs and powers`,
    );
    expect(input.slice(error.start, error.end)).toBe(pointsAt);
  });

  it('reports deep nesting before a missing bracket, without overflowing the stack', () => {
    expect(problem('('.repeat(MAX_INPUT_LENGTH)).message).toMatch(/^nested too deeply at column 101/);
    expect(problem('('.repeat(MAX_NESTING)).message).toBe("missing ')' for the '(' at column 100");
  });
});

describe('parseList', () => {
  const items = (input: string) => {
    const result = parseList(input);
    if (!result.ok) throw new Error(result.error.message);
    return result.items.map(structure);
  };

  it.each([
    ['1, 2, 3', ['1', '2', '3']],
    ['[1, 2, 3]', ['1', '2', '3']],
    ['(1, 2, 3)', ['1', '2', '3']],
    ['(1,2)', ['1', '2']],
    ['[0.5]', ['0.5']],
    // Commas of a call separate its arguments.
    ['max(1, 2), 3', ['(max 1 2)', '3']],
    // These brackets do not enclose the whole list.
    ['(1)(2), 3', ['(· 1 2)', '3']],
    ['(1 + 2) * 3, 4', ['(* (+ 1 2) 3)', '4']],
    ['[]', []],
  ])('%s has the entries %j', (input, expected) => {
    expect(items(input)).toEqual(expected);
  });

  it('reports an entry missing, pointing at the comma to remove', () => {
    expect(parseList('1, , 2')).toEqual({
      ok: false,
      error: { message: 'entry 2 is empty: delete the extra comma at column 4', start: 3, end: 4 },
    });
    expect(parseList('1,,2')).toEqual({
      ok: false,
      error: { message: 'entry 2 is empty: delete the extra comma at column 3', start: 2, end: 3 },
    });
    expect(parseList('[1, 2,]')).toMatchObject({
      ok: false,
      error: { message: 'entry 3 is empty: delete the extra comma at column 6', start: 5, end: 6 },
    });
    expect(parseList(', 1')).toMatchObject({
      ok: false,
      error: { message: 'entry 1 is empty: delete the extra comma at column 1', start: 0, end: 1 },
    });
  });

  it('refuses a thousands separator, saying how to write the number', () => {
    expect(parseList('1,000, 2')).toEqual({
      ok: false,
      error: {
        message:
          "'1,000' at column 1 looks like a thousands separator: write 1000 (commas separate entries; decimals take a point)",
        start: 0,
        end: 5,
      },
    });
    // Inside brackets, and counted in characters as the student sees them.
    expect(parseList('[ŷ, 12,288]')).toMatchObject({ ok: false, error: { start: 4, end: 10 } });
    expect(parseList('[ŷ, 12,288]', { variables: ['yhat'] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^'12,288' at column 5 looks like a thousands separator: write 12288 /) },
    });
    // A space after the comma: two entries.
    expect(items('1, 000')).toEqual(['1', '000']);
  });

  it('suggests commas between entries typed with spaces', () => {
    expect(parseList('0.1 0.2')).toMatchObject({
      ok: false,
      error: { message: "missing a comma (between entries) or an operator before '0.2' at column 5" },
    });
  });
});
