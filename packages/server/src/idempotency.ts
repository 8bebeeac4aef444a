/**
 * Idempotency-Key handling stored in the database, in the same transaction as the creation it
 * guards: the key, a fingerprint of the request and the answer commit together or not at all.
 * A second request with the same key waits for the first one's transaction (PostgreSQL row lock
 * on the key) and then gets the stored answer; an answer ≥ 400 is not stored (the transaction,
 * key included, rolls back), so a retry may succeed later.
 */
import type { Db, Queryable } from './db.js';
import { fail, json } from './http.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface Created {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown inside a creation to roll everything back and answer `created` (a problem). */
export class Abort extends Error {
  constructor(readonly created: Created) {
    super('abort');
  }
}

/** A stable fingerprint of a request (key order of JSON objects does not matter). */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(canonical(value));
}

type Outcome = { kind: 'created'; created: Created } | { kind: 'replay'; created: Created } | { kind: 'mismatch' } | { kind: 'in_progress' };

export async function idempotent(db: Db, scope: string, key: string, fp: string, now: number, create: (tx: Queryable) => Promise<Created>): Promise<Response> {
  let outcome: Outcome;
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const inserted = await tx.query('INSERT INTO idempotency (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, key) DO NOTHING RETURNING key', [scope, key, fp, now]);
      if (inserted.rowCount === 0) {
        const row = (await tx.query<{ fingerprint: string; status: number | null; body: unknown; headers: Record<string, string> | null; created_at: number }>('SELECT fingerprint, status, body, headers, created_at FROM idempotency WHERE scope = $1 AND key = $2 FOR UPDATE', [scope, key])).rows[0];
        if (row && Number(row.created_at) > now - IDEMPOTENCY_TTL_MS) {
          if (row.fingerprint !== fp) return { kind: 'mismatch' };
          if (row.status === null) return { kind: 'in_progress' };
          return { kind: 'replay', created: { status: Number(row.status), body: row.body, ...(row.headers && { headers: row.headers }) } };
        }
        // Expired (or vanished): the key is new again.
        await tx.query('INSERT INTO idempotency (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (scope, key) DO UPDATE SET fingerprint = $3, created_at = $4, status = NULL, body = NULL, headers = NULL', [scope, key, fp, now]);
      }
      const created = await create(tx);
      if (created.status >= 400) throw new Abort(created);
      await tx.query('UPDATE idempotency SET status = $3, body = $4, headers = $5 WHERE scope = $1 AND key = $2', [scope, key, created.status, JSON.stringify(created.body), created.headers ? JSON.stringify(created.headers) : null]);
      return { kind: 'created', created };
    });
  } catch (error) {
    if (error instanceof Abort) return respond(error.created, false);
    throw error;
  }
  if (outcome.kind === 'mismatch') return fail(422, 'idempotency_mismatch', 'The Idempotency-Key was already used for a different request.');
  if (outcome.kind === 'in_progress') return fail(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed.', { retryAfter: 1 }, { 'Retry-After': '1' });
  return respond(outcome.created, outcome.kind === 'replay');
}

function respond(c: Created, replayed: boolean): Response {
  const headers: Record<string, string> = { ...c.headers };
  if (replayed) headers['Idempotent-Replayed'] = 'true';
  if (c.status >= 400) return new Response(JSON.stringify(c.body), { status: c.status, headers: { ...headers, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } });
  return json(c.body, { status: c.status, headers, noStore: true });
}

/** Deletes keys older than 24 hours; returns how many. */
export async function sweepIdempotency(db: Queryable, now: number): Promise<number> {
  return (await db.query('DELETE FROM idempotency WHERE created_at <= $1', [now - IDEMPOTENCY_TTL_MS])).rowCount;
}
