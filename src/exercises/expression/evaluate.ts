/**
 * The value of an expression at one point. Undefined results are NaN or ±∞ rather than
 * exceptions (log of a negative, 0/0), since the checker compares values, not errors.
 */
import type { Expr } from './ast';
import { CONSTANTS, FUNCTIONS } from './vocabulary';

/** Variable values by canonical name; a missing variable evaluates to NaN. */
export type Environment = Readonly<Record<string, number>>;

export function evaluate(ast: Expr, env: Environment = {}): number {
  switch (ast.kind) {
    case 'number':
      return ast.value;
    case 'constant':
      return CONSTANTS[ast.name];
    case 'variable':
      return Object.hasOwn(env, ast.name) ? (env[ast.name] ?? Number.NaN) : Number.NaN;
    case 'unary': {
      const operand = evaluate(ast.operand, env);
      return ast.op === '-' ? -operand : operand;
    }
    case 'call':
      return FUNCTIONS[ast.fn].apply(ast.args.map((arg) => evaluate(arg, env)));
    case 'binary': {
      const left = evaluate(ast.left, env);
      const right = evaluate(ast.right, env);
      switch (ast.op) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return left / right;
        case '^':
          return left ** right;
      }
    }
  }
}
