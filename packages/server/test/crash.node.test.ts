/**
 * Crash test (issue 8 acceptance): the server runs as a child process (`src/cli.ts`), many
 * concurrent clients storm it with challenge → hold → booking, and it is killed mid-storm —
 * SIGKILL on PostgreSQL (no chance to clean up), SIGTERM on PGlite (graceful shutdown must drain:
 * PGlite's data directory is only consistent when the process closes it). It is restarted on the
 * same data, and then:
 * - every booking whose 201 reached a client is there, confirmed, with its slot (read with its
 *   manage token), and every hold whose 201 reached a client exists;
 * - nothing is half-written: each unit's `used` equals its active holds plus its confirmed
 *   bookings, every booking's hold is consumed and every consumed hold has its booking;
 * - no unit is oversold;
 * - the restarted server takes a new booking.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '@civic-elements/server';
import { api, book, ChallengeRefused, hold, pgliteServer, proof, startPostgres, type Postgres } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
/** Concurrent clients in the storm. */
const CLIENTS = 24;
/** The server is killed once this many bookings were answered 201 (or after STORM_MS). */
const KILL_AFTER_BOOKINGS = 30;
const STORM_MS = 15_000;
/** Graceful shutdown is bounded (delivery round ≤ 10 s, connections forced after 5 s): longer is a hang. */
const EXIT_MS = 60_000;

interface Child {
  url: string;
  process: ChildProcess;
  /** The last lines it wrote (shown when something fails). */
  output: () => string;
  exited: Promise<number | null>;
}

/** Servers still running (killed after the tests whatever happened). */
const running = new Set<ChildProcess>();
/**
 * Set by the suite's `after`: a test that timed out still runs on, and a server it started after
 * the clean-up would keep this process alive for good. From then on no server starts.
 */
let finished = false;

