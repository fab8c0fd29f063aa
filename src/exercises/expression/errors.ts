/**
 * How reading problems are raised inside the reader and described to a student. The reader
 * throws `ReadError` to unwind from deep in the grammar; the public functions catch it and
 * return it as a value, so nothing a student types escapes as an exception.
 */
import type { SourceError } from './ast';

export class ReadError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** The 1-based column of an offset, counted in characters as the student sees them (code points). */
export function column(input: string, offset: number): number {
  return Array.from(input.slice(0, offset)).length + 1;
}

/** Text from the answer quoted for a message; invisible characters are named by code point. */
export function quote(text: string): string {
  const shown = Array.from(text)
    .map((char) =>
      /[\p{L}\p{N}\p{P}\p{S}]/u.test(char)
        ? char
        : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    )
    .join('');
  return `'${shown}'`;
}

/** Turns whatever the reader threw into a problem with a position; stack overflows included. */
export function asSourceError(error: unknown, input: string): SourceError {
  if (error instanceof ReadError) return { message: error.message, start: error.start, end: error.end };
  // Should not happen (depth and length are limited), but a student must still get an answer.
  return { message: 'this answer could not be read', start: 0, end: input.length };
}

/** Words for a message: "4", "64 and 3", "64, 64, 3 and 1". */
export function listing(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
