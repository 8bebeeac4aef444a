/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { createSimulator, type SimulatorFeatures, type SimulatorOptions } from './simulator.js';
import { SIM_ACTION_ID } from './case-plans.js';
import { tickerLines } from './texts.js';
import { MINUTE, T0, mockBackend, recordingFetch, type MockSetup } from './testing.js';

const NONE: SimulatorFeatures = { queues: false, walkIns: false, ticker: false, offices: false, chat: false, cases: false };

function simulator(setup: MockSetup, only: Partial<SimulatorFeatures>, extra: Partial<SimulatorOptions> = {}) {
  const rec = recordingFetch();
  const lines: string[] = [];
  const sim = createSimulator({
    baseUrl: setup.baseUrl,
    staffKey: setup.staffKey,
    clock: setup.clock,
    fetch: rec.fetch,
    random: () => 0.5,
    features: { ...NONE, ...only },
    log: (line) => lines.push(line),
    ...extra,
  });
  return { sim, rec, lines };
}

const ticketByNumber = (setup: MockSetup, number: string) => [...setup.api.state.queues.tickets.values()].find((t) => t.number === number);

describe('simulator: queues', () => {
  it('calls the longest-waiting ticket to the first open desk of every queue on the first tick', async () => {
    const setup = await mockBackend();
    const { sim, rec, lines } = simulator(setup, { queues: true });
    await sim.tick();
    const queue = await setup.citizen('GET', '/v1/queues/buergerbuero-mitte');
    expect(queue.json.nowServing[0]).to.include({ ticket: 'A017', desk: 'Schalter 1' });
    expect(ticketByNumber(setup, 'A017')).to.include({ state: 'called', desk: 'Schalter 1' });
    expect(ticketByNumber(setup, 'K004')).to.include({ state: 'called', desk: 'Platz 1' });
    expect(ticketByNumber(setup, 'S002')).to.include({ state: 'called', desk: 'Zimmer 1' });
    // The later desks wait their turn (staggered by a quarter of an office minute).
    expect(ticketByNumber(setup, 'M031')!.state).to.equal('waiting');
    // Each desk first checks that its queue is open (citizen API), then calls (staff API).
    expect(rec.operations()).to.deep.equal([
      'GET /v1/queues/buergerbuero-mitte',
      'POST /staff/v1/queues/buergerbuero-mitte/call',
      'GET /v1/queues/buergerbuero-nord',
      'POST /staff/v1/queues/buergerbuero-nord/call',
      'GET /v1/queues/rathaus-sued',
      'POST /staff/v1/queues/rathaus-sued/call',
    ]);
    expect(rec.requests[0]!.headers.has('X-Staff-Key')).to.equal(false);
    expect(rec.requests[1]!.headers.get('X-Staff-Key')).to.equal(setup.staffKey);
    expect(rec.requests[1]!.body).to.deep.equal({ desk: 'Schalter 1' });
    expect(sim.stats.called).to.equal(3);
    expect(lines).to.deep.equal(['call buergerbuero-mitte Schalter 1 A017', 'call buergerbuero-nord Platz 1 K004', 'call rathaus-sued Zimmer 1 S002']);
  });

  it('marks a called ticket served after the service time, then calls the next one', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { queues: true });
    await sim.tick();
    // personalausweis takes 12 minutes on average at Mitte; random 0.5 → exactly the average.
    setup.clock.advance(12 * MINUTE - 1);
    await sim.tick();
    expect(ticketByNumber(setup, 'A017')!.state).to.equal('called');
    setup.clock.advance(1);
    await sim.tick();
    expect(ticketByNumber(setup, 'A017')!.state).to.equal('served');
    expect(sim.stats.served).to.be.greaterThan(0);
    // After a short pause the desk calls the next waiting ticket.
    setup.clock.advance(MINUTE);
    await sim.tick();
    const queue = await setup.citizen('GET', '/v1/queues/buergerbuero-mitte');
    const atDesk1 = queue.json.nowServing.filter((c: { desk: string }) => c.desk === 'Schalter 1').map((c: { ticket: string }) => c.ticket);
    expect(atDesk1.slice(0, 2)).to.deep.equal(['A018', 'A017']);
  });

  it('marks a no-show missed after two minutes', async () => {
    const setup = await mockBackend();
    // 0.05 < the no-show rate of 0.1: every called citizen stays away.
    const { sim, lines } = simulator(setup, { queues: true }, { random: () => 0.05 });
    await sim.tick();
    setup.clock.advance(2 * MINUTE);
    await sim.tick();
    expect(ticketByNumber(setup, 'A017')!.state).to.equal('missed');
    expect(sim.stats.missed).to.be.greaterThan(0);
    expect(lines).to.include('missed buergerbuero-mitte A017');
  });

  it('runs office time faster by the speed factor', async () => {
    const slow = await mockBackend();
    const a = simulator(slow, { queues: true }, { speed: 1 });
    await a.sim.tick();
    slow.clock.advance(1.2 * MINUTE);
    await a.sim.tick();
    expect(ticketByNumber(slow, 'A017')!.state).to.equal('called');

    const fast = await mockBackend();
    const b = simulator(fast, { queues: true }, { speed: 10 });
    await b.sim.tick();
    fast.clock.advance(1.2 * MINUTE); // 12 office minutes at speed 10
    await b.sim.tick();
    expect(ticketByNumber(fast, 'A017')!.state).to.equal('served');
  });

  it('tries again when nobody waits, and calls a ticket taken in between', async () => {
    const setup = await mockBackend();
    const { sim, rec } = simulator(setup, { queues: true });
    // Rathaus Süd has one waiting ticket (S002): the first call takes it.
    await sim.tick();
    setup.clock.advance(6 * MINUTE); // beglaubigung: 6 minutes
    await sim.tick(); // served
    setup.clock.advance(MINUTE);
    await sim.tick(); // nobody waits any more
    const calls = () => rec.operations().filter((o) => o === 'POST /staff/v1/queues/rathaus-sued/call').length;
    expect(calls()).to.equal(2);
    const taken = await setup.citizen('POST', '/v1/queues/rathaus-sued/tickets', { body: { service: 'beglaubigung' }, key: true });
    expect(taken.status).to.equal(201);
    setup.clock.advance(0.75 * MINUTE);
    await sim.tick();
    expect(calls()).to.equal(3);
    expect(ticketByNumber(setup, taken.json.number)!.state).to.equal('called');
  });

  it('backs off after a 503 for Retry-After, then calls again', async () => {
    const setup = await mockBackend();
    setup.api.faults.set({ status: 503, retryAfterSeconds: 120, match: 'callNextTicket' });
    const { sim, rec, lines } = simulator(setup, { queues: true });
    await sim.tick();
    expect(sim.stats.errors).to.equal(3);
    expect(sim.stats.lastError).to.deep.equal({ operation: 'callNextTicket', status: 503, code: 'unavailable' });
    expect(lines[0]).to.equal('error callNextTicket 503 unavailable');
    setup.api.faults.clear();
    setup.clock.advance(119_000);
    await sim.tick();
    // Schalter 2 and 3 (due at 15 and 30 s) call; Schalter 1 is still backing off.
    expect(ticketByNumber(setup, 'A017')!.desk).to.equal('Schalter 2');
    expect(ticketByNumber(setup, 'M031')!.desk).to.equal('Schalter 3');
    expect(ticketByNumber(setup, 'B008')!.state).to.equal('waiting');
    setup.clock.advance(1000);
    await sim.tick();
    expect(ticketByNumber(setup, 'B008')!.desk).to.equal('Schalter 1');
    expect(rec.operations().filter((o) => o.endsWith('/buergerbuero-mitte/call'))).to.have.length(4);
  });

  it('calls nobody while the queue is closed, unless told to ignore opening hours', async () => {
    const setup = await mockBackend();
    const { sim, rec } = simulator(setup, { queues: true });
    await sim.tick();
    // 12:30 on a Tuesday: Mitte and Süd pause 12–13, Nord closed from 12:30; last seen open at 10:00.
    setup.clock.advance(150 * MINUTE);
    const before = rec.requests.length;
    await sim.tick();
    expect(rec.operations().slice(before).filter((o) => o.startsWith('POST') && o.endsWith('/call'))).to.have.length(0);
    expect(rec.operations().slice(before)).to.include('GET /v1/queues/buergerbuero-mitte');
    // 13:00: Mitte and Süd open again; the desks look again every two minutes.
    setup.clock.advance(30 * MINUTE);
    await sim.tick();
    expect(rec.operations().slice(before)).to.include('POST /staff/v1/queues/buergerbuero-mitte/call');
    expect(rec.operations().slice(before)).to.not.include('POST /staff/v1/queues/buergerbuero-nord/call');

    const night = await mockBackend();
    const ignoring = simulator(night, { queues: true }, { ignoreOpeningHours: true });
    night.clock.advance(150 * MINUTE);
    await ignoring.sim.tick();
    expect(ignoring.rec.operations()).to.deep.equal([
      'POST /staff/v1/queues/buergerbuero-mitte/call',
      'POST /staff/v1/queues/buergerbuero-nord/call',
      'POST /staff/v1/queues/rathaus-sued/call',
    ]);
  });

  it('serves the waiting line for up to an hour after closing', async () => {
    const setup = await mockBackend();
    const { sim, rec } = simulator(setup, { queues: true });
    const nordCalls = () => rec.requests.filter((r) => r.path === '/staff/v1/queues/buergerbuero-nord/call').length;
    await sim.tick(); // 10:00: Platz 1 calls K004 at Nord (open until 12:30)
    setup.clock.advance(145 * MINUTE); // 12:25
    for (let i = 0; i < 6; i++) expect((await setup.citizen('POST', '/v1/queues/buergerbuero-nord/tickets', { body: { service: 'wohnsitz-anmeldung' }, key: true })).status).to.equal(201);
    await sim.tick(); // K004 served; Platz 2 calls A009
    setup.clock.advance(MINUTE);
    await sim.tick(); // 12:26, open: Platz 1 calls
    expect(nordCalls()).to.equal(3);
    setup.clock.advance(14 * MINUTE);
    await sim.tick(); // 12:40: both served
    setup.clock.advance(MINUTE);
    await sim.tick(); // 12:41: closed, but people still wait: both desks call
    expect(nordCalls()).to.equal(5);
    setup.clock.advance(49 * MINUTE);
    await sim.tick(); // 13:30: served
    setup.clock.advance(MINUTE);
    await sim.tick(); // 13:31: more than an hour after it was last seen open: nobody is called
    expect(nordCalls()).to.equal(5);
    expect((await setup.citizen('GET', '/v1/queues/buergerbuero-nord')).json.waitingCount).to.equal(3);
  });

  it('counts a rejected staff key as an error and keeps going', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { queues: true }, { staffKey: 'wrong-key' });
    await sim.tick();
    expect(sim.stats.called).to.equal(0);
    expect(sim.stats.errors).to.equal(3);
    expect(sim.stats.lastError).to.deep.equal({ operation: 'callNextTicket', status: 401, code: 'unauthorized' });
    expect(ticketByNumber(setup, 'A017')!.state).to.equal('waiting');
  });
});

