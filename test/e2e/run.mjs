#!/usr/bin/env node
// The end-to-end gates of issue 10 against the reference server (test mode, temporary PGlite data),
// in Debian's Chromium through playwright-core, one browser for everything:
//   gate 1  citizen journeys (test/e2e/journeys.mjs), each with the mouse and keyboard-only; per
//           journey every request's origin, the console and the storage are checked (gate 4 over
//           the journeys);
//   gate 3  XSS corpus (test/e2e/xss.mjs);
//   gate 5  faults: the server stopped mid-journey (test/e2e/faults.mjs).
//
//   node test/e2e/run.mjs                 everything
//   node test/e2e/run.mjs booking chat    only the checks whose name contains one of the words
//
// Needs the CDN build (`npx rollup -c rollup.config.js`). Writes .test-results/e2e.json.
import { launchChromium, writeResults } from '../../scripts/storybook-smoke.mjs';
import { judge, openJourney, staff, startServer, useOfficeHours } from './harness.mjs';
import * as faults from './faults.mjs';
import * as journeys from './journeys.mjs';
import { xssGate } from './xss.mjs';

const filter = process.argv.slice(2);
const wanted = (name) => filter.length === 0 || filter.some((w) => name.includes(w));

let passed = 0;
let failed = 0;

async function check(name, fn) {
  if (!wanted(name)) return;
  const t0 = performance.now();
  try {
    const note = await fn();
    passed++;
    console.log(`ok   ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n     ${String(error?.stack ?? error).split('\n').slice(0, 12).join('\n     ')}`);
  }
}

/** What a failed journey's page did: for the failure message. */
function describe(record) {
  return [
    `requests: ${record.requests.length}, still pending: ${[...record.pending].map((r) => r.url()).join(' ') || 'none'}`,
    `failed requests: ${record.failedRequests.join(' | ') || 'none'}`,
    `console: ${record.console.map((m) => `${m.type}: ${m.text}`).join(' | ') || 'none'}`,
    `page errors: ${record.errors.join(' | ') || 'none'}`,
  ].join('\n');
}

const started = performance.now();
useOfficeHours();
const browser = await launchChromium();
try {
  const demo = wanted('gate 1') || Object.keys(journeys).some(wanted) ? await startServer() : undefined;
  if (demo) try {
    // The chat desk keeps the seed's office hours; staffed by hand, the chat works at any hour.
    await staff(demo, 'PATCH', '/chat/desk', { online: true });
    for (const [name, journey] of Object.entries(journeys)) {
      for (const mode of ['pointer', 'keyboard']) {
        await check(`gate 1 ${name} (${mode})`, async () => {
          const session = await openJourney(browser, demo);
          try {
            const rules = await journey({ ...session, demo, mode, browser }).catch((error) => {
              throw new Error(`${error.message}\n${describe(session.record)}`, { cause: error });
            });
            const verdict = await judge(session, demo, rules);
            if (verdict.problems.length) throw new Error(verdict.problems.join('\n'));
            return `${verdict.requests} requests, ${verdict.events} civic-* events${Object.keys(verdict.stored).length ? `, stored ${JSON.stringify(verdict.stored)}` : ', nothing stored'}`;
          } finally {
            await session.context.close();
          }
        });
      }
    }
  } finally {
    await demo.close();
  }
  await check('gate 3 XSS corpus on every widget page', () => xssGate(browser));
  await check('gate 5 booking while the server is down', () => faults.bookingWhileDown(browser));
  await check('gate 5 chat message while the server is down', () => faults.chatWhileDown(browser));
} finally {
  await browser.close();
}

console.log(`\ne2e: ${passed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
writeResults('e2e', passed, failed);
process.exit(failed ? 1 : 0);
