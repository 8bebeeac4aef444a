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

/** Every page of the demo; `status` is what the document itself must answer. */
export const DEMO_PAGES = [
  { path: '/', status: 200 },
  { path: '/termine/', status: 200 },
  { path: '/antragsstatus/', status: 200 },
  { path: '/warteschlange/', status: 200 },
  { path: '/aufrufanzeige/', status: 200 },
  { path: '/buergerbuero/', status: 200 },
  { path: '/impressum/', status: 200 },
  { path: '/datenschutz/', status: 200 },
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

async function checkPage(browser, origin, { path, status }, tags) {
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
