// What the scope-docs Vite plugin (src/notebook/build/scopeDocsPlugin.ts) serves.
declare module 'virtual:nn-scope-docs' {
  const docs: import('../build/scopeDocs').ScopeDocs;
  export default docs;
}
