/**
 * Options of a cell fence: `id=softmax expect="[0.842, 0.042]" budget=500 folded hidden`.
 * Values are bare words or double-quoted strings; a word without `=` is a flag.
 */
export function parseMeta(meta: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  const pattern = /([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|(\S+)))?/g;
  for (let match = pattern.exec(meta); match; match = pattern.exec(meta)) {
    const [, key, quoted, bare] = match;
    options[key!] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? true);
  }
  return options;
}
