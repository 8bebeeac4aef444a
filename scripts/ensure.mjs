#!/usr/bin/env node
// Makes a fresh clone ready for `npm start` and `npm test` with nothing typed before:
// installs npm packages when missing or out of date; with --test it also finds (or, as root on
// Debian, installs) Chromium and PostgreSQL 15, which only the tests need. `npm start` needs Node
// alone. Dependency-free on purpose: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChrome } from './chrome-path.mjs';

const log = (message) => console.log(`[ensure] ${message}`);
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.status !== 0) {
    console.error(`[ensure] "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function packagesStale() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return 'node_modules is missing';
  if (statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000) return 'package-lock.json changed';
  return '';
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[ensure] Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
  process.exit(1);
}

const stale = packagesStale();
if (stale) {
  log(`${stale}: running npm ci`);
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
function installWithApt(packages, why) {
  log(`${why}: installing Debian's ${packages.join(', ')} (apt-get)`);
  run('apt-get', ['update', '-qq']);
  const result = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) process.exit(result.status || 1);
}
const hasApt = () => {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const forTests = process.argv.includes('--test');
if (!forTests) {
  log(`ready: Node ${process.versions.node}`);
  process.exit(0);
}

if (!findChrome()) {
  if (isRoot && hasApt()) installWithApt(['chromium'], 'Chromium not found');
  if (!findChrome()) {
    console.error(
      '[ensure] Chromium was not found. Install it (Debian: `sudo apt-get install chromium`) or set CHROME_PATH to a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}
// The reference server's tests run the conformance suite against a real PostgreSQL 15 too.
const PG_INITDB = '/usr/lib/postgresql/15/bin/initdb';
if (!existsSync(PG_INITDB)) {
  if (isRoot && hasApt()) installWithApt(['postgresql-15'], 'PostgreSQL 15 not found');
  if (!existsSync(PG_INITDB)) {
    console.error('[ensure] PostgreSQL 15 was not found (the server tests need it). Debian: `sudo apt-get install postgresql-15`.');
    process.exit(1);
  }
}
log(`ready: Node ${process.versions.node}, Chromium at ${findChrome()}, PostgreSQL 15`);
