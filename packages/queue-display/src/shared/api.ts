/**
 * Runtime checks of the queue, ticket and office resources (openapi.yaml: QueueStatus, QueueCall,
 * Ticket, TicketCreated, Office) and small helpers shared by the three components.
 */
import { c, type Infer } from '@civic-elements/core';

// The family's events (no personal data in any detail).
declare module '@civic-elements/core' {
  interface CivicEventMap {
    /** A ticket was taken online: its public number (shown on the call display anyway). */
    'civic-ticket-taken': { number: string };
    /** The holder's ticket was called: where to go (a desk, or the video chair's name). */
    'civic-ticket-called': { desk: string | undefined };
    /** The holder gave the ticket back. */
    'civic-ticket-cancelled': undefined;
    /** The holder opened the video room of a virtual office. */
    'civic-office-enter': undefined;
    /** Closed or full: the citizen wants an appointment for this service (cancelable). */
    'civic-request-appointment': { serviceId: string };
  }
}

const timeRange = c.object({ opens: c.string(), closes: c.string() });
const wait = c.nullable(c.integer());

export const queueCall = c.object({
  ticket: c.string(),
  desk: c.string(),
  calledAt: c.dateTime(),
  serviceId: c.optional(c.string()),
});
export type QueueCall = Infer<typeof queueCall>;

export const queueStatus = c.object({
  location: c.string(),
  name: c.string(),
  timeZone: c.string(),
  open: c.boolean(),
  todayHours: c.array(timeRange),
  nowServing: c.array(queueCall),
  waitingCount: c.integer(),
  services: c.array(
    c.object({ serviceId: c.string(), name: c.string(), waiting: c.integer(), estimatedWaitMinutes: wait }),
  ),
  ticketsOnline: c.boolean(),
  notifications: c.object({ email: c.boolean(), sms: c.boolean() }),
  ticker: c.optional(c.string()),
  welcomeText: c.optional(c.string()),
  updatedAt: c.dateTime(),
  revision: c.integer(),
});
export type QueueStatus = Infer<typeof queueStatus>;

export const tickerData = c.object({ text: c.nullable(c.string()) });

export const ticket = c.object({
  id: c.string(),
  number: c.string(),
  state: c.oneOf(['waiting', 'called', 'served', 'missed', 'cancelled']),
  position: c.integer(),
  estimatedWaitMinutes: wait,
  serviceId: c.string(),
  location: c.optional(c.string()),
  office: c.optional(c.string()),
  desk: c.optional(c.string()),
  calledAt: c.optional(c.dateTime()),
  joinUrl: c.optional(c.string()),
  updatedAt: c.dateTime(),
  revision: c.integer(),
});
export type Ticket = Infer<typeof ticket>;
export type TicketState = Ticket['state'];

export const ticketCreated = c.object({
  ticketId: c.string(),
  number: c.string(),
  token: c.string(),
  ticket,
});

export const office = c.object({
  id: c.string(),
  name: c.string(),
  description: c.optional(c.string()),
  timeZone: c.string(),
  openNow: c.boolean(),
  hours: c.array(c.object({ weekday: c.integer(), opens: c.string(), closes: c.string() })),
  nextOpening: c.optional(c.dateTime()),
  chairsFree: c.integer(),
  chairsTotal: c.integer(),
  waiting: c.integer(),
  estimatedWaitMinutes: wait,
  serviceId: c.string(),
  ticketsOnline: c.boolean(),
  updatedAt: c.dateTime(),
  revision: c.integer(),
});
export type Office = Infer<typeof office>;

export const FINAL_STATES: readonly TicketState[] = ['served', 'missed', 'cancelled'];

/** Parses an SSE `data:` line as JSON and checks it; undefined when it is not what was expected. */
export function parseData<T>(data: string, check: (v: unknown) => T): T | undefined {
  try {
    return check(JSON.parse(data));
  } catch {
    return undefined;
  }
}

/** A stable key of one call (ticket and time), to recognise it again in a later snapshot. */
export const callKey = (call: QueueCall): string => `${call.ticket}|${Date.parse(call.calledAt)}`;

/** `https:` (or `http:` on a test host) links only: a join link is never a script URL. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
