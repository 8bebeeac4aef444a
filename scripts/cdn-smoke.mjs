#!/usr/bin/env node
// Smoke test of the built CDN bundle (run after `npm run build`) in Debian's Chromium:
//   - same origin, strict CSP (script-src 'self', style-src 'self', no eval, no inline): the loader
//     registers <civic-config>, the tokens apply, nothing is blocked, no error is logged, and the
//     page requests only the eager files;
//   - every lazily loaded tag (from dist/cdn/manifest.json): its chunks load only when the tag is
//     in the page or added later, and then the tag is defined;
//   - the bundle served from another origin (a CDN) with CORS, the page's CSP naming that origin;
//   - the library loaded twice (two copies): warns, never throws, <civic-config> still works.
// Writes .test-results/cdn-smoke.json ({passed, failed}); exits non-zero on any failure.
//   node scripts/cdn-smoke.mjs
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CDN_DIR, ROOT } from './build-packages.mjs';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} - ${name}${!ok && detail ? `\n       ${detail}` : ''}`);
}
function writeResults() {
  mkdirSync(join(ROOT, '.test-results'), { recursive: true });
  writeFileSync(join(ROOT, '.test-results', 'cdn-smoke.json'), `${JSON.stringify({ passed, failed })}\n`);
}

const manifestFile = join(CDN_DIR, 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`${manifestFile} is missing: run \`npm run build\` first.`);
  failed++;
  writeResults();
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const csp = (scriptSrc) =>
  `default-src 'none'; script-src ${scriptSrc}; style-src 'self'; connect-src 'self'; img-src 'self'; ` +
  `base-uri 'none'; form-action 'none'; object-src 'none'`;

/** A page with the given body; scripts only as external module scripts. */
function page(body, scripts) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CDN smoke</title>${scripts
    .map((src) => `<script type="module" src="${src}"></script>`)
    .join('')}</head><body>${body}</body></html>`;
}

/** Serves /cdn/* and /cdn-copy/* from dist/cdn (two URLs = two copies of the library) and pages. */
function startServer(pages, { cors = false } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = cors ? { 'access-control-allow-origin': '*' } : {};
    if (pages.has(url.pathname)) {
      const { html, scriptSrc } = pages.get(url.pathname);
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'], 'content-security-policy': csp(scriptSrc) });
      res.end(html);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const match = /^\/(cdn|cdn-copy)\/(.+)$/.exec(url.pathname);
    const rel = match ? normalize(match[2]) : '';
    const file = join(CDN_DIR, rel);
    if (!match || rel.startsWith('..') || !existsSync(file)) {
      res.writeHead(404, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const originOf = (server) => `http://127.0.0.1:${server.address().port}`;

/** Opens a page and records what a careful reviewer would look at. */
async function open(browser, url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const log = { errors: [], warnings: [], requests: [], failedRequests: [] };
  tab.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
    if (msg.type() === 'warning') log.warnings.push(msg.text());
  });
  tab.on('pageerror', (error) => log.errors.push(`page error: ${error.message}`));
  tab.on('request', (request) => log.requests.push(request.url()));
  tab.on('requestfailed', (request) => log.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  tab.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  await tab.goto(url, { waitUntil: 'load' });
  return { tab, log, close: () => context.close() };
}

const defined = (tab, tag) =>
  tab
    .waitForFunction((t) => customElements.get(t) !== undefined, tag, { timeout: 10_000 })
    .then(() => true)
    .catch(() => false);

/** The CDN files (relative to dist/cdn) a page requested under `base`. */
const cdnFiles = (log, base) => log.requests.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length));
const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

const lazyTags = Object.entries(manifest.tags).filter(([, files]) => files.length > 0);
const eagerTags = Object.keys(manifest.tags).filter((tag) => manifest.tags[tag].length === 0);

