/**
 * What a printed answer key writes on an answer's line: the expected answer as TeX. Numbers to
 * four significant figures (what the statements ask for; whole numbers exactly), a formula as
 * the checker reads it, a shape as (rows, cols). Build time only: AnswerField writes it unless
 * the build leaves solutions out.
 */
import { evaluate, parseExpression, parseList, readShape, toTex } from './expression';
import type { AnswerSpec } from './spec';

/** A number to four significant figures, as TeX: 0.8420, 2.087 \times 10^{-3}, 12288. */
export function keyNumberTex(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const [mantissa, exponent] = value.toPrecision(4).split('e');
  return exponent === undefined ? mantissa! : `${mantissa} \\times 10^{${Number(exponent)}}`;
}

export function answerKeyTex(spec: AnswerSpec): string {
  const fail = () => {
    throw new Error(`answer '${spec.name}': its expected value '${spec.expected}' does not read`);
  };
  switch (spec.type) {
    case 'number':
    case 'vector': {
      const read = parseList(spec.expected);
      if (!read.ok) return fail();
      const values = read.items.map((item) => keyNumberTex(evaluate(item)));
      return spec.type === 'number' ? values.join(', ') : `\\left[${values.join(',\\ ')}\\right]`;
    }
    case 'shape': {
      const read = readShape(spec.expected);
      return read.ok ? `\\left(${read.rows},\\ ${read.cols}\\right)` : fail();
    }
    case 'expression': {
      const read = parseExpression(spec.expected, { variables: Object.keys(spec.variables) });
      return read.ok ? toTex(read.ast) : fail();
    }
    default:
      return fail();
  }
}
