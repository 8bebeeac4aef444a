/**
 * Appointments: catalogue (services, locations), availability, proof-of-work challenges, slot
 * holds, bookings (manage token, reschedule, cancel, iCalendar), the waiting list, and the staff
 * operations of this domain (block and release slots, edit service texts).
 */
import {
  addDays,
  daysBetween,
  formatInstant,
  localise,
  type AppointmentType,
  type Location,
  type LocalizedText,
  type Service,
} from '@civic-elements/contract/seed';
import type * as Contract from '@civic-elements/contract';
import type { MockContext } from '../context.js';
import { fingerprint } from '../support/idempotency.js';
import { problem } from '../support/problem.js';
import {
  ID,
  RateLimiter,
  Routes,
  UUID,
  bearer,
  check,
  fail,
  idempotencyKey,
  idempotent,
  invalid,
  invalidQuery,
  json,
  noContent,
  notFound,
  rateLimited,
  readJson,
  sameSecret,
  staffDenied,
  token,
  unauthorized,
  uuid,
  v,
  type DomainKit,
  type FieldError,
  type RouteInfo,
} from '../http-kit.js';
import { Antibot } from './antibot.js';
import { AppointmentBook, type BlockRecord, type BookingRecord, type HoldRecord, type ServiceQty } from './engine.js';
import { buildIcs } from './ics.js';

export { AppointmentBook, type BlockRecord, type BookingRecord, type HoldRecord, type Notification, type ServiceQty, type Slot, type WaitlistRecord } from './engine.js';
export { Antibot, CHALLENGE_TTL_MS } from './antibot.js';
export { buildIcs, foldLine, icsText } from './ics.js';

/** Rate limits of this domain when `settings.rateLimits` is on (fixed windows on the context clock). */
export const APPOINTMENT_LIMITS = {
  windowMs: 60_000,
  /** Catalogue and availability reads per window. */
  reads: 600,
  challenges: 60,
  holds: 30,
  bookings: 20,
  waitlist: 20,
};

/** Longest range of one availability or waiting-list request, in days (the contract's 92). */
export const MAX_RANGE_DAYS = 92;

const TYPES = ['in_person', 'phone', 'video'] as const;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const SERVICES_PARAM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(:[1-9][0-9]?)?(,[A-Za-z0-9][A-Za-z0-9._-]{0,63}(:[1-9][0-9]?)?){0,9}$/;

const serviceSelection = v.array(v.object({ id: v.string({ pattern: ID }), qty: v.integer({ min: 1, max: 99 }) }, ['id', 'qty']), { min: 1, max: 10 });
const holdRequest = v.object(
  {
    location: v.string({ pattern: ID }),
    services: serviceSelection,
    start: v.string({ pattern: DATETIME }),
    type: v.string({ enum: TYPES }),
    proof: v.object(
      {
        challenge: v.string({ pattern: /^[A-Za-z0-9._~-]{8,256}$/ }),
        nonce: v.string({ pattern: /^(0|[1-9][0-9]{0,15})$/ }),
        signature: v.string({ pattern: /^[A-Za-z0-9._~-]{8,512}$/ }),
      },
      ['challenge', 'nonce', 'signature'],
    ),
  },
  ['location', 'services', 'start', 'type', 'proof'],
);
const bookingRequest = v.object(
  {
    holdId: v.string({ pattern: UUID }),
    contact: v.object(
      {
        name: v.string({ min: 1, max: 200, pattern: /\S/ }),
        email: v.email(),
        phone: v.string({ min: 6, max: 30, pattern: PHONE }),
      },
      ['name', 'email'],
    ),
    consent: v.boolean(true),
    note: v.string({ max: 1000 }),
    locale: v.string({ min: 2, max: 35, pattern: LOCALE }),
  },
  ['holdId', 'contact', 'consent'],
);
const rescheduleRequest = v.object({ holdId: v.string({ pattern: UUID }) }, ['holdId']);
const waitlistRequest = v.object(
  {
    services: serviceSelection,
    location: v.string({ pattern: ID }),
    type: v.string({ enum: TYPES }),
    from: v.string({ pattern: DATE }),
    to: v.string({ pattern: DATE }),
    email: v.email(),
    locale: v.string({ min: 2, max: 35, pattern: LOCALE }),
    consent: v.boolean(true),
  },
  ['services', 'from', 'to', 'email', 'consent'],
);
const blockRequest = v.object(
  {
    location: v.string({ pattern: ID }),
    from: v.string({ pattern: DATETIME }),
    to: v.string({ pattern: DATETIME }),
    services: v.array(v.string({ pattern: ID }), { min: 1, unique: true }),
    reason: v.string({ min: 1, max: 500 }),
  },
  ['location', 'from', 'to', 'reason'],
);
const serviceUpdateRequest = v.object({
  locale: v.string({ min: 2, max: 35, pattern: LOCALE }),
  name: v.string({ min: 1, max: 200 }),
  description: v.string({ max: 4000 }),
});

