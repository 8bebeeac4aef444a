#!/usr/bin/env node
// Storybook smoke test: opens every story of the static build in Chromium and fails on anything a
// citizen's browser would show as broken.
//
//   STORYBOOK_DISABLE_TELEMETRY=1 npx storybook build -o storybook-static --quiet
//   node scripts/storybook-smoke.mjs [dir] [--languages tr,ar,uk,de-x-ls|none] [--filter text] [--twins]
//
//   dir          the static build to check (default storybook-static; e.g. a private
//                `npx storybook build -o /tmp/sb-mine --quiet`)
//   --languages  the languages every story is checked in after its own (default tr,ar,uk,de-x-ls:
//                with the stories' own de and en, all six of issue 9); `none` skips them
//   --filter     only stories whose id or "title › name" contains this text
//   --twins      also switch the languages of a story whose German twin (`…-de` for `…-en`) is
//                checked already (by default the twin's run covers that state in every language)
//
// Serves storybook-static/ on 127.0.0.1 (a free port), reads index.json and opens each story's
// iframe (one Chromium for all stories, a fresh browser context per story). A story fails on:
// - a console error or an uncaught page error, or a Storybook error display;
// - an HTTP status >= 400, unless the story lists it in `parameters.expectedStatus: number[]`;
// - any request to a host other than 127.0.0.1;
// - any axe-core violation of the WCAG 2.2 AA tags on #storybook-root (no rule disabled);
// - horizontal scrolling at a 320 px wide viewport (WCAG 1.4.10 Reflow).
// Then, on the same page (no reload), each further language: the toolbar's `lang` global is
// switched (.storybook/preview.ts: `<civic-config lang>`, the frame's lang/dir and the story's
// `lang` arg follow), the smoke waits until every widget shows that language, and the story fails
// on an axe violation, a console error, a Storybook error, horizontal scrolling at 320 px, the
// story's `waitFor` state lost, or — for Arabic — no `dir="rtl"` in a widget. A widget without
// texts in a language yet (the locale coverage test allow-lists it) falls back to German: that is a
// note, not a failure. Switching re-runs the story's loaders but not its play function; a language
// whose switch shows a problem is checked again from a fresh load in it (`&globals=lang:…`), and
// only that result counts.
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
import { parseArgs } from 'node:util';

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
const LANGUAGE_TIMEOUT = 10_000;

/** Languages each story is checked in after its own (its `lang` arg: de or en). */
export const EXTRA_LANGUAGES = ['tr', 'ar', 'uk', 'de-x-ls'];

/**
 * The civic-* widgets of the story (light DOM of #storybook-root), each with: its localize
 * namespace, whether the library has texts for `lang` in it (loaded or loadable, read from the
 * library's shared i18n registry), the language its shadow root shows and whether it is RTL.
 */
function widgetLanguages(page, lang) {
  return page.evaluate((lang) => {
    const shared = globalThis[Symbol.for('civic-elements/i18n')];
    return [...document.querySelectorAll('#storybook-root *')]
      .filter((el) => el.localName.startsWith('civic-') && el.localName !== 'civic-config' && el.shadowRoot)
      .map((el) => {
        const ns = el.constructor.localizeNamespace;
        const available = Boolean(shared && ns && (shared.i18n.hasResourceBundle(lang, ns) || shared.loaders.has(`${ns}|${lang}`)));
        return {
          tag: el.localName,
          ns,
          available,
          shown: el.shadowRoot.querySelector('[lang]')?.getAttribute('lang') ?? null,
          rtl: el.shadowRoot.querySelector('[dir="rtl"]') !== null,
        };
      });
  }, lang);
}

/** Switches the mounted story to `lang` through the `lang` global, as the toolbar does. */
async function switchLanguage(page, lang) {
  await page.evaluate((lang) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { lang } }), lang);
  await page.waitForFunction(
    (lang) => document.querySelector('.civic-story-frame')?.getAttribute('lang') === lang && window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
    lang,
    { timeout: LANGUAGE_TIMEOUT },
  );
}

/**
 * Checks the story shown in `lang`: every widget that has texts in `lang` shows it (Arabic right
 * to left), the story's state is there, axe, 320 px. Returns problems and notes (fallbacks).
 */
