/**
 * The Civic Elements mock API: msw handlers for every operation of `openapi.yaml` (citizen) and
 * `staff.yaml` (staff) over an in-memory store made from the Musterstadt seed, with fault injection.
 *
 * ```ts
 * const api = createMockApi({ settings: TEST_MODE_SETTINGS, clock: new ManualClock(Date.parse('2026-12-01T09:00:00+01:00')) });
 * server.use(...api.handlers);          // msw/node, or setupWorker(...api.handlers) in a page
 * api.faults.set({ status: 503 });      // the next requests fail
 * api.reset();                          // fresh store, faults off, streams closed
 * ```
 */
import { HttpHandler, getResponse, type RequestHandler } from 'msw';
import type { SeedVariant } from '@civic-elements/contract/seed';
import { createContext, type MockContext } from './context.js';
import { createAppointments } from './appointments/index.js';
import { createCases } from './cases/index.js';
import { createChat } from './chat/index.js';
import { createQueues } from './queues/index.js';
import { createFaults, type Faults } from './faults.js';
import { RateLimiter, StreamRegistry, mswPath, type Interval, type Method, type Operation } from './http-kit.js';
import { ManualClock, systemClock, type Clock } from './support/clock.js';
import { DEFAULT_SETTINGS, settingsFromEnv, type BackendSettings } from './support/settings.js';

export { ManualClock, systemClock, type Clock } from './support/clock.js';
export { DEFAULT_SETTINGS, TEST_MODE_SETTINGS, settingsFromEnv, type BackendSettings } from './support/settings.js';
export type { FaultSettings, Faults } from './faults.js';
export type { MockContext } from './context.js';
export type { Interval, Operation } from './http-kit.js';

