#!/usr/bin/env node
// Storybook smoke test: opens every story of the static build in Chromium and fails on anything a
// citizen's browser would show as broken.
//
//   STORYBOOK_DISABLE_TELEMETRY=1 npx storybook build -o storybook-static --quiet
//   node scripts/storybook-smoke.mjs [storybook-static]
//
// Serves storybook-static/ on 127.0.0.1 (a free port), reads index.json and opens each story's
// iframe (one Chromium for all stories, a fresh browser context per story). A story fails on:
// - a console error or an uncaught page error, or a Storybook error display;
// - an HTTP status >= 400, unless the story lists it in `parameters.expectedStatus: number[]`;
// - any request to a host other than 127.0.0.1;
// - any axe-core violation of the WCAG 2.2 AA tags on #storybook-root (no rule disabled);
// - horizontal scrolling at a 320 px wide viewport (WCAG 1.4.10 Reflow).
// It waits until Storybook has finished rendering, #storybook-root has children and, when the
// story sets `parameters.smoke.waitFor` (a CSS selector; it pierces open shadow roots), that
// selector matches. Writes .test-results/storybook.json {passed, failed} (one per story) and exits
// non-zero on any failure. CHROME_PATH overrides the browser (default /usr/bin/chromium).
//
// The page checks are exported and shared with scripts/demo-smoke.mjs.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The WCAG 2.2 AA rule tags every page and story must pass. No rule is ever disabled. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The narrowest viewport we support without horizontal scrolling (WCAG 1.4.10 Reflow). */
export const NARROW_WIDTH = 320;