const TEXT = {
  slotTaken: { de: 'Dieser Termin ist nicht mehr frei.', en: 'This slot is no longer available.' },
  holdExpired: { de: 'Die Reservierung ist abgelaufen. Bitte wählen Sie den Termin erneut.', en: 'The reservation has expired. Please choose the slot again.' },
  extensionLimit: { de: 'Die Reservierung kann nicht weiter verlängert werden.', en: 'The reservation cannot be extended any further.' },
  holdNotFound: { de: 'Diese Reservierung gibt es nicht (mehr).', en: 'This reservation does not exist (any more).' },
  tooLate: { de: 'Der Termin kann online nicht mehr geändert werden.', en: 'The appointment can no longer be changed online.' },
  cancelled: { de: 'Der Termin wurde abgesagt.', en: 'The appointment was cancelled.' },
  limit: (n: number) => ({ de: `Pro E-Mail-Adresse sind höchstens ${n} offene Termine möglich.`, en: `At most ${n} open appointments per e-mail address.` }),
} satisfies Record<string, LocalizedText | ((n: number) => LocalizedText)>;

export interface AppointmentsOptions {
  /** Future bookings allowed per e-mail address (default: the seed's `town.bookingLimitPerEmail`). */
  bookingLimit?: number;
}

const validDate = (d: string) => DATE.test(d) && addDays(d, 0) === d;

