#!/usr/bin/env node
// `npm run build`: everything a publish or the CDN needs, from clean dist/ folders.
//   1. checks the package layout (scripts/build-packages.mjs: exports, sideEffects, registry, index)
//   2. removes the old outputs (packages/*/dist of built packages, the manifest)
//   3. runs in parallel: rollup (npm builds, CDN build, demo back end; rollup.config.js),
//      declarations (scripts/build-types.mjs) and the custom elements manifest (cem analyze)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BACKEND_OUT, ROOT, UMBRELLA_DIR, browserPackages, checkPackages } from './build-packages.mjs';

const started = Date.now();
const problems = checkPackages();
if (problems.length) {
  console.error(`Package layout problems:\n  ${problems.join('\n  ')}`);
  console.error('Fix package.json fields with: node scripts/build-packages.mjs --write');
  process.exit(1);
}

for (const pkg of browserPackages()) rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
rmSync(DEMO_BACKEND_OUT, { recursive: true, force: true });
rmSync(join(UMBRELLA_DIR, 'custom-elements.json'), { force: true });

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const steps = [
  { name: 'rollup', cmd: bin('rollup'), args: ['-c', 'rollup.config.js', '--silent'] },
  { name: 'declarations', cmd: process.execPath, args: ['scripts/build-types.mjs'] },
  { name: 'custom-elements.json', cmd: bin('cem'), args: ['analyze', '--config', 'custom-elements-manifest.config.mjs'] },
];

function run(step) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      console.error(`${step.name}: ${error.message}`);
      resolve({ ...step, code: 1, seconds: (Date.now() - t0) / 1000 });
    });
    child.on('close', (code) => resolve({ ...step, code: code ?? 1, seconds: (Date.now() - t0) / 1000 }));
  });
}

const results = await Promise.all(steps.map(run));
for (const r of results) {
  console.log(`build: ${r.name.padEnd(22)} ${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.seconds.toFixed(1).padStart(5)} s`);
}
const failed = results.filter((r) => r.code !== 0);
console.log(`build: ${failed.length ? 'FAILED' : 'done'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed.length ? 1 : 0);
