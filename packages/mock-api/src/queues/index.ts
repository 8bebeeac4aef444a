/**
 * Walk-in queues (call display data and its stream), tickets (holder-only views and streams) and
 * virtual offices (open now from hours and clock, chairs, waiting room); and the staff side: call
 * the next ticket to a desk, mark it served or missed, ticker/welcome texts, chairs, video calls.
 *
 * Privacy: public views (queue, office) carry ticket numbers at most, never tokens or `joinUrl`;
 * `joinUrl` appears only in the holder's ticket view (and the staff answer), and only while called.
 */
import { formatInstant, nextOpening, type LocalizedText, type Office, type Queue } from '@civic-elements/contract/seed';
import type * as api from '@civic-elements/contract';
import type { MockContext } from '../context.js';
import { fingerprint } from '../support/idempotency.js';
import { problem } from '../support/problem.js';
import {
  Channel,
  ID,
  Routes,
  bearer,
  check,
  eventStream,
  fail,
  idempotencyKey,
  idempotent,
  invalid,
  json,
  noContent,
  rateLimited,
  readJson,
  resumeId,
  staffDenied,
  token,
  unauthorized,
  uuid,
  v,
  type DomainKit,
  type SseEvent,
} from '../http-kit.js';
import * as L from './logic.js';
import { FINAL_STATES as FINAL, QUEUE_LIMITS, type TicketState } from './logic.js';

export { QUEUE_LIMITS, type TicketState };

export interface Notice {
  ticketId: string;
  channel: 'email' | 'sms';
  to: string;
  kind: 'ahead' | 'called';
  at: string;
}

export interface TicketRecord {
  id: string;
  number: string;
  /** The holder's bearer token; seeded walk-in tickets have none. */
  token?: string;
  serviceId: string;
  location?: string;
  office?: string;
  state: TicketState;
  desk?: string;
  calledAt?: number;
  joinUrl?: string;
  /** The office chair serving it. */
  chairId?: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
  notify?: { email?: string; phone?: string; whenAhead?: number };
  notifiedAhead?: boolean;
  /** Position and estimate last published, to publish `updated` only on a change. */
  shown?: string;
  channel: Channel;
}

export interface QueueRecord {
  seed: Queue;
  ticker?: string | null;
  welcomeText?: string | null;
  ticketsOnline: boolean;
  /** Newest first. */
  calls: { ticket: string; desk: LocalizedText; calledAt: number; serviceId?: string }[];
  counters: Map<string, number>;
  revision: number;
  updatedAt: number;
  channel: Channel;
}

export interface ChairRecord {
  name: string;
  open: boolean;
  /** The ticket in a call with this chair (`'seed'`: a call the seed started). */
  busyWith?: string;
}

export interface OfficeRecord {
  seed: Office;
  chairs: Map<string, ChairRecord>;
  ticketsOnline: boolean;
  counter: number;
  revision: number;
  updatedAt: number;
  channel: Channel;
}

const PHONE = /^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const HTTPS = /^https?:\/\//;
const notifyRule = v.object({ email: v.email(), phone: v.string({ min: 6, max: 30, pattern: PHONE }), whenAhead: v.integer({ min: 1, max: 50 }) });