/** Starts `cli.ts` in a child process and resolves once it listens (its URL from the start line). */
function startChild(env: Record<string, string>): Promise<Child> {
  if (finished) return Promise.reject(new Error('the suite is over (a test timed out): no server starts'));
  const child = spawn(process.execPath, ['--conditions=civic-source', '--import', 'tsx', CLI], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CIVIC_TEST_MODE: '1', CIVIC_HOLD_TTL_SECONDS: '300', CIVIC_BOOKING_LIMIT: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let tail = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in time:\n${tail}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4000);
      const m = /reference server on (http:\/\/[\d.]+:\d+)/.exec(tail);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, process: child, output: () => tail, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${tail}`));
    });
  });
}

interface Confirmed {
  id: string;
  manageToken: string;
  start: string;
  location: string;
}

interface Storm {
  bookings: Confirmed[];
  holds: string[];
  /** Requests that failed at the transport (the kill) — proof the storm was still running. */
  cut: number;
}

/**
 * Runs CLIENTS loops of challenge → hold → booking against `url`; `killWhen` kills the server.
 * A client whose slot is taken tries one of the 409's alternatives; one whose connection breaks,
 * or whose request (challenge included) is answered 503 because shutdown began, stops.
 */
async function storm(url: string, killWhen: (s: Storm) => Promise<void>, exited: Promise<unknown>): Promise<Storm> {
  const s: Storm = { bookings: [], holds: [], cut: 0 };
  const a = await api(url, 'GET', '/v1/availability?services=personalausweis');
  assert.equal(a.status, 200);
  const slots = (a.body as { days: { slots: { start: string; location: string }[] }[] }).days.flatMap((d) => d.slots).slice(0, 40);
  assert.ok(slots.length >= 10, 'the seed offers enough slots for a storm');
  let n = 0;
  let running = true;
  const client = async (c: number) => {
    let slot = slots[c % slots.length]!;
    while (running) {
      try {
        const h = await hold(url, slot);
        // Graceful shutdown began: new requests are refused with 503 (Retry-After), like a cut.
        if (h.status === 503) return void s.cut++;
        if (h.status === 409) {
          const alternatives = (h.body as { alternatives?: { start: string; location: string }[] }).alternatives ?? [];
          slot = alternatives[c % Math.max(1, alternatives.length)] ?? slots[(c + ++n) % slots.length]!;
          continue;
        }
        assert.equal(h.status, 201, `hold: ${h.status} ${h.text}`);
        s.holds.push(h.body.holdId as string);
        const b = await book(url, h.body.holdId as string, { email: `storm-${c}-${++n}@example.org` });
        if (b.status === 503) return void s.cut++;
        assert.equal(b.status, 201, `booking: ${b.status} ${b.text}`);
        s.bookings.push({ id: b.body.id as string, manageToken: b.body.manageToken as string, start: b.body.start as string, location: b.body.location as string });
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        // Graceful shutdown began: the challenge is refused with 503 like the requests above, a cut
        // too; any other refusal is a failure.
        if (error instanceof ChallengeRefused && error.status !== 503) throw error;
        // Otherwise the connection broke: the server was killed.
        s.cut++;
        return;
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await killWhen(s);
  // Once the server process is gone, a request still waiting (its connection died with the
  // process) counts as cut after a short grace, so the storm never outlives the server.
  const all = Promise.allSettled(clients);
  const gone = exited.then(() => new Promise<'gone'>((done) => setTimeout(() => done('gone'), 5000).unref()));
  const settled = await Promise.race([all, gone]);
  running = false;
  if (settled === 'gone') {
    s.cut++;
    return s;
  }
  for (const r of settled) if (r.status === 'rejected') throw r.reason;
  return s;
}

/** Everything that must hold in the data after the crash; returns counts for the messages. */
async function checkData(db: Db, storm: Storm) {
  const mismatched = await db.query<{ location_id: string; start_ms: number; used: number; counted: number }>(`
    WITH taken AS (
      SELECT location_id, unnest(units) AS start_ms FROM holds WHERE state = 'active'
      UNION ALL
      SELECT location_id, unnest(units) AS start_ms FROM bookings WHERE status = 'confirmed'
    ), counted AS (SELECT location_id, start_ms, count(*)::int AS n FROM taken GROUP BY location_id, start_ms)
    SELECT u.location_id, u.start_ms, u.used, coalesce(c.n, 0) AS counted
    FROM slot_units u FULL JOIN counted c ON c.location_id = u.location_id AND c.start_ms = u.start_ms
    WHERE u.used IS DISTINCT FROM coalesce(c.n, 0)`);
  assert.deepEqual(mismatched.rows, [], 'every unit counts exactly its active holds and confirmed bookings');
  const oversold = await db.query('SELECT location_id, start_ms FROM slot_units WHERE used > capacity OR used < 0');
  assert.deepEqual(oversold.rows, [], 'no unit oversold');
  const orphanBookings = await db.query(`SELECT b.id FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM holds h WHERE h.id = ANY(b.applied_holds) AND h.state = 'consumed')`);
  assert.deepEqual(orphanBookings.rows, [], 'every booking consumed its hold');
  const orphanHolds = await db.query(`SELECT h.id FROM holds h WHERE h.state = 'consumed' AND NOT EXISTS (SELECT 1 FROM bookings b WHERE h.id = ANY(b.applied_holds))`);
  assert.deepEqual(orphanHolds.rows, [], 'every consumed hold has its booking');
  const unanswered = await db.query("SELECT key FROM idempotency WHERE status IS NULL AND scope IN ('holds', 'bookings')");
  assert.deepEqual(unanswered.rows, [], 'no idempotency key without its answer');
  const holds = await db.query<{ id: string }>('SELECT id FROM holds WHERE id = ANY($1::uuid[])', [storm.holds]);
  assert.equal(holds.rows.length, storm.holds.length, 'every hold answered 201 is stored');
  const bookings = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE status = 'confirmed'");
  assert.ok(Number(bookings.rows[0]!.n) >= storm.bookings.length, 'at least the answered bookings are stored');
  const notices = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE kind = 'booking_confirmed'");
  assert.equal(Number(notices.rows[0]!.n), Number(bookings.rows[0]!.n), 'each booking has its confirmation e-mail queued (same transaction)');
}

/** Every booking whose 201 reached its client, read back with its manage token. */
async function checkAnswered(url: string, bookings: readonly Confirmed[]) {
  const wrong: string[] = [];
  for (let i = 0; i < bookings.length; i += 8) {
    await Promise.all(
      bookings.slice(i, i + 8).map(async (b) => {
        const r = await api(url, 'GET', `/v1/bookings/${b.id}`, { token: b.manageToken });
        if (r.status !== 200 || r.body.status !== 'confirmed' || r.body.start !== b.start || r.body.location !== b.location) wrong.push(`${b.id}: ${r.status} ${r.text}`);
      }),
    );
  }
  assert.deepEqual(wrong, [], 'every answered booking is intact');
}

async function crashAndRestart(env: Record<string, string>, signal: 'SIGKILL' | 'SIGTERM', openData: () => Promise<Db>) {
  const t0 = Date.now();
  const laps: string[] = [];
  const lap = (what: string) => laps.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const first = await startChild(env);
  lap('started');
  let killedAt = 0;
  const s = await storm(first.url, async (st) => {
    const deadline = Date.now() + STORM_MS;
    while (st.bookings.length < KILL_AFTER_BOOKINGS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    killedAt = st.bookings.length;
    lap(`kill after ${st.bookings.length} bookings`);
    first.process.kill(signal);
  }, first.exited);
  // A server that does not stop is a failure with its own words, not the test's time limit.
  const code = await Promise.race([first.exited, new Promise<'hung'>((done) => setTimeout(() => done('hung'), EXIT_MS).unref())]);
  if (code === 'hung') {
    first.process.kill('SIGKILL');
    assert.fail(`the server did not exit within ${EXIT_MS / 1000} s of ${signal} (${laps.join(', ')}):\n${first.output()}`);
  }
  lap('exited');
  if (signal === 'SIGTERM') assert.equal(code, 0, `graceful shutdown exits 0:\n${first.output()}`);
  assert.ok(killedAt >= 1, `bookings went through before the kill:\n${first.output()}`);
  assert.ok(s.cut >= 1, 'the kill hit the storm while requests were running');

  const second = await startChild(env);
  lap('restarted');
  try {
    await checkAnswered(second.url, s.bookings);
    const slot = (await api(second.url, 'GET', '/v1/availability?services=personalausweis')).body.days.flatMap((d: { slots: unknown[] }) => d.slots)[0];
    const h = await hold(second.url, slot);
    assert.equal(h.status, 201, 'the restarted server takes holds');
    assert.equal((await book(second.url, h.body.holdId as string, { email: 'after-crash@example.org' })).status, 201, 'and bookings');
  } finally {
    second.process.kill('SIGTERM');
    assert.equal(await second.exited, 0, `the restarted server stops cleanly:\n${second.output()}`);
  }
  lap('stopped again');
  const db = await openData();
  try {
    await checkData(db, s);
  } finally {
    await db.close();
  }
  console.log(`[crash ${signal}] ${s.bookings.length} bookings and ${s.holds.length} holds answered, ${s.cut} requests cut; ${laps.join(', ')}`);
  return s;
}

describe('server: the storm client', () => {
  // A client of the storm that asked for a challenge after SIGTERM got a 503 and solved the problem
  // body's missing difficulty for ever: the storm never ended (the SIGTERM test hung to its time
  // limit) or, once the storm stopped waiting for it, kept the test process alive.
  it('stops on a challenge refused with 503 once shutdown began, instead of solving for ever', { timeout: 60_000 }, async () => {
    const s = await pgliteServer();
    try {
      s.ctx.closing = true; // what close() sets first: every operation answers 503 from here on
      await assert.rejects(proof(s.url), (error) => error instanceof ChallengeRefused && error.status === 503);
    } finally {
      await s.close();
      rmSync(s.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});

describe('server: crash during a booking storm', () => {
  let pgsql: Postgres;
  before(async () => {
    pgsql = await startPostgres();
  });
  after(async () => {
    finished = true;
    for (const child of running) child.kill('SIGKILL');
    await pgsql?.stop();
    // A backstop: this file's process once stayed alive after both tests passed (a storm client
    // solving a refused challenge for ever, see 'the storm client' above) and the test runner
    // waited for it. Should anything keep it alive again, 10 s after the clean-up it says what and
    // ends itself with the exit code node:test has set; a process that ends by itself never sees
    // this timer.
    setTimeout(() => {
      console.warn(`[crash] still alive 10 s after its tests; active: ${process.getActiveResourcesInfo().join(', ')} — ending it`);
      process.exit();
    }, 10_000).unref();
  });

  it('PostgreSQL, SIGKILL: every answered booking intact, nothing half-written, nothing oversold', { timeout: 240_000 }, async () => {
    const url = await pgsql.database();
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-crash-'));
    try {
      const s = await crashAndRestart({ DATABASE_URL: url, CIVIC_DATA_DIR: dataDir }, 'SIGKILL', () => openDb({ databaseUrl: url }));
      assert.ok(s.bookings.length >= 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });

  it('PGlite, SIGTERM: graceful shutdown drains; every answered booking intact, nothing half-written', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-crash-'));
    try {
      const s = await crashAndRestart({ CIVIC_DATA_DIR: dataDir }, 'SIGTERM', () => openDb({ dataDir: join(dataDir, 'pglite') }));
      assert.ok(s.bookings.length >= 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
