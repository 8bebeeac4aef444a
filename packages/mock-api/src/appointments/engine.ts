/**
 * The in-memory appointment book: seats per slot unit, holds, bookings, staff blocks, the waiting
 * list and an outbox of notifications. Every check-and-take runs synchronously (no `await` between
 * counting free seats and taking them), so seats can never be oversold, however requests interleave.
 */
import { addDays, daysBetween, formatInstant, localDate, type AppointmentType, type Location, type Seed, type Service, type SlotUnit } from '@civic-elements/contract/seed';
import { emailKey } from '@civic-elements/contract';

/** One key per mailbox (see `activeBookingsFor`); an address the contract would refuse keys as itself. */
const mailbox = (email: string): string => emailKey(email) ?? email.trim().toLowerCase();

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

export interface HoldRecord {
  id: string;
  location: string;
  services: ServiceQty[];
  type: AppointmentType;
  /** Indexes into the location's `slots`. */
  units: number[];
  startMs: number;
  endMs: number;
  expiresAt: number;
  extensionsLeft: number;
  state: 'active' | 'released' | 'consumed' | 'expired' | 'invalidated';
  createdAt: number;
}

export interface BookingRecord {
  id: string;
  reference: string;
  manageToken: string;
  status: 'confirmed' | 'cancelled';
  location: string;
  services: ServiceQty[];
  type: AppointmentType;
  units: number[];
  startMs: number;
  endMs: number;
  contact: { name: string; email: string; phone?: string };
  note?: string;
  locale: string;
  joinUrl?: string;
  createdAt: number;
  cancelledAt?: number;
  cancelledBy?: 'citizen' | 'office';
  cancellationReason?: string;
  /** Grows with every reschedule (the ICS `SEQUENCE`). */
  sequence: number;
  /** Holds already applied by `rescheduleBooking` (the PATCH is idempotent on `holdId`). */
  appliedHolds: string[];
}

export interface BlockRecord {
  id: string;
  location: string;
  fromMs: number;
  toMs: number;
  services?: string[];
  reason: string;
  createdAt: number;
  released: boolean;
  blockedSlots: number;
  cancelledBookings: { id: string; reference: string; notified: boolean }[];
}

export interface WaitlistRecord {
  id: string;
  services: ServiceQty[];
  location?: string;
  type: AppointmentType;
  from: string;
  to: string;
  email: string;
  locale: string;
  createdAt: number;
}

/** What the mock would have e-mailed (tests and the demo read it; nothing is sent). */
export type Notification =
  | { kind: 'booking_confirmed' | 'booking_rescheduled' | 'booking_cancelled'; to: string; locale: string; bookingId: string; reference: string; at: number }
  | { kind: 'booking_cancelled_by_office'; to: string; locale: string; bookingId: string; reference: string; reason: string; at: number }
  | { kind: 'waitlist_slot_free'; to: string; locale: string; waitlistId: string; location: string; date: string; start: string; at: number };

export class AppointmentBook {
  readonly holds = new Map<string, HoldRecord>();
  readonly bookings = new Map<string, BookingRecord>();
  readonly blocks = new Map<string, BlockRecord>();
  readonly waitlist = new Map<string, WaitlistRecord>();
  readonly notifications: Notification[] = [];
  /** Seats used per location and unit index (holds + bookings made at run time). */
  private readonly used = new Map<string, Int32Array>();
  private readonly locations = new Map<string, Location>();
  private readonly services = new Map<string, Service>();

  constructor(
    readonly seed: Seed,
    private readonly now: () => number,
  ) {
    for (const l of seed.locations) {
      this.locations.set(l.id, l);
      this.used.set(l.id, new Int32Array(l.slots.length));
    }
    for (const s of seed.services) this.services.set(s.id, s);
  }

  /** Today in the town's time zone, on the injected clock. */
  today(): string {
    return localDate(this.now(), this.seed.town.timeZone);
  }

  location(id: string): Location | undefined {
    return this.locations.get(id);
  }

  service(id: string): Service | undefined {
    return this.services.get(id);
  }

  /** Total minutes of an appointment for these services and quantities. */
  minutes(services: readonly ServiceQty[]): number {
    return services.reduce((sum, s) => sum + (this.services.get(s.id)?.durationMinutes ?? 0) * s.qty, 0);
  }

  /** Whether `location` offers every service and the type (and every service offers the type). */
  offers(location: Location, services: readonly ServiceQty[], type: AppointmentType): boolean {
    return (
      location.appointmentTypes.includes(type) &&
      services.every((s) => location.services.includes(s.id) && (this.services.get(s.id)?.appointmentTypes.includes(type) ?? false))
    );
  }

