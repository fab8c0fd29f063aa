// A static server for dist/ that compresses, as any real host or CDN does, for the benchmarks
// that measure what a student's phone downloads (Lighthouse, the first touch on Fast 3G).
// scripts/serve-dist.mjs sends files as they are, which the tests want and a page-load
// benchmark must not: a lesson's HTML is several times smaller gzipped.
// Hashed files (/_astro/) are cached for a year; everything else is revalidated, as the README's
// Deploy section asks of a host.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
// Already compressed: gzip would only cost time.
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg']);

const isFile = (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** Each file's bytes, gzipped once (level 9, as a host that precompresses would). */
const cache = new Map();
function body(path, gzip) {
  const key = `${gzip}:${path}`;
  if (!cache.has(key)) cache.set(key, gzip ? gzipSync(readFileSync(path), { level: 9 }) : readFileSync(path));
  return cache.get(key);
}

function send(req, res, status, path, link) {
  const ext = extname(path);
  const gzip = compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const bytes = body(path, gzip);
  res.writeHead(status, {
    'content-type': types[ext] ?? 'application/octet-stream',
    'content-length': bytes.byteLength,
    'cache-control': path.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  if (!link) return res.end(bytes);
  // The request line and headers, as they go up the link.
  const requestBytes = req.url.length + req.rawHeaders.reduce((sum, part) => sum + part.length + 2, 16);
  link.send(res, bytes, requestBytes);
}

/**
 * Serves dist/ on 127.0.0.1:`port`, through `link` if given (a SlowLink: a phone's connection);
 * resolves with the server once it listens.
 */
export function serveDist(port, link) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const path = normalize(join(root, pathname));
    if (!path.startsWith(root)) return res.writeHead(400).end('bad path');
    if (isFile(path)) return send(req, res, 200, path, link);
    if (isFile(join(path, 'index.html'))) {
      // The site's addresses end in a slash: /lessons/softmax → /lessons/softmax/
      if (!pathname.endsWith('/')) return res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return send(req, res, 200, join(path, 'index.html'), link);
    }
    send(req, res, 404, join(root, '404.html'), link);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
