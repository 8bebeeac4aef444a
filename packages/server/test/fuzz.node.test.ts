/**
 * Fuzzing (fast-check): requests with arbitrary path parameters, query values, headers and JSON
 * bodies — shaped after each operation's parameters and body properties — never get a 5xx, and
 * every error is a problem document with a code.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { Contract } from '@civic-elements/server';
import { pgliteServer, type TestServer } from './helpers.js';

const contract = new Contract();

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('personalausweis', 'buergerbuero-mitte', '2026-12-07', '2026-12-07T09:30:00+01:00', 'in_person', '00000000-0000-4000-8000-000000000000', 'a@b.de', ''),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }));
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('personalausweis', '-x', '12', '2026-02-30', 'personalausweis:2,reisepass', '%', '..', 'ü'));

describe('server: fuzzed requests never produce a 5xx', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer();
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('holds for every operation', async () => {
    const ops = contract.operations;
    const request = fc.record({
      op: fc.constantFrom(...ops),
      path: fc.dictionary(fc.constantFrom('serviceId', 'locationId', 'holdId', 'bookingId', 'caseId', 'blockId'), text),
      query: fc.array(fc.tuple(fc.constantFrom('services', 'from', 'to', 'type', 'location', 'q', 'service', 'after'), text), { maxLength: 4 }),
      key: fc.option(fc.oneof(fc.string({ maxLength: 140 }), fc.uuid()), { nil: undefined }),
      lastEventId: fc.option(text, { nil: undefined }),
      token: fc.option(fc.string({ minLength: 1, maxLength: 60 }).filter((t) => /^[\x21-\x7e]+$/.test(t)), { nil: undefined }),
      body: fc.option(fc.oneof(value, fc.string({ maxLength: 50 })), { nil: undefined }),
      rawBody: fc.boolean(),
      staff: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = r.op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.path[name] ?? 'x'));
        const query = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = { 'Accept-Language': 'de' };
        if (r.key !== undefined && /^[\x20-\x7e]*$/.test(r.key)) headers['Idempotency-Key'] = r.key;
        if (r.lastEventId !== undefined && /^[\x20-\x7e]*$/.test(r.lastEventId)) headers['Last-Event-ID'] = r.lastEventId;
        if (r.token) headers.Authorization = `Bearer ${r.token}`;
        if (r.staff) headers['X-Staff-Key'] = s.ctx.staffKey;
        let body: string | undefined;
        if (r.body !== undefined && r.op.method !== 'GET') {
          body = r.rawBody && typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
          headers['Content-Type'] = 'application/json';
        }
        const res = await fetch(`${s.url}${path}${query ? `?${query}` : ''}`, { method: r.op.method, headers, ...(body !== undefined && { body }), signal: AbortSignal.timeout(10_000) });
        const type = res.headers.get('Content-Type') ?? '';
        const text = type.startsWith('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
        assert.ok(res.status < 500, `${r.op.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
        if (res.status >= 400 && res.status !== 405) {
          assert.equal(type, 'application/problem+json');
          assert.equal(typeof (JSON.parse(text) as { code?: unknown }).code, 'string');
        }
      }),
      { numRuns: 400 },
    );
  });
});
