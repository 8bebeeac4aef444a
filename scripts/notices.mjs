#!/usr/bin/env node
// Writes THIRD-PARTY-NOTICES.md from the licence files of the packages the CDN bundle and the demo
// back end ship inside them. `node scripts/notices.mjs --check` fails when the file is out of date.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLED = [
  ['lit', 'CDN bundle'],
  ['lit-html', 'CDN bundle'],
  ['lit-element', 'CDN bundle'],
  ['@lit/reactive-element', 'CDN bundle'],
  ['@lit/context', 'CDN bundle'],
  ['@lit/task', 'CDN bundle'],
  ['i18next', 'CDN bundle'],
  ['msw', 'demo back end only (never in the widget bundles)'],
  ['@mswjs/interceptors', 'demo back end only (bundled with msw)'],
  ['@open-draft/deferred-promise', 'demo back end only (bundled with msw)'],
  ['@open-draft/logger', 'demo back end only (bundled with msw)'],
  ['headers-polyfill', 'demo back end only (bundled with msw)'],
  ['is-node-process', 'demo back end only (bundled with msw)'],
  ['outvariant', 'demo back end only (bundled with msw)'],
  ['path-to-regexp', 'demo back end only (bundled with msw)'],
  ['rettime', 'demo back end only (bundled with msw)'],
  ['set-cookie-parser', 'demo back end only (bundled with msw)'],
  ['strict-event-emitter', 'demo back end only (bundled with msw)'],
  ['tldts', 'demo back end only (bundled with msw)'],
  ['tldts-core', 'demo back end only (bundled with msw)'],
  ['tough-cookie', 'demo back end only (bundled with msw)'],
  ['until-async', 'demo back end only (bundled with msw)'],
];

let out = '# Third-party notices\n\nCivic Elements is licensed under the EUPL-1.2 (see LICENSE). The builds named below include\nthe following third-party packages, under their own licences.\n';
for (const [name, where] of BUNDLED) {
  // Prefer the copy nested under msw (what the demo bundle really contains), then the top level.
  const dir = ['node_modules/msw/node_modules', 'node_modules/@mswjs/interceptors/node_modules', 'node_modules']
    .map((base) => join(base, name))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${pkg.license} (no licence file shipped)`;
  out += `\n## ${name} ${pkg.version} — ${pkg.license} — ${where}\n\n\`\`\`text\n${text}\n\`\`\`\n`;
}
if (process.argv.includes('--check')) {
  const current = existsSync('THIRD-PARTY-NOTICES.md') ? readFileSync('THIRD-PARTY-NOTICES.md', 'utf8') : '';
  if (current !== out) {
    console.error('THIRD-PARTY-NOTICES.md is out of date: run `node scripts/notices.mjs`.');
    process.exit(1);
  }
  console.log('THIRD-PARTY-NOTICES.md is up to date.');
} else {
  writeFileSync('THIRD-PARTY-NOTICES.md', out);
  console.log('wrote THIRD-PARTY-NOTICES.md');
}
