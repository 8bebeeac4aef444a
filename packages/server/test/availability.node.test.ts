/**
 * Availability is answered from a cache, yet never stale beyond the 1-second freshness rule: every
 * hold, booking change, release, expiry and staff block shows at once on the same process (PGlite)
 * and within 1 s on a second process sharing the PostgreSQL (NOTIFY `civic_seats`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { AVAILABILITY_MAX_AGE_MS } from '../src/appointments/index.js';
import { Book } from '../src/appointments/book.js';
import { acceptsGzip } from '../src/http.js';
import { loadSeed } from '@civic-elements/contract/seed';
import { TestClock, api, book, firstSlot, hold, pgliteServer, postgresServer, startPostgres, TEST_HOLD_TTL_SECONDS, type Postgres, type TestServer } from './helpers.js';

const PATH = '/v1/availability?services=personalausweis';
type Answer = { days: { slots: { start: string; location: string; seats: number }[] }[] };

/** A GET read byte for byte, as sent (fetch would undo a Content-Encoding). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Seats of one slot as `base` answers now (0 when the slot is not listed). */
async function seatsOf(base: string, slot: { start: string; location: string }): Promise<number> {
  const r = await api(base, 'GET', PATH);
  assert.equal(r.status, 200);
  const found = (r.body as Answer).days.flatMap((d) => d.slots).find((x) => x.start === slot.start && x.location === slot.location);
  return found?.seats ?? 0;
}

