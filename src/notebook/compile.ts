/**
 * Compiles a cell's TypeScript into the body of a function: types stripped by sucrase (which
 * keeps every line on its line), top-level names returned, the last expression captured as
 * the cell's displayed value. Syntax errors carry the line and column in the student's source.
 */
import { parse } from 'acorn';
import { transform } from 'sucrase';
import { analyzeProgram } from './analyze';

/**
 * What a cell's body starts with, on a line of its own: cells are strict, as the TypeScript
 * modules students know are, so `x = 1` without a declaration is an error instead of a global
 * that other cells would see without the graph knowing.
 */
const PREAMBLE = "'use strict';\n";
const PREAMBLE_LINES = 1;

/** The name under which a cell's displayed value travels; no cell may declare it. */
export const DISPLAY_NAME = '__cellDisplay';

export interface CompiledCell {
  /** Function body: runs the cell and returns `{ [DISPLAY_NAME]: value, ...topLevelNames }`. */
  body: string;
  /** Where `__cellDisplay = (` was inserted into `js` (1-based line, 0-based column, length). */
  inserted?: { line: number; column: number; length: number };
  /** The JavaScript sucrase produced, line for line with the source (for column mapping). */
  js: string;
  defines: string[];
  references: string[];
  /** Whether the cell ends with an expression whose value is shown. */
  displays: boolean;
  topLevelAwait: boolean;
}

/**
 * A problem found in a cell before it runs (a syntax error, an import, a reserved name), located
 * in the student's TypeScript (1-based line and column). Errors while running are the cell's own.
 */
export class CellError extends Error {
  readonly kind = 'syntax';

  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'CellError';
  }
}

const positionSuffix = /\s*\((\d+):(\d+)\)\s*$/;

/**
 * A syntax error located in the TypeScript. Sucrase reports positions in the source with
 * 1-based columns; acorn reports them in the stripped JavaScript (`js`) with 0-based columns.
 */
function syntaxError(error: unknown, source: string, js?: string): CellError {
  const message = error instanceof Error ? error.message : String(error);
  const match = positionSuffix.exec(message);
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  const line = loc?.line ?? (match ? Number(match[1]) : undefined);
  const column = loc?.column ?? (match ? Number(match[2]) : undefined);
  const clean = message.replace(positionSuffix, '');
  if (line === undefined || column === undefined) return new CellError(clean);
  return new CellError(clean, line, js === undefined ? column : mapColumn(source, js, line, column + 1));
}

const MODULE_SYNTAX = /^[ \t]*(import|export)\b(?!\s*\()/m;

/**
 * Maps a 1-based column of line `line` in the stripped JavaScript to the TypeScript source.
 * Sucrase only deletes text (types, `as` casts), so the JavaScript line is a subsequence of the
 * source line, and a greedy left-to-right match recovers where each character came from.
 */
export function mapColumn(source: string, js: string, line: number, column: number): number {
  const sourceLine = source.split('\n')[line - 1];
  const jsLine = js.split('\n')[line - 1];
  if (sourceLine === undefined || jsLine === undefined) return column;
  let j = 0;
  for (let i = 0; i < jsLine.length; i++) {
    const found = sourceLine.indexOf(jsLine[i]!, j);
    if (found === -1) return column;
    if (i === column - 1) return found + 1;
    j = found + 1;
  }
  return Math.min(column, sourceLine.length + 1);
}

/** Compiles one cell; throws CellError on a syntax error or a forbidden construct. */
export function compileCell(source: string): CompiledCell {
  // Checked before sucrase, which would silently drop an unused import.
  const moduleSyntax = MODULE_SYNTAX.exec(source);
  if (moduleSyntax) {
    const line = source.slice(0, moduleSyntax.index).split('\n').length;
    throw new CellError(
      'cells cannot import or export: the course functions are already in scope',
      line,
      moduleSyntax[0].length - moduleSyntax[1]!.length + 1,
    );
  }
  let js: string;
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  } catch (error) {
    throw syntaxError(error, source);
  }
  let program;
  try {
    program = parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    throw syntaxError(error, source, js);
  }
  const analysis = analyzeProgram(program as unknown as Parameters<typeof analyzeProgram>[0]);
  if (analysis.defines.includes(DISPLAY_NAME)) throw new CellError(`${DISPLAY_NAME} is reserved`);

  // The last statement, if an expression, becomes the displayed value. Only characters are
  // inserted before and after it, so lines and earlier columns keep their positions.
  const last = program.body[program.body.length - 1];
  let code = js;
  let displays = false;
  let inserted: CompiledCell['inserted'];
  if (last && last.type === 'ExpressionStatement') {
    // The whole statement, parentheses included (`({ a: 1 })`), without its semicolon.
    let end = last.end;
    while (end > last.start && /[\s;]/.test(js[end - 1]!)) end--;
    const prefix = `${DISPLAY_NAME} = (`;
    code = `${js.slice(0, last.start)}${prefix}${js.slice(last.start, end)});${js.slice(last.end)}`;
    inserted = { line: last.loc!.start.line, column: last.loc!.start.column, length: prefix.length };
    displays = true;
  }
  const returned = [DISPLAY_NAME, ...analysis.defines].join(', ');
  const body = `${PREAMBLE}${code}\n;var ${DISPLAY_NAME};\nreturn { ${returned} };`;
  return {
    body,
    js,
    ...(inserted ? { inserted } : {}),
    defines: analysis.defines,
    references: analysis.references,
    displays,
    topLevelAwait: analysis.topLevelAwait,
  };
}

/**
 * Reads the student's line and column from an error thrown by a cell compiled with
 * `sourceURL`: the first stack frame in that URL. `lineOffset` is how many lines the function
 * wrapper adds before the body (2 for `new Function`); the body's own preamble is counted here.
 */
export function locateRuntimeError(
  error: unknown,
  sourceURL: string,
  lineOffset: number,
  source: string,
  compiled: Pick<CompiledCell, 'js' | 'inserted'>,
): { line?: number; column?: number } {
  // Errors from another realm (node:vm at build time) fail `instanceof Error`: read the stack as data.
  const stack = String((error as { stack?: unknown } | null)?.stack ?? '');
  const escaped = sourceURL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return {};
  const line = Number(match[1]) - lineOffset - PREAMBLE_LINES;
  const sourceLines = source.split('\n').length;
  if (line < 1 || line > sourceLines) return {};
  let column = Number(match[2]);
  // Undo the display assignment inserted on the last statement's line.
  const inserted = compiled.inserted;
  if (inserted && inserted.line === line && column > inserted.column + inserted.length) column -= inserted.length;
  return { line, column: mapColumn(source, compiled.js, line, column) };
}
