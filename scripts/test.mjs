#!/usr/bin/env node
// `npm test`: every check the project has, in one run. Prints each step's time and ends with one
// line `N passed, N failed` summed over all steps. A step that writes .test-results/<name>.json
// ({passed, failed}) is counted by its tests; any other step counts as one check. Exits non-zero
// when anything failed.
//   node scripts/test.mjs               all steps
//   node scripts/test.mjs unit size     only the named steps
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

/** A node:test run whose counts land in .test-results/<name>.json. */
const nodeTest = (name, files) => ({
  name,
  cmd: `node --conditions=civic-source --import tsx --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout --test-reporter=./scripts/node-results-reporter.mjs --test-reporter-destination=.test-results/${name}.json ${files}`,
  results: name,
});

const STEPS = [
  { name: 'typecheck', cmd: 'npx tsc -p tsconfig.json --noEmit && npx tsc -p tsconfig.node.json --noEmit' },
  { name: 'lint', cmd: 'npx eslint --max-warnings 0 . && node scripts/notices.mjs --check' },
  nodeTest('contract', 'packages/contract/test/*.test.ts'),
  nodeTest('mock-api', 'packages/mock-api/test/*.node.test.ts'),
  nodeTest('integrations', 'integrations/test/*.node.test.ts'),
  nodeTest('simulator', 'packages/simulator/test/*.test.ts'),
  nodeTest('conformance', 'packages/contract/conformance/test/*.test.ts'),
  nodeTest('server', 'packages/server/test/*.node.test.ts'),
  { name: 'unit', cmd: 'npx web-test-runner', results: 'unit' },
  { name: 'build', cmd: 'node --test scripts/css-templates.test.mjs && node scripts/build.mjs' },
  { name: 'size', cmd: 'node scripts/size.mjs', results: 'size' },
  { name: 'cdn-smoke', cmd: 'node scripts/cdn-smoke.mjs', results: 'cdn-smoke' },
  // Built pages in Chromium: the React and Vue embedding pages, a booking on the demo's picker page.
  nodeTest('pages', 'demo/einbetten/frameworks.node.test.mjs packages/appointment-picker/test/book-on-demo.node.test.mjs'),
  { name: 'storybook', cmd: 'npx storybook build -o storybook-static --quiet && node scripts/storybook-smoke.mjs', results: 'storybook' },
  { name: 'demo-smoke', cmd: 'node scripts/demo-smoke.mjs', results: 'demo' },
  { name: 'gates', cmd: 'node --test scripts/gates/ && node scripts/gates/demo-gates.mjs', results: 'gates' },
  { name: 'e2e', cmd: 'node test/e2e/run.mjs', results: 'e2e' },
];

const only = process.argv.slice(2);
const steps = only.length ? STEPS.filter((s) => only.includes(s.name)) : STEPS;
if (only.length && steps.length !== only.length) {
  console.error(`Unknown step. Steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const env = { ...process.env, FORCE_COLOR: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1' };

/**
 * A step that runs longer than this has hung (the longest, storybook, takes 5–8 minutes): it is
 * stopped and fails with its name, instead of holding CI until its own limit with no word of why.
 */
const STEP_LIMIT_MS = Number(process.env.CIVIC_STEP_LIMIT_MS) || 30 * 60_000;

/** The running step's process group (its own, so a stop reaches the processes it started too). */
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) stopGroup(current);
    process.exit(130);
  });
}

function stopGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function runStep(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, { shell: true, stdio: ['ignore', 'inherit', 'inherit'], env, detached: true });
    current = child;
    const limit = setTimeout(() => {
      console.log(`\n=== ${step.name}: still running after ${STEP_LIMIT_MS / 60_000} min — stopped as hung`);
      stopGroup(child);
    }, STEP_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(limit);
      current = undefined;
      resolve(code ?? 1);
    });
  });
}

/** A step's results file, or undefined when it is empty or cut off (a step stopped mid-write). */
function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Only the result files of the steps that run now: other outputs (the forced-colours screenshots)
// and another run's step results stay.
mkdirSync('.test-results', { recursive: true });
for (const step of steps) if (step.results) rmSync(`.test-results/${step.results}.json`, { force: true });

const summary = [];
const failures = [];
let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const t0 = Date.now();
  const code = await runStep(step);
  const seconds = (Date.now() - t0) / 1000;
  let counts = { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  const file = step.results ? `.test-results/${step.results}.json` : undefined;
  const r = file && existsSync(file) ? readResults(file) : undefined;
  if (r) {
    counts = { passed: r.passed, failed: r.failed };
    for (const name of r.failures ?? []) failures.push(`${step.name}: ${name}`);
    // A runner that exits non-zero with no failed test (crash, no tests found) still fails.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    if (code === 0 && counts.passed === 0) counts.failed = 1;
  }
  passed += counts.passed;
  failed += counts.failed;
  summary.push({ step: step.name, ok: code === 0 && counts.failed === 0, seconds, ...counts });
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s — ${counts.passed} passed, ${counts.failed} failed`);
}

console.log('\nStep                 Result  Time      Passed  Failed');
for (const s of summary) {
  console.log(`${s.step.padEnd(20)} ${(s.ok ? 'ok' : 'FAIL').padEnd(7)} ${(s.seconds.toFixed(1) + ' s').padStart(8)}  ${String(s.passed).padStart(6)}  ${String(s.failed).padStart(6)}`);
}
if (failures.length) console.log(`Failed tests:\n  ${failures.join('\n  ')}`);
console.log(`Total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
