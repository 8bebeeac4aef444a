// Gate 7 of issue 10, checked in a browser: the German page with every widget (suite-page.html)
// fetches exactly the CDN files `npm run size` counts as the suite "at load" (suite-size.mjs), so
// the figure compared with the 60 kB target is what a citizen's browser downloads before they
// touch anything. Used by demo-gates.mjs (step `gates`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { germanSuite } from './suite-size.mjs';
import { serveInFront } from './serve-in-front.mjs';

export const SUITE_PAGE = '/__gates__/suite/';
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'suite-page.html');

/** Serves suite-page.html at SUITE_PAGE on the demo server. */
export function serveSuitePage(server) {
  serveInFront(server, { [SUITE_PAGE]: { type: 'text/html; charset=utf-8', body: readFileSync(FIXTURE) } });
}

/** CDN file names (`chunks/x-HASH.js`) among request URLs. */
export function cdnFiles(urls) {
  const out = new Set();
  for (const url of urls) {
    const path = new URL(url).pathname;
    if (path.startsWith('/cdn/') && path.endsWith('.js')) out.add(path.slice('/cdn/'.length));
  }
  return out;
}

/**
 * What is wrong with the suite figure, given the CDN files the page fetched: a file it fetched
 * that the figure does not count, one the figure counts that it did not fetch, a tag the page lacks.
 */
export function suitePageProblems({ manifest, cdnDir, fetched, html }) {
  const counted = new Set(germanSuite(manifest, cdnDir).atLoad);
  const name = (file) => `${file} (${manifest.chunks[file] ?? 'not in the manifest'})`;
  return [
    ...Object.keys(manifest.tags)
      .filter((tag) => !html.includes(`<${tag}`))
      .map((tag) => `the suite page has no <${tag}>`),
    ...[...fetched].filter((f) => !counted.has(f)).map((f) => `fetched before any interaction but not counted: ${name(f)}`),
    ...[...counted].filter((f) => !fetched.has(f)).map((f) => `counted but not fetched: ${name(f)}`),
  ];
}

/** Opens the suite page with the gate's `openPage` and returns its problems. */
export async function checkSuitePage({ browser, origin, openPage, manifest, cdnDir }) {
  const { context, record } = await openPage(browser, `${origin}${SUITE_PAGE}`);
  try {
    return suitePageProblems({ manifest, cdnDir, fetched: cdnFiles(record.requests), html: readFileSync(FIXTURE, 'utf8') });
  } finally {
    await context.close();
  }
}
