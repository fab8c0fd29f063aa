/**
 * The names the answer language knows: its functions (how each is spelled, typeset and
 * evaluated), its constants, and the Unicode letters a student may type for an ASCII name.
 * Everything a name can mean lives here, so the parser, the typesetter and the evaluator agree.
 */

/** σ(z) = 1 / (1 + e⁻ᶻ), without overflow: for z ≪ 0 use the equal form eᶻ / (1 + eᶻ). */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const ez = Math.exp(z);
  return ez / (1 + ez);
}

interface FunctionEntry {
  /** How many arguments: exactly one, or two and more (max, min). */
  readonly arity: 'one' | 'two or more';
  /** TeX for the name, followed by the parenthesised arguments (`sqrt` and `abs` are special-cased). */
  readonly tex: string;
  readonly apply: (args: readonly number[]) => number;
}

const unary = (tex: string, fn: (x: number) => number): FunctionEntry => ({
  arity: 'one',
  tex,
  apply: (args) => fn(args[0] ?? Number.NaN),
});

/** The whitelist. `ln` stays apart from `log` only so the preview shows what was typed. */
export const FUNCTIONS = {
  exp: unary('\\exp', Math.exp),
  log: unary('\\log', Math.log),
  ln: unary('\\ln', Math.log),
  sqrt: unary('\\sqrt', Math.sqrt),
  abs: unary('\\operatorname{abs}', Math.abs),
  sigma: unary('\\sigma', sigmoid),
  tanh: unary('\\tanh', Math.tanh),
  sin: unary('\\sin', Math.sin),
  cos: unary('\\cos', Math.cos),
  // Math.max(NaN, 0) is NaN, so an undefined argument stays undefined.
  relu: unary('\\operatorname{ReLU}', (x) => Math.max(0, x)),
  max: { arity: 'two or more', tex: '\\max', apply: (args) => Math.max(...args) },
  min: { arity: 'two or more', tex: '\\min', apply: (args) => Math.min(...args) },
} as const satisfies Record<string, FunctionEntry>;

export type FunctionName = keyof typeof FUNCTIONS;

/** Other spellings of the functions. `σ` arrives here as `sigma` through GREEK_LETTERS. */
const FUNCTION_ALIASES: Readonly<Record<string, FunctionName>> = { sigmoid: 'sigma' };

/** The function a name denotes. Typed ASCII names match case-insensitively (`Exp`, `ReLU`). */
export function functionNamed(name: string, typedAsAscii: boolean): FunctionName | undefined {
  const candidates = typedAsAscii ? [name, name.toLowerCase()] : [name];
  for (const candidate of candidates) {
    // Own properties only: `toString` or `constructor` typed by a student is not a function here.
    if (Object.hasOwn(FUNCTIONS, candidate)) return candidate as FunctionName;
    if (Object.hasOwn(FUNCTION_ALIASES, candidate)) return FUNCTION_ALIASES[candidate];
  }
  return undefined;
}

/** The function names for messages, in the whitelist's order. */
export const FUNCTION_LIST = Object.keys(FUNCTIONS).join(', ');

export const CONSTANTS = { e: Math.E, pi: Math.PI } as const;
export type ConstantName = keyof typeof CONSTANTS;

export function constantNamed(name: string): ConstantName | undefined {
  return Object.hasOwn(CONSTANTS, name) ? (name as ConstantName) : undefined;
}

/**
 * Greek letters by the ASCII name a spec declares them with (variable names are ASCII, see
 * spec.ts), so `α` typed in an answer is the variable `alpha`. These are also the names the
 * typesetter turns back into `\alpha`.
 */
export const GREEK_LETTERS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Υ: 'Upsilon',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

/** Greek names that KaTeX has a command for (`\alpha`), i.e. all of the above. */
export const GREEK_NAMES: ReadonlySet<string> = new Set(Object.values(GREEK_LETTERS));

/** Single letters that stand for a whole name: Greek letters, and ŷ for the course's `yhat`. */
export const LETTER_NAMES: Readonly<Record<string, string>> = {
  ...GREEK_LETTERS,
  ŷ: 'yhat',
  Ŷ: 'Yhat',
};

/** The radical sign is sqrt; unlike a letter, no digits attach to it (`√2` is not a name `sqrt2`). */
export const RADICAL_SIGN = '√';

/** A combining circumflex after a letter (`y` + U+0302 renders as ŷ) appends `hat` to the name. */
export const COMBINING_HAT = '\u0302';
