/**
 * Queues, tickets and virtual offices on the reference server: two staff calling at once never
 * call one ticket twice (PGlite; PostgreSQL with two server processes sharing the database),
 * ticket numbers are unique per place and day, streams send calls across processes and resume
 * with Last-Event-ID, ticket holders get position updates, `called` and e-mails, office calls
 * show the join link only to the holder, ticket creation is rate limited, retention removes
 * tickets, fuzzed requests to these operations never get a 5xx, and the shared simulator runs
 * against the server without an error.
 *
 * The clock is set to a Tuesday 10:00 in Musterstadt before each server starts (the seed is
 * materialised against it), so queue and video office are open.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '@civic-elements/simulator';
import { Contract } from '@civic-elements/server';
import fc from 'fast-check';
import { readMail } from '../src/notifier.js';
import { officeHoursClock } from '../../contract/conformance/test/targets.js';
import { api, openStream, pgliteServer, postgresServer, startPostgres, TestClock, type Postgres, type TestServer } from './helpers.js';

const MITTE = 'buergerbuero-mitte';
const OFFICE = 'videobuero-buergeramt';
const MINUTE = 60_000;

/** Next Tuesday 10:00 in Musterstadt at real speed (the conformance targets' clock): queue and video office are open. */
function openClock(): TestClock {
  const clock = new TestClock();
  clock.offset = officeHoursClock().now() - Date.now();
  return clock;
}

const staff = (s: TestServer) => ({ 'X-Staff-Key': s.ctx.staffKey });
const call = (s: TestServer, desk: string, serviceId?: string) => api(s.url, 'POST', `/staff/v1/queues/${MITTE}/call`, { key: false, headers: staff(s), body: { desk, ...(serviceId && { serviceId }) } });
const take = (s: TestServer, body: Record<string, unknown> = { service: 'personalausweis' }) => api(s.url, 'POST', `/v1/queues/${MITTE}/tickets`, { body });

/** Takes `n` tickets at once, then two staff (one per server) call 2·n times at once: every waiting ticket is called exactly once. */
async function callConcurrently(a: TestServer, b: TestServer, n: number): Promise<void> {
  const before = (await api(a.url, 'GET', `/v1/queues/${MITTE}`)).body as { waitingCount: number };
  const taken = await Promise.all(Array.from({ length: n }, (_, i) => (i % 2 ? take(b) : take(a))));
  assert.deepEqual(taken.map((r) => r.status), Array(n).fill(201));
  const numbers = taken.map((r) => r.body.number as string);
  assert.equal(new Set(numbers).size, n, 'ticket numbers taken at once are all different');
  const waiting = before.waitingCount + n;
  const answers = await Promise.all(Array.from({ length: 2 * n }, (_, i) => (i % 2 ? call(b, 'Schalter 2') : call(a, 'Schalter 1'))));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  const called = answers.map((r) => r.body.ticket as { id: string; number: string; state: string } | null).filter((t) => t !== null);
  assert.equal(called.length, Math.min(waiting, 2 * n), 'every waiting ticket was called');
  assert.equal(new Set(called.map((t) => t.id)).size, called.length, 'no ticket was called twice');
  assert.ok(called.every((t) => t.state === 'called'));
  for (const n of numbers) assert.ok(called.some((t) => t.number === n), `${n} was called`);
  const rows = await a.db.query<{ n: number }>("SELECT count(*)::int AS n FROM tickets WHERE kind = 'queue' AND place = $1 AND state = 'waiting'", [MITTE]);
  assert.equal(Number(rows.rows[0]!.n), 0);
}

