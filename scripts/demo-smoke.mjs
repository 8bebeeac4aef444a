#!/usr/bin/env node
// Demo smoke test: opens every page of the Musterstadt demo in Chromium, as served by
// scripts/start.mjs (same server, same headers, a free port on 127.0.0.1) in server mode — the
// reference server on a temporary PGlite database (never the demo's .civic-data/), with the
// simulator — and fails a page on:
// - a console error or an uncaught page error;
// - an HTTP status >= 400 (the 404 page itself is expected to answer 404);
// - any request to a host other than 127.0.0.1;
// - a Content-Security-Policy violation (a `securitypolicyviolation` listener installed before
//   any page script), or an HTML response without the demo's CSP / any response without nosniff;
// - any axe-core violation of the WCAG 2.2 AA tags on the whole document (no rule disabled);
// - horizontal scrolling at a 320 px wide viewport;
// - a same-site link on the page that answers >= 400.
// Before the pages, a deliberately broken page proves every check fires (CSP included).
// A page whose widgets need an operation the reference server does not implement yet (it answers
// 503) is checked against the in-browser mock instead, and the line says so; `/` and the staff
// page (and /cors/, which then has no second origin) are also checked against the mock, so --mock
// keeps working. Extra checks:
// - /mitarbeitende/ (server and mock): the demo key is prefilled; setting a case status, blocking
//   and releasing slots, calling a ticket and marking it, and joining/answering/ending a chat work
//   through the page, and server texts appear as text (markup in them is not parsed);
// - /cors/ (server): the widgets' requests go to the second origin (http://127.0.0.2:<port>/api)
//   and none to the page's own /api; every answer carries Access-Control-Allow-Origin for the
//   page's origin, a status lookup (a preflighted POST) works across origins, the page's CSP
//   allows exactly that origin.
// Last, the server's lifecycle: close() ends an open event stream and closes the database, and
// what was stored (a slot block) is still there after a restart on the same data directory (which
// a second demo may not open meanwhile: PGlite is one process's database); with a
// town's own CIVIC_STAFF_KEY, /demo-backend.js offers no key to the staff page. Then the command
// itself (`scripts/start.mjs --no-build`, server mode by default): prints the URL, serves, and
// SIGTERM stops it with exit code 0, ending an open event stream, nothing on stderr.
// Uses the bundles as they are (run `npm start` or `npx rollup -c rollup.config.js` to build).
// Writes .test-results/demo.json {passed, failed} (one per page); exits non-zero on any failure.
//
//   node scripts/demo-smoke.mjs [path …]     (paths: only those pages, e.g. /cors/ /mitarbeitende/)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CDN_DIR, CDN_ENTRY, CORS_PAGE, DEMO_CSP, demoCsp, startDemoServer } from './start.mjs';
import {
  axeViolations,
  harnessSelfCheck,
  horizontalScrollProblem,
  launchChromium,
  watchPage,
  writeResults,
} from './storybook-smoke.mjs';

/**
 * The strict policy of issue 9. /einbetten/csp/ sets it as a <meta> policy on top of the server's
 * DEMO_CSP header (a page obeys both), adding Trusted Types.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

/**
 * Every page of the demo; `status` is what the document itself must answer. `strictCsp`: the page
 * must carry STRICT_CSP, enforce Trusted Types and contain every tag the CDN build registers.
 * `themeSwitch`: the page's preset and colour-scheme switcher must change the previews.
 */
export const DEMO_PAGES = [
  { path: '/', status: 200 },
  { path: '/termine/', status: 200 },
  { path: '/antragsstatus/', status: 200 },
  { path: '/warteschlange/', status: 200 },
  { path: '/aufrufanzeige/', status: 200 },
  { path: '/buergerbuero/', status: 200 },
  { path: '/impressum/', status: 200 },
  { path: '/datenschutz/', status: 200 },
  { path: '/theme/', status: 200, themeSwitch: true },
  { path: '/einbetten/', status: 200 },
  { path: '/einbetten/csp/', status: 200, strictCsp: true },
  { path: '/einbetten/react/', status: 200 },
  { path: '/einbetten/vue/', status: 200 },
  { path: '/mitarbeitende/', status: 200, staff: true },
  { path: CORS_PAGE, status: 200, cors: true },
  { path: '/gibt-es-nicht/', status: 404 },
  // --mock keeps working: a widget page and the staff page against the in-browser mock.
  { path: '/', status: 200, backend: 'mock' },
  { path: '/mitarbeitende/', status: 200, staff: true, backend: 'mock' },
  { path: CORS_PAGE, status: 200, backend: 'mock', corsFallback: true }, // no second origin: the page says so, widgets use /api
];

