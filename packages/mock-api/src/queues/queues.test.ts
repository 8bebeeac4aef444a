import { expect } from '@open-wc/testing';
import { DEFAULT_SETTINGS, ManualClock, TEST_MODE_SETTINGS, createMockApi, type BackendSettings } from '../index.js';
import { TestClient } from '../http-testing.js';

// Tuesday, 1 December 2026, 10:00: Bürgerbüro Mitte (08–12) and the video office (09–12) are open.
const T0 = Date.parse('2026-12-01T10:00:00+01:00');
const MITTE = 'buergerbuero-mitte';
const VIDEO = 'videobuero-buergeramt';

function setup(at = T0, settings: BackendSettings = TEST_MODE_SETTINGS) {
  const clock = new ManualClock(at);
  const api = createMockApi({ clock, settings, pingMs: 3_600_000 });
  const client = new TestClient(() => api.handlers);
  const staffKey = api.ctx.staffKey;
  const take = async (body: Record<string, unknown> = { service: 'personalausweis' }, location = MITTE) => {
    const res = await client.post(`/v1/queues/${location}/tickets`, { key: true, body });
    expect(res.status, res.text).to.equal(201);
    return res.json as { ticketId: string; number: string; token: string; ticket: { position: number; state: string; revision: number } };
  };
  const enter = async (office = VIDEO) => {
    const res = await client.post(`/v1/offices/${office}/tickets`, { key: true });
    expect(res.status, res.text).to.equal(201);
    return res.json as { ticketId: string; number: string; token: string };
  };
  return { clock, api, client, staffKey, take, enter };
}

describe('mock queues: queue state', () => {
  it('shows the call display data from the seed without personal data', async () => {
    const { client, api } = setup();
    const res = await client.get(`/v1/queues/${MITTE}`);
    const seed = api.ctx.seed.queues.find((q) => q.locationId === MITTE)!;
    expect(res.status).to.equal(200);
    expect(res.json).to.deep.include({ location: MITTE, open: true, waitingCount: seed.waiting.length, ticketsOnline: true, timeZone: 'Europe/Berlin', revision: 1 });
    expect(res.json.todayHours).to.deep.equal([
      { opens: '08:00', closes: '12:00' },
      { opens: '13:00', closes: '16:00' },
    ]);
    expect(res.json.nowServing[0]).to.deep.equal({ ticket: seed.recentCalls[0]!.number, desk: seed.recentCalls[0]!.desk.de, calledAt: seed.recentCalls[0]!.calledAt });
    const ausweis = res.json.services.find((s: { serviceId: string }) => s.serviceId === 'personalausweis');
    const n = seed.waiting.filter((w) => w.serviceId === 'personalausweis').length;
    const avg = seed.services.find((s) => s.serviceId === 'personalausweis')!.averageMinutes;
    expect(ausweis).to.deep.include({ waiting: n, estimatedWaitMinutes: Math.ceil((n * avg) / seed.desks.filter((d) => d.open).length) });
    expect(res.json.welcomeText).to.equal(seed.welcome.de);
    expect(res.json.ticker).to.contain(seed.ticker[0]!.de);
    expect(res.text).to.not.match(/token|joinUrl|tkt_/);
  });

  it('is closed outside opening hours: no estimates, no online tickets, 409 closed with nextOpening', async () => {
    const { client } = setup(Date.parse('2026-12-01T12:30:00+01:00'));
    const res = await client.get(`/v1/queues/${MITTE}`);
    expect(res.json.open).to.equal(false);
    expect(res.json.ticketsOnline).to.equal(false);
    expect(res.json.services.every((s: { estimatedWaitMinutes: unknown }) => s.estimatedWaitMinutes === null)).to.equal(true);
    const refused = await client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body: { service: 'personalausweis' } });
    expect(refused.status).to.equal(409);
    expect(refused.json).to.include({ code: 'closed', nextOpening: '2026-12-01T13:00:00+01:00' });
  });

  it('answers 404 for a location without a queue', async () => {
    const { client } = setup();
    expect((await client.get('/v1/queues/mondbasis')).status).to.equal(404);
    expect((await client.post('/v1/queues/mondbasis/tickets', { key: true, body: { service: 'personalausweis' } })).status).to.equal(404);
  });
});

