/**
 * The storage interface behaves the same on PGlite and on PostgreSQL: row counts, bigint
 * instants as numbers, rollback, the oversell constraint, idempotent migrations, LISTEN/NOTIFY.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, openPglite, openPostgres, MIGRATIONS, type Db } from '@civic-elements/server';
import { startPostgres, type Postgres } from './helpers.js';

function contract(name: string, open: () => Promise<Db>) {
  describe(`storage: ${name}`, () => {
    let db: Db;
    before(async () => {
      db = await open();
    });
    after(async () => {
      await db.close();
    });

    it('applies every migration once', async () => {
      assert.equal(await migrate(db), 0);
      const v = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(v.rows.map((r) => Number(r.version)), MIGRATIONS.map((m) => m.version));
    });

    it('counts rows alike and returns bigints as numbers', async () => {
      const ins = await db.query('INSERT INTO slot_units (location_id, start_ms, capacity) VALUES ($1, $2, 1), ($1, $3, 1)', ['db-test', 1_800_000_000_000, 1_800_000_300_000]);
      assert.equal(ins.rowCount, 2);
      const sel = await db.query<{ start_ms: number }>('SELECT start_ms FROM slot_units WHERE location_id = $1 ORDER BY start_ms', ['db-test']);
      assert.equal(sel.rowCount, 2);
      assert.equal(sel.rows[0]!.start_ms, 1_800_000_000_000);
      const upd = await db.query('UPDATE slot_units SET used = used + 1 WHERE location_id = $1 AND used < capacity', ['db-test']);
      assert.equal(upd.rowCount, 2);
      const none = await db.query('UPDATE slot_units SET used = used + 1 WHERE location_id = $1 AND used < capacity', ['db-test']);
      assert.equal(none.rowCount, 0);
    });

    it('refuses an oversold seat by constraint and rolls the whole transaction back', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO meta (key, value) VALUES ('rollback-probe', 'x')");
          await tx.query('UPDATE slot_units SET used = used + 1 WHERE location_id = $1', ['db-test']);
        }),
        (error: { code?: string }) => error.code === '23514',
      );
      assert.equal((await db.query("SELECT 1 FROM meta WHERE key = 'rollback-probe'")).rowCount, 0);
    });

    it('delivers NOTIFY to listeners', async () => {
      const got: string[] = [];
      const unlisten = await db.listen('civic_test', (p) => got.push(p));
      await db.notify('civic_test', 'hello');
      for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await unlisten();
      assert.deepEqual(got, ['hello']);
    });
  });
}

contract('PGlite (in memory)', () => openPglite());

let pgc: Postgres | undefined;
contract('PostgreSQL', async () => {
  pgc = await startPostgres();
  return openPostgres(await pgc.database());
});
after(async () => {
  await pgc?.stop();
});