const pages = new Map();
pages.set('/plain.html', {
  scriptSrc: "'self'",
  html: page(
    '<civic-config api-base="https://api.example.invalid" lang="de" theme="light"><p>Inhalt</p></civic-config>',
    ['/cdn/civic-elements.js'],
  ),
});
// Control: proves the policy is enforced and a violation is noticed (an inline script is refused).
pages.set('/control.html', { scriptSrc: "'self'", html: `${page('<p>Kontrolle</p>', [])}<script>document.title = 'inline ran';</script>` });
pages.set('/empty.html', { scriptSrc: "'self'", html: page('<main><p>Keine Widgets</p></main>', ['/cdn/civic-elements.js']) });
pages.set('/twice.html', {
  scriptSrc: "'self'",
  html: page('<civic-config lang="de"><p>Inhalt</p></civic-config>', ['/cdn/civic-elements.js', '/cdn-copy/civic-elements.js']),
});
for (const [tag] of lazyTags) {
  pages.set(`/lazy-${tag}.html`, {
    scriptSrc: "'self'",
    html: page(`<civic-config lang="de"><${tag}></${tag}></civic-config>`, ['/cdn/civic-elements.js']),
  });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const site = await startServer(pages);
const cdnPages = new Map();
const cdn = await startServer(cdnPages, { cors: true });
const siteOrigin = originOf(site);
const cdnOrigin = originOf(cdn);
pages.set('/cross-origin.html', {
  scriptSrc: cdnOrigin,
  html: page('<civic-config lang="de"><p>Inhalt</p></civic-config>', [`${cdnOrigin}/cdn/civic-elements.js`]),
});

try {
  {
    const { tab, log, close } = await open(browser, `${siteOrigin}/control.html`);
    const title = await tab.title();
    check(
      'control: the CSP is enforced and a violation shows up as a console error',
      title === 'CDN smoke' && log.errors.some((e) => e.includes('Content Security Policy')),
      `title=${title}; errors=${log.errors.join(' | ')}`,
    );
    await close();
  }

  {
    const { tab, log, close } = await open(browser, `${siteOrigin}/plain.html`);
    check('strict CSP, same origin: <civic-config> is defined', await defined(tab, 'civic-config'));
    for (const tag of eagerTags) check(`<${tag}> is defined without loading another file`, await defined(tab, tag));
    const state = await tab.evaluate(() => {
      const el = document.querySelector('civic-config');
      return {
        upgraded: el instanceof (customElements.get('civic-config') ?? class {}),
        slot: !!el?.shadowRoot?.querySelector('slot'),
        primary: getComputedStyle(document.documentElement).getPropertyValue('--civic-color-primary').trim(),
        sheets: document.adoptedStyleSheets.length,
      };
    });
    check('<civic-config> is upgraded and renders its slot', state.upgraded && state.slot, JSON.stringify(state));
    check('design tokens apply through a constructable stylesheet under style-src \'self\'', state.primary !== '' && state.sheets > 0, JSON.stringify(state));
    await tab.waitForTimeout(100);
    check('no console error, page error or CSP violation', log.errors.length === 0, log.errors.join(' | '));
    check('no failed request', log.failedRequests.length === 0, log.failedRequests.join(' | '));
    check('the page loads only the eager files (loader + shared chunk)', sameSet(cdnFiles(log, `${siteOrigin}/cdn/`), manifest.eager), cdnFiles(log, `${siteOrigin}/cdn/`).join(', '));
    await close();
  }

  {
    const { tab, log, close } = await open(browser, `${siteOrigin}/empty.html`);
    check('a page without any tag still loads cleanly', await defined(tab, 'civic-config'));
    check('… and requests no widget chunk', sameSet(cdnFiles(log, `${siteOrigin}/cdn/`), manifest.eager), cdnFiles(log, `${siteOrigin}/cdn/`).join(', '));
    for (const [tag, files] of lazyTags) {
      await tab.evaluate((t) => document.querySelector('main')?.append(document.createElement(t)), tag);
      check(`<${tag}> added later is loaded and defined`, await defined(tab, tag));
      const requested = cdnFiles(log, `${siteOrigin}/cdn/`);
      check(`… with its chunks (${files.join(', ')})`, files.every((f) => requested.includes(f)), requested.join(', '));
    }
    check('no console error or failed request after adding tags', log.errors.length + log.failedRequests.length === 0, [...log.errors, ...log.failedRequests].join(' | '));
    await close();
  }
  if (lazyTags.length === 0) console.log('     (no lazily loaded tags yet: the registry has only <civic-config>)');

  for (const [tag, files] of lazyTags) {
    const { tab, log, close } = await open(browser, `${siteOrigin}/lazy-${tag}.html`);
    check(`<${tag}> in the page is loaded and defined`, await defined(tab, tag));
    await tab.waitForTimeout(100);
    const requested = cdnFiles(log, `${siteOrigin}/cdn/`);
    check(`… loading exactly the eager files and its chunks`, sameSet(requested, [...manifest.eager, ...files]), requested.join(', '));
    check('… without console errors or failed requests', log.errors.length + log.failedRequests.length === 0, [...log.errors, ...log.failedRequests].join(' | '));
    await close();
  }

  {
    const { tab, log, close } = await open(browser, `${siteOrigin}/cross-origin.html`);
    check('served from another origin (CDN with CORS): <civic-config> is defined', await defined(tab, 'civic-config'));
    await tab.waitForTimeout(100);
    const foreign = log.requests.filter((u) => !u.startsWith(siteOrigin));
    check('… every chunk comes from the CDN origin', sameSet(cdnFiles(log, `${cdnOrigin}/cdn/`), manifest.eager) && foreign.every((u) => u.startsWith(cdnOrigin)), foreign.join(', '));
    check('… without console errors or failed requests', log.errors.length + log.failedRequests.length === 0, [...log.errors, ...log.failedRequests].join(' | '));
    await close();
  }

  {
    const { tab, log, close } = await open(browser, `${siteOrigin}/twice.html`);
    check('loaded twice: <civic-config> is defined', await defined(tab, 'civic-config'));
    await tab.waitForTimeout(200);
    const copies = cdnFiles(log, `${siteOrigin}/cdn-copy/`);
    check('… the second copy really ran (its files were fetched)', sameSet(copies, manifest.eager), copies.join(', '));
    check('… nothing throws', log.errors.length === 0, log.errors.join(' | '));
    check('… the second copy warns', log.warnings.some((w) => w.startsWith('[civic-elements]')), log.warnings.join(' | '));
    const works = await tab.evaluate(() => !!document.querySelector('civic-config')?.shadowRoot?.querySelector('slot'));
    check('… and <civic-config> still works', works);
    await close();
  }
} catch (error) {
  check('smoke run completed', false, error?.stack ?? String(error));
} finally {
  await browser.close();
  site.close();
  cdn.close();
}

writeResults();
console.log(`cdn-smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