describe('mock queues: tickets', () => {
  it('takes a ticket: next number of the service prefix, position behind everyone waiting', async () => {
    const { take, api, client } = setup();
    const seed = api.ctx.seed.queues.find((q) => q.locationId === MITTE)!;
    const t = await take();
    expect(t.number).to.match(/^A\d{3}$/);
    const highest = Math.max(...[...seed.waiting, ...seed.recentCalls].filter((x) => x.number.startsWith('A')).map((x) => Number(x.number.slice(1))));
    expect(Number(t.number.slice(1))).to.equal(highest + 1);
    expect(t.ticket).to.deep.include({ state: 'waiting', position: seed.waiting.length, revision: 1 });
    expect((await client.get(`/v1/queues/${MITTE}`)).json.waitingCount).to.equal(seed.waiting.length + 1);
  });

  it('replays a ticket for the same Idempotency-Key instead of taking a second one', async () => {
    const { client, api } = setup();
    const before = api.state.queues.tickets.size;
    const a = await client.post(`/v1/queues/${MITTE}/tickets`, { key: 'ticket-key-1', body: { service: 'personalausweis' } });
    const b = await client.post(`/v1/queues/${MITTE}/tickets`, { key: 'ticket-key-1', body: { service: 'personalausweis' } });
    expect(b.json).to.deep.equal(a.json);
    expect(b.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(api.state.queues.tickets.size).to.equal(before + 1);
    expect((await client.post(`/v1/queues/${MITTE}/tickets`, { body: { service: 'personalausweis' } })).status).to.equal(400);
  });

  it('validates the service, the notice channels and unknown members', async () => {
    const { client } = setup();
    const post = (body: unknown) => client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body });
    expect((await post({ service: 'kfz-zulassung' })).json.errors[0].pointer).to.equal('/service');
    expect((await post({ service: 'personalausweis', notify: { whenAhead: 3 } })).status).to.equal(400);
    expect((await post({ service: 'personalausweis', notify: { phone: '+49 151 2345678' } })).json.errors[0].pointer).to.equal('/notify/phone');
    expect((await post({ service: 'personalausweis', name: 'Erika' })).status).to.equal(400);
  });

  it('rate-limits ticket creation when rate limits are on', async () => {
    const { client } = setup(T0, { ...DEFAULT_SETTINGS, rateLimits: true });
    for (let i = 0; i < 10; i++) expect((await client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body: { service: 'personalausweis' } })).status).to.equal(201);
    const limited = await client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body: { service: 'personalausweis' } });
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('Retry-After'))).to.be.greaterThan(0);
  });

  it('shows the ticket only to its holder and lets the holder give it up (idempotent)', async () => {
    const { take, client } = setup();
    const t = await take();
    const mine = await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token });
    expect(mine.status).to.equal(200);
    expect(mine.headers.get('Cache-Control')).to.equal('no-store');
    expect((await client.get(`/v1/tickets/${t.ticketId}`)).status).to.equal(401);
    const other = await take();
    expect((await client.get(`/v1/tickets/${t.ticketId}`, { token: other.token })).status).to.equal(401);
    expect((await client.delete(`/v1/tickets/${t.ticketId}`, { token: t.token })).status).to.equal(204);
    expect((await client.delete(`/v1/tickets/${t.ticketId}`, { token: t.token })).status).to.equal(204);
    expect((await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token })).json).to.deep.include({ state: 'cancelled', position: 0, estimatedWaitMinutes: null });
    // The next ticket moved up.
    expect((await client.get(`/v1/tickets/${other.ticketId}`, { token: other.token })).json.position).to.equal(t.ticket.position);
  });
});

