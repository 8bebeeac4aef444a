// Behavioural rules against the mock with settings other than test mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveMockApi } from '@civic-elements/mock-api/http';
import { TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import { ContractDocument } from '../document.js';
import { Runner } from '../runner.js';
import { holdExpiry } from '../rules.js';
import { officeHoursClock } from './targets.js';

// (The rule releases its hold before it skips; a release that is not 204 would make it fail instead.)
test('hold expiry with a long TTL is "not checked" (neither pass nor fail) and does not wait', async () => {
  const server = await serveMockApi({ settings: { ...TEST_MODE_SETTINGS, holdTtlSeconds: 600 }, clock: officeHoursClock() });
  try {
    const r = new Runner(ContractDocument.load(), { baseUrl: server.url });
    Object.assign(r.state, { serviceId: 'personalausweis', locationId: 'buergerbuero-mitte' });
    const started = Date.now();
    await holdExpiry(r);
    assert.ok(Date.now() - started < 5000, 'it did not wait for the TTL');
    assert.equal(r.results.length, 1);
    const [result] = r.results;
    assert.equal(result!.skipped, true);
    assert.match(result!.reason, /^not checked: hold TTL (599|600|601) s; run the target with CIVIC_HOLD_TTL_SECONDS ≤ 30 \(test mode\) or pass --slow$/);
  } finally {
    await server.close();
  }
});
