/**
 * A page's own script is one file. Vite wraps every lazy `import()` in a helper that preloads the
 * imported chunk's dependencies, and the helper is a chunk of its own (0.9 KB gzip, plus the list
 * of every dependency's name): a second request, one round trip after the first, before a lesson's
 * loaders can catch a click. A page's script needs no such help: its lazy parts are fetched ahead,
 * when idle (preload.ts), and a chunk imports its own dependencies directly. So for the entry
 * chunks of page scripts the list is empty (`resolveDependencies`), and the helper's import becomes
 * the one line it then amounts to: call the import. Chunks loaded later keep Vite's helper.
 */
import type { Plugin } from 'vite';

/** Astro names the chunk of a page's `<script>` after its component: `Name.astro_astro_type_script_…`. */
export const isPageScript = (fileName: string): boolean => /\.astro_astro_type_script_index_\d+_lang\./.test(fileName);

/** Vite's `build.modulePreload.resolveDependencies`: nothing listed for a page's script. */
const resolveDependencies = (_file: string, deps: string[], { hostId }: { hostId: string }): string[] =>
  isPageScript(hostId) ? [] : deps;

const HELPER_IMPORT = /import\s*\{\s*\w+\s+as\s+([\w$]+)\s*\}\s*from\s*"\.\/preload-helper\.[\w-]+\.js";?/;

/**
 * Rewrites a page script's import of the helper into `const name = (load) => load();`, or into
 * nothing once every call is unwrapped; or says why not.
 */
export function withoutPreloadHelper(code: string, fileName: string): string {
  if (!code.includes('preload-helper')) return code;
  if (code.includes('__vite__mapDeps'))
    throw new Error(`${fileName}: still lists dependencies to preload, so Vite's helper cannot be left out`);
  const match = HELPER_IMPORT.exec(code);
  if (!match) throw new Error(`${fileName}: imports Vite's preload helper in a form this plugin does not know`);
  const helper = match[1]!;
  const declaration = `const ${helper}=(load)=>load();`;
  const unwrapped = unwrapImports(code.replace(match[0], declaration), helper);
  // Vite calls its helper with an arrow function first, `helper(()=>…` or `helper(async()=>…`.
  // With no such call left (of this name, or of any local one that shares it), nothing uses the
  // declaration, and its bytes go too.
  const called = new RegExp(`(^|[^\\w$.])${helper.replace(/\$/g, '\\$')}\\((async)?\\(\\)=>`);
  return called.test(unwrapped.replace(declaration, '')) ? unwrapped : unwrapped.replace(declaration, '');
}

/**
 * Each `helper(()=>import(…)…,[])` becomes `import(…)…`: what the rewritten helper does, in 12
 * bytes less a call (a lesson's script has seven, and a budget of 3 KB, layout.spec.ts). Calls it
 * cannot read for certain (a string with an escape, a template literal with `${` inside) stay as
 * they are: the helper is still there for them.
 */
export function unwrapImports(code: string, helper: string): string {
  const head = `${helper}(()=>import(`;
  let out = '';
  let from = 0;
  for (let at = code.indexOf(head); at >= 0; at = code.indexOf(head, at + head.length)) {
    // The helper's own name, not the end of a longer one or a property.
    if (at > 0 && /[\w$.]/.test(code[at - 1]!)) continue;
    const end = closingParen(code, at + helper.length);
    if (end < 0 || !code.slice(0, end + 1).endsWith(',[])')) continue;
    // A call in place of a call: no brackets needed (`new` before one would mean something else).
    if (/\bnew\s*$/.test(code.slice(0, at))) continue;
    out += code.slice(from, at) + code.slice(at + head.length - 'import('.length, end - ',[]'.length);
    from = end + 1;
  }
  return out + code.slice(from);
}

/** Where the bracket opened at `open` closes, skipping string literals; -1 if unsure. */
function closingParen(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const close = code.indexOf(c, i + 1);
      const text = code.slice(i + 1, close);
      if (close < 0 || text.includes('\\') || (c === '`' && text.includes('${'))) return -1;
      i = close;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** The plugin (astro.config.mjs). */
export function oneFileEntriesPlugin(): Plugin {
  return {
    name: 'nn-one-file-entries',
    apply: 'build',
    // Set here, for the browser's build (Astro's environment `client`): Astro sets `build.modulePreload`
    // itself, over the config's.
    configEnvironment: (name) =>
      name === 'client' ? { build: { modulePreload: { resolveDependencies } } } : undefined,
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk' && isPageScript(chunk.fileName)) {
            chunk.code = withoutPreloadHelper(chunk.code, chunk.fileName);
            chunk.imports = chunk.imports.filter((file) => !/preload-helper\./.test(file));
          }
      },
    },
  };
}
