/**
 * One storage interface over the embedded PGlite (default; data directory on disk) and a real
 * PostgreSQL (`DATABASE_URL`): the same SQL and migrations run on both. Correctness comes from
 * transactions and constraints, so several processes sharing one PostgreSQL never double-book.
 * Events fan out with LISTEN/NOTIFY on both (PGlite delivers its notifications in process).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg, { type Client, type CustomTypesConfig } from 'pg';
import { MIGRATIONS } from './migrations.js';

export type Row = object;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). Retried on serialisation failures and deadlocks. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; resolves with the unsubscribe function. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

const RETRYABLE = new Set(['40001', '40P01']);

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt < 5 && code && RETRYABLE.has(code)) continue;
      throw error;
    }
  }
}

/** Data directories this process has open. */
const openDirs = new Set<string>();

/**
 * PGlite is a one-process database: two processes (or two opens in one) on one data directory
 * corrupt it. `<dataDir>.lock` holds the owner's pid; a lock whose process is gone is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = `${dir}.lock`;
  const busy = (owner: string) => Object.assign(new Error(`The data directory ${dir} is in use by ${owner}.`), { code: 'EDATADIRBUSY' });
  if (openDirs.has(dir)) throw busy('this process');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw busy(`process ${pid}`);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  openDirs.add(dir);
  return () => {
    openDirs.delete(dir);
    rmSync(file, { force: true });
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** PGlite: PostgreSQL compiled to WebAssembly, in process. `dataDir` undefined = in memory. */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let lite: PGlite;
  try {
    lite = new PGlite(dataDir);
    await lite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db: Db = {
    kind: 'pglite',
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await lite.query<T>(sql, params);
      return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withRetry(() =>
        lite.transaction(async (tx) =>
          fn({
            async query<R extends Row>(sql: string, params: unknown[] = []) {
              const r = await tx.query<R>(sql, params);
              return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
            },
          }),
        ),
      );
    },
    async listen(channel, fn) {
      const unlisten = await lite.listen(channel, fn);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await lite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: async () => {
      try {
        await lite.close();
      } finally {
        unlock();
      }
    },
  };
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** A real PostgreSQL through a connection pool; one extra connection LISTENs for every channel. */
export async function openPostgres(url: string, poolSize = 20): Promise<Db> {
  // int8 (bigint) as a JS number: every bigint here is a millisecond instant or a counter.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: types as CustomTypesConfig });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next query.
  });
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: Client | undefined;
  const listenClient = async (): Promise<Client> => {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url, types: types as CustomTypesConfig });
    await client.connect();
    client.on('notification', (m) => {
      for (const fn of listeners.get(m.channel) ?? []) fn(m.payload ?? '');
    });
    client.on('error', () => {
      listener = undefined;
    });
    listener = client;
    return client;
  };
  const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;
  const db: Db = {
    kind: 'postgres',
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await pool.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withRetry(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            async query<R extends Row>(sql: string, params: unknown[] = []) {
              const r = await client.query(sql, params);
              return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
            },
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    },
    async listen(channel, fn) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await (await listenClient()).query(`LISTEN ${quote(channel)}`);
      }
      set.add(fn);
      return async () => {
        set.delete(fn);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          await listener?.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
        }
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
  await migrate(db);
  return db;
}

/**
 * Applies the migrations not applied yet, each in its own transaction, under an advisory lock so
 * that several processes starting together migrate once.
 */
export async function migrate(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    let applied = 0;
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied++;
    }
    return applied;
  });
}

export function openDb(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
