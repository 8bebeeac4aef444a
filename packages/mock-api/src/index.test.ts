import { expect } from '@open-wc/testing';
import { getResponse, type HttpHandler } from 'msw';
import { parse } from 'yaml';
import { DEFAULT_SETTINGS, ManualClock, OPERATIONS, TEST_MODE_SETTINGS, createMockApi } from './index.js';
import { TestClient } from './http-testing.js';

const T0 = Date.parse('2026-12-01T10:00:00+01:00');

interface YamlOperation {
  operationId: string;
  method: string;
  path: string;
}

async function operationsOf(file: string): Promise<YamlOperation[]> {
  const res = await fetch(`/packages/contract/${file}`);
  expect(res.status, file).to.equal(200);
  const doc = parse(await res.text()) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const out: YamlOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (op?.operationId) out.push({ operationId: op.operationId, method: method.toUpperCase(), path });
    }
  }
  return out;
}

const sample: Record<string, string> = {
  serviceId: 'personalausweis',
  locationId: 'buergerbuero-mitte',
  officeId: 'videobuero-buergeramt',
  caseId: 'c-4711',
  chairId: '1',
};

describe('mock api: coverage of both documents', () => {
  it('lists exactly the operations of openapi.yaml and staff.yaml', async () => {
    const yaml = [...(await operationsOf('openapi.yaml')), ...(await operationsOf('staff.yaml'))];
    const key = (o: YamlOperation) => `${o.operationId} ${o.method} ${o.path}`;
    expect(OPERATIONS.map(key).sort()).to.deep.equal(yaml.map(key).sort());
  });

  it('answers every operation with its own handler (no request falls through)', async () => {
    const api = createMockApi({ clock: new ManualClock(T0), settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
    const routes = new Set(api.handlers.map((h) => `${(h as HttpHandler).info.method} ${String((h as HttpHandler).info.path)}`));
    for (const op of api.operations) expect(routes.has(`${op.method} ${op.mswPath}`), op.operationId).to.equal(true);
    for (const op of OPERATIONS) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? '00000000-0000-4000-8000-000000000000');
      const stream = op.operationId.startsWith('stream');
      const request = new Request(`http://mock.test${path}`, {
        method: op.method,
        headers: { ...(stream && { Accept: 'text/event-stream' }), ...(op.method !== 'GET' && op.method !== 'DELETE' && { 'Content-Type': 'application/json' }) },
        body: op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
      });
      const res = await getResponse(api.handlers, request);
      expect(res, op.operationId).to.be.instanceOf(Response);
      expect(res!.headers.get('X-Content-Type-Options'), op.operationId).to.equal('nosniff');
      // Without credentials or a body, every operation says why: none is a generic 404 for a missing route.
      if (res!.status === 404) expect((await res!.json()).code, op.operationId).to.not.equal(undefined);
      if (!res!.bodyUsed) await res!.body?.cancel();
    }
  });

  it('sends staff paths to the staff handlers even though `*/v1/…` would match them', async () => {
    const api = createMockApi({ clock: new ManualClock(T0), settings: TEST_MODE_SETTINGS });
    const client = new TestClient(() => api.handlers);
    const started = await client.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de' } });
    // A staff key and no bearer token: only the staff handler answers 200.
    const staff = await client.get(`/staff/v1/chat/conversations/${started.json.id}/messages`, { staffKey: api.ctx.staffKey });
    expect(staff.status).to.equal(200);
    expect(staff.json.items).to.have.length(1);
    expect(api.operations[0]!.document).to.equal('staff');
  });
});

describe('mock api: production headers', () => {
  it('sends nosniff on fault answers and on malformed catalogue ids too', async () => {
    const api = createMockApi({ clock: new ManualClock(T0), settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
    const bad = await getResponse(api.handlers, new Request('http://mock.test/v1/services/-bad'));
    expect(bad!.status).to.equal(400);
    expect(bad!.headers.get('X-Content-Type-Options')).to.equal('nosniff');
    api.faults.set({ status: 503 });
    const res = await getResponse(api.handlers, new Request('http://mock.test/v1/services'));
    expect(res!.status).to.equal(503);
    expect(res!.headers.get('X-Content-Type-Options')).to.equal('nosniff');
  });
});

describe('mock api: options and reset', () => {
  it('answers only under its base prefix when one is given', async () => {
    const api = createMockApi({ base: '/api', clock: new ManualClock(T0), settings: TEST_MODE_SETTINGS });
    const inside = await getResponse(api.handlers, new Request(`${location.origin}/api/v1/services`));
    expect(inside?.status).to.equal(200);
    expect(await getResponse(api.handlers, new Request(`${location.origin}/v1/services`))).to.equal(undefined);
    expect(api.operations.find((o) => o.operationId === 'listServices')!.mswPath).to.equal('/api/v1/services');
  });

  it('defaults to DEFAULT_SETTINGS in a browser, a manual clock for `now`, the seed’s staff key', () => {
    const api = createMockApi({ now: T0 });
    expect(api.ctx.settings).to.deep.equal(DEFAULT_SETTINGS);
    expect(api.clock.now()).to.equal(T0);
    (api.clock as ManualClock).advance(1000);
    expect(api.clock.now()).to.equal(T0 + 1000);
    expect(api.ctx.staffKey).to.equal(api.ctx.seed.town.staffKey);
    expect(createMockApi({ now: T0, staffKey: 'other-key' }).ctx.staffKey).to.equal('other-key');
    expect(createMockApi({ now: T0, variant: 'xss' }).ctx.seed.variant).to.equal('xss');
    expect(() => createMockApi({ now: T0, variant: 'evil' })).to.throw(TypeError);
  });

  it('reset(): fresh store from the seed, faults off, open streams closed, same handlers', async () => {
    const clock = new ManualClock(T0);
    const api = createMockApi({ clock, settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
    const client = new TestClient(() => api.handlers);
    const handlers = api.handlers;
    const ticket = (await client.post('/v1/queues/buergerbuero-mitte/tickets', { key: true, body: { service: 'personalausweis' } })).json;
    const stream = await client.stream(`/v1/tickets/${ticket.ticketId}/events`, { token: ticket.token });
    await stream.next();
    api.faults.set({ status: 500, match: 'getOffice' });
    const before = api.state.queues.tickets.size;
    clock.advance(60_000);
    api.reset();
    expect(await stream.ended()).to.equal(true);
    expect(api.faults.active).to.equal(undefined);
    expect(api.handlers).to.equal(handlers);
    expect(api.state.queues.tickets.size).to.equal(before - 1);
    expect(api.ctx.seed.now).to.equal(T0 + 60_000);
    expect((await client.get(`/v1/tickets/${ticket.ticketId}`, { token: ticket.token })).status).to.equal(401);
    expect((await client.get('/v1/offices/videobuero-buergeramt')).status).to.equal(200);
  });
});