export function createAppointments(ctx: MockContext, kit?: Partial<DomainKit>, options: AppointmentsOptions = {}) {
  const now = () => ctx.clock.now();
  const tz = ctx.seed.town.timeZone;
  const book = new AppointmentBook(ctx.seed, now);
  const antibot = new Antibot(ctx.secret, now);
  const limiter = kit?.limiter ?? new RateLimiter(now);
  const bookingLimit = options.bookingLimit ?? ctx.seed.town.bookingLimitPerEmail;
  const citizen = new Routes(ctx.base, 'citizen');
  const staff = new Routes(ctx.base, 'staff');

  // ------------------------------------------------------------------------------ helpers

  /** 429 when the operation's window is used up (only with `settings.rateLimits`). */
  const limited = (bucket: keyof typeof APPOINTMENT_LIMITS): Response | undefined => {
    if (!ctx.settings.rateLimits || bucket === 'windowMs') return undefined;
    const key = `appointments:${bucket}`;
    const wait = limiter.blocked(key, APPOINTMENT_LIMITS[bucket], APPOINTMENT_LIMITS.windowMs);
    if (wait !== undefined) return rateLimited(wait);
    limiter.count(key, APPOINTMENT_LIMITS.windowMs);
    return undefined;
  };

  /** A multi-town back end answers 404 for an AGS it does not serve; the mock serves one town. */
  const wrongTown = (request: Request): Response | undefined => {
    const ags = request.headers.get('X-Civic-AGS');
    if (ags === null || ags === ctx.seed.town.ags) return undefined;
    if (!/^[0-9]{8}$/.test(ags)) return invalid([{ in: 'header', parameter: 'X-Civic-AGS', detail: 'must be 8 digits' }]);
    return notFound('This back end does not serve that town.');
  };

  type Handler = (info: RouteInfo & { lang: string }) => Response | Promise<Response>;
  const route = (routes: Routes, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, operationId: string, bucket: keyof typeof APPOINTMENT_LIMITS | undefined, handler: Handler) =>
    routes.add(method, path, operationId, (info) => {
      const limit = bucket ? limited(bucket) : undefined;
      if (limit) return limit;
      const town = wrongTown(info.request);
      if (town) return town;
      book.sweep();
      return handler({ ...info, lang: ctx.lang(info.request) });
    });

  const serviceView = (s: Service, lang: string): Contract.Service => ({
    id: s.id,
    name: localise(s.name, lang),
    description: localise(s.description, lang),
    durationMinutes: s.durationMinutes,
    maxQuantity: s.maxQuantity,
    requiredDocuments: s.requiredDocuments.map((d) => localise(d, lang)),
    fee: s.fee ? { amount: s.fee.amount, currency: s.fee.currency } : null,
    appointmentTypes: s.appointmentTypes,
    ...(s.url ? { url: s.url } : {}),
  });

  const locationView = (l: Location, lang: string): Contract.Location => ({
    id: l.id,
    name: localise(l.name, lang),
    address: { street: l.address.street, postalCode: l.address.postalCode, city: l.address.city },
    geo: l.geo,
    timeZone: l.timeZone,
    openingHours: l.openingHours,
    exceptions: l.exceptions.map((e): Contract.HoursException => ({ ...e, reason: localise(e.reason, lang) })),
    accessibility: { ...(l.accessibility.stepFree === undefined ? {} : { stepFree: l.accessibility.stepFree }), notes: localise(l.accessibility.notes, lang) },
    appointmentTypes: l.appointmentTypes,
    services: l.services,
    ...(l.phone ? { phone: l.phone } : {}),
    ...(l.email ? { email: l.email } : {}),
    ...(l.url ? { url: l.url } : {}),
  });

  const holdView = (h: HoldRecord): Contract.Hold => ({
    holdId: h.id,
    expiresAt: formatInstant(h.expiresAt, tz),
    extensionsLeft: h.extensionsLeft,
    start: formatInstant(h.startMs, tz),
    end: formatInstant(h.endMs, tz),
    location: h.location,
    services: h.services,
    type: h.type,
  });

  const changeableUntil = (b: BookingRecord) => b.startMs - ctx.seed.town.changeableUntilMinutes * 60_000;

  const bookingView = (b: BookingRecord): Contract.Booking => ({
    id: b.id,
    reference: b.reference,
    status: b.status,
    start: formatInstant(b.startMs, tz),
    end: formatInstant(b.endMs, tz),
    location: b.location,
    type: b.type,
    services: b.services,
    contact: b.contact,
    ...(b.note !== undefined ? { note: b.note } : {}),
    ...(b.joinUrl ? { joinUrl: b.joinUrl } : {}),
    changeableUntil: formatInstant(changeableUntil(b), tz),
    createdAt: formatInstant(b.createdAt, tz),
    ...(b.cancelledAt !== undefined ? { cancelledAt: formatInstant(b.cancelledAt, tz) } : {}),
    ...(b.cancelledBy ? { cancelledBy: b.cancelledBy } : {}),
    ...(b.cancellationReason ? { cancellationReason: b.cancellationReason } : {}),
  });

  const blockView = (b: BlockRecord): Contract.Block => ({
    id: b.id,
    location: b.location,
    from: formatInstant(b.fromMs, tz),
    to: formatInstant(b.toMs, tz),
    ...(b.services ? { services: b.services } : {}),
    reason: b.reason,
    blockedSlots: b.blockedSlots,
    cancelledBookings: b.cancelledBookings,
    createdAt: formatInstant(b.createdAt, tz),
  });

  /** Unknown service or location ids of a selection → 404; quantity and type rules → 400. */
  const checkSelection = (services: ServiceQty[], type: AppointmentType, where: 'query' | 'body'): Response | undefined => {
    const at = (field: 'services' | 'type', sub = '') => (where === 'query' ? { in: 'query' as const, parameter: field } : { in: 'body' as const, pointer: `/${field}${sub}` });
    const ids = services.map((s) => s.id);
    if (new Set(ids).size !== ids.length) return invalid([{ ...at('services'), detail: 'must name each service at most once' }]);
    for (const s of services) if (!book.service(s.id)) return notFound(`No service ${s.id}.`);
    const errors = services.flatMap((s, i) => {
      const max = book.service(s.id)!.maxQuantity;
      return s.qty > max ? [{ ...at('services', `/${i}/qty`), detail: `must be at most ${max}` }] : [];
    });
    if (errors.length) return invalid(errors);
    if (!services.some((s) => book.service(s.id)!.appointmentTypes.includes(type))) return invalid([{ ...at('type'), detail: 'is not offered for these services' }]);
    return undefined;
  };

  const fingerprintOf = (request: Request, url: URL, body: unknown) => fingerprint({ method: request.method, path: url.pathname, ags: request.headers.get('X-Civic-AGS'), body });

  /** The booking the bearer manage token opens, or undefined (unknown id and wrong token look the same). */
  const authorisedBooking = (request: Request, id: string): BookingRecord | undefined => {
    const b = book.bookings.get(id);
    return b && sameSecret(bearer(request), b.manageToken) ? b : undefined;
  };

  const reference = (): string => {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    for (;;) {
      const r = Array.from(crypto.getRandomValues(new Uint8Array(6)), (x) => alphabet[x % alphabet.length]).join('');
      const ref = `MS-${r.slice(0, 4)}-${r.slice(4)}`;
      if (![...book.bookings.values()].some((b) => b.reference === ref)) return ref;
    }
  };

  // ------------------------------------------------------------------------------ catalogue

  route(citizen, 'GET', '/v1/services', 'listServices', 'reads', ({ url, lang }) => {
    const q = url.searchParams.get('q');
    if (q !== null && (q.length < 1 || q.length > 100)) return invalidQuery('q', 'must have 1 to 100 characters');
    const needle = q?.toLocaleLowerCase('de');
    const items: Contract.Service[] = ctx.seed.services
      .filter((s) => !needle || [s.name, s.description].some((t) => [localise(t, lang), t.de].some((x) => x.toLocaleLowerCase('de').includes(needle))))
      .map((s) => serviceView(s, lang))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
    return json({ items }, { lang });
  });

  route(citizen, 'GET', '/v1/services/{serviceId}', 'getService', 'reads', ({ params, lang }) => {
    const s = book.service(params.serviceId ?? '');
    return s ? json(serviceView(s, lang), { lang }) : notFound(`No service ${params.serviceId ?? ''}.`);
  });

  route(citizen, 'GET', '/v1/locations', 'listLocations', 'reads', ({ url, lang }) => {
    const service = url.searchParams.get('service');
    if (service !== null && !ID.test(service)) return invalidQuery('service', 'has an invalid format');
    if (service !== null && !book.service(service)) return notFound(`No service ${service}.`);
    const items: Contract.Location[] = ctx.seed.locations
      .filter((l) => service === null || l.services.includes(service))
      .map((l) => locationView(l, lang))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
    return json({ items }, { lang });
  });

  route(citizen, 'GET', '/v1/locations/{locationId}', 'getLocation', 'reads', ({ params, lang }) => {
    const l = book.location(params.locationId ?? '');
    return l ? json(locationView(l, lang), { lang }) : notFound(`No location ${params.locationId ?? ''}.`);
  });

  // ------------------------------------------------------------------------------ availability

  route(citizen, 'GET', '/v1/availability', 'getAvailability', 'reads', ({ url, lang }) => {
    const p = url.searchParams;
    const raw = p.get('services');
    const errors: FieldError[] = [];
    if (!raw || raw.length > 700 || !SERVICES_PARAM.test(raw)) errors.push({ in: 'query', parameter: 'services', detail: 'must be serviceId:quantity pairs separated by commas' });
    const type = (p.get('type') ?? 'in_person') as AppointmentType;
    if (!TYPES.includes(type)) errors.push({ in: 'query', parameter: 'type', detail: `must be one of ${TYPES.join(', ')}` });
    const fromParam = p.get('from');
    const toParam = p.get('to');
    if (fromParam !== null && !validDate(fromParam)) errors.push({ in: 'query', parameter: 'from', detail: 'must be a date YYYY-MM-DD' });
    if (toParam !== null && !validDate(toParam)) errors.push({ in: 'query', parameter: 'to', detail: 'must be a date YYYY-MM-DD' });
    const locationId = p.get('location');
    if (locationId !== null && !ID.test(locationId)) errors.push({ in: 'query', parameter: 'location', detail: 'has an invalid format' });
    if (errors.length) return invalid(errors);
    const services: ServiceQty[] = raw!.split(',').map((pair) => {
      const [id = '', qty] = pair.split(':');
      return { id, qty: qty ? Number(qty) : 1 };
    });
    const bad = checkSelection(services, type, 'query');
    if (bad) return bad;
    let candidates = ctx.seed.locations;
    if (locationId !== null) {
      const l = book.location(locationId);
      if (!l) return notFound(`No location ${locationId}.`);
      candidates = [l];
    }
    candidates = candidates.filter((l) => book.offers(l, services, type));
    const today = book.today();
    const horizon = { from: ctx.seed.horizon.from < today ? today : ctx.seed.horizon.from, to: ctx.seed.horizon.to };
    const from = fromParam ?? horizon.from;
    const to = toParam ?? addDays(from, 30);
    if (to < from) return invalidQuery('to', 'must not be before from');
    if (daysBetween(from, to) > MAX_RANGE_DAYS) return invalidQuery('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
    const first = from < horizon.from ? horizon.from : from;
    const last = to > horizon.to ? horizon.to : to;
    const found = first <= last ? book.search(candidates, services, first, last) : [];
    const days = first <= last ? AppointmentBook.dates(first, last).map((date) => ({ date, slots: found.filter((f) => f.date === date).map((f) => f.slot) })) : [];
    const next = last < horizon.to ? book.search(candidates, services, addDays(last, 1), horizon.to)[0] : undefined;
    const body: Contract.Availability = { timeZone: tz, horizon, days, ...(next ? { nextAvailable: next.date } : {}) };
    return json(body, { lang });
  });

  // ------------------------------------------------------------------------------ antibot and holds

  route(citizen, 'GET', '/v1/antibot/challenge', 'getAntibotChallenge', 'challenges', async () => {
    const c = await antibot.issue(ctx.settings.powDifficulty);
    const body: Contract.AntibotChallenge = { algorithm: 'SHA-256', challenge: c.challenge, difficulty: c.difficulty, expiresAt: formatInstant(c.expiresAt, tz), signature: c.signature };
    return json(body, { noStore: true });
  });

  route(citizen, 'POST', '/v1/holds', 'createHold', 'holds', async ({ request, url, lang }) => {
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, holdRequest);
    if (bad) return bad;
    const b = body as { location: string; services: ServiceQty[]; start: string; type: AppointmentType; proof: { challenge: string; nonce: string; signature: string } };
    const startMs = Date.parse(b.start);
    if (Number.isNaN(startMs)) return invalid([{ pointer: '/start', detail: 'is not a valid date-time' }]);
    const selection = checkSelection(b.services, b.type, 'body');
    if (selection) return selection;
    const location = book.location(b.location);
    if (!location) return notFound(`No location ${b.location}.`);
    if (!book.offers(location, b.services, b.type)) return invalid([{ pointer: '/location', detail: 'does not offer these services with this appointment type' }]);
    return idempotent(ctx.idempotency, 'holds', key, fingerprintOf(request, url, body), async () => {
      const proof = await antibot.verify(b.proof);
      if (!proof.ok) return { status: 403, body: problemBody(403, 'proof_invalid', proof.reason) };
      // From here to the end nothing awaits: counting and taking the seats is one step.
      const hold = book.tryHold(uuid(), location, b.services, b.type, startMs, ctx.settings.holdTtlSeconds * 1000, ctx.seed.town.holdExtensions);
      if (!hold) {
        const alternatives = book.alternatives(location, b.services, b.type, startMs);
        return { status: 409, body: problemBody(409, 'slot_taken', localise(TEXT.slotTaken, lang), { alternatives }) };
      }
      antibot.consume(b.proof.challenge, proof.expiresAt);
      return { status: 201, body: holdView(hold), headers: { 'Content-Language': lang } };
    });
  });

  const activeHold = (id: string): HoldRecord | Response => {
    if (!UUID.test(id)) return invalid([{ in: 'path', parameter: 'holdId', detail: 'must be a UUID' }]);
    const h = book.holds.get(id);
    if (!h || h.state === 'consumed') return fail(404, 'hold_not_found', 'No such hold.');
    return h;
  };

  route(citizen, 'POST', '/v1/holds/{holdId}/extend', 'extendHold', 'holds', ({ params, lang }) => {
    const h = activeHold(params.holdId ?? '');
    if (h instanceof Response) return h;
    if (h.state !== 'active') return fail(409, 'hold_expired', localise(TEXT.holdExpired, lang));
    if (h.extensionsLeft <= 0) return fail(409, 'hold_extension_limit', localise(TEXT.extensionLimit, lang));
    h.extensionsLeft--;
    h.expiresAt = now() + ctx.settings.holdTtlSeconds * 1000;
    const body: Contract.HoldExtension = { expiresAt: formatInstant(h.expiresAt, tz), extensionsLeft: h.extensionsLeft };
    return json(body, { noStore: true });
  });

  route(citizen, 'DELETE', '/v1/holds/{holdId}', 'releaseHold', 'holds', ({ params }) => {
    const h = activeHold(params.holdId ?? '');
    if (h instanceof Response) return h;
    book.releaseHold(h);
    return noContent();
  });

  // ------------------------------------------------------------------------------ bookings

  route(citizen, 'POST', '/v1/bookings', 'createBooking', 'bookings', async ({ request, url, lang }) => {
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, bookingRequest);
    if (bad) return bad;
    const b = body as { holdId: string; contact: BookingRecord['contact']; consent: true; note?: string; locale?: string };
    // The hold's existence is checked inside the idempotent step: a repeat of a booking that
    // consumed its hold must get the stored booking, not 404.
    return idempotent(ctx.idempotency, 'bookings', key, fingerprintOf(request, url, body), () => {
      const h = book.holds.get(b.holdId);
      if (!h || h.state === 'consumed') return { status: 404, body: problemBody(404, 'hold_not_found', localise(TEXT.holdNotFound, lang)) };
      if (h.state !== 'active') return { status: 409, body: problemBody(409, 'hold_expired', localise(TEXT.holdExpired, lang)) };
      if (h.type === 'phone' && !b.contact.phone) {
        return { status: 400, body: problemBody(400, 'validation_failed', 'A phone number is required for a phone appointment.', { errors: [{ in: 'body', pointer: '/contact/phone', detail: 'is required for type phone' }] }) };
      }
      if (book.activeBookingsFor(b.contact.email).length >= bookingLimit) {
        return { status: 422, body: problemBody(422, 'booking_limit_reached', localise(TEXT.limit(bookingLimit), lang), { limit: bookingLimit }) };
      }
      const id = uuid();
      const booking: BookingRecord = {
        id,
        reference: reference(),
        manageToken: token('mt_'),
        status: 'confirmed',
        location: h.location,
        services: h.services,
        type: h.type,
        units: h.units,
        startMs: h.startMs,
        endMs: h.endMs,
        contact: { name: b.contact.name, email: b.contact.email, ...(b.contact.phone ? { phone: b.contact.phone } : {}) },
        ...(b.note !== undefined ? { note: b.note } : {}),
        locale: b.locale ?? lang,
        ...(h.type === 'video' ? { joinUrl: `https://video.${ctx.seed.town.host.replace(/^civic-api\./, '')}/termin/${token('')}` } : {}),
        createdAt: now(),
        sequence: 0,
        appliedHolds: [h.id],
      };
      book.consumeHold(h);
      book.bookings.set(id, booking);
      book.notifications.push({ kind: 'booking_confirmed', to: booking.contact.email, locale: booking.locale, bookingId: id, reference: booking.reference, at: now() });
      const confirmation: Contract.BookingConfirmation = { ...bookingView(booking), manageToken: booking.manageToken };
      return { status: 201, body: confirmation, headers: { 'Content-Language': lang } };
    });
  });

  route(citizen, 'GET', '/v1/bookings/{bookingId}', 'getBooking', 'reads', ({ request, params }) => {
    const b = authorisedBooking(request, params.bookingId ?? '');
    return b ? json(bookingView(b), { noStore: true }) : unauthorized();
  });

  route(citizen, 'PATCH', '/v1/bookings/{bookingId}', 'rescheduleBooking', 'bookings', async ({ request, params, lang }) => {
    const b = authorisedBooking(request, params.bookingId ?? '');
    if (!b) return unauthorized();
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, rescheduleRequest);
    if (bad) return bad;
    const holdId = (body as { holdId: string }).holdId;
    if (b.appliedHolds.includes(holdId)) return json(bookingView(b), { noStore: true });
    const h = book.holds.get(holdId);
    if (!h || h.state === 'consumed') return fail(404, 'hold_not_found', localise(TEXT.holdNotFound, lang));
    if (b.status === 'cancelled') return fail(409, 'conflict', localise(TEXT.cancelled, lang));
    if (now() > changeableUntil(b)) return fail(409, 'too_late', localise(TEXT.tooLate, lang), { deadline: formatInstant(changeableUntil(b), tz) });
    if (h.state !== 'active') return fail(409, 'hold_expired', localise(TEXT.holdExpired, lang));
    // One step: the new seats are already held; free the old ones and move the booking.
    const old = { location: b.location, units: b.units };
    Object.assign(b, { location: h.location, services: h.services, type: h.type, units: h.units, startMs: h.startMs, endMs: h.endMs, sequence: b.sequence + 1 });
    b.appliedHolds.push(h.id);
    if (b.type === 'video' && !b.joinUrl) b.joinUrl = `https://video.${ctx.seed.town.host.replace(/^civic-api\./, '')}/termin/${token('')}`;
    if (b.type !== 'video') delete b.joinUrl;
    book.consumeHold(h);
    book.freeBooking({ ...b, ...old });
    book.notifications.push({ kind: 'booking_rescheduled', to: b.contact.email, locale: b.locale, bookingId: b.id, reference: b.reference, at: now() });
    return json(bookingView(b), { noStore: true });
  });

  route(citizen, 'DELETE', '/v1/bookings/{bookingId}', 'cancelBooking', 'bookings', ({ request, params, lang }) => {
    const b = authorisedBooking(request, params.bookingId ?? '');
    if (!b) return unauthorized();
    if (b.status === 'cancelled') return noContent();
    if (now() > changeableUntil(b)) return fail(409, 'too_late', localise(TEXT.tooLate, lang), { deadline: formatInstant(changeableUntil(b), tz) });
    b.status = 'cancelled';
    b.cancelledAt = now();
    b.cancelledBy = 'citizen';
    b.sequence++;
    book.notifications.push({ kind: 'booking_cancelled', to: b.contact.email, locale: b.locale, bookingId: b.id, reference: b.reference, at: now() });
    book.freeBooking(b);
    return noContent();
  });

  route(citizen, 'GET', '/v1/bookings/{bookingId}/ics', 'getBookingIcs', 'reads', ({ request, params, lang }) => {
    const b = authorisedBooking(request, params.bookingId ?? '');
    if (!b) return unauthorized();
    const l = book.location(b.location);
    const names = b.services.map((s) => {
      const svc = book.service(s.id);
      const name = svc ? localise(svc.name, lang) : s.id;
      return s.qty > 1 ? `${s.qty} × ${name}` : name;
    });
    const address = l ? `${localise(l.name, lang)}, ${l.address.street}, ${l.address.postalCode} ${l.address.city}` : undefined;
    const label = lang.startsWith('de') ? 'Buchungsnummer' : 'Booking reference';
    const ics = buildIcs({
      uid: `${b.id}@${ctx.seed.town.host}`,
      stamp: now(),
      start: b.startMs,
      end: b.endMs,
      summary: names.join(', '),
      ...(b.type === 'in_person' && address ? { location: address } : {}),
      description: `${label}: ${b.reference}`,
      ...(b.joinUrl ? { url: b.joinUrl } : {}),
      sequence: b.sequence,
      cancelled: b.status === 'cancelled',
      prodId: '-//Civic Elements//Musterstadt//DE',
    });
    return new Response(ics, {
      status: 200,
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="termin-${b.reference}.ics"`,
        'Cache-Control': 'no-store',
        'Content-Language': lang,
      },
    });
  });

  // ------------------------------------------------------------------------------ waiting list

  route(citizen, 'POST', '/v1/waitlist', 'joinWaitlist', 'waitlist', async ({ request, url, lang }) => {
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, waitlistRequest);
    if (bad) return bad;
    const b = body as { services: ServiceQty[]; location?: string; type?: AppointmentType; from: string; to: string; email: string; locale?: string };
    const type = b.type ?? 'in_person';
    const errors: FieldError[] = [];
    if (!validDate(b.from)) errors.push({ pointer: '/from', detail: 'is not a valid date' });
    if (!validDate(b.to)) errors.push({ pointer: '/to', detail: 'is not a valid date' });
    if (!errors.length) {
      if (b.to < b.from) errors.push({ pointer: '/to', detail: 'must not be before from' });
      if (daysBetween(b.from, b.to) > MAX_RANGE_DAYS) errors.push({ pointer: '/to', detail: `must be at most ${MAX_RANGE_DAYS} days after from` });
      if (b.from < book.today()) errors.push({ pointer: '/from', detail: 'must not be in the past' });
    }
    if (errors.length) return invalid(errors);
    const selection = checkSelection(b.services, type, 'body');
    if (selection) return selection;
    if (b.location !== undefined && !book.location(b.location)) return notFound(`No location ${b.location}.`);
    return idempotent(ctx.idempotency, 'waitlist', key, fingerprintOf(request, url, body), () => {
      const id = uuid();
      book.waitlist.set(id, { id, services: b.services, ...(b.location ? { location: b.location } : {}), type, from: b.from, to: b.to, email: b.email, locale: b.locale ?? lang, createdAt: now() });
      const entry: Contract.WaitlistEntry = { id, from: b.from, to: b.to };
      return { status: 201, body: entry };
    });
  });

  // ------------------------------------------------------------------------------ staff

  route(staff, 'POST', '/staff/v1/blocks', 'blockSlots', undefined, async ({ request, url }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, blockRequest);
    if (bad) return bad;
    const b = body as { location: string; from: string; to: string; services?: string[]; reason: string };
    const fromMs = Date.parse(b.from);
    const toMs = Date.parse(b.to);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs) || toMs <= fromMs) return invalid([{ pointer: '/to', detail: 'must be after from' }]);
    if (!book.location(b.location)) return notFound(`No location ${b.location}.`);
    for (const s of b.services ?? []) if (!book.service(s)) return notFound(`No service ${s}.`);
    return idempotent(ctx.idempotency, 'blocks', key, fingerprintOf(request, url, body), () => {
      const record: BlockRecord = {
        id: uuid(),
        location: b.location,
        fromMs,
        toMs,
        ...(b.services ? { services: b.services } : {}),
        reason: b.reason,
        createdAt: now(),
        released: false,
        blockedSlots: 0,
        cancelledBookings: [],
      };
      book.block(record);
      return { status: 201, body: blockView(record) };
    });
  });

  route(staff, 'DELETE', '/staff/v1/blocks/{blockId}', 'releaseBlock', undefined, ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const id = params.blockId ?? '';
    if (!UUID.test(id)) return invalid([{ in: 'path', parameter: 'blockId', detail: 'must be a UUID' }]);
    const record = book.blocks.get(id);
    if (!record) return notFound('No such block.');
    book.releaseBlock(record);
    return noContent();
  });

  route(staff, 'PATCH', '/staff/v1/services/{serviceId}', 'updateService', undefined, async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, serviceUpdateRequest);
    if (bad) return bad;
    const b = body as { locale?: string; name?: string; description?: string };
    if (b.name === undefined && b.description === undefined) return invalid('At least one of name and description is required.');
    const s = book.service(params.serviceId ?? '');
    if (!s) return notFound(`No service ${params.serviceId ?? ''}.`);
    const locale = b.locale ?? 'de';
    // The seed's service object is shared by every domain (queues show service names too).
    if (b.name !== undefined) s.name[locale] = b.name;
    if (b.description !== undefined) s.description[locale] = b.description;
    return json(serviceView(s, locale), { lang: locale });
  });

  return {
    handlers: [...citizen.handlers, ...staff.handlers],
    operations: [...citizen.operations, ...staff.operations],
    state: {
      book,
      bookings: book.bookings,
      holds: book.holds,
      blocks: book.blocks,
      waitlist: book.waitlist,
      /** What the mock would have e-mailed, oldest first. */
      notifications: book.notifications,
      antibot,
      bookingLimit,
    },
  };
}

/** A problem body for an answer the idempotency store keeps; `idempotent()` sends it as problem+json. */
function problemBody(status: number, code: string, detail: string, extensions: Record<string, unknown> = {}) {
  return problem(status, code, detail, extensions);
}

export type AppointmentsDomain = ReturnType<typeof createAppointments>;