describe('queues on PGlite', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ clock: openClock() });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('numbers tickets per prefix after the seed and refuses a second ticket with the same number that day (UNIQUE)', async () => {
    const a = await take(s);
    const m = await take(s, { service: 'meldebescheinigung' });
    assert.equal(a.status, 201);
    assert.equal(a.body.number, 'A019'); // the seed's last A ticket is A018
    assert.equal(m.body.number, 'M033'); // M is shared by two services; the seed's last is M032
    assert.equal(a.headers.get('Location'), `/v1/tickets/${a.body.ticketId}`);
    assert.equal(a.body.ticket.position, 5);
    const row = (await s.db.query<{ day: string }>('SELECT day FROM tickets WHERE id = $1', [a.body.ticketId])).rows[0]!;
    await assert.rejects(
      s.db.query("INSERT INTO tickets (id, kind, place, day, number, service_id, state, locale, created_at, updated_at, revision) VALUES (gen_random_uuid(), 'queue', $1, $2, 'A019', 'personalausweis', 'waiting', 'de', 0, 0, 1)", [MITTE, row.day]),
      (e: { code?: string }) => e.code === '23505',
    );
    for (const t of [a, m]) assert.equal((await api(s.url, 'DELETE', `/v1/tickets/${t.body.ticketId}`, { token: t.body.token })).status, 204);
  });

  it('two staff calling at once never call one ticket twice', async () => {
    await callConcurrently(s, s, 12);
  });

  it('a holder sees the position move, gets called (stream and e-mails), and the contact is gone once served', async () => {
    const others = await Promise.all([take(s), take(s), take(s)]);
    const mine = await take(s, { service: 'dokument-abholung', notify: { email: 'wartende@example.org', whenAhead: 1 }, locale: 'de' });
    assert.equal(mine.status, 201);
    assert.equal(mine.body.ticket.position, 3);
    const stream = await openStream(`${s.url}/v1/tickets/${mine.body.ticketId}/events`, { Authorization: `Bearer ${mine.body.token}` });
    const first = await stream.next();
    assert.deepEqual([first.event, first.data.position], ['updated', 3]);
    for (const desk of ['Schalter 1', 'Schalter 2', 'Schalter 3']) await call(s, desk);
    const positions: number[] = [];
    for (;;) {
      const e = await stream.next();
      assert.equal(e.event, 'updated');
      positions.push(e.data.position);
      if (e.data.position === 0) break;
    }
    assert.deepEqual(positions, [2, 1, 0]);
    const c = await call(s, 'Schalter 4');
    assert.equal(c.body.ticket.id, mine.body.ticketId);
    const called = await stream.next();
    assert.equal(called.event, 'called');
    assert.equal(called.data.desk, 'Schalter 4');
    assert.equal(called.data.state, 'called');
    assert.equal(called.id, String(called.data.revision));
    const held = await api(s.url, 'GET', `/v1/tickets/${mine.body.ticketId}`, { token: mine.body.token });
    assert.equal(held.body.state, 'called');
    assert.equal(held.headers.get('Cache-Control'), 'no-store');
    // The queue display shows the call first.
    const q = await api(s.url, 'GET', `/v1/queues/${MITTE}`);
    assert.deepEqual(q.body.nowServing[0], { ticket: mine.body.number, desk: 'Schalter 4', calledAt: c.body.ticket.calledAt, serviceId: 'dokument-abholung' });
    const served = await api(s.url, 'POST', `/staff/v1/tickets/${mine.body.ticketId}/outcome`, { key: false, headers: staff(s), body: { outcome: 'served' } });
    assert.equal(served.body.state, 'served');
    assert.equal((await api(s.url, 'POST', `/staff/v1/tickets/${mine.body.ticketId}/outcome`, { key: false, headers: staff(s), body: { outcome: 'served' } })).status, 200, 'same outcome again: idempotent');
    assert.equal((await api(s.url, 'POST', `/staff/v1/tickets/${mine.body.ticketId}/outcome`, { key: false, headers: staff(s), body: { outcome: 'missed' } })).status, 409);
    const last = await stream.next();
    assert.deepEqual([last.event, last.data.state], ['updated', 'served']);
    assert.equal(await stream.ended(), true, 'the stream closes after a final state');
    assert.equal((await api(s.url, 'DELETE', `/v1/tickets/${mine.body.ticketId}`, { token: mine.body.token })).status, 409);
    const contact = await s.db.query<{ notify: unknown }>('SELECT notify FROM tickets WHERE id = $1', [mine.body.ticketId]);
    assert.equal(contact.rows[0]!.notify, null, 'the e-mail address is cleared when the ticket ends');

    assert.ok((await s.deliver()) >= 2);
    const mails = readdirSync(join(s.dataDir, 'outbox')).map((f) => readMail(readFileSync(join(s.dataDir, 'outbox', f), 'utf8')));
    const mine2 = mails.filter((m) => m.headers.to === 'wartende@example.org');
    assert.deepEqual(mine2.map((m) => m.headers.subject).sort(), [`Wartenummer ${mine.body.number}: Sie sind an der Reihe`, `Wartenummer ${mine.body.number}: Sie sind bald an der Reihe`]);
    assert.ok(mine2.some((m) => m.text.includes('Schalter 4')));
    for (const o of others) await api(s.url, 'DELETE', `/v1/tickets/${o.body.ticketId}`, { token: o.body.token });
  });

  it('the queue stream sends called then updated with one id, ticker changes, and resumes with Last-Event-ID without replaying calls', async () => {
    const url = `${s.url}/v1/queues/${MITTE}/events`;
    const stream = await openStream(url);
    const snapshot = await stream.next();
    assert.equal(snapshot.event, 'updated');
    const t = await take(s);
    const afterTake = await stream.next();
    assert.deepEqual([afterTake.event, afterTake.data.waitingCount], ['updated', 1]);
    await call(s, 'Schalter 2');
    const called = await stream.next();
    assert.deepEqual([called.event, called.data.ticket, called.data.desk], ['called', t.body.number, 'Schalter 2']);
    const updated = await stream.next();
    assert.deepEqual([updated.event, updated.id, updated.data.nowServing[0].ticket], ['updated', called.id, t.body.number]);
    const ticker = await api(s.url, 'PATCH', `/staff/v1/queues/${MITTE}`, { headers: staff(s), body: { ticker: 'Heute nur Abholung an Schalter 3.' } });
    assert.equal(ticker.body.ticker, 'Heute nur Abholung an Schalter 3.');
    const te = await stream.next();
    assert.deepEqual([te.event, te.data], ['ticker', { text: 'Heute nur Abholung an Schalter 3.' }]);
    assert.equal((await stream.next()).id, te.id);
    stream.close();

    const missed = await take(s);
    await call(s, 'Schalter 1');
    const resumed = await openStream(url, { 'Last-Event-ID': te.id! });
    const r = await resumed.next();
    assert.equal(r.event, 'updated', 'no call replayed: the snapshot shows it');
    assert.equal(r.data.nowServing[0].ticket, missed.body.number);
    resumed.close();
    const current = await openStream(url, { 'Last-Event-ID': r.id! });
    const quiet = await Promise.race([current.next().then(() => 'an event'), new Promise((done) => setTimeout(() => done('nothing'), 700))]);
    assert.equal(quiet, 'nothing', 'resumed at the current revision: no snapshot again');
    current.close();
    await api(s.url, 'PATCH', `/staff/v1/queues/${MITTE}`, { headers: staff(s), body: { ticker: null } });
  });

  it('streams hearing one change share one read of the queue (20 subscribers, 1 read)', async () => {
    const streams = await Promise.all(Array.from({ length: 20 }, () => openStream(`${s.url}/v1/queues/${MITTE}/events`)));
    for (const st of streams) await st.next();
    const t = await take(s);
    for (const st of streams) await st.next();
    const reads: string[] = [];
    const query = s.db.query.bind(s.db);
    s.db.query = ((sql: string, params?: unknown[]) => {
      if (sql.startsWith('SELECT * FROM queue_state')) reads.push(sql);
      return query(sql, params);
    }) as typeof s.db.query;
    try {
      await call(s, 'Schalter 1');
      for (const st of streams) assert.equal((await st.next()).data.ticket, t.body.number);
      for (const st of streams) assert.equal((await st.next()).event, 'updated');
    } finally {
      s.db.query = query;
      for (const st of streams) st.close();
    }
    assert.equal(reads.length, 1, 'one read for every stream');
  });

  it('a paused queue refuses online tickets with 409 closed and the next opening', async () => {
    const paused = await api(s.url, 'PATCH', `/staff/v1/queues/${MITTE}`, { headers: staff(s), body: { ticketsOnline: false } });
    assert.equal(paused.body.ticketsOnline, false);
    const r = await take(s);
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'closed');
    assert.match(r.body.nextOpening, /^\d{4}-\d\d-\d\dT/);
    await api(s.url, 'PATCH', `/staff/v1/queues/${MITTE}`, { headers: staff(s), body: { ticketsOnline: true } });
    assert.equal((await take(s)).status, 201);
    assert.equal((await api(s.url, 'PATCH', `/staff/v1/queues/${MITTE}`, { headers: staff(s), body: {} })).status, 400);
    await call(s, 'Schalter 1');
  });

  it('a video office calls into a chair: join link for the holder only, busy chair 409, closing a chair ends its call', async () => {
    const mine = await api(s.url, 'POST', `/v1/offices/${OFFICE}/tickets`, { body: { locale: 'en' } });
    assert.equal(mine.status, 201);
    assert.match(mine.body.number, /^V\d{3}$/);
    assert.equal(mine.body.ticket.position, 2);
    const office = (await api(s.url, 'GET', `/v1/offices/${OFFICE}`)).body;
    assert.deepEqual([office.chairsTotal, office.chairsFree, office.waiting], [3, 2, 3]);
    const callAt = (chairId: string) => api(s.url, 'POST', `/staff/v1/offices/${OFFICE}/call`, { key: false, headers: staff(s), body: { chairId, joinUrl: `https://video.musterstadt.example/raum/${chairId}-test` } });
    assert.equal((await callAt('1')).status, 409, 'chair 1 is in the seed call');
    const v1 = await callAt('2');
    const v2 = await callAt('3');
    assert.deepEqual([v1.body.ticket.number, v2.body.ticket.number], ['V001', 'V002']);
    assert.equal((await callAt('3')).status, 409, 'busy');
    const closed = await api(s.url, 'PUT', `/staff/v1/offices/${OFFICE}/chairs/2`, { headers: staff(s), body: { open: false } });
    assert.deepEqual([closed.body.chairsTotal, closed.body.chairsFree], [2, 0]);
    assert.equal((await callAt('2')).status, 409, 'closed chair');
    await api(s.url, 'POST', `/staff/v1/tickets/${v2.body.ticket.id}/outcome`, { key: false, headers: staff(s), body: { outcome: 'served' } });
    const stream = await openStream(`${s.url}/v1/tickets/${mine.body.ticketId}/events`, { Authorization: `Bearer ${mine.body.token}` });
    await stream.next();
    const c = await callAt('3');
    assert.equal(c.body.ticket.id, mine.body.ticketId);
    const called = await stream.next((e) => e.event === 'called');
    assert.equal(called.data.joinUrl, 'https://video.musterstadt.example/raum/3-test');
    assert.equal(called.data.desk, 'Platz 3');
    const held = await api(s.url, 'GET', `/v1/tickets/${mine.body.ticketId}`, { token: mine.body.token });
    assert.equal(held.body.joinUrl, 'https://video.musterstadt.example/raum/3-test');
    const pub = await api(s.url, 'GET', `/v1/offices/${OFFICE}`);
    assert.ok(!pub.text.includes('raum/3-test'), 'the public office view never shows a join link');
    await api(s.url, 'POST', `/staff/v1/tickets/${mine.body.ticketId}/outcome`, { key: false, headers: staff(s), body: { outcome: 'missed' } });
    const done = await api(s.url, 'GET', `/v1/tickets/${mine.body.ticketId}`, { token: mine.body.token });
    assert.deepEqual([done.body.state, done.body.joinUrl], ['missed', undefined]);
    assert.equal((await stream.next((e) => e.data.state === 'missed')).event, 'updated');
    stream.close();
    const reopened = await api(s.url, 'PUT', `/staff/v1/offices/${OFFICE}/chairs/2`, { headers: staff(s), body: { open: true, name: 'Beratung 2' } });
    assert.deepEqual([reopened.body.chairsTotal, reopened.body.chairsFree], [3, 2]);
  });

  it('retention deletes ended tickets a day later and every ticket two days after it was taken', async () => {
    const t = await take(s, { service: 'personalausweis', notify: { email: 'alt@example.org' } });
    const before = Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets')).rows[0]!.n);
    assert.equal((await s.retention()).tickets, 0);
    s.clock.advance(25 * 60 * MINUTE);
    const report = await s.retention();
    assert.ok(report.tickets > 0 && report.tickets < before, 'ended tickets go after a day');
    assert.equal((await s.db.query('SELECT 1 FROM tickets WHERE id = $1', [t.body.ticketId])).rowCount, 1, 'a waiting ticket stays a day');
    s.clock.advance(24 * 60 * MINUTE);
    await s.retention();
    assert.equal((await s.db.query('SELECT 1 FROM tickets')).rowCount, 0);
    assert.equal((await api(s.url, 'GET', `/v1/tickets/${t.body.ticketId}`, { token: t.body.token })).status, 401);
    s.clock.advance(-49 * 60 * MINUTE);
  });

  it('a new day ends the tickets left from the day before (waiting → cancelled, called → missed) and numbers start again', async () => {
    const first = await take(s);
    const called = await take(s);
    const waiting = await take(s);
    const stream = await openStream(`${s.url}/v1/tickets/${called.body.ticketId}/events`, { Authorization: `Bearer ${called.body.token}` });
    await stream.next();
    await call(s, 'Schalter 1');
    await call(s, 'Schalter 2');
    assert.equal((await stream.next((e) => e.event === 'called')).data.desk, 'Schalter 2');
    s.clock.advance(24 * 60 * MINUTE);
    const q = await api(s.url, 'GET', `/v1/queues/${MITTE}`);
    assert.equal(q.body.waitingCount, 0);
    const last = await stream.next();
    assert.deepEqual([last.event, last.data.state], ['updated', 'missed']);
    assert.equal(await stream.ended(), true);
    assert.equal((await api(s.url, 'GET', `/v1/tickets/${waiting.body.ticketId}`, { token: waiting.body.token })).body.state, 'cancelled');
    assert.equal((await api(s.url, 'GET', `/v1/tickets/${first.body.ticketId}`, { token: first.body.token })).body.state, 'missed');
    assert.equal((await take(s)).body.number, 'A001');
  });
});

