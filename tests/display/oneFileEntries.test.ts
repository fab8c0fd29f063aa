import { describe, expect, it } from 'vitest';
import { isPageScript, unwrapImports, withoutPreloadHelper } from '../../src/display/build/oneFileEntries';

describe('a page script without Vite’s preload helper', () => {
  const file = '_astro/LessonLayout.astro_astro_type_script_index_0_lang.BmC1Il5d.js';

  it('knows a page script’s chunk by the name Astro gives it', () => {
    expect(isPageScript(file)).toBe(true);
    expect(isPageScript('_astro/runtime.BLkcoQZ2.js')).toBe(false);
    expect(isPageScript('_astro/preload-helper.DygEbaNj.js')).toBe(false);
  });

  it('turns each call of the helper into the import, and drops the helper once none is left', () => {
    const code = 'import{t as e}from"./preload-helper.DygEbaNj.js";const n=()=>e(()=>import("./runtime.js"),[]);';
    expect(withoutPreloadHelper(code, file)).toBe('const n=()=>import("./runtime.js");');
  });

  it('keeps the helper for a call in the form Vite gives a destructured import', () => {
    const code =
      'import{t as e}from"./preload-helper.X.js";var t=()=>void e(async()=>{let{f:e}=await import(`./o.js`);return{f:e}},[]).then(({f:e})=>e());';
    expect(withoutPreloadHelper(code, file)).toBe(
      'const e=(load)=>load();var t=()=>void e(async()=>{let{f:e}=await import(`./o.js`);return{f:e}},[]).then(({f:e})=>e());',
    );
  });

  it('keeps the helper, as a call of the import, for a call it leaves wrapped', async () => {
    const code =
      'import{t as e}from"./preload-helper.DygEbaNj.js";const n=()=>e(()=>import("./runtime.js"),[]),m=e(()=>import(`./${x}.js`),[]);';
    const out = withoutPreloadHelper(code, file);
    expect(out).toBe('const e=(load)=>load();const n=()=>import("./runtime.js"),m=e(()=>import(`./${x}.js`),[]);');
    expect(out).not.toContain('preload-helper');
    // The rewritten helper hands back what the import gives.
    const helper = new Function(`${out.split(';')[0]}; return e;`)() as (
      load: () => Promise<number>,
    ) => Promise<number>;
    await expect(helper(() => Promise.resolve(7))).resolves.toBe(7);
  });

  it('leaves a script that does not use the helper as it is', () => {
    expect(withoutPreloadHelper('console.log(1)', file)).toBe('console.log(1)');
  });

  it('fails the build rather than drop dependencies Vite still means to preload', () => {
    const code =
      'const __vite__mapDeps=(i)=>i;import{t as e}from"./preload-helper.X.js";e(()=>import("./a.js"),__vite__mapDeps([0]));';
    expect(() => withoutPreloadHelper(code, file)).toThrow(/still lists dependencies/);
  });

  it('fails the build when the helper is imported in a form it does not know', () => {
    expect(() => withoutPreloadHelper('import*as h from"./preload-helper.X.js";', file)).toThrow(/does not know/);
  });

  describe('calls of the helper become the import they call', () => {
    it('unwraps each call, with what follows the import', () => {
      const code = 'let t=()=>e(()=>import(`./a.js`).then(e=>e.t),[]),n=e(()=>import("./b(1).js"),[]);f(e);';
      expect(unwrapImports(code, 'e')).toBe('let t=()=>import(`./a.js`).then(e=>e.t),n=import("./b(1).js");f(e);');
    });

    it('leaves alone a longer name, a property, a call after new, and one with other arguments', () => {
      for (const code of [
        'xe(()=>import("./a.js"),[])',
        'o.e(()=>import("./a.js"),[])',
        'new e(()=>import("./a.js"),[])',
        'e(()=>import("./a.js"),[0])',
        'e(()=>g(),[])',
      ])
        expect(unwrapImports(code, 'e')).toBe(code);
    });

    it('leaves a call it cannot read for certain: a template with a substitution, an escape, no end', () => {
      for (const code of [
        'e(()=>import(`./${n}.js`),[])',
        'e(()=>import("./a\\"),[]).js"),[])',
        'e(()=>import("./a.js"',
      ])
        expect(unwrapImports(code, 'e')).toBe(code);
    });
  });
});
