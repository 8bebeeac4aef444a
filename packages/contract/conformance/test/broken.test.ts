// The suite must reject a back end that breaks the contract: the mock with its handlers wrapped to
// break it in known ways (broken-mock.ts). Each breakage must be reported as a failure of the
// expected (operation, case) with a reason that names the problem.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runConformance, type ConformanceReport } from '../index.js';
import { BREAKAGES } from './broken-mock.js';
import { brokenTarget } from './targets.js';

describe('the suite rejects a broken back end', async () => {
  const running = await brokenTarget.start();
  let report: ConformanceReport;
  try {
    report = await runConformance({ baseUrl: running.baseUrl, ...(running.fixtures && { fixtures: running.fixtures }), ...(running.staffKey && { staffKey: running.staffKey }) });
  } finally {
    await running.close();
  }
  const find = (operationId: string, name: string) => report.results.find((r) => r.operationId === operationId && r.case === name);

  test('the report says it does not conform', () => {
    assert.equal(report.ok, false);
    assert.ok(report.failed >= BREAKAGES.length, `only ${report.failed} failures`);
  });

  for (const b of BREAKAGES) {
    test(`reports ${b.name} (${b.expect.operationId} ${b.expect.case})`, () => {
      const r = find(b.expect.operationId, b.expect.case);
      assert.ok(r, `no result for ${b.expect.operationId} ${b.expect.case}`);
      assert.equal(r.ok, false, `passed: ${r.reason}`);
      assert.match(r.reason, b.expect.reason);
    });
  }

  test('operations the breakages do not touch still pass', () => {
    for (const [operationId, name] of [
      ['getAntibotChallenge', 'valid'],
      ['createHold', 'valid'],
      ['createHold', 'rule:idempotency-creates-one-resource'],
      ['lookupCase', 'valid'],
      ['streamCaseEvents', 'valid'],
      ['streamChatEvents', 'rule:chat-last-event-id-wins-over-after'],
      ['streamCaseEvents', 'rule:snapshot-unless-current'],
      ['takeQueueTicket', 'valid'],
    ] as const) {
      const r = find(operationId, name);
      assert.ok(r?.ok && !r.skipped, `${operationId} ${name}: ${r?.reason ?? 'no result'}`);
    }
  });
});
