import { expect } from '@open-wc/testing';
import { ManualClock, TEST_MODE_SETTINGS, createMockApi } from './index.js';
import { TestClient } from './http-testing.js';
import { breakSchema } from './faults.js';

const T0 = Date.parse('2026-12-01T10:00:00+01:00');
const QUEUE = '/v1/queues/buergerbuero-mitte';
const OFFICE = '/v1/offices/videobuero-buergeramt';

function setup(sleep?: (ms: number) => Promise<void>) {
  const sleeps: number[] = [];
  const api = createMockApi({
    clock: new ManualClock(T0),
    settings: TEST_MODE_SETTINGS,
    pingMs: 3_600_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      await sleep?.(ms);
    },
  });
  const client = new TestClient(() => api.handlers);
  return { api, client, sleeps };
}

describe('mock faults', () => {
  it('latencyMs: waits (through the injected sleep) before every matching request, then answers normally', async () => {
    let release = () => {};
    const { api, client, sleeps } = setup(() => new Promise<void>((resolve) => (release = resolve)));
    api.faults.set({ latencyMs: 750 });
    let answered = false;
    const pending = client.get(QUEUE).then((r) => ((answered = true), r));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(sleeps).to.deep.equal([750]);
    expect(answered).to.equal(false);
    release();
    const res = await pending;
    expect(res.status).to.equal(200);
    const second = client.get(OFFICE);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    release();
    await second;
    expect(sleeps).to.deep.equal([750, 750]);
  });

  it('status 500: every matching request fails with an internal problem', async () => {
    const { api, client } = setup();
    api.faults.set({ status: 500 });
    const res = await client.get(QUEUE);
    expect(res.status).to.equal(500);
    expect(res.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(res.json).to.include({ status: 500, code: 'internal' });
    expect((await client.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de' } })).status).to.equal(500);
    expect(api.state.chat.conversations.size).to.equal(0);
  });

  it('status 503: unavailable with Retry-After and retryAfter', async () => {
    const { api, client } = setup();
    api.faults.set({ status: 503 });
    const res = await client.get(QUEUE);
    expect(res.status).to.equal(503);
    expect(res.headers.get('Retry-After')).to.equal('2');
    expect(res.json).to.include({ code: 'unavailable', retryAfter: 2 });
    api.faults.set({ status: 503, retryAfterSeconds: 120 });
    expect((await client.get(QUEUE)).headers.get('Retry-After')).to.equal('120');
  });

  it('rateLimit: 429 rate_limited with the given Retry-After', async () => {
    const { api, client } = setup();
    api.faults.set({ rateLimit: { retryAfterSeconds: 30 } });
    const res = await client.get(QUEUE);
    expect(res.status).to.equal(429);
    expect(res.headers.get('Retry-After')).to.equal('30');
    expect(res.json).to.include({ code: 'rate_limited', retryAfter: 30 });
  });

  it('malformedJson: the real answer with a body (and event data) no JSON parser accepts', async () => {
    const { api, client } = setup();
    api.faults.set({ malformedJson: true });
    const res = await client.raw(client.build('GET', QUEUE));
    expect(res.status).to.equal(200);
    expect(res.headers.get('Content-Type')).to.equal('application/json');
    const text = await res.text();
    expect(text.startsWith('{"location"')).to.equal(true);
    expect(() => JSON.parse(text)).to.throw();
    const stream = await client.stream(`${QUEUE}/events`);
    const e = await stream.next();
    expect(e?.event).to.equal('updated');
    expect(typeof e?.data).to.equal('string');
    expect(() => JSON.parse(e?.data as string)).to.throw();
    await stream.close();
  });

  it('schemaBreak: valid JSON whose members all have the wrong type', async () => {
    const { api, client } = setup();
    api.faults.set({ schemaBreak: true });
    const res = await client.get(QUEUE);
    expect(res.status).to.equal(200);
    expect(res.json.location).to.be.a('number');
    expect(res.json.open).to.be.a('string');
    expect(res.json.waitingCount).to.be.a('string');
    expect(res.json.nowServing).to.be.a('string');
    const stream = await client.stream(`${QUEUE}/events`);
    const e = await stream.next();
    expect((e?.data as { revision: unknown }).revision).to.equal('not-a-number');
    await stream.close();
    expect(breakSchema({ items: [], fee: null, ok: true, n: 1, o: {} })).to.deep.equal({ items: 'not-an-array', fee: { unexpected: 'object' }, ok: 'not-a-boolean', n: 'not-a-number', o: ['not-an-object'] });
  });

  it('dropStreams: true closes every open event stream now; new ones connect', async () => {
    const { api, client } = setup();
    const a = await client.stream(`${QUEUE}/events`);
    const b = await client.stream(`${OFFICE}/events`);
    await Promise.all([a.next(), b.next()]);
    expect(api.streams.size).to.equal(2);
    api.faults.set({ dropStreams: true });
    expect(await a.ended()).to.equal(true);
    expect(await b.ended()).to.equal(true);
    expect(api.streams.size).to.equal(0);
    const c = await client.stream(`${QUEUE}/events`);
    expect((await c.next())?.event).to.equal('updated');
    await c.close();
  });

  it('dropStreams: N also refuses the next N stream connections with a network error', async () => {
    const { api, client } = setup();
    api.faults.set({ dropStreams: 2 });
    const first = await client.raw(client.build('GET', `${QUEUE}/events`, { headers: { Accept: 'text/event-stream' } }));
    expect(first.type).to.equal('error');
    // Plain requests are not streams and pass.
    expect((await client.get(QUEUE)).status).to.equal(200);
    expect((await client.raw(client.build('GET', `${OFFICE}/events`, { headers: { Accept: 'text/event-stream' } }))).type).to.equal('error');
    expect(api.faults.refusing).to.equal(0);
    const third = await client.stream(`${QUEUE}/events`);
    expect(third.response.status).to.equal(200);
    await third.close();
  });

  it('failNext: the next N matching requests fail (500 unless a status is given), then faults clear', async () => {
    const { api, client } = setup();
    api.faults.set({ failNext: 2 });
    expect((await client.get(QUEUE)).status).to.equal(500);
    expect(api.faults.remaining).to.equal(1);
    expect((await client.get(OFFICE)).status).to.equal(500);
    expect((await client.get(QUEUE)).status).to.equal(200);
    expect(api.faults.active).to.equal(undefined);
    api.faults.set({ failNext: 1, status: 503 });
    expect((await client.get(QUEUE)).status).to.equal(503);
    expect((await client.get(QUEUE)).status).to.equal(200);
  });

  it('match: limits faults to an operationId, a path part or a RegExp', async () => {
    const { api, client } = setup();
    api.faults.set({ status: 500, match: 'getOffice' });
    expect((await client.get(OFFICE)).status).to.equal(500);
    expect((await client.get(QUEUE)).status).to.equal(200);
    api.faults.set({ status: 500, match: '/v1/queues/' });
    expect((await client.get(QUEUE)).status).to.equal(500);
    expect((await client.get(OFFICE)).status).to.equal(200);
    api.faults.set({ status: 503, match: /^get(Queue|Office)$/g });
    expect((await client.get(QUEUE)).status).to.equal(503);
    expect((await client.get(OFFICE)).status).to.equal(503);
    expect((await client.get('/v1/chat/availability')).status).to.equal(200);
    // dropStreams with match drops only the matching streams.
    const queue = await client.stream(`${QUEUE}/events`);
    const office = await client.stream(`${OFFICE}/events`);
    await Promise.all([queue.next(), office.next()]);
    api.faults.set({ dropStreams: true, match: 'streamOfficeEvents' });
    expect(await office.ended()).to.equal(true);
    expect(api.streams.size).to.equal(1);
    await queue.close();
  });

  it('clear() switches every fault off; requests outside the contract are never faulted', async () => {
    const { api, client } = setup();
    api.faults.set({ status: 500 });
    const outside = await api.faults.handler.run({ request: new Request('http://mock.test/favicon.ico'), requestId: 'x' });
    expect(outside?.response).to.equal(undefined);
    api.faults.clear();
    expect(api.faults.active).to.equal(undefined);
    expect((await client.get(QUEUE)).status).to.equal(200);
    expect(() => api.faults.set({ status: 404 as 500 })).to.throw(TypeError);
    expect(() => api.faults.set({ failNext: -1 })).to.throw(TypeError);
  });
});
