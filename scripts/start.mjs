#!/usr/bin/env node
// The Musterstadt demo: a town's website with Civic Elements embedded as an editor would.
//
//   npm start                      (= node scripts/ensure.mjs && node scripts/start.mjs)
//   node scripts/start.mjs [--server | --mock] [--no-build]
//
// Builds what is missing or older than its sources (`npx rollup -c rollup.config.js`: the CDN
// bundle and the in-browser demo back end; --no-build serves what is there), then serves on
// http://localhost:8080/:
//   /                      demo/ (directory index.html, demo/404.html with status 404)
//   /cdn/                  packages/civic-elements/dist/cdn/ (the CDN build)
//   /api/…                 the back end the pages' `api-base="/api"` points at (see the modes)
//   /demo-backend.js       what a demo page loads before the library (see the modes)
// HTML is sent with a strict Content-Security-Policy (no inline scripts or styles); every response
// carries X-Content-Type-Options: nosniff.
//
// Two back ends ("modes"):
//   --server   (default) the reference server (packages/server), in this process, on its embedded
//              PGlite database in .civic-data/ at the repository root (CIVIC_DATA_DIR; kept between
//              starts; delete the folder to start from the seed again). It answers /api on the
//              demo's origin, and also http://127.0.0.2:<port>/api — a second origin with CORS for
//              the demo's origin, used by the page /cors/. The shared simulator
//              (packages/simulator) runs here in Node with the server's staff key, so desks call
//              tickets, the desk answers chats and sample cases move. /demo-backend.js only tells
//              the Civic Elements loader that the page is ready (no service worker); e-mails the
//              server sends are readable at /api/dev/outbox; staff use /mitarbeitende/. The
//              server's settings come from the environment (CIVIC_STAFF_KEY, CIVIC_POW_DIFFICULTY,
//              CIVIC_RATE_LIMITS, SEED, …: packages/server/README.md); DATABASE_URL uses a real
//              PostgreSQL instead of PGlite.
//   --mock     the in-browser mock API: /demo-backend.js starts msw's service worker
//              (/mockServiceWorker.js) answering /api in the page, and the simulator runs in the
//              page. Nothing is stored; no second origin. /api requests the worker did not answer
//              (not built, not ready yet) reach this server: 503 problem+json `unavailable`.
//
//   PORT       port to listen on (default 8080). HOST: address (default 127.0.0.1).
//   SIGINT/SIGTERM stop gracefully: the simulator stops, no new connections are accepted,
//   requests in flight finish, event streams end, the database closes.
//
// `startDemoServer(options)` is exported for scripts/demo-smoke.mjs and the end-to-end gates; see
// its JSDoc for the options and what it returns.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { register as tsxRegister } from 'tsx/esm/api';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEMO_DIR = join(ROOT, 'demo');
export const CDN_DIR = join(ROOT, 'packages', 'civic-elements', 'dist', 'cdn');
export const CDN_ENTRY = join(CDN_DIR, 'civic-elements.js');
export const DEMO_BACKEND_SRC = join(ROOT, 'packages', 'mock-api', 'src', 'demo-backend.ts');
export const DEMO_BACKEND = join(ROOT, 'packages', 'mock-api', 'dist', 'browser', 'demo-backend.js');
/** Where `npm start` keeps the server's PGlite database and e-mail outbox (gitignored). */
export const DEFAULT_DATA_DIR = join(ROOT, '.civic-data');
/** The back end `npm start` (and `startDemoServer` without `backend`) uses. */
export const DEFAULT_BACKEND = 'server';
/** Host of the second origin (Linux routes all of 127.0.0.0/8 to the loopback interface). */
export const SECOND_HOST = '127.0.0.2';
/** The page that embeds the widgets with `api-base` on the second origin. */
export const CORS_PAGE = '/cors/';
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

/** DEMO_CSP with `extra` origins allowed in connect-src (the CORS page's API origin). */
export function demoCsp(...extra) {
  return extra.length ? DEMO_CSP.replace("connect-src 'self'", `connect-src 'self' ${extra.join(' ')}`) : DEMO_CSP;
}

const NO_BACKEND_MODULE = `// No demo back end is built: packages/mock-api/dist/browser/demo-backend.js does not exist.
// Nothing answers /api, so the widgets on this page show their fallback content.
// Build it with: npx rollup -c rollup.config.js (npm start does this when its source exists).
export {};
`;

