#!/usr/bin/env node
// Demo smoke test: opens every page of the Musterstadt demo in Chromium, as served by
// scripts/start.mjs (same server, same headers, a free port on 127.0.0.1), and fails a page on:
// - a console error or an uncaught page error;
// - an HTTP status >= 400 (the 404 page itself is expected to answer 404);
// - any request to a host other than 127.0.0.1;
// - a Content-Security-Policy violation (a `securitypolicyviolation` listener installed before
//   any page script), or an HTML response without the demo's CSP / any response without nosniff;
// - any axe-core violation of the WCAG 2.2 AA tags on the whole document (no rule disabled);
// - horizontal scrolling at a 320 px wide viewport;
// - a same-site link on the page that answers >= 400.
// Before the pages, a deliberately broken page proves every check fires (CSP included).
// Uses the bundles as they are (run `npm start` or `npx rollup -c rollup.config.js` to build).
// Writes .test-results/demo.json {passed, failed} (one per page); exits non-zero on any failure.
//
//   node scripts/demo-smoke.mjs
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CDN_DIR, CDN_ENTRY, DEMO_CSP, startDemoServer } from './start.mjs';
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
  { path: '/gibt-es-nicht/', status: 404 },
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

async function checkPage(browser, origin, { path, status, strictCsp, themeSwitch }, tags) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  const watch = await watchPage(page, { csp: true });
  const problems = [];
  const badHeaders = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin) return;
    const headers = response.headers();
    if (headers['x-content-type-options'] !== 'nosniff') badHeaders.push(`no X-Content-Type-Options: nosniff on ${url.pathname}`);
    if ((headers['content-type'] ?? '').startsWith('text/html') && headers['content-security-policy'] !== DEMO_CSP) {
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
  } catch (error) {
    problems.push(`smoke: ${error?.message ?? error}`);
  }
  await context.close();
  return [...watch.problems(expectedStatus), ...new Set(badHeaders), ...problems];
}

async function main() {
  if (!existsSync(CDN_ENTRY)) {
    console.error('demo-smoke: the CDN build is missing. Build first: npx rollup -c rollup.config.js');
    process.exit(2);
  }
  const started = performance.now();
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
  const origin = demo.url.replace(/\/$/, '');
  const browser = await launchChromium();
  const tags = knownTags();
  let passed = 0;
  let failed = 0;
  try {
    const silent = await harnessSelfCheck(browser, origin, { csp: true, inject: 'evaluate' });
    if (silent.length > 0) {
      failed++;
      console.log(`  FAIL  smoke harness: these checks did not fire on a broken page: ${silent.join(', ')}`);
    } else {
      console.log('  ok    smoke harness: every check (CSP included) fires on a deliberately broken page');
    }
    for (const entry of DEMO_PAGES) {
      const t0 = performance.now();
      const problems = await checkPage(browser, origin, entry, tags);
      const ms = Math.round(performance.now() - t0);
      if (problems.length === 0) {
        passed++;
        console.log(`  ok    ${entry.path} (${ms} ms)`);
      } else {
        failed++;
        console.log(`  FAIL  ${entry.path} (${ms} ms)`);
        for (const p of problems) console.log(`      - ${p}`);
      }
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  writeResults('demo', passed, failed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`demo smoke: ${DEMO_PAGES.length} pages in ${seconds} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
