import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { solvePow } from '@civic-elements/core/antibot';
import { createContext } from '../context.js';
import { ManualClock } from '../support/clock.js';
import { APPOINTMENT_LIMITS, createAppointments, foldLine, icsText, type AppointmentsDomain } from './index.js';

const NOW = Date.parse('2026-12-01T09:00:00+01:00'); // a Tuesday
const STAFF_KEY = 'test-staff-key';

const worker = setupWorker();
before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

let clock: ManualClock;
let domain: AppointmentsDomain;

function setup(settings: { rateLimits?: boolean; holdTtlSeconds?: number } = {}, bookingLimit?: number, variant: 'default' | 'xss' = 'default') {
  clock = new ManualClock(NOW);
  const ctx = createContext({
    clock,
    variant,
    settings: { powDifficulty: 1, rateLimits: false, holdTtlSeconds: 5, ...settings },
    secret: 'appointments-test-secret',
    base: '/appt',
    staffKey: STAFF_KEY,
  });
  domain = createAppointments(ctx, undefined, bookingLimit === undefined ? {} : { bookingLimit });
  worker.use(...domain.handlers);
}

interface Slot {
  start: string;
  end: string;
  seats: number;
  location: string;
}
interface Availability {
  timeZone: string;
  horizon: { from: string; to: string };
  days: { date: string; slots: Slot[] }[];
  nextAvailable?: string;
}

