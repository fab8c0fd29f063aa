/**
 * The preview of how an answer was read, as TeX for KaTeX: `\frac` for division, `\cdot` for a
 * typed product, and parentheses only where the reading needs them, so a student sees at once
 * whether `1/2x` was read as ½·x. Only text built here reaches the output: names are canonical
 * ASCII and numbers are checked digits, so nothing a student typed can inject TeX.
 */
import type { Expr } from './ast';
import { FUNCTIONS, GREEK_NAMES } from './vocabulary';

/** How tightly a node holds together when it is an operand; a looser operand gets parentheses. */
const Level = {
  Sum: 1,
  /** Products, quotients and signed terms: `-a` behaves like (−1)·a. */
  Product: 2,
  Power: 3,
  Atom: 4,
} as const;
type Level = (typeof Level)[keyof typeof Level];

export function toTex(ast: Expr): string {
  switch (ast.kind) {
    case 'number':
      return numberTex(ast.text);
    case 'constant':
      return ast.name === 'pi' ? '\\pi' : 'e';
    case 'variable':
      return nameTex(ast.name);
    case 'unary': {
      const operand = toTex(ast.operand);
      return (
        ast.op + (level(ast.operand) < Level.Product || startsWithSign(operand) ? parenthesised(operand) : operand)
      );
    }
    case 'call':
      return callTex(ast);
    case 'binary':
      return binaryTex(ast);
  }
}

function binaryTex(ast: Expr & { kind: 'binary' }): string {
  const left = toTex(ast.left);
  const right = toTex(ast.right);
  switch (ast.op) {
    case '+':
    case '-': {
      // a + (b − c) equals a + b − c, but a − (b − c) does not equal a − b − c.
      const needsParentheses = (ast.op === '-' && level(ast.right) === Level.Sum) || startsWithSign(right);
      return `${left} ${ast.op} ${needsParentheses ? parenthesised(right) : right}`;
    }
    case '/':
      return `\\frac{${left}}{${right}}`;
    case '^': {
      const base = level(ast.left) < Level.Atom ? parenthesised(left) : left;
      return `${base}^{${right}}`;
    }
    case '*': {
      const first = level(ast.left) < Level.Product ? parenthesised(left) : left;
      const second = level(ast.right) < Level.Product || startsWithSign(right) ? parenthesised(right) : right;
      // Juxtaposition reads as a product only before a letter or a bracket: 2·3 and 2·½ need the dot.
      const juxtapose = ast.implicit && /^([A-Za-z]|\\(?!frac))/.test(second);
      return juxtapose ? `${first} ${second}` : `${first} \\cdot ${second}`;
    }
  }
}

function callTex(ast: Expr & { kind: 'call' }): string {
  const args = ast.args.map(toTex);
  if (ast.fn === 'sqrt') return `\\sqrt{${args[0]}}`;
  if (ast.fn === 'abs') return `\\left|${args[0]}\\right|`;
  return `${FUNCTIONS[ast.fn].tex}${parenthesised(args.join(', '))}`;
}

function level(ast: Expr): Level {
  switch (ast.kind) {
    case 'number':
      return hasExponent(ast.text) ? Level.Product : Level.Atom;
    case 'constant':
    case 'variable':
    case 'call':
      return Level.Atom;
    case 'unary':
      return Level.Product;
    case 'binary':
      return ast.op === '+' || ast.op === '-' ? Level.Sum : ast.op === '^' ? Level.Power : Level.Product;
  }
}

const parenthesised = (tex: string) => `\\left(${tex}\\right)`;
const startsWithSign = (tex: string) => tex.startsWith('-') || tex.startsWith('+');
const hasExponent = (text: string) => /e/i.test(text);

/** `.5` as 0.5, `2.` as 2, `1e-3` as 1 × 10⁻³. */
function numberTex(text: string): string {
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return '\\text{?}';
  const [, whole = '', fraction = '', exponent] = match;
  const mantissa = (whole === '' ? '0' : whole) + (fraction === '' ? '' : `.${fraction}`);
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

/**
 * A variable as the course writes it: trailing digits as a subscript (`W2` is W₂), `hat` as an
 * accent (`yhat` is ŷ), Greek names as letters (`alpha` is α), longer names as one italic word.
 */
export function nameTex(name: string): string {
  const match = /^([A-Za-z]+)(\d*)$/.exec(name);
  if (match === null) return /^[A-Za-z0-9]+$/.test(name) ? `\\mathit{${name}}` : '\\text{?}';
  const [, base = '', digits = ''] = match;
  const accented = base.length > 3 && base.endsWith('hat') ? base.slice(0, -3) : undefined;
  const letters = accented !== undefined && isLetterLike(accented) ? `\\hat{${letterTex(accented)}}` : letterTex(base);
  const subscript = digits === '' ? '' : digits.length === 1 ? `_${digits}` : `_{${digits}}`;
  return letters + subscript;
}

const isLetterLike = (base: string) => base.length === 1 || GREEK_NAMES.has(base);

function letterTex(base: string): string {
  if (GREEK_NAMES.has(base)) return `\\${base}`;
  return base.length === 1 ? base : `\\mathit{${base}}`;
}