  private blockedFor(location: string, unit: SlotUnit, serviceIds: readonly string[]): boolean {
    for (const b of this.blocks.values()) {
      if (b.released || b.location !== location) continue;
      if (unit.startMs < b.toMs && unit.endMs > b.fromMs && (!b.services || serviceIds.some((s) => b.services!.includes(s)))) return true;
    }
    return false;
  }

  /** Free seats of one unit for these services (0 when blocked or the services may not be booked then). */
  freeSeats(location: Location, index: number, serviceIds: readonly string[]): number {
    const unit = location.slots[index];
    if (!unit) return 0;
    if (!serviceIds.every((s) => unit.services.includes(s))) return 0;
    if (this.blockedFor(location.id, unit, serviceIds)) return 0;
    return unit.capacity - unit.taken - (this.used.get(location.id)?.[index] ?? 0);
  }

  /** The unit indexes an appointment starting at unit `first` needs, or undefined if they do not fit in its block. */
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

  /** A bookable slot starting at unit `first` (seats = the fewest free seats over its units), or undefined. */
  slotAt(location: Location, first: number, services: readonly ServiceQty[]): { slot: Slot; units: number[] } | undefined {
    const minutes = this.minutes(services);
    const units = this.span(location, first, minutes);
    if (!units) return undefined;
    const ids = services.map((s) => s.id);
    let seats = Infinity;
    for (const i of units) seats = Math.min(seats, this.freeSeats(location, i, ids));
    if (seats < 1) return undefined;
    const unit = location.slots[first]!;
    return {
      slot: { start: unit.start, end: formatInstant(unit.startMs + minutes * 60_000, location.timeZone), seats, location: location.id },
      units,
    };
  }

  /** Free slots at these locations between two dates (inclusive), sorted by start, then location. */
  search(locations: readonly Location[], services: readonly ServiceQty[], from: string, to: string): { date: string; slot: Slot; startMs: number }[] {
    const found: { date: string; slot: Slot; startMs: number }[] = [];
    for (const l of locations) {
      l.slots.forEach((u, i) => {
        if (u.date < from || u.date > to || u.startMs < this.now() + l.slotRules.leadMinutes * 60_000) return;
        const hit = this.slotAt(l, i, services);
        if (hit) found.push({ date: u.date, slot: hit.slot, startMs: u.startMs });
      });
    }
    return found.sort((a, b) => a.startMs - b.startMs || a.slot.location.localeCompare(b.slot.location));
  }

  /** Up to `max` free slots nearest in time to `startMs`: the same location first, then the others. */
  alternatives(location: Location, services: readonly ServiceQty[], type: AppointmentType, startMs: number, max = 5): Slot[] {
    const near = (list: { slot: Slot; startMs: number }[]) => list.sort((a, b) => Math.abs(a.startMs - startMs) - Math.abs(b.startMs - startMs) || a.startMs - b.startMs);
    const horizon = this.seed.horizon;
    const here = near(this.search([location], services, horizon.from, horizon.to)).map((x) => x.slot);
    if (here.length >= max) return here.slice(0, max);
    const others = this.seed.locations.filter((l) => l.id !== location.id && this.offers(l, services, type));
    const there = near(this.search(others, services, horizon.from, horizon.to)).map((x) => x.slot);
    return [...here, ...there].slice(0, max);
  }

  private take(location: string, units: readonly number[], delta: 1 | -1): void {
    const used = this.used.get(location);
    if (!used) return;
    for (const i of units) used[i] = (used[i] ?? 0) + delta;
  }

  /**
   * Holds the slot at `startMs` if every unit still has a seat; synchronous so that concurrent
   * requests can never both take the last seat.
   */
  tryHold(id: string, location: Location, services: ServiceQty[], type: AppointmentType, startMs: number, ttlMs: number, extensions: number): HoldRecord | undefined {
    this.sweep();
    const first = location.slots.findIndex((u) => u.startMs === startMs);
    if (first < 0 || startMs < this.now() + location.slotRules.leadMinutes * 60_000) return undefined;
    const hit = this.slotAt(location, first, services);
    if (!hit) return undefined;
    const now = this.now();
    const hold: HoldRecord = {
      id,
      location: location.id,
      services,
      type,
      units: hit.units,
      startMs,
      endMs: startMs + this.minutes(services) * 60_000,
      expiresAt: now + ttlMs,
      extensionsLeft: extensions,
      state: 'active',
      createdAt: now,
    };
    this.take(location.id, hit.units, 1);
    this.holds.set(id, hold);
    return hold;
  }

