/**
 * Walk-in queues, tickets and virtual offices on SQL, with the mock's behaviour
 * (packages/mock-api/src/queues), using its pure rules (`@civic-elements/mock-api/queue-logic`).
 *
 * Correctness: every change of a queue or office first locks the place's row
 * (`queue_state` / `office_state` … FOR UPDATE), then its tickets, so two staff calling at once —
 * in one process or in several sharing PostgreSQL — call two different tickets, the waiting line
 * is never over capacity, and lock order is always place → chair → tickets. The next ticket is
 * picked with `FOR UPDATE SKIP LOCKED`. Ticket numbers come from a counter per place, day and
 * prefix, and a UNIQUE constraint (kind, place, day, number) guards them.
 *
 * Realtime: after a change commits, `queue:<id>`, `office:<id>` and `ticket:<id>` are published
 * on the EventBus (NOTIFY), and each process's streams re-read what changed. Queue streams send
 * `called` (from the stored calls, each with the revision it was made at) and `ticker` before the
 * `updated` of the same revision; ticket streams send `called` once and close after a final state.
 *
 * Privacy: public views carry ticket numbers at most; tokens are stored as SHA-256 hashes;
 * `joinUrl` only in the holder's view (and the staff answer) while called; the notification
 * e-mail address (`notify`) is cleared as soon as the ticket ends, and retention deletes tickets.
 */
import { createHash, randomUUID } from 'node:crypto';
import { formatInstant, localDate, localise, type LocalizedText, type Office, type Queue } from '@civic-elements/contract/seed';
import type * as C from '@civic-elements/contract';
import type { Handlers, RequestContext, ServerContext } from '../app.js';
import type { Db, Queryable } from '../db.js';
import { resumeId, type EventBus, type SseEvent } from '../events.js';
import { fingerprint, idempotent, type Created } from '../idempotency.js';
import { bearer, fail, invalid, invalidBody, json, noContent, notFound, problem, token, unauthorized } from '../http.js';
import type { Mail, PendingNotification } from '../notifier.js';
import * as L from '@civic-elements/mock-api/queue-logic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 86_400_000;
const hash = (t: string) => createHash('sha256').update(t).digest('hex');

type Kind = 'queue' | 'office';

interface Notify {
  email?: string;
  phone?: string;
  whenAhead?: number;
}

/** A ticket as stored. */
export interface TicketRecord extends L.TicketFacts {
  kind: Kind;
  place: string;
  tokenHash: string | null;
  chairId: string | null;
  calledRev: number | null;
  notify: Notify | null;
  notifiedAhead: boolean;
  locale: string;
  shown: string | null;
}

interface TicketRow {
  id: string;
  kind: Kind;
  place: string;
  number: string;
  token_hash: string | null;
  service_id: string;
  state: L.TicketState;
  desk: string | null;
  called_at: number | string | null;
  called_rev: number | null;
  join_url: string | null;
  chair_id: string | null;
  notify: Notify | null;
  notified_ahead: boolean;
  locale: string;
  shown: string | null;
  created_at: number | string;
  updated_at: number | string;
  revision: number;
}

const toTicket = (r: TicketRow): TicketRecord => ({
  id: r.id,
  kind: r.kind,
  place: r.place,
  number: r.number,
  state: r.state,
  serviceId: r.service_id,
  ...(r.kind === 'queue' ? { location: r.place } : { office: r.place }),
  ...(r.desk !== null && { desk: r.desk }),
  ...(r.called_at !== null && { calledAt: Number(r.called_at) }),
  ...(r.join_url !== null && { joinUrl: r.join_url }),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  revision: Number(r.revision),
  tokenHash: r.token_hash,
  chairId: r.chair_id,
  calledRev: r.called_rev === null ? null : Number(r.called_rev),
  notify: r.notify,
  notifiedAhead: r.notified_ahead,
  locale: r.locale,
  shown: r.shown,
});

interface StoredCall extends L.QueueCall {
  /** The queue revision the call was made at (0: from the seed). */
  rev: number;
}

interface QueueRow {
  location_id: string;
  overrides: L.QueueOverrides;
  tickets_online: boolean;
  calls: StoredCall[];
  ticker_rev: number;
  revision: number;
  updated_at: number | string;
}

interface OfficeRow {
  office_id: string;
  tickets_online: boolean;
  revision: number;
  updated_at: number | string;
}

interface ChairRow {
  chair_id: string;
  name: string;
  open: boolean;
  busy_with: string | null;
}

/** What happened in a transaction, published after it committed. */
class Changes {
  readonly queues = new Map<string, number>();
  readonly offices = new Map<string, number>();
  readonly tickets = new Map<string, number>();
  /** Tickets that reached a final state: their streams close. */
  readonly ended = new Set<string>();
}

export type TicketNotificationKind = 'ticket_ahead' | 'ticket_called';
export const isTicketNotification = (kind: string): kind is TicketNotificationKind => kind === 'ticket_ahead' || kind === 'ticket_called';

