/**
 * Appointments on SQL: catalogue, availability, proof-of-work challenges, holds (with TTL),
 * bookings (manage token, reschedule, cancel, iCalendar), the waiting list, and the staff
 * operations of this domain (block/release slots, edit service texts). The behaviour follows the
 * mock (packages/mock-api/src/appointments); every change runs in one transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { addDays, daysBetween, formatInstant, localise, type AppointmentType, type Location, type LocalizedText, type Service } from '@civic-elements/contract/seed';
import type * as C from '@civic-elements/contract';
import { emailKey as mailboxKey } from '@civic-elements/contract';
import type { Handlers, RequestContext, ServerContext } from '../app.js';
import type { Queryable } from '../db.js';
import { Abort, fingerprint, idempotent, type Created } from '../idempotency.js';
import { Antibot } from '../antibot.js';
import { acceptsGzip, bearer, fail, invalid, invalidBody, invalidQuery, json, noContent, notFound, problem, token, unauthorized, sameSecret } from '../http.js';
import { buildIcs } from '@civic-elements/mock-api/ics';
import type { FieldError } from '../contract.js';
import type { Mail, PendingNotification } from '../notifier.js';
import { Book, SEATS_CHANNEL, SlotTaken, type ServiceQty, type Slot } from './book.js';

export const MAX_RANGE_DAYS = 92;
/** The longest an availability answer is reused without a seat change heard of (well inside the 1-second freshness rule). */
export const AVAILABILITY_MAX_AGE_MS = 500;
const AVAILABILITY_CACHE_ENTRIES = 256;
const LIMITS = { reads: 600, challenges: 60, holds: 30, bookings: 20, waitlist: 20 };
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const validDate = (d: string) => DATE.test(d) && addDays(d, 0) === d;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEXT = {
  slotTaken: { de: 'Dieser Termin ist nicht mehr frei.', en: 'This slot is no longer available.' },
  holdExpired: { de: 'Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.', en: 'The reservation has expired. Please choose the slot again.' },
  extensionLimit: { de: 'Die Reservierung kann nicht weiter verlängert werden.', en: 'The reservation cannot be extended any further.' },
  holdNotFound: { de: 'Diese Reservierung gibt es nicht (mehr).', en: 'This reservation does not exist (any more).' },
  tooLate: { de: 'Der Termin kann online nicht mehr geändert werden.', en: 'The appointment can no longer be changed online.' },
  cancelled: { de: 'Der Termin wurde abgesagt.', en: 'The appointment was cancelled.' },
  limit: (n: number): LocalizedText => ({ de: `Pro E-Mail-Adresse sind höchstens ${n} offene Termine möglich.`, en: `At most ${n} open appointments per e-mail address.` }),
};

interface HoldRow {
  id: string;
  location_id: string;
  services: ServiceQty[];
  type: AppointmentType;
  units: number[];
  start_ms: number;
  end_ms: number;
  expires_at: number;
  extensions_left: number;
  state: string;
}

interface BookingRow {
  id: string;
  reference: string;
  manage_token_hash: string;
  status: 'confirmed' | 'cancelled';
  location_id: string;
  services: ServiceQty[];
  type: AppointmentType;
  units: number[];
  start_ms: number;
  end_ms: number;
  contact: { name: string; email: string; phone?: string };
  note: string | null;
  locale: string;
  join_url: string | null;
  created_at: number;
  cancelled_at: number | null;
  cancelled_by: 'citizen' | 'office' | null;
  cancellation_reason: string | null;
  sequence: number;
  applied_holds: string[];
}

const utf8 = new TextEncoder();
const gzip = promisify(gzipCallback);
/**
 * gzip level of availability answers. Measured on the picker's month answer of the seed (86.5 KB):
 * level 6 (zlib's default) 4.8 KB in about 1 ms, level 1 5.9 KB in 0.3 ms, level 9 no smaller
 * than 6. It runs once per cached answer (at most every 500 ms per query), so size wins.
 */
const AVAILABILITY_GZIP_LEVEL = 6;
/**
 * The same headers `json()` sets, for an availability answer already serialised (and encoded
 * once), gzip-compressed or not: both vary with `Accept-Encoding`.
 */
const availabilityResponse = (body: Uint8Array<ArrayBuffer>, lang: string, gzipped: boolean) =>
  new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', 'Content-Language': lang, Vary: 'Accept-Encoding', ...(gzipped && { 'Content-Encoding': 'gzip' }) },
  });

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const nums = (a: unknown[]) => a.map(Number);

/** Notification kinds the notifier turns into e-mails. */
export type NotificationKind = 'booking_confirmed' | 'booking_rescheduled' | 'booking_cancelled' | 'booking_cancelled_by_office' | 'waitlist_slot_free';

export async function notify(tx: Queryable, kind: NotificationKind, recipient: string, locale: string, data: Record<string, unknown>, now: number): Promise<void> {
  await tx.query('INSERT INTO notifications (kind, recipient, locale, data, created_at) VALUES ($1, $2, $3, $4, $5)', [kind, recipient, locale, JSON.stringify(data), now]);
}

