// The conformance suite against every back end that must conform (test/targets.ts), one test per
// (operation, case) so a failure names the operation, the case and the reason:
//   node --conditions=civic-source --import tsx --test packages/contract/conformance/test/*.test.ts
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, runConformance, type ConformanceReport } from '../index.js';
import { CONFORMING_TARGETS } from './targets.js';

for (const target of CONFORMING_TARGETS) {
  describe(`conformance: ${target.name}`, async () => {
    const running = await target.start();
    let report: ConformanceReport;
    try {
      report = await runConformance({ baseUrl: running.baseUrl, ...(running.fixtures && { fixtures: running.fixtures }), ...(running.staffKey && { staffKey: running.staffKey }) });
    } finally {
      await running.close();
    }
    const known = new Map((target.knownDeviations ?? []).map((d) => [`${d.operationId} ${d.case}`, d.reason]));

    test(`coverage: every operation of openapi.yaml gets valid and invalid input (${report.coverage.exercised}/${report.coverage.operations})`, () => {
      assert.deepEqual(report.coverage.missing, []);
      assert.equal(report.coverage.percent, 100);
      assert.equal(report.coverage.invalidExercised, report.coverage.invalidApplicable);
    });

    test('nothing is left "not checked" (test mode: short hold TTL, staff key and CORS origin given)', () => {
      assert.deepEqual(report.results.filter((r) => r.skipped).map((r) => `${r.operationId} ${r.case}: ${r.reason}`), []);
    });

    test('every behavioural rule was checked', () => {
      assert.deepEqual([...report.rules].sort(), [...RULES].sort());
    });

    const byOp = new Map<string, ConformanceReport['results']>();
    for (const r of report.results) byOp.set(r.operationId, [...(byOp.get(r.operationId) ?? []), r]);
    for (const [operationId, results] of byOp) {
      describe(operationId, () => {
        for (const r of results) {
          const deviation = known.get(`${operationId} ${r.case}`);
          test(r.case, { ...(deviation && { todo: `known deviation of ${target.name}: ${deviation}` }), ...(r.skipped && { skip: r.reason }) }, () => {
            assert.ok(r.ok, `${r.reason}${r.request ? ` [${r.request} → ${r.status}]` : ''}`);
          });
        }
      });
    }

    test('known deviations still deviate (delete an entry once the target gets it right)', () => {
      const fixed = [...known.keys()].filter((k) => report.results.some((r) => `${r.operationId} ${r.case}` === k && r.ok));
      assert.deepEqual(fixed, []);
    });
  });
}