const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`/appt${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Idempotency-Key': crypto.randomUUID(), ...headers } });

async function availability(query: string): Promise<Availability> {
  const r = await api(`/v1/availability?${query}`);
  expect(r.status, await r.clone().text()).to.equal(200);
  return r.json();
}

const allSlots = (a: Availability) => a.days.flatMap((d) => d.slots);

async function proof() {
  const c = (await (await api('/v1/antibot/challenge')).json()) as { challenge: string; difficulty: number; signature: string };
  const nonce = await solvePow(c.challenge, c.difficulty);
  return { challenge: c.challenge, nonce: String(nonce), signature: c.signature };
}

async function hold(slot: { start: string; location: string }, services = [{ id: 'personalausweis', qty: 1 }], type = 'in_person', key = crypto.randomUUID()) {
  return post('/v1/holds', { location: slot.location, services, start: slot.start, type, proof: await proof() }, { 'Idempotency-Key': key });
}

async function holdId(slot: { start: string; location: string }, services?: { id: string; qty: number }[]): Promise<string> {
  const r = await hold(slot, services);
  expect(r.status, await r.clone().text()).to.equal(201);
  return ((await r.json()) as { holdId: string }).holdId;
}

interface Confirmation {
  id: string;
  reference: string;
  manageToken: string;
  status: string;
  start: string;
  end: string;
  changeableUntil: string;
  cancelledBy?: string;
  cancellationReason?: string;
}

async function book(id: string, email = 'erika@example.org', key = crypto.randomUUID()): Promise<Response> {
  return post('/v1/bookings', { holdId: id, contact: { name: 'Erika Mustermann', email }, consent: true }, { 'Idempotency-Key': key });
}

async function booked(slot: Slot, email?: string, services?: { id: string; qty: number }[]): Promise<Confirmation> {
  const r = await book(await holdId(slot, services), email);
  expect(r.status, await r.clone().text()).to.equal(201);
  return r.json();
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('appointments: catalogue', () => {
  beforeEach(() => setup());

  it('lists and searches services in the requested language', async () => {
    const all = (await (await api('/v1/services')).json()) as { items: { id: string; name: string }[] };
    expect(all.items.length).to.be.at.least(10);
    const names = all.items.map((s) => s.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'de'))).to.deep.equal(names);

    const r = await api('/v1/services?q=AUSWEIS', { headers: { 'Accept-Language': 'en-GB, de;q=0.5' } });
    expect(r.headers.get('Content-Language')).to.equal('en');
    const found = (await r.json()) as { items: { id: string; name: string; fee: unknown }[] };
    expect(found.items.map((s) => s.id)).to.include.members(['personalausweis', 'dokument-abholung']);
    expect(found.items.find((s) => s.id === 'personalausweis')?.name).to.equal('Apply for an identity card');
    expect(found.items.find((s) => s.id === 'personalausweis')?.fee).to.deep.equal({ amount: 37, currency: 'EUR' });

    expect((await (await api('/v1/services?q=zzzz')).json()).items).to.deep.equal([]);
    expect((await api(`/v1/services?q=${'x'.repeat(101)}`)).status).to.equal(400);
    expect((await api('/v1/services/reisepass-express')).status).to.equal(404);
    const ls = (await (await api('/v1/services/personalausweis', { headers: { 'Accept-Language': 'de-x-ls' } })).json()) as { name: string };
    expect(ls.name).to.equal('Einen neuen Ausweis beantragen');
  });

  it('lists the locations offering a service', async () => {
    const r = (await (await api('/v1/locations?service=kfz-zulassung')).json()) as { items: { id: string; exceptions: unknown[]; accessibility: { notes: string } }[] };
    expect(r.items.map((l) => l.id)).to.deep.equal(['buergerbuero-nord']);
    expect(r.items[0]!.exceptions.length).to.be.greaterThan(0);
    expect(r.items[0]!.accessibility.notes).to.contain('Rampe');
    expect((await api('/v1/locations?service=unknown')).status).to.equal(404);
    expect(((await (await api('/v1/locations')).json()) as { items: unknown[] }).items).to.have.length(3);
    expect((await api('/v1/locations/buergerbuero-mitte')).status).to.equal(200);
    expect((await api('/v1/locations/nowhere')).status).to.equal(404);
  });

  it('answers 404 for a town it does not serve', async () => {
    expect((await api('/v1/services', { headers: { 'X-Civic-AGS': '01234567' } })).status).to.equal(404);
    expect((await api('/v1/services', { headers: { 'X-Civic-AGS': '09999999' } })).status).to.equal(200);
  });
});

describe('appointments: availability', () => {
  beforeEach(() => setup());

  it('needs consecutive capacity for the sum of durations × quantities', async () => {
    const a = await availability('services=personalausweis:2,meldebescheinigung:1&location=buergerbuero-mitte&from=2026-12-02&to=2026-12-08');
    expect(a.timeZone).to.equal('Europe/Berlin');
    expect(a.days.map((d) => d.date)).to.deep.equal(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08']);
    const first = a.days[0]!.slots[0]!;
    // 2 × 20 + 10 minutes; tomorrow morning two of three seats are pre-booked.
    expect(first).to.deep.equal({ start: '2026-12-02T08:00:00+01:00', end: '2026-12-02T08:50:00+01:00', seats: 1, location: 'buergerbuero-mitte' });
    // No slot may run past the lunch break: the last morning start is 11:10 (50 min → 12:00).
    const morning = a.days[0]!.slots.filter((s) => s.start < '2026-12-02T12:00');
    expect(morning.at(-1)!.start).to.equal('2026-12-02T11:10:00+01:00');
    expect(a.days.find((d) => d.date === '2026-12-06')!.slots).to.deep.equal([]); // Sunday
    expect(a.days.find((d) => d.date === '2026-12-08')!.slots).to.deep.equal([]); // fully booked
  });

  it('merges every location, earliest first, without a location', async () => {
    const a = await availability('services=meldebescheinigung&from=2026-12-03&to=2026-12-03');
    const slots = allSlots(a);
    expect(new Set(slots.map((s) => s.location))).to.deep.equal(new Set(['buergerbuero-mitte', 'buergerbuero-nord', 'rathaus-sued']));
    const order = slots.map((s) => `${Date.parse(s.start)}|${s.location}`);
    expect([...order].sort()).to.deep.equal(order);
  });

  it('filters by type, and finds nothing at all for the booked-out service', async () => {
    const video = allSlots(await availability('services=video-beratung&type=video&from=2026-12-01&to=2026-12-14'));
    expect(video.length).to.be.greaterThan(0);
    expect(new Set(video.map((s) => s.location))).to.deep.equal(new Set(['rathaus-sued']));
    expect((await api('/v1/availability?services=personalausweis&type=phone')).status).to.equal(400);
    const none = await availability('services=einbuergerung');
    expect(none.days.length).to.be.greaterThan(20);
    expect(allSlots(none)).to.deep.equal([]);
    expect(none.nextAvailable).to.equal(undefined);
  });

  it('clamps to the horizon and says when the next free day is', async () => {
    const a = await availability('services=personalausweis&location=buergerbuero-mitte&from=2026-12-08&to=2026-12-08');
    expect(a.horizon).to.deep.equal({ from: '2026-12-01', to: '2026-12-30' });
    // 8 December is fully booked, 9 December a holiday.
    expect(a.nextAvailable).to.equal('2026-12-10');
    const outside = await availability('services=personalausweis&from=2027-03-01&to=2027-03-05');
    expect(outside.days).to.deep.equal([]);
  });

  it('rejects bad queries', async () => {
    for (const q of ['', 'services=', 'services=personalausweis:6', 'services=personalausweis,personalausweis', 'services=a:1&from=2026-13-01', 'services=personalausweis&from=2026-12-10&to=2026-12-01', 'services=personalausweis&from=2026-12-01&to=2027-03-15', 'services=personalausweis&type=walk']) {
      const r = await api(`/v1/availability?${q}`);
      expect(r.status, q).to.equal(400);
      const p = (await r.json()) as { code: string; errors: { in: string; parameter?: string }[] };
      expect(p.code, q).to.equal('validation_failed');
      expect(p.errors.length, q).to.be.greaterThan(0);
      // Query problems name the parameter (the contract's ValidationError: in + parameter).
      for (const e of p.errors) expect([e.in, typeof e.parameter], q).to.deep.equal(['query', 'string']);
    }
    expect((await api('/v1/availability?services=nope')).status).to.equal(404);
    expect((await api('/v1/availability?services=personalausweis&location=nowhere')).status).to.equal(404);
  });
});

describe('appointments: holds and bookings', () => {
  beforeEach(() => setup());

  const firstSlot = async (query = 'services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03') => allSlots(await availability(query))[0]!;

  it('holds a slot and books it; the manage token opens the booking', async () => {
    const slot = await firstSlot();
    const r = await hold(slot);
    expect(r.status).to.equal(201);
    expect(r.headers.get('Cache-Control')).to.equal('no-store');
    const h = (await r.json()) as { holdId: string; expiresAt: string; extensionsLeft: number; start: string; end: string };
    expect(h.start).to.equal(slot.start);
    expect(h.extensionsLeft).to.equal(10);
    expect(Date.parse(h.expiresAt)).to.equal(NOW + 5000);
    // The held seat is gone for everybody else.
    const again = allSlots(await availability('services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03'))[0]!;
    expect(again.seats).to.equal(slot.seats - 1);

    const b = await book(h.holdId);
    expect(b.status).to.equal(201);
    const c = (await b.json()) as Confirmation;
    expect(c.reference).to.match(/^MS-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
    expect(c.manageToken.length).to.be.at.least(16);
    expect(c.status).to.equal('confirmed');
    expect(c.changeableUntil).to.equal('2026-12-02T08:00:00+01:00');
    expect(domain.state.notifications.map((n) => n.kind)).to.deep.equal(['booking_confirmed']);

    const read = await api(`/v1/bookings/${c.id}`, { headers: auth(c.manageToken) });
    expect(read.status).to.equal(200);
    expect(((await read.json()) as { manageToken?: string }).manageToken).to.equal(undefined);
    expect((await api(`/v1/bookings/${c.id}`, { headers: auth('mt_wrongwrongwrongwrong') })).status).to.equal(401);
    expect((await api(`/v1/bookings/${c.id}`)).status).to.equal(401);
    // The hold is consumed.
    expect((await book(h.holdId)).status).to.equal(404);
    expect((await api(`/v1/holds/${h.holdId}`, { method: 'DELETE' })).status).to.equal(404);
  });

  it('books exactly once for a double submit with the same Idempotency-Key', async () => {
    const id = await holdId(await firstSlot());
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([book(id, undefined, key), book(id, undefined, key)]);
    expect([a.status, b.status]).to.deep.equal([201, 201]);
    const [ja, jb] = (await Promise.all([a.json(), b.json()])) as Confirmation[];
    expect(ja!.id).to.equal(jb!.id);
    expect([a.headers.get('Idempotent-Replayed'), b.headers.get('Idempotent-Replayed')]).to.include('true');
    expect(domain.state.bookings.size).to.equal(1);
    // Later repeats replay too; the same key with another body is a mismatch.
    expect((await book(id, undefined, key)).status).to.equal(201);
    expect((await book(id, 'other@example.org', key)).status).to.equal(422);
  });

  it('replays a hold for a repeated Idempotency-Key instead of holding twice', async () => {
    const slot = await firstSlot();
    const key = crypto.randomUUID();
    const body = { location: slot.location, services: [{ id: 'personalausweis', qty: 1 }], start: slot.start, type: 'in_person', proof: await proof() };
    const [a, b] = await Promise.all([post('/v1/holds', body, { 'Idempotency-Key': key }), post('/v1/holds', body, { 'Idempotency-Key': key })]);
    expect([a.status, b.status]).to.deep.equal([201, 201]);
    expect(((await a.json()) as { holdId: string }).holdId).to.equal(((await b.json()) as { holdId: string }).holdId);
    expect(domain.state.holds.size).to.equal(1);
  });

  it('needs a phone number for a phone appointment', async () => {
    const slot = allSlots(await availability('services=meldebescheinigung&type=phone&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03'))[0]!;
    const r = await hold(slot, [{ id: 'meldebescheinigung', qty: 1 }], 'phone');
    const { holdId: id } = (await r.json()) as { holdId: string };
    const without = await post('/v1/bookings', { holdId: id, contact: { name: 'Erika Mustermann', email: 'e@example.org' }, consent: true });
    expect(without.status).to.equal(400);
    expect(((await without.json()) as { errors: { pointer: string }[] }).errors[0]!.pointer).to.equal('/contact/phone');
    const withPhone = await post('/v1/bookings', { holdId: id, contact: { name: 'Erika Mustermann', email: 'e@example.org', phone: '+49 151 23456789' }, consent: true });
    expect(withPhone.status).to.equal(201);
    expect(((await withPhone.json()) as { type: string }).type).to.equal('phone');
  });

  it('gives the last seat to one of two racing clients; the other gets slot_taken with alternatives', async () => {
    // Rathaus-Außenstelle Süd has one seat per slot.
    const slot = allSlots(await availability('services=personalausweis&location=rathaus-sued&from=2026-12-03&to=2026-12-03'))[0]!;
    expect(slot.seats).to.equal(1);
    const [p1, p2] = await Promise.all([proof(), proof()]);
    const body = (p: unknown) => ({ location: slot.location, services: [{ id: 'personalausweis', qty: 1 }], start: slot.start, type: 'in_person', proof: p });
    const results = await Promise.all([post('/v1/holds', body(p1)), post('/v1/holds', body(p2))]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.headers.get('Content-Type')).to.contain('application/problem+json');
    const problem = (await loser.json()) as { code: string; alternatives: Slot[] };
    expect(problem.code).to.equal('slot_taken');
    expect(problem.alternatives.length).to.be.within(1, 5);
    expect(problem.alternatives[0]!.location).to.equal('rathaus-sued');
    expect(problem.alternatives.map((s) => s.start)).to.not.include(slot.start);
    expect([...domain.state.holds.values()].filter((h) => h.state === 'active')).to.have.length(1);
  });

  it('lets a hold expire on the clock, and extends it before that', async () => {
    const slot = await firstSlot();
    const id = await holdId(slot);
    clock.advance(4000);
    const ext = await api(`/v1/holds/${id}/extend`, { method: 'POST' });
    expect(ext.status).to.equal(200);
    expect(await ext.json()).to.deep.equal({ expiresAt: '2026-12-01T09:00:09+01:00', extensionsLeft: 9 });
    clock.advance(5000);
    const late = await book(id);
    expect(late.status).to.equal(409);
    expect(((await late.json()) as { code: string }).code).to.equal('hold_expired');
    expect(((await (await api(`/v1/holds/${id}/extend`, { method: 'POST' })).json()) as { code: string }).code).to.equal('hold_expired');
    // The seat is free again; releasing an expired hold is still 204.
    expect(allSlots(await availability('services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03'))[0]!.seats).to.equal(slot.seats);
    expect((await api(`/v1/holds/${id}`, { method: 'DELETE' })).status).to.equal(204);
    expect((await api(`/v1/holds/${crypto.randomUUID()}`, { method: 'DELETE' })).status).to.equal(404);
  });

  it('stops extending after ten extensions', async () => {
    const id = await holdId(await firstSlot());
    for (let i = 9; i >= 0; i--) expect(((await (await api(`/v1/holds/${id}/extend`, { method: 'POST' })).json()) as { extensionsLeft: number }).extensionsLeft).to.equal(i);
    const r = await api(`/v1/holds/${id}/extend`, { method: 'POST' });
    expect(r.status).to.equal(409);
    expect(((await r.json()) as { code: string }).code).to.equal('hold_extension_limit');
  });

  it('reschedules: new hold → confirm → the old seat is released', async () => {
    const query = 'services=personalausweis&location=rathaus-sued&from=2026-12-03&to=2026-12-03';
    const slots = allSlots(await availability(query));
    // 20 minutes take two 15-minute units here: pick two slots that do not overlap.
    const oldSlot = slots[0];
    const newSlot = slots[4];
    const c = await booked(oldSlot!);
    const newHold = await holdId(newSlot!);
    const r = await api(`/v1/bookings/${c.id}`, { method: 'PATCH', body: JSON.stringify({ holdId: newHold }), headers: auth(c.manageToken) });
    expect(r.status).to.equal(200);
    const moved = (await r.json()) as Confirmation;
    expect([moved.id, moved.reference, moved.start]).to.deep.equal([c.id, c.reference, newSlot!.start]);
    const after = allSlots(await availability(query)).map((s) => s.start);
    expect(after).to.include(oldSlot!.start);
    expect(after).to.not.include(newSlot!.start);
    // Idempotent on holdId.
    expect((await api(`/v1/bookings/${c.id}`, { method: 'PATCH', body: JSON.stringify({ holdId: newHold }), headers: auth(c.manageToken) })).status).to.equal(200);
    expect(domain.state.notifications.map((n) => n.kind)).to.deep.equal(['booking_confirmed', 'booking_rescheduled']);
    const ics = await (await api(`/v1/bookings/${c.id}/ics`, { headers: auth(c.manageToken) })).text();
    expect(ics).to.contain('\r\nSEQUENCE:1\r\n');
  });

  it('refuses changes after changeableUntil', async () => {
    const c = await booked(await firstSlot());
    clock.set(Date.parse(c.changeableUntil) + 1000);
    const r = await api(`/v1/bookings/${c.id}`, { method: 'DELETE', headers: auth(c.manageToken) });
    expect(r.status).to.equal(409);
    expect(await r.json()).to.include({ code: 'too_late', deadline: c.changeableUntil });
  });

  it('cancelling frees the seat and tells the waiting list', async () => {
    // Meldebescheinigung (10 minutes) takes one 15-minute unit with one seat at Süd.
    const query = 'services=meldebescheinigung&location=rathaus-sued&from=2026-12-03&to=2026-12-03';
    const service = [{ id: 'meldebescheinigung', qty: 1 }];
    const slots = allSlots(await availability(query));
    const taken: Confirmation[] = [];
    for (const s of slots) taken.push(await booked(s, `person${taken.length}@example.org`, service));
    expect(allSlots(await availability(query))).to.deep.equal([]);
    const w = await post('/v1/waitlist', { services: service, location: 'rathaus-sued', from: '2026-12-03', to: '2026-12-03', email: 'wait@example.org', consent: true });
    expect(w.status).to.equal(201);
    const entry = (await w.json()) as { id: string; from: string; to: string };
    expect(entry).to.include({ from: '2026-12-03', to: '2026-12-03' });
    expect(domain.state.notifications.some((n) => n.to === 'wait@example.org')).to.equal(false);

    const victim = taken[2]!;
    expect((await api(`/v1/bookings/${victim.id}`, { method: 'DELETE', headers: auth(victim.manageToken) })).status).to.equal(204);
    expect((await api(`/v1/bookings/${victim.id}`, { method: 'DELETE', headers: auth(victim.manageToken) })).status).to.equal(204);
    expect(allSlots(await availability(query)).map((s) => s.start)).to.deep.equal([victim.start]);
    const note = domain.state.notifications.find((n) => n.kind === 'waitlist_slot_free');
    expect(note).to.deep.include({ to: 'wait@example.org', waitlistId: entry.id, location: 'rathaus-sued', date: '2026-12-03', start: victim.start });
    const read = (await (await api(`/v1/bookings/${victim.id}`, { headers: auth(victim.manageToken) })).json()) as Confirmation;
    expect(read.status).to.equal('cancelled');
    expect(read.cancelledBy).to.equal('citizen');
  });

  it('notifies the waiting list when a hold expires', async () => {
    const slot = allSlots(await availability('services=personalausweis&location=rathaus-sued&from=2026-12-03&to=2026-12-03'))[0]!;
    await holdId(slot);
    await post('/v1/waitlist', { services: [{ id: 'personalausweis', qty: 1 }], from: '2026-12-03', to: '2026-12-04', email: 'wait@example.org', consent: true });
    clock.advance(6000);
    await api('/v1/services');
    expect(domain.state.notifications.filter((n) => n.kind === 'waitlist_slot_free')).to.have.length(1);
    // Releasing a hold frees its seat at once, and tells the waiting list too.
    const again = await holdId(slot);
    expect((await api(`/v1/holds/${again}`, { method: 'DELETE' })).status).to.equal(204);
    expect(domain.state.notifications.filter((n) => n.kind === 'waitlist_slot_free')).to.have.length(2);
    expect((await api(`/v1/holds/${again}`, { method: 'DELETE' })).status).to.equal(204);
  });

  it('limits future bookings per e-mail address', async () => {
    setup({}, 3);
    const slots = allSlots(await availability('services=meldebescheinigung&location=buergerbuero-nord&from=2026-12-03&to=2026-12-03'));
    for (let i = 0; i < 3; i++) await booked(slots[i]!, 'Viel@Example.org', [{ id: 'meldebescheinigung', qty: 1 }]);
    const r = await book(await holdId(slots[3]!, [{ id: 'meldebescheinigung', qty: 1 }]), 'viel@example.org');
    expect(r.status).to.equal(422);
    expect(await r.json()).to.include({ code: 'booking_limit_reached', limit: 3 });
    expect((await book(await holdId(slots[4]!, [{ id: 'meldebescheinigung', qty: 1 }]), 'andere@example.org')).status).to.equal(201);
  });

  it('takes international addresses (idn-email) and counts a Unicode domain and its A-label form as one mailbox', async () => {
    setup({}, 2);
    const slots = allSlots(await availability('services=meldebescheinigung&location=buergerbuero-nord&from=2026-12-03&to=2026-12-03'));
    const service = [{ id: 'meldebescheinigung', qty: 1 }];
    const first = await booked(slots[0]!, 'Anna@Müller-Bäckerei.de', service);
    expect(domain.state.bookings.get(first.id)!.contact.email, 'kept as sent').to.equal('Anna@Müller-Bäckerei.de');
    await booked(slots[1]!, 'anna@xn--mller-bckerei-hfb76a.de', service);
    const third = await book(await holdId(slots[2]!, service), 'anna@müller-bäckerei.de');
    expect(third.status).to.equal(422);
    expect(await third.json()).to.include({ code: 'booking_limit_reached', limit: 2 });
    expect((await book(await holdId(slots[3]!, service), 'jörg@müller-bäckerei.de')).status, 'another local part').to.equal(201);
    const wait = await post('/v1/waitlist', { services: service, from: '2026-12-03', to: '2026-12-04', email: 'jörg@example.de', consent: true });
    expect(wait.status, await wait.clone().text()).to.equal(201);
    const held = await holdId(slots[4]!, service);
    for (const email of ['anna@müller-bäckerei', 'anna@müller..de', 'an na@müller.de', 'anna@xn--zz.de']) {
      const r = await book(held, email);
      expect(r.status, email).to.equal(400);
      expect(((await r.json()) as { errors: unknown[] }).errors, email).to.deep.equal([{ in: 'body', pointer: '/contact/email', detail: 'must match format "idn-email"' }]);
    }
  });

  it('serves the booking as an RFC 5545 calendar', async () => {
    const c = await booked(await firstSlot());
    const r = await api(`/v1/bookings/${c.id}/ics`, { headers: { ...auth(c.manageToken), 'Accept-Language': 'de' } });
    expect(r.status).to.equal(200);
    expect(r.headers.get('Content-Type')).to.contain('text/calendar');
    expect(r.headers.get('Content-Disposition')).to.equal(`attachment; filename="termin-${c.reference}.ics"`);
    const text = await r.text();
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).to.not.contain('\n');
    const lines = text.split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).to.contain(`UID:${c.id}@civic-api.musterstadt.de`);
    expect(unfolded).to.contain('DTSTART:20261203T070000Z'); // 08:00 in Berlin, winter
    expect(unfolded).to.contain('DTEND:20261203T072000Z');
    expect(unfolded).to.contain('SUMMARY:Personalausweis beantragen');
    expect(unfolded).to.contain('LOCATION:Bürgerbüro Mitte\\, Marktplatz 1\\, 12345 Musterstadt');
    expect(unfolded).to.contain('STATUS:CONFIRMED');
    expect(unfolded).to.not.match(/https?:\/\//);
    expect((await api(`/v1/bookings/${c.id}/ics`)).status).to.equal(401);
    // A cancelled booking keeps its UID, with a higher SEQUENCE and STATUS:CANCELLED.
    await api(`/v1/bookings/${c.id}`, { method: 'DELETE', headers: auth(c.manageToken) });
    const cancelled = (await (await api(`/v1/bookings/${c.id}/ics`, { headers: auth(c.manageToken) })).text()).replace(/\r\n /g, '');
    expect(cancelled).to.contain(`UID:${c.id}@civic-api.musterstadt.de`);
    expect(cancelled).to.contain('\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n');
  });

  it('escapes and folds calendar text', () => {
    expect(icsText('a,b;c\\d\ne')).to.equal('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ä'.repeat(60)}`);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(`SUMMARY:${'ä'.repeat(60)}`);
  });

  it('rejects bad input with 400 validation_failed', async () => {
    const slot = await firstSlot();
    const good = { location: slot.location, services: [{ id: 'personalausweis', qty: 1 }], start: slot.start, type: 'in_person', proof: await proof() };
    const cases: [string, unknown, Record<string, string>?][] = [
      ['missing proof', { ...good, proof: undefined }],
      ['extra property', { ...good, extra: 1 }],
      ['bad type', { ...good, type: 'walk_in' }],
      ['bad start', { ...good, start: 'tomorrow' }],
      ['too many', { ...good, services: [{ id: 'personalausweis', qty: 6 }] }],
      ['not offered here', { ...good, services: [{ id: 'kfz-zulassung', qty: 1 }] }],
      ['missing key', good, { 'Idempotency-Key': '' }],
    ];
    for (const [name, body, headers] of cases) {
      const r = await post('/v1/holds', body, headers);
      expect(r.status, name).to.equal(400);
      expect(((await r.json()) as { code: string }).code, name).to.equal('validation_failed');
    }
    const id = await holdId(slot);
    for (const body of [
      { holdId: id, contact: { name: 'E', email: 'e@example.org' }, consent: false },
      { holdId: id, contact: { name: ' ', email: 'e@example.org' }, consent: true },
      { holdId: id, contact: { name: 'E', email: 'not-an-email' }, consent: true },
      { holdId: id, contact: { name: 'E' }, consent: true },
    ]) {
      const r = await post('/v1/bookings', body);
      expect(r.status, JSON.stringify(body)).to.equal(400);
      const p = (await r.json()) as { errors: { in: string; pointer: string }[] };
      expect(p.errors.length).to.be.greaterThan(0);
      for (const e of p.errors) expect(e.in).to.equal('body');
    }
    const notJson = await api('/v1/bookings', { method: 'POST', body: '{', headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(notJson.status).to.equal(400);
    expect((await post('/v1/waitlist', { services: [{ id: 'personalausweis', qty: 1 }], from: '2026-11-01', to: '2026-11-02', email: 'w@example.org', consent: true })).status).to.equal(400);
  });

  it('rejects a forged, reused or expired proof with 403 proof_invalid', async () => {
    const slots = allSlots(await availability('services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03'));
    const body = (p: unknown, i: number) => ({ location: 'buergerbuero-mitte', services: [{ id: 'personalausweis', qty: 1 }], start: slots[i]!.start, type: 'in_person', proof: p });
    const code = async (r: Response) => [r.status, ((await r.json()) as { code: string }).code];

    const p = await proof();
    expect(await code(await post('/v1/holds', body({ ...p, signature: `${p.signature.slice(0, -2)}AA` }, 0)))).to.deep.equal([403, 'proof_invalid']);
    const [, difficulty] = p.challenge.split('.').slice(1);
    expect(difficulty).to.equal('1');
    const forged = `${p.challenge.split('.')[0]}.${p.challenge.split('.')[1]}.0`;
    expect(await code(await post('/v1/holds', body({ ...p, challenge: forged }, 0)))).to.deep.equal([403, 'proof_invalid']);
    expect((await post('/v1/holds', body(p, 0))).status).to.equal(201);
    expect(await code(await post('/v1/holds', body(p, 1)))).to.deep.equal([403, 'proof_invalid']);

    const old = await proof();
    clock.advance(11 * 60 * 1000);
    expect(await code(await post('/v1/holds', body(old, 2)))).to.deep.equal([403, 'proof_invalid']);
  });

  it('signs challenges as the contract describes (HMAC-SHA-256 over the challenge, base64url)', async () => {
    const c = (await (await api('/v1/antibot/challenge')).json()) as { algorithm: string; challenge: string; difficulty: number; expiresAt: string; signature: string };
    expect(c.algorithm).to.equal('SHA-256');
    const [random, exp, difficulty] = c.challenge.split('.');
    expect(random).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(Number(exp) * 1000).to.equal(Date.parse(c.expiresAt));
    expect(Number(difficulty)).to.equal(c.difficulty);
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('appointments-test-secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(c.challenge)));
    const expected = btoa(String.fromCharCode(...mac)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(c.signature).to.equal(expected);
  });
});

describe('appointments: staff operations', () => {
  beforeEach(() => setup());
  const staff = { 'X-Staff-Key': STAFF_KEY };

  it('blocking cancels and notifies affected bookings; releasing brings the slots back', async () => {
    const query = 'services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03';
    const slot = allSlots(await availability(query))[0]!;
    const c = await booked(slot);
    const pending = await holdId(allSlots(await availability(query))[1]!);
    await post('/v1/waitlist', { services: [{ id: 'personalausweis', qty: 1 }], location: 'buergerbuero-mitte', from: '2026-12-03', to: '2026-12-03', email: 'wait@example.org', consent: true });
    const block = { location: 'buergerbuero-mitte', from: '2026-12-03T08:00:00+01:00', to: '2026-12-03T12:00:00+01:00', reason: 'Betriebsversammlung' };

    expect((await post('/staff/v1/blocks', block)).status).to.equal(401);
    expect((await post('/staff/v1/blocks', { ...block, to: block.from }, staff)).status).to.equal(400);
    const r = await post('/staff/v1/blocks', block, staff);
    expect(r.status).to.equal(201);
    const created = (await r.json()) as { id: string; blockedSlots: number; cancelledBookings: { id: string; reference: string; notified: boolean }[] };
    expect(created.blockedSlots).to.equal(24);
    expect(created.cancelledBookings).to.deep.equal([{ id: c.id, reference: c.reference, notified: true }]);

    const read = (await (await api(`/v1/bookings/${c.id}`, { headers: auth(c.manageToken) })).json()) as Confirmation;
    expect(read).to.include({ status: 'cancelled', cancelledBy: 'office', cancellationReason: 'Betriebsversammlung' });
    expect(domain.state.notifications.find((n) => n.kind === 'booking_cancelled_by_office')).to.deep.include({ to: 'erika@example.org', bookingId: c.id, reason: 'Betriebsversammlung' });
    expect(allSlots(await availability(query)).every((s) => s.start >= '2026-12-03T13:00')).to.equal(true);
    expect(((await (await book(pending)).json()) as { code: string }).code).to.equal('hold_expired');

    expect((await api(`/staff/v1/blocks/${created.id}`, { method: 'DELETE', headers: staff })).status).to.equal(204);
    expect((await api(`/staff/v1/blocks/${created.id}`, { method: 'DELETE', headers: staff })).status).to.equal(204);
    expect(allSlots(await availability(query)).map((s) => s.start)).to.include(slot.start);
    expect(domain.state.notifications.some((n) => n.kind === 'waitlist_slot_free' && n.to === 'wait@example.org')).to.equal(true);
    expect((await api(`/staff/v1/blocks/${crypto.randomUUID()}`, { method: 'DELETE', headers: staff })).status).to.equal(404);
  });

  it('edits a service name in one language', async () => {
    const patch = (body: unknown, headers: Record<string, string> = staff) => api('/staff/v1/services/personalausweis', { method: 'PATCH', body: JSON.stringify(body), headers });
    expect((await patch({ name: 'x' }, {})).status).to.equal(401);
    expect((await patch({})).status).to.equal(400);
    const r = await patch({ locale: 'de', name: 'Personalausweis beantragen (ab 16 Jahren)' });
    expect(r.status).to.equal(200);
    expect(((await r.json()) as { name: string }).name).to.equal('Personalausweis beantragen (ab 16 Jahren)');
    expect(((await (await api('/v1/services/personalausweis')).json()) as { name: string }).name).to.equal('Personalausweis beantragen (ab 16 Jahren)');
    expect(((await (await api('/v1/services/personalausweis', { headers: { 'Accept-Language': 'en' } })).json()) as { name: string }).name).to.equal('Apply for an identity card');
    expect((await api('/staff/v1/services/nope', { method: 'PATCH', body: JSON.stringify({ name: 'x' }), headers: staff })).status).to.equal(404);
  });
});

describe('appointments: SEED=xss', () => {
  it('serves the hostile texts unchanged as JSON strings', async () => {
    setup({}, undefined, 'xss');
    const services = (await (await api('/v1/services')).json()) as { items: { id: string; name: string }[] };
    const names = services.items.map((s) => s.name).join(' ');
    expect(names).to.match(/<(script|img|svg|iframe)/i);
    expect(services.items.map((s) => s.id)).to.include('personalausweis');
    const location = (await (await api('/v1/locations/buergerbuero-mitte')).json()) as { name: string; address: { street: string } };
    expect(location.name).to.not.equal('Bürgerbüro Mitte');
    expect(location.address.street).to.not.equal('Marktplatz 1');
    expect(allSlots(await availability('services=personalausweis&location=buergerbuero-mitte&from=2026-12-03&to=2026-12-03')).length).to.be.greaterThan(0);
  });
});

describe('appointments: rate limits', () => {
  it('answers 429 with Retry-After once a window is used up, only when rate limits are on', async () => {
    setup({ rateLimits: true });
    for (let i = 0; i < APPOINTMENT_LIMITS.challenges; i++) expect((await api('/v1/antibot/challenge')).status).to.equal(200);
    const r = await api('/v1/antibot/challenge');
    expect(r.status).to.equal(429);
    expect(r.headers.get('Retry-After')).to.equal('60');
    expect(await r.json()).to.include({ code: 'rate_limited', retryAfter: 60 });
    clock.advance(60_000);
    expect((await api('/v1/antibot/challenge')).status).to.equal(200);

    setup({ rateLimits: false });
    for (let i = 0; i <= APPOINTMENT_LIMITS.challenges; i++) expect((await api('/v1/antibot/challenge')).status).to.equal(200);
  });
});
