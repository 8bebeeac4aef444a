/**
 * The reference server's own behaviour (beyond what the conformance suite checks): validation and
 * the order of checks, CORS, health, configuration, persistence across restarts, idempotency in
 * the database, hold expiry with the waiting list, staff blocks, the booking limit, logs without
 * personal data, and no overselling under concurrency — on PGlite and on two server instances
 * sharing one real PostgreSQL.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { configFromEnv, ConfigError } from '@civic-elements/server';
import { batchedWriter, jsonLogger } from '../src/log.js';
import { ORIGIN, TestClock, api, book, caseToken, contact, firstSlot, hold, idemKey, openStream, pgliteServer, TEST_HOLD_TTL_SECONDS, postgresServer, startPostgres, type Postgres, type TestServer } from './helpers.js';

describe('server: configuration', () => {
  it('reads the documented settings and refuses malformed ones', () => {
    const c = configFromEnv({ PORT: '9000', CIVIC_TEST_MODE: '1', CIVIC_CORS_ORIGINS: 'https://a.example, https://b.example/', CIVIC_BOOKING_LIMIT: '2' }, '/srv');
    assert.equal(c.port, 9000);
    assert.deepEqual(c.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.deepEqual(c.settings, { powDifficulty: 1, rateLimits: false, holdTtlSeconds: 5 });
    assert.equal(c.bookingLimit, 2);
    assert.equal(c.dataDir, '/srv/.civic-data');
    assert.equal(configFromEnv({}).corsOrigins, '*');
    assert.equal(configFromEnv({}).port, 8787);
    assert.throws(() => configFromEnv({ PORT: 'x' }), ConfigError);
    assert.throws(() => configFromEnv({ CIVIC_CORS_ORIGINS: 'not an origin' }), ConfigError);
    assert.throws(() => configFromEnv({ DATABASE_URL: 'mysql://x' }), ConfigError);
    assert.throws(() => configFromEnv({ CIVIC_RATE_LIMITS: 'sometimes' }), ConfigError);
  });
});

describe('server: log lines', () => {
  it('the lines of one turn go out in one write, in order, whole; a flush writes what is left at once', () => {
    const writes: string[] = [];
    const scheduled: (() => void)[] = [];
    const w = batchedWriter({ write: (text) => writes.push(text) }, (flush) => scheduled.push(flush));
    w.write('{"a":1}');
    w.write('{"b":2}');
    assert.deepEqual(writes, []);
    assert.equal(scheduled.length, 1, 'one flush scheduled for the turn');
    scheduled.shift()!();
    assert.deepEqual(writes, ['{"a":1}\n{"b":2}\n']);
    w.write('{"c":3}');
    assert.equal(scheduled.length, 1);
    w.flush(); // e.g. on exit, before the scheduled flush ran
    assert.deepEqual(writes, ['{"a":1}\n{"b":2}\n', '{"c":3}\n']);
    scheduled.shift()!();
    assert.equal(writes.length, 2, 'nothing written twice');
  });

  it('the JSON logger writes one line per event with time, level and fields', () => {
    const lines: string[] = [];
    const log = jsonLogger((line) => lines.push(line));
    log.request({ operationId: 'getAvailability', status: 200, ms: 3 });
    log.info('storage_ready', { storage: 'pglite' });
    assert.equal(lines.length, 2);
    const first = JSON.parse(lines[0]!);
    assert.deepEqual({ ...first, t: undefined }, { t: undefined, level: 'info', event: 'request', operationId: 'getAvailability', status: 200, ms: 3 });
    assert.ok(!Number.isNaN(Date.parse(first.t)));
  });
});

describe('server on PGlite', () => {
  let s: TestServer;
  const logs: string[] = [];
  before(async () => {
    s = await pgliteServer({ log: { info: (e, f) => logs.push(JSON.stringify({ e, ...f })), error: (e, f) => logs.push(JSON.stringify({ e, ...f })), request: (f) => logs.push(JSON.stringify(f)) } });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('answers /healthz with the storage kind', async () => {
    const r = await api(s.url, 'GET', '/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: 'ok', storage: 'pglite' });
  });

  it('rejects bad input with 400 problem+json naming where, and unknown paths with 404', async () => {
    const q = await api(s.url, 'GET', '/v1/availability?services=personalausweis&from=2026-02-30');
    assert.equal(q.status, 400);
    assert.equal(q.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(q.body.code, 'validation_failed');
    assert.deepEqual(q.body.errors.map((e: { in: string; parameter: string }) => [e.in, e.parameter]), [['query', 'from']]);
    const b = await api(s.url, 'POST', '/v1/holds', { body: { location: 'x', extra: 1 } });
    assert.equal(b.status, 400);
    assert.ok(b.body.errors.some((e: { pointer: string; detail: string }) => e.pointer === '/extra' && e.detail === 'is not allowed'));
    assert.ok(b.body.errors.some((e: { pointer: string }) => e.pointer === '/proof'));
    const noKey = await api(s.url, 'POST', '/v1/waitlist', { key: false, body: {} });
    assert.ok(noKey.body.errors.some((e: { in: string; parameter: string }) => e.in === 'header' && e.parameter === 'Idempotency-Key'));
    const unparsable = await fetch(`${s.url}/v1/bookings`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idemKey() }, body: '{"holdId": ' });
    assert.equal(unparsable.status, 400);
    assert.equal(((await unparsable.json()) as { code: string }).code, 'bad_request');
    const missing = await api(s.url, 'GET', '/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    const method = await api(s.url, 'PUT', '/v1/services');
    assert.equal(method.status, 405);
  });

  it('checks authentication before the schema (no existence oracle)', async () => {
    const r = await api(s.url, 'GET', '/v1/bookings/not-a-uuid');
    assert.equal(r.status, 401);
    assert.equal(r.body.code, 'unauthorized');
    const staff = await api(s.url, 'POST', '/staff/v1/blocks', { body: { nonsense: true } });
    assert.equal(staff.status, 401);
  });

  it('sends CORS permission to configured origins only, never for staff paths', async () => {
    const ok = await fetch(`${s.url}/v1/services`, { headers: { Origin: ORIGIN } });
    assert.equal(ok.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.match(ok.headers.get('Access-Control-Expose-Headers') ?? '', /Idempotent-Replayed/);
    assert.equal(ok.headers.get('Access-Control-Allow-Credentials'), null);
    const other = await fetch(`${s.url}/v1/services`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
    const pre = await fetch(`${s.url}/v1/holds`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);
    assert.equal(pre.headers.get('Access-Control-Max-Age'), '600');
    const staff = await fetch(`${s.url}/staff/v1/blocks`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(staff.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('stores idempotency keys: same key replays, another body is a mismatch', async () => {
    const slot = await firstSlot(s.url);
    const key = idemKey();
    const h = await hold(s.url, slot);
    assert.equal(h.status, 201);
    const first = await book(s.url, h.body.holdId, { key, email: 'idem@example.org' });
    assert.equal(first.status, 201);
    const again = await book(s.url, h.body.holdId, { key, email: 'idem@example.org' });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const other = await book(s.url, h.body.holdId, { key, email: 'other@example.org' });
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency_mismatch');
    const count = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE email_key = $1', ['idem@example.org']);
    assert.equal(count.rows[0]!.n, 1);
  });

  it('never oversells a slot to concurrent holds; losers get 409 slot_taken with alternatives', async () => {
    const slot = await firstSlot(s.url);
    const results = await Promise.all(Array.from({ length: slot.seats + 6 }, () => hold(s.url, slot)));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    assert.equal(won.length, slot.seats);
    assert.equal(lost.length, 6);
    for (const r of lost) {
      assert.equal(r.body.code, 'slot_taken');
      assert.ok(r.body.alternatives.length > 0 && r.body.alternatives.every((a: { start: string }) => a.start !== slot.start));
    }
    const later = await firstSlot(s.url);
    assert.notEqual(later.start === slot.start && later.location === slot.location, true, 'availability shows the full slot as gone at once');
  });

  it('expires holds, frees their seats and tells the waiting list', async () => {
    const slot = await firstSlot(s.url);
    const held = await Promise.all(Array.from({ length: slot.seats }, () => hold(s.url, slot)));
    assert.ok(held.every((r) => r.status === 201));
    const date = slot.start.slice(0, 10);
    const w = await api(s.url, 'POST', '/v1/waitlist', { body: { services: [{ id: 'personalausweis', qty: 1 }], location: slot.location, from: date, to: date, email: 'wait@example.org', consent: true } });
    assert.equal(w.status, 201);
    s.clock.advance((TEST_HOLD_TTL_SECONDS + 1) * 1000);
    const ext = await api(s.url, 'POST', `/v1/holds/${held[0]!.body.holdId}/extend`);
    assert.equal(ext.status, 409);
    assert.equal(ext.body.code, 'hold_expired');
    const seats = await s.db.query<{ used: number }>('SELECT used FROM slot_units WHERE location_id = $1 AND start_ms = $2', [slot.location, Date.parse(slot.start)]);
    assert.equal(seats.rows[0]!.used, 0);
    const notes = await s.db.query<{ recipient: string }>("SELECT recipient FROM notifications WHERE kind = 'waitlist_slot_free'");
    assert.ok(notes.rows.some((n) => n.recipient === 'wait@example.org'));
  });

  it('keeps the per-e-mail booking limit', async () => {
    const limit = s.seed.town.bookingLimitPerEmail;
    const email = 'limit@example.org';
    for (let i = 0; i <= limit; i++) {
      const slot = await firstSlot(s.url);
      const h = await hold(s.url, slot);
      const b = await book(s.url, h.body.holdId, { email });
      if (i < limit) assert.equal(b.status, 201);
      else {
        assert.equal(b.status, 422);
        assert.equal(b.body.code, 'booking_limit_reached');
        assert.equal(b.body.limit, limit);
      }
    }
  });

  it('a staff block cancels overlapping bookings, notifies them and closes the slot', async () => {
    const slot = await firstSlot(s.url);
    const h = await hold(s.url, slot);
    const b = await book(s.url, h.body.holdId, { email: 'blocked@example.org' });
    assert.equal(b.status, 201);
    const from = slot.start;
    const to = new Date(Date.parse(slot.start) + 60_000).toISOString();
    const block = await api(s.url, 'POST', '/staff/v1/blocks', { headers: { 'X-Staff-Key': s.ctx.staffKey }, body: { location: slot.location, from, to, reason: 'Stromausfall' } });
    assert.equal(block.status, 201);
    assert.ok(block.body.cancelledBookings.some((c: { id: string; notified: boolean }) => c.id === b.body.id && c.notified));
    const view = await api(s.url, 'GET', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken });
    assert.equal(view.body.status, 'cancelled');
    assert.equal(view.body.cancelledBy, 'office');
    const again = await hold(s.url, slot);
    assert.equal(again.status, 409);
    const notes = await s.db.query<{ recipient: string }>("SELECT recipient FROM notifications WHERE kind = 'booking_cancelled_by_office'");
    assert.ok(notes.rows.some((n) => n.recipient === 'blocked@example.org'));
    const released = await api(s.url, 'DELETE', `/staff/v1/blocks/${block.body.id}`, { headers: { 'X-Staff-Key': s.ctx.staffKey } });
    assert.equal(released.status, 204);
    assert.equal((await hold(s.url, slot)).status, 201);
  });

  it('serves an RFC 5545 calendar entry for a booking', async () => {
    const slot = await firstSlot(s.url, 'personalausweis', s.clock.now() + 3 * 86_400_000);
    const h = await hold(s.url, slot);
    const b = await book(s.url, h.body.holdId, { email: 'ics@example.org' });
    const r = await api(s.url, 'GET', `/v1/bookings/${b.body.id}/ics`, { token: b.body.manageToken });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('Content-Type') ?? '', /^text\/calendar/);
    assert.match(r.text, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(r.text.includes(`UID:${b.body.id}@`));
    assert.ok(r.text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75));
    const cancel = await api(s.url, 'DELETE', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken });
    assert.equal(cancel.status, 204);
    const after = await api(s.url, 'GET', `/v1/bookings/${b.body.id}/ics`, { token: b.body.manageToken });
    assert.match(after.text, /STATUS:CANCELLED/);
    assert.match(after.text, /SEQUENCE:1/);
  });

  it('streams case updates made by staff, resumes by revision, and refuses a wrong token', async () => {
    const c = s.seed.cases[0]!;
    const { caseId, accessToken } = await caseToken(s.url, c);
    const wrong = await api(s.url, 'GET', `/v1/cases/${caseId}`, { token: 'cat_wrong' });
    assert.equal(wrong.status, 401);
    const miss = await api(s.url, 'POST', '/v1/cases/lookup', { key: false, body: { reference: c.reference, secondFactor: { kind: 'birthdate', value: '1900-01-01' } } });
    assert.equal(miss.status, 404);
    assert.equal(miss.body.code, 'case_not_found');
    const stream = await openStream(`${s.url}/v1/cases/${caseId}/events`, { Authorization: `Bearer ${accessToken}` });
    assert.equal(stream.status, 200);
    const snapshot = await stream.next();
    assert.equal(snapshot.event, 'case.updated');
    const revision = Number(snapshot.id);
    const up = await api(s.url, 'POST', `/staff/v1/cases/${caseId}/updates`, { key: false, headers: { 'X-Staff-Key': s.ctx.staffKey }, body: { history: { title: 'Unterlagen geprüft' } } });
    assert.equal(up.status, 200);
    const change = await stream.next((e) => e.event === 'case.updated');
    assert.equal(Number(change.id), revision + 1);
    assert.equal(change.data.history[0].title, 'Unterlagen geprüft');
    stream.close();
    // Resuming with the current revision sends no snapshot; the next change arrives.
    const resumed = await openStream(`${s.url}/v1/cases/${caseId}/events`, { Authorization: `Bearer ${accessToken}`, 'Last-Event-ID': String(revision + 1) });
    await api(s.url, 'POST', `/staff/v1/cases/${caseId}/updates`, { key: false, headers: { 'X-Staff-Key': s.ctx.staffKey }, body: { history: { title: 'Bescheid erstellt' } } });
    const first = await resumed.next();
    assert.equal(Number(first.id), revision + 2);
    resumed.close();
  });

  it('writes no personal data to its logs', () => {
    const all = logs.join('\n');
    assert.ok(logs.some((l) => l.includes('createBooking')), 'requests are logged');
    for (const secret of [contact.name, 'erika', '@example.org', 'Bearer', 'mt_', 'MS-']) assert.ok(!all.includes(secret), `logs contain ${secret}`);
  });
});

describe('server on PGlite: rate limits', () => {
  it('answers 429 with Retry-After once a client used up its window, and limits guesses per case reference', async () => {
    const s = await pgliteServer({ env: { CIVIC_RATE_LIMITS: 'on' } });
    try {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<typeof api>> | undefined;
      for (let i = 0; i < 61; i++) {
        const r = await api(s.url, 'GET', '/v1/antibot/challenge');
        statuses.push(r.status);
        if (r.status === 429) limited = r;
      }
      assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
      assert.ok(limited, 'the 61st challenge in a minute is refused');
      assert.equal(limited.body.code, 'rate_limited');
      const wait = Number(limited.headers.get('Retry-After'));
      assert.ok(wait >= 1 && wait <= 60);
      assert.equal(limited.body.retryAfter, wait);
      s.clock.advance(61_000);
      assert.equal((await api(s.url, 'GET', '/v1/antibot/challenge')).status, 200);
      // Guessing a case's second factor: 5 failed attempts per reference, then 429 even for the right one.
      const c = s.seed.cases[0]!;
      const guess = (value: string) => api(s.url, 'POST', '/v1/cases/lookup', { key: false, body: { reference: c.reference, secondFactor: { kind: 'birthdate', value } } });
      for (let i = 0; i < 5; i++) assert.equal((await guess(`1900-01-0${i + 1}`)).status, 404);
      const blocked = await guess(c.secondFactor.birthdate);
      assert.equal(blocked.status, 429);
      assert.ok(Number(blocked.headers.get('Retry-After')) > 0);
      s.clock.advance(15 * 60_000);
      assert.equal((await guess(c.secondFactor.birthdate)).status, 200);
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});

describe('server on PGlite: shutdown', () => {
  it('ends open event streams and then stops', async () => {
    const s = await pgliteServer();
    try {
      const { caseId, accessToken } = await caseToken(s.url, s.seed.cases[0]!);
      const stream = await openStream(`${s.url}/v1/cases/${caseId}/events`, { Authorization: `Bearer ${accessToken}` });
      await stream.next();
      assert.equal(s.bus.streams, 1);
      const closing = s.close();
      assert.equal(await stream.ended(), true);
      await closing;
      await assert.rejects(fetch(`${s.url}/healthz`));
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  });
});

describe('server on PGlite: restart', () => {
  it('keeps bookings and seats in its data directory across a restart', async () => {
    const clock = new TestClock();
    const first = await pgliteServer({ clock });
    let booking: { id: string; manageToken: string; start: string; location: string };
    try {
      const slot = await firstSlot(first.url);
      const h = await hold(first.url, slot);
      booking = (await book(first.url, h.body.holdId)).body;
    } finally {
      await first.close();
    }
    const second = await pgliteServer({ dataDir: first.dataDir, clock });
    try {
      const r = await api(second.url, 'GET', `/v1/bookings/${booking.id}`, { token: booking.manageToken });
      assert.equal(r.status, 200);
      assert.equal(r.body.start, booking.start);
      const units = await second.db.query<{ used: number }>('SELECT used FROM slot_units WHERE location_id = $1 AND start_ms = $2', [booking.location, Date.parse(booking.start)]);
      assert.equal(units.rows[0]!.used, 1);
      assert.deepEqual(second.seed.horizon, first.seed.horizon, 'the seed is materialised against the first start');
    } finally {
      await second.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});

describe('two servers sharing one PostgreSQL', () => {
  let pgc: Postgres;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    pgc = await startPostgres();
    const url = await pgc.database();
    const clock = new TestClock();
    a = await postgresServer(url, { clock });
    b = await postgresServer(url, { clock, env: { CIVIC_SECRET: 'test-secret-0123456789' } });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await pgc?.stop();
  });

  it('answers /healthz with postgres', async () => {
    assert.deepEqual((await api(a.url, 'GET', '/healthz')).body, { status: 'ok', storage: 'postgres' });
  });

  it('never double-books: concurrent holds and bookings through both instances fill exactly the seats', async () => {
    const slot = await firstSlot(a.url);
    const tries = slot.seats + 10;
    const holds = await Promise.all(Array.from({ length: tries }, (_, i) => hold(i % 2 ? a.url : b.url, slot)));
    const won = holds.filter((r) => r.status === 201);
    assert.equal(won.length, slot.seats);
    assert.ok(holds.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'slot_taken'));
    const bookings = await Promise.all(won.map((h, i) => book(i % 2 ? a.url : b.url, h.body.holdId, { email: `pg${i}@example.org` })));
    assert.ok(bookings.every((r) => r.status === 201));
    const used = await a.db.query<{ used: number; capacity: number }>('SELECT used, capacity FROM slot_units WHERE location_id = $1 AND start_ms = $2', [slot.location, Date.parse(slot.start)]);
    assert.equal(used.rows[0]!.used, slot.seats);
  });

  it('one idempotency key creates one booking even when sent to both instances at once', async () => {
    const slot = await firstSlot(a.url);
    const h = await hold(a.url, slot);
    const key = idemKey();
    const [x, y] = await Promise.all([book(a.url, h.body.holdId, { key, email: 'twice@example.org' }), book(b.url, h.body.holdId, { key, email: 'twice@example.org' })]);
    assert.equal(x.status, 201);
    assert.equal(y.status, 201);
    assert.equal(x.body.id, y.body.id);
    const n = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE email_key = $1', ['twice@example.org']);
    assert.equal(n.rows[0]!.n, 1);
  });

  it('fans a case update out to a stream on the other instance (LISTEN/NOTIFY)', async () => {
    const c = a.seed.cases[0]!;
    const { caseId, accessToken } = await caseToken(a.url, c);
    const stream = await openStream(`${a.url}/v1/cases/${caseId}/events`, { Authorization: `Bearer ${accessToken}` });
    const snapshot = await stream.next();
    const up = await api(b.url, 'POST', `/staff/v1/cases/${caseId}/updates`, { key: false, headers: { 'X-Staff-Key': b.ctx.staffKey }, body: { status: { code: 'in_pruefung', label: 'In Prüfung' } } });
    assert.equal(up.status, 200);
    const change = await stream.next((e) => e.event === 'case.updated');
    assert.equal(Number(change.id), Number(snapshot.id) + 1);
    assert.equal(change.data.status.label, 'In Prüfung');
    stream.close();
  });

  it('the booking limit per e-mail holds across instances under concurrency', async () => {
    const limit = a.seed.town.bookingLimitPerEmail;
    const slots: { start: string; location: string }[] = [];
    const avail = (await api(a.url, 'GET', '/v1/availability?services=personalausweis')).body as { days: { slots: { start: string; location: string; seats: number }[] }[] };
    for (const s of avail.days.flatMap((d) => d.slots)) if (slots.length < limit + 3 && !slots.some((x) => Math.abs(Date.parse(x.start) - Date.parse(s.start)) < 2 * 3_600_000)) slots.push(s);
    const holds = await Promise.all(slots.map((slot) => hold(a.url, slot)));
    const results = await Promise.all(holds.map((h, i) => book(i % 2 ? a.url : b.url, h.body.holdId, { email: 'Race@Example.org' })));
    assert.deepEqual(holds.map((h) => h.status), holds.map(() => 201));
    assert.equal(results.filter((r) => r.status === 201).length, limit);
    assert.deepEqual(results.filter((r) => r.status !== 201).map((r) => r.body.code), Array(slots.length - limit).fill('booking_limit_reached'));
  });
});
