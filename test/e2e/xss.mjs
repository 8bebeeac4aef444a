// Gate 3: the XSS corpus (packages/contract/seed/xss-vectors.json) in every text a citizen sees —
// through the `xss` seed (every localised text and address) and through the staff API (case status
// and history, actions, results; chat agent messages; queue ticker and welcome text; service names
// and descriptions) — on every widget page. An execution is anything the page-level hooks see:
// `__xss(n)` (the canary every executing vector calls), alert/confirm/prompt/print, a dialog, a
// request to an unexpected URL, a Content-Security-Policy violation, or a page error.
import { createRequire } from 'node:module';
import { openJourney, staff, startServer, until, widgetText } from './harness.mjs';

const require = createRequire(import.meta.url);
/** @type {{ id: string, value: string }[]} */
export const VECTORS = require('../../packages/contract/seed/xss-vectors.json');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The vectors the staff API takes. Left out: those with NUL characters or lone surrogates, which
 * PostgreSQL cannot store and the server refuses with 400 (checked by the gate).
 */
export const API_VECTORS = VECTORS.filter((v) => !v.value.includes('\u0000') && !LONE_SURROGATE.test(v.value));

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s, max) {
  const c = s.slice(0, max);
  return LONE_SURROGATE.test(c.slice(-1)) ? c.slice(0, -1) : c;
}