describe('mock queues: calling', () => {
  it('calls the longest-waiting ticket: queue stream sends called then updated; positions move up', async () => {
    const { client, staffKey, take, api } = setup();
    const seed = api.ctx.seed.queues.find((q) => q.locationId === MITTE)!;
    const t = await take();
    const queue = await client.stream(`/v1/queues/${MITTE}/events`);
    const snapshot = await queue.next();
    expect(snapshot).to.deep.include({ event: 'updated', id: '2' });
    const res = await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 3' } });
    expect(res.json.ticket).to.deep.include({ number: seed.waiting[0]!.number, state: 'called', desk: 'Platz 3', calledAt: '2026-12-01T10:00:00+01:00' });
    const [called, updated] = await queue.take(2);
    expect(called).to.deep.equal({ event: 'called', id: '3', data: { ticket: seed.waiting[0]!.number, desk: 'Platz 3', calledAt: '2026-12-01T10:00:00+01:00', serviceId: seed.waiting[0]!.serviceId } });
    expect(updated!.event).to.equal('updated');
    expect((updated!.data as { nowServing: { ticket: string }[] }).nowServing[0]!.ticket).to.equal(seed.waiting[0]!.number);
    expect((await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token })).json.position).to.equal(t.ticket.position - 1);
    await queue.close();
  });

  it('streams the holder’s ticket: snapshot, updated on moves, called with the desk, closes when served', async () => {
    const { client, staffKey, take } = setup();
    const t = await take();
    const stream = await client.stream(`/v1/tickets/${t.ticketId}/events`, { token: t.token });
    expect(await stream.next()).to.deep.include({ event: 'updated', id: '1' });
    // Call everyone ahead, then this ticket.
    for (let i = 0; i < t.ticket.position; i++) await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 1' } });
    const moves = await stream.take(t.ticket.position);
    expect(moves.map((e) => (e.data as { position: number }).position)).to.deep.equal([...Array(t.ticket.position).keys()].reverse());
    await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 2' } });
    const called = await stream.next();
    expect(called!.event).to.equal('called');
    expect(called!.data).to.deep.include({ state: 'called', desk: 'Platz 2', position: 0 });
    const served = await client.post(`/staff/v1/tickets/${t.ticketId}/outcome`, { staffKey, body: { outcome: 'served' } });
    expect(served.json.state).to.equal('served');
    expect((await stream.next())!.data).to.deep.include({ state: 'served' });
    expect(await stream.ended()).to.equal(true);
    // Same outcome again is fine; another one is a conflict; so is the holder's cancel now.
    expect((await client.post(`/staff/v1/tickets/${t.ticketId}/outcome`, { staffKey, body: { outcome: 'served' } })).status).to.equal(200);
    expect((await client.post(`/staff/v1/tickets/${t.ticketId}/outcome`, { staffKey, body: { outcome: 'missed' } })).status).to.equal(409);
    expect((await client.delete(`/v1/tickets/${t.ticketId}`, { token: t.token })).status).to.equal(409);
  });

  it('resumes the ticket stream without a snapshot when Last-Event-ID is current; a finished ticket’s stream closes', async () => {
    const { client, staffKey, take } = setup();
    const t = await take();
    const resumed = await client.stream(`/v1/tickets/${t.ticketId}/events`, { token: t.token, lastEventId: '1' });
    await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 1' } });
    expect((await resumed.next())).to.deep.include({ event: 'updated', id: '2' });
    await resumed.close();
    await client.delete(`/v1/tickets/${t.ticketId}`, { token: t.token });
    const after = await client.stream(`/v1/tickets/${t.ticketId}/events`, { token: t.token });
    expect((await after.next())!.data).to.deep.include({ state: 'cancelled' });
    expect(await after.ended()).to.equal(true);
  });

  it('answers ticket: null when nobody waits for the service, and refuses a waiting ticket’s outcome', async () => {
    const { client, staffKey, take } = setup();
    expect((await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 1', serviceId: 'kfz-zulassung' } })).json).to.deep.equal({ ticket: null });
    const t = await take();
    expect((await client.post(`/staff/v1/tickets/${t.ticketId}/outcome`, { staffKey, body: { outcome: 'missed' } })).status).to.equal(409);
    expect((await client.post(`/staff/v1/queues/${MITTE}/call`, { body: { desk: 'Platz 1' } })).status).to.equal(401);
  });

  it('sends the e-mail notices the holder asked for: N ahead, then called', async () => {
    const { client, staffKey, take, api } = setup();
    const t = await take({ service: 'personalausweis', notify: { email: 'erika@example.org', whenAhead: 2 } });
    const ahead = t.ticket.position;
    expect(api.state.queues.outbox).to.deep.equal([]);
    for (let i = 0; i < ahead - 2; i++) await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 1' } });
    expect(api.state.queues.outbox).to.deep.equal([{ ticketId: t.ticketId, channel: 'email', to: 'erika@example.org', kind: 'ahead', at: '2026-12-01T10:00:00+01:00' }]);
    for (let i = 0; i <= 2; i++) await client.post(`/staff/v1/queues/${MITTE}/call`, { staffKey, body: { desk: 'Platz 1' } });
    expect(api.state.queues.outbox.map((n) => n.kind)).to.deep.equal(['ahead', 'called']);
  });

  it('takes international notification addresses (idn-email) and refuses malformed ones', async () => {
    const { client } = setup();
    const ticket = (email: string) => client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body: { service: 'personalausweis', notify: { email, whenAhead: 2 } } });
    for (const email of ['anna@müller-bäckerei.de', 'anna@xn--mller-bckerei-hfb76a.de', 'jörg@example.de']) expect((await ticket(email)).status, email).to.equal(201);
    for (const email of ['anna@müller-bäckerei', 'anna @example.de', 'anna@müller..de', 'anna@-müller.de']) expect((await ticket(email)).status, email).to.equal(400);
  });

  it('sets ticker and welcome text (ticker event, then updated) and closes online tickets', async () => {
    const { client, staffKey } = setup();
    const queue = await client.stream(`/v1/queues/${MITTE}/events?after=1`);
    const res = await client.patch(`/staff/v1/queues/${MITTE}`, { staffKey, body: { ticker: 'Heute nur Abholung an Platz 5.', welcomeText: null } });
    expect(res.json.ticker).to.equal('Heute nur Abholung an Platz 5.');
    expect(res.json).to.not.have.property('welcomeText');
    const [ticker, updated] = await queue.take(2);
    expect(ticker).to.deep.equal({ event: 'ticker', id: '2', data: { text: 'Heute nur Abholung an Platz 5.' } });
    expect(updated).to.deep.include({ event: 'updated', id: '2' });
    await client.patch(`/staff/v1/queues/${MITTE}`, { staffKey, body: { ticker: null } });
    expect((await queue.next())).to.deep.equal({ event: 'ticker', id: '3', data: { text: null } });
    expect((await client.patch(`/staff/v1/queues/${MITTE}`, { staffKey, body: { ticketsOnline: false } })).json.ticketsOnline).to.equal(false);
    expect((await client.post(`/v1/queues/${MITTE}/tickets`, { key: true, body: { service: 'personalausweis' } })).json.code).to.equal('closed');
    expect((await client.patch(`/staff/v1/queues/${MITTE}`, { staffKey, body: {} })).status).to.equal(400);
    await queue.close();
  });
});

