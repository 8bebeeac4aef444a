// Shared pieces of the end-to-end gates (test/e2e/run.mjs): the demo server in test mode, what a
// journey records (requests, console, storage), keyboard-only navigation, the staff API and the
// outbox.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startDemoServer } from '../../scripts/start.mjs';
import { storedData } from '../../scripts/gates/demo-gates.mjs';

/** Test-mode settings (openapi.yaml): proof of work difficulty 1, no rate limits; holds live long enough to type. */
export const TEST_ENV = { CIVIC_TEST_MODE: '1', CIVIC_HOLD_TTL_SECONDS: '600' };

/** What the citizen types in the journeys: none of it may show up in the console or a URL. */
export const PERSON = {
  name: 'Erika Journeyfrau',
  email: 'erika.journey@example.org',
  chat: 'Meine Steuer-ID ist 12345678901',
};

export const TIMEOUT = 60_000;

const TOWN_ZONE = 'Europe/Berlin';

/** Next Tuesday 10:00 in Musterstadt (as the conformance tests' officeHoursClock): queues, chat desk and video office are open. */
export function nextTuesdayTen(now = Date.now()) {
  const parts = (ms) => Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: TOWN_ZONE, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(ms).map((p) => [p.type, p.value]));
  for (let day = 1; day <= 7; day++) {
    // 09:00 UTC is 10:00 in winter, 11:00 in summer; correct by the hour the town's clock shows.
    const date = new Date(now + day * 86_400_000).toISOString().slice(0, 10);
    let at = Date.parse(`${date}T09:00:00Z`);
    const p = parts(at);
    if (p.weekday !== 'Tue') continue;
    at -= (Number(p.hour) - 10) * 3_600_000;
    return at;
  }
  throw new Error('no Tuesday within a week');
}

/**
 * The gates' time: the server runs in this process, and its clock is Date.now. startDemoServer has
 * no clock option, so Date.now is moved to next Tuesday 10:00 in Musterstadt (and runs at real
 * speed from there); the browser contexts get the same time (Playwright's clock).
 */
export function useOfficeHours() {
  const realNow = Date.now.bind(Date);
  const offset = nextTuesdayTen(realNow()) - realNow();
  Date.now = () => realNow() + offset;
  return offset;
}

/**
 * The demo with the reference server in test mode, without the simulator (the journeys' staff
 * acts through the staff API), on `dataDir` when given (the fault gate restarts on it).
 */
export function startServer({ dataDir, seed, port = 0 } = {}) {
  const env = { ...process.env, ...TEST_ENV, ...(seed ? { SEED: seed } : {}) };
  return startDemoServer({ port, dataDir, temporaryData: !dataDir, simulator: false, env });
}