describe('queues: fuzzed requests never produce a 5xx', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ clock: openClock() });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });
  it('holds for every queue, ticket and office operation, with real and made-up ids and tokens', async () => {
    const ids = ['getQueue', 'streamQueueEvents', 'takeQueueTicket', 'getTicket', 'cancelTicket', 'streamTicketEvents', 'getOffice', 'takeOfficeTicket', 'streamOfficeEvents', 'callNextTicket', 'setTicketOutcome', 'updateQueue', 'setOfficeChair', 'callOfficeTicket'];
    const ops = new Contract().operations.filter((o) => ids.includes(o.operationId));
    assert.equal(ops.length, ids.length);
    const real = await take(s);
    const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('personalausweis', 'served', 'missed', 'Schalter 1', 'a@b.de', 'https://video.example/x', '2', ''));
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom('service', 'notify', 'locale', 'desk', 'serviceId', 'outcome', 'ticker', 'welcomeText', 'ticketsOnline', 'open', 'name', 'chairId', 'joinUrl'), fc.oneof(scalar, fc.dictionary(fc.constantFrom('email', 'phone', 'whenAhead'), scalar, { maxKeys: 3 })), { maxKeys: 4 }),
      scalar,
    );
    const id = (known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 20 }), fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          op: fc.constantFrom(...ops),
          params: fc.record({ locationId: id([MITTE, 'rathaus-sued']), officeId: id([OFFICE]), ticketId: id([real.body.ticketId as string]), chairId: id(['1', '2', '9']) }),
          token: fc.option(fc.constantFrom(real.body.token as string, 'tkt_falsch'), { nil: undefined }),
          lastEventId: fc.option(fc.oneof(fc.nat().map(String), fc.string({ maxLength: 12 }).filter((x) => /^[\x20-\x7e]*$/.test(x))), { nil: undefined }),
          body: fc.option(body, { nil: undefined }),
        }),
        async (r) => {
          const path = r.op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((r.params as Record<string, string>)[name] || 'x'));
          const headers: Record<string, string> = { ...staff(s), 'Idempotency-Key': `fuzz-${Math.random().toString(36).slice(2)}` };
          if (r.token) headers.Authorization = `Bearer ${r.token}`;
          if (r.lastEventId !== undefined) headers['Last-Event-ID'] = r.lastEventId;
          if (r.body !== undefined && r.op.method !== 'GET') headers['Content-Type'] = 'application/json';
          const res = await fetch(`${s.url}${path}`, { method: r.op.method, headers, ...(r.body !== undefined && r.op.method !== 'GET' && { body: JSON.stringify(r.body) }), signal: AbortSignal.timeout(10_000) });
          const type = res.headers.get('Content-Type') ?? '';
          const text = type.startsWith('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
          assert.ok(res.status < 500, `${r.op.method} ${path} → ${res.status} ${text.slice(0, 200)}`);
          if (res.status >= 400) assert.equal(typeof (JSON.parse(text) as { code?: unknown }).code, 'string');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('queues: a restart keeps tickets, numbers and the seed inserted once', () => {
  it('the holder keeps the ticket, numbering goes on, the seed is not inserted again', async () => {
    const clock = openClock();
    const first = await pgliteServer({ clock });
    const t = await take(first);
    assert.equal(t.body.number, 'A019');
    const waiting = (await api(first.url, 'GET', `/v1/queues/${MITTE}`)).body.waitingCount as number;
    await first.close();
    const again = await pgliteServer({ clock, dataDir: first.dataDir });
    try {
      const held = await api(again.url, 'GET', `/v1/tickets/${t.body.ticketId}`, { token: t.body.token });
      assert.deepEqual([held.status, held.body.state, held.body.position], [200, 'waiting', 5]);
      assert.equal((await api(again.url, 'GET', `/v1/queues/${MITTE}`)).body.waitingCount, waiting);
      assert.equal((await take(again)).body.number, 'A020');
    } finally {
      await again.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});

describe('queues: ticket creation is rate limited', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ clock: openClock(), env: { CIVIC_RATE_LIMITS: 'on', CIVIC_TICKET_LIMIT: '2' } });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });
  it('answers 429 with Retry-After once a client took its tickets for the hour (queue and office share the budget)', async () => {
    assert.equal((await take(s)).status, 201);
    assert.equal((await api(s.url, 'POST', `/v1/offices/${OFFICE}/tickets`)).status, 201);
    const r = await take(s);
    assert.equal(r.status, 429);
    assert.equal(r.body.code, 'rate_limited');
    const wait = Number(r.headers.get('Retry-After'));
    assert.ok(wait > 0 && wait <= 3600, `Retry-After ${wait}`);
    assert.equal((await api(s.url, 'GET', `/v1/queues/${MITTE}`)).status, 200, 'reading is not limited by it');
  });
});