/**
 * /demo-backend.js in server mode: the reference server answers /api, so nothing starts in the
 * browser. The module publishes the page readiness promise the loader waits for, removes a mock
 * service worker left over from a --mock run, and tells the demo's own pages what they need.
 */
function serverBackendModule({ secondApiBase, demoStaffKey }) {
  return `// Demo back end (server mode of scripts/start.mjs): the reference server answers /api on this
// origin, so nothing starts in the browser. This module only signals that the page is ready.
export const backend = 'server';
/** The API on a second origin (CORS), for the page /cors/; null when it is not available. */
export const secondApiBase = ${JSON.stringify(secondApiBase)};
/** The seed's documented demo staff key, only while the server uses it (for /mitarbeitende/). */
export const demoStaffKey = ${JSON.stringify(demoStaffKey)};
const leftover = navigator.serviceWorker
  ? navigator.serviceWorker
      .getRegistrations()
      .then((registrations) =>
        Promise.all(
          registrations
            .filter((r) => [r.active, r.waiting, r.installing].some((w) => w && new URL(w.scriptURL).pathname === '/mockServiceWorker.js'))
            .map((r) => r.unregister()),
        ),
      )
      .catch(() => undefined)
  : Promise.resolve();
export const ready = leftover.then(() => undefined);
globalThis[Symbol.for('civic-elements/ready')] = ready;
`;
}

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

// ---------------------------------------------------------------------------------------------
// The reference server and the simulator run from their TypeScript sources: `npm start` is plain
// `node`, so the first server-mode start registers tsx and the `civic-source` export condition
// (which makes `@civic-elements/*` resolve to src/*.ts) as module hooks. Nothing is installed.

let sourceHooks = false;
function registerSourceHooks() {
  if (sourceHooks) return;
  sourceHooks = true;
  let resolved = '';
  try {
    resolved = import.meta.resolve('@civic-elements/server');
  } catch {
    // Not resolvable without the condition (no dist build): the hooks below add it.
  }
  const tsxLoaded = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /\btsx\b/.test(arg));
  if (resolved.endsWith('.ts') && tsxLoaded) return; // started with --conditions=civic-source --import tsx
  // Hooks registered later run first: the condition is added before tsx resolves.
  tsxRegister();
  const conditionHook = `export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes('civic-source') ? context.conditions : [...context.conditions, 'civic-source'];
  return next(specifier, { ...context, conditions });
}`;
  register(`data:text/javascript,${encodeURIComponent(conditionHook)}`);
}

async function loadServerModules() {
  registerSourceHooks();
  const [server, simulator] = await Promise.all([import('@civic-elements/server'), import('@civic-elements/simulator')]);
  return { server, simulator };
}

/**
 * A fresh PGlite cluster takes 3–20 s to initialise and migrate (initdb in WebAssembly); a copy of
 * a migrated, empty one opens in a second or two. Temporary data directories start from such a
 * template, kept in node_modules/.cache/civic-elements (one per PGlite version and migration set;
 * older ones are removed). The seed is materialised on start, against that start's clock.
 */
async function pgliteTemplate(serverModule) {
  const entry = require.resolve('@electric-sql/pglite');
  const packageRoot = entry.slice(0, entry.lastIndexOf(`${sep}@electric-sql${sep}pglite${sep}`) + `${sep}@electric-sql${sep}pglite`.length);
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const migrations = createHash('sha256').update(JSON.stringify(serverModule.MIGRATIONS)).digest('hex').slice(0, 12);
  const cache = join(ROOT, 'node_modules', '.cache', 'civic-elements');
  const name = `pglite-${version}-${migrations}`;
  const template = join(cache, name);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  mkdirSync(cache, { recursive: true });
  for (const old of readdirSync(cache)) {
    if (old.startsWith('pglite-') && !old.includes('.tmp-')) rmSync(join(cache, old), { recursive: true, force: true });
  }
  const building = mkdtempSync(join(cache, `${name}.tmp-`));
  try {
    const db = await serverModule.openDb({ dataDir: building });
    await db.close();
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process made it first, or it failed
  }
  return existsSync(join(template, 'PG_VERSION')) ? template : undefined;
}