/** Installed before any page script: records every way a vector could show it ran. */
function hooks() {
  const hits = [];
  const hit = (kind, detail) => hits.push(`${kind}: ${String(detail).slice(0, 200)}`);
  Object.defineProperty(window, '__e2eXss', { value: hits });
  window.__xss = (n) => hit('__xss', n);
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (m) => hit(name, m);
  document.addEventListener('securitypolicyviolation', (e) => hit('csp', `${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
}

/** The vectors, `size` at a time, cycled from `start`: each string at most `max` characters. */
function pick(start, size, max = 4000) {
  return Array.from({ length: size }, (_, i) => cut(API_VECTORS[(start + i) % API_VECTORS.length].value, max));
}

/** Pushes the corpus through the staff API into every text field a citizen sees. */
async function pushVectors(demo) {
  let n = 0;
  const next = (size, max) => {
    const v = pick(n, size, max);
    n += size;
    return v;
  };
  // Cases: status label, history, an action required, a result, a suspension (c-4711 … c-4713).
  for (const caseId of ['c-4711', 'c-4712', 'c-4713']) {
    const [label, title, actor, actionTitle, actionText, explanation, reason] = next(7, 200);
    await staff(demo, 'POST', `/cases/${caseId}/updates`, {
      status: { code: 'in_progress', label },
      history: { title, actor },
      addActionRequired: { id: 'xss', kind: 'document', title: actionTitle, description: actionText, dueDate: '2027-01-15' },
      result: { decision: 'approved', explanation },
      suspension: { kind: 'paused', reason, since: '2026-11-20' },
    });
  }
  // Queue: ticker and welcome text at both walk-in locations.
  for (const location of ['buergerbuero-mitte', 'buergerbuero-nord']) {
    const [ticker, welcomeText] = next(2, 200);
    await staff(demo, 'PATCH', `/queues/${location}`, { ticker, welcomeText }).catch((e) => {
      if (!String(e.message).includes(': 404')) throw e;
    });
  }
  // Services: name and description of every service.
  const { items: services } = await (await fetch(`${demo.apiUrl}/v1/services`)).json();
  for (const s of services) {
    const [name, description] = next(2, 200);
    await staff(demo, 'PATCH', `/services/${s.id}`, { locale: 'de', name, description });
  }
  return n;
}

/** Every vector as an agent message in the citizen's conversation. */
async function replyWithVectors(demo, conversationId) {
  const failed = [];
  for (const v of API_VECTORS) {
    await staff(demo, 'POST', `/chat/conversations/${conversationId}/messages`, { author: { kind: 'agent', name: cut(v.value, 100) }, text: cut(v.value, 2000) }).catch((e) => failed.push(`${v.id}: ${e.message.slice(0, 120)}`));
  }
  if (failed.length) throw new Error(`replyInChat refused vectors: ${failed.join(' | ')}`);
}

/** The pages and what to do on each so the hostile texts are on screen. */
const PAGES = [
  {
    path: 'termine/',
    async show(page) {
      const picker = page.locator('civic-appointment-picker');
      await picker.locator('#s-personalausweis').waitFor({ state: 'attached' });
      await picker.locator('#s-personalausweis').check();
      await picker.getByRole('button', { name: 'Weiter' }).click();
      await picker.locator('#l-buergerbuero-mitte').check();
      await picker.getByRole('button', { name: 'Weiter' }).click();
      await picker.locator('td.free').first().click();
      await picker.locator('[part~="slot"]').first().click();
      await picker.locator('#f-name').waitFor();
    },
  },
  {
    path: 'antragsstatus/',
    async show(page) {
      const tracker = page.locator('civic-status-tracker');
      await tracker.locator('#reference').fill('MS-2026-004712');
      await tracker.locator('#factor').fill('01.07.1990');
      await tracker.locator('#factor').press('Enter');
      await tracker.locator('h2#title').waitFor();
      await tracker.locator('.live-state').waitFor();
    },
  },
  {
    path: 'warteschlange/',
    async show(page, demo) {
      const widget = page.locator('civic-queue-display');
      await widget.getByRole('button', { name: 'Wartenummer ziehen' }).waitFor();
      await showChatWithVectors(page, demo);
    },
  },
  { path: 'aufrufanzeige/', show: (page) => page.locator('civic-call-display').locator('table, ol, ul').first().waitFor() },
  { path: 'buergerbuero/', show: (page) => page.locator('civic-virtual-office').getByRole('button').first().waitFor() },
  { path: 'einbetten/csp/', show: (page) => page.locator('civic-queue-display').getByRole('button').first().waitFor() },
  { path: 'cors/', show: (page) => page.locator('civic-appointment-picker').locator('#s-personalausweis').waitFor({ state: 'attached' }) },
  { path: '', show: (page) => page.locator('main').waitFor() },
];

async function showChatWithVectors(page, demo) {
  const widget = page.locator('civic-chat');
  await widget.getByRole('button', { name: /^Chat mit dem/ }).click();
  await widget.getByRole('checkbox', { name: /Datenschutzhinweise gelesen/ }).check();
  await widget.getByRole('button', { name: 'Chat starten' }).click();
  const marker = 'XSS-Test: bitte antworten';
  await widget.getByRole('textbox', { name: 'Ihre Nachricht' }).fill(marker);
  await widget.getByRole('button', { name: 'Senden' }).click();
  const id = await until(async () => {
    const { items } = await staff(demo, 'GET', '/chat/conversations');
    for (const c of items) {
      const m = await staff(demo, 'GET', `/chat/conversations/${c.id}/messages`);
      if (m.items.some((x) => x.text === marker)) return c.id;
    }
    return undefined;
  }, 'the conversation');
  await replyWithVectors(demo, id);
  const last = cut(API_VECTORS.at(-1).value, 2000);
  await until(async () => (await widgetText(widget)).includes(last.replace(/\s+/g, ' ').trim().slice(0, 40)), 'the last vector in the chat log');
}

/**
 * Runs the gate: a server on the `xss` seed, the corpus pushed through the staff API, every page
 * opened and brought to the state that shows the texts. Returns the figures.
 */
export async function xssGate(browser) {
  // SEED=xss does not start on PGlite yet (its null-byte vector: "unsupported Unicode escape
  // sequence", see docs/quality.md); until it does, the corpus goes in through the staff API only.
  const demo = await startServer();
  try {
    await staff(demo, 'PATCH', '/chat/desk', { online: true });
    // Control: the hooks see an injected vector (the page's CSP blocks its inline handler and
    // reports it) and a dialog call; without this the gate could pass by seeing nothing.
    const control = await openJourney(browser, demo, { hooks });
    try {
      await control.page.goto(demo.url);
      const seen = await control.page.evaluate(async () => {
        const img = document.createElement('img');
        img.setAttribute('onerror', '__xss(0)');
        img.src = 'data:,x';
        document.body.append(img);
        window.alert('control');
        await new Promise((r) => setTimeout(r, 200));
        return window.__e2eXss.slice();
      });
      if (!seen.some((h) => h.startsWith('csp:')) || !seen.some((h) => h.startsWith('alert:'))) throw new Error(`the hooks missed the control vector: ${JSON.stringify(seen)}`);
    } finally {
      await control.context.close();
    }
    // The vectors the API cannot take are refused cleanly: 400, never a 5xx.
    for (const v of VECTORS.filter((x) => !API_VECTORS.includes(x))) {
      const r = await fetch(`${demo.apiUrl}/staff/v1/queues/buergerbuero-mitte`, { method: 'PATCH', headers: { 'X-Staff-Key': demo.staffKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ ticker: v.value }) });
      if (r.status !== 400) throw new Error(`the ${v.id} vector as a ticker: ${r.status}, expected 400`);
    }
    const pushed = await pushVectors(demo);
    const problems = [];
    let dialogs = 0;
    for (const { path, show } of PAGES) {
      const session = await openJourney(browser, demo, { hooks });
      const { page, record } = session;
      page.on('dialog', (d) => {
        dialogs++;
        problems.push(`${path}: dialog ${d.type()} "${d.message()}"`);
        void d.dismiss().catch(() => undefined);
      });
      try {
        await page.goto(`${demo.url}${path}`);
        await show(page, demo);
        // Let late renders (streams, lazy chunks) happen, then collect.
        await page.waitForTimeout(300);
        const hits = await page.evaluate(() => window.__e2eXss);
        for (const h of hits) problems.push(`${path}: ${h}`);
        for (const e of record.errors) problems.push(`${path}: page error ${e}`);
        const allowed = new Set([demo.origin, demo.secondOrigin]);
        for (const url of record.requests) {
          if (url.startsWith('data:') || url.startsWith('blob:')) continue;
          if (!allowed.has(new URL(url).origin)) problems.push(`${path}: request to ${url}`);
        }
        for (const m of record.console) if (m.type === 'error') problems.push(`${path}: console error ${m.text}`);
      } catch (error) {
        const text = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => `${e.localName}: ${e.shadowRoot.textContent.replace(/\s+/g, ' ').slice(0, 300)}`).join(' // ')).catch(() => '');
        problems.push(`${path}: ${String(error?.message ?? error).split('\n')[0]} — widgets show: ${text}`);
      } finally {
        await session.context.close();
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return `${VECTORS.length} vectors; ${pushed} staff-API texts + ${API_VECTORS.length} chat messages (${VECTORS.length - API_VECTORS.length} with NUL or lone surrogates refused with 400) on ${PAGES.length} pages: 0 executions, 0 CSP violations, ${dialogs} dialogs`;
  } finally {
    await demo.close();
  }
}