const PAGE_TIMEOUT = 30_000;
const SETTLE_TIMEOUT = 5_000;
const QUIET_MS = 500;

/**
 * Waits until the page has started no request for QUIET_MS (at most SETTLE_TIMEOUT). Unlike
 * Playwright's "networkidle", a long-lived event stream that stays open does not block it.
 */
async function settle(page, lastRequestAt) {
  const deadline = Date.now() + SETTLE_TIMEOUT;
  while (Date.now() < deadline) {
    const quiet = Date.now() - lastRequestAt();
    if (quiet >= QUIET_MS) return;
    await page.waitForTimeout(QUIET_MS - quiet);
  }
}

/** Tags the CDN build registers (from its manifest), so the smoke can wait for them to upgrade. */
function knownTags() {
  const manifest = join(CDN_DIR, 'manifest.json');
  if (!existsSync(manifest)) return [];
  return Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).tags ?? {});
}

const linkStatus = new Map();
async function brokenLinks(page, origin) {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.href));
  const here = new URL(page.url());
  here.hash = '';
  const problems = [];
  for (const href of new Set(hrefs)) {
    const url = new URL(href);
    if (url.origin !== origin) continue; // tel:, mailto:
    url.hash = '';
    if (url.href === here.href) continue; // a jump within this page (the skip link)
    const key = url.href;
    if (!linkStatus.has(key)) linkStatus.set(key, (await fetch(key, { method: 'HEAD', redirect: 'follow' })).status);
    if (linkStatus.get(key) >= 400) problems.push(`broken link: ${href} answers ${linkStatus.get(key)}`);
  }
  return problems;
}

/**
 * Extra checks of the strict-CSP page (0 securitypolicyviolation events is checked on every page):
 * its <meta> policy is STRICT_CSP, every widget tag of the CDN build is on it, and Trusted Types are
 * really enforced — probed in a separate page, so the probe's own violation is not counted here.
 */
async function strictCspProblems(browser, page, url, tags) {
  const problems = [];
  const meta = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.content ?? '');
  if (meta !== STRICT_CSP) problems.push(`strict CSP: <meta> policy is "${meta}", expected "${STRICT_CSP}"`);
  const absent = await page.evaluate((known) => known.filter((tag) => tag !== 'civic-config' && !document.querySelector(tag)), tags);
  if (absent.length) problems.push(`strict CSP: tags of the CDN build missing from the page: ${absent.join(', ')}`);
  const context = await browser.newContext();
  try {
    const probe = await context.newPage();
    await probe.goto(url, { waitUntil: 'load' });
    const blocked = await probe.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>probe</b>';
        return false;
      } catch {
        return true;
      }
    });
    if (!blocked) problems.push('strict CSP: Trusted Types are not enforced (a plain string reached innerHTML)');
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * The /theme/ page's switcher: each preset gives the previews another primary colour, and the dark
 * scheme another surface; axe (contrast included) passes in every preset, light and dark.
 */
async function themeSwitchProblems(page) {
  const problems = [];
  // Colours transition when the theme changes; measure contrast only once every transition ended.
  const transitionsDone = () =>
    page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  for (const scheme of ['light', 'dark']) {
    await page.check(`input[name="scheme"][value="${scheme}"]`);
    for (const preset of ['default', 'kern', 'musterstadt']) {
      await page.check(`input[name="preset"][value="${preset}"]`);
      await transitionsDone();
      const violations = await axeViolations(page, 'main', { inject: 'evaluate' });
      problems.push(...violations.map((v) => `theme ${preset}, ${scheme}: ${v}`));
    }
  }
  await page.check('input[name="scheme"][value="light"]');
  const read = () =>
    page.evaluate(() => {
      const preview = document.querySelector('.preview');
      const style = getComputedStyle(preview);
      return { primary: style.getPropertyValue('--civic-color-primary').trim(), surface: style.backgroundColor };
    });
  const seen = new Map();
  for (const preset of ['default', 'kern', 'musterstadt']) {
    await page.check(`input[name="preset"][value="${preset}"]`);
    seen.set(preset, (await read()).primary);
  }
  if (new Set(seen.values()).size !== 3) problems.push(`theme switch: the presets do not change the primary colour: ${JSON.stringify(Object.fromEntries(seen))}`);
  const light = (await read()).surface;
  await page.check('input[name="scheme"][value="dark"]');
  const dark = (await read()).surface;
  if (light === dark) problems.push(`theme switch: the dark scheme does not change the surface (${light})`);
  const status = await page.textContent('#status');
  if (!/Musterstadt, dunkel/.test(status ?? '')) problems.push(`theme switch: the status line says "${status}"`);
  return problems;
}

