#!/usr/bin/env node
// Quality gates 2 (accessibility, beyond scripts/demo-smoke.mjs) and 4 (privacy) of issue 10, on
// every page of the Musterstadt demo as served by scripts/start.mjs, in Debian's Chromium.
//
//   node scripts/gates/demo-gates.mjs            check (part of `npm test`, step "gates")
//   node scripts/gates/demo-gates.mjs --update   rewrite docs/a11y-snapshots/*.yml from this run
//
// Every page (every demo/**/index.html, plus the 404 page), in a fresh browser context:
// - Zoom and reflow (WCAG 1.4.4 Resize Text, 1.4.10 Reflow). Browser zoom in CSS terms: a window
//   1280 px wide at 200 % zoom lays out exactly like a 640 CSS px viewport (the device pixel ratio
//   changes only sharpness), and at 400 % like 320 CSS px, the width 1.4.10 names. At 640 and at
//   320 CSS px the page must not scroll horizontally and must not lose content: no visible element
//   inside a box that hides its overflow (overflow hidden/clip, text-overflow: ellipsis) may be
//   wider than that box, and no element carrying text may stick out of the viewport on either side
//   (elements wholly outside it, the usual "visually hidden until focused" skip link, are allowed).
//   Open shadow roots are walked, so the widgets' insides count.
// - Forced colours (Windows high contrast): a full-page screenshot with `forced-colors: active` of
//   every page and of every widget state below, written to .test-results/forced-colors/ for a
//   person to look at (the path is printed; nothing is compared automatically). A state's picture
//   is the widget's box, or the part of the viewport it paints when that reaches beyond its box
//   (the chat's fixed launcher and panel); the pointer is moved away first (no hover styles).
// - Accessibility tree: the states listed in scripts/gates/states.mjs are reached with real clicks
//   and typing, and each widget's tree (Playwright's aria snapshot: roles, names, states, text) is
//   compared with docs/a11y-snapshots/<state>.yml; any difference fails (rewrite with --update
//   after reviewing the diff). Deterministic: the page's clock stands at FIXED_TIME (a Tuesday in
//   opening hours, Europe/Berlin) and moves only in the gate's steps (at most PAGE_TIME_BUDGET_MS
//   per page, before the demo's simulator moves again), Math.random and crypto.getRandomValues /
//   randomUUID are seeded generators (the simulator and mock data use Math.random, the mock's
//   booking numbers and tokens crypto), the widgets start only after the simulator's first moves (see
//   initScript), and a tree is read only once it no longer changes.
// - Privacy (DESIGN.md "Rules every widget and back end keeps"): every request goes to the page's
//   origin or an origin named by an `api-base` attribute on the page; cookies, localStorage,
//   sessionStorage, IndexedDB and Cache Storage are empty after the page loaded and after every
//   state reached without opt-in (looking up a case without "merken" stores nothing); what the
//   citizen typed (case reference, birth date) and e-mail addresses never appear in a request URL,
//   console output or a DOM event's `detail`.
// - The suite figure (suite-page.mjs): a German page with every widget fetches, before any
//   interaction, exactly the CDN files `npm run size` counts for issue 10's 60 kB target.
// Before the pages, a deliberately broken page proves that every check fires.
// Writes .test-results/gates.json {passed, failed}; exits non-zero on any failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CDN_DIR, CDN_ENTRY, DEMO_DIR, startDemoServer } from '../start.mjs';
import { launchChromium, writeResults } from '../storybook-smoke.mjs';
import { STATES, TYPED, normalizeSnapshot } from './states.mjs';
import { SUITE_PAGE, checkSuitePage, serveSuitePage } from './suite-page.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SNAPSHOT_DIR = join(ROOT, 'docs', 'a11y-snapshots');
export const SCREENSHOT_DIR = join(ROOT, '.test-results', 'forced-colors');

