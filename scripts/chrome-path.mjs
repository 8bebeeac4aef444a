// Finds a Chromium the tests may use. Dependency-free: imported by ensure.mjs before packages exist.
import { existsSync } from 'node:fs';

export const CHROME_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CHROME_CANDIDATES.find((path) => existsSync(path));
}

/** Flags every Chromium launch here needs (root needs --no-sandbox; the network is closed). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
