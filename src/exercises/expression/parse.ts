/**
 * The reader: a Pratt parser from tokens to the syntax tree, with the checks that make an answer
 * readable for one exercise (only its declared variables, only known functions, right number of
 * arguments). Precedence, loosest first: `+ -`, then `* /` and products without an operator
 * (`2x`), then a leading sign, then `^` (right-associative, so `-x^2` is −(x²) and `2^3^2` is 2⁹).
 *
 * Over 300 lines: a Pratt parser is one precedence table and the functions that consult it;
 * cut in two, each half would need the other's private helpers.
 */
import { listEntries, listProblemMessage } from '../../display/listEntries';
import type { Expr, ListResult, ParseResult } from './ast';
import { asSourceError, column, quote, ReadError } from './errors';
import { unknownNameMessage } from './suggest';
import { tokenize, type Operator, type Token } from './tokenize';
import { constantNamed, FUNCTIONS, functionNamed, type FunctionName } from './vocabulary';

/** Longer answers are refused before reading, so the work per answer stays small. */
export const MAX_INPUT_LENGTH = 500;
/** Brackets, signs and powers nest at most this deep, far below where the call stack would end. */
export const MAX_NESTING = 100;

export interface ReadOptions {
  /** The variables the answer may use, by canonical ASCII name; none for a number. */
  readonly variables?: readonly string[];
}

/** Reads one expression. Never throws: a problem comes back as `{ ok: false, error }`. */
export function parseExpression(input: string, options: ReadOptions = {}): ParseResult {
  try {
    const parser = new Parser(input, tokenizeChecked(input), options.variables ?? [], false);
    const ast = parser.expression(0);
    parser.expectEnd();
    return { ok: true, ast };
  } catch (error) {
    return { ok: false, error: asSourceError(error, input) };
  }
}

/**
 * Reads expressions separated by commas, optionally inside one pair of brackets: `1, 2`,
 * `[1, 2]`, `(1, 2)`. Commas inside a call (`max(1, 2)`) separate its arguments, not entries.
 * An empty entry (`1,,2`) and a thousands separator (`1,000`) are refused, with their column.
 */
export function parseList(input: string, options: ReadOptions = {}): ListResult {
  try {
    const all = tokenizeChecked(input);
    const tokens = withoutEnclosingBrackets(all);
    // The entries as the lessons' vector inputs read them: `1,,2` and `1,000` are refused alike.
    const inside =
      tokens === all ? { from: 0, to: input.length } : { from: all[0]!.end, to: tokens[tokens.length - 1]!.start };
    const list = listEntries(input, inside.from, inside.to);
    if (!list.ok)
      throw new ReadError(
        listProblemMessage(list.problem, 'column', (offset) => column(input, offset)),
        list.problem.start,
        list.problem.end,
      );
    const parser = new Parser(input, tokens, options.variables ?? [], true);
    const items: Expr[] = [];
    if (tokens.length === 1) return { ok: true, items };
    for (;;) {
      items.push(parser.expression(0));
      if (!parser.skipComma()) break;
    }
    parser.expectEnd();
    return { ok: true, items };
  } catch (error) {
    return { ok: false, error: asSourceError(error, input) };
  }
}

function tokenizeChecked(input: string): Token[] {
  if (input.length > MAX_INPUT_LENGTH) {
    throw new ReadError(
      `the answer is too long: ${input.length} characters, at most ${MAX_INPUT_LENGTH}`,
      0,
      input.length,
    );
  }
  if (input.trim() === '') throw new ReadError('empty answer', 0, input.length);
  return tokenize(input);
}

/** Drops an opening bracket whose partner closes the whole input; the list ends where it was. */
function withoutEnclosingBrackets(tokens: Token[]): Token[] {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 2];
  if (first.kind !== 'open' || last?.kind !== 'close' || !closes(first, last)) return tokens;
  let depth = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const kind = tokens[i]!.kind;
    if (kind === 'open') depth++;
    if (kind === 'close') depth--;
    // The first bracket closes before the end: `(1)(2)` or `(1), (2)` is not enclosed.
    if (depth === 0 && i < tokens.length - 2) return tokens;
  }
  return [...tokens.slice(1, -2), { kind: 'end', text: '', start: last.start, end: last.start }];
}

