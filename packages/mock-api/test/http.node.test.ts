// The mock API over real HTTP (node:http): streaming SSE, CORS, bodies, faults, shutdown.
// Run: node --conditions=civic-source --import tsx --test packages/mock-api/test/*.node.test.ts
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveMockApi, CORS_ALLOW_HEADERS, type MockServer } from '../src/http.node.js';
import { ManualClock, TEST_MODE_SETTINGS } from '../src/index.js';
import { EventReader } from '../src/http-testing.js';

const T0 = Date.parse('2026-12-01T10:00:00+01:00');
const ORIGIN = 'https://www.musterstadt.de';

describe('mock API over HTTP', () => {
  let server: MockServer;

  before(async () => {
    server = await serveMockApi({ clock: new ManualClock(T0), settings: TEST_MODE_SETTINGS, corsOrigins: [ORIGIN], pingMs: 3_600_000 });
  });
  after(() => server.close());

  it('listens on loopback and answers JSON with the handlers’ status and headers', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/v1/services`, { headers: { 'Accept-Language': 'en' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-language'), 'en');
    assert.ok(((await res.json()) as { items: unknown[] }).items.length > 0);
  });

  it('passes request bodies through (JSON and multipart)', async () => {
    const seeded = server.api.ctx.seed.cases[0]!;
    const lookup = await fetch(`${server.url}/v1/cases/lookup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reference: seeded.reference, secondFactor: { kind: 'birthdate', value: seeded.secondFactor.birthdate } }),
    });
    assert.equal(lookup.status, 200);
    assert.equal(lookup.headers.get('cache-control'), 'no-store');
    const chat = (await (
      await fetch(`${server.url}/v1/chat/conversations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'http-test-start-1' },
        body: JSON.stringify({ consent: true, locale: 'de' }),
      })
    ).json()) as { id: string; token: string };
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], { type: 'application/pdf' }), 'antrag.pdf');
    const upload = await fetch(`${server.url}/v1/chat/conversations/${chat.id}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${chat.token}`, 'Idempotency-Key': 'http-test-upload-1' },
      body: form,
    });
    assert.equal(upload.status, 201);
    assert.deepEqual({ ...((await upload.json()) as object), id: 'x' }, { id: 'x', name: 'antrag.pdf', type: 'application/pdf', size: 6 });
  });

  it('streams Server-Sent Events event by event while the response stays open', async () => {
    const res = await fetch(`${server.url}/v1/queues/buergerbuero-mitte/events`, { headers: { Accept: 'text/event-stream' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(res.headers.get('x-accel-buffering'), 'no');
    const reader = new EventReader(res);
    const snapshot = await reader.next();
    assert.equal(snapshot?.event, 'updated');
    assert.equal(server.api.streams.size, 1);
    const call = await fetch(`${server.url}/staff/v1/queues/buergerbuero-mitte/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Staff-Key': server.api.ctx.staffKey },
      body: JSON.stringify({ desk: 'Platz 2' }),
    });
    assert.equal(call.status, 200);
    const called = await reader.next();
    assert.equal(called?.event, 'called');
    assert.equal((called?.data as { desk: string }).desk, 'Platz 2');
    await reader.close();
    // The server notices the client went away and closes the stream on its side.
    for (let i = 0; i < 50 && server.api.streams.size > 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(server.api.streams.size, 0);
  });

  it('answers a CORS preflight from an allowed origin with methods, headers and max age', async () => {
    const res = await fetch(`${server.url}/v1/chat/conversations`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, PATCH, DELETE, OPTIONS');
    assert.equal(res.headers.get('access-control-allow-headers'), CORS_ALLOW_HEADERS);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Last-Event-ID/);
    assert.equal(res.headers.get('access-control-max-age'), '600');
    assert.equal(res.headers.get('vary'), 'Origin');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  it('gives no CORS permission to other origins, and exposes the contract’s headers to allowed ones', async () => {
    const foreign = await fetch(`${server.url}/v1/services`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.equal(foreign.headers.get('access-control-allow-methods'), null);
    const allowed = await fetch(`${server.url}/v1/services`, { headers: { Origin: ORIGIN } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(allowed.headers.get('access-control-expose-headers'), 'Content-Language, Content-Disposition, Idempotent-Replayed, Location, Retry-After');
  });

  it('never gives CORS permission for staff paths', async () => {
    const preflight = await fetch(`${server.url}/staff/v1/chat/conversations`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-methods'), null);
    const res = await fetch(`${server.url}/staff/v1/chat/conversations`, { headers: { Origin: ORIGIN, 'X-Staff-Key': server.api.ctx.staffKey } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('answers 404 not_found for paths outside the contract', async () => {
    const res = await fetch(`${server.url}/v2/nothing`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await res.json()) as { code: string }).code, 'not_found');
  });

  it('drops the connection for a refused stream (fault injection)', async () => {
    server.api.faults.set({ dropStreams: 1 });
    await assert.rejects(fetch(`${server.url}/v1/offices/videobuero-buergeramt/events`, { headers: { Accept: 'text/event-stream' } }).then((r) => r.text()));
    const res = await fetch(`${server.url}/v1/offices/videobuero-buergeramt/events`, { headers: { Accept: 'text/event-stream' } });
    assert.equal(res.status, 200);
    await res.body?.cancel();
    server.api.faults.clear();
  });
});

describe('mock API server lifecycle', () => {
  it('allows every origin by default and ends open streams on close()', async () => {
    const server = await serveMockApi({ now: T0, settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
    const any = await fetch(`${server.url}/v1/services`, { headers: { Origin: 'https://anywhere.example' } });
    assert.equal(any.headers.get('access-control-allow-origin'), '*');
    const res = await fetch(`${server.url}/v1/queues/buergerbuero-mitte/events`, { headers: { Accept: 'text/event-stream' } });
    const reader = new EventReader(res);
    await reader.next();
    await server.close();
    // Ended by the server: no further event (the end may surface as a terminated read).
    const ended = await reader.next().then((e) => e === undefined, () => true);
    assert.equal(ended, true);
    await assert.rejects(fetch(`${server.url}/v1/services`));
  });

  it('sends the keep-alive comment of an idle stream at once over the wire', async () => {
    const pings: (() => void)[] = [];
    const server = await serveMockApi({
      now: T0,
      settings: TEST_MODE_SETTINGS,
      pingMs: 20_000,
      interval: (fn, ms) => {
        assert.equal(ms, 20_000);
        pings.push(fn);
        return () => pings.splice(pings.indexOf(fn), 1);
      },
    });
    const res = await fetch(`${server.url}/v1/offices/videobuero-buergeramt/events`, { headers: { Accept: 'text/event-stream' } });
    const reader = new EventReader(res);
    await reader.next();
    assert.equal(pings.length, 1);
    pings[0]!();
    // The ping is a comment: the next event after it is a real one, and the ping is in the raw text.
    server.api.state.queues.setChair(server.api.state.queues.offices.get('videobuero-buergeramt')!, '7', true);
    assert.equal((await reader.next())?.event, 'updated');
    assert.match(reader.raw, /\n: ping\n\n/);
    await reader.close();
    for (let i = 0; i < 50 && pings.length > 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(pings.length, 0);
    await server.close();
  });
});
