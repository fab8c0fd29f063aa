/**
 * A Vite plugin that hands the cell editor what it knows of the cell scope (scopeDocs.ts) as
 * `import scopeDocs from 'virtual:nn-scope-docs'`: the JSON is computed when the site is built
 * (about a second of TypeScript), so the compiler never reaches the browser.
 */
import type { Plugin } from 'vite';
import { extractScopeDocs } from './scopeDocs';

export const SCOPE_DOCS_MODULE = 'virtual:nn-scope-docs';
const resolved = `\0${SCOPE_DOCS_MODULE}`;

export function scopeDocsPlugin(): Plugin {
  return {
    name: 'nn-scope-docs',
    resolveId: (id) => (id === SCOPE_DOCS_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(extractScopeDocs())};` : undefined),
  };
}
