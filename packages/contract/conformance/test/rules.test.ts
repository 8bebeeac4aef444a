// Behavioural rules against the mock with settings other than test mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveMockApi } from '@civic-elements/mock-api/http';
import { TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import { ContractDocument } from '../document.js';
import { Runner } from '../runner.js';
import { holdExpiry } from '../rules.js';
import { loadSeed } from '@civic-elements/contract/seed';
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

// The flake "createHold expected 201, got 409 slot_taken" (hold expiry, on a busy machine): the
// soonest slot offered is the next to pass its lead time, and it could do so between the
// availability answer and the hold. Here the clock stands 50 ms before that moment and the step
// takes 100 ms.
test('freeSlot passes over the soonest slots: a hold on its slot still succeeds when the soonest one passed its lead time meanwhile', async () => {
  let offset = officeHoursClock().now() - Date.now();
  const server = await serveMockApi({ settings: TEST_MODE_SETTINGS, clock: { now: () => Date.now() + offset } });
  try {
    const r = new Runner(ContractDocument.load(), { baseUrl: server.url });
    Object.assign(r.state, { serviceId: 'personalausweis', locationId: 'buergerbuero-mitte' });
    const first = async () => {
      const a = await r.helper('getAvailability', { params: { services: 'personalausweis:1', location: 'buergerbuero-mitte' } }, [200]);
      return Date.parse(((a.json as { days: { slots: { start: string }[] }[] }).days.flatMap((d) => d.slots)[0]!).start);
    };
    const lead = loadSeed({ now: Date.now() }).locations.find((l) => l.id === 'buergerbuero-mitte')!.slotRules.leadMinutes * 60_000;
    const soonest = await first();
    offset = soonest - lead - 50 - Date.now();
    assert.equal(await first(), soonest, 'the soonest slot is still offered, for 50 ms');
    const slot = await r.freeSlot();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.notEqual(await first(), soonest, 'the soonest slot has passed its lead time');
    const hold = await r.newHold(slot);
    assert.equal(typeof hold.holdId, 'string');
    assert.ok(Date.parse(slot.start) >= soonest + 60 * 60_000, `${slot.start} is at least an hour after the soonest slot`);
  } finally {
    await server.close();
  }
});