/** Polls `base` until the slot shows `seats`; the time it took (throws after `limitMs`). */
async function until(base: string, slot: { start: string; location: string }, seats: number, limitMs = 1000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const now = await seatsOf(base, slot);
    const took = Date.now() - t0;
    if (now === seats) return took;
    if (took > limitMs) assert.fail(`still ${now} seats after ${took} ms, expected ${seats}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A clock that stands still unless moved: B's cached answers never age, so only the NOTIFY from A can make them stale. */
class FrozenClock extends TestClock {
  private readonly at = Date.now();
  override now = (): number => this.at + this.offset;
}

/** Slots this far ahead can still be cancelled online. */
/** Slots this far ahead stay offered when a test moves a server's clock (none is near its lead time). */
const LATER = 3 * 86_400_000;

const staff = (s: TestServer) => ({ 'X-Staff-Key': s.ctx.staffKey });

/** A PGlite server for the tests of the describe block this is called in: started before them, closed and removed after. */
function pgliteServerForSuite(set: (s: TestServer) => void): void {
  let server: TestServer | undefined;
  before(async () => set((server = await pgliteServer())));
  after(async () => {
    await server?.close();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });
}

describe('availability on PGlite (one process): changes show at once', () => {
  let s: TestServer;
  pgliteServerForSuite((server) => (s = server));

  it('a hold, its booking, a cancellation, a release and an expiry each show in the very next answer', async () => {
    const slot = await firstSlot(s.url, 'personalausweis', s.clock.now() + LATER);
    const seats = slot.seats;
    assert.equal(await seatsOf(s.url, slot), seats); // warm the cache
    const h = await hold(s.url, slot);
    assert.equal(h.status, 201);
    assert.equal(await seatsOf(s.url, slot), seats - 1);
    const b = await book(s.url, h.body.holdId, { email: 'fresh@example.org' });
    assert.equal(b.status, 201);
    assert.equal(await seatsOf(s.url, slot), seats - 1);
    assert.equal((await api(s.url, 'DELETE', `/v1/bookings/${b.body.id}`, { token: b.body.manageToken })).status, 204);
    assert.equal(await seatsOf(s.url, slot), seats);
    const h2 = await hold(s.url, slot);
    assert.equal(await seatsOf(s.url, slot), seats - 1);
    assert.equal((await api(s.url, 'DELETE', `/v1/holds/${h2.body.holdId}`)).status, 204);
    assert.equal(await seatsOf(s.url, slot), seats);
    await hold(s.url, slot);
    assert.equal(await seatsOf(s.url, slot), seats - 1);
    s.clock.advance(TEST_HOLD_TTL_SECONDS * 1000 + 1000);
    assert.equal(await seatsOf(s.url, slot), seats);
  });

  it('a staff block removes the slot from the next answer and its release brings it back', async () => {
    const slot = await firstSlot(s.url, 'personalausweis', s.clock.now() + LATER);
    const seats = await seatsOf(s.url, slot);
    assert.ok(seats >= 1);
    const to = new Date(Date.parse(slot.start) + 60_000).toISOString();
    const block = await api(s.url, 'POST', '/staff/v1/blocks', { headers: staff(s), body: { location: slot.location, from: slot.start, to, reason: 'Stromausfall' } });
    assert.equal(block.status, 201);
    assert.equal(await seatsOf(s.url, slot), 0);
    assert.equal((await api(s.url, 'DELETE', `/staff/v1/blocks/${block.body.id}`, { headers: staff(s) })).status, 204);
    assert.equal(await seatsOf(s.url, slot), seats);
  });

  it('repeated questions are answered from the cache, which a change the server never heard of leaves only for its maximum age', async () => {
    const slot = await firstSlot(s.url, 'personalausweis', s.clock.now() + LATER);
    const seats = await seatsOf(s.url, slot);
    assert.ok(seats >= 1);
    // Behind the server's back (no transaction of its own, no NOTIFY): the cached answer stays…
    await s.db.query('UPDATE slot_units SET used = capacity WHERE location_id = $1 AND start_ms = $2', [slot.location, Date.parse(slot.start)]);
    assert.equal(await seatsOf(s.url, slot), seats);
    // …but never longer than its maximum age.
    s.clock.advance(AVAILABILITY_MAX_AGE_MS);
    assert.equal(await seatsOf(s.url, slot), 0);
    await s.db.query('UPDATE slot_units SET used = 0 WHERE location_id = $1 AND start_ms = $2', [slot.location, Date.parse(slot.start)]);
  });

  it('409 slot_taken offers the free slots nearest to the wanted time (this location first), as the full answer has them', async () => {
    const morning = await firstSlot(s.url, 'personalausweis', s.clock.now() + 10 * 86_400_000);
    // Two hours into that day's opening: free slots on both sides.
    const later = await firstSlot(s.url, 'personalausweis', Date.parse(morning.start) + 2 * 3_600_000);
    const wanted = Date.parse(later.start);
    const fill = (used: string) =>
      s.db.query(`UPDATE slot_units SET used = ${used} WHERE location_id = $1 AND start_ms >= $2 AND start_ms < $3`, [later.location, wanted, wanted + 20 * 60_000]);
    await fill('capacity');
    s.clock.advance(AVAILABILITY_MAX_AGE_MS); // the write above went behind the server's back
    try {
      const whole = await api(s.url, 'GET', PATH);
      const { from, to } = (whole.body as { horizon: { from: string; to: string } }).horizon;
      const all = ((await api(s.url, 'GET', `${PATH}&from=${from}&to=${to}`)).body as Answer).days.flatMap((d) => d.slots);
      assert.ok(!all.some((x) => x.start === later.start && x.location === later.location));
      const byDistance = (list: typeof all) =>
        [...list].sort((x, y) => Math.abs(Date.parse(x.start) - wanted) - Math.abs(Date.parse(y.start) - wanted) || Date.parse(x.start) - Date.parse(y.start) || x.location.localeCompare(y.location));
      const here = byDistance(all.filter((x) => x.location === later.location));
      const expected = [...here, ...byDistance(all.filter((x) => x.location !== later.location))].slice(0, 5);
      const r = await hold(s.url, later);
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'slot_taken');
      assert.deepEqual(r.body.alternatives, expected);
      assert.ok(r.body.alternatives.some((x: { start: string }) => Date.parse(x.start) < wanted) && r.body.alternatives.some((x: { start: string }) => Date.parse(x.start) > wanted), 'on both sides of the wanted time');
    } finally {
      await fill('0');
      s.clock.advance(AVAILABILITY_MAX_AGE_MS);
    }
  });

  it('answers differ by query and carry the asked language', async () => {
    const a = await api(s.url, 'GET', PATH, { headers: { 'Accept-Language': 'en' } });
    const day = (a.body as { horizon: { from: string } }).horizon.from;
    const b = await api(s.url, 'GET', `${PATH}&from=${day}&to=${day}`, { headers: { 'Accept-Language': 'de' } });
    assert.equal(b.status, 200);
    assert.equal((b.body as Answer).days.length, 1);
    assert.equal(a.headers.get('Content-Language'), 'en');
    assert.equal(b.headers.get('Content-Language'), 'de');
    assert.equal(a.headers.get('Content-Type'), 'application/json');
    assert.notEqual(a.text, b.text);
    const again = await api(s.url, 'GET', PATH, { headers: { 'Accept-Language': 'de' } });
    assert.equal(again.text, a.text);
    assert.equal(again.headers.get('Content-Language'), 'de');
  });
});

describe('availability answers gzip-compressed when the client accepts it', () => {
  let s: TestServer;
  pgliteServerForSuite((server) => (s = server));

  it('a gzip answer decodes to exactly the identity answer; identity, no header and gzip;q=0 get identity; both vary with Accept-Encoding', async () => {
    const plain = await rawGet(s.url, PATH);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding, Origin');
    assert.equal(plain.headers['content-length'], String(plain.bytes.length));
    for (const header of ['identity', 'gzip;q=0, deflate, br', 'br', '*;q=0']) {
      const r = await rawGet(s.url, PATH, { 'Accept-Encoding': header });
      assert.equal(r.headers['content-encoding'], undefined, header);
      assert.ok(r.bytes.equals(plain.bytes), header);
    }
    const zipped = await rawGet(s.url, PATH, { 'Accept-Encoding': 'gzip, deflate, br', Origin: 'https://www.musterstadt.de' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'Accept-Encoding, Origin');
    assert.equal(zipped.headers['content-type'], 'application/json');
    assert.equal(zipped.headers['cache-control'], 'no-cache');
    assert.equal(zipped.headers['content-length'], String(zipped.bytes.length));
    assert.ok(gunzipSync(zipped.bytes).equals(plain.bytes), 'decodes to the identity answer byte for byte');
    assert.ok(zipped.bytes.length * 5 < plain.bytes.length, `${zipped.bytes.length} bytes compressed of ${plain.bytes.length}`);
    // The compressed bytes are kept with the cached answer: the same bytes again.
    assert.ok((await rawGet(s.url, PATH, { 'Accept-Encoding': 'gzip' })).bytes.equals(zipped.bytes));
    // fetch (as the widgets and the conformance suite use it) asks for gzip and decodes it.
    const viaFetch = await api(s.url, 'GET', PATH);
    assert.equal(viaFetch.text, plain.bytes.toString('utf8'));
  });

  it('a change of seats makes a new compressed answer too', async () => {
    const slot = await firstSlot(s.url, 'personalausweis', s.clock.now() + LATER);
    const before = gunzipSync((await rawGet(s.url, PATH, { 'Accept-Encoding': 'gzip' })).bytes).toString('utf8');
    assert.equal((await hold(s.url, slot)).status, 201);
    const after = gunzipSync((await rawGet(s.url, PATH, { 'Accept-Encoding': 'gzip' })).bytes).toString('utf8');
    assert.notEqual(after, before);
    assert.equal(after, (await rawGet(s.url, PATH)).bytes.toString('utf8'));
  });

  it('small answers stay uncompressed', async () => {
    const r = await rawGet(s.url, '/v1/services', { 'Accept-Encoding': 'gzip' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.ok(Array.isArray(JSON.parse(r.bytes.toString('utf8')).items));
  });

  it('Accept-Encoding is read with its weights (RFC 9110)', () => {
    for (const yes of ['gzip', 'GZIP', 'x-gzip', 'gzip, deflate, br, zstd', 'deflate, gzip;q=0.8, identity;q=0.5', '*', 'identity;q=0, *', 'gzip;q=1.0, identity;q=0']) assert.equal(acceptsGzip(yes), true, yes);
    for (const no of [null, undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', 'gzip;q=0.5', 'gzip;q=oops', 'br, *;q=0']) assert.equal(acceptsGzip(no), false, String(no));
  });
});

describe('the local date of the town', () => {
  it('is remembered per minute, and changes at local midnight (not UTC midnight)', () => {
    const b = new Book(loadSeed({ now: Date.now() }));
    // 2026-03-28 23:00 UTC is midnight in Berlin (UTC+1 before the change to summer time).
    const midnight = Date.UTC(2026, 2, 28, 23, 0, 0);
    assert.equal(b.today(midnight - 1), '2026-03-28');
    assert.equal(b.today(midnight - 60_000), '2026-03-28');
    assert.equal(b.today(midnight), '2026-03-29');
    assert.equal(b.today(midnight + 59_999), '2026-03-29');
    assert.equal(b.today(midnight - 1), '2026-03-28');
    assert.equal(b.today(Date.UTC(2026, 2, 29, 21, 59, 59)), '2026-03-29'); // summer time: 23:59:59 local
    assert.equal(b.today(Date.UTC(2026, 2, 29, 22, 0, 0)), '2026-03-30');
  });
});

describe('availability on two servers sharing one PostgreSQL: changes show on the other within 1 s', () => {
  let pgc: Postgres;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    pgc = await startPostgres();
    const url = await pgc.database();
    a = await postgresServer(url);
    b = await postgresServer(url, { clock: new FrozenClock() });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await pgc?.stop();
  });

  it('a hold and a booking on A, then a cancellation and a staff block on A, show on B (its answer cached before) within 1 s', async () => {
    const slot = await firstSlot(b.url, 'personalausweis', Date.now() + LATER);
    const seats = slot.seats;
    assert.equal(await seatsOf(b.url, slot), seats); // B has the answer cached
    const h = await hold(a.url, slot);
    assert.equal(h.status, 201);
    assert.equal(await seatsOf(a.url, slot), seats - 1, 'at once on the process that took the seat');
    await until(b.url, slot, seats - 1);
    const bk = await book(a.url, h.body.holdId, { email: 'two@example.org' });
    assert.equal(bk.status, 201);
    assert.equal((await api(a.url, 'DELETE', `/v1/bookings/${bk.body.id}`, { token: bk.body.manageToken })).status, 204);
    await until(b.url, slot, seats);
    const to = new Date(Date.parse(slot.start) + 60_000).toISOString();
    const block = await api(a.url, 'POST', '/staff/v1/blocks', { headers: staff(a), body: { location: slot.location, from: slot.start, to, reason: 'Wasserschaden' } });
    assert.equal(block.status, 201);
    await until(b.url, slot, 0);
    assert.equal((await api(a.url, 'DELETE', `/staff/v1/blocks/${block.body.id}`, { headers: staff(a) })).status, 204);
    await until(b.url, slot, seats);
  });

  it('a hold expiring on A shows as free on B within 1 s', async () => {
    const slot = await firstSlot(b.url, 'personalausweis', Date.now() + LATER);
    await hold(a.url, slot);
    await until(b.url, slot, slot.seats - 1);
    // Only A's clock moves: A expires the hold (its next answer sweeps), B hears of it by NOTIFY.
    a.clock.advance(TEST_HOLD_TTL_SECONDS * 1000 + 1000);
    assert.equal(await seatsOf(a.url, slot), slot.seats);
    await until(b.url, slot, slot.seats);
  });
});
