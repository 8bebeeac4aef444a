#!/usr/bin/env node
// The Musterstadt demo: a town's website with Civic Elements embedded as an editor would.
//
//   npm start                      (= node scripts/ensure.mjs && node scripts/start.mjs)
//   node scripts/start.mjs [--mock]
//
// Builds what is missing or older than its sources (`npx rollup -c rollup.config.js`: the CDN
// bundle and the in-browser demo back end), then serves on http://localhost:8080/:
//   /                      demo/ (directory index.html, demo/404.html with status 404)
//   /cdn/                  packages/civic-elements/dist/cdn/ (the CDN build)
//   /demo-backend.js       packages/mock-api/dist/browser/demo-backend.js: starts the mock API in the
//                          browser (msw service worker answering /api). When it is not built, an
//                          empty module that says so, so pages still load without errors.
//   /mockServiceWorker.js  msw's service worker script, from node_modules
//   /api/…                 reaches this server only when the mock's service worker did not answer
//                          (not built, or not ready yet): 503 problem+json `unavailable` with
//                          Retry-After, never a misleading 404.
// HTML is sent with a strict Content-Security-Policy (no inline scripts or styles); every response
// carries X-Content-Type-Options: nosniff.
//
// Options and environment:
//   --mock     use the in-browser mock API as the back end. Today it is the only back end, so this
//              is also the default; once the reference server is wired in, it takes over the
//              demo's /api and --mock keeps the mock.
//   PORT       port to listen on (default 8080). HOST: address (default 127.0.0.1).
//
// `startDemoServer({ port })` is exported for scripts/demo-smoke.mjs (port 0 picks a free port).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEMO_DIR = join(ROOT, 'demo');
export const CDN_DIR = join(ROOT, 'packages', 'civic-elements', 'dist', 'cdn');
export const CDN_ENTRY = join(CDN_DIR, 'civic-elements.js');
export const DEMO_BACKEND_SRC = join(ROOT, 'packages', 'mock-api', 'src', 'demo-backend.ts');
export const DEMO_BACKEND = join(ROOT, 'packages', 'mock-api', 'dist', 'browser', 'demo-backend.js');
const MSW_WORKER = require.resolve('msw/mockServiceWorker.js');

export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NO_BACKEND_MODULE = `// No demo back end is built: packages/mock-api/dist/browser/demo-backend.js does not exist.
// Nothing answers /api, so the widgets on this page show their fallback content.
// Build it with: npx rollup -c rollup.config.js (npm start does this when its source exists).
export {};
`;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Newest modification time of the files below `dir` (0 if it does not exist). */
function newestMtime(dir, skip = /(^|[\\/])(node_modules|dist)([\\/]|$)|\.test\.ts$|\.stories\.ts$/) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (skip.test(file)) continue;
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Why the bundles must be (re)built, or '' when they are up to date. */
export function buildReason() {
  if (!existsSync(CDN_ENTRY)) return `${CDN_ENTRY.slice(ROOT.length + 1)} is missing`;
  if (existsSync(DEMO_BACKEND_SRC) && !existsSync(DEMO_BACKEND)) return `${DEMO_BACKEND.slice(ROOT.length + 1)} is missing`;
  const built = Math.min(statSync(CDN_ENTRY).mtimeMs, existsSync(DEMO_BACKEND) ? statSync(DEMO_BACKEND).mtimeMs : Infinity);
  const sources = Math.max(newestMtime(join(ROOT, 'packages')), statSync(join(ROOT, 'rollup.config.js')).mtimeMs);
  return sources > built ? 'sources changed since the last build' : '';
}