/**
 * Claims `dir` for this process (`<dir>/demo.lock` holds the pid); throws when a running process
 * holds it. A lock left by a process that no longer runs is taken over. Returns the release.
 */
function lockDataDir(dir) {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'demo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8'));
      let alive = false;
      try {
        alive = Number.isInteger(pid) && pid > 0 && process.kill(pid, 0); // this process counts too
      } catch (probe) {
        alive = probe?.code === 'EPERM';
      }
      if (alive) {
        const busy = new Error(`The data directory ${dir} is in use by process ${pid} (is the demo already running?). Stop it, or use another CIVIC_DATA_DIR.`);
        busy.code = 'EDATADIRBUSY';
        throw busy;
      }
      rmSync(lock, { force: true }); // left behind by a process that ended without cleaning up
    }
  }
  throw new Error(`Could not lock the data directory ${dir}`);
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** Maps a URL path to a file below `base`, refusing anything that leaves it. */
function inside(base, path) {
  const file = normalize(join(base, path));
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

function typeOf(file) {
  return MIME_TYPES[extname(file)] ?? 'application/octet-stream';
}

function sendFile(req, res, file, { status = 200, csp = DEMO_CSP } = {}) {
  const type = typeOf(file);
  const headers = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Referrer-Policy': 'no-referrer',
    'Content-Length': statSync(file).size,
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = csp;
  res.writeHead(status, headers);
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
  if (existsSync(page)) sendFile(req, res, page, { status: 404 });
  else sendText(req, res, 404, 'text/plain; charset=utf-8', 'Nicht gefunden\n');
}

/** /api requests the in-browser mock did not intercept: the contract's `unavailable` problem. */
function backendUnavailable(req, res, detail) {
  const body = JSON.stringify({
    type: 'urn:civic:problem:unavailable',
    title: 'Vorübergehend nicht verfügbar',
    status: 503,
    code: 'unavailable',
    detail,
    retryAfter: 1,
  });
  sendText(req, res, 503, 'application/problem+json', body, {
    'Retry-After': '1',
    'Cache-Control': 'no-store',
    'Content-Language': 'de',
  });
}

const isFile = (file) => file !== undefined && existsSync(file) && statSync(file).isFile();
const isApiPath = (path) => path === '/api' || path.startsWith('/api/');

/**
 * Hands an /api request to the reference server's Node listener with the prefix removed, and
 * counts it while it runs if it is not an event stream (shutdown waits for those).
 */
function forwardToApi(api, inflight, req, res) {
  const url = req.url ?? '/';
  req.url = url.slice('/api'.length) || '/';
  if (!req.url.startsWith('/')) req.url = `/${req.url}`;
  // Event streams stay open until shutdown ends them; everything else is waited for.
  const stream = /\/events\/?(\?|$)/.test(url) || /text\/event-stream/.test(req.headers.accept ?? '');
  if (!stream) {
    inflight.add(res);
    res.once('close', () => inflight.delete(res));
  }
  api.listener(req, res);
}

function pathOf(req) {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (path.includes('\0')) throw new URIError('NUL in path');
  return path;
}

function createHandler(state) {
  return function handle(req, res) {
    let path;
    try {
      path = pathOf(req);
    } catch {
      sendText(req, res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      return;
    }
    if (isApiPath(path)) {
      if (state.api) return forwardToApi(state.api, state.inflight, req, res);
      return backendUnavailable(
        req,
        res,
        'Diese Anfrage hat kein Demo-Back-End beantwortet: Der Service Worker der Mock-API ist noch nicht bereit oder nicht gebaut.',
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }

    if (path === '/demo-backend.js') {
      if (state.backendModule) return sendText(req, res, 200, 'text/javascript; charset=utf-8', state.backendModule);
      if (isFile(DEMO_BACKEND)) return sendFile(req, res, DEMO_BACKEND);
      return sendText(req, res, 200, 'text/javascript; charset=utf-8', NO_BACKEND_MODULE);
    }
    if (state.backend === 'mock') {
      if (path === '/demo-backend.js.map' && isFile(`${DEMO_BACKEND}.map`)) return sendFile(req, res, `${DEMO_BACKEND}.map`);
      if (path === '/mockServiceWorker.js') return sendFile(req, res, MSW_WORKER);
    }
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
      return isFile(index) ? sendFile(req, res, index, { csp: state.cspFor(path) }) : notFound(req, res);
    }
    return isFile(file) ? sendFile(req, res, file, { csp: state.cspFor(path) }) : notFound(req, res);
  };
}

/** The second origin serves only the API (and answers everything else with a plain 404). */
function createSecondOriginHandler(state) {
  return function handle(req, res) {
    let path;
    try {
      path = pathOf(req);
    } catch {
      sendText(req, res, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      return;
    }
    if (isApiPath(path) && state.api) return forwardToApi(state.api, state.inflight, req, res);
    sendText(req, res, 404, 'text/plain; charset=utf-8', 'Not found: this origin serves only the API under /api/.\n');
  };
}

function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server.address().port);
    });
  });
}