async function verifyLanguage(page, lang, waitFor) {
  const problems = [];
  const notes = [];
  const errored = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'));
  if (errored) {
    const text = await page.evaluate(() => document.querySelector('#error-message')?.textContent?.trim() ?? '');
    return { problems: [`Storybook error: ${text}`], notes };
  }
  // Every widget that has texts in `lang` shows it; the others show German (their fallback).
  try {
    await page.waitForFunction(
      (lang) => {
        const shared = globalThis[Symbol.for('civic-elements/i18n')];
        const widgets = [...document.querySelectorAll('#storybook-root *')].filter(
          (el) => el.localName.startsWith('civic-') && el.localName !== 'civic-config' && el.shadowRoot,
        );
        return widgets.every((el) => {
          const ns = el.constructor.localizeNamespace;
          const available = Boolean(shared && ns && (shared.i18n.hasResourceBundle(lang, ns) || shared.loaders.has(`${ns}|${lang}`)));
          const shown = el.shadowRoot.querySelector('[lang]')?.getAttribute('lang');
          return !available || shown == null || shown === lang;
        });
      },
      lang,
      { timeout: LANGUAGE_TIMEOUT, polling: 50 },
    );
  } catch {
    // Reported per widget below.
  }
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('civic-')).map((el) => el.updateComplete)),
  );
  for (const widget of await widgetLanguages(page, lang)) {
    if (!widget.available) {
      notes.push(`<${widget.tag}> has no ${lang} texts yet (namespace ${widget.ns}): falls back to German`);
    } else if (widget.shown !== null && widget.shown !== lang) {
      problems.push(`<${widget.tag}> did not switch to ${lang} (shows ${widget.shown})`);
    } else if (lang === 'ar' && !widget.rtl) {
      problems.push(`<${widget.tag}> in Arabic has no dir="rtl"`);
    }
  }
  if (waitFor) {
    try {
      await page.locator(waitFor).first().waitFor({ state: 'attached', timeout: WAIT_FOR_TIMEOUT });
    } catch {
      problems.push(`the story's state (${waitFor}) is not there in ${lang}`);
    }
  }
  problems.push(...(await axeViolations(page, '#storybook-root')));
  const scroll = await horizontalScrollProblem(page);
  if (scroll) problems.push(scroll);
  return { problems, notes };
}

/**
 * Checks one story in its own language (or, with `lang`, loaded in that language through
 * `&globals=lang:…`), then in each of `languages` on the same page. Problems of a further language
 * are prefixed with it (`[ar] axe …`), console errors included; `failedLanguages` lists those.
 */