/** The demo's frozen "now": Tuesday 10 March 2026, 10:00 in Germany (everything is open). */
export const FIXED_TIME = '2026-03-10T10:00:00+01:00';
const TIMEZONE = 'Europe/Berlin';
const ZOOM_WIDTHS = [640, 320]; // 200 % and 400 % of a 1280 px window
const DESKTOP = { width: 1280, height: 800 };
const PAGE_TIMEOUT = 20_000;
const QUIET_STEPS = 5;

/** Every page of the demo: each demo/**\/index.html, and one path that must answer 404. */
export function demoPages() {
  const pages = [];
  for (const entry of readdirSync(DEMO_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const dir = relative(DEMO_DIR, entry.parentPath ?? entry.path).split('\\').join('/');
    pages.push({ path: dir ? `/${dir}/` : '/', status: 200 });
  }
  pages.sort((a, b) => a.path.localeCompare(b.path));
  pages.push({ path: '/gibt-es-nicht/', status: 404 });
  return pages;
}

/** Tags the CDN build registers (from its manifest). */
function knownTags() {
  const manifest = join(CDN_DIR, 'manifest.json');
  return existsSync(manifest) ? Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).tags ?? {}) : [];
}

/** Installed before any page script: a seeded Math.random and a record of every event's detail. */
function initScript() {
  let seed = 0x2026_0310;
  Math.random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // The in-page mock makes booking numbers, ids and tokens with crypto.getRandomValues (and
  // randomUUID); a second seeded generator, so that Math.random's sequence stays what it was.
  let cryptoSeed = 0x0c1f_1c00;
  const randomByte = () => {
    cryptoSeed = (cryptoSeed + 0x6d2b79f5) | 0;
    let t = Math.imul(cryptoSeed ^ (cryptoSeed >>> 15), 1 | cryptoSeed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  const getRandomValues = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = randomByte();
    return array;
  };
  Object.defineProperty(Crypto.prototype, 'getRandomValues', { configurable: true, writable: true, value: getRandomValues });
  Object.defineProperty(Crypto.prototype, 'randomUUID', {
    configurable: true,
    writable: true,
    value: () => {
      const b = getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  });
  // The demo's simulator starts with the mock and makes its first moves (desks call tickets) at
  // once; a widget loading at the same moment sees them either in its first answer or as news (a
  // highlighted call, an announcement) — a race. The page's readiness promise, which the Civic
  // Elements loader waits for, is held back until those first moves are done: until then every
  // /api request is the simulator's, so "none in flight, at least one done" (at most 2 s).
  let apiInFlight = 0;
  let apiDone = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (!new URL(url, location.href).pathname.startsWith('/api/')) return realFetch.call(this, input, init);
    apiInFlight++;
    return realFetch.call(this, input, init).finally(() => {
      apiInFlight--;
      apiDone++;
    });
  };
  const READY = Symbol.for('civic-elements/ready');
  let ready;
  Object.defineProperty(globalThis, READY, {
    configurable: true,
    get: () => ready,
    set: (promise) => {
      ready = Promise.resolve(promise).then(
        (value) =>
          new Promise((done) => {
            let waited = 0;
            let idle = 0;
            const poll = () => {
              idle = apiDone > 0 && apiInFlight === 0 ? idle + 1 : 0;
              if (idle >= 2 || waited >= 2000) return done(value);
              waited += 50;
              setTimeout(poll, 50);
            };
            setTimeout(poll, 50);
          }),
      );
    },
  });
  const details = [];
  Object.defineProperty(window, '__gateEventDetails', { value: details });
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event instanceof CustomEvent && event.detail !== undefined && event.detail !== null) {
      let text;
      try {
        text = JSON.stringify(event.detail);
      } catch {
        text = String(event.detail);
      }
      if (details.length < 2000) details.push(`${event.type}: ${text}`);
    }
    return dispatch.call(this, event);
  };
}