const originOf = (host, port) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Stops accepting, lets requests finish (at most `graceMs`), then drops what is left. */
function closeServer(server, graceMs = 5000) {
  return new Promise((closed) => {
    if (!server.listening) return closed();
    server.close(() => closed());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/**
 * Starts the demo's HTTP server (and in server mode the reference server, the simulator and the
 * second origin). Resolves once everything listens; rejects after cleaning up with the listen
 * error (e.g. `EADDRINUSE`), or `code: 'EDATADIRBUSY'` when a running demo holds the PGlite data
 * directory (`<dataDir>/demo.lock`).
 *
 * Options (all optional):
 * - `port` (8080; 0 picks a free port), `host` ('127.0.0.1').
 * - `backend`: 'server' (the reference server) or 'mock' (the in-browser msw mock); default
 *   DEFAULT_BACKEND ('server'). Tests: pass `temporaryData: true` (or `backend: 'mock'`), so they
 *   never touch the demo's own database.
 * - Server mode only:
 *   - `dataDir`: the server's data directory (PGlite in `<dataDir>/pglite`, e-mails in
 *     `<dataDir>/outbox`); default CIVIC_DATA_DIR or DEFAULT_DATA_DIR. `temporaryData: true`
 *     instead uses a fresh directory in the system's temp folder, deleted by `close()` (tests).
 *   - `env`: the environment the server's settings are read from (default `process.env`; e.g.
 *     `{ CIVIC_TEST_MODE: '1' }` for proof-of-work difficulty 1 and no rate limits).
 *   - `simulator`: false to keep the demo still; an object of simulator options (`speed`,
 *     `features`, `log`, `random`, `ignoreOpeningHours`, …) to change them (default speed 3, every
 *     feature).
 *   - `secondOrigin`: false to skip the second origin; default true (host SECOND_HOST, the same
 *     port as the demo when free, else any). When it cannot listen, the demo runs without it.
 *   - `log`: the server's logger (`{ info, error, request }`, default silent).
 *
 * Server mode registers tsx and the `civic-source` export condition as module hooks in the calling
 * process (the server and the simulator run from their TypeScript sources).
 *
 * Returns `{ backend, server, port, url, origin, apiUrl, close }` and, in server mode, also
 * `{ staffKey, secondOrigin, secondApiUrl, dataDir, api, simulator }`:
 * `url` the demo's address with a trailing slash ('http://127.0.0.1:8080/'), `origin` without it,
 * `apiUrl` the API base on the demo's origin (`${origin}/api`), `staffKey` the X-Staff-Key of the
 * staff API, `secondOrigin`/`secondApiUrl` the CORS origin and its API base (undefined when it
 * could not listen), `api` the reference server's RunningServer (db, ctx, deliver(), …),
 * `simulator` the running simulator (or undefined). `close()` shuts everything down gracefully.
 */
export async function startDemoServer({
  port = 8080,
  host = '127.0.0.1',
  backend = DEFAULT_BACKEND,
  dataDir,
  temporaryData = false,
  env = process.env,
  simulator: simulatorOption = {},
  secondOrigin: secondOriginOption = true,
  log,
} = {}) {
  if (backend !== 'server' && backend !== 'mock') throw new TypeError(`backend must be 'server' or 'mock', got ${backend}`);
  const state = { backend, api: undefined, inflight: new Set(), backendModule: undefined, cspFor: () => DEMO_CSP };
  const server = createServer(createHandler(state));
  const actualPort = await listen(server, port, host);
  const origin = originOf(host, actualPort);
  const demo = { backend, server, port: actualPort, url: `${origin}/`, origin, apiUrl: `${origin}/api` };

  if (backend === 'mock') {
    return { ...demo, close: () => closeServer(server, 0) };
  }

  const cleanups = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  };
  cleanups.push(() => closeServer(server, 0));
  let releaseLock;
  let removeTemporary;
  try {
    const { server: serverModule, simulator: simulatorModule } = await loadServerModules();
    const config = serverModule.configFromEnv(env, ROOT);
    let dir = dataDir ?? config.dataDir;
    if (temporaryData) {
      const temporary = mkdtempSync(join(tmpdir(), 'civic-demo-'));
      dir = temporary;
      // Also when the process ends without close() (an uncaught error, process.exit()).
      const removeOnExit = () => rmSync(temporary, { recursive: true, force: true });
      process.once('exit', removeOnExit);
      removeTemporary = () => {
        process.off('exit', removeOnExit);
        removeOnExit();
      };
      cleanups.push(removeTemporary);
    }
    if (!config.databaseUrl) {
      // PGlite is one process's database: a second demo on the same data dir would corrupt it.
      releaseLock = lockDataDir(dir);
      cleanups.push(releaseLock);
    }
    if (!config.databaseUrl && !existsSync(join(dir, 'pglite', 'PG_VERSION'))) {
      // A new database: start from the template cluster (the seed is applied on start).
      const template = await pgliteTemplate(serverModule).catch(() => undefined);
      if (template) cpSync(template, join(dir, 'pglite'), { recursive: true });
    }

    // The second origin listens before the server starts, so CORS can name the demo's origins.
    let second;
    if (secondOriginOption !== false) {
      const secondServer = createServer(createSecondOriginHandler(state));
      let secondPort;
      for (const candidate of port === 0 ? [0] : [actualPort, 0]) {
        try {
          secondPort = await listen(secondServer, candidate, SECOND_HOST);
          break;
        } catch {
          // Taken (or 127.0.0.2 is not routed here): try a free port, then go without.
        }
      }
      if (secondPort !== undefined) {
        second = { server: secondServer, origin: originOf(SECOND_HOST, secondPort) };
        cleanups.push(() => closeServer(secondServer, 0));
      }
    }
    const demoOrigins = [...new Set([origin, `http://localhost:${actualPort}`, `http://127.0.0.1:${actualPort}`])];
    const corsOrigins = config.corsOrigins === '*' || env.CIVIC_CORS_ORIGINS === undefined ? demoOrigins : [...new Set([...config.corsOrigins, ...demoOrigins])];

    const api = await serverModule.startServer({
      // The confirmation e-mail's manage link opens the demo's booking page unless the town set its own.
      config: { ...config, dataDir: dir, corsOrigins, bookingPageUrl: config.bookingPageUrl ?? `${origin}/termine/` },
      listen: false,
      log: log ?? serverModule.silentLogger,
    });
    state.api = api;
    cleanups.push(() => api.close());
    const staffKey = api.ctx.staffKey;
    const secondApiUrl = second && `${second.origin}/api`;
    state.backendModule = serverBackendModule({
      secondApiBase: secondApiUrl ?? null,
      demoStaffKey: staffKey === api.seed.town.staffKey ? staffKey : null,
    });
    state.cspFor = (path) => (second && path.startsWith(CORS_PAGE) ? demoCsp(second.origin) : DEMO_CSP);

    let simulator;
    if (simulatorOption !== false) {
      simulator = simulatorModule.createSimulator({
        baseUrl: demo.apiUrl,
        staffKey,
        speed: 3,
        // Straight into the server: the simulator's walk-ins never use up a visitor's rate limits.
        fetch: (input, init) => {
          const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
          url.pathname = url.pathname.slice('/api'.length) || '/';
          return api.fetch(new Request(url, init));
        },
        ...simulatorOption,
      });
      simulator.start();
      cleanups.push(() => simulator.stop());
    }

    const close = async () => {
      if (simulator) await simulator.stop();
      // Stop accepting; let requests finish that are not event streams (at most 5 s) …
      const closing = [closeServer(server), ...(second ? [closeServer(second.server)] : [])];
      const deadline = Date.now() + 5000;
      while (state.inflight.size > 0 && Date.now() < deadline) {
        await new Promise((tick) => setTimeout(tick, 25));
      }
      // … then the server ends its event streams and closes the database; the connections those
      // streams leave idle close at once.
      await api.close();
      for (const s of [server, ...(second ? [second.server] : [])]) s.closeIdleConnections();
      await Promise.all(closing);
      // Everything above is closed; what is left: the lock and the temporary data.
      const rest = cleanups.splice(0).filter((fn) => fn === releaseLock || fn === removeTemporary);
      for (const fn of rest.reverse()) fn();
    };
    return {
      ...demo,
      staffKey,
      secondOrigin: second?.origin,
      secondApiUrl,
      dataDir: dir,
      api,
      simulator,
      close,
    };
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

async function main() {
  const usage = `Usage: node scripts/start.mjs [--server | --mock] [--no-build]   (default: --${DEFAULT_BACKEND}; environment: PORT=8080, HOST=127.0.0.1)`;
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        server: { type: 'boolean', default: false },
        mock: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`[start] ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values.server && values.mock) {
    console.error(`[start] Choose one back end: --server or --mock.\n${usage}`);
    process.exit(2);
  }
  const backend = values.server ? 'server' : values.mock ? 'mock' : DEFAULT_BACKEND;
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[start] PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  const host = process.env.HOST || '127.0.0.1';
  const started = performance.now();

  if (values['no-build']) {
    if (!existsSync(CDN_ENTRY)) {
      console.error('[start] --no-build: there is no build to serve. Build first: npx rollup -c rollup.config.js');
      process.exit(1);
    }
  } else if (!ensureBuilt()) {
    if (!existsSync(CDN_ENTRY)) {
      console.error('[start] The build failed and there is no earlier build to serve. See the errors above.');
      process.exit(1);
    }
    console.warn('[start] The build failed; serving the previous build. See the errors above.');
  }
  if (backend === 'mock' && !existsSync(DEMO_BACKEND)) {
    console.warn('[start] No demo back end is built: the widgets will show their fallback content.');
  }
  if (backend === 'server') console.log('[start] starting the reference server (first start: the database takes a while to set up)');

  let demo;
  try {
    // Server logs: errors only, one JSON line each (no personal data: packages/server/src/log.ts).
    const errorsOnly = {
      info() {},
      request() {},
      error: (event, fields) => console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', event, ...fields })),
    };
    demo = await startDemoServer({ port, host, backend, log: errorsOnly });
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      console.error(
        `[start] Port ${port} is already in use (is the demo already running?). ` +
          `Stop that process or choose another port: PORT=${port + 1} npm start`,
      );
    } else if (error?.constructor?.name === 'ConfigError' || error?.code === 'EDATADIRBUSY') {
      console.error(`[start] ${error.message}`);
    } else {
      console.error(`[start] Could not start: ${error?.stack ?? error}`);
    }
    process.exit(1);
  }

  const shown = host === '127.0.0.1' || host === '::1' || host === 'localhost' ? 'localhost' : host;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Musterstadt demo: http://${shown}:${demo.port}/   (ready in ${seconds} s)`);
  if (demo.backend === 'server') {
    console.log(`Back end: the reference server (${demo.api.db.kind}, data in ${demo.dataDir}), with the simulator.`);
    console.log(`  Staff page: http://${shown}:${demo.port}/mitarbeitende/   E-mails: http://${shown}:${demo.port}/api/dev/outbox`);
    if (demo.secondOrigin) console.log(`  Second origin (CORS): ${demo.secondApiUrl}, used by http://${shown}:${demo.port}${CORS_PAGE}`);
    else console.log(`  Second origin: could not listen on ${SECOND_HOST}; ${CORS_PAGE} shows a note instead.`);
  } else {
    console.log('Back end: the in-browser mock API (msw) with the simulator in the page (--mock). Without --mock: the reference server.');
  }
  console.log('Stop with Ctrl+C.');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping`);
    const force = setTimeout(() => {
      console.error('[start] Shutdown took longer than 15 s; exiting.');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await demo.close();
    } catch (error) {
      console.error(`[start] Shutdown failed: ${error?.message ?? error}`);
      process.exit(1);
    }
    if (demo.simulator) {
      const summary = Object.entries(demo.simulator.stats)
        .filter(([k, n]) => k !== 'lastError' && n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      if (summary) console.log(`[start] simulator: ${summary}`);
    }
    console.log('[start] stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