/** Inserts the seed's queues, offices, chairs and waiting tickets once. */
export async function seedQueues(db: Db, seed: ServerContext['seed']): Promise<void> {
  const day = localDate(seed.now, seed.town.timeZone);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727004)');
    if ((await tx.query("SELECT 1 FROM meta WHERE key = 'seeded_queues'")).rowCount) return;
    const insertTicket = (kind: Kind, place: string, number: string, serviceId: string, at: number) =>
      tx.query("INSERT INTO tickets (id, kind, place, day, number, service_id, state, locale, created_at, updated_at, revision) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', 'de', $7, $7, 1)", [randomUUID(), kind, place, day, number, serviceId, at]);
    for (const q of seed.queues) {
      const calls: StoredCall[] = q.recentCalls.map((c) => ({ ticket: c.number, desk: c.desk, calledAt: Date.parse(c.calledAt), rev: 0 }));
      await tx.query('INSERT INTO queue_state (location_id, tickets_online, calls, revision, updated_at) VALUES ($1, $2, $3, 1, $4)', [q.locationId, q.ticketsOnline, JSON.stringify(calls), seed.now]);
      const counters = new Map<string, number>();
      for (const n of [...q.waiting.map((w) => w.number), ...q.recentCalls.map((c) => c.number)]) counters.set(L.prefixOf(n), Math.max(counters.get(L.prefixOf(n)) ?? 0, L.numberPart(n)));
      for (const [prefix, last] of counters) await tx.query("INSERT INTO ticket_counters (kind, place, day, prefix, last) VALUES ('queue', $1, $2, $3, $4)", [q.locationId, day, prefix, last]);
      for (const w of q.waiting) await insertTicket('queue', q.locationId, w.number, w.serviceId, Date.parse(w.takenAt));
    }
    for (const o of seed.offices) {
      await tx.query('INSERT INTO office_state (office_id, tickets_online, revision, updated_at) VALUES ($1, $2, 1, $3)', [o.id, o.ticketsOnline, seed.now]);
      for (let i = 1; i <= o.chairs; i++) await tx.query('INSERT INTO office_chairs (office_id, chair_id, name, open, busy_with) VALUES ($1, $2, $3, true, $4)', [o.id, String(i), `Platz ${i}`, i <= o.chairsBusy ? 'seed' : null]);
      for (let i = 0; i < o.waiting; i++) await insertTicket('office', o.id, L.ticketNumber('V', i + 1), o.serviceId, seed.now - (o.waiting - i) * 5 * 60_000);
      await tx.query("INSERT INTO ticket_counters (kind, place, day, prefix, last) VALUES ('office', $1, $2, 'V', $3)", [o.id, day, o.waiting]);
    }
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded_queues', '1')");
  });
}

/** Retention: ended tickets a day after their last change, any ticket two days after it was taken (with its e-mail address). */
export async function purgeTickets(q: Queryable, now: number): Promise<number> {
  const r = await q.query("DELETE FROM tickets WHERE (state IN ('served', 'missed', 'cancelled') AND updated_at < $1) OR created_at < $2", [now - DAY, now - 2 * DAY]);
  await q.query('DELETE FROM ticket_counters WHERE day < $1', [new Date(now - 3 * DAY).toISOString().slice(0, 10)]);
  return r.rowCount;
}