// The pages' clocks stand still (see openPage) and move only here, STEP_MS at a time, with a little
// real time after each step for requests and workers. `spent` counts the page time used, which must
// stay below the simulator's next move.
const clocks = new WeakMap();
const STEP_MS = 100;
/** The simulator (speed 3) lets its second desk call 5 s of page time after its start. */
const PAGE_TIME_BUDGET_MS = 4_500;

async function step(page, ms = STEP_MS) {
  const clock = clocks.get(page);
  if (!clock) return page.waitForTimeout(250);
  clock.spent += ms;
  await page.clock.runFor(ms);
  await page.waitForTimeout(40);
}

/** Lets the page render a frame (with a paused clock: by moving it past two animation frames). */
const nextFrame = (page) =>
  clocks.has(page)
    ? step(page, 40)
    : page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * Moves the page's clock until the document loaded, the widgets the CDN build registers upgraded
 * (a tag it does not know yet stays as it is) and the page requested nothing for QUIET_STEPS steps.
 */
async function settle(page, record) {
  const known = knownTags();
  const deadline = Date.now() + PAGE_TIMEOUT;
  let quiet = 0;
  let seen = record.requests.length;
  while (Date.now() < deadline) {
    await step(page);
    quiet = record.requests.length === seen ? quiet + 1 : 0;
    seen = record.requests.length;
    if (quiet < QUIET_STEPS) continue;
    const done = await page.evaluate(
      (tags) => document.readyState === 'complete' && tags.every((tag) => !document.querySelector(tag) || customElements.get(tag)),
      known,
    );
    if (done) return;
  }
  throw new Error('the page did not finish loading');
}

/**
 * At `width` CSS px: horizontal scrolling, content clipped by its box, text sticking out of the
 * viewport. Walks open shadow roots. Returns one message per problem (at most 10).
 */