/** A v4 id for Idempotency-Key headers of requests the smoke sends itself. */
const uuid = () => crypto.randomUUID();

/**
 * The staff page against `demo`'s back end: the key is prefilled (demo key), and every form does
 * what it says. Chat and queue steps run when the back end implements them (the mock always does).
 */
async function staffProblems(page, demo) {
  const problems = [];
  const resultOf = async (id, pattern) => {
    await page.waitForFunction(
      ([sel, source]) => new RegExp(source).test(document.getElementById(sel)?.textContent ?? ''),
      [id, pattern.source],
      { timeout: 10_000 },
    ).catch(() => undefined);
    return (await page.textContent(`#${id}`)) ?? '';
  };
  await page.waitForSelector('body[data-staff-ready="true"]', { timeout: 15_000 });
  const key = await page.inputValue('#staff-key');
  if (!key || (demo.staffKey && key !== demo.staffKey)) problems.push(`staff: the demo key is not prefilled (field has ${key ? 'another value' : 'nothing'})`);
  if (!(await page.isVisible('#staff-key-demo'))) problems.push('staff: the note that the demo key is prefilled is not shown');
  const staffHeaders = { 'Content-Type': 'application/json', 'X-Staff-Key': key };

  // Chat first (before the simulator's agent would join): open the desk, a citizen starts a
  // conversation, the page joins, answers (markup stays text) and ends it.
  const created = await page.evaluate(async ({ headers, id }) => {
    await fetch('/api/staff/v1/chat/desk', { method: 'PATCH', headers, body: JSON.stringify({ online: true, agentsOnline: 1 }) });
    const res = await fetch('/api/v1/chat/conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body: JSON.stringify({ consent: true, locale: 'de' }),
    });
    return res.ok ? (await res.json()).id : `HTTP ${res.status}`;
  }, { headers: staffHeaders, id: uuid() });
  if (!/^[0-9a-f-]{36}$/.test(created)) problems.push(`staff chat: a citizen could not start a conversation (${created})`);
  else {
    await page.click('#chat-list-form button');
    const item = page.locator('#chat-list button', { hasText: `Gespräch ${created.slice(0, 8)}` });
    await item.click();
    await resultOf('chat-result', /geöffnet/);
    await page.fill('#chat-agent', 'Smoke <b>Test</b>');
    await page.click('#chat-join-form button');
    const joined = await resultOf('chat-result', /übernommen/);
    if (!joined.includes('„Smoke <b>Test</b>“')) problems.push(`staff chat: join says "${joined}"`);
    await page.fill('#chat-text', 'Guten Tag, <i>hier</i> ist das Bürgerbüro.');
    await page.click('#chat-reply-form button[type="submit"]');
    const sent = await resultOf('chat-result', /Antwort gesendet/);
    if (!sent.includes('Antwort gesendet')) problems.push(`staff chat: reply says "${sent}"`);
    const log = (await page.textContent('#chat-messages')) ?? '';
    if (!log.includes('Guten Tag, <i>hier</i> ist das Bürgerbüro.')) problems.push('staff chat: the reply is not in the message list as text');
    if (await page.locator('#chat-messages i, #chat-result b').count()) problems.push('staff chat: markup from the server was parsed instead of shown as text');
    await page.click('#chat-end');
    const ended = await resultOf('chat-result', /beendet/);
    if (!ended.includes('beendet')) problems.push(`staff chat: end says "${ended}"`);
  }

  // A case's status with a text (markup in the text stays text).
  await page.fill('#case-id', 'c-4713');
  await page.selectOption('#case-status', 'in_progress');
  await page.fill('#case-label', 'In <b>Bearbeitung</b> (Smoke)');
  await page.click('#case-form button');
  const caseText = await resultOf('case-result', /Status jetzt|Fehler|nicht/);
  if (!caseText.includes('Status jetzt „In <b>Bearbeitung</b> (Smoke)“')) problems.push(`staff case: the result says "${caseText}"`);
  if (await page.locator('#case-result b').count()) problems.push('staff case: the status text from the server was parsed as markup');

  // Block tomorrow morning, then release it.
  await page.selectOption('#block-location', 'buergerbuero-mitte');
  await page.click('#block-form button');
  const blocked = await resultOf('block-result', /Gesperrt|Fehler|nicht/);
  if (!/^Gesperrt: \d+ Zeitfenster/.test(blocked)) problems.push(`staff block: the result says "${blocked}"`);
  else {
    if ((await page.locator('#block-list li').count()) !== 1) problems.push('staff block: the new block is not listed');
    await page.click('#block-list li button');
    const released = await resultOf('block-result', /freigegeben|Fehler/);
    if (!released.includes('freigegeben')) problems.push(`staff block: release says "${released}"`);
    if ((await page.locator('#block-list li').count()) !== 0) problems.push('staff block: the released block is still listed');
  }

  // Call the next ticket; mark it served.
  await page.selectOption('#call-location', 'buergerbuero-mitte');
  await page.click('#call-form button');
  const called = await resultOf('call-result', /Aufgerufen|Niemand|Fehler/);
  if (called.startsWith('Aufgerufen: Nummer')) {
    await page.click('#outcome-form button[value="served"]');
    const served = await resultOf('call-result', /erledigt|Fehler/);
    if (!served.endsWith('erledigt.')) problems.push(`staff queue: outcome says "${served}"`);
  } else if (!called.startsWith('Niemand wartet')) problems.push(`staff queue: call says "${called}"`);
  return problems;
}

