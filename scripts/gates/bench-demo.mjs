#!/usr/bin/env node
// Gate 6 of issue 10 (speed), an entry of `npm run bench`: the demo pages in Debian's Chromium,
// as served by scripts/start.mjs with the in-browser mock back end, each figure printed next to a
// baseline measured in the same run: a page with only a minimal Lit element
// (scripts/gates/bench-fixture/, bundled with lit by esbuild and served by the same demo server
// under /__bench__/).
//
//   node scripts/gates/bench-demo.mjs [--runs 5]
//
// Per page (median of --runs cold loads, each in a fresh browser context, CPU throttled 4× with
// the DevTools protocol's Emulation.setCPUThrottlingRate):
// - bytes: the static files the page loaded, as this server sends them (uncompressed) and as gzip -9
//   (what a compressing CDN sends), split into Civic Elements' own files (/cdn/), the page's (HTML,
//   CSS, images) and the demo's in-browser mock back end (/demo-backend.js, msw's worker: a town's
//   page has neither; reported, not compared). API answers are not counted (they depend on the back
//   end and on the demo's simulator);
// - first useful content: from navigation start (performance.timeOrigin) until the widget shows
//   the text that means it is usable (READY below; checked every animation frame, in the page);
//   also when the demo's mock back end was ready (the widgets wait for it: it parses ~470 kB of
//   JavaScript in the page, which a town's page does not) and the time after that, the widgets'
//   own share.
// Interactions (median of --runs, throttled 4×, timed in the page from the click until the answer
// is on screen): open the chat, choose a service and go on in the picker, look up a case.
// Baseline for both: the minimal element's first render, and a click that re-renders it.
// Prints two tables with the ratio to the baseline. Exits non-zero only when a page fails to load.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { startDemoServer } from '../start.mjs';
import { launchChromium } from '../storybook-smoke.mjs';
import { serveInFront } from './serve-in-front.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(HERE, 'bench-fixture');
const THROTTLE = 4;
const TIMEOUT = 60_000;

/** The widget and the text that means it is usable, per demo page with a widget. */
const READY = [
  { page: '/termine/', widget: 'civic-appointment-picker', text: 'Schritt 1 von 7' },
  { page: '/antragsstatus/', widget: 'civic-status-tracker', text: 'Antrag anzeigen' },
  { page: '/warteschlange/', widget: 'civic-queue-display', text: 'Wartebereich Bürgerbüro Mitte' },
  { page: '/aufrufanzeige/', widget: 'civic-call-display', text: 'Aufrufe' },
  { page: '/buergerbuero/', widget: 'civic-virtual-office', text: 'Sprechzeiten' },
  { page: '/', widget: 'civic-chat', text: 'Chat mit dem Bürgeramt' },
];
const BASELINE = { page: '/__bench__/baseline/', widget: 'bench-empty', text: 'Los' };

/** Click `button` (text) inside `widget`, until `text` shows; the page itself times it. */
const INTERACTIONS = [
  {
    name: 'chat: open the panel',
    page: '/',
    widget: 'civic-chat',
    steps: [{ click: 'Chat mit dem Bürgeramt' }],
    text: 'Chat starten',
  },
  {
    name: 'picker: service → step 2',
    page: '/termine/',
    widget: 'civic-appointment-picker',
    steps: [{ check: 'Meldebescheinigung' }, { click: 'Weiter' }],
    text: 'Schritt 2 von 7',
  },
  {
    name: 'tracker: look up a case',
    page: '/antragsstatus/',
    widget: 'civic-status-tracker',
    steps: [{ fill: ['Aktenzeichen', 'MS-2026-004712'] }, { fill: ['Ihr Geburtsdatum', '01.07.1990'] }, { click: 'Antrag anzeigen' }],
    text: 'Anderen Antrag abfragen',
  },
];
const BASELINE_INTERACTION = { name: 'baseline: click → re-render', page: BASELINE.page, widget: 'bench-empty', steps: [{ click: 'Los' }], text: 'Fertig' };

