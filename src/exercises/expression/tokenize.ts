/**
 * Splits an answer into tokens. This is where the many ways of typing one thing become one
 * token: `**` and `^`, `·` `×` `⋅` and `*`, `−` and `-`, `ŷ` and `y_hat` and `yhat`, `x²` and `x^2`.
 * Names are maximal runs of ASCII letters, digits and `_` (`xy` is one name); a Greek or other
 * special letter is a name of its own, optionally followed by digits (`θ1`).
 */
import type { Span } from './ast';
import { column, quote, ReadError } from './errors';
import { COMBINING_HAT, LETTER_NAMES, RADICAL_SIGN } from './vocabulary';

export type Operator = '+' | '-' | '*' | '/' | '^';

export type Token = Span & { readonly text: string } & (
    | { readonly kind: 'number'; readonly value: number }
    /** `name` is canonical (ASCII, no `_`); `ascii` says whether it was typed in plain ASCII. */
    | { readonly kind: 'name'; readonly name: string; readonly ascii: boolean }
    | { readonly kind: 'operator'; readonly op: Operator }
    | { readonly kind: 'open'; readonly bracket: '(' | '[' }
    | { readonly kind: 'close'; readonly bracket: ')' | ']' }
    | { readonly kind: 'comma' }
    | { readonly kind: 'end' }
  );

const OPERATOR_SPELLINGS: Readonly<Record<string, Operator>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − minus sign
  '\u2013': '-', // – en dash, which word processors substitute for a hyphen
  '*': '*',
  '\u00b7': '*', // · middle dot
  '\u00d7': '*', // × multiplication sign
  '\u22c5': '*', // ⋅ dot operator
  '\u2217': '*', // ∗ asterisk operator
  '/': '/',
  '\u00f7': '/', // ÷
  '^': '^',
};

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_MINUS = '⁻';

/** Characters that are not part of the language but mean something clear to a student. */
const EXPLAINED_CHARACTERS: Readonly<Record<string, string>> = {
  '=': "type only the expression, without '='",
  '|': 'write abs(…) for an absolute value',
  '{': 'use ( ) or [ ] for grouping',
  '}': 'use ( ) or [ ] for grouping',
};

const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isAsciiLetter = (char: string | undefined) => char !== undefined && /^[A-Za-z]$/.test(char);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (isDigit(char) || (char === '.' && isDigit(input[i + 1]))) {
      const end = numberEnd(input, i);
      const text = input.slice(i, end);
      tokens.push({ kind: 'number', value: Number(text), text, start: i, end });
      i = end;
    } else if (isAsciiLetter(char)) {
      i = pushName(tokens, input, i, i, '');
    } else if (LETTER_NAMES[char] !== undefined) {
      i = pushName(tokens, input, i, i + 1, LETTER_NAMES[char]);
    } else if (char === RADICAL_SIGN) {
      tokens.push({ kind: 'name', name: 'sqrt', ascii: false, text: char, start: i, end: i + 1 });
      i++;
    } else if (char === '*' && input[i + 1] === '*') {
      tokens.push({ kind: 'operator', op: '^', text: '**', start: i, end: i + 2 });
      i += 2;
    } else if (OPERATOR_SPELLINGS[char] !== undefined) {
      tokens.push({ kind: 'operator', op: OPERATOR_SPELLINGS[char], text: char, start: i, end: i + 1 });
      i++;
    } else if (char === '(' || char === '[') {
      tokens.push({ kind: 'open', bracket: char, text: char, start: i, end: i + 1 });
      i++;
    } else if (char === ')' || char === ']') {
      tokens.push({ kind: 'close', bracket: char, text: char, start: i, end: i + 1 });
      i++;
    } else if (char === ',') {
      tokens.push({ kind: 'comma', text: char, start: i, end: i + 1 });
      i++;
    } else if (SUPERSCRIPT_DIGITS.includes(char) || char === SUPERSCRIPT_MINUS) {
      i = pushSuperscript(tokens, input, i);
    } else {
      throw unexpectedCharacter(input, i);
    }
  }
  tokens.push({ kind: 'end', text: '', start: input.length, end: input.length });
  return tokens;
}

/** `12`, `0.5`, `.5`, `2.`, `1e-3`; the `e` belongs to the number only when digits follow it. */
function numberEnd(input: string, start: number): number {
  let i = start;
  while (isDigit(input[i])) i++;
  if (input[i] === '.') {
    i++;
    while (isDigit(input[i])) i++;
  }
  if (input[i] === 'e' || input[i] === 'E') {
    const sign = input[i + 1] === '+' || input[i + 1] === '-' ? 1 : 0;
    if (isDigit(input[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(input[i])) i++;
    }
  }
  return i;
}

/**
 * Reads a name from `start`; `i` is where the part still to read begins and `name` what has been
 * read of it. A special letter (`θ`) is one name with the digits after it; an ASCII name runs on.
 */
function pushName(tokens: Token[], input: string, start: number, from: number, read: string): number {
  const asciiRun = read === '';
  let name = read;
  let i = from;
  for (;;) {
    const char = input[i];
    if (isDigit(char) || (asciiRun && isAsciiLetter(char))) name += char;
    else if (char === COMBINING_HAT) name += 'hat';
    else if (char !== '_') break;
    i++;
  }
  const text = input.slice(start, i);
  tokens.push({ kind: 'name', name, ascii: /^[\x20-\x7e]*$/.test(text), text, start, end: i });
  return i;
}

/** `x²` is `x^2` and `x⁻¹` is `x^-1`: a run of superscripts becomes `^`, an optional `-`, a number. */
function pushSuperscript(tokens: Token[], input: string, start: number): number {
  let i = start;
  tokens.push({ kind: 'operator', op: '^', text: input[i]!, start, end: start + 1 });
  if (input[i] === SUPERSCRIPT_MINUS) {
    tokens.push({ kind: 'operator', op: '-', text: SUPERSCRIPT_MINUS, start: i, end: i + 1 });
    i++;
  }
  let digits = '';
  const digitsStart = i;
  while (i < input.length && SUPERSCRIPT_DIGITS.includes(input[i]!)) {
    digits += String(SUPERSCRIPT_DIGITS.indexOf(input[i]!));
    i++;
  }
  if (digits === '') throw unexpectedCharacter(input, start);
  tokens.push({ kind: 'number', value: Number(digits), text: digits, start: digitsStart, end: i });
  return i;
}

function unexpectedCharacter(input: string, offset: number): ReadError {
  const char = String.fromCodePoint(input.codePointAt(offset)!);
  const end = offset + char.length;
  const where = `at column ${column(input, offset)}`;
  const explanation = EXPLAINED_CHARACTERS[char];
  if (explanation !== undefined)
    return new ReadError(`unexpected ${quote(char)} ${where}: ${explanation}`, offset, end);
  const kind = /\p{L}/u.test(char) ? 'unknown letter' : 'unexpected character';
  return new ReadError(`${kind} ${quote(char)} ${where}`, offset, end);
}