/**
 * The second-origin page: widgets talk to demo.secondApiUrl with CORS. `api` lists every /api
 * response the page got ({ url, method, status, allowOrigin }).
 */
async function corsProblems(page, demo, api) {
  const problems = [];
  if (!demo.secondOrigin) return ['cors: the demo has no second origin (could not listen on 127.0.0.2)'];
  const meta = await page.textContent('#api-adresse');
  if (!meta?.includes(demo.secondApiUrl)) problems.push(`cors: the page does not name the API's address: "${meta}"`);
  // A preflighted POST across origins: the status tracker's lookup.
  const tracker = page.locator('civic-status-tracker');
  await tracker.getByLabel('Aktenzeichen', { exact: true }).fill('MS-2026-004712');
  await tracker.getByLabel('Ihr Geburtsdatum').fill('01.07.1990');
  const lookup = page.waitForResponse((r) => r.url().startsWith(`${demo.secondApiUrl}/v1/cases/lookup`) && r.request().method() === 'POST', { timeout: 10_000 });
  await tracker.getByRole('button', { name: 'Antrag anzeigen' }).click();
  const response = await lookup.catch(() => undefined);
  if (!response) problems.push('cors: the status lookup did not reach the second origin');
  else if (response.status() !== 200) problems.push(`cors: the status lookup answered ${response.status()}`);
  await tracker.getByText('Abholbereit').first().waitFor({ timeout: 10_000 }).catch(() => problems.push('cors: the looked-up case is not shown'));
  const second = api.filter((r) => r.url.startsWith(`${demo.secondApiUrl}/`));
  const own = api.filter((r) => r.url.startsWith(`${demo.origin}/api/`));
  if (second.length < 3) problems.push(`cors: only ${second.length} requests went to ${demo.secondApiUrl}`);
  if (own.length) problems.push(`cors: requests went to the page's own /api: ${own.map((r) => r.url).join(', ')}`);
  for (const r of second) {
    if (r.allowOrigin !== demo.origin) problems.push(`cors: ${r.method} ${r.url} answered without Access-Control-Allow-Origin: ${demo.origin} (${r.allowOrigin ?? 'none'})`);
  }
  return problems;
}