describe('simulator: walk-ins and ticker', () => {
  it('lets walk-in citizens take tickets while the queue is open, up to six waiting', async () => {
    const setup = await mockBackend();
    const { sim, rec, lines } = simulator(setup, { walkIns: true });
    await sim.tick();
    expect(rec.requests).to.have.length(0);
    // Mitte: 7.5 minutes per citizen on average over 3 desks → mean 2.5 minutes; random 0.5 → 1.73 minutes.
    setup.clock.advance(1.75 * MINUTE);
    await sim.tick();
    const walkIn = rec.requests.find((r) => r.path === '/v1/queues/buergerbuero-mitte/tickets')!;
    expect(walkIn.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(walkIn.headers.has('X-Staff-Key')).to.equal(false);
    const queue = await setup.citizen('GET', '/v1/queues/buergerbuero-mitte');
    expect(queue.json.waitingCount).to.equal(6);
    expect(sim.stats.walkIns).to.equal(1);
    expect(lines[0]).to.match(/^walk-in buergerbuero-mitte [ABM]\d{3}$/);
    // Six are waiting: the next walk-in turns away.
    setup.clock.advance(1.75 * MINUTE);
    await sim.tick();
    expect((await setup.citizen('GET', '/v1/queues/buergerbuero-mitte')).json.waitingCount).to.equal(6);
    expect(rec.requests.filter((r) => r.path === '/v1/queues/buergerbuero-mitte/tickets')).to.have.length(1);
  });

  it('takes no walk-in ticket while the queue is closed', async () => {
    const setup = await mockBackend();
    const { sim, rec } = simulator(setup, { walkIns: true });
    await sim.tick();
    // 12:45 on a Tuesday: Mitte and Süd pause 12–13, Nord closed from 12:30.
    setup.clock.advance(165 * MINUTE);
    await sim.tick();
    expect(rec.operations()).to.deep.equal(['GET /v1/queues/buergerbuero-mitte', 'GET /v1/queues/buergerbuero-nord', 'GET /v1/queues/rathaus-sued']);
    expect((await setup.citizen('GET', '/v1/queues/buergerbuero-mitte')).json.open).to.equal(false);
    expect(sim.stats.walkIns).to.equal(0);
  });

  it('waits out a 429 for Retry-After before the next walk-in', async () => {
    const setup = await mockBackend();
    setup.api.faults.set({ rateLimit: { retryAfterSeconds: 600 }, match: 'takeQueueTicket' });
    const { sim, rec } = simulator(setup, { walkIns: true });
    await sim.tick();
    setup.clock.advance(1.75 * MINUTE);
    await sim.tick();
    expect(sim.stats.lastError).to.deep.equal({ operation: 'takeQueueTicket', status: 429, code: 'rate_limited' });
    setup.api.faults.clear();
    const takes = () => rec.requests.filter((r) => r.path === '/v1/queues/buergerbuero-mitte/tickets').length;
    setup.clock.advance(9 * MINUTE);
    await sim.tick();
    expect(takes()).to.equal(1);
    setup.clock.advance(MINUTE);
    await sim.tick();
    expect(takes()).to.equal(2);
  });

  it('sets a ticker text on every queue now and then', async () => {
    const setup = await mockBackend();
    const { sim, rec, lines } = simulator(setup, { ticker: true });
    await sim.tick();
    setup.clock.advance(2 * MINUTE); // first ticker after 1–3 minutes
    await sim.tick();
    expect(sim.stats.tickers).to.equal(3);
    expect(lines).to.deep.equal(['ticker buergerbuero-mitte', 'ticker buergerbuero-nord', 'ticker rathaus-sued']);
    const update = rec.requests.find((r) => r.method === 'PATCH')!;
    expect(update.path).to.equal('/staff/v1/queues/buergerbuero-mitte');
    const queue = await setup.citizen('GET', '/v1/queues/buergerbuero-mitte');
    const seedTickers = setup.api.ctx.seed.queues[0]!.ticker.map((t) => t.de);
    expect([...tickerLines('de', 5), ...seedTickers]).to.include(queue.json.ticker);
    expect(queue.json.ticker).to.equal((update.body as { ticker: string }).ticker);
    // The next change comes 10–20 minutes later and differs from the current text.
    setup.clock.advance(14 * MINUTE);
    await sim.tick();
    expect(sim.stats.tickers).to.equal(3);
    setup.clock.advance(MINUTE);
    await sim.tick();
    expect(sim.stats.tickers).to.equal(6);
    expect((await setup.citizen('GET', '/v1/queues/buergerbuero-mitte')).json.ticker).to.not.equal(queue.json.ticker);
  });
});

describe('simulator: virtual offices', () => {
  it('calls waiting-room tickets into free chairs with a join URL and frees them again', async () => {
    const setup = await mockBackend();
    const { sim, rec, lines } = simulator(setup, { offices: true });
    await sim.tick();
    const tickets = setup.api.state.queues.tickets;
    const v1 = [...tickets.values()].find((t) => t.office === 'videobuero-buergeramt' && t.number === 'V001')!;
    const v2 = [...tickets.values()].find((t) => t.office === 'videobuero-buergeramt' && t.number === 'V002')!;
    expect(v1).to.include({ state: 'called', desk: 'Platz 2', chairId: '2' });
    expect(v2).to.include({ state: 'called', desk: 'Platz 3', chairId: '3' });
    expect(v1.joinUrl).to.match(/^https:\/\/video\.musterstadt\.example\/raum\/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    const bodies = rec.requests.filter((r) => r.path.endsWith('/call')).map((r) => (r.body as { joinUrl: string }).joinUrl);
    expect(bodies).to.deep.equal([v1.joinUrl, v2.joinUrl]);
    // Chair 1 is in a call the seed started: never asked (no 409 in a demo visitor's console).
    expect(rec.requests.filter((r) => r.path === '/staff/v1/offices/videobuero-buergeramt/call').map((r) => (r.body as { chairId: string }).chairId)).to.deep.equal(['2', '3']);
    expect(sim.stats.officeCalls).to.equal(2);
    expect(lines).to.deep.equal(['video videobuero-buergeramt chair 2 V001', 'video videobuero-buergeramt chair 3 V002']);
    // The digital naturalisation office (Wednesdays only) has nobody waiting: no call.
    expect(rec.operations()).to.not.include('POST /staff/v1/offices/digitale-einbuergerung/call');

    setup.clock.advance(15 * MINUTE); // 15 minutes per call on average
    await sim.tick();
    expect(v1.state).to.equal('served');
    expect(v2.state).to.equal('served');
    // The seed's call on chair 1 ran long enough: the chair is closed and reopened, and is free.
    expect(sim.stats.chairResets).to.equal(1);
    expect(rec.requests.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body])).to.deep.equal([
      ['/staff/v1/offices/videobuero-buergeramt/chairs/1', { open: false }],
      ['/staff/v1/offices/videobuero-buergeramt/chairs/1', { open: true }],
    ]);
    const office = await setup.citizen('GET', '/v1/offices/videobuero-buergeramt');
    expect(office.json).to.include({ chairsFree: 3, chairsTotal: 3, waiting: 0 });
  });

  it('lets walk-ins into the waiting room while the office is open', async () => {
    const setup = await mockBackend();
    const { sim, rec } = simulator(setup, { offices: true, walkIns: true });
    await sim.tick();
    // 1.2 × 15 minutes / 3 chairs = 6 minutes mean; random 0.5 → 4.2 minutes.
    setup.clock.advance(4.5 * MINUTE);
    await sim.tick();
    expect(rec.operations().filter((o) => o.startsWith('POST /v1/offices/'))).to.deep.equal(['POST /v1/offices/videobuero-buergeramt/tickets']);
    const office = await setup.citizen('GET', '/v1/offices/videobuero-buergeramt');
    expect(office.json.waiting).to.equal(1);
  });
});