describe('queues: the simulator runs against the server', () => {
  let s: TestServer;
  before(async () => {
    s = await pgliteServer({ clock: openClock() });
  });
  after(async () => {
    await s.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });
  it('30 minutes of office time: calls, walk-ins, tickers, video calls and chair resets without one error', async () => {
    const clock = s.clock;
    const simulator = createSimulator({
      baseUrl: s.url,
      staffKey: s.ctx.staffKey,
      random: 7,
      clock: { now: clock.now, setTimeout: () => 0, clearTimeout: () => undefined },
      features: { chat: false, cases: false },
    });
    for (let t = 0; t < 30 * MINUTE; t += 10_000) {
      clock.advance(10_000);
      await simulator.tick();
    }
    await simulator.stop();
    const st = simulator.stats;
    assert.equal(st.errors, 0, JSON.stringify(st.lastError));
    assert.ok(st.called > 5 && st.served > 0 && st.walkIns > 0 && st.tickers > 0 && st.officeCalls > 0 && st.chairResets > 0, JSON.stringify(st));
    clock.advance(-30 * MINUTE);
  });
});

describe('queues on PostgreSQL: two server processes sharing the database', () => {
  let pgc: Postgres;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    pgc = await startPostgres();
    const url = await pgc.database();
    const clock = openClock();
    a = await postgresServer(url, { clock });
    b = await postgresServer(url, { clock });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await pgc?.stop();
  });

  it('two staff calling at once on two servers never call one ticket twice', async () => {
    await callConcurrently(a, b, 30);
  });

  it('a call made on one server reaches the other server’s queue and ticket streams; resume with Last-Event-ID', async () => {
    const t = await take(a, { service: 'personalausweis' });
    const queue = await openStream(`${b.url}/v1/queues/${MITTE}/events`);
    const ticket = await openStream(`${b.url}/v1/tickets/${t.body.ticketId}/events`, { Authorization: `Bearer ${t.body.token}` });
    await queue.next();
    await ticket.next();
    await call(a, 'Schalter 3');
    const called = await queue.next((e) => e.event === 'called');
    assert.deepEqual([called.data.ticket, called.data.desk], [t.body.number, 'Schalter 3']);
    const mine = await ticket.next();
    assert.deepEqual([mine.event, mine.data.desk], ['called', 'Schalter 3']);
    ticket.close();
    await api(a.url, 'POST', `/staff/v1/tickets/${t.body.ticketId}/outcome`, { key: false, headers: staff(a), body: { outcome: 'missed' } });
    const resumed = await openStream(`${a.url}/v1/tickets/${t.body.ticketId}/events`, { Authorization: `Bearer ${t.body.token}`, 'Last-Event-ID': mine.id! });
    const last = await resumed.next();
    assert.deepEqual([last.event, last.data.state], ['updated', 'missed']);
    assert.equal(await resumed.ended(), true);
    queue.close();
  });
});