const closes = (open: Token & { kind: 'open' }, close: Token & { kind: 'close' }) =>
  (open.bracket === '(') === (close.bracket === ')');

/** Binding powers [left, right]: a higher left power binds first; right < left makes `^` right-associative. */
const INFIX: Readonly<Record<Operator, readonly [number, number]>> = {
  '+': [10, 10],
  '-': [10, 10],
  '*': [20, 20],
  '/': [20, 20],
  '^': [30, 29],
};
/** A product written without an operator binds like `*`: `2x/3` is (2x)/3. */
const IMPLICIT_PRODUCT = 20;
/** A leading sign binds tighter than products but looser than `^`. */
const PREFIX_SIGN = 25;

class Parser {
  private position = 0;
  private nesting = 0;

  constructor(
    private readonly input: string,
    private readonly tokens: readonly Token[],
    private readonly variables: readonly string[],
    /** Inside a list a stray number more likely wants a comma than an operator before it. */
    private readonly readingList: boolean,
  ) {}

  expression(minPower: number): Expr {
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator') {
        const [leftPower, rightPower] = INFIX[token.op];
        if (leftPower <= minPower) return left;
        this.position++;
        const right =
          token.op === '^'
            ? this.nested(token, () => this.operandAfter(token, rightPower))
            : this.operandAfter(token, rightPower);
        left = { kind: 'binary', op: token.op, left, right, implicit: false, start: left.start, end: right.end };
      } else if (token.kind === 'name' || token.kind === 'open') {
        if (IMPLICIT_PRODUCT <= minPower) return left;
        const right = this.expression(IMPLICIT_PRODUCT);
        left = { kind: 'binary', op: '*', left, right, implicit: true, start: left.start, end: right.end };
      } else if (token.kind === 'number') {
        // `2 3` or `(a)2`: let the outermost level report it, after tighter operators have finished.
        if (minPower > 0) return left;
        const fix = this.readingList ? 'a comma (between entries) or an operator' : 'an operator';
        throw this.error(`missing ${fix} before ${quote(token.text)} at column ${this.column(token)}`, token);
      } else {
        return left;
      }
    }
  }

  /** After the whole expression or list, only the end of the input may follow. */
  expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'end') return;
    if (token.kind === 'close')
      throw this.error(`unexpected ${quote(token.text)} at column ${this.column(token)}: nothing to close`, token);
    throw this.error(`unexpected ${quote(token.text)} at column ${this.column(token)}`, token);
  }

  skipComma(): boolean {
    const token = this.peek();
    if (token.kind !== 'comma') return false;
    this.position++;
    const following = this.peek();
    if (following.kind === 'end' || following.kind === 'comma') throw this.missingAfter(token);
    return true;
  }

  private prefix(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value, text: token.text, start: token.start, end: token.end };
      case 'name':
        return this.name(token);
      case 'open':
        return this.group(token);
      case 'operator': {
        if (token.op !== '-' && token.op !== '+') break;
        const op = token.op;
        const operand = this.nested(token, () => this.operandAfter(token, PREFIX_SIGN));
        return { kind: 'unary', op, operand, start: token.start, end: operand.end };
      }
      case 'end':
        throw this.error('empty answer', token);
      case 'close':
      case 'comma':
        break;
    }
    throw this.error(`unexpected ${quote(token.text)} at column ${this.column(token)}`, token);
  }

  /** The operand after an operator; when there is none, point at the operator. */
  private operandAfter(operator: Token, minPower: number): Expr {
    const following = this.peek();
    if (following.kind === 'end' || following.kind === 'close' || following.kind === 'comma')
      throw this.missingAfter(operator);
    return this.expression(minPower);
  }

  private name(token: Token & { kind: 'name' }): Expr {
    const span = { start: token.start, end: token.end };
    // Declared variables come first, so a spec may use a name that is also a constant (`e`).
    if (this.variables.includes(token.name)) return { kind: 'variable', name: token.name, ...span };
    const fn = functionNamed(token.name, token.ascii);
    const following = this.peek();
    if (fn !== undefined) {
      if (following.kind === 'open') return this.call(token, fn);
      if (following.kind === 'operator' && following.op === '^') {
        throw this.error(`write ${token.text}(…)^2 for a power of ${token.text}, not ${token.text}^2(…)`, token);
      }
      throw this.error(`${quote(token.text)} is a function — write ${token.text}(…) with parentheses`, token);
    }
    const constant = constantNamed(token.name);
    if (constant !== undefined) return { kind: 'constant', name: constant, ...span };
    const unknown = { text: token.text, name: token.name, calledAsFunction: following.kind === 'open' };
    throw this.error(unknownNameMessage(unknown, this.variables), token);
  }

  private call(nameToken: Token & { kind: 'name' }, fn: FunctionName): Expr {
    const open = this.next() as Token & { kind: 'open' };
    return this.nested(open, () => {
      const args: Expr[] = [];
      if (this.peek().kind !== 'close') {
        for (;;) {
          const following = this.peek();
          if (following.kind === 'end') throw this.missingPartner(open);
          if (following.kind === 'comma' || following.kind === 'close') {
            throw this.error(`missing argument of ${nameToken.text} at column ${this.column(following)}`, following);
          }
          args.push(this.expression(0));
          if (this.peek().kind !== 'comma') break;
          this.position++;
        }
      }
      const close = this.closing(open);
      const arity = FUNCTIONS[fn].arity;
      if (arity === 'one' && args.length !== 1) {
        throw this.error(`${nameToken.text} takes 1 argument, got ${args.length}`, {
          start: nameToken.start,
          end: close.end,
        });
      }
      if (arity === 'two or more' && args.length < 2) {
        throw this.error(`${nameToken.text} takes at least 2 arguments, got ${args.length}`, {
          start: nameToken.start,
          end: close.end,
        });
      }
      return { kind: 'call', fn, args, start: nameToken.start, end: close.end };
    });
  }

  /** A bracketed expression; its span grows to include the brackets (for `2(y-1)`). */
  private group(open: Token & { kind: 'open' }): Expr {
    return this.nested(open, () => {
      const following = this.peek();
      if (following.kind === 'end') throw this.missingPartner(open);
      if (following.kind === 'close')
        throw this.error(`empty brackets at column ${this.column(open)}`, { start: open.start, end: following.end });
      const inner = this.expression(0);
      const close = this.closing(open);
      return { ...inner, start: open.start, end: close.end };
    });
  }

  private closing(open: Token & { kind: 'open' }): Token {
    const token = this.peek();
    if (token.kind === 'close') {
      if (!closes(open, token)) {
        throw this.error(
          `${quote(token.text)} at column ${this.column(token)} does not match the ${quote(open.text)} at column ${this.column(open)}`,
          token,
        );
      }
      this.position++;
      return token;
    }
    if (token.kind === 'end') throw this.missingPartner(open);
    throw this.error(`unexpected ${quote(token.text)} at column ${this.column(token)}`, token);
  }

  /** Runs `read` one level deeper, refusing input nested beyond MAX_NESTING. */
  private nested<T>(token: Token, read: () => T): T {
    if (++this.nesting > MAX_NESTING) {
      throw this.error(
        `nested too deeply at column ${this.column(token)}: at most ${MAX_NESTING} levels of brackets, signs and powers`,
        token,
      );
    }
    const result = read();
    this.nesting--;
    return result;
  }

  private missingPartner(open: Token & { kind: 'open' }): ReadError {
    const partner = open.bracket === '(' ? ')' : ']';
    return this.error(`missing ${quote(partner)} for the ${quote(open.text)} at column ${this.column(open)}`, open);
  }

  private missingAfter(token: Token): ReadError {
    return this.error(`something is missing after ${quote(token.text)} at column ${this.column(token)}`, token);
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private column(token: { start: number }): number {
    return column(this.input, token.start);
  }

  private error(message: string, span: { start: number; end: number }): ReadError {
    return new ReadError(message, span.start, span.end);
  }
}
