#!/usr/bin/env node
// Lints openapi.yaml and staff.yaml with Redocly CLI (recommended ruleset + redocly.yaml).
// Usage: node packages/contract/scripts/lint.mjs   (exit 1 on any error or warning)
// Telemetry and update checks are switched off. The test suite calls `lintContract()`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = join(here, '..');
export const DOCUMENTS = ['openapi.yaml', 'staff.yaml'];

const require = createRequire(import.meta.url);
const CLI = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

function run(args) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: PACKAGE_DIR, env: ENV, encoding: 'utf8' });
}

/**
 * Lints each document; returns [{ file, errors, warnings, problems }] from Redocly's JSON output.
 * Throws when Redocly produced no parsable report (e.g. the CLI crashed).
 * @returns {{ file: string, errors: number, warnings: number, problems: { rule: string, severity: string, message: string, where: string }[] }[]}
 */
export function lintContract() {
  return DOCUMENTS.map((file) => {
    const r = run(['lint', file, '--config', 'redocly.yaml', '--format', 'json']);
    const start = r.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly lint ${file} produced no report:\n${r.stderr}`);
    const report = JSON.parse(r.stdout.slice(start));
    return {
      file,
      errors: report.totals.errors,
      warnings: report.totals.warnings,
      problems: report.problems.map((p) => ({
        rule: p.ruleId,
        severity: p.severity,
        message: p.message,
        where: p.location?.map((l) => l.pointer).join(', '),
      })),
    };
  });
}

function main() {
  const r = run(['lint', ...DOCUMENTS, '--config', 'redocly.yaml', '--format', 'stylish']);
  // Drop Redocly's Node-version banner; keep the findings.
  const out = `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => !/[║╔╚]/.test(l))
    .join('\n')
    .trim();
  console.log(out);
  // Redocly exits non-zero on errors only; warnings are reported as "You have N warning(s)".
  const failed = r.status !== 0 || /You have \d+ warnings?/.test(out);
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
