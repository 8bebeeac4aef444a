#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other, each printing its own figures (medians,
// heap growth) measured in this run. Benchmarks assert no timing in `npm test`; a figure that misses
// its goal is printed as such here. The machine is noted first: figures only compare within a run.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const BENCHES = [
  {
    name: 'appointment picker: month switch (6 months × 60 slots/day), goal median ≤ 16 ms',
    cmd: 'npx web-test-runner --port 8499',
    env: { WTR_FILES: 'packages/appointment-picker/bench/month-switch.bench.ts' },
  },
  {
    name: 'chat: a conversation with 1,000 messages (latest 50, "show earlier" pages, append one, heap), against a bare Lit list',
    cmd: 'npx web-test-runner --config packages/chat/bench/web-test-runner.config.mjs --port 8498',
    env: { WTR_FILES: 'packages/chat/bench/history.bench.ts' },
  },
  {
    name: 'call display soak: 10 calls/s for 30 simulated minutes, goal heap growth ≤ 2 MB',
    cmd: 'node packages/queue-display/bench/soak.mjs',
  },
  {
    name: 'demo pages (issue 10, gate 6): bytes, first useful content and interactions at 4× CPU throttling, against an empty Lit element',
    cmd: 'node scripts/gates/bench-demo.mjs --runs 5',
  },
];

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
let failed = 0;
for (const bench of BENCHES) {
  console.log(`\n=== ${bench.name}`);
  const result = spawnSync(bench.cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...bench.env } });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