async function checkStory(browser, origin, entry, languages = [], lang = undefined) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STORY_TIMEOUT);
  const watch = await watchPage(page);
  const problems = [];
  const notes = [];
  let expectedStatus = [];
  const reported = new Set();
  /** Page-wide problems (console, HTTP, …) not reported yet. */
  const newPageProblems = () => watch.problems(expectedStatus).filter((p) => !reported.has(p) && reported.add(p));
  let rendered = false;
  let waitFor;
  try {
    const globals = lang ? `&globals=lang:${encodeURIComponent(lang)}` : '';
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story${globals}`, {
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
    waitFor = state.waitFor;
    if (state.errored) {
      problems.push(`Storybook error: ${state.errorText} ${state.errorStack}`.trim());
    } else {
      await page.locator('#storybook-root > *').first().waitFor({ state: 'attached' });
      if (state.waitFor) await page.locator(state.waitFor).first().waitFor({ state: 'attached', timeout: WAIT_FOR_TIMEOUT });
      if (lang) {
        const result = await verifyLanguage(page, lang, state.waitFor);
        problems.push(...result.problems);
        notes.push(...result.notes);
      } else {
        problems.push(...(await axeViolations(page, '#storybook-root')));
        const scroll = await horizontalScrollProblem(page);
        if (scroll) problems.push(scroll);
      }
      rendered = true;
    }
  } catch (error) {
    problems.push(`smoke: ${error?.message ?? error}`);
  }
  problems.unshift(...newPageProblems());
  const languageProblems = new Map();
  if (rendered) {
    for (const other of languages) {
      if (languageProblems.size > 0) {
        // The story lost its state once: the remaining languages get a fresh load each.
        languageProblems.set(other, []);
        continue;
      }
      let result;
      try {
        await switchLanguage(page, other);
        result = await verifyLanguage(page, other, waitFor);
      } catch (error) {
        result = { problems: [`smoke: ${error?.message ?? error}`], notes: [] };
      }
      const found = [...newPageProblems(), ...result.problems];
      if (found.length) languageProblems.set(other, found);
      notes.push(...result.notes.map((n) => `[${other}] ${n}`));
    }
  }
  await context.close();
  return { problems, notes, languageProblems };
}

/**
 * A story in each further language: switched on the mounted story (fast). Switching re-runs the
 * story's loaders but not its play function, so a story whose loader resets the mock API can
 * lose the state its play function built (e.g. a chat conversation: 401). A language whose
 * switch shows any problem is therefore checked again from a fresh load in that language
 * (`&globals=lang:…`: loaders and play function run in it); only that result counts.
 */
async function checkStoryInLanguages(browser, origin, entry, languages) {
  const { problems, notes, languageProblems } = await checkStory(browser, origin, entry, languages);
  let reloads = 0;
  for (const lang of languageProblems.keys()) {
    reloads++;
    const fresh = await checkStory(browser, origin, entry, [], lang);
    problems.push(...fresh.problems.map((p) => `[${lang}, fresh load] ${p}`));
    notes.push(...fresh.notes.filter((n) => !notes.includes(`[${lang}] ${n}`)).map((n) => `[${lang}] ${n}`));
  }
  return { problems, notes: [...new Set(notes)], reloads };
}

/** The further languages for `entry`: none for an English story whose German twin gets them. */
function languagesFor(entry, ids, languages, twins) {
  if (twins || !/-en$/.test(entry.id)) return languages;
  return ids.has(entry.id.replace(/-en$/, '-de')) ? [] : languages;
}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      languages: { type: 'string', default: EXTRA_LANGUAGES.join(',') },
      filter: { type: 'string' },
      twins: { type: 'boolean', default: false },
    },
  });
  const languages = values.languages === 'none' ? [] : values.languages.split(',').map((l) => l.trim()).filter(Boolean);
  return { root: resolve(positionals[0] ?? 'storybook-static'), languages, filter: values.filter, twins: values.twins };
}

async function main() {
  const { root, languages, filter, twins } = options();
  const indexFile = join(root, 'index.json');
  if (!existsSync(indexFile)) {
    console.error(
      `storybook-smoke: ${indexFile} is missing. Build first:\n` +
        '  STORYBOOK_DISABLE_TELEMETRY=1 npx storybook build -o storybook-static --quiet',
    );
    process.exit(2);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const stories = Object.values(index.entries ?? {})
    .filter((e) => e.type === 'story')
    .filter((e) => !filter || e.id.includes(filter) || `${e.title} › ${e.name}`.includes(filter));
  const ids = new Set(stories.map((e) => e.id));
  const started = performance.now();
  const server = await serveStatic(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  let checks = 0;
  let reloads = 0;
  let fallbacks = 0;
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
      const extra = languagesFor(entry, ids, languages, twins);
      const { problems, notes, reloads: fresh } = await checkStoryInLanguages(browser, origin, entry, extra);
      checks += 1 + extra.length;
      reloads += fresh;
      fallbacks += notes.length;
      const ms = Math.round(performance.now() - t0);
      const label = `${entry.title} › ${entry.name}${extra.length ? ` (+${extra.join(', ')})` : ''} (${ms} ms)`;
      if (problems.length === 0) {
        passed++;
        console.log(`  ok    ${label}`);
      } else {
        failed++;
        console.log(`  FAIL  ${label}`);
        for (const p of problems) console.log(`      - ${p}`);
      }
      for (const n of notes) console.log(`      note: ${n}`);
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
  console.log(
    `storybook smoke: ${stories.length} stories, ${checks} story × language checks ` +
      `(own language + ${languages.length ? languages.join(', ') : 'no others'}${twins ? '' : '; English twins of German stories in their own language only'}) in ${seconds} s`,
  );
  if (reloads) console.log(`${reloads} language checks repeated from a fresh load (the in-page switch showed a problem)`);
  if (fallbacks) console.log(`${fallbacks} widget × language fallbacks to German (texts not written yet; see the notes)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
