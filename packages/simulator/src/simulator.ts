/**
 * The simulator: an office that works by itself, driving any back end (the msw mock or the
 * reference server) only through HTTP — the staff operations of `staff.yaml`, plus four citizen
 * operations to read a queue or office and to let walk-in citizens take tickets.
 *
 * Time is an injected clock; every decision that could vary draws from an injected PRNG; every
 * duration is in "office time" divided by `speed`. `tick()` runs everything that is due once, in a
 * fixed order, awaiting each request before the next, so a test with a fake clock and a seeded PRNG
 * gets the same requests every run. `start()` runs `tick()` in a loop on the clock's timers;
 * `stop()` clears the one pending timer and aborts the requests in flight.
 */
import { localise } from '@civic-elements/contract/seed';
import type { Conversation, Message } from '@civic-elements/contract';
import { ApiError, createClient, type ArgsOf, type OperationId, type ResultOf } from './client.js';
import { casePlan, initialStage, type CaseStage } from './case-plans.js';
import { askHowToHelp, idleGoodbye, introduction, replyTo } from './replies.js';
import { between, createRandom, exponential, pick, roomCode, type Random } from './random.js';
import { langOf, tickerLines, type Lang } from './texts.js';
import { worldFromSeed, type SimulatorWorld, type WorldCase, type WorldOffice, type WorldQueue } from './world.js';

/** Time and timers, injectable so tests move time by hand (`setTimeout` as in browsers and Node). */
export interface SimulatorClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What the simulator does; each can be switched off. */
export interface SimulatorFeatures {
  /** Call tickets at the queues' desks and mark them served or missed. */
  queues: boolean;
  /** Walk-in citizens take queue and waiting-room tickets (citizen API) while a queue is open. */
  walkIns: boolean;
  /** Change the queues' ticker texts now and then. */
  ticker: boolean;
  /** Call virtual-office tickets into free chairs with a video room. */
  offices: boolean;
  /** Greet, join and answer chats. */
  chat: boolean;
  /** Move the moving cases through their stages. */
  cases: boolean;
}

export interface SimulatorOptions {
  /**
   * Where the contract's paths start: `/api` in the demo page (msw's worker answers
   * `/api/staff/v1/…` and `/api/v1/…`), `http://127.0.0.1:8787` for the reference server.
   */
  baseUrl: string;
  /** The back end's staff key (`X-Staff-Key`). */
  staffKey: string;
  fetch?: typeof fetch;
  clock?: SimulatorClock;
  /** A PRNG (`() => [0, 1)`) or a seed for the built-in one. Default: `Math.random`. */
  random?: Random | number;
  /** Office time runs this many times faster (default 1: a desk takes ~10 real minutes per citizen). */
  speed?: number;
  /** Language of the staff texts the simulator writes (desk names, tickers, case texts): `de` (default) or `en`. Chat replies follow each conversation's locale. */
  locale?: string;
  /** Sent as `X-Civic-AGS`. */
  ags?: string;
  /**
   * Call tickets and open chairs also while a queue or office is closed (default false: desks
   * work during opening hours and finish the waiting line for up to an hour after closing, as
   * offices do). For showing a moving demo at night.
   */
  ignoreOpeningHours?: boolean;
  /** Queues, desks, offices, moving cases, agents (default: from the Musterstadt seed). */
  world?: SimulatorWorld;
  features?: Partial<SimulatorFeatures>;
  /** How often new chat messages are looked for, in real milliseconds (default 2000; not scaled by `speed`). */
  chatPollMs?: number;
  /** One short line per action, without personal data (the CLI prints them; default: silent). */
  log?: (line: string) => void;
}

export interface SimulatorStats {
  ticks: number;
  /** Queue tickets called to a desk. */
  called: number;
  served: number;
  missed: number;
  /** Tickets taken by simulated walk-in citizens (queues and waiting rooms). */
  walkIns: number;
  tickers: number;
  /** Waiting-room tickets called into a chair's video room. */
  officeCalls: number;
  /** Chairs closed and reopened to end a call the simulator did not start. */
  chairResets: number;
  greetings: number;
  joins: number;
  typing: number;
  replies: number;
  conversationsEnded: number;
  caseUpdates: number;
  errors: number;
  /** The last failure (operation, HTTP status, problem code); never a body or a text. */
  lastError?: { operation: string; status: number; code?: string };
}