/** Runs the rollup build when something is missing or stale. Returns false if the build failed. */
export function ensureBuilt(log = console.log) {
  const reason = buildReason();
  if (!reason) return true;
  log(`[start] ${reason}: building (npx rollup -c rollup.config.js)`);
  const started = performance.now();
  const result = spawnSync('npx', ['rollup', '-c', 'rollup.config.js'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) return false;
  log(`[start] built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Maps a URL path to a file below `base`, refusing anything that leaves it. */
function inside(base, path) {
  const file = normalize(join(base, path));
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

function headersFor(file) {
  const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Referrer-Policy': 'no-referrer',
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = DEMO_CSP;
  return headers;
}

function sendFile(req, res, file, status = 200) {
  res.writeHead(status, { ...headersFor(file), 'Content-Length': statSync(file).size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function sendText(req, res, status, type, body, extra = {}) {
  const headers = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...extra };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = DEMO_CSP;
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(req, res) {
  const page = join(DEMO_DIR, '404.html');
  if (existsSync(page)) sendFile(req, res, page, 404);
  else sendText(req, res, 404, 'text/plain; charset=utf-8', 'Nicht gefunden\n');
}

/** /api requests the in-browser mock did not intercept: the contract's `unavailable` problem. */
function backendUnavailable(req, res) {
  const body = JSON.stringify({
    type: 'urn:civic:problem:unavailable',
    title: 'Vorübergehend nicht verfügbar',
    status: 503,
    code: 'unavailable',
    detail:
      'Diese Anfrage hat kein Demo-Back-End beantwortet: Der Service Worker der Mock-API ist noch nicht bereit oder nicht gebaut.',
    retryAfter: 1,
  });
  sendText(req, res, 503, 'application/problem+json', body, {
    'Retry-After': '1',
    'Cache-Control': 'no-store',
    'Content-Language': 'de',
  });
}

const isFile = (file) => file !== undefined && existsSync(file) && statSync(file).isFile();

function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    sendText(req, res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
    return;
  }
  if (path.includes('\0')) return notFound(req, res);

  if (path === '/demo-backend.js') {
    if (isFile(DEMO_BACKEND)) return sendFile(req, res, DEMO_BACKEND);
    return sendText(req, res, 200, 'text/javascript; charset=utf-8', NO_BACKEND_MODULE);
  }
  if (path === '/demo-backend.js.map' && isFile(`${DEMO_BACKEND}.map`)) return sendFile(req, res, `${DEMO_BACKEND}.map`);
  if (path === '/mockServiceWorker.js') return sendFile(req, res, MSW_WORKER);
  if (path === '/api' || path.startsWith('/api/')) return backendUnavailable(req, res);
  if (path.startsWith('/cdn/')) {
    const file = inside(CDN_DIR, path.slice('/cdn/'.length));
    return isFile(file) ? sendFile(req, res, file) : notFound(req, res);
  }

  const file = inside(DEMO_DIR, path);
  if (file === undefined) return notFound(req, res);
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) {
      // /termine → /termine/ so the page's relative URLs resolve inside its folder.
      const url = new URL(req.url ?? '/', 'http://localhost');
      res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'X-Content-Type-Options': 'nosniff' });
      res.end();
      return;
    }
    const index = join(file, 'index.html');
    return isFile(index) ? sendFile(req, res, index) : notFound(req, res);
  }
  return isFile(file) ? sendFile(req, res, file) : notFound(req, res);
}

/**
 * Starts the demo's HTTP server. Resolves with `{ server, url, port, close }` once it listens;
 * rejects with the listen error (e.g. `EADDRINUSE`).
 */
export function startDemoServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer(handle);
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const actual = server.address().port;
      done({
        server,
        port: actual,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function main() {
  const usage = 'Usage: node scripts/start.mjs [--mock]   (environment: PORT=8080, HOST=127.0.0.1)';
  let values;
  try {
    ({ values } = parseArgs({
      options: { mock: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`[start] ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[start] PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  const host = process.env.HOST || '127.0.0.1';

  if (!ensureBuilt()) {
    if (!existsSync(CDN_ENTRY)) {
      console.error('[start] The build failed and there is no earlier build to serve. See the errors above.');
      process.exit(1);
    }
    console.warn('[start] The build failed; serving the previous build. See the errors above.');
  }
  if (!existsSync(DEMO_BACKEND)) {
    console.warn('[start] No demo back end is built: the widgets will show their fallback content.');
  }

  let demo;
  try {
    demo = await startDemoServer({ port, host });
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      console.error(
        `[start] Port ${port} is already in use (is the demo already running?). ` +
          `Stop that process or choose another port: PORT=${port + 1} npm start`,
      );
    } else {
      console.error(`[start] Could not listen on ${host}:${port}: ${error?.message ?? error}`);
    }
    process.exit(1);
  }

  const shown = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host;
  console.log(`Musterstadt demo: http://${shown}:${demo.port}/`);
  console.log(`Back end: the in-browser mock API (msw)${values.mock ? ' (--mock)' : ''}. Stop with Ctrl+C.`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping`);
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
