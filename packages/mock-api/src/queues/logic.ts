/**
 * The pure rules of queues, tickets and virtual offices, shared by the mock (./index.ts) and the
 * reference server (`@civic-elements/mock-api/queue-logic`): who is ahead, the estimated wait,
 * ticket numbers, and the contract's views (`QueueStatus`, `Office`, `Ticket`) from plain facts.
 * No storage and no clock of its own: each back end hands in its facts and the time.
 */
import { formatInstant, hoursOn, isOpenAt, localDate, localise, nextOpening, type LocalizedText, type Office, type Queue, type Seed } from '@civic-elements/contract/seed';
import type * as api from '@civic-elements/contract';

export type TicketState = 'waiting' | 'called' | 'served' | 'missed' | 'cancelled';
export const FINAL_STATES: readonly TicketState[] = ['served', 'missed', 'cancelled'];
export const isFinal = (s: TicketState): boolean => FINAL_STATES.includes(s);

/** Limits (documented in the mock's README; the server's ticket limit is CIVIC_TICKET_LIMIT). */
export const QUEUE_LIMITS = {
  /** A queue takes no more tickets while this many wait (`409 full`). */
  queueCapacity: 99,
  /** A virtual office's waiting room holds this many (`409 full`). */
  officeCapacity: 20,
  /** Tickets one client may take per window when rate limits are on. */
  ticketsPerClient: 10,
  windowMs: 60 * 60 * 1000,
};

/** A waiting ticket as far as the line is concerned. */
export interface InLine {
  id: string;
  number: string;
  serviceId: string;
  createdAt: number;
}

/** Longest waiting first; equal times by number. */
export function byArrival(a: InLine, b: InLine): number {
  return a.createdAt - b.createdAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
}

/** `A` + 7 → `A007`. */
export const ticketNumber = (prefix: string, n: number): string => `${prefix}${String(n).padStart(3, '0')}`;

/** The number part of a ticket number (`A017` → 17). */
export const numberPart = (n: string): number => Number(/(\d+)$/.exec(n)?.[1] ?? 0);
export const prefixOf = (n: string): string => n.replace(/\d+$/, '');

export interface Standing {
  /** People ahead (0 = next). */
  position: number;
  estimate: number | null;
}

export const openDesks = (q: Queue): number => q.desks.filter((d) => d.open).length;
export const averageOf = (q: Queue, serviceId: string): number => q.services.find((s) => s.serviceId === serviceId)?.averageMinutes ?? 10;

export function queueIsOpen(seed: Seed, q: Queue, now: number): boolean {
  const l = seed.locations.find((x) => x.id === q.locationId);
  return l ? isOpenAt(l.openingHours, l.exceptions, now, seed.town.timeZone) : false;
}

export function queueNextOpening(seed: Seed, q: Queue, now: number): number | undefined {
  const l = seed.locations.find((x) => x.id === q.locationId);
  return l ? nextOpening(l.openingHours, l.exceptions, now, seed.town.timeZone) : undefined;
}

export const officeIsOpen = (o: Office, now: number, timeZone: string): boolean => isOpenAt(o.hours, o.exceptions, now, timeZone);
export const officeNextOpening = (o: Office, now: number, timeZone: string): number | undefined => nextOpening(o.hours, o.exceptions, now, timeZone);

/** A queue ticket's place in `line` (sorted by arrival): people ahead and the sum of their service times over the open desks. */
export function queueStanding(q: Queue, line: readonly InLine[], ticketId: string, open: boolean): Standing {
  const i = line.findIndex((t) => t.id === ticketId);
  const ahead = i < 0 ? line : line.slice(0, i);
  const desks = openDesks(q);
  const minutes = ahead.reduce((sum, x) => sum + averageOf(q, x.serviceId), 0);
  return { position: ahead.length, estimate: open && desks > 0 ? Math.ceil(minutes / desks) : null };
}

/** An office ticket's place: people ahead, and (ahead + 1) × the office's average over the open chairs. */
export function officeStanding(o: Office, line: readonly InLine[], ticketId: string, open: boolean, openChairs: number): Standing {
  const i = line.findIndex((t) => t.id === ticketId);
  const position = i < 0 ? line.length : i;
  return { position, estimate: open && openChairs > 0 ? Math.ceil(((position + 1) * o.averageMinutes) / openChairs) : null };
}

/** One call shown on the display (newest first in `QueueFacts.calls`). */
export interface QueueCall {
  ticket: string;
  desk: LocalizedText;
  calledAt: number;
  serviceId?: string;
}

/** Staff overrides of the seed's texts: a present key replaces the seed's text (`null` removes it). */
export interface QueueOverrides {
  ticker?: string | null;
  welcomeText?: string | null;
}