/** In the page, before any script: resolves window.__benchReady with the time `text` first shows in `widget`. */
function watchReady({ widget, text }) {
  const deepText = (node) => {
    let out = '';
    for (const child of node.childNodes) out += child.nodeType === Node.TEXT_NODE ? child.textContent : deepText(child);
    if (node.shadowRoot) out += deepText(node.shadowRoot);
    return out;
  };
  window.__benchDeepText = deepText;
  // When the demo's in-browser mock back end is ready (it publishes the promise the Civic Elements
  // loader waits for): widgets cannot show server data before, so the time after it is theirs.
  const READY = Symbol.for('civic-elements/ready');
  let published;
  window.__benchBackendReady = new Promise((done) => {
    Object.defineProperty(globalThis, READY, {
      configurable: true,
      get: () => published,
      set: (promise) => {
        published = promise;
        Promise.resolve(promise).then(() => done(performance.now()), () => done(NaN));
      },
    });
  });
  window.__benchReady = new Promise((done) => {
    const check = () => {
      const el = document.querySelector(widget);
      if (el && deepText(el).includes(text)) done(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Serves the baseline fixture under /__bench__/ in front of the demo server's own handler. */
async function serveFixture(server) {
  const bundle = await build({
    entryPoints: [join(FIXTURE, 'empty-element.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
  });
  const files = {
    '/__bench__/baseline/': { type: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURE, 'baseline.html')) },
    '/__bench__/empty-element.js': { type: 'text/javascript; charset=utf-8', body: Buffer.from(bundle.outputFiles[0].contents) },
  };
  serveInFront(server, files);
}

/** `promise`, or a rejection after TIMEOUT ms (page.evaluate itself never times out). */
function within(promise, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: no answer within ${TIMEOUT / 1000} s`)), TIMEOUT);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

async function throttledPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page, cdp };
}

const sizeCache = new Map();
/** Size of a static file as this server sends it (uncompressed) and as gzip -9. */
async function fileSizes(url) {
  if (!sizeCache.has(url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    sizeCache.set(url, { raw: body.length, gz: gzipSync(body, { level: 9 }).length });
  }
  return sizeCache.get(url);
}

/**
 * One cold load: the time to first useful content, and the static files the page requested until
 * then (and until its load event) by kind. API answers are not counted: their size depends on the
 * back end and on what the demo's simulator did.
 */
async function loadOnce(browser, origin, target) {
  const { context, page } = await throttledPage(browser);
  try {
    const urls = new Set();
    context.on('request', (request) => urls.add(request.url()));
    await page.addInitScript(watchReady, { widget: target.widget, text: target.text });
    await page.goto(origin + target.page, { waitUntil: 'commit' });
    const ready = await within(page.evaluate(() => window.__benchReady), `${target.page}: "${target.text}" in <${target.widget}>`);
    await page.waitForLoadState('load');
    // No back end on the page (the baseline): nothing to wait for.
    const backend = await page.evaluate(() => Promise.race([window.__benchBackendReady, new Promise((done) => setTimeout(() => done(0), 0))]));
    const bytes = { cdn: 0, cdnGz: 0, mock: 0, page: 0, pageGz: 0, files: 0 };
    for (const url of urls) {
      if (!url.startsWith(`${origin}/`)) continue;
      const path = new URL(url).pathname;
      if (path === '/api' || path.startsWith('/api/') || path.endsWith('.map')) continue;
      const { raw, gz } = await fileSizes(url);
      bytes.files++;
      if (path.startsWith('/cdn/')) {
        bytes.cdn += raw;
        bytes.cdnGz += gz;
      } else if (path === '/demo-backend.js' || path === '/mockServiceWorker.js') bytes.mock += raw;
      else {
        bytes.page += raw;
        bytes.pageGz += gz;
      }
    }
    return { ready, backend, bytes };
  } finally {
    await context.close();
  }
}

/** One interaction on a freshly loaded page, timed in the page. */
async function interactOnce(browser, origin, interaction) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.addInitScript(watchReady, { widget: interaction.widget, text: interaction.steps.at(-1).click });
    await page.goto(origin + interaction.page, { waitUntil: 'load' });
    await within(page.evaluate(() => window.__benchReady), `${interaction.page}: <${interaction.widget}>`);
    for (const step of interaction.steps.slice(0, -1)) {
      if (step.check) await page.getByRole('checkbox', { name: step.check }).check();
      if (step.fill) await page.getByRole('textbox', { name: step.fill[0] }).fill(step.fill[1]);
    }
    const target = page.locator(interaction.widget).getByRole('button', { name: interaction.steps.at(-1).click, exact: true });
    await target.waitFor();
    const handle = await target.elementHandle();
    return await within(
      page.evaluate(
      ({ button, widget, text }) =>
        new Promise((done) => {
          const el = document.querySelector(widget);
          const t0 = performance.now();
          button.click();
          const check = () => (window.__benchDeepText(el).includes(text) ? done(performance.now() - t0) : requestAnimationFrame(check));
          check();
        }),
      { button: handle, widget: interaction.widget, text: interaction.text },
      ),
      `${interaction.name}: "${interaction.text}"`,
    );
  } finally {
    await context.close();
  }
}

const kB = (bytes) => (bytes / 1000).toFixed(1);
const ratio = (value, base) => (base > 0 ? `${(value / base).toFixed(1)}×` : '—');

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Math.max(1, Number(values.runs) || 5);
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', backend: 'mock' });
  await serveFixture(demo.server);
  const origin = demo.url.replace(/\/$/, '');
  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}, CPU throttled ${THROTTLE}×, ${runs} cold loads per page (medians), mock back end in the page`);
  let failed = 0;
  try {
    const loads = [];
    for (const target of [BASELINE, ...READY]) {
      const samples = [];
      try {
        for (let i = 0; i < runs; i++) samples.push(await loadOnce(browser, origin, target));
      } catch (error) {
        failed++;
        console.log(`  ${target.page}: FAILED ${error?.message ?? error}`);
        continue;
      }
      loads.push({ target, ready: median(samples.map((s) => s.ready)), afterBackend: median(samples.map((s) => s.ready - s.backend)), backend: median(samples.map((s) => s.backend)), bytes: samples[0].bytes });
    }
    const base = loads.find((l) => l.target === BASELINE);
    console.log('\nPage load: static files in kB (raw as this server sends them / gzip -9), first useful content');
    console.log(
      `${'page'.padEnd(22)} ${'widget'.padEnd(26)} ${'civic raw/gz'.padStart(13)} ${'page raw/gz'.padStart(12)} ${'gz vs base'.padStart(10)} ${'mock raw'.padStart(9)} ${'first content'.padStart(14)} ${'vs base'.padStart(8)} ${'mock ready'.padStart(11)} ${'after mock'.padStart(11)} ${'vs base'.padStart(8)}`,
    );
    const gzTotal = (b) => b.cdnGz + b.pageGz;
    for (const l of loads) {
      const b = l.bytes;
      const isBase = l === base;
      console.log(
        `${l.target.page.padEnd(22)} ${l.target.widget.padEnd(26)} ${`${kB(b.cdn)}/${kB(b.cdnGz)}`.padStart(13)} ${`${kB(b.page)}/${kB(b.pageGz)}`.padStart(12)} ${(isBase ? 'baseline' : ratio(gzTotal(b), gzTotal(base.bytes))).padStart(10)} ${kB(b.mock).padStart(9)} ${`${Math.round(l.ready)} ms`.padStart(14)} ${(isBase ? 'baseline' : ratio(l.ready, base?.ready)).padStart(8)} ${(isBase ? '—' : `${Math.round(l.backend)} ms`).padStart(11)} ${`${Math.round(l.afterBackend)} ms`.padStart(11)} ${(isBase ? 'baseline' : ratio(l.afterBackend, base?.ready)).padStart(8)}`,
      );
    }
    console.log('civic = /cdn/ (Civic Elements); page = HTML, CSS, images and, for the baseline, its lit bundle; mock = the demo-only in-browser back end (not on a town\'s page)');
    console.log('first content: from navigation start; mock ready: when the demo\'s in-browser back end answered (widgets wait for it); after mock: the difference, the widgets\' own share');

    const timings = [];
    for (const interaction of [BASELINE_INTERACTION, ...INTERACTIONS]) {
      const samples = [];
      try {
        for (let i = 0; i < runs; i++) samples.push(await interactOnce(browser, origin, interaction));
      } catch (error) {
        failed++;
        console.log(`  ${interaction.name}: FAILED ${error?.message ?? error}`);
        continue;
      }
      timings.push({ interaction, ms: median(samples), min: Math.min(...samples), max: Math.max(...samples) });
    }
    const baseTiming = timings.find((t) => t.interaction === BASELINE_INTERACTION);
    console.log('\nInteractions (click until the answer shows, in the page)');
    console.log(`${'interaction'.padEnd(30)} ${'median'.padStart(9)} ${'min…max'.padStart(14)} ${'vs baseline'.padStart(12)}`);
    for (const t of timings) {
      console.log(
        `${t.interaction.name.padEnd(30)} ${`${Math.round(t.ms)} ms`.padStart(9)} ${`${Math.round(t.min)}…${Math.round(t.max)}`.padStart(14)} ${(t === baseTiming ? 'baseline' : ratio(t.ms, baseTiming?.ms)).padStart(12)}`,
      );
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  process.exit(failed ? 1 : 0);
}

await main();
