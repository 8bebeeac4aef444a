/**
 * Runs the mock API as a local HTTP server:
 *
 *   node --conditions=civic-source --import tsx packages/mock-api/src/cli.node.ts --port 4010
 *
 * Options: --port N (default 4010, 0 = any free port), --host H (default 127.0.0.1),
 * --seed VARIANT (default: the seed's default; `xss` puts hostile strings into every text),
 * --cors-origin ORIGIN (repeatable; default every origin). Settings come from the environment
 * (CIVIC_TEST_MODE, CIVIC_POW_DIFFICULTY, CIVIC_RATE_LIMITS, CIVIC_HOLD_TTL_SECONDS); the seed
 * variant also from SEED.
 */
import { parseArgs } from 'node:util';
import { settingsFromEnv } from './support/settings.js';
import { serveMockApi } from './http.node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: cli.node.ts [--port 4010] [--host 127.0.0.1] [--seed default|xss] [--cors-origin https://example.org ...]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be an integer between 0 and 65535');
  process.exit(2);
}

const server = await serveMockApi({
  port,
  host: values.host,
  variant: values.seed ?? process.env.SEED,
  settings: settingsFromEnv(process.env),
  corsOrigins: values['cors-origin']?.length ? values['cors-origin'] : '*',
});
console.log(`Civic Elements mock API listening on ${server.url}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
