/**
 * The contract's conformance suite (packages/contract/conformance) against the reference server
 * on PGlite (temporary data directory) and on a real PostgreSQL started here on 127.0.0.1. A
 * missing PostgreSQL fails with the install command; nothing is skipped.
 *
 * Every citizen operation must pass every case and be fully exercised.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runConformance, type ConformanceReport } from '../../contract/conformance/index.js';
import { Contract } from '@civic-elements/server';
import { officeHoursClock } from '../../contract/conformance/test/targets.js';
import { ORIGIN, pgliteServer, postgresServer, startPostgres, TestClock, type Postgres, type TestServer } from './helpers.js';

function check(report: ConformanceReport): void {
  const citizen = new Contract().operations.filter((o) => o.document === 'citizen').map((o) => o.operationId);
  const failures = report.results.filter((r) => !r.ok && !r.skipped && citizen.includes(r.operationId));
  assert.deepEqual(failures.map((r) => `${r.operationId} ${r.case}: ${r.reason}`), []);
  for (const id of citizen) {
    assert.ok(report.results.some((r) => r.operationId === id && r.case === 'valid' && r.ok), `${id}: its valid request passed`);
    assert.ok(!report.coverage.missing.some((m) => m.startsWith(`${id} `)), `${id} is fully exercised`);
  }
}

/** Next Tuesday 10:00 in Musterstadt at real speed (as for the mock): the walk-in queues and the video office are open whenever the tests run. */
function officeHours(): TestClock {
  const clock = new TestClock();
  clock.offset = officeHoursClock().now() - Date.now();
  return clock;
}

/** The chat desk keeps the seed's office hours: staffed by hand, the chat path is checked at any time of day. */
async function staffTheChatDesk(s: TestServer): Promise<void> {
  const r = await fetch(`${s.url}/staff/v1/chat/desk`, { method: 'PATCH', headers: { 'X-Staff-Key': s.ctx.staffKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ online: true }) });
  assert.equal(r.status, 200);
}

describe('conformance: server on PGlite', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ clock: officeHours(), env: { CIVIC_HOLD_TTL_SECONDS: '5' } });
    await staffTheChatDesk(s);
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });
  it('passes every case of every operation', async () => {
    const report = await runConformance({ baseUrl: s.url, fixtures: { origin: ORIGIN }, staffKey: s.ctx.staffKey });
    check(report);
  });
});

describe('conformance: server on PostgreSQL', () => {
  let pgc: Postgres;
  let s: TestServer;
  before(async () => {
    pgc = await startPostgres();
    s = await postgresServer(await pgc.database(), { clock: officeHours(), env: { CIVIC_HOLD_TTL_SECONDS: '5' } });
    await staffTheChatDesk(s);
  });
  after(async () => {
    await s?.close();
    await pgc?.stop();
  });
  it('passes every case of every operation', async () => {
    const report = await runConformance({ baseUrl: s.url, fixtures: { origin: ORIGIN }, staffKey: s.ctx.staffKey });
    check(report);
  });
});