describe('mock queues: virtual offices', () => {
  it('shows the office: open now from hours and clock, chairs, waiting, estimate', async () => {
    const { client, api } = setup();
    const seed = api.ctx.seed.offices.find((o) => o.id === VIDEO)!;
    const res = await client.get(`/v1/offices/${VIDEO}`);
    expect(res.json).to.deep.include({
      id: VIDEO,
      openNow: true,
      chairsTotal: seed.chairs,
      chairsFree: seed.chairs - seed.chairsBusy,
      waiting: seed.waiting,
      estimatedWaitMinutes: Math.ceil((seed.waiting * seed.averageMinutes) / seed.chairs),
      serviceId: seed.serviceId,
      ticketsOnline: true,
    });
    const closed = setup(Date.parse('2026-12-01T13:00:00+01:00'));
    const later = await closed.client.get(`/v1/offices/${VIDEO}`);
    expect(later.json).to.deep.include({ openNow: false, estimatedWaitMinutes: null, ticketsOnline: false, nextOpening: '2026-12-02T09:00:00+01:00' });
    const refused = await closed.client.post(`/v1/offices/${VIDEO}/tickets`, { key: true });
    expect(refused.json).to.include({ code: 'closed', nextOpening: '2026-12-02T09:00:00+01:00' });
  });

  it('gives the joinUrl only to the holder, only once called, never in public views', async () => {
    const { client, staffKey, enter, api } = setup();
    const seed = api.ctx.seed.offices.find((o) => o.id === VIDEO)!;
    const t = await enter();
    const office = await client.stream(`/v1/offices/${VIDEO}/events`);
    expect((await office.next())!.data).to.deep.include({ waiting: seed.waiting + 1 });
    const ticket = await client.stream(`/v1/tickets/${t.ticketId}/events`, { token: t.token });
    expect((await ticket.next())!.data).to.not.have.property('joinUrl');
    const joinUrl = 'https://video.musterstadt.example/raum/7Hq2-Lp9x';
    // The seeded waiting-room tickets come first; chair 1 is busy in the seed, 2 and 3 are free.
    for (const chair of ['2', '3']) expect((await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: chair, joinUrl: `${joinUrl}-seed-${chair}` } })).status).to.equal(200);
    expect((await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '2', joinUrl } })).status).to.equal(409);
    await client.put(`/staff/v1/offices/${VIDEO}/chairs/4`, { staffKey, body: { open: true, name: 'Beratung 4' } });
    const call = await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '4', joinUrl } });
    expect(call.json.ticket).to.deep.include({ id: t.ticketId, state: 'called', desk: 'Beratung 4', joinUrl });
    const holder = await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token });
    expect(holder.json).to.deep.include({ state: 'called', joinUrl, desk: 'Beratung 4' });
    const events: unknown[] = [];
    for (let e = await ticket.next(); e && e.event !== 'called'; e = await ticket.next()) events.push(e);
    // Public views: the office and every queue.
    const publicTexts = [(await client.get(`/v1/offices/${VIDEO}`)).text, ...(await Promise.all(api.ctx.seed.queues.map((q) => client.get(`/v1/queues/${q.locationId}`)))).map((r) => r.text)];
    for (const text of publicTexts) expect(text).to.not.contain('video.musterstadt.example');
    const officeEvents = await office.take(3);
    expect(JSON.stringify(officeEvents)).to.not.contain('video.musterstadt.example');
    const served = await client.post(`/staff/v1/tickets/${t.ticketId}/outcome`, { staffKey, body: { outcome: 'served' } });
    expect(served.json).to.not.have.property('joinUrl');
    expect((await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token })).json).to.not.have.property('joinUrl');
    await Promise.all([office.close(), ticket.close()]);
  });

  it('opens and closes chairs (chairsTotal, chairsFree); closing a busy chair ends its call', async () => {
    const { client, staffKey, enter, api } = setup();
    const seed = api.ctx.seed.offices.find((o) => o.id === VIDEO)!;
    const opened = await client.put(`/staff/v1/offices/${VIDEO}/chairs/9`, { staffKey, body: { open: true } });
    expect(opened.json).to.deep.include({ chairsTotal: seed.chairs + 1, chairsFree: seed.chairs - seed.chairsBusy + 1 });
    const t = await enter();
    // Drain the seeded waiting room onto chairs 2 and 9, then call ours onto 3.
    await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '2', joinUrl: 'https://video.example/a' } });
    await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '9', joinUrl: 'https://video.example/b' } });
    const call = await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '3', joinUrl: 'https://video.example/c' } });
    expect(call.json.ticket.id).to.equal(t.ticketId);
    const closed = await client.put(`/staff/v1/offices/${VIDEO}/chairs/3`, { staffKey, body: { open: false } });
    expect(closed.json.chairsTotal).to.equal(seed.chairs);
    expect((await client.get(`/v1/tickets/${t.ticketId}`, { token: t.token })).json.state).to.equal('served');
    expect((await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '3', joinUrl: 'https://video.example/d' } })).status).to.equal(409);
    expect((await client.post(`/staff/v1/offices/${VIDEO}/call`, { staffKey, body: { chairId: '2', joinUrl: 'ftp://x' } })).status).to.equal(400);
    expect((await client.get('/v1/offices/nirgendwo')).status).to.equal(404);
  });
});