export function createQueues(ctx: MockContext, kit: DomainKit) {
  const now = () => ctx.clock.now();
  const tz = ctx.seed.town.timeZone;
  const iso = (ms: number) => formatInstant(ms, tz);
  const tickets = new Map<string, TicketRecord>();
  const byToken = new Map<string, TicketRecord>();
  const queues = new Map<string, QueueRecord>();
  const offices = new Map<string, OfficeRecord>();
  const outbox: Notice[] = [];
  const start = now();

  // ------------------------------------------------------------------ seed

  for (const q of ctx.seed.queues) {
    const counters = new Map<string, number>();
    const bump = (n: string) => {
      const prefix = L.prefixOf(n);
      counters.set(prefix, Math.max(counters.get(prefix) ?? 0, L.numberPart(n)));
    };
    for (const w of q.waiting) {
      bump(w.number);
      const createdAt = Date.parse(w.takenAt);
      const t: TicketRecord = { id: uuid(), number: w.number, serviceId: w.serviceId, location: q.locationId, state: 'waiting', createdAt, updatedAt: createdAt, revision: 1, channel: new Channel(0) };
      tickets.set(t.id, t);
    }
    for (const c of q.recentCalls) bump(c.number);
    queues.set(q.locationId, {
      seed: q,
      ticketsOnline: q.ticketsOnline,
      calls: q.recentCalls.map((c) => ({ ticket: c.number, desk: c.desk, calledAt: Date.parse(c.calledAt) })),
      counters,
      revision: 1,
      updatedAt: start,
      channel: new Channel(0),
    });
  }
  for (const o of ctx.seed.offices) {
    const chairs = new Map<string, ChairRecord>();
    for (let i = 1; i <= o.chairs; i++) chairs.set(String(i), { name: `Platz ${i}`, open: true, ...(i <= o.chairsBusy && { busyWith: 'seed' }) });
    for (let i = 0; i < o.waiting; i++) {
      const createdAt = start - (o.waiting - i) * 5 * 60_000;
      const t: TicketRecord = { id: uuid(), number: L.ticketNumber('V', i + 1), serviceId: o.serviceId, office: o.id, state: 'waiting', createdAt, updatedAt: createdAt, revision: 1, channel: new Channel(0) };
      tickets.set(t.id, t);
    }
    offices.set(o.id, { seed: o, chairs, ticketsOnline: o.ticketsOnline, counter: o.waiting, revision: 1, updatedAt: start, channel: new Channel(0) });
  }

  // ------------------------------------------------------------------ views

  const locationOf = (id: string) => ctx.seed.locations.find((l) => l.id === id);
  const queueOpen = (q: QueueRecord) => L.queueIsOpen(ctx.seed, q.seed, now());
  const waitingIn = (filter: (t: TicketRecord) => boolean) => [...tickets.values()].filter((t) => t.state === 'waiting' && filter(t)).sort(L.byArrival);
  const queueWaiting = (q: QueueRecord) => waitingIn((t) => t.location === q.seed.locationId);
  const officeWaiting = (o: OfficeRecord) => waitingIn((t) => t.office === o.seed.id);
  const openChairs = (o: OfficeRecord) => [...o.chairs.values()].filter((c) => c.open);
  const officeOpen = (o: OfficeRecord) => L.officeIsOpen(o.seed, now(), tz);

  function queueView(q: QueueRecord, lang: string): api.QueueStatus {
    const overrides: L.QueueOverrides = { ...(q.ticker !== undefined && { ticker: q.ticker }), ...(q.welcomeText !== undefined && { welcomeText: q.welcomeText }) };
    return L.queueView(ctx.seed, q.seed, { line: queueWaiting(q), calls: q.calls, overrides, ticketsOnline: q.ticketsOnline, revision: q.revision, updatedAt: q.updatedAt }, lang, now());
  }

  function officeView(o: OfficeRecord, lang: string): api.Office {
    const chairs = openChairs(o);
    return L.officeView(o.seed, { chairsOpen: chairs.length, chairsFree: chairs.filter((c) => !c.busyWith).length, waiting: officeWaiting(o).length, ticketsOnline: o.ticketsOnline, revision: o.revision, updatedAt: o.updatedAt }, lang, now(), tz);
  }

  /** People ahead and the estimate of a waiting ticket. */
  function standing(t: TicketRecord): L.Standing {
    if (t.state !== 'waiting') return { position: 0, estimate: t.state === 'called' ? 0 : null };
    if (t.location) {
      const q = queues.get(t.location)!;
      return L.queueStanding(q.seed, queueWaiting(q), t.id, queueOpen(q));
    }
    const o = offices.get(t.office!)!;
    return L.officeStanding(o.seed, officeWaiting(o), t.id, officeOpen(o), openChairs(o).length);
  }

  /** The holder's view: `joinUrl` only while called. */
  function ticketView(t: TicketRecord): api.Ticket {
    return L.ticketView(t, standing(t), tz);
  }

  // ------------------------------------------------------------------ changes

  const touchQueue = (q: QueueRecord) => {
    q.revision++;
    q.updatedAt = now();
  };
  const touchOffice = (o: OfficeRecord) => {
    o.revision++;
    o.updatedAt = now();
  };
  // Channels carry the record; each subscriber renders it in its own language.
  const publishQueue = (q: QueueRecord) => q.channel.publish({ event: 'updated', id: q.revision, data: q });
  const publishOffice = (o: OfficeRecord) => {
    touchOffice(o);
    o.channel.publish({ event: 'updated', id: o.revision, data: o });
  };

  function touchTicket(t: TicketRecord, event: 'updated' | 'called' = 'updated') {
    t.revision++;
    t.updatedAt = now();
    const view = ticketView(t);
    t.shown = L.shownOf({ position: view.position, estimate: view.estimatedWaitMinutes });
    t.channel.publish({ event, id: t.revision, data: view });
  }

  function notice(t: TicketRecord, kind: Notice['kind']) {
    if (!t.notify) return;
    const at = iso(now());
    if (t.notify.email) outbox.push({ ticketId: t.id, channel: 'email', to: t.notify.email, kind, at });
    if (t.notify.phone) outbox.push({ ticketId: t.id, channel: 'sms', to: t.notify.phone, kind, at });
  }

  /** After any change: every waiting ticket whose position or estimate moved gets an `updated`. */
  function refreshWaiting() {
    for (const t of tickets.values()) {
      if (t.state !== 'waiting') continue;
      const now = standing(t);
      const shown = L.shownOf(now);
      if (t.shown !== undefined && t.shown !== shown) touchTicket(t);
      else t.shown = shown;
      if (t.notify?.whenAhead !== undefined && !t.notifiedAhead && now.position <= t.notify.whenAhead) {
        t.notifiedAhead = true;
        notice(t, 'ahead');
      }
    }
  }

  function finish(t: TicketRecord, state: TicketState) {
    t.state = state;
    if (t.chairId && t.office) {
      const chair = offices.get(t.office)?.chairs.get(t.chairId);
      if (chair?.busyWith === t.id) delete chair.busyWith;
    }
    touchTicket(t);
    t.channel.endAll();
    if (t.location) {
      const q = queues.get(t.location)!;
      touchQueue(q);
      publishQueue(q);
    }
    if (t.office) publishOffice(offices.get(t.office)!);
    refreshWaiting();
  }

  /** Calls the longest-waiting ticket of a queue to a desk. */
  function callNext(q: QueueRecord, desk: string, serviceId?: string): TicketRecord | undefined {
    const t = queueWaiting(q).find((x) => serviceId === undefined || x.serviceId === serviceId);
    if (!t) return undefined;
    t.state = 'called';
    t.desk = desk;
    t.calledAt = now();
    q.calls.unshift({ ticket: t.number, desk: { de: desk }, calledAt: t.calledAt, serviceId: t.serviceId });
    q.calls.length = Math.min(q.calls.length, 10);
    touchQueue(q);
    q.channel.publish({ event: 'called', id: q.revision, data: { ticket: t.number, desk, calledAt: iso(t.calledAt), serviceId: t.serviceId } });
    publishQueue(q);
    touchTicket(t, 'called');
    notice(t, 'called');
    refreshWaiting();
    return t;
  }

  /** Calls the longest-waiting office ticket into a chair's video room. */
  function callOffice(o: OfficeRecord, chairId: string, joinUrl: string): TicketRecord | undefined | 'conflict' {
    const chair = o.chairs.get(chairId);
    if (!chair || !chair.open || chair.busyWith) return 'conflict';
    const t = officeWaiting(o)[0];
    if (!t) return undefined;
    t.state = 'called';
    t.desk = chair.name;
    t.calledAt = now();
    t.joinUrl = joinUrl;
    t.chairId = chairId;
    chair.busyWith = t.id;
    touchTicket(t, 'called');
    notice(t, 'called');
    publishOffice(o);
    refreshWaiting();
    return t;
  }

  function setChair(o: OfficeRecord, chairId: string, open: boolean, name?: string) {
    const chair = o.chairs.get(chairId) ?? { name: name ?? `Platz ${chairId}`, open: false };
    if (name !== undefined) chair.name = name;
    o.chairs.set(chairId, chair);
    if (!open && chair.busyWith) {
      // A call in progress ends first.
      const t = tickets.get(chair.busyWith);
      delete chair.busyWith;
      if (t && t.state === 'called') finish(t, 'served');
    }
    chair.open = open;
    publishOffice(o);
    refreshWaiting();
  }

  function take(where: { queue?: QueueRecord; office?: OfficeRecord }, serviceId: string, notify: TicketRecord['notify']): TicketRecord {
    const at = now();
    let number: string;
    if (where.queue) {
      const prefix = where.queue.seed.services.find((s) => s.serviceId === serviceId)?.prefix ?? 'A';
      const n = (where.queue.counters.get(prefix) ?? 0) + 1;
      where.queue.counters.set(prefix, n);
      number = L.ticketNumber(prefix, n);
    } else {
      where.office!.counter++;
      number = L.ticketNumber('V', where.office!.counter);
    }
    const t: TicketRecord = {
      id: uuid(),
      number,
      token: token('tkt_'),
      serviceId,
      ...(where.queue && { location: where.queue.seed.locationId }),
      ...(where.office && { office: where.office.seed.id }),
      state: 'waiting',
      createdAt: at,
      updatedAt: at,
      revision: 1,
      ...(notify && { notify }),
      channel: new Channel(0),
    };
    tickets.set(t.id, t);
    byToken.set(t.token!, t);
    if (where.queue) {
      touchQueue(where.queue);
      publishQueue(where.queue);
    }
    if (where.office) publishOffice(where.office);
    refreshWaiting();
    return t;
  }

  // ------------------------------------------------------------------ citizen operations

  const citizen = new Routes(ctx.base, 'citizen');

  citizen.add('GET', '/v1/queues/{locationId}', 'getQueue', ({ request, params }) => {
    const q = queues.get(params.locationId ?? '');
    if (!q) return fail(404, 'not_found', 'No queue at this location.');
    const lang = ctx.lang(request);
    return json(queueView(q, lang), { lang });
  });

  citizen.add('GET', '/v1/queues/{locationId}/events', 'streamQueueEvents', ({ request, params, url }) => {
    const q = queues.get(params.locationId ?? '');
    if (!q) return fail(404, 'not_found', 'No queue at this location.');
    const after = resumeId(request, url);
    if (after instanceof Response) return after;
    const lang = ctx.lang(request);
    const render = (e: SseEvent): SseEvent => (e.event === 'updated' ? { ...e, data: queueView(e.data as QueueRecord, lang) } : e);
    return eventStream({
      registry: kit.streams,
      request,
      operationId: 'streamQueueEvents',
      initial: after === q.revision ? [] : [{ event: 'updated', id: q.revision, data: queueView(q, lang) }],
      channel: q.channel,
      map: render,
      pingMs: kit.pingMs,
      interval: kit.interval,
      lang,
    });
  });

  async function takeTicket(request: Request, kind: 'queue' | 'office', id: string): Promise<Response> {
    const limits = ctx.settings.rateLimits;
    if (limits) {
      const wait = kit.limiter.blocked('tickets:client', QUEUE_LIMITS.ticketsPerClient, QUEUE_LIMITS.windowMs);
      if (wait !== undefined) return rateLimited(wait);
    }
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request, kind === 'office');
    if (body instanceof Response) return body;
    const shape: Record<string, ReturnType<typeof v.string>> = kind === 'queue' ? { service: v.string({ pattern: ID }), notify: notifyRule, locale: v.string({ min: 2, max: 35, pattern: LOCALE }) } : { notify: notifyRule, locale: v.string({ min: 2, max: 35, pattern: LOCALE }) };
    const bad = check(body, v.object(shape, kind === 'queue' ? ['service'] : []));
    if (bad) return bad;
    const notify = body.notify as TicketRecord['notify'];
    if (notify && !notify.email && !notify.phone) return invalid([{ pointer: '/notify', detail: 'needs email or phone' }]);
    const q = kind === 'queue' ? queues.get(id) : undefined;
    const o = kind === 'office' ? offices.get(id) : undefined;
    if (!q && !o) return fail(404, 'not_found', kind === 'queue' ? 'No queue at this location.' : 'No such office.');
    if (q && !q.seed.services.some((s) => s.serviceId === body.service)) return invalid([{ pointer: '/service', detail: 'is not served by this queue' }]);
    if (notify?.phone && !(q ? q.seed.notifications.sms : false)) return invalid([{ pointer: '/notify/phone', detail: 'SMS notifications are not offered here' }]);
    if (notify?.email && q && !q.seed.notifications.email) return invalid([{ pointer: '/notify/email', detail: 'e-mail notifications are not offered here' }]);
    const operation = kind === 'queue' ? 'takeQueueTicket' : 'takeOfficeTicket';
    return idempotent(ctx.idempotency, `${operation}:${id}`, key, fingerprint(body), () => {
      if (q) {
        const l = locationOf(id);
        if (!queueOpen(q) || !q.ticketsOnline) {
          const next = l ? nextOpening(l.openingHours, l.exceptions, now(), tz) : undefined;
          return { status: 409, body: problem(409, 'closed', 'The queue takes no online tickets now.', next !== undefined ? { nextOpening: iso(next) } : {}) };
        }
        if (queueWaiting(q).length >= QUEUE_LIMITS.queueCapacity) return { status: 409, body: problem(409, 'full', 'No more tickets today.') };
      } else if (o) {
        if (!officeOpen(o) || !o.ticketsOnline || openChairs(o).length === 0) {
          const next = nextOpening(o.seed.hours, o.seed.exceptions, now(), tz);
          return { status: 409, body: problem(409, 'closed', 'The office is not open now.', next !== undefined ? { nextOpening: iso(next) } : {}) };
        }
        if (officeWaiting(o).length >= QUEUE_LIMITS.officeCapacity) return { status: 409, body: problem(409, 'full', 'The waiting room is full.') };
      }
      if (limits) kit.limiter.count('tickets:client', QUEUE_LIMITS.windowMs);
      const t = take({ queue: q, office: o }, q ? (body.service as string) : o!.seed.serviceId, notify);
      return { status: 201, body: { ticketId: t.id, number: t.number, token: t.token, ticket: ticketView(t) }, headers: { Location: `/v1/tickets/${t.id}` } };
    });
  }

  citizen.add('POST', '/v1/queues/{locationId}/tickets', 'takeQueueTicket', ({ request, params }) => takeTicket(request, 'queue', params.locationId ?? ''));

  const holder = (request: Request, ticketId: string): TicketRecord | undefined => {
    const t = byToken.get(bearer(request) ?? '');
    return t && t.id === ticketId ? t : undefined;
  };

  citizen.add('GET', '/v1/tickets/{ticketId}', 'getTicket', ({ request, params }) => {
    const t = holder(request, params.ticketId ?? '');
    return t ? json(ticketView(t), { noStore: true }) : unauthorized();
  });

  citizen.add('DELETE', '/v1/tickets/{ticketId}', 'cancelTicket', ({ request, params }) => {
    const t = holder(request, params.ticketId ?? '');
    if (!t) return unauthorized();
    if (t.state === 'cancelled') return noContent();
    if (t.state === 'served' || t.state === 'missed') return fail(409, 'conflict', 'The ticket was already called and finished.');
    finish(t, 'cancelled');
    return noContent();
  });

  citizen.add('GET', '/v1/tickets/{ticketId}/events', 'streamTicketEvents', ({ request, params, url }) => {
    const t = holder(request, params.ticketId ?? '');
    if (!t) return unauthorized();
    const after = resumeId(request, url);
    if (after instanceof Response) return after;
    const final = FINAL.includes(t.state);
    return eventStream({
      registry: kit.streams,
      request,
      operationId: 'streamTicketEvents',
      initial: after === t.revision ? [] : [{ event: 'updated', id: t.revision, data: ticketView(t) }],
      channel: final ? undefined : t.channel,
      closeAfter: (e) => FINAL.includes((e.data as { state: TicketState }).state),
      pingMs: kit.pingMs,
      interval: kit.interval,
    });
  });

  citizen.add('GET', '/v1/offices/{officeId}', 'getOffice', ({ request, params }) => {
    const o = offices.get(params.officeId ?? '');
    if (!o) return fail(404, 'not_found', 'No such office.');
    const lang = ctx.lang(request);
    return json(officeView(o, lang), { lang });
  });

  citizen.add('POST', '/v1/offices/{officeId}/tickets', 'takeOfficeTicket', ({ request, params }) => takeTicket(request, 'office', params.officeId ?? ''));

  citizen.add('GET', '/v1/offices/{officeId}/events', 'streamOfficeEvents', ({ request, params, url }) => {
    const o = offices.get(params.officeId ?? '');
    if (!o) return fail(404, 'not_found', 'No such office.');
    const after = resumeId(request, url);
    if (after instanceof Response) return after;
    const lang = ctx.lang(request);
    return eventStream({
      registry: kit.streams,
      request,
      operationId: 'streamOfficeEvents',
      initial: after === o.revision ? [] : [{ event: 'updated', id: o.revision, data: officeView(o, lang) }],
      channel: o.channel,
      map: (e) => ({ ...e, data: officeView(e.data as OfficeRecord, lang) }),
      pingMs: kit.pingMs,
      interval: kit.interval,
      lang,
    });
  });

  // ------------------------------------------------------------------ staff operations

  const staff = new Routes(ctx.base, 'staff');

  staff.add('POST', '/staff/v1/queues/{locationId}/call', 'callNextTicket', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ desk: v.string({ min: 1, max: 50 }), serviceId: v.string({ pattern: ID }) }, ['desk']));
    if (bad) return bad;
    const q = queues.get(params.locationId ?? '');
    if (!q) return fail(404, 'not_found', 'No queue at this location.');
    const t = callNext(q, body.desk as string, body.serviceId as string | undefined);
    return json({ ticket: t ? ticketView(t) : null });
  });

  staff.add('POST', '/staff/v1/tickets/{ticketId}/outcome', 'setTicketOutcome', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ outcome: v.string({ enum: ['served', 'missed'] }) }, ['outcome']));
    if (bad) return bad;
    const t = tickets.get(params.ticketId ?? '');
    if (!t) return fail(404, 'not_found', 'No such ticket.');
    const outcome = body.outcome as 'served' | 'missed';
    if (t.state === outcome) return json(ticketView(t));
    if (t.state !== 'called') return fail(409, 'conflict', `The ticket is ${t.state}.`);
    finish(t, outcome);
    return json(ticketView(t));
  });

  staff.add('PATCH', '/staff/v1/queues/{locationId}', 'updateQueue', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const text = v.nullable(v.string({ min: 1, max: 500 }));
    const bad = check(body, v.object({ ticker: text, welcomeText: text, ticketsOnline: v.boolean() }));
    if (bad) return bad;
    if (Object.keys(body).length === 0) return invalid('At least one change is required.');
    const q = queues.get(params.locationId ?? '');
    if (!q) return fail(404, 'not_found', 'No queue at this location.');
    if ('welcomeText' in body) q.welcomeText = body.welcomeText as string | null;
    if ('ticketsOnline' in body) q.ticketsOnline = body.ticketsOnline as boolean;
    touchQueue(q);
    if ('ticker' in body) {
      q.ticker = body.ticker as string | null;
      q.channel.publish({ event: 'ticker', id: q.revision, data: { text: q.ticker } });
    }
    publishQueue(q);
    const lang = ctx.lang(request);
    return json(queueView(q, lang), { lang });
  });

  staff.add('PUT', '/staff/v1/offices/{officeId}/chairs/{chairId}', 'setOfficeChair', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ open: v.boolean(), name: v.string({ min: 1, max: 50 }) }, ['open']));
    if (bad) return bad;
    const chairId = params.chairId ?? '';
    if (!ID.test(chairId)) return invalid([{ in: 'path', parameter: 'chairId', detail: 'is not a valid id' }]);
    const o = offices.get(params.officeId ?? '');
    if (!o) return fail(404, 'not_found', 'No such office.');
    setChair(o, chairId, body.open as boolean, body.name as string | undefined);
    const lang = ctx.lang(request);
    return json(officeView(o, lang), { lang });
  });

  staff.add('POST', '/staff/v1/offices/{officeId}/call', 'callOfficeTicket', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ chairId: v.string({ pattern: ID }), joinUrl: v.string({ pattern: HTTPS, max: 2048 }) }, ['chairId', 'joinUrl']));
    if (bad) return bad;
    const o = offices.get(params.officeId ?? '');
    if (!o) return fail(404, 'not_found', 'No such office.');
    const t = callOffice(o, body.chairId as string, body.joinUrl as string);
    if (t === 'conflict') return fail(409, 'conflict', 'The chair is closed or in a call.');
    return json({ ticket: t ? ticketView(t) : null });
  });

  return {
    // Staff first: `*/v1/…` would also match `/staff/v1/…` paths.
    handlers: [...staff.handlers, ...citizen.handlers],
    operations: [...staff.operations, ...citizen.operations],
    state: {
      queues,
      offices,
      tickets,
      /** Notices the mock "sent" (e-mail or SMS) to ticket holders who asked for them. */
      outbox,
      ticketView,
      queueView,
      officeView,
      /** Staff actions without HTTP. */
      callNext,
      callOffice,
      setChair,
      finish,
    },
  };
}

export type QueuesDomain = ReturnType<typeof createQueues>;
