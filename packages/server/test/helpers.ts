/**
 * Test helpers: a server on a temporary PGlite data directory or on a PostgreSQL started here on
 * 127.0.0.1 (Debian's postgresql-15; as the postgres user when running as root, since initdb
 * refuses root), a controllable clock, and small API clients (proof of work, holds, bookings).
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solvePow } from '@civic-elements/core/antibot';
import { configFromEnv, startServer, silentLogger, type Logger, type RunningServer } from '@civic-elements/server';
import pg from 'pg';

export const ORIGIN = 'https://www.musterstadt.de';
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** Holds live 60 s in these tests (a loaded machine must not expire them by accident); tests move the clock. */
export const TEST_HOLD_TTL_SECONDS = 60;
export const PG_INSTALL = 'apt-get install -y postgresql-15';

/** A clock that runs at real speed plus an offset tests can move forward. */
export class TestClock {
  offset = 0;
  now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestServer extends RunningServer {
  url: string;
  dataDir: string;
  clock: TestClock;
}

export async function pgliteServer(o: { dataDir?: string; env?: Record<string, string>; clock?: TestClock; log?: Logger; deliveryMs?: number } = {}): Promise<TestServer> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'civic-server-'));
  const clock = o.clock ?? new TestClock();
  const s = await startServer({
    config: configFromEnv({ CIVIC_TEST_MODE: '1', CIVIC_DATA_DIR: dataDir, PORT: '0', CIVIC_CORS_ORIGINS: ORIGIN, CIVIC_SECRET: 'test-secret-0123456789', CIVIC_HOLD_TTL_SECONDS: String(TEST_HOLD_TTL_SECONDS), ...o.env }),
    clock,
    log: o.log ?? silentLogger,
    // Tests deliver e-mails explicitly (server.deliver()), so nothing races them.
    deliveryMs: o.deliveryMs ?? 0,
  });
  return Object.assign(s, { url: s.url!, dataDir, clock });
}

export async function postgresServer(databaseUrl: string, o: { env?: Record<string, string>; clock?: TestClock; log?: Logger } = {}): Promise<TestServer> {
  return pgliteServer({ ...o, env: { DATABASE_URL: databaseUrl, ...o.env } });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

export interface Postgres {
  port: number;
  /** A new, empty database on this cluster. */
  database(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a throw-away PostgreSQL cluster. Throws (never skips) when PostgreSQL is not installed,
 * naming the install command.
 */
export async function startPostgres(): Promise<Postgres> {
  const initdb = join(PG_BIN, 'initdb');
  if (!existsSync(initdb)) throw new Error(`PostgreSQL 15 is not installed (${initdb} is missing). Install it with: ${PG_INSTALL}`);
  const dir = mkdtempSync(join(tmpdir(), 'civic-pg-'));
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) => (root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' }));
  if (root) {
    const pgUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const pgGroup = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pgUser.stdout.trim()), Number(pgGroup.stdout.trim()));
  }
  const data = join(dir, 'data');
  const init = as(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  const start = as(join(PG_BIN, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`);
  let n = 0;
  return {
    port,
    async database() {
      const name = `civic_${process.pid}_${++n}`;
      const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      as(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let keys = 0;
export const idemKey = () => `test-key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;

export async function api(base: string, method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; token?: string; key?: string | false } = {}) {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.key !== false && method === 'POST') headers['Idempotency-Key'] = o.key ?? idemKey();
  const r = await fetch(base + path, { method, headers, ...(o.body !== undefined && { body: JSON.stringify(o.body) }) });
  const text = await r.text();
  let body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: r.status, headers: r.headers, body, text };
}

/** The challenge request was not answered 200 (e.g. 503 once the server's shutdown began). */
export class ChallengeRefused extends Error {
  constructor(readonly status: number) {
    super(`GET /v1/antibot/challenge answered ${status}`);
    this.name = 'ChallengeRefused';
  }
}

/**
 * Fetches a challenge and solves it. A refused challenge throws `ChallengeRefused`: solving the
 * problem body's missing `difficulty` would never end (no hash has at least `undefined` zero bits).
 */
export async function proof(base: string) {
  const r = await api(base, 'GET', '/v1/antibot/challenge');
  if (r.status !== 200) throw new ChallengeRefused(r.status);
  const c = r.body as { challenge: string; difficulty: number; signature: string };
  const nonce = await solvePow(c.challenge, c.difficulty);
  return { challenge: c.challenge, nonce: String(nonce), signature: c.signature };
}

/** The first free slot for one `personalausweis` in person, with its seat count. */
export async function firstSlot(base: string, service = 'personalausweis', notBefore = 0) {
  const a = (await api(base, 'GET', `/v1/availability?services=${service}`)).body as { days: { slots: { start: string; location: string; seats: number }[] }[] };
  const slot = a.days.flatMap((d) => d.slots).find((s) => s.seats >= 1 && Date.parse(s.start) >= notBefore);
  if (!slot) throw new Error('no free slot in the seed');
  return slot;
}

export async function hold(base: string, slot: { start: string; location: string }, o: { key?: string; service?: string } = {}) {
  return api(base, 'POST', '/v1/holds', { body: { location: slot.location, services: [{ id: o.service ?? 'personalausweis', qty: 1 }], start: slot.start, type: 'in_person', proof: await proof(base) }, ...(o.key && { key: o.key }) });
}

export const contact = { name: 'Erika Mustermann', email: 'erika.mustermann@example.org' };

export async function book(base: string, holdId: string, o: { email?: string; key?: string } = {}) {
  return api(base, 'POST', '/v1/bookings', { body: { holdId, contact: { ...contact, ...(o.email && { email: o.email }) }, consent: true }, ...(o.key && { key: o.key }) });
}

/** Opens an event stream; `next(pred)` resolves with the first event (after those already read) that matches. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const r = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const events: { event: string; id?: string; data: any }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const pump = async (): Promise<boolean> => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buffer += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const e: { event: string; id?: string; data: unknown } = { event: 'message', data: undefined };
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) e.event = line.slice(7);
        else if (line.startsWith('id: ')) e.id = line.slice(4);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) {
        e.data = JSON.parse(data);
        events.push(e);
      }
    }
    return true;
  };
  let read = 0;
  return {
    status: r.status,
    headers: r.headers,
    async next(pred: (e: (typeof events)[number]) => boolean = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (read < events.length) {
          const e = events[read++]!;
          if (pred(e)) return e;
        }
        if (ended) throw new Error('the stream ended');
        if (Date.now() > deadline) throw new Error('no matching event in time');
        await pump();
      }
    },
    /** Resolves true when the server ends the stream. */
    async ended(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!ended && Date.now() < deadline) await pump();
      return ended;
    },
    close: () => controller.abort(),
  };
}

export async function caseToken(base: string, c: { reference: string; secondFactor: { birthdate: string } }) {
  const r = await api(base, 'POST', '/v1/cases/lookup', { key: false, body: { reference: c.reference, secondFactor: { kind: 'birthdate', value: c.secondFactor.birthdate } } });
  if (r.status !== 200) throw new Error(`lookup failed: ${r.status}`);
  return r.body as { caseId: string; accessToken: string };
}
