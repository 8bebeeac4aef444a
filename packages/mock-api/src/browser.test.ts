import { expect } from '@open-wc/testing';
import { TEST_MODE_SETTINGS } from './index.js';
import { startMockWorker, type MockWorker } from './browser.js';
import { EventReader } from './http-testing.js';

// Through the real msw service worker, as Storybook and widget tests use it.
const BASE = '/browser-test-api';

describe('mock api in a page (service worker)', () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({ base: BASE, settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
  });

  afterEach(() => {
    mock.worker.resetHandlers();
    mock.api.reset();
  });

  it('answers fetch under the base prefix and lets other requests through', async () => {
    const res = await fetch(`${BASE}/v1/services`, { headers: { 'Accept-Language': 'en' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('Content-Language')).to.equal('en');
    expect((await res.json()).items.length).to.be.greaterThan(0);
    const passed = await fetch('/packages/contract/staff.yaml');
    expect(passed.status).to.equal(200);
    expect(await passed.text()).to.contain('openapi: 3.1.0');
  });

  it('streams Server-Sent Events through the worker as they happen', async () => {
    const res = await fetch(`${BASE}/v1/queues/buergerbuero-mitte/events`, { headers: { Accept: 'text/event-stream' } });
    expect(res.headers.get('Content-Type')).to.match(/^text\/event-stream/);
    const reader = new EventReader(res);
    expect((await reader.next())?.event).to.equal('updated');
    const call = await fetch(`${BASE}/staff/v1/queues/buergerbuero-mitte/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Staff-Key': mock.api.ctx.staffKey },
      body: JSON.stringify({ desk: 'Platz 7' }),
    });
    expect(call.status).to.equal(200);
    const called = await reader.next();
    expect(called?.event).to.equal('called');
    expect(called?.data).to.deep.include({ desk: 'Platz 7' });
    await reader.close();
  });

  it('applies faults switched on at run time and api.reset() between tests', async () => {
    mock.api.faults.set({ status: 503, match: 'getChatAvailability' });
    const res = await fetch(`${BASE}/v1/chat/availability`);
    expect(res.status).to.equal(503);
    expect(res.headers.get('Retry-After')).to.equal('2');
    mock.api.reset();
    expect((await fetch(`${BASE}/v1/chat/availability`)).status).to.equal(200);
  });

  it('reuses the one worker of the page for a second mock API', async () => {
    const second = await startMockWorker({ base: BASE, settings: TEST_MODE_SETTINGS, staffKey: 'second-key' });
    expect(second.worker).to.equal(mock.worker);
    const denied = await fetch(`${BASE}/staff/v1/chat/conversations`, { headers: { 'X-Staff-Key': mock.api.ctx.staffKey } });
    expect(denied.status).to.equal(401);
    const ok = await fetch(`${BASE}/staff/v1/chat/conversations`, { headers: { 'X-Staff-Key': 'second-key' } });
    expect(ok.status).to.equal(200);
    // Back to the first API for the remaining tests.
    mock.worker.resetHandlers(...mock.api.handlers);
  });
});