/** Calls the staff API (X-Staff-Key) and returns the parsed body; throws on a non-2xx answer. */
export async function staff(demo, method, path, body) {
  const res = await fetch(`${demo.apiUrl}/staff/v1${path}`, {
    method,
    headers: { 'X-Staff-Key': demo.staffKey, 'Content-Type': 'application/json', ...(method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /staff/v1${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Calls the citizen API and returns the parsed body. */
export async function citizen(demo, path) {
  const res = await fetch(`${demo.apiUrl}${path}`);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return res.json();
}

/** The e-mails in the server's outbox folder after a delivery round: `{ to, subject, text }`, oldest first. */
export async function outbox(demo) {
  await demo.api.deliver();
  const dir = join(demo.dataDir, 'outbox');
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((f) => readMail(readFileSync(join(dir, f), 'utf8')));
}

function readMail(raw) {
  const [head] = raw.split('\r\n\r\n');
  const header = (name) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  const word = (s) => s.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
  const part = /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  const text = part ? Buffer.from(part[1].replace(/\r\n/g, ''), 'base64').toString('utf8') : '';
  return { to: header('To'), subject: word(header('Subject')), text };
}

/**
 * A fresh context and page with everything a journey is judged by recorded: every request's URL,
 * every console message, page errors. `allowedOrigins` are the page's and the api-base's origins.
 */
export async function openJourney(browser, demo, { hooks } = {}) {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await context.clock.install({ time: Date.now() });
  page.setDefaultTimeout(TIMEOUT);
  const record = { requests: [], console: [], errors: [], failedRequests: [], pending: new Set(), events: [] };
  // Every civic-* event a widget dispatches, with its detail, reported to Node (survives navigations).
  await context.exposeBinding('__e2eCivicEvent', (_source, type, detail) => record.events.push({ type, detail }));
  await context.addInitScript(() => {
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (event) {
      if (event.type.startsWith('civic-')) {
        let detail;
        try {
          detail = JSON.stringify(event.detail ?? null);
        } catch {
          detail = String(event.detail);
        }
        void window.__e2eCivicEvent(event.type, detail);
      }
      return dispatch.call(this, event);
    };
  });
  context.on('request', (r) => {
    record.requests.push(r.url());
    record.pending.add(r);
  });
  context.on('requestfinished', (r) => record.pending.delete(r));
  context.on('requestfailed', (r) => {
    record.pending.delete(r);
    record.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('console', (m) => record.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => record.errors.push(String(e?.message ?? e)));
  if (hooks) await page.addInitScript(hooks);
  return { context, page, record };
}

/**
 * What is wrong with a finished journey: requests to other origins, console errors, personal data
 * in the console, a URL or a civic-* event's detail, page errors, storage beyond `allowStorage` (key prefixes per storage
 * kind). `expectedConsoleErrors` are regular expressions for errors the journey causes on purpose
 * (the fault gate's failed requests).
 */
export async function judge({ context, page, record }, demo, { personal = [], allowStorage = {}, expectedConsoleErrors = [] } = {}) {
  const problems = [];
  const allowed = new Set([demo.origin, ...(demo.secondOrigin ? [demo.secondOrigin] : [])]);
  for (const url of record.requests) {
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    if (!allowed.has(new URL(url).origin)) problems.push(`request to another origin: ${url}`);
    const decoded = safeDecode(url);
    for (const value of personal) if (decoded.includes(value)) problems.push(`personal data "${value}" in a URL: ${url}`);
  }
  for (const m of record.console) {
    if (m.type === 'error' && !expectedConsoleErrors.some((re) => re.test(m.text))) problems.push(`console error: ${m.text}`);
    for (const value of personal) if (m.text.includes(value)) problems.push(`personal data "${value}" in the console: ${m.text}`);
  }
  for (const e of record.errors) problems.push(`page error: ${e}`);
  for (const e of record.events) {
    for (const value of personal) if (e.detail.includes(value)) problems.push(`personal data "${value}" in the detail of ${e.type}: ${e.detail}`);
  }
  const stored = await storedData(context, page);
  for (const [kind, keys] of Object.entries(stored)) {
    for (const key of keys) {
      if (!(allowStorage[kind] ?? []).some((prefix) => key.startsWith(prefix))) problems.push(`${kind} holds "${key}", which this journey may not store`);
    }
  }
  return { problems, stored, requests: record.requests.length, events: record.events.length };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The focused element, through shadow roots: what a keyboard user is on. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return {};
    return {
      tag: a.localName,
      id: a.id,
      type: a.getAttribute('type') ?? '',
      role: a.getAttribute('role') ?? '',
      text: (a.innerText || a.getAttribute('aria-label') || a.value || '').replace(/\s+/g, ' ').trim().slice(0, 120),
      part: a.getAttribute('part') ?? '',
      className: typeof a.className === 'string' ? a.className : '',
      checked: a.checked === true,
      host: a.getRootNode()?.host?.localName ?? '',
      href: a.getAttribute('href') ?? '',
      label: (a.labels?.[0]?.innerText ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/**
 * Presses `key` (Tab by default) until the focused element matches `test`; throws with the trail
 * when it does not within `max` presses.
 */
export async function pressUntil(page, test, { key = 'Tab', max = 60, what = 'element' } = {}) {
  const trail = [];
  let f = await focused(page);
  for (let i = 0; i <= max; i++) {
    if (test(f)) return f;
    if (i === max) break;
    await page.keyboard.press(key);
    f = await focused(page);
    trail.push(`${f.host}>${f.tag}#${f.id}[${f.text.slice(0, 30)}]`);
  }
  throw new Error(`keyboard: ${what} not reached with ${key} in ${max} presses: ${trail.slice(-12).join(' | ')}`);
}

/** Waits until `fn()` (in Node) is truthy, polling; throws `what` after `timeout`. */
export async function until(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text of a widget's polite and assertive live regions. */
export function liveText(locator) {
  return locator.locator('[data-civic-live]').allInnerTexts().then((t) => t.join(' ').trim());
}

/** The visible text of a widget, its shadow root included (innerText of the host leaves it out). */
export function widgetText(locator) {
  return locator.evaluate((el) => (el.shadowRoot ?? el).textContent.replace(/\s+/g, ' ').trim());
}