export interface QueueFacts {
  line: readonly InLine[];
  calls: readonly QueueCall[];
  overrides: QueueOverrides;
  ticketsOnline: boolean;
  revision: number;
  updatedAt: number;
}

export function queueView(seed: Seed, q: Queue, f: QueueFacts, lang: string, now: number): api.QueueStatus {
  const tz = seed.town.timeZone;
  const l = seed.locations.find((x) => x.id === q.locationId);
  const open = queueIsOpen(seed, q, now);
  const desks = openDesks(q);
  const ticker = f.overrides.ticker !== undefined ? f.overrides.ticker : q.ticker.length ? q.ticker.map((t) => localise(t, lang)).join('  +++  ') : null;
  const welcome = f.overrides.welcomeText !== undefined ? f.overrides.welcomeText : localise(q.welcome, lang);
  return {
    location: q.locationId,
    name: localise(q.name, lang),
    timeZone: q.timeZone,
    open,
    todayHours: l ? hoursOn(l.openingHours, l.exceptions, localDate(now, tz)) : [],
    nowServing: f.calls.slice(0, 10).map((c) => ({ ticket: c.ticket, desk: localise(c.desk, lang), calledAt: formatInstant(c.calledAt, tz), ...(c.serviceId && { serviceId: c.serviceId }) })),
    waitingCount: f.line.length,
    services: q.services.map((s) => {
      const n = f.line.filter((t) => t.serviceId === s.serviceId).length;
      const service = seed.services.find((x) => x.id === s.serviceId);
      return {
        serviceId: s.serviceId,
        name: service ? localise(service.name, lang) : s.serviceId,
        waiting: n,
        estimatedWaitMinutes: open && desks > 0 ? Math.ceil((n * s.averageMinutes) / desks) : null,
      };
    }),
    ticketsOnline: open && f.ticketsOnline,
    notifications: { email: q.notifications.email, sms: q.notifications.sms },
    ...(ticker && { ticker }),
    ...(welcome && { welcomeText: welcome }),
    updatedAt: formatInstant(f.updatedAt, tz),
    revision: f.revision,
  };
}

export interface OfficeFacts {
  /** Open chairs, and of them those not in a call. */
  chairsOpen: number;
  chairsFree: number;
  waiting: number;
  ticketsOnline: boolean;
  revision: number;
  updatedAt: number;
}

export function officeView(o: Office, f: OfficeFacts, lang: string, now: number, timeZone: string): api.Office {
  const open = officeIsOpen(o, now, timeZone);
  const next = open ? undefined : nextOpening(o.hours, o.exceptions, now, timeZone);
  return {
    id: o.id,
    name: localise(o.name, lang),
    description: localise(o.description, lang),
    timeZone: o.timeZone,
    openNow: open,
    hours: o.hours.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
    exceptions: o.exceptions.map((e) => ({ ...e, reason: localise(e.reason, lang) })),
    ...(next !== undefined && { nextOpening: formatInstant(next, timeZone) }),
    chairsFree: f.chairsFree,
    chairsTotal: f.chairsOpen,
    waiting: f.waiting,
    estimatedWaitMinutes: open && f.chairsOpen > 0 ? Math.ceil((f.waiting * o.averageMinutes) / f.chairsOpen) : null,
    serviceId: o.serviceId,
    ticketsOnline: open && f.ticketsOnline && f.chairsOpen > 0,
    updatedAt: formatInstant(f.updatedAt, timeZone),
    revision: f.revision,
  };
}

export interface TicketFacts {
  id: string;
  number: string;
  state: TicketState;
  serviceId: string;
  location?: string;
  office?: string;
  desk?: string;
  calledAt?: number;
  joinUrl?: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
}

/** The holder's view: `desk` once called, `joinUrl` only while called; position 0 and no estimate once out of the line. */
export function ticketView(t: TicketFacts, standing: Standing, timeZone: string): api.Ticket {
  const { position, estimate } = t.state === 'waiting' ? standing : { position: 0, estimate: t.state === 'called' ? 0 : null };
  return {
    id: t.id,
    number: t.number,
    state: t.state,
    position,
    estimatedWaitMinutes: estimate,
    serviceId: t.serviceId,
    ...(t.location && { location: t.location }),
    ...(t.office && { office: t.office }),
    ...(t.desk && t.state !== 'waiting' && { desk: t.desk }),
    ...(t.calledAt !== undefined && { calledAt: formatInstant(t.calledAt, timeZone) }),
    ...(t.state === 'called' && t.joinUrl && { joinUrl: t.joinUrl }),
    createdAt: formatInstant(t.createdAt, timeZone),
    updatedAt: formatInstant(t.updatedAt, timeZone),
    revision: t.revision,
  };
}

/** What a `refresh` shows of a waiting ticket, to tell whether its position or estimate moved. */
export const shownOf = (s: Standing): string => `${s.position}/${s.estimate}`;