export function createQueues(ctx: ServerContext, bus: EventBus) {
  const { db, seed } = ctx;
  const tz = seed.town.timeZone;
  const now = () => ctx.clock.now();
  const iso = (ms: number) => formatInstant(ms, tz);
  const ticketLimit = ctx.config.ticketLimit ?? L.QUEUE_LIMITS.ticketsPerClient;
  const queueSeed = (id: string): Queue | undefined => seed.queues.find((q) => q.locationId === id);
  const officeSeed = (id: string): Office | undefined => seed.offices.find((o) => o.id === id);
  const channel = { queue: (id: string) => `queue:${id}`, office: (id: string) => `office:${id}`, ticket: (id: string) => `ticket:${id}` };

  // ------------------------------------------------------------------ reading

  const loadTicket = async (q: Queryable, id: string, lock = false): Promise<TicketRecord | undefined> => {
    if (!UUID.test(id)) return undefined;
    const row = (await q.query<TicketRow>(`SELECT * FROM tickets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
    return row && toTicket(row);
  };

  const lineOf = async (q: Queryable, kind: Kind, place: string): Promise<TicketRecord[]> =>
    (await q.query<TicketRow>("SELECT * FROM tickets WHERE kind = $1 AND place = $2 AND state = 'waiting'", [kind, place])).rows.map(toTicket).sort(L.byArrival);

  const loadQueue = async (q: Queryable, id: string, lock = false): Promise<QueueRow | undefined> =>
    (await q.query<QueueRow>(`SELECT * FROM queue_state WHERE location_id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];

  const loadOffice = async (q: Queryable, id: string, lock = false): Promise<OfficeRow | undefined> =>
    (await q.query<OfficeRow>(`SELECT * FROM office_state WHERE office_id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];

  const chairsOf = async (q: Queryable, officeId: string): Promise<ChairRow[]> => (await q.query<ChairRow>('SELECT chair_id, name, open, busy_with FROM office_chairs WHERE office_id = $1', [officeId])).rows;

  const queueFacts = (row: QueueRow, line: readonly L.InLine[]): L.QueueFacts => ({
    line,
    calls: row.calls,
    overrides: row.overrides,
    ticketsOnline: row.tickets_online,
    revision: Number(row.revision),
    updatedAt: Number(row.updated_at),
  });

  interface QueueSnapshot {
    seed: Queue;
    row: QueueRow;
    line: TicketRecord[];
  }
  interface OfficeSnapshot {
    seed: Office;
    row: OfficeRow;
    chairs: ChairRow[];
    line: TicketRecord[];
  }

  const queueSnapshot = async (q: Queryable, id: string): Promise<QueueSnapshot | undefined> => {
    const s = queueSeed(id);
    const row = s && (await loadQueue(q, id));
    return s && row ? { seed: s, row, line: await lineOf(q, 'queue', id) } : undefined;
  };
  const officeSnapshot = async (q: Queryable, id: string): Promise<OfficeSnapshot | undefined> => {
    const s = officeSeed(id);
    const row = s && (await loadOffice(q, id));
    return s && row ? { seed: s, row, chairs: await chairsOf(q, id), line: await lineOf(q, 'office', id) } : undefined;
  };

  /** Streams hearing the same notification share one read of the queue or office. */
  const inflight = new Map<string, Promise<unknown>>();
  const shared = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = inflight.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load().finally(() => inflight.delete(key));
      inflight.set(key, p);
    }
    return p;
  };

  const renderQueue = (s: QueueSnapshot, lang: string): C.QueueStatus => L.queueView(seed, s.seed, queueFacts(s.row, s.line), lang, now());
  const officeFacts = (s: OfficeSnapshot): L.OfficeFacts => {
    const open = s.chairs.filter((c) => c.open);
    return { chairsOpen: open.length, chairsFree: open.filter((c) => !c.busy_with).length, waiting: s.line.length, ticketsOnline: s.row.tickets_online, revision: Number(s.row.revision), updatedAt: Number(s.row.updated_at) };
  };
  const renderOffice = (s: OfficeSnapshot, lang: string): C.Office => L.officeView(s.seed, officeFacts(s), lang, now(), tz);

  /** A waiting ticket's standing in `line` (the other states need no line). */
  const standingIn = (t: TicketRecord, line: readonly L.InLine[], openChairs: number): L.Standing => {
    if (t.kind === 'queue') {
      const q = queueSeed(t.place)!;
      return L.queueStanding(q, line, t.id, L.queueIsOpen(seed, q, now()));
    }
    const o = officeSeed(t.place)!;
    return L.officeStanding(o, line, t.id, L.officeIsOpen(o, now(), tz), openChairs);
  };

  const ticketView = async (q: Queryable, t: TicketRecord): Promise<C.Ticket> => {
    if (t.state !== 'waiting') return L.ticketView(t, { position: 0, estimate: null }, tz);
    const line = await lineOf(q, t.kind, t.place);
    const chairs = t.kind === 'office' ? (await chairsOf(q, t.place)).filter((c) => c.open).length : 0;
    return L.ticketView(t, standingIn(t, line, chairs), tz);
  };

  // ------------------------------------------------------------------ changing (inside a transaction that locked the place)

  const notice = async (tx: Queryable, t: TicketRecord, kind: TicketNotificationKind, data: Record<string, unknown>) => {
    if (!t.notify?.email) return;
    await tx.query('INSERT INTO notifications (kind, recipient, locale, data, created_at) VALUES ($1, $2, $3, $4, $5)', [
      kind,
      t.notify.email,
      t.locale,
      JSON.stringify({ ticketId: t.id, number: t.number, kind: t.kind, place: t.place, ...data }),
      now(),
    ]);
  };

  /** Bumps the place's revision; returns the new one. */
  const touchPlace = async (tx: Queryable, kind: Kind, place: string, changes: Changes): Promise<number> => {
    const table = kind === 'queue' ? 'queue_state' : 'office_state';
    const key = kind === 'queue' ? 'location_id' : 'office_id';
    const r = await tx.query<{ revision: number }>(`UPDATE ${table} SET revision = revision + 1, updated_at = $2 WHERE ${key} = $1 RETURNING revision`, [place, now()]);
    const revision = Number(r.rows[0]!.revision);
    (kind === 'queue' ? changes.queues : changes.offices).set(place, revision);
    return revision;
  };

  /**
   * After any change of a place: every waiting ticket whose position or estimate moved gets a new
   * revision (its stream sends `updated`); a holder who asked to be told when N are ahead gets
   * the e-mail once.
   */
  const refresh = async (tx: Queryable, kind: Kind, place: string, changes: Changes): Promise<void> => {
    const line = await lineOf(tx, kind, place);
    const chairs = kind === 'office' ? (await chairsOf(tx, place)).filter((c) => c.open).length : 0;
    const ids: string[] = [];
    const shown: string[] = [];
    const bump: boolean[] = [];
    const told: string[] = [];
    for (const t of line) {
      const s = standingIn(t, line, chairs);
      const now = L.shownOf(s);
      if (t.shown !== now) {
        ids.push(t.id);
        shown.push(now);
        bump.push(t.shown !== null);
        if (t.shown !== null) changes.tickets.set(t.id, t.revision + 1);
      }
      if (t.notify?.whenAhead !== undefined && !t.notifiedAhead && s.position <= t.notify.whenAhead) {
        told.push(t.id);
        await notice(tx, t, 'ticket_ahead', { ahead: s.position });
      }
    }
    if (ids.length) {
      await tx.query(
        'UPDATE tickets SET shown = u.shown, revision = tickets.revision + (CASE WHEN u.bump THEN 1 ELSE 0 END), updated_at = (CASE WHEN u.bump THEN $4 ELSE tickets.updated_at END) FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS u(id, shown, bump) WHERE tickets.id = u.id',
        [ids, shown, bump, now()],
      );
    }
    if (told.length) await tx.query('UPDATE tickets SET notified_ahead = true WHERE id = ANY($1::uuid[])', [told]);
  };

  /** Ends a ticket (served, missed, cancelled): frees its chair, clears the contact, refreshes the line. */
  const finish = async (tx: Queryable, t: TicketRecord, state: 'served' | 'missed' | 'cancelled', changes: Changes): Promise<TicketRecord> => {
    const r = await tx.query<TicketRow>('UPDATE tickets SET state = $2, notify = NULL, revision = revision + 1, updated_at = $3 WHERE id = $1 RETURNING *', [t.id, state, now()]);
    const done = toTicket(r.rows[0]!);
    if (t.kind === 'office' && t.chairId) await tx.query('UPDATE office_chairs SET busy_with = NULL WHERE office_id = $1 AND chair_id = $2 AND busy_with = $3', [t.place, t.chairId, t.id]);
    changes.tickets.set(t.id, done.revision);
    changes.ended.add(t.id);
    await touchPlace(tx, t.kind, t.place, changes);
    await refresh(tx, t.kind, t.place, changes);
    return done;
  };

  /** Locks the ticket's place, then the ticket (the order every change uses). */
  const lockTicket = async (tx: Queryable, id: string): Promise<TicketRecord | undefined> => {
    const t = await loadTicket(tx, id);
    if (!t) return undefined;
    if (t.kind === 'queue') await loadQueue(tx, t.place, true);
    else await loadOffice(tx, t.place, true);
    return loadTicket(tx, id, true);
  };

  const publish = async (changes: Changes): Promise<void> => {
    const jobs: Promise<void>[] = [];
    for (const [id, rev] of changes.queues) jobs.push(bus.publish(channel.queue(id), rev));
    for (const [id, rev] of changes.offices) jobs.push(bus.publish(channel.office(id), rev));
    for (const [id, rev] of changes.tickets) jobs.push(bus.publish(channel.ticket(id), rev));
    await Promise.all(jobs);
    // A second notice lets the ended tickets' streams close after sending the final state.
    await Promise.all([...changes.ended].map((id) => bus.publish(channel.ticket(id), changes.tickets.get(id) ?? 0)));
  };

  /** Runs a change in one transaction and publishes what changed once it committed. */
  const change = async <T>(fn: (tx: Queryable, changes: Changes) => Promise<T>): Promise<T> => {
    let changes = new Changes();
    const result = await db.transaction((tx) => {
      changes = new Changes();
      return fn(tx, changes);
    });
    await publish(changes);
    return result;
  };

  // ------------------------------------------------------------------ staff actions (also used by tests and the benchmark)

  /** Calls the longest-waiting ticket (of `serviceId`, when given) of a queue to `desk`; undefined when nobody waits. */
  const callNext = (locationId: string, desk: string, serviceId?: string) =>
    change(async (tx, changes): Promise<TicketRecord | undefined> => {
      const row = await loadQueue(tx, locationId, true);
      if (!row) return undefined;
      const next = (
        await tx.query<TicketRow>(
          `SELECT * FROM tickets WHERE kind = 'queue' AND place = $1 AND state = 'waiting'${serviceId === undefined ? '' : ' AND service_id = $2'} ORDER BY created_at, number COLLATE "C" LIMIT 1 FOR UPDATE SKIP LOCKED`,
          serviceId === undefined ? [locationId] : [locationId, serviceId],
        )
      ).rows[0];
      if (!next) return undefined;
      const t = toTicket(next);
      const at = now();
      const revision = await touchPlace(tx, 'queue', locationId, changes);
      const call: StoredCall = { ticket: t.number, desk: { de: desk }, calledAt: at, serviceId: t.serviceId, rev: revision };
      await tx.query('UPDATE queue_state SET calls = $2 WHERE location_id = $1', [locationId, JSON.stringify([call, ...row.calls].slice(0, 10))]);
      const r = await tx.query<TicketRow>("UPDATE tickets SET state = 'called', desk = $2, called_at = $3, called_rev = revision + 1, revision = revision + 1, updated_at = $3 WHERE id = $1 RETURNING *", [t.id, desk, at]);
      const called = toTicket(r.rows[0]!);
      changes.tickets.set(t.id, called.revision);
      await notice(tx, called, 'ticket_called', { desk });
      await refresh(tx, 'queue', locationId, changes);
      return called;
    });

  /** Calls the longest-waiting office ticket into a chair's video room; 'conflict' when the chair is closed, busy or unknown. */
  const callOffice = (officeId: string, chairId: string, joinUrl: string) =>
    change(async (tx, changes): Promise<TicketRecord | undefined | 'conflict'> => {
      if (!(await loadOffice(tx, officeId, true))) return undefined;
      const chair = (await tx.query<ChairRow>('SELECT chair_id, name, open, busy_with FROM office_chairs WHERE office_id = $1 AND chair_id = $2 FOR UPDATE', [officeId, chairId])).rows[0];
      if (!chair || !chair.open || chair.busy_with) return 'conflict';
      const next = (await tx.query<TicketRow>("SELECT * FROM tickets WHERE kind = 'office' AND place = $1 AND state = 'waiting' ORDER BY created_at, number COLLATE \"C\" LIMIT 1 FOR UPDATE SKIP LOCKED", [officeId])).rows[0];
      if (!next) return undefined;
      const at = now();
      const r = await tx.query<TicketRow>(
        "UPDATE tickets SET state = 'called', desk = $2, called_at = $3, join_url = $4, chair_id = $5, called_rev = revision + 1, revision = revision + 1, updated_at = $3 WHERE id = $1 RETURNING *",
        [next.id, chair.name, at, joinUrl, chairId],
      );
      await tx.query('UPDATE office_chairs SET busy_with = $3 WHERE office_id = $1 AND chair_id = $2', [officeId, chairId, next.id]);
      const called = toTicket(r.rows[0]!);
      changes.tickets.set(called.id, called.revision);
      await notice(tx, called, 'ticket_called', { desk: chair.name });
      await touchPlace(tx, 'office', officeId, changes);
      await refresh(tx, 'office', officeId, changes);
      return called;
    });

  /** Opens, closes, renames or creates a chair; closing ends its call (served). */
  const setChair = (officeId: string, chairId: string, open: boolean, name?: string) =>
    change(async (tx, changes) => {
      if (!(await loadOffice(tx, officeId, true))) return false;
      const chair = (await tx.query<ChairRow>('SELECT chair_id, name, open, busy_with FROM office_chairs WHERE office_id = $1 AND chair_id = $2 FOR UPDATE', [officeId, chairId])).rows[0];
      if (!open && chair?.busy_with) {
        await tx.query('UPDATE office_chairs SET busy_with = NULL WHERE office_id = $1 AND chair_id = $2', [officeId, chairId]);
        const t = chair.busy_with === 'seed' ? undefined : await loadTicket(tx, chair.busy_with, true);
        if (t && t.state === 'called') await finish(tx, t, 'served', changes);
      }
      await tx.query(
        'INSERT INTO office_chairs (office_id, chair_id, name, open) VALUES ($1, $2, $3, $4) ON CONFLICT (office_id, chair_id) DO UPDATE SET open = $4, name = COALESCE($5, office_chairs.name)',
        [officeId, chairId, name ?? `Platz ${chairId}`, open, name ?? null],
      );
      await touchPlace(tx, 'office', officeId, changes);
      await refresh(tx, 'office', officeId, changes);
      return true;
    });

  /** Staff outcome of a called ticket; 'conflict' (with the state) when it is not called. */
  const setOutcome = (ticketId: string, outcome: 'served' | 'missed') =>
    change(async (tx, changes): Promise<TicketRecord | undefined | { conflict: L.TicketState }> => {
      const t = await lockTicket(tx, ticketId);
      if (!t) return undefined;
      if (t.state === outcome) return t;
      if (t.state !== 'called') return { conflict: t.state };
      return finish(tx, t, outcome, changes);
    });

  // ------------------------------------------------------------------ citizen: taking a ticket

  const problemBody = (status: number, code: string, detail: string, ext: Record<string, unknown> = {}): Created => ({ status, body: problem(status, code, detail, ext) });
  const closed = (next: number | undefined, detail: LocalizedText, lang: string) => problemBody(409, 'closed', localise(detail, lang), next !== undefined ? { nextOpening: iso(next) } : {});
  const TEXT = {
    queueClosed: { de: 'Die Warteschlange nimmt gerade keine Online-Wartenummern an.', en: 'The queue takes no online tickets now.' },
    officeClosed: { de: 'Das Büro ist gerade nicht geöffnet.', en: 'The office is not open now.' },
    queueFull: { de: 'Heute werden keine Wartenummern mehr ausgegeben.', en: 'No more tickets today.' },
    officeFull: { de: 'Der Warteraum ist voll.', en: 'The waiting room is full.' },
  };

  const nextNumber = async (tx: Queryable, kind: Kind, place: string, prefix: string): Promise<string> => {
    const day = localDate(now(), tz);
    const r = await tx.query<{ last: number }>(
      'INSERT INTO ticket_counters (kind, place, day, prefix, last) VALUES ($1, $2, $3, $4, 1) ON CONFLICT (kind, place, day, prefix) DO UPDATE SET last = ticket_counters.last + 1 RETURNING last',
      [kind, place, day, prefix],
    );
    return L.ticketNumber(prefix, Number(r.rows[0]!.last));
  };

  const insertTicket = async (tx: Queryable, kind: Kind, place: string, number: string, serviceId: string, notify: Notify | undefined, locale: string): Promise<{ ticket: TicketRecord; token: string }> => {
    const secret = token('tkt_');
    const at = now();
    const r = await tx.query<TicketRow>(
      "INSERT INTO tickets (id, kind, place, day, number, token_hash, service_id, state, notify, locale, created_at, updated_at, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10, $10, 1) RETURNING *",
      [randomUUID(), kind, place, localDate(at, tz), number, hash(secret), serviceId, notify ? JSON.stringify(notify) : null, locale, at],
    );
    return { ticket: toTicket(r.rows[0]!), token: secret };
  };

  const fingerprintOf = (rc: RequestContext) => fingerprint({ method: rc.request.method, path: rc.url.pathname, ags: rc.request.headers.get('X-Civic-AGS'), body: rc.body ?? null });
  const keyOf = (rc: RequestContext) => rc.request.headers.get('Idempotency-Key')!;

  const checkNotify = (notify: Notify | undefined, sms: boolean, email: boolean): Response | undefined => {
    if (!notify) return undefined;
    if (!notify.email && !notify.phone) return invalidBody('/notify', 'needs email or phone');
    if (notify.phone && !sms) return invalidBody('/notify/phone', 'SMS notifications are not offered here');
    if (notify.email && !email) return invalidBody('/notify/email', 'e-mail notifications are not offered here');
    return undefined;
  };

  const created = async (tx: Queryable, t: TicketRecord, secret: string): Promise<Created> => ({
    status: 201,
    body: { ticketId: t.id, number: t.number, token: secret, ticket: await ticketView(tx, t) } satisfies C.TicketCreated,
    headers: { Location: `/v1/tickets/${t.id}` },
  });

  /** Runs `idempotent` and publishes what the creation changed (not on a replay). */
  const creating = async (rc: RequestContext, scope: string, fn: (tx: Queryable, changes: Changes) => Promise<Created>): Promise<Response> => {
    let changes: Changes | undefined;
    const response = await idempotent(db, scope, keyOf(rc), fingerprintOf(rc), now(), async (tx) => {
      const c = new Changes();
      const result = await fn(tx, c);
      changes = c;
      return result;
    });
    if (changes && response.status === 201 && response.headers.get('Idempotent-Replayed') !== 'true') await publish(changes);
    return response;
  };

  const ticketBucket = { bucket: 'tickets', max: ticketLimit, windowMs: L.QUEUE_LIMITS.windowMs };

  // ------------------------------------------------------------------ holder authentication

  const authenticate = async (rc: RequestContext): Promise<TicketRecord | Response> => {
    const secret = bearer(rc.request);
    const id = rc.params.ticketId ?? '';
    if (!secret || !UUID.test(id)) return unauthorized();
    const row = (await db.query<TicketRow>('SELECT * FROM tickets WHERE token_hash = $1', [hash(secret)])).rows[0];
    return row && row.id === id ? toTicket(row) : unauthorized();
  };

  // ------------------------------------------------------------------ streams

  const queueStream = (locationId: string, s: QueueSnapshot, after: number | undefined, lang: string): Response => {
    let sent = Number(s.row.revision);
    return bus.stream({
      channel: channel.queue(locationId),
      initial: after === sent ? [] : [{ event: 'updated', id: sent, data: renderQueue(s, lang) }],
      lang,
      next: async (id) => {
        // Streams at the same revision in the same language get the same events: rendered once.
        const since = sent;
        const out = await shared(`queue:${locationId}:${id}:${since}:${lang}`, async () => {
          const latest = await shared(`queue:${locationId}:${id}`, () => queueSnapshot(db, locationId));
          if (!latest) return 'close' as const;
          const revision = Number(latest.row.revision);
          if (revision <= since) return { revision, events: [] };
          const events: SseEvent[] = [];
          for (const c of [...latest.row.calls].reverse()) {
            if (c.rev > since) events.push({ event: 'called', id: c.rev, data: { ticket: c.ticket, desk: localise(c.desk, lang), calledAt: iso(c.calledAt), ...(c.serviceId && { serviceId: c.serviceId }) } satisfies C.QueueCall });
          }
          const ticker = Number(latest.row.ticker_rev);
          if (ticker > since && 'ticker' in latest.row.overrides) events.push({ event: 'ticker', id: ticker, data: { text: latest.row.overrides.ticker ?? null } });
          events.sort((a, b) => a.id! - b.id!);
          events.push({ event: 'updated', id: revision, data: renderQueue(latest, lang) });
          return { revision, events };
        });
        if (out === 'close') return 'close';
        if (out.revision <= sent) return [];
        sent = out.revision;
        return out.events;
      },
    });
  };

  const officeStream = (officeId: string, s: OfficeSnapshot, after: number | undefined, lang: string): Response => {
    let sent = Number(s.row.revision);
    return bus.stream({
      channel: channel.office(officeId),
      initial: after === sent ? [] : [{ event: 'updated', id: sent, data: renderOffice(s, lang) }],
      lang,
      next: async (id) => {
        const out = await shared(`office:${officeId}:${id}:${lang}`, async () => {
          const latest = await shared(`office:${officeId}:${id}`, () => officeSnapshot(db, officeId));
          return latest && { revision: Number(latest.row.revision), event: { event: 'updated', id: Number(latest.row.revision), data: renderOffice(latest, lang) } };
        });
        if (!out) return 'close';
        if (out.revision <= sent) return [];
        sent = out.revision;
        return [out.event];
      },
    });
  };

  const ticketStream = async (t: TicketRecord, after: number | undefined): Promise<Response> => {
    let sent = t.revision;
    const initial: SseEvent[] = after === sent ? [] : [{ event: 'updated', id: sent, data: await ticketView(db, t) }];
    if (L.isFinal(t.state)) return bus.stream({ channel: channel.ticket(t.id), initial });
    return bus.stream({
      channel: channel.ticket(t.id),
      initial,
      next: async () => {
        const latest = await loadTicket(db, t.id);
        if (!latest) return 'close';
        if (latest.revision <= sent) return L.isFinal(latest.state) ? 'close' : [];
        const event = latest.calledRev !== null && latest.calledRev > sent && latest.state === 'called' ? 'called' : 'updated';
        sent = latest.revision;
        return [{ event, id: latest.revision, data: await ticketView(db, latest) }];
      },
    });
  };

  // ------------------------------------------------------------------ a new day

  /**
   * Tickets of an earlier local day end with it: still waiting → `cancelled`, still called →
   * `missed` (their streams hear it), so a new day's display starts empty while numbers start
   * again at 001. Runs before the first request of a new day and once a minute.
   */
  const endDay = async (today: string): Promise<number> => {
    const stale = (await db.query<{ kind: Kind; place: string }>("SELECT DISTINCT kind, place FROM tickets WHERE state IN ('waiting', 'called') AND day < $1", [today])).rows;
    let ended = 0;
    for (const p of stale) {
      ended += await change(async (tx, changes) => {
        if (p.kind === 'queue') await loadQueue(tx, p.place, true);
        else await loadOffice(tx, p.place, true);
        const rows = (await tx.query<TicketRow>("SELECT * FROM tickets WHERE kind = $1 AND place = $2 AND state IN ('waiting', 'called') AND day < $3 FOR UPDATE", [p.kind, p.place, today])).rows.map(toTicket);
        for (const t of rows) await finish(tx, t, t.state === 'called' ? 'missed' : 'cancelled', changes);
        return rows.length;
      });
    }
    return ended;
  };
  let checkedDay = '';
  let checkedAt = -Infinity;
  let rolling: Promise<void> | undefined;
  const rollover = (): Promise<void> => {
    const at = now();
    if (Math.abs(at - checkedAt) < 1000) return rolling ?? Promise.resolve();
    checkedAt = at;
    const today = localDate(at, tz);
    if (today === checkedDay) return rolling ?? Promise.resolve();
    rolling = endDay(today).then(
      () => {
        checkedDay = today;
        rolling = undefined;
      },
      (error: unknown) => {
        checkedAt = -Infinity;
        rolling = undefined;
        throw error;
      },
    );
    return rolling;
  };

  // ------------------------------------------------------------------ handlers

  const handlers: Handlers = {
    getQueue: {
      async handle({ params, lang }) {
        const s = await queueSnapshot(db, params.locationId ?? '');
        return s ? json(renderQueue(s, lang), { lang }) : notFound('No queue at this location.');
      },
    },

    streamQueueEvents: {
      async handle({ params, request, url, lang }) {
        const id = params.locationId ?? '';
        const s = await queueSnapshot(db, id);
        return s ? queueStream(id, s, resumeId(request, url), lang) : notFound('No queue at this location.');
      },
    },

    takeQueueTicket: {
      limit: ticketBucket,
      async handle(rc) {
        const b = rc.body as { service: string; notify?: Notify; locale?: string };
        const id = rc.params.locationId ?? '';
        if (b.notify && !b.notify.email && !b.notify.phone) return invalidBody('/notify', 'needs email or phone');
        const q = queueSeed(id);
        if (!q) return notFound('No queue at this location.');
        const service = q.services.find((s) => s.serviceId === b.service);
        if (!service) return invalidBody('/service', 'is not served by this queue');
        const bad = checkNotify(b.notify, q.notifications.sms, q.notifications.email);
        if (bad) return bad;
        return creating(rc, `takeQueueTicket:${id}`, async (tx, changes) => {
          const row = await loadQueue(tx, id, true);
          if (!row || !row.tickets_online || !L.queueIsOpen(seed, q, now())) return closed(L.queueNextOpening(seed, q, now()), TEXT.queueClosed, rc.lang);
          if ((await lineOf(tx, 'queue', id)).length >= L.QUEUE_LIMITS.queueCapacity) return problemBody(409, 'full', localise(TEXT.queueFull, rc.lang));
          const number = await nextNumber(tx, 'queue', id, service.prefix);
          const { ticket, token: secret } = await insertTicket(tx, 'queue', id, number, service.serviceId, b.notify, b.locale ?? rc.lang);
          await touchPlace(tx, 'queue', id, changes);
          await refresh(tx, 'queue', id, changes);
          return created(tx, (await loadTicket(tx, ticket.id))!, secret);
        });
      },
    },

    getTicket: {
      authenticate,
      handle: async ({ auth }) => json(await ticketView(db, auth as TicketRecord), { noStore: true }),
    },

    cancelTicket: {
      authenticate,
      async handle({ auth }) {
        const id = (auth as TicketRecord).id;
        const result = await change(async (tx, changes) => {
          const t = await lockTicket(tx, id);
          if (!t || t.state === 'cancelled') return 'done';
          if (t.state === 'served' || t.state === 'missed') return 'conflict';
          await finish(tx, t, 'cancelled', changes);
          return 'done';
        });
        return result === 'conflict' ? fail(409, 'conflict', 'The ticket was already called and finished.') : noContent();
      },
    },

    streamTicketEvents: {
      authenticate,
      handle: ({ auth, request, url }) => ticketStream(auth as TicketRecord, resumeId(request, url)),
    },

    getOffice: {
      async handle({ params, lang }) {
        const s = await officeSnapshot(db, params.officeId ?? '');
        return s ? json(renderOffice(s, lang), { lang }) : notFound('No such office.');
      },
    },

    takeOfficeTicket: {
      limit: ticketBucket,
      async handle(rc) {
        const b = (rc.body ?? {}) as { notify?: Notify; locale?: string };
        const id = rc.params.officeId ?? '';
        if (b.notify && !b.notify.email && !b.notify.phone) return invalidBody('/notify', 'needs email or phone');
        const o = officeSeed(id);
        if (!o) return notFound('No such office.');
        const bad = checkNotify(b.notify, false, true);
        if (bad) return bad;
        return creating(rc, `takeOfficeTicket:${id}`, async (tx, changes) => {
          const row = await loadOffice(tx, id, true);
          const openChairs = (await chairsOf(tx, id)).filter((c) => c.open).length;
          if (!row || !row.tickets_online || openChairs === 0 || !L.officeIsOpen(o, now(), tz)) return closed(L.officeNextOpening(o, now(), tz), TEXT.officeClosed, rc.lang);
          if ((await lineOf(tx, 'office', id)).length >= L.QUEUE_LIMITS.officeCapacity) return problemBody(409, 'full', localise(TEXT.officeFull, rc.lang));
          const number = await nextNumber(tx, 'office', id, 'V');
          const { ticket, token: secret } = await insertTicket(tx, 'office', id, number, o.serviceId, b.notify, b.locale ?? rc.lang);
          await touchPlace(tx, 'office', id, changes);
          await refresh(tx, 'office', id, changes);
          return created(tx, (await loadTicket(tx, ticket.id))!, secret);
        });
      },
    },

    streamOfficeEvents: {
      async handle({ params, request, url, lang }) {
        const id = params.officeId ?? '';
        const s = await officeSnapshot(db, id);
        return s ? officeStream(id, s, resumeId(request, url), lang) : notFound('No such office.');
      },
    },

    // ---------------------------------------------------------------- staff

    callNextTicket: {
      async handle({ params, body }) {
        const b = body as { desk: string; serviceId?: string };
        const id = params.locationId ?? '';
        if (!queueSeed(id)) return notFound('No queue at this location.');
        const t = await callNext(id, b.desk, b.serviceId);
        return json({ ticket: t ? await ticketView(db, t) : null } satisfies C.CallResult);
      },
    },

    setTicketOutcome: {
      async handle({ params, body }) {
        const r = await setOutcome(params.ticketId ?? '', (body as { outcome: 'served' | 'missed' }).outcome);
        if (!r) return notFound('No such ticket.');
        if ('conflict' in r) return fail(409, 'conflict', `The ticket is ${r.conflict}.`);
        return json(await ticketView(db, r));
      },
    },

    updateQueue: {
      async handle({ params, body, lang }) {
        const b = body as { ticker?: string | null; welcomeText?: string | null; ticketsOnline?: boolean };
        if (Object.keys(b).length === 0) return invalid([{ in: 'body', pointer: '', detail: 'At least one change is required.' }]);
        const id = params.locationId ?? '';
        if (!queueSeed(id)) return notFound('No queue at this location.');
        await change(async (tx, changes) => {
          const row = (await loadQueue(tx, id, true))!;
          const overrides: L.QueueOverrides = { ...row.overrides };
          if ('ticker' in b) overrides.ticker = b.ticker ?? null;
          if ('welcomeText' in b) overrides.welcomeText = b.welcomeText ?? null;
          const revision = await touchPlace(tx, 'queue', id, changes);
          await tx.query('UPDATE queue_state SET overrides = $2, tickets_online = $3, ticker_rev = $4 WHERE location_id = $1', [id, JSON.stringify(overrides), b.ticketsOnline ?? row.tickets_online, 'ticker' in b ? revision : row.ticker_rev]);
        });
        return json(renderQueue((await queueSnapshot(db, id))!, lang), { lang });
      },
    },

    setOfficeChair: {
      async handle({ params, body, lang }) {
        const b = body as { open: boolean; name?: string };
        const id = params.officeId ?? '';
        if (!officeSeed(id)) return notFound('No such office.');
        await setChair(id, params.chairId ?? '', b.open, b.name);
        return json(renderOffice((await officeSnapshot(db, id))!, lang), { lang });
      },
    },

    callOfficeTicket: {
      async handle({ params, body }) {
        const b = body as { chairId: string; joinUrl: string };
        const id = params.officeId ?? '';
        if (!officeSeed(id)) return notFound('No such office.');
        const t = await callOffice(id, b.chairId, b.joinUrl);
        if (t === 'conflict') return fail(409, 'conflict', 'The chair is closed or in a call.');
        return json({ ticket: t ? await ticketView(db, t) : null } satisfies C.CallResult);
      },
    },
  };

  // ------------------------------------------------------------------ e-mails

  /** The e-mail for a ticket notification (the number, the place, and how many are ahead or where to go). */
  const renderMail = async (_q: Queryable, n: PendingNotification): Promise<Mail | undefined> => {
    if (!isTicketNotification(n.kind) || !n.recipient) return undefined;
    const de = !n.locale.startsWith('en');
    const lang = de ? 'de' : 'en';
    const d = n.data as { number: string; kind: Kind; place: string; ahead?: number; desk?: string };
    const place = d.kind === 'queue' ? queueSeed(d.place)?.name : officeSeed(d.place)?.name;
    const where = place ? localise(place, lang) : '';
    const sign = de ? 'Ihre Stadtverwaltung' : 'Your town administration';
    if (n.kind === 'ticket_ahead') {
      const ahead = Number(d.ahead ?? 0);
      return {
        to: n.recipient,
        locale: lang,
        subject: de ? `Wartenummer ${d.number}: Sie sind bald an der Reihe` : `Ticket ${d.number}: your turn is coming up`,
        text: de
          ? `Guten Tag,\n\n${ahead === 0 ? 'vor Ihnen wartet niemand mehr' : ahead === 1 ? 'vor Ihnen wartet noch 1 Person' : `vor Ihnen warten noch ${ahead} Personen`} (${where}, Wartenummer ${d.number}). Bitte machen Sie sich auf den Weg.\n\n${sign}`
          : `Hello,\n\n${ahead === 0 ? 'nobody is waiting ahead of you any more' : ahead === 1 ? '1 person is still ahead of you' : `${ahead} people are still ahead of you`} (${where}, ticket ${d.number}). Please make your way.\n\n${sign}`,
      };
    }
    const video = d.kind === 'office';
    return {
      to: n.recipient,
      locale: lang,
      subject: de ? `Wartenummer ${d.number}: Sie sind an der Reihe` : `Ticket ${d.number}: it is your turn`,
      text: de
        ? `Guten Tag,\n\nIhre Wartenummer ${d.number} wird aufgerufen (${where}). ${video ? 'Bitte treten Sie auf der Seite, auf der Sie die Nummer gezogen haben, mit „Betreten“ dem Videoraum bei.' : `Bitte kommen Sie zu: ${d.desk ?? ''}.`}\n\n${sign}`
        : `Hello,\n\nyour ticket ${d.number} is being called (${where}). ${video ? 'Please join the video room with "Enter" on the page where you took the ticket.' : `Please go to: ${d.desk ?? ''}.`}\n\n${sign}`,
    };
  };

  for (const h of Object.values(handlers)) {
    const inner = h.handle.bind(h);
    h.handle = async (rc) => {
      await rollover();
      return inner(rc);
    };
  }

  return {
    handlers,
    renderMail,
    /** Staff actions without HTTP (tests, benchmarks). */
    callNext,
    callOffice,
    setChair,
    setOutcome,
    /** Inserts the seed's queues and offices on the first start; ends earlier days' tickets now and once a minute. */
    async start() {
      await seedQueues(db, seed);
      await rollover();
      const timer = setInterval(() => void rollover().catch((error: unknown) => ctx.log.error('queue_rollover_failed', { error: (error as { code?: string }).code ?? (error as Error).name })), 60_000);
      timer.unref();
      ctx.onClose(() => clearInterval(timer));
    },
  };
}

export type QueuesDomain = ReturnType<typeof createQueues>;