describe('simulator: cases', () => {
  const view = (setup: MockSetup, id: string) => setup.api.state.cases.cases.get(id)!;

  it('advances a moving case one step after its dwell time and leaves the other cases alone', async () => {
    const setup = await mockBackend();
    const { sim, rec, lines } = simulator(setup, { cases: true });
    const stable = setup.api.ctx.seed.cases.filter((c) => c.id !== 'c-4718' && c.id !== 'c-4715').map((c) => [c.id, c.revision]);
    await sim.tick();
    expect(rec.requests).to.have.length(0);
    setup.clock.advance(4.5 * MINUTE); // received: 3–6 minutes
    await sim.tick();
    const c = view(setup, 'c-4718');
    expect(c.status.code).to.equal('in_progress');
    expect(c.steps.map((s) => s.state)).to.deep.equal(['done', 'current', 'upcoming']);
    expect(c.history[0]!.title.de).to.equal('Prüfung begonnen.');
    expect(lines).to.deep.equal(['case c-4715 ready_for_pickup', 'case c-4718 review']);
    expect(rec.operations()).to.deep.equal(['POST /staff/v1/cases/c-4715/updates', 'POST /staff/v1/cases/c-4718/updates']);
    for (const [id, revision] of stable) expect(view(setup, id as string).revision, id as string).to.equal(revision);
  });

  it('walks c-4718 through action required, resolution, decision and completion, and starts over', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { cases: true });
    await sim.tick();
    const seen: string[] = [];
    let revision = view(setup, 'c-4718').revision;
    for (let i = 0; i < 60 && seen.length < 7; i++) {
      setup.clock.advance(MINUTE);
      await sim.tick();
      const c = view(setup, 'c-4718');
      if (c.revision === revision) continue;
      revision = c.revision;
      const actions = c.actionsRequired.map((a) => a.id).join(',');
      seen.push(`${c.status.code}|${c.steps.map((s) => s.state[0]).join('')}|${actions}|${c.result?.decision ?? ''}`);
    }
    // status | step states (done, current, upcoming) | actions required | result
    expect(seen).to.deep.equal([
      'in_progress|dcu||',
      `action_required|dcu|${SIM_ACTION_ID}|`,
      'in_progress|dcu||',
      'approved|ddc||approved',
      'completed|ddd||approved',
      'received|cuu||',
      'in_progress|dcu||',
    ]);
  });

  it('takes c-4715 from production to ready for pickup with a pickup service, then completes it', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { cases: true });
    await sim.tick();
    setup.clock.advance(4.5 * MINUTE);
    await sim.tick();
    const c = view(setup, 'c-4715');
    expect(c.status.code).to.equal('ready_for_pickup');
    expect(c.pickup).to.deep.equal({ ready: true, serviceId: 'dokument-abholung' });
    expect(c.steps.map((s) => s.state)).to.deep.equal(['done', 'done', 'done', 'current']);
    setup.clock.advance(8 * MINUTE); // ready for pickup: 6–10 minutes
    await sim.tick();
    expect(view(setup, 'c-4715').status.code).to.equal('completed');
    expect(view(setup, 'c-4715').pickup).to.equal(undefined);
  });

  it('writes English staff texts with locale en', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { cases: true, queues: true }, { locale: 'en' });
    await sim.tick();
    expect(ticketByNumber(setup, 'A017')!.desk).to.equal('Counter 1');
    setup.clock.advance(4.5 * MINUTE);
    await sim.tick();
    expect(view(setup, 'c-4718').status.label.de).to.equal('In progress');
  });

  it('drops a moving case the back end does not know', async () => {
    const setup = await mockBackend();
    const world = (await import('./world.js')).worldFromSeed(undefined, { movingCases: ['c-4718'] });
    world.cases.push({ id: 'c-9999', steps: ['received', 'review'], currentStep: 'received', finished: false });
    const { sim, rec } = simulator(setup, { cases: true }, { world });
    await sim.tick();
    setup.clock.advance(4.5 * MINUTE);
    await sim.tick();
    expect(sim.stats.lastError).to.deep.equal({ operation: 'updateCase', status: 404, code: 'not_found' });
    setup.clock.advance(10 * MINUTE);
    await sim.tick();
    expect(rec.requests.filter((r) => r.path === '/staff/v1/cases/c-9999/updates')).to.have.length(1);
    expect(rec.requests.filter((r) => r.path === '/staff/v1/cases/c-4718/updates').length).to.be.greaterThan(1);
  });
});

