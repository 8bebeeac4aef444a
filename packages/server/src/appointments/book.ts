/**
 * The appointment book over the database: the seed says which slot units exist (time, block,
 * services), `slot_units` says how many seats each still has, `blocks` which are closed by staff.
 * Free slots are computed from one query per search. Every change of seats or blocks also sends
 * NOTIFY `civic_seats` inside its transaction, so every process sharing the database hears of it
 * after the commit (the availability cache in ./index.ts follows it). Seats are taken with one conditional UPDATE per span inside a transaction
 * (`used < capacity`, re-checked under the row lock) and a CHECK constraint refuses overselling.
 */
import { addDays, formatInstant, localDate, type AppointmentType, type Location, type Seed, type Service } from '@civic-elements/contract/seed';
import type { Queryable } from '../db.js';

export interface ServiceQty {
  id: string;
  qty: number;
}

export interface Slot {
  start: string;
  end: string;
  seats: number;
  location: string;
}

export interface ActiveBlock {
  location: string;
  fromMs: number;
  toMs: number;
  services: string[] | null;
}

/** Free seats per location and unit start, plus the active staff blocks, for one search. */
export interface SeatState {
  free: Map<string, Map<number, number>>;
  blocks: ActiveBlock[];
}

const DAY_MS = 86_400_000;

/** The NOTIFY channel that says a location's seats or blocks changed (payload: the location id). */
export const SEATS_CHANNEL = 'civic_seats';

export class SlotTaken extends Error {
  constructor() {
    super('slot_taken');
  }
}

export class Book {
  private readonly locations = new Map<string, Location>();
  private readonly services = new Map<string, Service>();
  private readonly unitIndex = new Map<string, Map<number, number>>();
  private todayMemo = { minute: NaN, date: '' };

  constructor(readonly seed: Seed) {
    for (const l of seed.locations) {
      this.locations.set(l.id, l);
      this.unitIndex.set(l.id, new Map(l.slots.map((u, i) => [u.startMs, i])));
    }
    for (const s of seed.services) this.services.set(s.id, s);
  }

  location(id: string): Location | undefined {
    return this.locations.get(id);
  }

  service(id: string): Service | undefined {
    return this.services.get(id);
  }

  /** The local date at `now`; remembered for the current minute (no time zone changes its date inside a UTC minute). */
  today(now: number): string {
    const minute = Math.floor(now / 60_000);
    if (minute !== this.todayMemo.minute) this.todayMemo = { minute, date: localDate(minute * 60_000, this.seed.town.timeZone) };
    return this.todayMemo.date;
  }

  minutes(services: readonly ServiceQty[]): number {
    return services.reduce((sum, s) => sum + (this.services.get(s.id)?.durationMinutes ?? 0) * s.qty, 0);
  }

  offers(location: Location, services: readonly ServiceQty[], type: AppointmentType): boolean {
    return (
      location.appointmentTypes.includes(type) &&
      services.every((s) => location.services.includes(s.id) && (this.services.get(s.id)?.appointmentTypes.includes(type) ?? false))
    );
  }

  /** The unit indexes an appointment starting at unit `first` needs, or undefined if they leave its block. */
  span(location: Location, first: number, minutes: number): number[] | undefined {
    const start = location.slots[first];
    if (!start) return undefined;
    const count = Math.max(1, Math.ceil(minutes / location.slotRules.slotMinutes));
    const units: number[] = [];
    for (let i = first; i < first + count; i++) {
      const u = location.slots[i];
      if (!u || u.block !== start.block) return undefined;
      units.push(i);
    }
    return units;
  }

  firstUnit(location: Location, startMs: number): number | undefined {
    return this.unitIndex.get(location.id)?.get(startMs);
  }

  /** Loads free seats and active blocks of these locations between two instants. */
  async state(q: Queryable, locations: readonly string[], fromMs: number, toMs: number): Promise<SeatState> {
    const free = new Map<string, Map<number, number>>();
    for (const id of locations) free.set(id, new Map());
    if (locations.length === 0) return { free, blocks: [] };
    const rows = await q.query<{ location_id: string; start_ms: number; free: number }>(
      'SELECT location_id, start_ms, capacity - used AS free FROM slot_units WHERE location_id = ANY($1::text[]) AND start_ms >= $2 AND start_ms < $3',
      [locations, fromMs, toMs],
    );
    for (const r of rows.rows) free.get(r.location_id)?.set(Number(r.start_ms), Number(r.free));
    const blocks = await q.query<{ location_id: string; from_ms: number; to_ms: number; services: string[] | null }>(
      'SELECT location_id, from_ms, to_ms, services FROM blocks WHERE NOT released AND location_id = ANY($1::text[]) AND to_ms > $2 AND from_ms < $3',
      [locations, fromMs, toMs],
    );
    return { free, blocks: blocks.rows.map((b) => ({ location: b.location_id, fromMs: Number(b.from_ms), toMs: Number(b.to_ms), services: b.services })) };
  }

  private blocked(state: SeatState, location: string, startMs: number, endMs: number, serviceIds: readonly string[]): boolean {
    return state.blocks.some((b) => b.location === location && startMs < b.toMs && endMs > b.fromMs && (!b.services || serviceIds.some((s) => b.services!.includes(s))));
  }

  /** A bookable slot at unit `first` (seats = the fewest free over its units), or undefined. */
  slotAt(state: SeatState, location: Location, first: number, services: readonly ServiceQty[]): { slot: Slot; units: number[] } | undefined {
    const minutes = this.minutes(services);
    const units = this.span(location, first, minutes);
    if (!units) return undefined;
    const ids = services.map((s) => s.id);
    const free = state.free.get(location.id);
    let seats = Infinity;
    for (const i of units) {
      const u = location.slots[i]!;
      if (!ids.every((s) => u.services.includes(s)) || this.blocked(state, location.id, u.startMs, u.endMs, ids)) return undefined;
      seats = Math.min(seats, free?.get(u.startMs) ?? 0);
    }
    if (!(seats >= 1)) return undefined;
    const unit = location.slots[first]!;
    return { slot: { start: unit.start, end: formatInstant(unit.startMs + minutes * 60_000, location.timeZone), seats, location: location.id }, units };
  }

