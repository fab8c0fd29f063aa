// Writes the service worker that makes the whole course work offline after one visit: it
// precaches every page's HTML, the CSS, the JS chunks (the notebook's worker and editor
// included), the woff2 fonts KaTeX uses and the search index. Run after `astro build` and
// Pagefind (npm run build does): node scripts/service-worker.mjs [dir]   (default dist/)
//
// Why workbox-build after the build, rather than @vite-pwa/astro: the integration's peer range
// ends at Astro 5, and a multi-page site needs nothing from it but the precache manifest; reading
// the finished dist/ also sees Pagefind's index, which is written after Astro is done.
//
// No navigateFallback: this is a multi-page site, and a fallback would answer every address it
// does not know with one page. Each page is its own precached index.html (the precache's
// directoryIndex), and an address that is not in the manifest goes to the network as usual.
// The worker waits when a new version is installed; the page asks the student to reload
// (src/scripts/offline.ts), and only then it takes over.
import { generateSW } from 'workbox-build';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? new URL('../dist/', import.meta.url).pathname);
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`service worker: ${dir} holds no built site; run astro build first.`);
  process.exit(1);
}

const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: [
    '**/*.{html,css,js,woff2,svg,json}',
    // Pagefind's index, its loader and worker (the search page uses its JS API, not its UI).
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/*.pf_meta',
    'pagefind/wasm.*.pagefind',
    'pagefind/index/*',
    'pagefind/fragment/*',
  ],
  // KaTeX's fonts come in three formats; every browser with a service worker reads woff2.
  globIgnores: ['sw.js', 'pagefind/*-ui.*', 'pagefind/pagefind-highlight.js', '**/*.{ttf,woff}'],
  // Above Workbox's 2 MB: the largest page, a lesson (shallow networks), is 1.3 MB of HTML.
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  swDest: join(dir, 'sw.js'),
  // One file, so that it works under any `base` without a second request to resolve.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  // The site's links end in a slash: /lessons/softmax/ is lessons/softmax/index.html.
  directoryIndex: 'index.html',
  // A sheet's address carries its exercises in the query (?ex=…); every page is static, and its
  // script reads the query, so any query is served the page's one precached copy.
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  // A first install controls the open page at once; an update waits for the student's reload.
  clientsClaim: true,
  skipWaiting: false,
  // Hashed file names change with their content; a page's HTML is revisioned by its bytes.
  dontCacheBustURLsMatching: /\/_astro\//,
});

for (const warning of warnings) console.warn(`service worker: ${warning}`);
console.log(`service worker: ${count} files precached, ${(size / 1024 / 1024).toFixed(2)} MB (uncompressed)`);