  /** Marks holds whose time ran out as expired, freeing their seats (and telling the waiting list). */
  sweep(): void {
    const now = this.now();
    for (const h of this.holds.values()) {
      if (h.state === 'active' && h.expiresAt <= now) {
        h.state = 'expired';
        this.take(h.location, h.units, -1);
        this.seatsFreed(h.location, h.units);
      }
    }
  }

  releaseHold(h: HoldRecord): void {
    if (h.state !== 'active') return;
    h.state = 'released';
    this.take(h.location, h.units, -1);
    this.seatsFreed(h.location, h.units);
  }

  /** Turns an active hold into seats of a booking (the seats stay taken). */
  consumeHold(h: HoldRecord): void {
    h.state = 'consumed';
  }

  /** Frees a booking's seats (cancel, or the old time of a reschedule). */
  freeBooking(b: BookingRecord): void {
    this.take(b.location, b.units, -1);
    this.seatsFreed(b.location, b.units);
  }

  /**
   * Confirmed bookings in the future for this mailbox: case-insensitive, local part in NFC, domain
   * in A-label form (`Anna@Müller.de` and `anna@xn--mller-kva.de` are one mailbox), as the
   * contract's `Email` says for limits per address.
   */
  activeBookingsFor(email: string): BookingRecord[] {
    const key = mailbox(email);
    return [...this.bookings.values()].filter((b) => b.status === 'confirmed' && b.startMs > this.now() && mailbox(b.contact.email) === key);
  }

  /** Blocks a time range: cancels overlapping bookings, invalidates overlapping holds. */
  block(record: BlockRecord): void {
    const location = this.locations.get(record.location);
    if (!location) return;
    const overlaps = (startMs: number, endMs: number, services: readonly ServiceQty[]) =>
      startMs < record.toMs && endMs > record.fromMs && (!record.services || services.some((s) => record.services!.includes(s.id)));
    record.blockedSlots = location.slots.filter((u) => u.startMs < record.toMs && u.endMs > record.fromMs && (!record.services || record.services.some((s) => u.services.includes(s)))).length;
    this.blocks.set(record.id, record);
    for (const h of this.holds.values()) {
      if (h.state === 'active' && h.location === record.location && overlaps(h.startMs, h.endMs, h.services)) {
        h.state = 'invalidated';
        this.take(h.location, h.units, -1);
      }
    }
    for (const b of this.bookings.values()) {
      if (b.status !== 'confirmed' || b.location !== record.location || !overlaps(b.startMs, b.endMs, b.services)) continue;
      b.status = 'cancelled';
      b.cancelledAt = this.now();
      b.cancelledBy = 'office';
      b.cancellationReason = record.reason;
      b.sequence++;
      this.take(b.location, b.units, -1);
      this.notifications.push({ kind: 'booking_cancelled_by_office', to: b.contact.email, locale: b.locale, bookingId: b.id, reference: b.reference, reason: record.reason, at: this.now() });
      record.cancelledBookings.push({ id: b.id, reference: b.reference, notified: true });
    }
  }

  releaseBlock(record: BlockRecord): void {
    if (record.released) return;
    record.released = true;
    const location = this.locations.get(record.location);
    if (!location) return;
    const units = location.slots.flatMap((u, i) => (u.startMs < record.toMs && u.endMs > record.fromMs ? [i] : []));
    this.seatsFreed(record.location, units);
  }

  /**
   * Seats became free at `location` (units): every waiting-list entry for which a slot is now
   * free on one of those dates gets one notification (a hint, not a hold).
   */
  seatsFreed(locationId: string, units: readonly number[]): void {
    const location = this.locations.get(locationId);
    if (!location || units.length === 0) return;
    const dates = [...new Set(units.map((i) => location.slots[i]?.date).filter((d): d is string => !!d))].sort();
    const today = this.today();
    for (const w of this.waitlist.values()) {
      if (w.to < today || (w.location && w.location !== locationId) || !this.offers(location, w.services, w.type)) continue;
      for (const date of dates) {
        if (date < w.from || date > w.to) continue;
        const free = this.search([location], w.services, date, date)[0];
        if (free) {
          this.notifications.push({ kind: 'waitlist_slot_free', to: w.email, locale: w.locale, waitlistId: w.id, location: locationId, date, start: free.slot.start, at: this.now() });
          break;
        }
      }
    }
  }

  /** Drops waiting-list entries whose range is over. */
  expireWaitlist(): void {
    for (const [id, w] of this.waitlist) if (daysBetween(this.today(), w.to) < 0) this.waitlist.delete(id);
  }

  /** Dates from `from` to `to` inclusive. */
  static dates(from: string, to: string): string[] {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
    return out;
  }
}
