#!/usr/bin/env node
// Generates TypeScript types from the contract documents with openapi-typescript (Node API):
//   openapi.yaml → src/generated/openapi.ts
//   staff.yaml   → src/generated/staff.ts
//   both         → src/generated/aliases.ts (`export type Service = components['schemas']['Service']`, …)
// Usage: node packages/contract/scripts/generate.mjs [--check]
//   --check  regenerate in memory and exit 1 if a committed file differs (no writes).
// The test suite (test/contract.test.ts) calls `generateAll()` for the same drift check.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = join(here, '..');
export const REGENERATE_COMMAND = 'npm run generate -w @civic-elements/contract';

export const TARGETS = [
  { source: 'openapi.yaml', out: 'src/generated/openapi.ts' },
  { source: 'staff.yaml', out: 'src/generated/staff.ts' },
];

function header(source) {
  return [
    '/**',
    ` * generated — do not edit. Source: packages/contract/${source}`,
    ` * Regenerate with \`${REGENERATE_COMMAND}\`.`,
    ' */',
    '',
    '',
  ].join('\n');
}

/** Generates one document's types; returns the file content. */
export async function generate(source) {
  const url = pathToFileURL(join(PACKAGE_DIR, source));
  const ast = await openapiTS(url, {
    silent: true,
    // `format: binary`-like strings and all other schemas map 1:1; keep output stable and strict.
    alphabetize: false,
    exportType: false,
  });
  return header(source) + astToString(ast);
}

function schemaNames(source) {
  const doc = parse(readFileSync(join(PACKAGE_DIR, source), 'utf8'));
  return Object.keys(doc.components?.schemas ?? {});
}

/**
 * One friendly alias per schema. Citizen schemas keep their names; schemas defined in staff.yaml
 * keep theirs too unless the name is taken, then they get a `Staff` prefix. (openapi-typescript
 * copies the citizen schemas staff.yaml references into staff.ts; those are not aliased again.)
 */
export function generateAliases() {
  const citizen = schemaNames('openapi.yaml');
  const staff = schemaNames('staff.yaml');
  const taken = new Set(citizen);
  const lines = [
    '/**',
    ' * generated — do not edit. Friendly aliases for every schema of openapi.yaml and staff.yaml.',
    ` * Regenerate with \`${REGENERATE_COMMAND}\`.`,
    ' */',
    '',
    "import type { components } from './openapi.js';",
    "import type { components as staffComponents } from './staff.js';",
    '',
    '// openapi.yaml',
  ];
  for (const name of citizen) lines.push(`export type ${name} = components['schemas']['${name}'];`);
  lines.push('', '// staff.yaml');
  for (const name of staff) {
    const alias = taken.has(name) ? `Staff${name}` : name;
    if (taken.has(alias)) throw new Error(`alias collision: ${alias}`);
    taken.add(alias);
    lines.push(`export type ${alias} = staffComponents['schemas']['${name}'];`);
  }
  return lines.join('\n') + '\n';
}

/** Generates all targets: [{ out, path, content }]. */
export async function generateAll() {
  const results = [];
  for (const t of TARGETS) {
    results.push({ out: t.out, path: join(PACKAGE_DIR, t.out), content: await generate(t.source) });
  }
  const aliasesOut = 'src/generated/aliases.ts';
  results.push({ out: aliasesOut, path: join(PACKAGE_DIR, aliasesOut), content: generateAliases() });
  return results;
}

async function main() {
  const check = process.argv.includes('--check');
  const results = await generateAll();
  let stale = 0;
  for (const r of results) {
    let current = '';
    try {
      current = readFileSync(r.path, 'utf8');
    } catch {
      current = '';
    }
    const rel = relative(process.cwd(), r.path);
    if (check) {
      if (current !== r.content) {
        stale++;
        console.error(`${rel} is out of date. Run: ${REGENERATE_COMMAND}`);
      }
    } else if (current !== r.content) {
      mkdirSync(dirname(r.path), { recursive: true });
      writeFileSync(r.path, r.content);
      console.log(`wrote ${rel}`);
    } else {
      console.log(`${rel} up to date`);
    }
  }
  if (stale) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
