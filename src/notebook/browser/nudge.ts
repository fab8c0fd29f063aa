/**
 * Changing the number at the cursor by one unit of its last digit: 0.5 → 0.6, 3 → 4, -1 → 0.
 * Pure text arithmetic, so 0.1 + 0.2 style rounding never shows up in the code.
 */
export interface Nudge {
  changes: { from: number; to: number; insert: string };
  cursor: number;
}

const NUMBER = /-?\d+(\.\d+)?/g;

export function nudgeNumber(text: string, cursor: number, direction: 1 | -1): Nudge | null {
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    let from = match.index;
    const to = from + match[0].length;
    if (cursor < from || cursor > to) continue;
    // The digits of a name (x1) or of a property access (a.5 is not valid anyway) are not numbers.
    if (from > 0 && /[\w$]/.test(text[from - 1]!) && !match[0].startsWith('-')) continue;
    let literal = match[0];
    // A minus sign belongs to the number only when it is not a subtraction (`a-1`).
    if (literal.startsWith('-') && from > 0 && /[\w)\]]/.test(text[from - 1]!)) {
      literal = literal.slice(1);
      from += 1;
    }
    const decimals = match[1] ? match[1].length - 1 : 0;
    const scale = 10 ** decimals;
    const next = (Math.round(Number(literal) * scale) + direction) / scale;
    const insert = next.toFixed(decimals);
    NUMBER.lastIndex = 0;
    return { changes: { from, to, insert }, cursor: from + insert.length };
  }
  NUMBER.lastIndex = 0;
  return null;
}