async function checkPage(browser, demo, { path, status, strictCsp, themeSwitch, staff, cors, corsFallback }, tags) {
  const origin = demo.origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const watch = await watchPage(page, { csp: true });
  const problems = [];
  const badHeaders = [];
  const api = [];
  const expectedCsp = cors && demo.secondOrigin ? demoCsp(demo.secondOrigin) : DEMO_CSP;
  page.on('response', (response) => {
    const url = new URL(response.url());
    const headers = response.headers();
    if (url.pathname.startsWith('/api/')) {
      api.push({ url: response.url(), method: response.request().method(), status: response.status(), allowOrigin: headers['access-control-allow-origin'] });
    }
    if (url.origin !== origin) return;
    if (headers['x-content-type-options'] !== 'nosniff') badHeaders.push(`no X-Content-Type-Options: nosniff on ${url.pathname}`);
    if ((headers['content-type'] ?? '').startsWith('text/html') && headers['content-security-policy'] !== (url.pathname === path ? expectedCsp : DEMO_CSP)) {
      badHeaders.push(`HTML without the demo's Content-Security-Policy: ${url.pathname}`);
    }
  });
  let lastRequest = Date.now();
  page.on('request', () => {
    lastRequest = Date.now();
  });
  const expectedStatus = status >= 400 ? [status] : [];
  try {
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    if (response?.status() !== status) problems.push(`document answered ${response?.status()}, expected ${status}`);
    // Widgets the CDN build knows must upgrade; then let their first requests settle.
    await page.waitForFunction(
      (known) => known.every((tag) => !document.querySelector(tag) || customElements.get(tag)),
      tags,
      { timeout: SETTLE_TIMEOUT },
    );
    await settle(page, () => lastRequest);
    if (!(await page.evaluate(() => document.documentElement.lang === 'de'))) problems.push('<html lang="de"> is missing');
    problems.push(...(await axeViolations(page, 'html', { inject: 'evaluate' })));
    problems.push(...(await brokenLinks(page, origin)));
    const scroll = await horizontalScrollProblem(page);
    if (scroll) problems.push(scroll);
    if (strictCsp) problems.push(...(await strictCspProblems(browser, page, origin + path, tags)));
    if (themeSwitch) problems.push(...(await themeSwitchProblems(page)));
    if (staff) problems.push(...(await staffProblems(page, demo)));
    if (cors) problems.push(...(await corsProblems(page, demo, api)));
    if (corsFallback) {
      const note = (await page.textContent('#api-adresse')) ?? '';
      if (!note.includes('keine zweite Adresse')) problems.push(`cors page without a second origin says "${note}"`);
      if (!api.some((r) => r.url.startsWith(`${origin}/api/`))) problems.push('cors page without a second origin: the widgets did not use /api');
    }
    if (staff || cors) problems.push(...(await axeViolations(page, 'html', { inject: 'evaluate' })).map((v) => `after the actions: ${v}`));
  } catch (error) {
    problems.push(`smoke: ${error?.message ?? error}`);
  }
  await context.close();
  // The CORS page talks to the second origin on purpose; anything else foreign still fails.
  const allowed = cors && demo.secondOrigin ? `request to another host: ${demo.secondOrigin}/api/` : undefined;
  const watched = watch.problems(expectedStatus).filter((p) => !(allowed && p.startsWith(allowed)));
  return [...watched, ...new Set(badHeaders), ...problems];
}

/**
 * Graceful shutdown and persistence of server mode: a block made before close() is still known
 * after a restart on the same data directory (releasing it answers 204; an unknown block 404),
 * and close() ends an open event stream and closes the database. Closes `demo`.
 */
