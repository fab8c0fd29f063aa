// The service worker's precache: what a first visit downloads in the background, after the
// page's load event, to make the whole course work offline (scripts/service-worker.mjs). On a
// slow connection it competes with the lesson's own chunks, so its size matters: both as
// stored and as a compressing host sends it. Run after `npm run build`:
//   node bench/precache.mjs   (prints figures; asserts nothing)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);

/** The precached files with their sizes in bytes, read from dist/sw.js's manifest. */
export function precache() {
  const sw = readFileSync(new URL('sw.js', dist), 'utf8');
  // workbox-build inlines the manifest as [{url:"…",revision:"…"}, …] (revision null for hashed names).
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
  if (urls.length === 0) throw new Error('no precache manifest found in dist/sw.js');
  return urls.map((url) => {
    const bytes = readFileSync(new URL(url, dist));
    const gzip = /\.(html|js|css|json|svg)$/.test(url) ? gzipSync(bytes, { level: 9 }).byteLength : bytes.byteLength;
    return { url, size: bytes.byteLength, gzip };
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** One line: count, total as stored and as sent with gzip. */
export function precacheSummary(files = precache()) {
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return `precache (dist/sw.js): ${files.length} files, ${mb(sum('size'))} as stored, ${mb(sum('gzip'))} sent with gzip`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = precache();
  console.log(precacheSummary(files));
  console.log('  largest (gzip bytes):');
  for (const file of [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 8))
    console.log(`    ${String(file.gzip).padStart(9)}  ${file.url}`);
}
