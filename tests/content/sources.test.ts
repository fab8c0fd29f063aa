// The code a newcomer reads stays in pieces a newcomer can read: a module of src/ or components/
// over 300 lines says at its top why it is one piece ("Over 300 lines: …").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repository = new URL('../../', import.meta.url).pathname;
const MAX_LINES = 300;

function sources(dir: string): string[] {
  return readdirSync(join(repository, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** The first comment of a module (after an Astro component's opening fence). */
function headComment(text: string): string {
  const start = text.indexOf('/**');
  return start < 0 ? '' : text.slice(start, text.indexOf('*/', start));
}

describe('the source files', () => {
  const files = [...sources('src'), ...sources('components')];

  it('are found', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('are at most 300 lines, or say at their top why not', () => {
    const long = files
      .map((path) => ({ path, text: readFileSync(join(repository, path), 'utf8') }))
      .filter(({ text }) => text.replace(/\n$/, '').split('\n').length > MAX_LINES);
    expect(long.filter(({ text }) => !/Over 300 lines: \S/.test(headComment(text))).map(({ path }) => path)).toEqual(
      [],
    );
  });
});