  /** Free slots between two local dates (inclusive), sorted by start then location. */
  search(state: SeatState, locations: readonly Location[], services: readonly ServiceQty[], from: string, to: string, now: number): { date: string; slot: Slot; startMs: number }[] {
    const found: { date: string; slot: Slot; startMs: number }[] = [];
    for (const l of locations) {
      l.slots.forEach((u, i) => {
        if (u.date < from || u.date > to || u.startMs < now + l.slotRules.leadMinutes * 60_000) return;
        const hit = this.slotAt(state, l, i, services);
        if (hit) found.push({ date: u.date, slot: hit.slot, startMs: u.startMs });
      });
    }
    return found.sort((a, b) => a.startMs - b.startMs || a.slot.location.localeCompare(b.slot.location));
  }

  /** Instant range covering local dates `from`…`to` with a day of margin (time zones). */
  static range(from: string, to: string): [number, number] {
    return [Date.parse(`${addDays(from, -1)}T00:00:00Z`), Date.parse(`${addDays(to, 2)}T00:00:00Z`)];
  }

  /** Up to `max` free slots nearest to `startMs`: this location first, then the others offering the same. */
  async alternatives(q: Queryable, location: Location, services: readonly ServiceQty[], type: AppointmentType, startMs: number, now: number, max = 5): Promise<Slot[]> {
    const here = await this.nearest(q, [location], services, startMs, now, max);
    if (here.length >= max) return here;
    const others = this.seed.locations.filter((l) => l.id !== location.id && this.offers(l, services, type));
    return [...here, ...(await this.nearest(q, others, services, startMs, now, max - here.length))];
  }

  /**
   * The `k` free slots of these locations nearest to `startMs` within the horizon (ties: earlier
   * first, then by location). Searches outward: a window of a day either side, widened fourfold
   * until it holds `k` slots none farther than its edges, so seats are read and slots formatted
   * only near the wanted time.
   */
  async nearest(q: Queryable, locations: readonly Location[], services: readonly ServiceQty[], startMs: number, now: number, k: number): Promise<Slot[]> {
    if (k <= 0 || locations.length === 0) return [];
    const { from, to } = this.seed.horizon;
    const [horizonFrom, horizonTo] = Book.range(from, to);
    const ids = locations.map((l) => l.id);
    for (let days = 1; ; days *= 4) {
      const lo = Math.max(horizonFrom, startMs - days * DAY_MS);
      const hi = Math.min(horizonTo, startMs + days * DAY_MS);
      // A day more after `hi`: a slot starting inside the window may need units after it.
      const state = await this.state(q, ids, lo, hi + DAY_MS);
      const hits: { slot: Slot; startMs: number; distance: number }[] = [];
      for (const l of locations) {
        const earliest = now + l.slotRules.leadMinutes * 60_000;
        l.slots.forEach((u, i) => {
          if (u.startMs < lo || u.startMs > hi || u.startMs < earliest || u.date < from || u.date > to) return;
          const hit = this.slotAt(state, l, i, services);
          if (hit) hits.push({ slot: hit.slot, startMs: u.startMs, distance: Math.abs(u.startMs - startMs) });
        });
      }
      hits.sort((a, b) => a.distance - b.distance || a.startMs - b.startMs || a.slot.location.localeCompare(b.slot.location));
      const found = hits.slice(0, k);
      const reach = found.length === k ? found[k - 1]!.distance : Infinity;
      const complete = (lo === horizonFrom || reach <= startMs - lo) && (hi === horizonTo || reach <= hi - startMs);
      if (complete || (lo === horizonFrom && hi === horizonTo)) return found.map((f) => f.slot);
    }
  }

  /** Takes one seat of every unit (inside the caller's transaction) or throws `SlotTaken`. */
  async take(tx: Queryable, location: string, unitStarts: readonly number[]): Promise<void> {
    const r = await tx.query('UPDATE slot_units SET used = used + 1 WHERE location_id = $1 AND start_ms = ANY($2::bigint[]) AND used < capacity', [location, unitStarts]);
    if (r.rowCount !== unitStarts.length) throw new SlotTaken();
    await this.changed(tx, location);
  }

  async free(tx: Queryable, location: string, unitStarts: readonly number[]): Promise<void> {
    const r = await tx.query('UPDATE slot_units SET used = used - 1 WHERE location_id = $1 AND start_ms = ANY($2::bigint[]) AND used > 0', [location, unitStarts]);
    if (r.rowCount > 0) await this.changed(tx, location);
  }

  /** Tells every process (after the caller's transaction commits) that this location's seats or blocks changed. */
  async changed(tx: Queryable, location: string): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [SEATS_CHANNEL, location]);
  }

  /** The first instant after `now` at which a slot of these locations passes its lead time (leaves the answers). */
  nextLeadCutoff(locations: readonly Location[], now: number): number {
    let next = Infinity;
    for (const l of locations) {
      const lead = l.slotRules.leadMinutes * 60_000;
      // Units are in time order: the first one still bookable is the next to pass its lead time.
      const u = l.slots.find((x) => x.startMs >= now + lead);
      if (u && u.startMs - lead < next) next = u.startMs - lead;
    }
    return next;
  }

  unitStarts(location: Location, units: readonly number[]): number[] {
    return units.map((i) => location.slots[i]!.startMs);
  }
}