export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const MIME_TYPES = {
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
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Launches Debian's Chromium through playwright-core (never a downloaded browser). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Records everything on a page that makes it fail: console errors, page errors, HTTP errors,
 * requests to other hosts and (with `csp: true`) Content-Security-Policy violations, reported by a
 * `securitypolicyviolation` listener installed before any page script runs. Call it before the
 * first navigation. `problems(expectedStatus)` turns the record into messages; statuses listed in
 * `expectedStatus` (and the browser's console line about them) are not problems.
 */
export async function watchPage(page, { allowedHost = '127.0.0.1', csp = false } = {}) {
  const consoleErrors = [];
  const pageErrors = [];
  const httpErrors = [];
  const foreignRequests = [];
  const cspViolations = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
  });
  page.on('pageerror', (error) => pageErrors.push(String(error?.stack || error)));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== allowedHost) {
      foreignRequests.push(request.url());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) httpErrors.push({ url: response.url(), status: response.status() });
  });
  if (csp) {
    await page.exposeFunction('__smokeReportCspViolation', (v) => cspViolations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__smokeReportCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}` +
            (e.lineNumber ? `:${e.lineNumber}` : ''),
        );
      });
    });
  }
  return {
    problems(expectedStatus = []) {
      const expected = new Set(expectedStatus);
      const out = [];
      for (const { url, status } of httpErrors) {
        if (!expected.has(status)) out.push(`HTTP ${status} ${url}`);
      }
      for (const { text, url } of consoleErrors) {
        const failedLoad = /Failed to load resource: the server responded with a status of (\d+)/.exec(text);
        if (failedLoad && expected.has(Number(failedLoad[1]))) continue;
        if (failedLoad && httpErrors.some((e) => e.url === url)) continue; // listed as HTTP above
        out.push(`console error: ${text}${url ? ` (${url})` : ''}`);
      }
      for (const error of pageErrors) out.push(`page error: ${error}`);
      for (const url of new Set(foreignRequests)) out.push(`request to another host: ${url}`);
      for (const v of new Set(cspViolations)) out.push(`CSP violation: ${v}`);
      return out;
    },
  };
}

/**
 * Runs axe-core with the WCAG 2.2 AA tags on `selector` and returns one message per violation.
 * `inject: 'tag'` adds axe as a script tag (fine without a CSP); `'evaluate'` runs it through the
 * DevTools protocol, which a strict page CSP does not block and which causes no CSP report.
 */
export async function axeViolations(page, selector, { inject = 'tag' } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) {
    if (inject === 'tag') await page.addScriptTag({ path: AXE_PATH });
    else await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  }
  const violations = await page.evaluate(
    async ({ selector, tags }) => {
      const context = document.querySelector(selector);
      if (!context) return [{ id: 'smoke', help: `${selector} not found`, nodes: [] }];
      const results = await window.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
      }));
    },
    { selector, tags: WCAG_TAGS },
  );
  return violations.map((v) => `axe ${v.id}: ${v.help}${v.nodes.length ? `\n      ${v.nodes.join('\n      ')}` : ''}`);
}

/** Resizes to `width` and returns a message if the document then scrolls horizontally. */
export async function horizontalScrollProblem(page, width = NARROW_WIDTH) {
  const size = page.viewportSize() ?? { height: 800 };
  await page.setViewportSize({ width, height: size.height });
  const scrollWidth = await page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done(document.documentElement.scrollWidth))),
      ),
  );
  return scrollWidth > width ? `horizontal scroll at ${width} px: scrollWidth is ${scrollWidth} px` : undefined;
}

// A deliberately broken page: each check above must report it. It proves the harness really
// runs (a smoke that silently checks nothing would pass everything).
const CANARY_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Smoke harness canary</title>
<link rel="stylesheet" href="canary.css"><script type="module" src="canary.js"></script></head>
<body><main id="canary"><h1 class="unstyled">Canary</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p class="wide">wide</p>
<p style="color: inherit">inline style</p></main></body></html>`;
const CANARY_JS = `console.error('canary console error');
setTimeout(() => { throw new Error('canary page error'); });
fetch('/__smoke-canary-missing__').catch(() => {});
fetch('http://canary.invalid/').catch(() => {});`;

/**
 * Opens the canary page on `origin` with the same checks a real page gets and returns the checks
 * that did NOT fire (an empty array means the harness works). With `csp: true` the canary is
 * served with a strict CSP and the CSP check must fire too.
 */
export async function harnessSelfCheck(browser, origin, { csp = false, inject = 'tag' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const base = `${origin}/__smoke-canary__/`;
  await context.route('http://canary.invalid/**', (route) => route.abort()); // no DNS lookup
  await context.route(`${base}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('/canary.js')) return route.fulfill({ contentType: 'text/javascript', body: CANARY_JS });
    if (path.endsWith('/canary.css')) return route.fulfill({ contentType: 'text/css', body: '.wide { inline-size: 40rem; }' });
    const policy = "default-src 'self'; style-src 'self'; connect-src 'self' http://canary.invalid";
    const headers = csp ? { 'Content-Security-Policy': policy } : {};
    return route.fulfill({ contentType: 'text/html', headers, body: CANARY_HTML });
  });
  const watch = await watchPage(page, { csp });
  const problems = [];
  try {
    await page.goto(base, { waitUntil: 'load' });
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    problems.push(...(await axeViolations(page, '#canary', { inject })));
    const scroll = await horizontalScrollProblem(page);
    if (scroll) problems.push(scroll);
  } finally {
    problems.push(...watch.problems());
    await context.close();
  }
  const checks = {
    'console error': 'console error:',
    'page error': 'page error:',
    'HTTP >= 400': 'HTTP 404',
    'request to another host': 'request to another host:',
    'axe violation': 'axe image-alt',
    'horizontal scroll at 320 px': 'horizontal scroll',
    ...(csp ? { 'CSP violation': 'CSP violation:' } : {}),
  };
  return Object.entries(checks)
    .filter(([, prefix]) => !problems.some((p) => p.startsWith(prefix)))
    .map(([name]) => name);
}

/** Writes `.test-results/<name>.json` with the pass/fail counts scripts/test.mjs sums up. */
export function writeResults(name, passed, failed) {
  mkdirSync('.test-results', { recursive: true });
  writeFileSync(join('.test-results', `${name}.json`), JSON.stringify({ passed, failed }));
}

/** A static file server for `root` on 127.0.0.1 and a free port; /favicon.ico answers 204. */
function serveStatic(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

const STORY_TIMEOUT = 30_000;
const WAIT_FOR_TIMEOUT = 10_000;

async function checkStory(browser, origin, entry) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STORY_TIMEOUT);
  const watch = await watchPage(page);
  const problems = [];
  let expectedStatus = [];
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, {
      waitUntil: 'load',
    });
    // Storybook's render cycle ends in the "finished" phase (also after an error).
    await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished');
    const state = await page.evaluate(() => {
      const render = window.__STORYBOOK_PREVIEW__.currentRender;
      const parameters = render.story?.parameters ?? {};
      const shown = document.body.classList;
      return {
        errored: shown.contains('sb-show-errordisplay'),
        errorText: document.querySelector('#error-message')?.textContent?.trim() ?? '',
        errorStack: document.querySelector('#error-stack')?.textContent?.trim() ?? '',
        expectedStatus: Array.isArray(parameters.expectedStatus) ? parameters.expectedStatus : [],
        waitFor: typeof parameters.smoke?.waitFor === 'string' ? parameters.smoke.waitFor : undefined,
      };
    });
    expectedStatus = state.expectedStatus;
    if (state.errored) {
      problems.push(`Storybook error: ${state.errorText} ${state.errorStack}`.trim());
    } else {
      await page.locator('#storybook-root > *').first().waitFor({ state: 'attached' });
      if (state.waitFor) await page.locator(state.waitFor).first().waitFor({ state: 'attached', timeout: WAIT_FOR_TIMEOUT });
      problems.push(...(await axeViolations(page, '#storybook-root')));
      const scroll = await horizontalScrollProblem(page);
      if (scroll) problems.push(scroll);
    }
  } catch (error) {
    problems.push(`smoke: ${error?.message ?? error}`);
  }
  problems.unshift(...watch.problems(expectedStatus));
  await context.close();
  return problems;
}

async function main() {
  const root = resolve(process.argv[2] ?? 'storybook-static');
  const indexFile = join(root, 'index.json');
  if (!existsSync(indexFile)) {
    console.error(
      `storybook-smoke: ${indexFile} is missing. Build first:\n` +
        '  STORYBOOK_DISABLE_TELEMETRY=1 npx storybook build -o storybook-static --quiet',
    );
    process.exit(2);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const stories = Object.values(index.entries ?? {}).filter((e) => e.type === 'story');
  const started = performance.now();
  const server = await serveStatic(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    const silent = await harnessSelfCheck(browser, origin);
    if (silent.length > 0) {
      failed++;
      console.log(`  FAIL  smoke harness: these checks did not fire on a broken page: ${silent.join(', ')}`);
    } else {
      console.log('  ok    smoke harness: every check fires on a deliberately broken page');
    }
    for (const entry of stories) {
      const t0 = performance.now();
      const problems = await checkStory(browser, origin, entry);
      const ms = Math.round(performance.now() - t0);
      if (problems.length === 0) {
        passed++;
        console.log(`  ok    ${entry.title} › ${entry.name} (${ms} ms)`);
      } else {
        failed++;
        console.log(`  FAIL  ${entry.title} › ${entry.name} (${ms} ms)`);
        for (const p of problems) console.log(`      - ${p}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (stories.length === 0) {
    failed++;
    console.log('  FAIL  index.json lists no stories');
  }
  writeResults('storybook', passed, failed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`storybook smoke: ${stories.length} stories in ${seconds} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