async function lifecycleProblems(demo, dataDir) {
  const problems = [];
  const staff = { 'Content-Type': 'application/json', 'X-Staff-Key': demo.staffKey };
  const from = new Date(Date.now() + 2 * 86_400_000);
  from.setUTCHours(5, 0, 0, 0);
  const to = new Date(from.getTime() + 3_600_000);
  const created = await fetch(`${demo.apiUrl}/staff/v1/blocks`, {
    method: 'POST',
    headers: { ...staff, 'Idempotency-Key': uuid() },
    body: JSON.stringify({ location: 'buergerbuero-mitte', from: from.toISOString(), to: to.toISOString(), reason: 'Smoke: Neustart' }),
  });
  const block = created.ok ? await created.json() : undefined;
  if (!block) problems.push(`lifecycle: blockSlots answered ${created.status}`);
  const stream = await fetch(`${demo.apiUrl}/v1/queues/buergerbuero-mitte/events`, { headers: { Accept: 'text/event-stream' } });
  const reader = stream.body.getReader();
  await reader.read(); // the first event: the stream is open
  const t0 = performance.now();
  const closing = demo.close();
  const ended = await Promise.race([
    (async () => {
      while (!(await reader.read()).done);
      return true;
    })().catch(() => true),
    new Promise((r) => setTimeout(() => r(false), 15_000)),
  ]);
  if (!ended) problems.push('lifecycle: close() did not end the open event stream within 15 s');
  await closing;
  const closeMs = Math.round(performance.now() - t0);
  if (await demo.api.db.query('SELECT 1').then(() => true, () => false)) problems.push('lifecycle: the database still answers after close()');
  if (await fetch(demo.url).then(() => true, () => false)) problems.push('lifecycle: the demo still answers after close()');

  const t1 = performance.now();
  // The restart uses a town's own staff key: the page must never be handed that one.
  const secret = `smoke-secret-${uuid()}`;
  const again = await startDemoServer({ port: 0, host: '127.0.0.1', backend: 'server', dataDir, env: { CIVIC_STAFF_KEY: secret }, simulator: false, secondOrigin: false });
  const restartMs = Math.round(performance.now() - t1);
  try {
    const second = await startDemoServer({ port: 0, host: '127.0.0.1', backend: 'server', dataDir, env: {}, simulator: false, secondOrigin: false }).then(
      async (unexpected) => {
        await unexpected.close();
        return 'started';
      },
      (error) => error?.code,
    );
    if (second !== 'EDATADIRBUSY') problems.push(`lifecycle: a second demo on the same PGlite data dir was not refused (${second})`);
    const module = await (await fetch(`${again.origin}/demo-backend.js`)).text();
    if (module.includes(secret) || !module.includes('export const demoStaffKey = null;')) {
      problems.push('lifecycle: with CIVIC_STAFF_KEY set, /demo-backend.js must offer no staff key (demoStaffKey = null)');
    }
    if (block) {
      const released = await fetch(`${again.apiUrl}/staff/v1/blocks/${block.id}`, { method: 'DELETE', headers: { ...staff, 'X-Staff-Key': secret } });
      if (released.status !== 204) problems.push(`lifecycle: after the restart, releasing the block made before answered ${released.status} (data lost?)`);
      const unknown = await fetch(`${again.apiUrl}/staff/v1/blocks/${uuid()}`, { method: 'DELETE', headers: { ...staff, 'X-Staff-Key': secret } });
      if (unknown.status !== 404) problems.push(`lifecycle: releasing an unknown block answered ${unknown.status}, expected 404`);
    }
  } finally {
    await again.close();
  }
  return { problems, closeMs, restartMs };
}

/**
 * `node scripts/start.mjs --no-build` as `npm start` runs it (server mode by default), on a
 * temporary data dir and a free port: it prints the URL, serves the demo and the API, and SIGTERM
 * stops it with exit code 0 — an open event stream ends, nothing is written to stderr.
 */