export async function reflowProblems(page, width) {
  await page.setViewportSize({ width, height: DESKTOP.height });
  await nextFrame(page);
  return page.evaluate((vw) => {
    const problems = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > vw) problems.push(`horizontal scroll: the page is ${scrollWidth} px wide`);
    const name = (el) => {
      const host = el.getRootNode().host;
      const self = `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      return host ? `${name(host)} » ${self}` : self;
    };
    const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
    const insideScroller = (el) => {
      for (let node = el.parentElement ?? el.getRootNode().host; node; node = node.parentElement ?? node.getRootNode().host) {
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    function* all(root) {
      for (const el of root.querySelectorAll('*')) {
        yield el;
        if (el.shadowRoot) yield* all(el.shadowRoot);
      }
    }
    for (const el of all(document)) {
      if (problems.length >= 10) break;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // the visually-hidden pattern (1 × 1 px, clipped)
      const style = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(style.overflowX);
      if ((hides || style.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim() !== '') {
        problems.push(`content clipped: ${name(el)} shows ${el.clientWidth} of ${el.scrollWidth} px`);
        continue;
      }
      const text = ownText(el) || ['img', 'input', 'select', 'textarea', 'button', 'video', 'svg'].includes(el.localName);
      if (text && insideScroller(el)) continue; // reachable by scrolling its box (a code sample, a wide table)
      const partlyOut = (rect.left < -1 && rect.right > 0) || (rect.right > vw + 1 && rect.left < vw);
      if (text && partlyOut) {
        problems.push(`outside the viewport: ${name(el)} spans ${Math.round(rect.left)}…${Math.round(rect.right)} px`);
      }
    }
    return problems;
  }, width);
}

/** Cookies and every kind of web storage the page's origin holds. Empty object = nothing stored. */
export async function storedData(context, page) {
  const found = {};
  const cookies = await context.cookies();
  if (cookies.length) found.cookies = cookies.map((c) => c.name);
  const web = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    cacheStorage: 'caches' in self ? await caches.keys() : [],
  }));
  for (const [kind, keys] of Object.entries(web)) if (keys.length) found[kind] = keys;
  return found;
}

const EMAIL = /[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+/i;

/** Personal data found in `text`: what the citizen typed in these states, or an e-mail address. */
export function personalData(text) {
  const hits = [];
  const typed = [TYPED.reference, TYPED.birthdate, TYPED.birthdateIso, encodeURIComponent(TYPED.birthdate), TYPED.name, encodeURIComponent(TYPED.name)];
  for (const value of new Set(typed)) if (text.includes(value)) hits.push(`"${value}"`);
  const email = EMAIL.exec(text);
  if (email) hits.push(`e-mail address "${email[0]}"`);
  return hits;
}

/** Opens `url` in a fresh context with frozen time and everything recorded that the gates check. */
async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'de-DE', timezoneId: TIMEZONE, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const record = { requests: [], console: [], errors: [] };
  context.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (msg) => record.console.push(`${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (error) => record.errors.push(String(error?.message ?? error)));
  await page.addInitScript(initScript);
  // The clock stands at FIXED_TIME and moves only when the gate moves it (step()): timers,
  // animation frames and Date are the page's fake ones, so the simulator's moves happen at the same
  // page time in every run, however slow the machine is.
  const start = Date.parse(FIXED_TIME);
  await page.clock.install({ time: new Date(start - 60_000) });
  await page.clock.pauseAt(new Date(start));
  clocks.set(page, { spent: 0 });
  const response = await page.goto(url, { waitUntil: 'commit' });
  await settle(page, record);
  return { context, page, record, status: response?.status() };
}

/** The privacy findings of one page after everything it did (requests, console, event details). */
async function privacyProblems(page, record) {
  const problems = [];
  const origins = await page.evaluate(() => {
    const out = new Set([location.origin]);
    for (const el of document.querySelectorAll('[api-base]')) out.add(new URL(el.getAttribute('api-base'), document.baseURI).origin);
    return [...out];
  });
  for (const url of new Set(record.requests)) {
    const parsed = new URL(url);
    if (['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) && !origins.includes(parsed.origin)) {
      problems.push(`request to an origin that is neither the page's nor an api-base: ${url}`);
    }
    for (const hit of personalData(url)) problems.push(`personal data ${hit} in a request URL: ${url}`);
  }
  for (const line of record.console) for (const hit of personalData(line)) problems.push(`personal data ${hit} in the console: ${line}`);
  const details = await page.evaluate(() => window.__gateEventDetails ?? []);
  for (const line of details) for (const hit of personalData(line)) problems.push(`personal data ${hit} in an event detail: ${line}`);
  return problems;
}

/**
 * The part of the viewport a widget paints, in viewport CSS px, when that is more than its host's
 * box: a floating widget (the chat launcher and its panel) is fixed inside its shadow root and
 * paints outside the host, which a screenshot of the host's box would cut off. Null when everything
 * it paints lies inside the host's box (then the element screenshot shows all of it, however tall).
 */
export async function paintedOutsideHost(locator) {
  return locator.evaluate((host) => {
    const box = host.getBoundingClientRect();
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.checkVisibility({ visibilityProperty: true })) {
          const r = el.getBoundingClientRect();
          if (r.width > 1 && r.height > 1) {
            left = Math.min(left, r.left);
            top = Math.min(top, r.top);
            right = Math.max(right, r.right);
            bottom = Math.max(bottom, r.bottom);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (host.shadowRoot) walk(host.shadowRoot);
    walk(host);
    const inside = left >= box.left - 1 && top >= box.top - 1 && right <= box.right + 1 && bottom <= box.bottom + 1;
    if (inside || left === Infinity) return null;
    const x = Math.max(0, Math.floor(left));
    const y = Math.max(0, Math.floor(top));
    const width = Math.min(innerWidth, Math.ceil(right)) - x;
    const height = Math.min(innerHeight, Math.ceil(bottom)) - y;
    return width > 0 && height > 0 ? { x, y, width, height } : null;
  });
}

async function forcedColorsShot(page, file, locator) {
  await page.emulateMedia({ forcedColors: 'active' });
  // The pointer rests where the gate last clicked; a hover style on whatever moved under it would
  // be photographed as if it were the state's look.
  await page.mouse.move(0, 0);
  await nextFrame(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, file);
  if (locator) await locator.scrollIntoViewIfNeeded();
  const clip = locator ? await paintedOutsideHost(locator) : null;
  if (clip) await page.screenshot({ path, clip, animations: 'disabled' });
  else if (locator) await locator.screenshot({ path, animations: 'disabled' });
  else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ forcedColors: 'none' });
}

/** The widget's aria snapshot once it contains `ready` and two readings a step apart agree. */
async function stableTree(page, selector, ready) {
  const locator = page.locator(selector).first();
  const deadline = Date.now() + PAGE_TIMEOUT;
  let previous;
  while (Date.now() < deadline) {
    const tree = await locator.ariaSnapshot();
    if ((!ready || tree.includes(ready)) && tree === previous) return tree;
    previous = tree;
    await step(page);
  }
  throw new Error(`the tree of ${selector} did not become stable${ready ? ` with "${ready}"` : ''}:\n${previous}`);
}


function snapshotHeader(state) {
  return [
    `# ${state.title}`,
    `# <${state.widget}> on the demo page ${state.page}, ${FIXED_TIME} (${TIMEZONE}), German.`,
    '# Accessibility tree as Chromium exposes it (Playwright aria snapshot). Checked by npm test',
    '# (scripts/gates/demo-gates.mjs); after a reviewed change: node scripts/gates/demo-gates.mjs --update',
  ].join('\n');
}

/** Compares (or with `update` writes) one state's tree with `<dir>/<state>.yml`. Returns problems. */
function compareSnapshot(state, tree, update, dir = SNAPSHOT_DIR) {
  const file = join(dir, `${state.name}.yml`);
  const body = `${snapshotHeader(state)}\n${tree}`;
  if (update) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, body);
    return [];
  }
  if (!existsSync(file)) return [`no committed snapshot ${relative(ROOT, file)} (create it with --update and review it)`];
  const committed = readFileSync(file, 'utf8').replace(/^#.*\n/gm, '');
  if (committed === tree) return [];
  const want = committed.split('\n');
  const got = tree.split('\n');
  const diff = [];
  for (let i = 0; i < Math.max(want.length, got.length) && diff.length < 12; i++) {
    if (want[i] !== got[i]) diff.push(`line ${i + 1}: expected ${JSON.stringify(want[i] ?? '')}, got ${JSON.stringify(got[i] ?? '')}`);
  }
  return [`accessibility tree differs from ${relative(ROOT, file)}:\n        ${diff.join('\n        ')}`];
}

function report(counter, label, problems, ms) {
  if (problems.length === 0) {
    counter.passed++;
    console.log(`  ok    ${label} (${ms} ms)`);
  } else {
    counter.failed++;
    console.log(`  FAIL  ${label} (${ms} ms)`);
    for (const p of problems) console.log(`      - ${p}`);
  }
}

const pageTime = new Map();

/** One demo page: reflow at each zoom width, forced-colour screenshot, its states, privacy. */
async function checkPage(browser, origin, entry, update, counter) {
  const t0 = performance.now();
  const states = STATES.filter((s) => s.page === entry.path);
  const slug = entry.path === '/' ? 'start' : entry.path.replace(/^\/|\/$/g, '').replace(/\//g, '-');
  const pageProblems = [];
  const privacy = [];
  let opened;
  try {
    opened = await openPage(browser, origin + entry.path);
    const { context, page, record } = opened;
    if (opened.status !== entry.status) pageProblems.push(`document answered ${opened.status}, expected ${entry.status}`);
    const stored = await storedData(context, page);
    if (Object.keys(stored).length) privacy.push(`stored without opt-in after loading: ${JSON.stringify(stored)}`);
    for (const width of ZOOM_WIDTHS) {
      for (const p of await reflowProblems(page, width)) pageProblems.push(`${width} px (${(DESKTOP.width / width) * 100} % zoom): ${p}`);
    }
    await page.setViewportSize(DESKTOP);
    await forcedColorsShot(page, `${slug}.png`);
    let optedIn = false;
    for (const state of states) {
      const s0 = performance.now();
      const problems = [];
      try {
        if (state.act) await state.act(page);
        const tree = normalizeSnapshot(await stableTree(page, state.widget, state.ready), origin);
        problems.push(...compareSnapshot(state, tree, update));
        await forcedColorsShot(page, `${state.name}.png`, page.locator(state.widget).first());
        optedIn ||= Boolean(state.optIn);
        if (!optedIn) {
          const after = await storedData(context, page);
          if (Object.keys(after).length) privacy.push(`stored without opt-in in state ${state.name}: ${JSON.stringify(after)}`);
        }
      } catch (error) {
        problems.push(`state: ${error?.message ?? error}`);
      }
      report(counter, `${entry.path} tree ${state.name}${update ? ' (written)' : ''}`, problems, Math.round(performance.now() - s0));
    }
    privacy.push(...(await privacyProblems(page, record)));
    for (const e of record.errors) pageProblems.push(`page error: ${e}`);
    const { spent } = clocks.get(page);
    if (spent > PAGE_TIME_BUDGET_MS) {
      pageProblems.push(`the page needed ${spent} ms of page time; past ${PAGE_TIME_BUDGET_MS} ms the demo's simulator moves again and the trees are not reproducible`);
    }
    pageTime.set(entry.path, spent);
  } catch (error) {
    pageProblems.push(`gate: ${error?.message ?? error}`);
  } finally {
    await opened?.context.close();
  }
  const ms = Math.round(performance.now() - t0);
  report(counter, `${entry.path} zoom 200 %/400 %, forced colours`, pageProblems, ms);
  report(counter, `${entry.path} privacy`, privacy, 0);
}

// A deliberately broken page: every check above must report it.
const CANARY_HTML = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Gate canary</title>
<style>.box{width:200px;overflow:hidden;white-space:nowrap}.wide{display:block;width:900px}civic-canary{display:block}</style></head>
<body><main><div class="box">Dieser Text ist viel zu lang für seine Box und wird abgeschnitten.</div>
<p class="wide">breit</p><civic-canary></civic-canary><civic-floating></civic-floating></main>
<script>
customElements.define('civic-canary', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('button'), { textContent: 'Canary' })); }
});
customElements.define('civic-floating', class extends HTMLElement {
  connectedCallback() {
    const panel = Object.assign(document.createElement('p'), { textContent: 'Schwebt' });
    panel.style.cssText = 'position:fixed;right:0;bottom:0;margin:0;width:100px;height:50px';
    this.attachShadow({ mode: 'open' }).append(panel);
  }
});
document.cookie = 'canary=1';
localStorage.setItem('canary', '1');
console.log('Anfrage für ${TYPED.birthdate}');
document.dispatchEvent(new CustomEvent('civic-canary', { detail: { email: 'jemand@example.org' } }));
fetch('/api/v1/canary?mail=jemand%40example.org').catch(() => {});
fetch('http://canary.invalid/').catch(() => {});
</script></body></html>`;

async function harnessSelfCheck(browser, origin) {
  const base = `${origin}/__gates-canary__/`;
  const problems = [];
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.route('http://canary.invalid/**', (route) => route.abort());
  await context.route(`${base}**`, (route) => route.fulfill({ contentType: 'text/html', body: CANARY_HTML }));
  const page = await context.newPage();
  const record = { requests: [], console: [], errors: [] };
  context.on('request', (r) => record.requests.push(r.url()));
  page.on('console', (m) => record.console.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(initScript);
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__gateEventDetails.length > 0);
  try {
    problems.push(...(await reflowProblems(page, 320)));
    problems.push(`stored: ${JSON.stringify(await storedData(context, page))}`);
    problems.push(...(await privacyProblems(page, record)));
    await page.setViewportSize(DESKTOP);
    if (await paintedOutsideHost(page.locator('civic-floating'))) problems.push('fixed part photographed');
    if (!(await paintedOutsideHost(page.locator('civic-canary')))) problems.push('widget inside its box photographed as its box');
    const tree = normalizeSnapshot(await page.locator('civic-canary').ariaSnapshot(), origin);
    const canary = { name: 'canary', widget: 'civic-canary', page: '/', title: 'canary' };
    const dir = mkdtempSync(join(tmpdir(), 'civic-gates-'));
    try {
      problems.push(...compareSnapshot(canary, tree, false, dir));
      compareSnapshot(canary, tree.replace('Canary', 'Kanarienvogel'), true, dir);
      problems.push(...compareSnapshot(canary, tree, false, dir));
      compareSnapshot(canary, tree, true, dir);
      const same = compareSnapshot(canary, tree, false, dir);
      if (same.length) problems.push(`a tree equal to its snapshot was reported: ${same.join('; ')}`);
      else problems.push('equal tree accepted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await context.close();
  }
  const checks = {
    'horizontal scroll': 'horizontal scroll',
    'clipped content': 'content clipped',
    'text outside the viewport': 'outside the viewport',
    cookie: '"cookies"',
    localStorage: '"localStorage"',
    'foreign request': 'request to an origin',
    'personal data in a URL': 'in a request URL',
    'personal data in the console': 'in the console',
    'personal data in an event detail': 'in an event detail',
    'missing snapshot': 'no committed snapshot',
    'changed tree': 'accessibility tree differs',
    'unchanged tree passes': 'equal tree accepted',
    'a widget painting outside its box is photographed where it paints': 'fixed part photographed',
    'a widget inside its box is photographed as its box': 'widget inside its box photographed as its box',
  };
  return Object.entries(checks)
    .filter(([, text]) => !problems.some((p) => p.includes(text)))
    .map(([name]) => name);
}

async function main() {
  const update = process.argv.includes('--update');
  if (!existsSync(CDN_ENTRY)) {
    console.error('gates: the CDN build is missing. Build first: npx rollup -c rollup.config.js');
    process.exit(2);
  }
  const started = performance.now();
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', backend: 'mock' }); // the mock: its data and clock live in the page, where they are frozen
  serveSuitePage(demo.server);
  const origin = demo.url.replace(/\/$/, '');
  const browser = await launchChromium();
  const counter = { passed: 0, failed: 0 };
  const pages = demoPages();
  try {
    const silent = await harnessSelfCheck(browser, origin);
    report(counter, `gate harness: every check fires on a broken page${silent.length ? `; silent: ${silent.join(', ')}` : ''}`, silent.length ? ['checks did not fire'] : [], 0);
    const unknown = STATES.filter((s) => !pages.some((p) => p.path === s.page)).map((s) => s.name);
    report(counter, 'every snapshot state is on a demo page', unknown.map((n) => `state ${n} names a page that does not exist`), 0);
    for (const entry of pages) await checkPage(browser, origin, entry, update, counter);
    const t0 = performance.now();
    const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'manifest.json'), 'utf8'));
    const suite = await checkSuitePage({ browser, origin, openPage, manifest, cdnDir: CDN_DIR });
    report(counter, `${SUITE_PAGE} (every widget, German) fetches what the size gate counts at load`, suite, Math.round(performance.now() - t0));
  } finally {
    await browser.close();
    await demo.close();
  }
  writeResults('gates', counter.passed, counter.failed);
  console.log(`forced-colours screenshots for a person to look at: ${relative(process.cwd(), SCREENSHOT_DIR)}/ (${readdirSync(SCREENSHOT_DIR).length} files)`);
  console.log(`page time used (ms, budget ${PAGE_TIME_BUDGET_MS}): ${[...pageTime].map(([path, ms]) => `${path} ${ms}`).join(', ')}`);
  console.log(`gates: ${pages.length} pages, ${STATES.length} widget states in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${counter.passed} passed, ${counter.failed} failed`);
  process.exitCode = counter.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
