/**
 * The syntax tree of the answer language and the shapes of its results. Every node keeps the
 * offsets of the text it was read from, so an error or a hint can point into the answer field.
 */
import type { FunctionName } from './vocabulary';

/** Offsets into the input, as `String.prototype.slice` takes them (UTF-16 units, end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type Expr =
  /** A literal; `text` is the literal as typed, already checked to hold only digits, `.`, e, sign. */
  | (Span & { readonly kind: 'number'; readonly value: number; readonly text: string })
  | (Span & { readonly kind: 'constant'; readonly name: 'e' | 'pi' })
  /** A declared variable, by its canonical ASCII name (`ŷ` and `y_hat` are both `yhat`). */
  | (Span & { readonly kind: 'variable'; readonly name: string })
  | (Span & { readonly kind: 'unary'; readonly op: '-' | '+'; readonly operand: Expr })
  /** `implicit` marks a product written without an operator (`2x`), which typesets without a dot. */
  | (Span & {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: Expr;
      readonly right: Expr;
      readonly implicit: boolean;
    })
  | (Span & { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] });

/** A problem with the input, with the offsets of the text it is about. */
export interface SourceError extends Span {
  readonly message: string;
}

export type ParseResult =
  { readonly ok: true; readonly ast: Expr } | { readonly ok: false; readonly error: SourceError };

export type ListResult =
  { readonly ok: true; readonly items: readonly Expr[] } | { readonly ok: false; readonly error: SourceError };