export interface Simulator {
  /** Runs `tick()` on the clock's timers until `stop()`. A second call does nothing. */
  start(): void;
  /** Clears the pending timer, aborts requests in flight; resolves once the current tick is over. */
  stop(): Promise<void>;
  /** Does everything that is due now, once. Resolves when its requests are done. */
  tick(): Promise<void>;
  /** Resolves when no tick is running. */
  idle(): Promise<void>;
  readonly running: boolean;
  /** A snapshot of the counters. */
  readonly stats: SimulatorStats;
}

// ------------------------------------------------------------------ pacing (office time)

/** Minutes a desk needs per citizen = the service's average × [0.6, 1.4). */
const SERVICE_SPREAD: [number, number] = [0.6, 1.4];
/** Share of called citizens who do not come (marked `missed` after {@link NO_SHOW_MINUTES}). */
const NO_SHOW_RATE = 0.1;
const NO_SHOW_MINUTES = 2;
/** Pause between two citizens at a desk, and between two tries when nobody waits. */
const DESK_GAP_MINUTES: [number, number] = [0.3, 1];
const DESK_IDLE_MINUTES = 0.75;
/** While a queue or office is closed, desks look again after this long. */
const CLOSED_RECHECK_MINUTES = 2;
/** After closing, the waiting line is still served for this long. */
const AFTER_HOURS_MINUTES = 60;
/** Walk-ins stop while this many wait (queues) or this many sit in a waiting room. */
const MAX_WAITING = 6;
const MAX_WAITING_ROOM = 3;
const TICKER_MINUTES: [number, number] = [10, 20];
const OFFICE_POLL_MINUTES = 0.5;
const OFFICE_NO_SHOW_RATE = 0.05;
const OFFICE_NO_SHOW_MINUTES = 3;
/** Chat, in office seconds. */
const JOIN_SECONDS: [number, number] = [8, 20];
const READ_SECONDS: [number, number] = [1, 3];
const TYPING_BASE_SECONDS = 1.5;
const TYPING_PER_CHAR_SECONDS = 0.025;
const TYPING_MAX_SECONDS = 6;
const CLOSE_AFTER_GOODBYE_SECONDS = 3;
const IDLE_END_MINUTES = 10;
/** After a failure without `Retry-After`. */
const ERROR_BACKOFF_MINUTES = 0.5;

// ------------------------------------------------------------------ state

interface DeskState {
  queue: QueueState;
  name: string;
  nextAt: number;
  ticket?: { id: string; number: string; outcome: 'served' | 'missed' };
}

interface QueueState {
  queue: WorldQueue;
  arrivalAt: number;
  tickerAt: number;
  lastTicker?: string;
  /** When the queue was last seen open. */
  openSeenAt?: number;
}

interface ChairState {
  id: string;
  busy?: { ticketId: string; number: string; until: number; outcome: 'served' | 'missed' };
  /** Since when a call the simulator did not start keeps the chair busy. */
  foreignSince?: number;
}

interface OfficeState {
  office: WorldOffice;
  nextAt: number;
  arrivalAt: number;
  chairs: ChairState[];
  openSeenAt?: number;
}

interface CaseState {
  world: WorldCase;
  stages: CaseStage[];
  index: number;
  nextAt: number;
}

interface PendingReply {
  intro: boolean;
  typingAt: number;
  typingSent: boolean;
  replyAt: number;
}

interface ConversationState {
  id: string;
  lang: Lang;
  topic?: string;
  phase: 'new' | 'waiting' | 'joined' | 'closing';
  agent?: string;
  /** The last `lastSeq` the list showed that has been read. */
  knownSeq: number;
  /** The seq of the last message read (paging cursor). */
  cursor: number;
  /** Whether a bot or agent message was seen (the back end greeted). */
  greeted: boolean;
  /** What the citizen wrote since the last reply: kept in memory until answered, never logged. */
  unanswered: string[];
  lastActivityAt: number;
  joinAt?: number;
  pending?: PendingReply;
  endAt?: number;
}

