/**
 * Request bodies and parameters the server must refuse before they reach storage: bodies larger
 * than the limits also when the client streams them without Content-Length (nothing is read past
 * the limit), and NUL characters and lone surrogates (PostgreSQL cannot store them; they must be a
 * 400, never a 500).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { officeHoursClock } from '../../contract/conformance/test/targets.js';
import { api, pgliteServer, TestClock, type TestServer } from './helpers.js';

/** Streams `total` bytes of `fill` as a chunked body (no Content-Length); resolves with the status. */
function streamBody(url: string, path: string, headers: Record<string, string>, total: number, fill: string): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.from(fill.repeat(64 * 1024).slice(0, 64 * 1024));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('server input limits', () => {
  let s: TestServer;
  before(async () => {
    // Next Tuesday 10:00 in Musterstadt: the chat desk (the upload test starts a conversation) is
    // open whatever the hour of the run.
    const clock = new TestClock();
    clock.offset = officeHoursClock().now() - Date.now();
    s = await pgliteServer({ clock, env: { CIVIC_TEST_MODE: '1' } });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('refuses a streamed JSON body beyond 256 KiB with 413 without reading all of it', async () => {
    const r = await streamBody(s.url!, '/v1/cases/lookup', { 'Content-Type': 'application/json' }, 64 * 1024 * 1024, ' ');
    assert.equal(r.status, 413);
    assert.ok(r.sent < 64 * 1024 * 1024, `the server answered before the 64 MiB were sent (sent ${r.sent} bytes)`);
  });

  it('refuses a streamed upload beyond 12 MiB with 413', async () => {
    const start = await api(s.url!, 'POST', '/v1/chat/conversations', { body: { consent: true, locale: 'de' } });
    assert.equal(start.status, 201, start.text);
    const c = start.body as { id: string; token: string };
    const r = await streamBody(
      s.url!,
      `/v1/chat/conversations/${c.id}/attachments`,
      { Authorization: `Bearer ${c.token}`, 'Idempotency-Key': 'input-limit-upload', 'Content-Type': 'multipart/form-data; boundary=x' },
      256 * 1024 * 1024,
      'a',
    );
    assert.equal(r.status, 413);
    assert.ok(r.sent < 256 * 1024 * 1024, `the server answered before 256 MiB were sent (sent ${r.sent} bytes)`);
  });

  it('answers NUL characters in a JSON body, a query or a path with 400, never 500', async () => {
    const lookup = await api(s.url!, 'POST', '/v1/cases/lookup', { body: { reference: 'BA-2026\u0000-0042', secondFactor: { kind: 'passcode', value: 'x\u0000' } } });
    assert.equal(lookup.status, 400, lookup.text);
    assert.deepEqual([(lookup.body as { code: string }).code, (lookup.body as { errors: { pointer: string }[] }).errors[0]!.pointer], ['validation_failed', '/reference']);
    const search = await api(s.url!, 'GET', '/v1/services?q=pass%00');
    assert.equal(search.status, 400, search.text);
    const service = await api(s.url!, 'GET', '/v1/services/pass%00port');
    assert.equal(service.status, 400, service.text);
  });

  it('answers lone surrogates in a JSON body with 400, never 500 (case, queue and chat texts: the XSS corpus)', async () => {
    const staff = { 'X-Staff-Key': s.ctx.staffKey };
    const caseUpdate = await api(s.url!, 'POST', '/staff/v1/cases/c-4711/updates', { headers: staff, body: { history: { title: 'Familie \ud83d' } } });
    assert.equal(caseUpdate.status, 400, caseUpdate.text);
    const error = (caseUpdate.body as { errors: { pointer: string; detail: string }[] }).errors[0]!;
    assert.deepEqual([error.pointer, error.detail], ['/history/title', 'must not contain lone surrogates (invalid Unicode)']);
    const ticker = await api(s.url!, 'PATCH', '/staff/v1/queues/buergerbuero-mitte', { headers: staff, body: { ticker: '\udc00 Hinweis' } });
    assert.equal(ticker.status, 400, ticker.text);
    const key = await api(s.url!, 'POST', '/v1/cases/lookup', { body: { reference: 'MS-2026-004711', secondFactor: { kind: 'birthdate', value: '1984-03-12' }, ['x\ud800']: 1 } });
    assert.equal(key.status, 400, key.text);
    // A well-formed pair (an emoji) is fine.
    const emoji = await api(s.url!, 'PATCH', '/staff/v1/queues/buergerbuero-mitte', { headers: staff, body: { ticker: 'Familie 👩‍👩‍👧‍👦 🇩🇪' } });
    assert.equal(emoji.status, 200, emoji.text);
  });
});