describe('simulator: start, stop and determinism', () => {
  it('start() keeps exactly one timer; stop() leaves none, also with a tick in flight', async () => {
    const setup = await mockBackend();
    const { sim } = simulator(setup, { queues: true, chat: true, cases: true });
    sim.start();
    sim.start();
    expect(setup.clock.pending).to.equal(1);
    expect(sim.running).to.equal(true);
    expect(setup.clock.runDue()).to.equal(1);
    await sim.idle();
    expect(sim.stats.ticks).to.equal(1);
    expect(setup.clock.pending).to.equal(1);
    // The next wake-up is the earliest due task, at most one chat poll (2 s) away.
    expect(setup.clock.nextAt - setup.clock.now()).to.equal(2000);
    setup.clock.advance(2000);
    setup.clock.runDue();
    // Stop while that tick's requests are in flight.
    await sim.stop();
    expect(setup.clock.pending).to.equal(0);
    expect(sim.running).to.equal(false);
    setup.clock.advance(10 * MINUTE);
    expect(setup.clock.runDue()).to.equal(0);
    expect(setup.clock.pending).to.equal(0);
  });

  it('stop() aborts a request that never answers and resolves', async () => {
    // Fault latency whose wait never ends: the back end never answers.
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const setup = await mockBackend(undefined, () => {
      arrived();
      return new Promise<void>(() => undefined);
    });
    setup.api.faults.set({ latencyMs: 1 });
    const { sim, rec } = simulator(setup, { queues: true });
    sim.start();
    setup.clock.runDue();
    expect(rec.operations()).to.deep.equal(['GET /v1/queues/buergerbuero-mitte']);
    await reached;
    await sim.stop();
    expect(sim.stats.called).to.equal(0);
    expect(setup.clock.pending).to.equal(0);
    expect(sim.stats.errors).to.equal(0);
  });

  it('replays the same actions with the same seed', async () => {
    const run = async () => {
      const setup = await mockBackend();
      const lines: string[] = [];
      // msw in the page without the service worker round trip: the same handlers, ten times faster.
      const sim = createSimulator({ fetch: setup.directFetch, baseUrl: setup.baseUrl, staffKey: setup.staffKey, clock: setup.clock, random: 7, speed: 6, log: (l) => lines.push(l), features: { chat: false } });
      for (let i = 0; i < 16; i++) {
        await sim.tick();
        setup.clock.advance(40_000);
      }
      return lines;
    };
    const first = await run();
    const second = await run();
    expect(first.length).to.be.greaterThan(40);
    expect(second).to.deep.equal(first);
    for (const kind of ['call', 'served', 'walk-in', 'ticker', 'video', 'case']) expect(first.some((l) => l.startsWith(`${kind} `)), kind).to.equal(true);
  });

  it('rejects a speed that is not a positive number', () => {
    expect(() => createSimulator({ baseUrl: '/api', staffKey: 'k', speed: 0 })).to.throw(RangeError);
    expect(() => createSimulator({ baseUrl: '/api', staffKey: 'k', speed: Number.NaN })).to.throw(RangeError);
    expect(() => createSimulator({ baseUrl: '/api', staffKey: 'k', speed: Infinity })).to.throw(RangeError);
  });

  it('uses T0 as a Tuesday morning (the tests depend on open queues)', async () => {
    const setup = await mockBackend();
    expect(new Date(T0).getUTCDay()).to.equal(2);
    expect((await setup.citizen('GET', '/v1/queues/buergerbuero-mitte')).json.open).to.equal(true);
  });
});
