/**
 * Runs the simulator against a back end over HTTP until Ctrl-C:
 *
 *   node --conditions=civic-source --import tsx packages/simulator/src/cli.ts \
 *     --base-url http://127.0.0.1:4010 --staff-key musterstadt-staff-demo-key --speed 5
 *
 * Options: --base-url URL (default $CIVIC_API_BASE or http://127.0.0.1:8787), --staff-key KEY
 * (default $CIVIC_STAFF_KEY or the seed's demo key), --speed N (default 1), --locale de|en,
 * --seed N (replayable decisions), --ags AGS, --only queues,walk-ins,ticker,offices,chat,cases,
 * --duration SECONDS (stop by itself), --ignore-opening-hours (desks and chairs work around the
 * clock, for a demo at night), --quiet (no action lines).
 *
 * Prints one short line per action (never a name, an e-mail address or a chat text) and a summary
 * at the end. Exit codes: 0 done, 1 failed at run time, 2 bad options or the back end refused
 * the staff key / could not be reached.
 */
import { parseArgs } from 'node:util';
import { musterstadt } from '@civic-elements/contract/seed';
import { ApiError, createClient } from './client.js';
import { createSimulator, type SimulatorFeatures } from './simulator.js';

const FEATURES: Record<string, keyof SimulatorFeatures> = {
  queues: 'queues',
  'walk-ins': 'walkIns',
  ticker: 'ticker',
  offices: 'offices',
  chat: 'chat',
  cases: 'cases',
};

const USAGE = `Usage: cli.ts [--base-url URL] [--staff-key KEY] [--speed N] [--locale de|en] [--seed N] [--ags AGS]
              [--only ${Object.keys(FEATURES).join(',')}] [--duration SECONDS] [--ignore-opening-hours] [--quiet]`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'staff-key': { type: 'string' },
    speed: { type: 'string', default: '1' },
    locale: { type: 'string', default: 'de' },
    seed: { type: 'string' },
    ags: { type: 'string' },
    only: { type: 'string' },
    duration: { type: 'string' },
    'ignore-opening-hours': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const baseUrl = values['base-url'] ?? process.env.CIVIC_API_BASE ?? 'http://127.0.0.1:8787';
if (!/^https?:\/\/[^/]/.test(baseUrl)) fail('--base-url must be an http(s) URL, e.g. http://127.0.0.1:4010');
const staffKey = values['staff-key'] ?? process.env.CIVIC_STAFF_KEY ?? musterstadt.town.staffKey;
const speed = Number(values.speed);
if (!(speed > 0) || !Number.isFinite(speed)) fail('--speed must be a positive number');
if (values.locale !== 'de' && values.locale !== 'en') fail('--locale must be de or en');
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) fail('--seed must be an integer');
const duration = values.duration === undefined ? undefined : Number(values.duration);
if (duration !== undefined && !(duration > 0)) fail('--duration must be a positive number of seconds');
let features: Partial<SimulatorFeatures> | undefined;
if (values.only !== undefined) {
  const names = values.only.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(n in FEATURES));
  if (unknown.length) fail(`--only: unknown ${unknown.join(', ')} (choose from ${Object.keys(FEATURES).join(', ')})`);
  features = Object.fromEntries(Object.values(FEATURES).map((f) => [f, names.some((n) => FEATURES[n] === f)]));
}

const time = () => new Date().toTimeString().slice(0, 8);

// One request first, so a wrong key or a wrong URL is reported once instead of on every action.
try {
  await createClient({ baseUrl, staffKey, ...(values.ags && { ags: values.ags }) }).call('listConversations', {});
} catch (error) {
  if (error instanceof ApiError && error.status === 401) fail(`The back end at ${baseUrl} refused the staff key (401).`);
  if (error instanceof ApiError && error.status === 0) fail(`Cannot reach ${baseUrl}.`);
  fail(`The back end at ${baseUrl} answered ${error instanceof Error ? error.message : String(error)}.`);
}

const simulator = createSimulator({
  baseUrl,
  staffKey,
  speed,
  locale: values.locale,
  ...(seed !== undefined && { random: seed }),
  ...(values.ags && { ags: values.ags }),
  ...(features && { features }),
  ...(values['ignore-opening-hours'] && { ignoreOpeningHours: true }),
  ...(!values.quiet && { log: (line: string) => console.log(`${time()} ${line}`) }),
});

console.log(`${time()} simulating against ${baseUrl} at speed ${speed}${features ? ` (${values.only})` : ''}; Ctrl-C stops`);
simulator.start();

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await simulator.stop();
  const { lastError, ...counts } = simulator.stats;
  const summary = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`${time()} stopped: ${summary}${lastError ? `; last error ${lastError.operation} ${lastError.status}${lastError.code ? ` ${lastError.code}` : ''}` : ''}`);
  process.exit(0);
}

process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
if (duration !== undefined) setTimeout(() => void stop(), duration * 1000);
