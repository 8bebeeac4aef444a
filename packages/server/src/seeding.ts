/**
 * First start: the shared Musterstadt seed is materialised once against the first start's clock,
 * and that instant is stored, so every later start (and every process sharing the database)
 * materialises the identical seed. Seats of every slot unit go into `slot_units`.
 */
import { loadSeed, type Seed, type SeedVariant } from '@civic-elements/contract/seed';
import type { Db } from './db.js';
import { storable } from './text.js';

export async function seedAnchor(db: Db, now: number, variant: SeedVariant): Promise<{ seed: Seed; anchor: number; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727002)');
    const row = (await tx.query<{ value: string }>("SELECT value FROM meta WHERE key = 'seed_anchor'")).rows[0];
    if (row) return { seed: storable(loadSeed({ now: Number(row.value), variant })), anchor: Number(row.value), created: false };
    const seed = storable(loadSeed({ now, variant }));
    const loc: string[] = [];
    const start: number[] = [];
    const cap: number[] = [];
    for (const l of seed.locations) {
      for (const u of l.slots) {
        loc.push(l.id);
        start.push(u.startMs);
        cap.push(Math.max(0, u.capacity - u.taken));
      }
    }
    await tx.query('INSERT INTO slot_units (location_id, start_ms, capacity) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])', [loc, start, cap]);
    await tx.query("INSERT INTO meta (key, value) VALUES ('seed_anchor', $1)", [String(now)]);
    return { seed, anchor: now, created: true };
  });
}
