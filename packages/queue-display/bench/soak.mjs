#!/usr/bin/env node
// Soak benchmark of <civic-call-display>: 10 calls per second for 30 simulated minutes (18,000
// calls) through the real widget in Chromium, on a manual clock. Prints the JS heap before (after
// a warm-up) and after (both after forced garbage collection), its growth against the 2 MB goal,
// and the median / p95 time from an event arriving to the board showing it.
//
//   node packages/queue-display/bench/soak.mjs [--minutes 30] [--rate 10] [--json]
// Exit code 1 when the heap grows by more than 2 MB.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/chrome-path.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const minutes = option('minutes', 30);
const rate = option('rate', 10);
const GOAL_BYTES = 2 * 1024 * 1024;

const bundle = await build({
  entryPoints: [join(here, '../src/testing/soak.page.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  conditions: ['civic-source', 'production'],
  tsconfig: join(here, '../../../tsconfig.base.json'),
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;
const page = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>soak</title></head><body><script type="module" src="/soak.js"></script></body></html>';

const server = createServer((req, res) => {
  if (req.url === '/soak.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(script);
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: findChrome() ?? '/usr/bin/chromium',
  args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => typeof window.runSoak === 'function');
  const result = await tab.evaluate(
    (options) => window.runSoak(options),
    { callsPerSecond: rate, minutes, warmupCalls: 300 },
  );
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);
  if (args.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`call display soak: ${result.calls} calls (${rate}/s for ${minutes} simulated minutes) in ${result.wallSeconds.toFixed(1)} s`);
    console.log(`  heap before ${mb(result.heapBeforeBytes)} MB, after ${mb(result.heapAfterBytes)} MB, growth ${mb(result.heapGrowthBytes)} MB (goal ≤ 2 MB)`);
    console.log(`  update time median ${result.medianUpdateMs.toFixed(2)} ms, p95 ${result.p95UpdateMs.toFixed(2)} ms`);
    console.log(`  rows rendered ${result.rowsRendered}, pending timers ${result.pendingTimers}`);
  }
  process.exitCode = result.heapGrowthBytes > GOAL_BYTES ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
