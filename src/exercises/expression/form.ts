/**
 * The form of an expression at its top: a sum of terms or a product of factors. Every correct
 * line of a derivation has the same value, so a milestone ("the chain rule applied once") is
 * recognised by how a line is built, not by its value: the same terms, or the same factors, each
 * equal in value to one of the milestone's, in any order, with the same constant. So
 * `exp(-z) / (1 + exp(-z))^2` and `(1 + exp(-z))^(-2) · exp(-z)` have one form (factors e^(−z)
 * and (1 + e^(−z))^(−2)), and `1/(1 + exp(-z)) · exp(-z)/(1 + exp(-z))` another (three factors).
 */
import type { Expr } from './ast';
import { evaluate, type Environment } from './evaluate';
import { closeEnough } from './sample';

export interface Form {
  /** A sum when the top operation (under any signs) is + or −; anything else is a product. */
  readonly kind: 'sum' | 'product';
  /** The sum of the constant terms, or the product of the constant factors and signs. */
  readonly constant: number;
  /** Each term (with its sign) or factor (a divisor as its reciprocal) that holds a variable. */
  readonly parts: readonly Part[];
}

export interface Part {
  readonly expr: Expr;
  /** For a term, its sign; for a factor, +1 for a multiplier and −1 for a divisor. */
  readonly power: 1 | -1;
}

/** A form's parts evaluated: `parts[k][i]` is part k at point i. What a page carries of a milestone. */
export interface FormValues {
  readonly kind: Form['kind'];
  readonly constant: number;
  readonly parts: readonly (readonly number[])[];
}

export function formOf(expr: Expr): Form {
  let top = expr;
  while (top.kind === 'unary') top = top.operand;
  const isSum = top.kind === 'binary' && (top.op === '+' || top.op === '-');
  const parts: Part[] = [];
  let constant = isSum ? 0 : 1;
  const collect = (e: Expr, power: 1 | -1): void => {
    if (e.kind === 'unary') {
      if (isSum) collect(e.operand, e.op === '-' ? flip(power) : power);
      else {
        if (e.op === '-') constant = -constant;
        collect(e.operand, power);
      }
    } else if (e.kind === 'binary' && (isSum ? e.op === '+' || e.op === '-' : e.op === '*' || e.op === '/')) {
      collect(e.left, power);
      collect(e.right, e.op === '-' || e.op === '/' ? flip(power) : power);
    } else if (!hasVariable(e)) {
      constant = isSum ? constant + power * evaluate(e) : constant * evaluate(e) ** power;
    } else {
      parts.push({ expr: e, power });
    }
  };
  collect(expr, 1);
  return { kind: isSum ? 'sum' : 'product', constant, parts };
}

const flip = (power: 1 | -1) => (power === 1 ? -1 : 1);

function hasVariable(e: Expr): boolean {
  switch (e.kind) {
    case 'variable':
      return true;
    case 'number':
    case 'constant':
      return false;
    case 'unary':
      return hasVariable(e.operand);
    case 'binary':
      return hasVariable(e.left) || hasVariable(e.right);
    case 'call':
      return e.args.some(hasVariable);
  }
}

/** The form with each part's value at each point: a term times its sign, a factor to its power. */
export function formValues(form: Form, envs: readonly Environment[]): FormValues {
  const parts = form.parts.map(({ expr, power }) =>
    envs.map((env) => {
      const value = evaluate(expr, env);
      return form.kind === 'sum' ? power * value : value ** power;
    }),
  );
  return { kind: form.kind, constant: form.constant, parts };
}

/** Whether two evaluated forms are the same: same kind and constant, parts equal in pairs. */
export function sameForm(a: FormValues, b: FormValues, tolerance: number): boolean {
  if (a.kind !== b.kind || a.parts.length !== b.parts.length || !agree(a.constant, b.constant, tolerance)) return false;
  const unmatched = [...b.parts];
  // Equal-in-value is transitive (up to the tolerance), so taking the first equal part is enough.
  return a.parts.every((part) => {
    const match = unmatched.findIndex(
      (other) => other.length === part.length && part.every((value, i) => agree(value, other[i]!, tolerance)),
    );
    if (match < 0) return false;
    unmatched.splice(match, 1);
    return true;
  });
}

const agree = (a: number, b: number, tolerance: number) =>
  Number.isFinite(a) && Number.isFinite(b) && closeEnough(a, b, tolerance);