class Stopped extends Error {}

// ------------------------------------------------------------------ the simulator

export function createSimulator(options: SimulatorOptions): Simulator {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
  const clock = options.clock ?? systemClock;
  const random: Random = typeof options.random === 'number' ? createRandom(options.random) : (options.random ?? Math.random);
  const lang = langOf(options.locale ?? 'de');
  const world = options.world ?? worldFromSeed();
  const features: SimulatorFeatures = { queues: true, walkIns: true, ticker: true, offices: true, chat: true, cases: true, ...options.features };
  const chatPollMs = options.chatPollMs ?? 2000;
  const ignoreHours = options.ignoreOpeningHours ?? false;
  const log = options.log ?? (() => undefined);
  const client = createClient({ baseUrl: options.baseUrl, staffKey: options.staffKey, ...(options.fetch && { fetch: options.fetch }), ...(options.ags && { ags: options.ags }) });

  const minutes = (m: number) => (m * 60_000) / speed;
  const seconds = (s: number) => (s * 1000) / speed;
  const span = (range: [number, number]) => between(random, range[0], range[1]);

  const stats: SimulatorStats = {
    ticks: 0,
    called: 0,
    served: 0,
    missed: 0,
    walkIns: 0,
    tickers: 0,
    officeCalls: 0,
    chairResets: 0,
    greetings: 0,
    joins: 0,
    typing: 0,
    replies: 0,
    conversationsEnded: 0,
    caseUpdates: 0,
    errors: 0,
  };

  let initialised = false;
  const desks: DeskState[] = [];
  const queues: QueueState[] = [];
  const offices: OfficeState[] = [];
  const cases: CaseState[] = [];
  const conversations = new Map<string, ConversationState>();
  /** Conversations another agent handles: left alone. */
  const foreign = new Set<string>();
  let chatPollAt = 0;
  let agentTurn = 0;
  const ourAgents = new Set(world.chat.agents.flatMap((a) => Object.values(a).filter((n): n is string => typeof n === 'string')));

  let running = false;
  /** Bumped by every start() and stop(), so a tick that ends after a restart schedules nothing twice. */
  let generation = 0;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  /** A timer-started tick with its rescheduling. */
  let cycle: Promise<void> | undefined;
  let controller: AbortController | undefined;

  const averageOf = (q: WorldQueue, serviceId?: string) => {
    const hit = q.services.find((s) => s.serviceId === serviceId);
    if (hit) return hit.averageMinutes;
    return q.services.reduce((sum, s) => sum + s.averageMinutes, 0) / Math.max(1, q.services.length);
  };
  const arrivalMean = (q: WorldQueue) => averageOf(q) / Math.max(1, q.desks.length);
  const officeArrivalMean = (o: WorldOffice) => (1.2 * o.averageMinutes) / Math.max(1, o.chairs.length);

  function init(now: number): void {
    initialised = true;
    for (const q of world.queues) {
      queues.push({
        queue: q,
        arrivalAt: now + minutes(exponential(random, arrivalMean(q))),
        tickerAt: now + minutes(span([1, 3])),
      });
    }
    if (features.queues) {
      for (const q of queues) {
        q.queue.desks.forEach((d, i) => desks.push({ queue: q, name: localise(d.name, lang), nextAt: now + i * minutes(0.25) }));
      }
    }
    if (features.offices) {
      for (const o of world.offices) {
        offices.push({ office: o, nextAt: now, arrivalAt: now + minutes(exponential(random, officeArrivalMean(o))), chairs: o.chairs.map((id) => (o.busyChairs?.includes(id) ? { id, foreignSince: now } : { id })) });
      }
    }
    if (features.cases) {
      for (const c of world.cases) {
        const stages = casePlan(c, { lang, timeZone: world.timeZone, ...(world.pickupServiceId && { pickupServiceId: world.pickupServiceId }) });
        const index = initialStage(c, stages);
        cases.push({ world: c, stages, index, nextAt: now + minutes(span(stages[index]!.dwellMinutes)) });
      }
    }
    chatPollAt = now;
  }

  // ---------------------------------------------------------------- requests

  async function call<K extends OperationId>(operation: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const signal = controller?.signal;
    try {
      return await client.call(operation, args, signal);
    } catch (error) {
      if (signal?.aborted) throw new Stopped('stopped');
      throw error;
    }
  }

  /** Counts and logs a failure; returns how long to wait before trying again. */
  function failed(error: unknown): number {
    if (error instanceof Stopped) throw error;
    stats.errors++;
    if (error instanceof ApiError) {
      stats.lastError = { operation: error.operation, status: error.status, ...(error.code && { code: error.code }) };
      log(`error ${error.operation} ${error.status === 0 ? 'network' : error.status}${error.code ? ` ${error.code}` : ''}`);
      if (error.retryAfterSeconds !== undefined) return Math.max(error.retryAfterSeconds * 1000, minutes(ERROR_BACKOFF_MINUTES));
    } else {
      stats.lastError = { operation: 'internal', status: 0 };
      log(`error ${error instanceof Error ? error.name : 'unknown'}`);
    }
    return minutes(ERROR_BACKOFF_MINUTES);
  }

  const isStatus = (error: unknown, ...statuses: number[]) => error instanceof ApiError && statuses.includes(error.status);

  // ---------------------------------------------------------------- queues

  /** Queue statuses read in this tick (one GET per queue and tick at most). */
  const statusCache = new Map<string, ResultOf<'getQueue'>>();

  async function queueStatus(q: QueueState, now: number): Promise<ResultOf<'getQueue'>> {
    const cached = statusCache.get(q.queue.locationId);
    if (cached) return cached;
    const status = await call('getQueue', { path: { locationId: q.queue.locationId } });
    statusCache.set(q.queue.locationId, status);
    if (status.open) q.openSeenAt = now;
    return status;
  }

  /** Whether desks work: open, or closed for less than an hour with people still waiting. */
  const working = (open: boolean, waiting: number, openSeenAt: number | undefined, now: number) =>
    ignoreHours || open || (waiting > 0 && openSeenAt !== undefined && now - openSeenAt < minutes(AFTER_HOURS_MINUTES));

  async function stepDesk(desk: DeskState, now: number): Promise<void> {
    const loc = desk.queue.queue.locationId;
    if (desk.ticket) {
      const t = desk.ticket;
      try {
        await call('setTicketOutcome', { path: { ticketId: t.id }, body: { outcome: t.outcome } });
        if (t.outcome === 'served') stats.served++;
        else stats.missed++;
        log(`${t.outcome} ${loc} ${t.number}`);
      } catch (error) {
        // 404/409: the ticket went away (cancelled by its holder) or was finished elsewhere.
        if (!isStatus(error, 404, 409)) {
          desk.nextAt = now + failed(error);
          return;
        }
      }
      desk.ticket = undefined;
      desk.nextAt = now + minutes(span(DESK_GAP_MINUTES));
      return;
    }
    try {
      if (!ignoreHours) {
        const status = await queueStatus(desk.queue, now);
        if (!working(status.open, status.waitingCount, desk.queue.openSeenAt, now)) {
          desk.nextAt = now + minutes(CLOSED_RECHECK_MINUTES);
          return;
        }
      }
      const { ticket } = await call('callNextTicket', { path: { locationId: loc }, body: { desk: desk.name } });
      if (!ticket) {
        desk.nextAt = now + minutes(DESK_IDLE_MINUTES);
        return;
      }
      stats.called++;
      const noShow = random() < NO_SHOW_RATE;
      desk.ticket = { id: ticket.id, number: ticket.number, outcome: noShow ? 'missed' : 'served' };
      desk.nextAt = now + minutes(noShow ? NO_SHOW_MINUTES : averageOf(desk.queue.queue, ticket.serviceId) * span(SERVICE_SPREAD));
      log(`call ${loc} ${desk.name} ${ticket.number}`);
    } catch (error) {
      desk.nextAt = now + failed(error);
    }
  }

  async function stepQueue(q: QueueState, now: number): Promise<void> {
    const loc = q.queue.locationId;
    const arrival = features.walkIns && now >= q.arrivalAt;
    const ticker = features.ticker && now >= q.tickerAt;
    if (!arrival && !ticker) return;
    let status: ResultOf<'getQueue'>;
    try {
      status = await queueStatus(q, now);
    } catch (error) {
      const wait = failed(error);
      if (arrival) q.arrivalAt = now + wait;
      if (ticker) q.tickerAt = now + wait;
      return;
    }
    if (arrival) {
      q.arrivalAt = now + minutes(exponential(random, arrivalMean(q.queue)));
      const services = status.services.map((s) => s.serviceId).filter((id) => q.queue.services.some((s) => s.serviceId === id));
      if (status.open && status.ticketsOnline && status.waitingCount < MAX_WAITING && services.length > 0) {
        const service = pick(random, services);
        try {
          const created = await call('takeQueueTicket', { path: { locationId: loc }, body: { service, locale: lang } });
          stats.walkIns++;
          log(`walk-in ${loc} ${created.number}`);
        } catch (error) {
          // 409 closed/full: the queue changed in between; try at the next arrival.
          if (!isStatus(error, 409)) q.arrivalAt = now + Math.max(failed(error), q.arrivalAt - now);
        }
      }
    }
    if (ticker) {
      q.tickerAt = now + minutes(span(TICKER_MINUTES));
      const lines = [...tickerLines(lang, status.waitingCount), ...q.queue.ticker.map((t) => localise(t, lang))].filter((l) => l !== q.lastTicker && l.length <= 500);
      if (lines.length === 0) return;
      const text = pick(random, lines);
      try {
        await call('updateQueue', { path: { locationId: loc }, body: { ticker: text } });
        q.lastTicker = text;
        stats.tickers++;
        log(`ticker ${loc}`);
      } catch (error) {
        q.tickerAt = now + failed(error);
      }
    }
  }

  // ---------------------------------------------------------------- virtual offices

  async function stepOffice(o: OfficeState, now: number): Promise<void> {
    const id = o.office.id;
    o.nextAt = now + minutes(OFFICE_POLL_MINUTES);
    for (const chair of o.chairs) {
      if (chair.busy && now >= chair.busy.until) {
        const b = chair.busy;
        try {
          await call('setTicketOutcome', { path: { ticketId: b.ticketId }, body: { outcome: b.outcome } });
          if (b.outcome === 'served') stats.served++;
          else stats.missed++;
          log(`${b.outcome} ${id} ${b.number}`);
        } catch (error) {
          if (!isStatus(error, 404, 409)) {
            o.nextAt = now + failed(error);
            return;
          }
        }
        chair.busy = undefined;
      }
      if (chair.foreignSince !== undefined && now >= chair.foreignSince + minutes(o.office.averageMinutes)) {
        // A call the simulator did not start (the seed's, or one left from an earlier run):
        // closing the chair ends it, reopening makes the chair free again.
        try {
          await call('setOfficeChair', { path: { officeId: id, chairId: chair.id }, body: { open: false } });
          await call('setOfficeChair', { path: { officeId: id, chairId: chair.id }, body: { open: true } });
          stats.chairResets++;
          log(`chair ${id} ${chair.id} reopened`);
          chair.foreignSince = undefined;
        } catch (error) {
          o.nextAt = now + failed(error);
          return;
        }
      }
    }
    let office: ResultOf<'getOffice'>;
    try {
      office = await call('getOffice', { path: { officeId: id } });
    } catch (error) {
      o.nextAt = now + failed(error);
      return;
    }
    if (office.openNow) o.openSeenAt = now;
    let waiting = office.waiting;
    let free = office.chairsFree;
    const open = working(office.openNow, waiting, o.openSeenAt, now);
    for (const chair of o.chairs) {
      if (!open || waiting <= 0 || free <= 0) break;
      if (chair.busy || chair.foreignSince !== undefined) continue;
      const joinUrl = `${o.office.joinBaseUrl}${roomCode(random, 4)}-${roomCode(random, 4)}`;
      try {
        const { ticket } = await call('callOfficeTicket', { path: { officeId: id }, body: { chairId: chair.id, joinUrl } });
        if (!ticket) break;
        const noShow = random() < OFFICE_NO_SHOW_RATE;
        chair.busy = {
          ticketId: ticket.id,
          number: ticket.number,
          outcome: noShow ? 'missed' : 'served',
          until: now + minutes(noShow ? OFFICE_NO_SHOW_MINUTES : o.office.averageMinutes * span(SERVICE_SPREAD)),
        };
        stats.officeCalls++;
        waiting--;
        free--;
        log(`video ${id} chair ${chair.id} ${ticket.number}`);
      } catch (error) {
        if (isStatus(error, 409)) chair.foreignSince = now;
        else {
          o.nextAt = now + failed(error);
          return;
        }
      }
    }
    if (features.walkIns && now >= o.arrivalAt) {
      o.arrivalAt = now + minutes(exponential(random, officeArrivalMean(o.office)));
      if (office.openNow && office.ticketsOnline && waiting < MAX_WAITING_ROOM) {
        try {
          const created = await call('takeOfficeTicket', { path: { officeId: id }, body: { locale: lang } });
          stats.walkIns++;
          log(`walk-in ${id} ${created.number}`);
        } catch (error) {
          if (!isStatus(error, 409)) o.arrivalAt = now + Math.max(failed(error), o.arrivalAt - now);
        }
      }
    }
  }

  // ---------------------------------------------------------------- cases

  async function stepCase(c: CaseState, now: number): Promise<boolean> {
    const next = (c.index + 1) % c.stages.length;
    const stage = c.stages[next]!;
    try {
      await call('updateCase', { path: { caseId: c.world.id }, body: stage.body(now) });
      c.index = next;
      c.nextAt = now + minutes(span(stage.dwellMinutes));
      stats.caseUpdates++;
      log(`case ${c.world.id} ${stage.name}`);
    } catch (error) {
      const wait = failed(error);
      // The back end has no such case, or its steps differ: leave it alone from now on.
      if (isStatus(error, 400, 404)) return false;
      c.nextAt = now + wait;
    }
    return true;
  }

  // ---------------------------------------------------------------- chat

  const short = (id: string) => id.slice(0, 8);
  const topicLabel = (topic: string | undefined, l: Lang) => {
    const t = topic ? world.chat.topics.find((x) => x.id === topic) : undefined;
    return t ? localise(t.label, l) : undefined;
  };
  const typingMs = (text: string) => seconds(Math.min(TYPING_MAX_SECONDS, TYPING_BASE_SECONDS + TYPING_PER_CHAR_SECONDS * text.length));

  async function pollChat(now: number): Promise<void> {
    chatPollAt = now + chatPollMs;
    let items: Conversation[];
    try {
      items = (await call('listConversations', {})).items;
    } catch (error) {
      chatPollAt = now + Math.max(chatPollMs, failed(error));
      return;
    }
    const listed = new Set(items.map((c) => c.id));
    for (const id of conversations.keys()) if (!listed.has(id)) conversations.delete(id);
    for (const id of foreign) if (!listed.has(id)) foreign.delete(id);
    for (const item of items) {
      if (foreign.has(item.id)) continue;
      let state = conversations.get(item.id);
      if (!state) {
        if (item.status === 'active' && item.agent && !ourAgents.has(item.agent.name ?? '')) {
          foreign.add(item.id);
          continue;
        }
        state = {
          id: item.id,
          lang: langOf(item.locale ?? 'de'),
          ...(item.topic && { topic: item.topic }),
          phase: item.status === 'active' ? 'joined' : 'new',
          ...(item.agent && { agent: item.agent.name }),
          knownSeq: 0,
          cursor: 0,
          greeted: false,
          unanswered: [],
          lastActivityAt: now,
        };
        conversations.set(item.id, state);
      }
      if (item.lastSeq > state.knownSeq) await readMessages(state, item.lastSeq);
    }
  }

  /** Reads the messages after the cursor; false when the conversation is gone. */
  async function readMessages(state: ConversationState, lastSeq: number): Promise<boolean> {
    for (;;) {
      let page: ResultOf<'listConversationMessagesAsStaff'>;
      try {
        page = await call('listConversationMessagesAsStaff', { path: { conversationId: state.id }, query: { after: state.cursor, limit: 100 } });
      } catch (error) {
        if (isStatus(error, 404)) {
          conversations.delete(state.id);
          return false;
        }
        failed(error);
        return false;
      }
      for (const m of page.items) see(state, m);
      if (!page.hasMore || page.items.length === 0) break;
    }
    state.knownSeq = Math.max(lastSeq, state.cursor);
    return true;
  }

  function see(state: ConversationState, m: Message): void {
    state.cursor = Math.max(state.cursor, m.seq);
    if (m.author.kind === 'citizen') {
      if (m.text) state.unanswered.push(m.text);
      state.lastActivityAt = clock.now();
    } else if (m.author.kind === 'bot' || m.author.kind === 'agent') {
      state.greeted = true;
    }
  }

  function forget(state: ConversationState, error: unknown): boolean {
    // 404 or 409 conversation_ended: the citizen left; nothing more to do.
    if (isStatus(error, 404, 409)) {
      conversations.delete(state.id);
      return true;
    }
    return false;
  }

  async function stepConversation(state: ConversationState, now: number): Promise<void> {
    const id = short(state.id);
    try {
      if (state.phase === 'new') {
        if (!state.greeted) {
          const bot = world.chat.bot;
          await call('replyInChat', {
            path: { conversationId: state.id },
            body: {
              author: { kind: 'bot', name: localise(bot.name, state.lang) },
              text: localise(bot.greeting, state.lang),
              suggestions: bot.suggestions.map((s) => ({ text: localise(s, state.lang) })),
            },
          });
          state.greeted = true;
          stats.greetings++;
          log(`chat ${id} greeting`);
        }
        state.phase = 'waiting';
        state.joinAt = now + seconds(span(JOIN_SECONDS));
        return;
      }
      if (state.phase === 'waiting') {
        if (now < (state.joinAt ?? 0)) return;
        const agents = world.chat.agents;
        const agent = agents.length ? localise(agents[agentTurn++ % agents.length]!, state.lang) : state.lang === 'en' ? 'Service desk' : 'Servicedesk';
        ourAgents.add(agent);
        await call('joinConversation', { path: { conversationId: state.id }, body: { agent: { name: agent } } });
        state.agent = agent;
        state.phase = 'joined';
        stats.joins++;
        log(`chat ${id} joined`);
        state.pending = { intro: true, typingAt: now, typingSent: false, replyAt: now };
        await typing(state, now);
        return;
      }
      if (state.phase === 'closing') {
        if (now < (state.endAt ?? 0)) return;
        await call('endConversationAsStaff', { path: { conversationId: state.id } });
        conversations.delete(state.id);
        stats.conversationsEnded++;
        log(`chat ${id} ended`);
        return;
      }
      // joined
      const p = state.pending;
      if (!p) {
        if (state.unanswered.length > 0) {
          const typingAt = now + seconds(span(READ_SECONDS));
          state.pending = { intro: false, typingAt, typingSent: false, replyAt: typingAt };
        } else if (now - state.lastActivityAt >= minutes(IDLE_END_MINUTES)) {
          await say(state, idleGoodbye(state.lang), 'idle');
          state.phase = 'closing';
          state.endAt = now + seconds(CLOSE_AFTER_GOODBYE_SECONDS);
          return;
        } else return;
      }
      const pending = state.pending!;
      if (!pending.typingSent) {
        if (now < pending.typingAt) return;
        await typing(state, now);
        return;
      }
      if (now < pending.replyAt) return;
      const asked = state.unanswered.join('\n');
      const reply = asked ? replyTo(asked, state.lang, random) : undefined;
      const text = pending.intro
        ? `${introduction(state.agent ?? '', state.lang, topicLabel(state.topic, state.lang))} ${reply ? reply.text : askHowToHelp(state.lang)}`
        : (reply?.text ?? askHowToHelp(state.lang));
      state.unanswered = [];
      state.pending = undefined;
      await say(state, text, pending.intro ? `intro${reply ? ` ${reply.rule}` : ''}` : (reply?.rule ?? 'ask'));
      await call('staffTyping', { path: { conversationId: state.id }, body: { author: { kind: 'agent', name: state.agent ?? '' }, active: false } });
      state.lastActivityAt = now;
      if (reply?.ends) {
        state.phase = 'closing';
        state.endAt = now + seconds(CLOSE_AFTER_GOODBYE_SECONDS);
      }
    } catch (error) {
      if (!forget(state, error)) failed(error);
    }
  }

  /** Shows the agent typing and sets when the reply goes out (from the reply's length). */
  async function typing(state: ConversationState, now: number): Promise<void> {
    const p = state.pending!;
    await call('staffTyping', { path: { conversationId: state.id }, body: { author: { kind: 'agent', name: state.agent ?? '' }, active: true } });
    p.typingSent = true;
    stats.typing++;
    const draft = state.unanswered.length ? replyTo(state.unanswered.join('\n'), state.lang, () => 0).text : askHowToHelp(state.lang);
    p.replyAt = now + typingMs(p.intro ? `${draft}${introduction(state.agent ?? '', state.lang, undefined)}` : draft);
  }

  async function say(state: ConversationState, text: string, what: string): Promise<void> {
    await call('replyInChat', { path: { conversationId: state.id }, body: { author: { kind: 'agent', name: state.agent ?? '' }, text } });
    stats.replies++;
    log(`chat ${short(state.id)} reply ${what}`);
  }

  // ---------------------------------------------------------------- the loop

  async function runTick(): Promise<void> {
    controller = new AbortController();
    statusCache.clear();
    const now = clock.now();
    if (!initialised) init(now);
    stats.ticks++;
    try {
      if (features.chat) {
        if (now >= chatPollAt) await pollChat(now);
        for (const state of [...conversations.values()]) await stepConversation(state, now);
      }
      for (const desk of desks) if (now >= desk.nextAt) await stepDesk(desk, now);
      if (features.walkIns || features.ticker) for (const q of queues) await stepQueue(q, now);
      for (const o of offices) if (now >= o.nextAt) await stepOffice(o, now);
      for (const c of [...cases]) {
        if (now >= c.nextAt && !(await stepCase(c, now))) cases.splice(cases.indexOf(c), 1);
      }
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
    }
  }

  function tick(): Promise<void> {
    if (inFlight) return inFlight;
    const run = runTick().finally(() => {
      inFlight = undefined;
    });
    inFlight = run;
    return run;
  }

  /** Real milliseconds until the next thing is due (at least 10, at most one chat poll). */
  function nextDelay(): number {
    const now = clock.now();
    const due = [
      ...desks.map((d) => d.nextAt),
      ...queues.flatMap((q) => [features.walkIns ? q.arrivalAt : Infinity, features.ticker ? q.tickerAt : Infinity]),
      ...offices.map((o) => o.nextAt),
      ...cases.map((c) => c.nextAt),
    ];
    if (features.chat) {
      due.push(chatPollAt);
      for (const s of conversations.values()) {
        if (s.phase === 'new') due.push(now);
        if (s.joinAt !== undefined && s.phase === 'waiting') due.push(s.joinAt);
        if (s.pending) due.push(s.pending.typingSent ? s.pending.replyAt : s.pending.typingAt);
        if (s.endAt !== undefined) due.push(s.endAt);
      }
    }
    const next = Math.min(...due);
    return Math.min(Math.max(10, next - now), Math.max(chatPollMs, 10));
  }

  function schedule(ms: number, gen: number): void {
    timer = clock.setTimeout(() => {
      timer = undefined;
      const run: Promise<void> = tick()
        .catch((error: unknown) => {
          failed(error);
        })
        .finally(() => {
          if (cycle === run) cycle = undefined;
          if (running && gen === generation) schedule(nextDelay(), gen);
        });
      cycle = run;
    }, ms);
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0, ++generation);
    },
    async stop() {
      running = false;
      generation++;
      if (timer !== undefined) {
        clock.clearTimeout(timer);
        timer = undefined;
      }
      controller?.abort();
      await this.idle();
    },
    tick,
    async idle() {
      while (cycle || inFlight) await (cycle ?? inFlight)!.catch(() => undefined);
    },
    get running() {
      return running;
    },
    get stats() {
      return { ...stats, ...(stats.lastError && { lastError: { ...stats.lastError } }) };
    },
  };
}