export function createAppointments(ctx: ServerContext) {
  const { db, seed } = ctx;
  const tz = seed.town.timeZone;
  const book = new Book(seed);
  const antibot = new Antibot(ctx.secret);
  const bookingLimit = ctx.config.bookingLimit ?? seed.town.bookingLimitPerEmail;
  const now = () => ctx.clock.now();
  /** Staff edits of service texts (service → locale → texts), kept in `service_texts`. */
  let texts = new Map<string, Map<string, { name?: string; description?: string }>>();

  const loadTexts = async () => {
    const rows = await db.query<{ service_id: string; locale: string; name: string | null; description: string | null }>('SELECT service_id, locale, name, description FROM service_texts');
    const next = new Map<string, Map<string, { name?: string; description?: string }>>();
    for (const r of rows.rows) {
      const m = next.get(r.service_id) ?? new Map();
      m.set(r.locale, { ...(r.name !== null && { name: r.name }), ...(r.description !== null && { description: r.description }) });
      next.set(r.service_id, m);
    }
    texts = next;
  };

  const textOf = (s: Service, field: 'name' | 'description'): LocalizedText => {
    const edits = texts.get(s.id);
    if (!edits) return s[field];
    const merged: LocalizedText = { ...s[field] };
    for (const [locale, t] of edits) if (t[field] !== undefined) merged[locale] = t[field];
    return merged;
  };

  // ------------------------------------------------------------------ availability cache

  /**
   * Rendered availability answers, reused while no seat changed. `seatRevision` goes up after every
   * transaction that may change seats or blocks in this process has finished (so after its commit),
   * and when another process sharing the database says so (NOTIFY `civic_seats`, sent inside its
   * transactions, so delivered after their commits). An answer is stored under the revision read
   * before its seats were read, so one computed from seats a concurrent change already replaced is
   * never served. Entries also end at `AVAILABILITY_MAX_AGE_MS` (a lost notification cannot keep a
   * seat stale for long) and when the next slot passes its lead time. The entry is stored while
   * its answer is still being computed, so concurrent questions wait for that one computation
   * instead of each running their own (200 clients at once otherwise all miss together).
   */
  let seatRevision = 0;
  interface CachedAvailability {
    revision: number;
    validUntil: number;
    /** The answer, UTF-8 encoded. */
    body: Promise<Uint8Array<ArrayBuffer>>;
    /** The same bytes gzip-compressed, made on the first question that accepts gzip. */
    gzipped?: Promise<Uint8Array<ArrayBuffer>>;
  }
  const availabilityCache = new Map<string, CachedAvailability>();
  /** The entry's answer as the client accepts it (`Accept-Encoding`). */
  const availabilityAnswer = async (entry: CachedAvailability, lang: string, wantsGzip: boolean): Promise<Response> => {
    if (!wantsGzip) return availabilityResponse(await entry.body, lang, false);
    const gzipped = (entry.gzipped ??= entry.body.then(async (bytes) => {
      const out = await gzip(bytes, { level: AVAILABILITY_GZIP_LEVEL });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
    }));
    // A failed compression is not kept either.
    gzipped.catch(() => entry.gzipped === gzipped && delete entry.gzipped);
    return availabilityResponse(await gzipped, lang, true);
  };
  const seatsChanged = () => {
    seatRevision++;
    availabilityCache.clear();
  };
  /** Runs `fn` (which may change seats) and then marks the cached answers stale, whatever its outcome. */
  const changingSeats = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } finally {
      seatsChanged();
    }
  };

  // ------------------------------------------------------------------ expiry sweep

  let lastSweep = 0;
  /** Expires holds whose time ran out, freeing their seats and telling the waiting list (at most every 250 ms unless forced). */
  const sweep = async (force = false) => {
    const t = now();
    if (!force && t - lastSweep < 250) return;
    lastSweep = t;
    const expired = await db.transaction(async (tx) => {
      const rows = await tx.query<{ location_id: string; units: number[] }>("UPDATE holds SET state = 'expired' WHERE state = 'active' AND expires_at <= $1 RETURNING location_id, units", [t]);
      for (const h of rows.rows) {
        await book.free(tx, h.location_id, nums(h.units));
        await seatsFreed(tx, h.location_id, nums(h.units));
      }
      return rows.rows.length;
    });
    if (expired > 0) seatsChanged();
  };

  /** Seats became free: each waiting-list entry with a free slot on one of those dates gets one notice (a hint, not a hold). */
  const seatsFreed = async (tx: Queryable, locationId: string, unitStarts: readonly number[]) => {
    const location = book.location(locationId);
    if (!location || unitStarts.length === 0) return;
    const dates = [...new Set(unitStarts.map((ms) => book.today(ms)))].sort();
    const today = book.today(now());
    const entries = await tx.query<{ id: string; services: ServiceQty[]; type: AppointmentType; from_date: string; to_date: string; email: string | null; locale: string }>(
      'SELECT id, services, type, from_date, to_date, email, locale FROM waitlist WHERE to_date >= $1 AND from_date <= $2 AND to_date >= $3 AND (location_id IS NULL OR location_id = $4) AND email IS NOT NULL',
      [today, dates[dates.length - 1], dates[0], locationId],
    );
    if (entries.rows.length === 0) return;
    const [fromMs, toMs] = Book.range(dates[0]!, dates[dates.length - 1]!);
    const state = await book.state(tx, [locationId], fromMs, toMs);
    for (const w of entries.rows) {
      if (!book.offers(location, w.services, w.type)) continue;
      for (const date of dates) {
        if (date < w.from_date || date > w.to_date) continue;
        const free = book.search(state, [location], w.services, date, date, now())[0];
        if (free) {
          await notify(tx, 'waitlist_slot_free', w.email!, w.locale, { waitlistId: w.id, location: locationId, date, start: free.slot.start }, now());
          break;
        }
      }
    }
  };

  // ------------------------------------------------------------------ views

  const serviceView = (s: Service, lang: string): C.Service => ({
    id: s.id,
    name: localise(textOf(s, 'name'), lang),
    description: localise(textOf(s, 'description'), lang),
    durationMinutes: s.durationMinutes,
    maxQuantity: s.maxQuantity,
    requiredDocuments: s.requiredDocuments.map((d) => localise(d, lang)),
    fee: s.fee ? { amount: s.fee.amount, currency: s.fee.currency } : null,
    appointmentTypes: s.appointmentTypes,
    ...(s.url ? { url: s.url } : {}),
  });

  const locationView = (l: Location, lang: string): C.Location => ({
    id: l.id,
    name: localise(l.name, lang),
    address: { street: l.address.street, postalCode: l.address.postalCode, city: l.address.city },
    geo: l.geo,
    timeZone: l.timeZone,
    openingHours: l.openingHours,
    exceptions: l.exceptions.map((e): C.HoursException => ({ ...e, reason: localise(e.reason, lang) })),
    accessibility: { ...(l.accessibility.stepFree === undefined ? {} : { stepFree: l.accessibility.stepFree }), notes: localise(l.accessibility.notes, lang) },
    appointmentTypes: l.appointmentTypes,
    services: l.services,
    ...(l.phone ? { phone: l.phone } : {}),
    ...(l.email ? { email: l.email } : {}),
    ...(l.url ? { url: l.url } : {}),
  });

  const holdView = (h: HoldRow): C.Hold => ({
    holdId: h.id,
    expiresAt: formatInstant(Number(h.expires_at), tz),
    extensionsLeft: Number(h.extensions_left),
    start: formatInstant(Number(h.start_ms), tz),
    end: formatInstant(Number(h.end_ms), tz),
    location: h.location_id,
    services: h.services,
    type: h.type,
  });

  const changeableUntil = (b: BookingRow) => Number(b.start_ms) - seed.town.changeableUntilMinutes * 60_000;

  const bookingView = (b: BookingRow): C.Booking => ({
    id: b.id,
    reference: b.reference,
    status: b.status,
    start: formatInstant(Number(b.start_ms), tz),
    end: formatInstant(Number(b.end_ms), tz),
    location: b.location_id,
    type: b.type,
    services: b.services,
    contact: b.contact,
    ...(b.note !== null ? { note: b.note } : {}),
    ...(b.join_url ? { joinUrl: b.join_url } : {}),
    changeableUntil: formatInstant(changeableUntil(b), tz),
    createdAt: formatInstant(Number(b.created_at), tz),
    ...(b.cancelled_at !== null ? { cancelledAt: formatInstant(Number(b.cancelled_at), tz) } : {}),
    ...(b.cancelled_by ? { cancelledBy: b.cancelled_by } : {}),
    ...(b.cancellation_reason ? { cancellationReason: b.cancellation_reason } : {}),
  });

  const problemBody = (status: number, code: string, detail: string, ext: Record<string, unknown> = {}): Created => ({ status, body: problem(status, code, detail, ext) });

  /** Unknown service ids → 404; duplicate ids, quantities and the type → 400. */
  const checkSelection = (services: ServiceQty[], type: AppointmentType, where: 'query' | 'body'): Response | undefined => {
    const at = (field: 'services' | 'type', sub = ''): Pick<FieldError, 'in' | 'parameter' | 'pointer'> => (where === 'query' ? { in: 'query', parameter: field } : { in: 'body', pointer: `/${field}${sub}` });
    const ids = services.map((s) => s.id);
    if (new Set(ids).size !== ids.length) return invalid([{ ...at('services'), detail: 'must name each service at most once' }]);
    for (const s of services) if (!book.service(s.id)) return notFound(`No service ${s.id}.`);
    const errors = services.flatMap((s, i): FieldError[] => {
      const max = book.service(s.id)!.maxQuantity;
      return s.qty > max ? [{ ...at('services', `/${i}/qty`), detail: `must be at most ${max}` }] : [];
    });
    if (errors.length) return invalid(errors);
    if (!services.some((s) => book.service(s.id)!.appointmentTypes.includes(type))) return invalid([{ ...at('type'), detail: 'is not offered for these services' }]);
    return undefined;
  };

  const fingerprintOf = (rc: RequestContext) => fingerprint({ method: rc.request.method, path: rc.url.pathname, ags: rc.request.headers.get('X-Civic-AGS'), body: rc.body });
  const keyOf = (rc: RequestContext) => rc.request.headers.get('Idempotency-Key')!;

  const loadBooking = async (q: Queryable, id: string, lock = false): Promise<BookingRow | undefined> =>
    (await q.query<BookingRow>(`SELECT * FROM bookings WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];

  /** The booking the bearer manage token opens (unknown id, malformed id and wrong token all answer 401). */
  const authenticateBooking = async (rc: RequestContext): Promise<BookingRow | Response> => {
    const t = bearer(rc.request);
    const id = rc.params.bookingId ?? '';
    if (!t || !UUID.test(id)) return unauthorized();
    const b = await loadBooking(db, id);
    return b && sameSecret(hashToken(t), b.manage_token_hash) ? b : unauthorized();
  };

  const reference = (): string => {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const r = Array.from(crypto.getRandomValues(new Uint8Array(8)), (x) => alphabet[x % alphabet.length]).join('');
    return `MS-${r.slice(0, 4)}-${r.slice(4)}`;
  };

  const joinUrl = () => `https://video.${seed.town.host.replace(/^civic-api\./, '')}/termin/${token('')}`;

  const tooLate = (b: BookingRow, lang: string) => fail(409, 'too_late', localise(TEXT.tooLate, lang), { deadline: formatInstant(changeableUntil(b), tz) });

  const handlers: Handlers = {
    listServices: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      handle({ url, lang }) {
        const q = url.searchParams.get('q');
        const needle = q?.toLocaleLowerCase('de');
        const items = seed.services
          .filter((s) => !needle || [textOf(s, 'name'), textOf(s, 'description')].some((t) => [localise(t, lang), t.de].some((x) => x.toLocaleLowerCase('de').includes(needle))))
          .map((s) => serviceView(s, lang))
          .sort((a, b) => a.name.localeCompare(b.name, lang));
        return json({ items }, { lang });
      },
    },
    getService: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      handle({ params, lang }) {
        const s = book.service(params.serviceId ?? '');
        return s ? json(serviceView(s, lang), { lang }) : notFound('No such service.');
      },
    },
    listLocations: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      handle({ url, lang }) {
        const service = url.searchParams.get('service');
        if (service !== null && !book.service(service)) return notFound('No such service.');
        const items = seed.locations
          .filter((l) => service === null || l.services.includes(service))
          .map((l) => locationView(l, lang))
          .sort((a, b) => a.name.localeCompare(b.name, lang));
        return json({ items }, { lang });
      },
    },
    getLocation: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      handle({ params, lang }) {
        const l = book.location(params.locationId ?? '');
        return l ? json(locationView(l, lang), { lang }) : notFound('No such location.');
      },
    },

    getAvailability: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      async handle({ url, lang, request }) {
        const p = url.searchParams;
        const services: ServiceQty[] = p
          .get('services')!
          .split(',')
          .map((pair) => {
            const [id = '', qty] = pair.split(':');
            return { id, qty: qty ? Number(qty) : 1 };
          });
        const type = (p.get('type') ?? 'in_person') as AppointmentType;
        const fromParam = p.get('from');
        const toParam = p.get('to');
        if (fromParam !== null && !validDate(fromParam)) return invalidQuery('from', 'must be a date YYYY-MM-DD');
        if (toParam !== null && !validDate(toParam)) return invalidQuery('to', 'must be a date YYYY-MM-DD');
        const bad = checkSelection(services, type, 'query');
        if (bad) return bad;
        const locationId = p.get('location');
        let candidates = seed.locations;
        if (locationId !== null) {
          const l = book.location(locationId);
          if (!l) return notFound('No such location.');
          candidates = [l];
        }
        candidates = candidates.filter((l) => book.offers(l, services, type));
        const today = book.today(now());
        const horizon = { from: seed.horizon.from < today ? today : seed.horizon.from, to: seed.horizon.to };
        const from = fromParam ?? horizon.from;
        const to = toParam ?? addDays(from, 30);
        if (to < from) return invalidQuery('to', 'must not be before from');
        if (daysBetween(from, to) > MAX_RANGE_DAYS) return invalidQuery('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
        await sweep();
        const t = now();
        const cacheKey = `${today}|${locationId ?? ''}|${type}|${from}|${to}|${services.map((s) => `${s.id}:${s.qty}`).join(',')}`;
        const cached = availabilityCache.get(cacheKey);
        const wantsGzip = acceptsGzip(request.headers.get('Accept-Encoding'));
        if (cached && cached.revision === seatRevision && t < cached.validUntil) return availabilityAnswer(cached, lang, wantsGzip);
        const revision = seatRevision;
        const compute = async (): Promise<Uint8Array<ArrayBuffer>> => {
          const first = from < horizon.from ? horizon.from : from;
          const last = to > horizon.to ? horizon.to : to;
          const days: C.AvailabilityDay[] = [];
          let next: string | undefined;
          if (first <= last || last < horizon.to) {
            const [fromMs, toMs] = Book.range(first <= last ? first : horizon.from, horizon.to);
            const state = await book.state(db, candidates.map((l) => l.id), fromMs, toMs);
            if (first <= last) {
              const found = book.search(state, candidates, services, first, last, t);
              const byDate = new Map<string, Slot[]>();
              for (const f of found) {
                const list = byDate.get(f.date);
                if (list) list.push(f.slot);
                else byDate.set(f.date, [f.slot]);
              }
              for (let d = first; d <= last; d = addDays(d, 1)) days.push({ date: d, slots: byDate.get(d) ?? [] });
            }
            if (last < horizon.to) next = book.search(state, candidates, services, addDays(last < first ? first : last, last < first ? 0 : 1), horizon.to, t)[0]?.date;
          }
          return utf8.encode(JSON.stringify({ timeZone: tz, horizon, days, ...(next ? { nextAvailable: next } : {}) } satisfies C.Availability)) as Uint8Array<ArrayBuffer>;
        };
        const body = compute();
        if (availabilityCache.size >= AVAILABILITY_CACHE_ENTRIES) availabilityCache.clear();
        const entry: CachedAvailability = { revision, validUntil: Math.min(t + AVAILABILITY_MAX_AGE_MS, book.nextLeadCutoff(candidates, t)), body };
        availabilityCache.set(cacheKey, entry);
        // A failed computation is not kept: the next question tries again.
        body.catch(() => availabilityCache.get(cacheKey) === entry && availabilityCache.delete(cacheKey));
        return availabilityAnswer(entry, lang, wantsGzip);
      },
    },

    getAntibotChallenge: {
      limit: { bucket: 'challenges', max: LIMITS.challenges },
      handle() {
        const c = antibot.issue(ctx.config.settings.powDifficulty, now());
        const body: C.AntibotChallenge = { algorithm: 'SHA-256', challenge: c.challenge, difficulty: c.difficulty, expiresAt: formatInstant(c.expiresAt, tz), signature: c.signature };
        return json(body, { noStore: true });
      },
    },

    createHold: {
      limit: { bucket: 'holds', max: LIMITS.holds },
      async handle(rc) {
        const b = rc.body as { location: string; services: ServiceQty[]; start: string; type: AppointmentType; proof: { challenge: string; nonce: string; signature: string } };
        const startMs = Date.parse(b.start);
        if (Number.isNaN(startMs)) return invalidBody('/start', 'is not a valid date-time');
        const selection = checkSelection(b.services, b.type, 'body');
        if (selection) return selection;
        const location = book.location(b.location);
        if (!location) return notFound('No such location.');
        if (!book.offers(location, b.services, b.type)) return invalidBody('/location', 'does not offer these services with this appointment type');
        const lang = rc.lang;
        await sweep(true);
        const t = now();
        return idempotent(db, 'holds', keyOf(rc), fingerprintOf(rc), t, async (tx) => {
          const proof = antibot.verify(b.proof, t);
          if (!proof.ok) return problemBody(403, 'proof_invalid', proof.reason);
          const slotTaken = async (): Promise<never> => {
            const alternatives = await book.alternatives(tx, location, b.services, b.type, startMs, t);
            throw new Abort(problemBody(409, 'slot_taken', localise(TEXT.slotTaken, lang), { alternatives }));
          };
          const first = book.firstUnit(location, startMs);
          if (first === undefined || startMs < t + location.slotRules.leadMinutes * 60_000) return slotTaken();
          const units = book.span(location, first, book.minutes(b.services));
          if (!units) return slotTaken();
          // Staff blocks exclude holds on the location while they are written (shared/exclusive advisory lock).
          await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [`location:${location.id}`]);
          const starts = book.unitStarts(location, units);
          const state = await book.state(tx, [location.id], starts[0]! - 1, starts[starts.length - 1]! + 1);
          if (!book.slotAt(state, location, first, b.services)) return slotTaken();
          try {
            await book.take(tx, location.id, starts);
          } catch (error) {
            if (error instanceof SlotTaken) return slotTaken();
            throw error;
          }
          if (!(await antibot.consume(tx, b.proof.challenge, proof.expiresAt, t))) throw new Abort(problemBody(403, 'proof_invalid', 'The challenge was already used.'));
          const hold: HoldRow = {
            id: randomUUID(),
            location_id: location.id,
            services: b.services,
            type: b.type,
            units: starts,
            start_ms: startMs,
            end_ms: startMs + book.minutes(b.services) * 60_000,
            expires_at: t + ctx.config.settings.holdTtlSeconds * 1000,
            extensions_left: seed.town.holdExtensions,
            state: 'active',
          };
          await tx.query(
            "INSERT INTO holds (id, location_id, services, type, units, start_ms, end_ms, expires_at, extensions_left, state, created_at) VALUES ($1, $2, $3, $4, $5::bigint[], $6, $7, $8, $9, 'active', $10)",
            [hold.id, hold.location_id, JSON.stringify(hold.services), hold.type, starts, hold.start_ms, hold.end_ms, hold.expires_at, hold.extensions_left, t],
          );
          return { status: 201, body: holdView(hold), headers: { 'Content-Language': lang } };
        });
      },
    },

    extendHold: {
      limit: { bucket: 'holds', max: LIMITS.holds },
      async handle({ params, lang }) {
        await sweep(true);
        const t = now();
        return db.transaction(async (tx) => {
          const h = (await tx.query<HoldRow>('SELECT * FROM holds WHERE id = $1 FOR UPDATE', [params.holdId])).rows[0];
          if (!h || h.state === 'consumed') return fail(404, 'hold_not_found', localise(TEXT.holdNotFound, lang));
          if (h.state !== 'active' || Number(h.expires_at) <= t) return fail(409, 'hold_expired', localise(TEXT.holdExpired, lang));
          if (Number(h.extensions_left) <= 0) return fail(409, 'hold_extension_limit', localise(TEXT.extensionLimit, lang));
          const expiresAt = t + ctx.config.settings.holdTtlSeconds * 1000;
          await tx.query('UPDATE holds SET extensions_left = extensions_left - 1, expires_at = $2 WHERE id = $1', [h.id, expiresAt]);
          const body: C.HoldExtension = { expiresAt: formatInstant(expiresAt, tz), extensionsLeft: Number(h.extensions_left) - 1 };
          return json(body, { noStore: true });
        });
      },
    },

    releaseHold: {
      limit: { bucket: 'holds', max: LIMITS.holds },
      async handle({ params, lang }) {
        return db.transaction(async (tx) => {
          const h = (await tx.query<HoldRow>('SELECT * FROM holds WHERE id = $1 FOR UPDATE', [params.holdId])).rows[0];
          if (!h || h.state === 'consumed') return fail(404, 'hold_not_found', localise(TEXT.holdNotFound, lang));
          if (h.state === 'active') {
            await tx.query("UPDATE holds SET state = 'released' WHERE id = $1", [h.id]);
            await book.free(tx, h.location_id, nums(h.units));
            await seatsFreed(tx, h.location_id, nums(h.units));
          }
          return noContent();
        });
      },
    },

    createBooking: {
      limit: { bucket: 'bookings', max: LIMITS.bookings },
      async handle(rc) {
        const b = rc.body as { holdId: string; contact: { name: string; email: string; phone?: string }; consent: true; note?: string; locale?: string };
        const lang = rc.lang;
        const t = now();
        return idempotent(db, 'bookings', keyOf(rc), fingerprintOf(rc), t, async (tx) => {
          const h = (await tx.query<HoldRow>('SELECT * FROM holds WHERE id = $1 FOR UPDATE', [b.holdId])).rows[0];
          if (!h || h.state === 'consumed') return problemBody(404, 'hold_not_found', localise(TEXT.holdNotFound, lang));
          if (h.state !== 'active' || Number(h.expires_at) <= t) return problemBody(409, 'hold_expired', localise(TEXT.holdExpired, lang));
          if (h.type === 'phone' && !b.contact.phone) {
            return problemBody(400, 'validation_failed', 'A phone number is required for a phone appointment.', { errors: [{ in: 'body', pointer: '/contact/phone', detail: 'is required for type phone' }] });
          }
          // One mailbox, one key: the Unicode and A-label forms of a domain and any case count
          // together (the contract's Email description). The contract's format has passed, so the
          // fallback only keeps an address it might one day let through from crashing the booking.
          // Keys stored before (trimmed, lower case) equal these for every address the former
          // `format: email` admitted (ASCII only), so existing rows need no migration.
          const emailKey = mailboxKey(b.contact.email) ?? b.contact.email.trim().toLowerCase();
          // One booking at a time per e-mail address, so the limit holds across processes.
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email:${emailKey}`]);
          const active = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE email_key = $1 AND status = 'confirmed' AND start_ms > $2", [emailKey, t]);
          if (Number(active.rows[0]?.n ?? 0) >= bookingLimit) return problemBody(422, 'booking_limit_reached', localise(TEXT.limit(bookingLimit), lang), { limit: bookingLimit });
          const manageToken = token('mt_');
          const row: BookingRow = {
            id: randomUUID(),
            reference: reference(),
            manage_token_hash: hashToken(manageToken),
            status: 'confirmed',
            location_id: h.location_id,
            services: h.services,
            type: h.type,
            units: nums(h.units),
            start_ms: Number(h.start_ms),
            end_ms: Number(h.end_ms),
            contact: { name: b.contact.name, email: b.contact.email, ...(b.contact.phone ? { phone: b.contact.phone } : {}) },
            note: b.note ?? null,
            locale: b.locale ?? lang,
            join_url: h.type === 'video' ? joinUrl() : null,
            created_at: t,
            cancelled_at: null,
            cancelled_by: null,
            cancellation_reason: null,
            sequence: 0,
            applied_holds: [h.id],
          };
          await tx.query(
            `INSERT INTO bookings (id, reference, manage_token_hash, status, location_id, services, type, units, start_ms, end_ms, contact, email_key, note, locale, join_url, created_at, sequence, applied_holds)
             VALUES ($1, $2, $3, 'confirmed', $4, $5, $6, $7::bigint[], $8, $9, $10, $11, $12, $13, $14, $15, 0, $16::uuid[])`,
            [row.id, row.reference, row.manage_token_hash, row.location_id, JSON.stringify(row.services), row.type, row.units, row.start_ms, row.end_ms, JSON.stringify(row.contact), emailKey, row.note, row.locale, row.join_url, t, [h.id]],
          );
          await tx.query("UPDATE holds SET state = 'consumed' WHERE id = $1", [h.id]);
          // The manage token goes into the e-mail's link; it is dropped from the row once delivered.
          await notify(tx, 'booking_confirmed', b.contact.email, row.locale, { bookingId: row.id, manageToken }, t);
          const confirmation: C.BookingConfirmation = { ...bookingView(row), manageToken };
          return { status: 201, body: confirmation, headers: { 'Content-Language': lang } };
        });
      },
    },

    getBooking: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      authenticate: authenticateBooking,
      handle: ({ auth }) => json(bookingView(auth as BookingRow), { noStore: true }),
    },

    rescheduleBooking: {
      limit: { bucket: 'bookings', max: LIMITS.bookings },
      authenticate: authenticateBooking,
      async handle({ auth, body, lang }) {
        const holdId = (body as { holdId: string }).holdId;
        const t = now();
        return db.transaction(async (tx) => {
          const b = (await loadBooking(tx, (auth as BookingRow).id, true))!;
          if (b.applied_holds.includes(holdId)) return json(bookingView(b), { noStore: true });
          const h = (await tx.query<HoldRow>('SELECT * FROM holds WHERE id = $1 FOR UPDATE', [holdId])).rows[0];
          if (!h || h.state === 'consumed') return fail(404, 'hold_not_found', localise(TEXT.holdNotFound, lang));
          if (b.status === 'cancelled') return fail(409, 'conflict', localise(TEXT.cancelled, lang));
          if (t > changeableUntil(b)) return tooLate(b, lang);
          if (h.state !== 'active' || Number(h.expires_at) <= t) return fail(409, 'hold_expired', localise(TEXT.holdExpired, lang));
          const join = h.type === 'video' ? (b.join_url ?? joinUrl()) : null;
          const updated = await tx.query<BookingRow>(
            `UPDATE bookings SET location_id = $2, services = $3, type = $4, units = $5::bigint[], start_ms = $6, end_ms = $7, sequence = sequence + 1,
               applied_holds = array_append(applied_holds, $8::uuid), join_url = $9 WHERE id = $1 RETURNING *`,
            [b.id, h.location_id, JSON.stringify(h.services), h.type, nums(h.units), Number(h.start_ms), Number(h.end_ms), h.id, join],
          );
          await tx.query("UPDATE holds SET state = 'consumed' WHERE id = $1", [h.id]);
          await book.free(tx, b.location_id, nums(b.units));
          await seatsFreed(tx, b.location_id, nums(b.units));
          if (b.contact) await notify(tx, 'booking_rescheduled', b.contact.email, b.locale, { bookingId: b.id }, t);
          return json(bookingView(updated.rows[0]!), { noStore: true });
        });
      },
    },

    cancelBooking: {
      limit: { bucket: 'bookings', max: LIMITS.bookings },
      authenticate: authenticateBooking,
      async handle({ auth, lang }) {
        const t = now();
        return db.transaction(async (tx) => {
          const b = (await loadBooking(tx, (auth as BookingRow).id, true))!;
          if (b.status === 'cancelled') return noContent();
          if (t > changeableUntil(b)) return tooLate(b, lang);
          await tx.query("UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = 'citizen', sequence = sequence + 1 WHERE id = $1", [b.id, t]);
          await book.free(tx, b.location_id, nums(b.units));
          await seatsFreed(tx, b.location_id, nums(b.units));
          if (b.contact) await notify(tx, 'booking_cancelled', b.contact.email, b.locale, { bookingId: b.id }, t);
          return noContent();
        });
      },
    },

    getBookingIcs: {
      limit: { bucket: 'reads', max: LIMITS.reads },
      authenticate: authenticateBooking,
      handle({ auth, lang }) {
        const b = auth as BookingRow;
        return new Response(bookingIcs(b, lang), {
          status: 200,
          headers: {
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': `attachment; filename="termin-${b.reference}.ics"`,
            'Cache-Control': 'no-store',
            'Content-Language': lang,
          },
        });
      },
    },

    joinWaitlist: {
      limit: { bucket: 'waitlist', max: LIMITS.waitlist },
      async handle(rc) {
        const b = rc.body as { services: ServiceQty[]; location?: string; type?: AppointmentType; from: string; to: string; email: string; locale?: string };
        const type = b.type ?? 'in_person';
        const errors: FieldError[] = [];
        if (!validDate(b.from)) errors.push({ in: 'body', pointer: '/from', detail: 'is not a valid date' });
        if (!validDate(b.to)) errors.push({ in: 'body', pointer: '/to', detail: 'is not a valid date' });
        if (!errors.length) {
          if (b.to < b.from) errors.push({ in: 'body', pointer: '/to', detail: 'must not be before from' });
          if (daysBetween(b.from, b.to) > MAX_RANGE_DAYS) errors.push({ in: 'body', pointer: '/to', detail: `must be at most ${MAX_RANGE_DAYS} days after from` });
          if (b.from < book.today(now())) errors.push({ in: 'body', pointer: '/from', detail: 'must not be in the past' });
        }
        if (errors.length) return invalid(errors);
        const selection = checkSelection(b.services, type, 'body');
        if (selection) return selection;
        if (b.location !== undefined && !book.location(b.location)) return notFound('No such location.');
        const t = now();
        return idempotent(db, 'waitlist', keyOf(rc), fingerprintOf(rc), t, async (tx) => {
          const id = randomUUID();
          await tx.query('INSERT INTO waitlist (id, services, location_id, type, from_date, to_date, email, locale, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
            id,
            JSON.stringify(b.services),
            b.location ?? null,
            type,
            b.from,
            b.to,
            b.email,
            b.locale ?? rc.lang,
            t,
          ]);
          const entry: C.WaitlistEntry = { id, from: b.from, to: b.to };
          return { status: 201, body: entry };
        });
      },
    },

    // ---------------------------------------------------------------- staff

    blockSlots: {
      async handle(rc) {
        const b = rc.body as { location: string; from: string; to: string; services?: string[]; reason: string };
        const fromMs = Date.parse(b.from);
        const toMs = Date.parse(b.to);
        if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) return invalidBody('/to', 'must be after from');
        const location = book.location(b.location);
        if (!location) return notFound('No such location.');
        for (const s of b.services ?? []) if (!book.service(s)) return notFound(`No service ${s}.`);
        const t = now();
        return idempotent(db, 'blocks', keyOf(rc), fingerprintOf(rc), t, async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`location:${location.id}`]);
          const overlaps = (s: number, e: number, services: readonly ServiceQty[]) => s < toMs && e > fromMs && (!b.services || services.some((x) => b.services!.includes(x.id)));
          const blockedSlots = location.slots.filter((u) => u.startMs < toMs && u.endMs > fromMs && (!b.services || b.services.some((s) => u.services.includes(s)))).length;
          const holds = await tx.query<HoldRow>("SELECT * FROM holds WHERE state = 'active' AND location_id = $1 AND start_ms < $2 AND end_ms > $3 FOR UPDATE", [location.id, toMs, fromMs]);
          for (const h of holds.rows) {
            if (!overlaps(Number(h.start_ms), Number(h.end_ms), h.services)) continue;
            await tx.query("UPDATE holds SET state = 'invalidated' WHERE id = $1", [h.id]);
            await book.free(tx, h.location_id, nums(h.units));
          }
          const cancelled: { id: string; reference: string; notified: boolean }[] = [];
          const bookings = await tx.query<BookingRow>("SELECT * FROM bookings WHERE status = 'confirmed' AND location_id = $1 AND start_ms < $2 AND end_ms > $3 FOR UPDATE", [location.id, toMs, fromMs]);
          for (const bk of bookings.rows) {
            if (!overlaps(Number(bk.start_ms), Number(bk.end_ms), bk.services)) continue;
            await tx.query("UPDATE bookings SET status = 'cancelled', cancelled_at = $2, cancelled_by = 'office', cancellation_reason = $3, sequence = sequence + 1 WHERE id = $1", [bk.id, t, b.reason]);
            await book.free(tx, bk.location_id, nums(bk.units));
            if (bk.contact) await notify(tx, 'booking_cancelled_by_office', bk.contact.email, bk.locale, { bookingId: bk.id, reason: b.reason }, t);
            cancelled.push({ id: bk.id, reference: bk.reference, notified: bk.contact !== null });
          }
          await book.changed(tx, location.id);
          const id = randomUUID();
          await tx.query('INSERT INTO blocks (id, location_id, from_ms, to_ms, services, reason, created_at, blocked_slots, cancelled_bookings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
            id,
            location.id,
            fromMs,
            toMs,
            b.services ?? null,
            b.reason,
            t,
            blockedSlots,
            JSON.stringify(cancelled),
          ]);
          const view: C.Block = {
            id,
            location: location.id,
            from: formatInstant(fromMs, tz),
            to: formatInstant(toMs, tz),
            ...(b.services ? { services: b.services } : {}),
            reason: b.reason,
            blockedSlots,
            cancelledBookings: cancelled,
            createdAt: formatInstant(t, tz),
          };
          return { status: 201, body: view };
        });
      },
    },

    releaseBlock: {
      async handle({ params }) {
        return db.transaction(async (tx) => {
          const r = (await tx.query<{ location_id: string; from_ms: number; to_ms: number; released: boolean }>('SELECT location_id, from_ms, to_ms, released FROM blocks WHERE id = $1 FOR UPDATE', [params.blockId])).rows[0];
          if (!r) return notFound('No such block.');
          if (!r.released) {
            await tx.query('UPDATE blocks SET released = true WHERE id = $1', [params.blockId]);
            await book.changed(tx, r.location_id);
            const location = book.location(r.location_id);
            const starts = location ? location.slots.filter((u) => u.startMs < Number(r.to_ms) && u.endMs > Number(r.from_ms)).map((u) => u.startMs) : [];
            await seatsFreed(tx, r.location_id, starts);
          }
          return noContent();
        });
      },
    },

    updateService: {
      async handle({ params, body }) {
        const b = body as { locale?: string; name?: string; description?: string };
        if (b.name === undefined && b.description === undefined) return invalid([{ in: 'body', pointer: '', detail: 'At least one of name and description is required.' }]);
        const s = book.service(params.serviceId ?? '');
        if (!s) return notFound('No such service.');
        const locale = b.locale ?? 'de';
        await db.query(
          `INSERT INTO service_texts (service_id, locale, name, description) VALUES ($1, $2, $3, $4)
           ON CONFLICT (service_id, locale) DO UPDATE SET name = COALESCE($3, service_texts.name), description = COALESCE($4, service_texts.description)`,
          [s.id, locale, b.name ?? null, b.description ?? null],
        );
        await loadTexts();
        await db.notify('civic_catalogue', s.id);
        return json(serviceView(s, locale), { lang: locale });
      },
    },
  };

  // Operations that may change seats or blocks: their answers are followed by a new seat revision.
  for (const name of ['createHold', 'releaseHold', 'rescheduleBooking', 'cancelBooking', 'blockSlots', 'releaseBlock']) {
    const h = handlers[name]!;
    const handle = h.handle.bind(h);
    h.handle = (rc) => changingSeats(async () => handle(rc));
  }

  const bookingIcs = (b: BookingRow, lang: string): string => {
    const l = book.location(b.location_id);
    const names = b.services.map((s) => {
      const svc = book.service(s.id);
      const name = svc ? localise(textOf(svc, 'name'), lang) : s.id;
      return s.qty > 1 ? `${s.qty} × ${name}` : name;
    });
    const address = l ? `${localise(l.name, lang)}, ${l.address.street}, ${l.address.postalCode} ${l.address.city}` : undefined;
    return buildIcs({
      uid: `${b.id}@${seed.town.host}`,
      stamp: now(),
      start: Number(b.start_ms),
      end: Number(b.end_ms),
      summary: names.join(', '),
      ...(b.type === 'in_person' && address ? { location: address } : {}),
      description: `${lang.startsWith('de') ? 'Buchungsnummer' : 'Booking reference'}: ${b.reference}`,
      ...(b.join_url ? { url: b.join_url } : {}),
      sequence: Number(b.sequence),
      cancelled: b.status === 'cancelled',
      prodId: '-//Civic Elements//Reference server//DE',
    });
  };

  /** The e-mail for one of this domain's notifications (ICS attached for booking changes). */
  const renderMail = async (q: Queryable, n: PendingNotification): Promise<Mail | undefined> => {
    const de = !n.locale.startsWith('en');
    const lang = de ? 'de' : 'en';
    const when = (ms: number) => new Intl.DateTimeFormat(de ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(ms);
    if (n.kind === 'waitlist_slot_free') {
      const l = book.location(String(n.data.location));
      const start = Date.parse(String(n.data.start));
      return {
        to: n.recipient!,
        locale: lang,
        subject: de ? 'Ein Termin ist frei geworden' : 'An appointment has become available',
        text: de
          ? `Guten Tag,\n\nam ${when(start)} ist bei ${l ? localise(l.name, lang) : ''} ein Termin frei geworden. Der Termin ist nicht für Sie reserviert: Buchen Sie ihn bitte bald online.\n\nIhre Stadtverwaltung`
          : `Hello,\n\nan appointment at ${l ? localise(l.name, lang) : ''} on ${when(start)} has become available. It is not reserved for you: please book it online soon.\n\nYour town administration`,
      };
    }
    const b = await loadBooking(q, String(n.data.bookingId));
    if (!b || !b.contact) return undefined;
    const l = book.location(b.location_id);
    const place = l ? `${localise(l.name, lang)}, ${l.address.street}, ${l.address.postalCode} ${l.address.city}` : '';
    const lines: Record<string, [string, string]> = {
      booking_confirmed: [de ? `Terminbestätigung ${b.reference}` : `Appointment confirmed ${b.reference}`, de ? 'Ihr Termin ist gebucht.' : 'Your appointment is booked.'],
      booking_rescheduled: [de ? `Termin verschoben ${b.reference}` : `Appointment moved ${b.reference}`, de ? 'Ihr Termin wurde verschoben.' : 'Your appointment was moved.'],
      booking_cancelled: [de ? `Termin abgesagt ${b.reference}` : `Appointment cancelled ${b.reference}`, de ? 'Ihr Termin ist abgesagt.' : 'Your appointment is cancelled.'],
      booking_cancelled_by_office: [
        de ? `Ihr Termin fällt aus ${b.reference}` : `Your appointment cannot take place ${b.reference}`,
        de ? `Wir müssen Ihren Termin leider absagen. Grund: ${String(n.data.reason ?? '')}` : `We are sorry, we have to cancel your appointment. Reason: ${String(n.data.reason ?? '')}`,
      ],
    };
    const line = lines[n.kind];
    if (!line) return undefined;
    const page = ctx.config.bookingPageUrl;
    const token = typeof n.data.manageToken === 'string' ? n.data.manageToken : undefined;
    const manage = !token
      ? ''
      : page
        ? `\n\n${de ? 'Termin ansehen, verschieben oder absagen' : 'View, move or cancel your appointment'}:\n${page}#civic-booking=${b.id}.${token}`
        : `\n\n${de ? 'Verschieben oder absagen können Sie über den Link, der nach der Buchung angezeigt wurde.' : 'To move or cancel, use the link shown after booking.'}`;
    return {
      to: n.recipient!,
      locale: lang,
      subject: line[0],
      text: `${de ? 'Guten Tag' : 'Hello'} ${b.contact.name},\n\n${line[1]}\n\n${when(Number(b.start_ms))}\n${place}\n${de ? 'Buchungsnummer' : 'Booking reference'}: ${b.reference}${manage}\n\n${de ? 'Ihre Stadtverwaltung' : 'Your town administration'}`,
      attachments: [{ filename: `termin-${b.reference}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: bookingIcs(b, lang) }],
    };
  };

  return {
    handlers,
    book,
    renderMail,
    sweep,
    bookingIcs,
    /** Loads staff text edits and follows other processes' edits (NOTIFY civic_catalogue). */
    async start() {
      await loadTexts();
      const unlisten = await db.listen('civic_catalogue', () => void loadTexts().catch(() => undefined));
      ctx.onClose(unlisten);
      const unlistenSeats = await db.listen(SEATS_CHANNEL, seatsChanged);
      ctx.onClose(unlistenSeats);
    },
  };
}

export type AppointmentsDomain = ReturnType<typeof createAppointments>;
