// Keeps the browser-importable copies of the seed in step with the JSON files of this folder.
//
// The JSON files here are the source of truth (the reference server reads them directly). Browsers
// cannot import JSON through every tool in this repository (the test runner and the rollup build
// have no JSON loader), so `src/seed/*.data.ts` are generated from them:
//
//   node packages/contract/seed/sync.mjs          rewrite the .data.ts files
//   node packages/contract/seed/sync.mjs --check  exit 1 if they are out of date
//
// A browser test (src/seed/seed.test.ts) also compares the generated data with the JSON files.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'seed');

const files = [
  { json: 'musterstadt.json', ts: 'musterstadt.data.ts', name: 'musterstadt', type: 'SeedFile', typeImport: "import type { SeedFile } from './types.js';" },
  { json: 'xss-vectors.json', ts: 'xss-vectors.data.ts', name: 'xssVectors', type: 'readonly XssVector[]', typeImport: "import type { XssVector } from './xss.js';" },
];

let stale = 0;
for (const f of files) {
  const data = JSON.parse(readFileSync(join(here, f.json), 'utf8'));
  const text =
    `// Generated from packages/contract/seed/${f.json} by packages/contract/seed/sync.mjs. Do not edit.\n` +
    `${f.typeImport}\n\n` +
    `export const ${f.name}: ${f.type} = ${JSON.stringify(data, null, 2)};\n`;
  const target = join(out, f.ts);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`${f.ts} is out of date: run node packages/contract/seed/sync.mjs`);
    stale++;
  } else {
    writeFileSync(target, text);
    console.log(`wrote src/seed/${f.ts}`);
  }
}
process.exit(stale ? 1 : 0);