async function cliProblems() {
  const problems = [];
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-smoke-cli-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', CIVIC_DATA_DIR: dataDir };
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const t0 = performance.now();
  try {
    const url = await new Promise((found, failed) => {
      const timer = setTimeout(() => failed(new Error('no URL printed within 90 s')), 90_000);
      const look = () => {
        const match = /Musterstadt demo: (http:\/\/\S+\/)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          found(match[1].replace('//localhost:', '//127.0.0.1:'));
        }
      };
      child.stdout.on('data', look);
      void exited.then(() => failed(new Error(`exited before printing the URL: ${stderr.trim() || stdout.trim()}`)));
    });
    const startMs = Math.round(performance.now() - t0);
    const health = await fetch(`${url}api/healthz`);
    if (health.status !== 200) problems.push(`cli: /api/healthz answered ${health.status}`);
    const home = await fetch(url);
    if (home.status !== 200) problems.push(`cli: / answered ${home.status}`);
    const stream = await fetch(`${url}api/v1/queues/buergerbuero-mitte/events`, { headers: { Accept: 'text/event-stream' } });
    const reader = stream.body.getReader();
    await reader.read();
    const t1 = performance.now();
    child.kill('SIGTERM');
    const streamEnded = (async () => {
      while (!(await reader.read()).done);
    })().catch(() => undefined);
    const exit = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 20_000))]);
    const stopMs = Math.round(performance.now() - t1);
    if (!exit) problems.push('cli: SIGTERM did not stop it within 20 s');
    else if (exit.code !== 0) problems.push(`cli: SIGTERM ended it with ${exit.code ?? exit.signal}, expected exit code 0`);
    await streamEnded;
    if (!/\[start\] stopped/.test(stdout)) problems.push('cli: no "[start] stopped" after SIGTERM');
    if (!/Back end: the reference server/.test(stdout)) problems.push('cli: npm start does not use the reference server by default');
    if (stderr.trim()) problems.push(`cli: wrote to stderr: ${stderr.trim().slice(0, 300)}`);
    return { problems, startMs, stopMs };
  } catch (error) {
    problems.push(`cli: ${error?.message ?? error}`);
    return { problems };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(CDN_ENTRY)) {
    console.error('demo-smoke: the CDN build is missing. Build first: npx rollup -c rollup.config.js');
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const pages = only.length ? DEMO_PAGES.filter((p) => only.includes(p.path)) : DEMO_PAGES;
  if (only.length && pages.length === 0) {
    console.error(`demo-smoke: no page matches ${only.join(', ')}; pages: ${[...new Set(DEMO_PAGES.map((p) => p.path))].join(' ')}`);
    process.exit(2);
  }
  const started = performance.now();
  // Server settings from a clean environment (not the caller's CIVIC_* variables), data in a temp dir.
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-smoke-'));
  const [server, mock] = await Promise.all([
    startDemoServer({ port: 0, host: '127.0.0.1', backend: 'server', dataDir, env: {} }),
    startDemoServer({ port: 0, host: '127.0.0.1', backend: 'mock' }),
  ]);
  // The command itself runs in its own process meanwhile (mostly waiting for its database).
  const cliChecked = cliProblems();
  const serverReady = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  server mode ready in ${serverReady} s`);
  const browser = await launchChromium();
  const tags = knownTags();
  let passed = 0;
  let failed = 0;
  try {
    const silent = await harnessSelfCheck(browser, server.origin, { csp: true, inject: 'evaluate' });
    if (silent.length > 0) {
      failed++;
      console.log(`  FAIL  smoke harness: these checks did not fire on a broken page: ${silent.join(', ')}`);
    } else {
      console.log('  ok    smoke harness: every check (CSP included) fires on a deliberately broken page');
    }
    for (const entry of pages) {
      const demo = entry.backend === 'mock' ? mock : server;
      const why = entry.backend === 'mock' ? 'mock' : 'server';
      const t0 = performance.now();
      const problems = await checkPage(browser, demo, entry, tags);
      const ms = Math.round(performance.now() - t0);
      if (problems.length === 0) {
        passed++;
        console.log(`  ok    ${entry.path} [${why}] (${ms} ms)`);
      } else {
        failed++;
        console.log(`  FAIL  ${entry.path} [${why}] (${ms} ms)`);
        for (const p of problems) console.log(`      - ${p}`);
      }
    }
    await browser.close();
    await mock.close();
    const { problems, closeMs, restartMs } = await lifecycleProblems(server, dataDir);
    if (problems.length === 0) {
      passed++;
      console.log(`  ok    server lifecycle: close() ended the event stream and closed the database (${closeMs} ms); a block survived a restart (${restartMs} ms)`);
    } else {
      failed++;
      console.log('  FAIL  server lifecycle');
      for (const p of problems) console.log(`      - ${p}`);
    }
    const cli = await cliChecked;
    if (cli.problems.length === 0) {
      passed++;
      console.log(`  ok    npm start (scripts/start.mjs --no-build): URL after ${cli.startMs} ms, SIGTERM stopped it cleanly in ${cli.stopMs} ms`);
    } else {
      failed++;
      console.log('  FAIL  npm start (scripts/start.mjs --no-build)');
      for (const p of cli.problems) console.log(`      - ${p}`);
    }
  } finally {
    await browser.close();
    await mock.close();
    await server.close();
    await cliChecked;
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!only.length) writeResults('demo', passed, failed); // a subset must not stand for the whole smoke
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`demo smoke: ${pages.length} pages in ${seconds} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
