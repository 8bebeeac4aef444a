/**
 * Runs the conformance suite against a back end and prints a report:
 *
 *   node --conditions=civic-source --import tsx packages/contract/conformance/cli.ts --base-url http://127.0.0.1:8787
 *
 * Options: --fixtures FILE (JSON: serviceId, locationId, case {reference, secondFactor},
 * queueLocationId, officeId, origin — all optional), --staff-key KEY (enables the chat staff-event
 * check), --origin URL (an allowed CORS origin), --slow (wait for long hold TTLs), --json FILE
 * (write the full report as JSON), --all (list passing cases too), --verbose (every request).
 * Exit code: 0 conforms, 1 does not conform, 2 usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatReport, runConformance } from './index.js';
import { parseFixtures } from './fixtures.js';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('Usage: cli.ts --base-url URL [--fixtures file.json] [--staff-key KEY] [--origin URL] [--slow] [--json report.json] [--all] [--verbose]');
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      fixtures: { type: 'string' },
      'staff-key': { type: 'string' },
      origin: { type: 'string' },
      slow: { type: 'boolean', default: false },
      json: { type: 'string' },
      all: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) usage();
const baseUrl = values['base-url'];
if (!baseUrl || !/^https?:\/\//.test(baseUrl)) usage('--base-url http(s)://… is required');

let fixtures;
try {
  fixtures = values.fixtures ? parseFixtures(JSON.parse(readFileSync(values.fixtures, 'utf8'))) : {};
} catch (error) {
  usage(`--fixtures: ${(error as Error).message}`);
}
if (values.origin) fixtures.origin = values.origin;

const report = await runConformance({
  baseUrl,
  fixtures,
  ...(values['staff-key'] && { staffKey: values['staff-key'] }),
  slow: values.slow,
  ...(values.verbose && { log: (line: string) => console.log(line) }),
});
console.log(formatReport(report, { onlyProblems: !values.all }));
if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
process.exit(report.ok ? 0 : 1);
