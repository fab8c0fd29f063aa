// A small static server for dist/, used by the browser tests and the benchmarks. (Astro's own
// preview refuses to start while another preview of the same project runs, such as `npm start`.)
// Usage: node scripts/serve-dist.mjs [port] [dir]   (host 127.0.0.1, default port 4329, default dir dist/)
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[3] ? resolve(process.argv[3]) + sep : fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4329);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function send(res, status, path) {
  res.writeHead(status, {
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(path).pipe(res);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = '/';
  }
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root.replace(/[\\/]$/, '') + sep) && path !== root.replace(/[\\/]$/, '')) {
    res.writeHead(400).end('bad path');
    return;
  }
  if (isFile(path)) return send(res, 200, path);
  if (isFile(join(path, 'index.html'))) {
    // The site uses trailing slashes: /lessons/softmax → /lessons/softmax/
    if (!pathname.endsWith('/')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return send(res, 200, join(path, 'index.html'));
  }
  send(res, 404, join(root, '404.html'));
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