/** Every operation of both documents: what the mock answers (a test checks it against the YAML). */
export const OPERATIONS: readonly { operationId: string; method: Method; path: string; document: 'citizen' | 'staff' }[] = [
  { operationId: 'listServices', method: 'GET', path: '/v1/services', document: 'citizen' },
  { operationId: 'getService', method: 'GET', path: '/v1/services/{serviceId}', document: 'citizen' },
  { operationId: 'listLocations', method: 'GET', path: '/v1/locations', document: 'citizen' },
  { operationId: 'getLocation', method: 'GET', path: '/v1/locations/{locationId}', document: 'citizen' },
  { operationId: 'getAvailability', method: 'GET', path: '/v1/availability', document: 'citizen' },
  { operationId: 'getAntibotChallenge', method: 'GET', path: '/v1/antibot/challenge', document: 'citizen' },
  { operationId: 'createHold', method: 'POST', path: '/v1/holds', document: 'citizen' },
  { operationId: 'extendHold', method: 'POST', path: '/v1/holds/{holdId}/extend', document: 'citizen' },
  { operationId: 'releaseHold', method: 'DELETE', path: '/v1/holds/{holdId}', document: 'citizen' },
  { operationId: 'createBooking', method: 'POST', path: '/v1/bookings', document: 'citizen' },
  { operationId: 'getBooking', method: 'GET', path: '/v1/bookings/{bookingId}', document: 'citizen' },
  { operationId: 'rescheduleBooking', method: 'PATCH', path: '/v1/bookings/{bookingId}', document: 'citizen' },
  { operationId: 'cancelBooking', method: 'DELETE', path: '/v1/bookings/{bookingId}', document: 'citizen' },
  { operationId: 'getBookingIcs', method: 'GET', path: '/v1/bookings/{bookingId}/ics', document: 'citizen' },
  { operationId: 'joinWaitlist', method: 'POST', path: '/v1/waitlist', document: 'citizen' },
  { operationId: 'lookupCase', method: 'POST', path: '/v1/cases/lookup', document: 'citizen' },
  { operationId: 'getCase', method: 'GET', path: '/v1/cases/{caseId}', document: 'citizen' },
  { operationId: 'streamCaseEvents', method: 'GET', path: '/v1/cases/{caseId}/events', document: 'citizen' },
  { operationId: 'getChatAvailability', method: 'GET', path: '/v1/chat/availability', document: 'citizen' },
  { operationId: 'startConversation', method: 'POST', path: '/v1/chat/conversations', document: 'citizen' },
  { operationId: 'getConversation', method: 'GET', path: '/v1/chat/conversations/{conversationId}', document: 'citizen' },
  { operationId: 'listMessages', method: 'GET', path: '/v1/chat/conversations/{conversationId}/messages', document: 'citizen' },
  { operationId: 'sendMessage', method: 'POST', path: '/v1/chat/conversations/{conversationId}/messages', document: 'citizen' },
  { operationId: 'streamChatEvents', method: 'GET', path: '/v1/chat/conversations/{conversationId}/events', document: 'citizen' },
  { operationId: 'sendTyping', method: 'POST', path: '/v1/chat/conversations/{conversationId}/typing', document: 'citizen' },
  { operationId: 'uploadAttachment', method: 'POST', path: '/v1/chat/conversations/{conversationId}/attachments', document: 'citizen' },
  { operationId: 'downloadAttachment', method: 'GET', path: '/v1/chat/conversations/{conversationId}/attachments/{attachmentId}', document: 'citizen' },
  { operationId: 'getTranscript', method: 'GET', path: '/v1/chat/conversations/{conversationId}/transcript', document: 'citizen' },
  { operationId: 'endConversation', method: 'POST', path: '/v1/chat/conversations/{conversationId}/end', document: 'citizen' },
  { operationId: 'sendOfflineMessage', method: 'POST', path: '/v1/chat/offline-messages', document: 'citizen' },
  { operationId: 'getQueue', method: 'GET', path: '/v1/queues/{locationId}', document: 'citizen' },
  { operationId: 'streamQueueEvents', method: 'GET', path: '/v1/queues/{locationId}/events', document: 'citizen' },
  { operationId: 'takeQueueTicket', method: 'POST', path: '/v1/queues/{locationId}/tickets', document: 'citizen' },
  { operationId: 'getTicket', method: 'GET', path: '/v1/tickets/{ticketId}', document: 'citizen' },
  { operationId: 'cancelTicket', method: 'DELETE', path: '/v1/tickets/{ticketId}', document: 'citizen' },
  { operationId: 'streamTicketEvents', method: 'GET', path: '/v1/tickets/{ticketId}/events', document: 'citizen' },
  { operationId: 'getOffice', method: 'GET', path: '/v1/offices/{officeId}', document: 'citizen' },
  { operationId: 'takeOfficeTicket', method: 'POST', path: '/v1/offices/{officeId}/tickets', document: 'citizen' },
  { operationId: 'streamOfficeEvents', method: 'GET', path: '/v1/offices/{officeId}/events', document: 'citizen' },
  { operationId: 'callNextTicket', method: 'POST', path: '/staff/v1/queues/{locationId}/call', document: 'staff' },
  { operationId: 'setTicketOutcome', method: 'POST', path: '/staff/v1/tickets/{ticketId}/outcome', document: 'staff' },
  { operationId: 'updateQueue', method: 'PATCH', path: '/staff/v1/queues/{locationId}', document: 'staff' },
  { operationId: 'setOfficeChair', method: 'PUT', path: '/staff/v1/offices/{officeId}/chairs/{chairId}', document: 'staff' },
  { operationId: 'callOfficeTicket', method: 'POST', path: '/staff/v1/offices/{officeId}/call', document: 'staff' },
  { operationId: 'updateCase', method: 'POST', path: '/staff/v1/cases/{caseId}/updates', document: 'staff' },
  { operationId: 'listConversations', method: 'GET', path: '/staff/v1/chat/conversations', document: 'staff' },
  { operationId: 'listConversationMessagesAsStaff', method: 'GET', path: '/staff/v1/chat/conversations/{conversationId}/messages', document: 'staff' },
  { operationId: 'replyInChat', method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/messages', document: 'staff' },
  { operationId: 'joinConversation', method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/join', document: 'staff' },
  { operationId: 'staffTyping', method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/typing', document: 'staff' },
  { operationId: 'endConversationAsStaff', method: 'POST', path: '/staff/v1/chat/conversations/{conversationId}/end', document: 'staff' },
  { operationId: 'updateChatDesk', method: 'PATCH', path: '/staff/v1/chat/desk', document: 'staff' },
  { operationId: 'blockSlots', method: 'POST', path: '/staff/v1/blocks', document: 'staff' },
  { operationId: 'releaseBlock', method: 'DELETE', path: '/staff/v1/blocks/{blockId}', document: 'staff' },
  { operationId: 'updateService', method: 'PATCH', path: '/staff/v1/services/{serviceId}', document: 'staff' },
];

export interface MockApiOptions {
  /** Seed variant: `default` or `xss` (hostile strings in every citizen-visible text). */
  variant?: SeedVariant | string;
  /** Start a {@link ManualClock} at this instant (ignored when `clock` is given). */
  now?: number;
  /** The clock every time in the mock comes from (default: the system clock). */
  clock?: Clock;
  /**
   * Back-end settings. Default: `settingsFromEnv(process.env)` in Node, `DEFAULT_SETTINGS` in a
   * browser; given values win. Tests pass `TEST_MODE_SETTINGS`.
   */
  settings?: Partial<BackendSettings>;
  /** URL prefix the handlers answer under: `*` (default, any origin and prefix), `/api`, `https://host/api`. */
  base?: string;
  /** The `X-Staff-Key` staff operations expect (default: the seed's demo key). */
  staffKey?: string;
  /** HMAC key of proof-of-work challenges (default: random). */
  secret?: string | Uint8Array;
  /** How fault latency waits (tests inject one that does not wait on real time). */
  sleep?: (ms: number) => Promise<void>;
  /** Interval of `: ping` comments on event streams (default 20 s). */
  pingMs?: number;
  /** Schedules those pings (default `setInterval`; tests inject their own). */
  interval?: Interval;
}

function build(options: MockApiOptions, clock: Clock, settings: BackendSettings, streams: StreamRegistry) {
  const variant = options.variant ?? 'default';
  if (variant !== 'default' && variant !== 'xss') throw new TypeError('variant must be default or xss');
  const ctx = createContext({
    clock,
    settings,
    variant,
    ...(options.base !== undefined && { base: options.base }),
    ...(options.staffKey !== undefined && { staffKey: options.staffKey }),
    ...(options.secret !== undefined && { secret: options.secret }),
  });
  const kit = {
    streams,
    limiter: new RateLimiter(() => clock.now()),
    ...(options.pingMs !== undefined && { pingMs: options.pingMs }),
    ...(options.interval && { interval: options.interval }),
  };
  const appointments = createAppointments(ctx, kit);
  const cases = createCases(ctx, kit);
  const chat = createChat(ctx, kit);
  const queues = createQueues(ctx, kit);
  // Staff handlers first: a `*/v1/…` pattern would also match a `/staff/v1/…` path.
  const handlers: RequestHandler[] = [...cases.handlers, ...chat.handlers, ...queues.handlers, ...appointments.handlers].sort(
    (a, b) => Number(isStaff(b)) - Number(isStaff(a)),
  );
  return { ctx, handlers, state: { appointments: appointments.state, cases: cases.state, chat: chat.state, queues: queues.state } };
}

function isStaff(h: RequestHandler): boolean {
  const path = (h as HttpHandler).info?.path;
  return typeof path === 'string' && path.includes('/staff/');
}

type Instance = ReturnType<typeof build>;

export interface MockApi {
  /** msw handlers: the fault handler first, then one per operation. Stable across `reset()`. */
  readonly handlers: RequestHandler[];
  /** Every operation with the msw path it answers under. */
  readonly operations: readonly Operation[];
  readonly faults: Faults;
  readonly clock: Clock;
  /** The current context (seed, settings, idempotency store). */
  readonly ctx: MockContext;
  /** The current in-memory store of each domain, for tests and stories. */
  readonly state: Instance['state'];
  /** Every open event stream. */
  readonly streams: StreamRegistry;
  /** A fresh store from the seed (at the clock's current time); faults off; open streams closed. */
  reset(): void;
}

function defaultSettings(): BackendSettings {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env ? settingsFromEnv(env) : DEFAULT_SETTINGS;
}

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const clock = options.clock ?? (options.now !== undefined ? new ManualClock(options.now) : systemClock);
  const settings: BackendSettings = { ...defaultSettings(), ...options.settings };
  const streams = new StreamRegistry();
  let current = build(options, clock, settings, streams);
  const base = current.ctx.base;
  const operations: Operation[] = OPERATIONS.map((op) => ({ ...op, mswPath: mswPath(base, op.path) }))
    // Staff operations first, for the same reason as the handlers.
    .sort((a, b) => Number(b.document === 'staff') - Number(a.document === 'staff'));

  const faults = createFaults({
    operations: () => operations,
    handlers: () => current.handlers,
    streams,
    ...(options.sleep && { sleep: options.sleep }),
  });

  // Stable handlers that delegate to the current instance, so `reset()` needs no re-registration.
  const stable = current.handlers.map((inner, index) => {
    const { method, path } = (inner as HttpHandler).info;
    return new HttpHandler(method, path, ({ request }) => {
      const target = current.handlers[index];
      return target ? getResponse([target], request) : undefined;
    });
  });

  return {
    handlers: [faults.handler, ...stable],
    operations,
    faults,
    clock,
    get ctx() {
      return current.ctx;
    },
    get state() {
      return current.state;
    },
    streams,
    reset() {
      faults.clear();
      streams.drop();
      current = build(options, clock, settings, streams);
    },
  };
}
