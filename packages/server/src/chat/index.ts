/**
 * Chat with the service desk on SQL, with the mock's behaviour (packages/mock-api/src/chat; the
 * desk rules themselves are shared through `@civic-elements/mock-api/chat-logic`):
 * availability from the seed's office hours and staff overrides (`chat_desk`), conversations
 * with a bearer token (stored as a SHA-256 hash) and a bot greeting, messages with a `seq`
 * taken from the conversation row inside the storing transaction, deduplicated on the
 * citizen's `clientId` by a UNIQUE constraint, paging (`after`, `before`, latest 50), an event
 * stream (ids = seq, replay after `Last-Event-ID`, ephemeral `typing`) fanned out with NOTIFY,
 * attachments (limits from the seed, content sniffing, the malware-scanning hook), the
 * transcript, end, offline messages (e-mail to the desk and a receipt to the citizen through the
 * notifications outbox) and the staff side (list, read, reply, join, typing, end, desk).
 * Logs carry operation ids and codes only — never message text, e-mail addresses or names.
 */
import { createHash, randomUUID } from 'node:crypto';
import { formatInstant, localise, type LocalizedText } from '@civic-elements/contract/seed';
import type * as api from '@civic-elements/contract';
import { attachmentProblem, botAnswer, botGreeting, chatAvailability, chatTranscript, contentDisposition, type DeskOverrides, type MessageDraft } from '@civic-elements/mock-api/chat-logic';
import type { Handlers, RequestContext, ServerContext } from '../app.js';
import type { Queryable } from '../db.js';
import { resumeId, type EventBus, type SseEvent } from '../events.js';
import { bearer, fail, invalid, invalidBody, invalidQuery, json, noContent, problem, sameSecret, token, unauthorized } from '../http.js';
import { fingerprint, idempotent, type Created } from '../idempotency.js';
import type { Mail, PendingNotification } from '../notifier.js';
import { ScanError, scannerFromEnv, type Scanner } from '../scan.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Requests per client address and minute (only when rate limits are on). */
export const CHAT_LIMITS = { reads: 600, start: 20, messages: 120, typing: 120, uploads: 30, offline: 10 };

export type StaffAuthor = { kind: 'agent' | 'bot' | 'system'; name?: string };

export interface ConversationRow {
  id: string;
  token_hash: string;
  status: 'waiting' | 'active' | 'ended';
  locale: string;
  topic: string | null;
  agent_name: string | null;
  created_at: number;
  updated_at: number;
  ended_at: number | null;
  ended_by: 'citizen' | 'agent' | 'system' | null;
  last_seq: number;
  staff_typing: { author: StaffAuthor; active: boolean } | null;
  typing_rev: number;
}

interface EventRow {
  seq: number;
  kind: 'message' | 'agent_joined' | 'conversation_ended';
  data: Record<string, unknown>;
}

const TEXT = {
  closed: { de: 'Der Chat ist gerade nicht besetzt.', en: 'The chat desk is closed.' },
  ended: { de: 'Das Gespräch ist beendet.', en: 'The conversation has ended.' },
  rejected: { de: 'Die Datei wurde von der Virenprüfung abgelehnt.', en: 'The file was rejected by the malware scan.' },
  scanner: { de: 'Die Virenprüfung ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.', en: 'The malware scan is not available right now. Please try again later.' },
} satisfies Record<string, LocalizedText>;

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
/** Request fingerprints as SHA-256 hashes: stored keys and clientIds never keep a copy of texts, names or addresses. */
const sealed = (value: unknown) => createHash('sha256').update(fingerprint(value)).digest('hex');
/** Seqs are PostgreSQL integers: larger bounds in queries (valid up to 2^53 by the schema) are clamped. */
const MAX_SEQ = 2_147_483_647;
const clampSeq = (n: number) => Math.min(n, MAX_SEQ);
/** Room for the multipart framing around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** JSON pointer of the first string in `value` with a NUL character (PostgreSQL text cannot hold one). */
export function nulAt(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : undefined;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = nulAt(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

export function createChat(ctx: ServerContext, bus: EventBus, o: { scanner?: Scanner } = {}) {
  const { db, seed } = ctx;
  const desk = seed.chat;
  const tz = desk.timeZone;
  const now = () => ctx.clock.now();
  const scanner = o.scanner ?? scannerFromEnv(ctx.config.clamav);
  const deskEmail = ctx.config.chatDeskEmail ?? `servicedesk@${seed.town.host.replace(/^civic-api\./, '')}`;
  const channel = (id: string) => `chat:${id}`;
  const at = (ms: number) => formatInstant(ms, tz);
  const keyOf = (rc: RequestContext) => rc.request.headers.get('Idempotency-Key')!;
  const ended = (lang: string) => fail(409, 'conversation_ended', localise(TEXT.ended, lang));
  const endedBody = (lang: string): Created => ({ status: 409, body: problem(409, 'conversation_ended', localise(TEXT.ended, lang)) });

  // ------------------------------------------------------------------ storage

  const overrides = async (q: Queryable): Promise<DeskOverrides> => (await q.query<{ overrides: DeskOverrides }>('SELECT overrides FROM chat_desk WHERE id = 1')).rows[0]?.overrides ?? {};
  const availability = async (q: Queryable, lang: string) => chatAvailability(desk, await overrides(q), now(), lang);

  const load = async (q: Queryable, id: string, lock = false): Promise<ConversationRow | undefined> =>
    UUID.test(id) ? (await q.query<ConversationRow>(`SELECT * FROM chat_conversations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0] : undefined;

  /** Takes the next seq of the conversation (its row is locked until the transaction ends) and stores the event. */
  async function append(tx: Queryable, id: string, kind: EventRow['kind'], build: (seq: number, atMs: number) => Record<string, unknown>, client?: { clientId: string; fingerprint: string }): Promise<Record<string, unknown>> {
    const t = now();
    const seq = Number((await tx.query<{ last_seq: number }>('UPDATE chat_conversations SET last_seq = last_seq + 1, updated_at = $2 WHERE id = $1 RETURNING last_seq', [id, t])).rows[0]!.last_seq);
    const data = build(seq, t);
    await tx.query('INSERT INTO chat_events (conversation_id, seq, kind, data, client_id, fingerprint) VALUES ($1, $2, $3, $4, $5, $6)', [id, seq, kind, JSON.stringify(data), client?.clientId ?? null, client?.fingerprint ?? null]);
    return data;
  }

  const post = (tx: Queryable, id: string, m: MessageDraft, client?: { clientId: string; fingerprint: string }) =>
    append(tx, id, 'message', (seq, t) => ({ id: randomUUID(), seq, ...(client && { clientId: client.clientId }), createdAt: at(t), ...m }), client) as Promise<api.Message>;

  async function queuePositions(q: Queryable): Promise<Map<string, number>> {
    const rows = (await q.query<{ id: string }>("SELECT id FROM chat_conversations WHERE status = 'waiting' ORDER BY created_at, id")).rows;
    return new Map(rows.map((r, i) => [r.id, i + 1]));
  }

  function view(c: ConversationRow, position?: number): api.Conversation {
    return {
      id: c.id,
      status: c.status,
      locale: c.locale,
      ...(c.topic && { topic: c.topic }),
      ...(c.agent_name && { agent: { name: c.agent_name } }),
      ...(c.status === 'waiting' && position && { queuePosition: position }),
      createdAt: at(Number(c.created_at)),
      ...(c.ended_at !== null && { endedAt: at(Number(c.ended_at)) }),
      ...(c.ended_by && { endedBy: c.ended_by }),
      lastSeq: Number(c.last_seq),
    };
  }

  const viewOf = async (q: Queryable, c: ConversationRow) => view(c, c.status === 'waiting' ? (await queuePositions(q)).get(c.id) : undefined);

  async function page(c: ConversationRow, url: URL, allowBefore: boolean): Promise<Response> {
    const num = (name: string) => (url.searchParams.get(name) === null ? undefined : Number(url.searchParams.get(name)));
    const after = num('after');
    const before = allowBefore ? num('before') : undefined;
    if (after !== undefined && before !== undefined) return invalidQuery('before', 'must not be combined with after');
    const n = num('limit') ?? 50;
    let rows: { data: api.Message }[];
    if (after !== undefined) {
      rows = (await db.query<{ data: api.Message }>("SELECT data FROM chat_events WHERE conversation_id = $1 AND kind = 'message' AND seq > $2 ORDER BY seq LIMIT $3", [c.id, clampSeq(after), n + 1])).rows;
      return json({ items: rows.slice(0, n).map((r) => r.data), hasMore: rows.length > n }, { noStore: true });
    }
    rows = (await db.query<{ data: api.Message }>("SELECT data FROM chat_events WHERE conversation_id = $1 AND kind = 'message' AND seq < $2 ORDER BY seq DESC LIMIT $3", [c.id, clampSeq(before ?? MAX_SEQ), n + 1])).rows;
    return json({ items: rows.slice(0, n).reverse().map((r) => r.data), hasMore: rows.length > n }, { noStore: true });
  }

  const eventsAfter = async (q: Queryable, id: string, after: number): Promise<EventRow[]> =>
    (await q.query<EventRow>('SELECT seq, kind, data FROM chat_events WHERE conversation_id = $1 AND seq > $2 ORDER BY seq', [id, clampSeq(after)])).rows.map((r) => ({ ...r, seq: Number(r.seq) }));

  const sse = (e: EventRow): SseEvent => ({ event: e.kind, id: e.seq, data: e.data });

  /** Attachments of this conversation in the order given, or a 404. */
  async function attachmentsOf(q: Queryable, conversationId: string, ids: string[]): Promise<api.Attachment[] | Response> {
    if (ids.length === 0) return [];
    const rows = (await q.query<api.Attachment>('SELECT id, name, type, size FROM chat_attachments WHERE conversation_id = $1 AND id = ANY($2::uuid[])', [conversationId, ids])).rows;
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, type: r.type, size: Number(r.size) }]));
    if (ids.some((id) => !byId.has(id))) return fail(404, 'not_found', 'An attachment id was not uploaded to this conversation.');
    return ids.map((id) => byId.get(id)!);
  }

  /** Announces a change of the conversation to every process's streams. */
  const announce = (id: string, seq: number) => bus.publish(channel(id), seq);

  async function endConversation(id: string, by: 'citizen' | 'agent'): Promise<ConversationRow | undefined> {
    const result = await db.transaction(async (tx) => {
      const c = await load(tx, id, true);
      if (!c) return undefined;
      if (c.status === 'ended') return { c, changed: false };
      const data = await append(tx, id, 'conversation_ended', (seq, t) => ({ seq, endedBy: by, at: at(t) }));
      const t = now();
      const next = (await tx.query<ConversationRow>("UPDATE chat_conversations SET status = 'ended', ended_at = $2, ended_by = $3, staff_typing = NULL WHERE id = $1 RETURNING *", [id, t, by])).rows[0]!;
      return { c: next, changed: true, seq: Number(data.seq) };
    });
    if (!result) return undefined;
    if (result.changed) {
      await announce(id, result.seq!);
    }
    return result.c;
  }

  /** The conversation the bearer token opens (unknown id, malformed id and wrong token all answer 401). */
  const authenticate = async (rc: RequestContext): Promise<ConversationRow | Response> => {
    const t = bearer(rc.request);
    const c = t ? await load(db, rc.params.conversationId ?? '') : undefined;
    return c && t && sameSecret(c.token_hash, hashToken(t)) ? c : unauthorized();
  };

  const staffConversation = async (rc: RequestContext): Promise<ConversationRow | Response> => (await load(db, rc.params.conversationId ?? '')) ?? fail(404, 'not_found', 'No such conversation.');

  // ------------------------------------------------------------------ citizen operations

  const handlers: Handlers = {
    getChatAvailability: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      handle: async ({ lang }) => json(await availability(db, lang), { lang }),
    },

    startConversation: {
      limit: { bucket: 'chat-start', max: CHAT_LIMITS.start },
      async handle(rc) {
        const b = rc.body as { consent: true; locale: string; topic?: string };
        if (b.topic !== undefined && !desk.topics.some((t) => t.id === b.topic)) return invalidBody('/topic', 'is not one of the desk’s topics');
        return idempotent(db, 'startConversation', keyOf(rc), sealed(b), now(), async (tx) => {
          const a = await availability(tx, rc.lang);
          if (!a.online) return { status: 409, body: problem(409, 'closed', localise(TEXT.closed, rc.lang), a.nextOpening ? { nextOpening: a.nextOpening } : {}) };
          const id = randomUUID();
          const accessToken = token('cht_');
          const t = now();
          await tx.query("INSERT INTO chat_conversations (id, token_hash, status, locale, topic, created_at, updated_at) VALUES ($1, $2, 'waiting', $3, $4, $5, $5)", [id, hashToken(accessToken), b.locale, b.topic ?? null, t]);
          await post(tx, id, botGreeting(desk, b.locale));
          const created: api.ConversationCreated = { id, token: accessToken };
          return { status: 201, body: created, headers: { Location: `/v1/chat/conversations/${id}` } };
        });
      },
    },

    getConversation: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      authenticate,
      handle: async ({ auth }) => json(await viewOf(db, auth as ConversationRow), { noStore: true }),
    },

    listMessages: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      authenticate,
      handle: ({ auth, url }) => page(auth as ConversationRow, url, true),
    },

    sendMessage: {
      limit: { bucket: 'chat-messages', max: CHAT_LIMITS.messages },
      authenticate,
      async handle({ auth, body, lang }) {
        const c = auth as ConversationRow;
        const b = body as { clientId: string; text: string; attachmentIds?: string[] };
        const ids = b.attachmentIds ?? [];
        if (!/\S/.test(b.text) && ids.length === 0) return invalidBody('/text', 'must not be empty without attachments');
        if (ids.length > desk.attachments.maxPerMessage) return invalidBody('/attachmentIds', `at most ${desk.attachments.maxPerMessage} attachments`);
        const print = sealed({ text: b.text, attachmentIds: ids });
        const attempt = () =>
          db.transaction(async (tx): Promise<Response | { message: api.Message; lastSeq: number }> => {
            const locked = await load(tx, c.id, true);
            if (!locked) return unauthorized();
            // The same clientId again: the stored message (200) or a mismatch (422).
            const previous = (await tx.query<{ data: api.Message; fingerprint: string }>('SELECT data, fingerprint FROM chat_events WHERE conversation_id = $1 AND client_id = $2', [c.id, b.clientId])).rows[0];
            if (previous) {
              if (previous.fingerprint !== print) return fail(422, 'idempotency_mismatch', 'This clientId was already used for another message.');
              return json(previous.data, { status: 200, noStore: true });
            }
            if (locked.status === 'ended') return ended(lang);
            const attachments = await attachmentsOf(tx, c.id, ids);
            if (attachments instanceof Response) return attachments;
            const message = await post(tx, c.id, { author: { kind: 'citizen' }, text: b.text, attachments, suggestions: [] }, { clientId: b.clientId, fingerprint: print });
            if (ids.length) await tx.query('UPDATE chat_attachments SET sent = true WHERE id = ANY($1::uuid[])', [ids]);
            let lastSeq = message.seq;
            // Until a person joins, the bot answers (its fallback hands off to the desk).
            if (!locked.agent_name && /\S/.test(b.text)) lastSeq = (await post(tx, c.id, botAnswer(desk, b.text, locked.locale))).seq;
            return { message, lastSeq };
          });
        let result: Awaited<ReturnType<typeof attempt>>;
        try {
          result = await attempt();
        } catch (error) {
          // Two processes stored the same clientId at once: the UNIQUE constraint let one win; answer as a repeat.
          if ((error as { code?: string }).code !== '23505') throw error;
          result = await attempt();
        }
        if (result instanceof Response) return result;
        await announce(c.id, result.lastSeq);
        return json(result.message, { status: 201, noStore: true });
      },
    },

    streamChatEvents: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      authenticate,
      async handle({ auth, request, url, lang }) {
        const id = (auth as ConversationRow).id;
        const c = (await load(db, id))!;
        const after = resumeId(request, url);
        const initial = after === undefined ? [] : await eventsAfter(db, id, after);
        let sent = Math.max(after ?? Number(c.last_seq), ...initial.map((e) => e.seq));
        let typingRev = Number(c.typing_rev);
        let closing = initial.some((e) => e.kind === 'conversation_ended');
        const finished = c.status === 'ended' && (after === undefined || closing || after >= Number(c.last_seq));
        const response = bus.stream({
          channel: channel(id),
          initial: initial.map(sse),
          lang,
          ...(!finished && {
            next: async () => {
              if (closing) return 'close';
              const row = await load(db, id);
              if (!row) return 'close';
              const out: SseEvent[] = [];
              if (Number(row.typing_rev) > typingRev) {
                typingRev = Number(row.typing_rev);
                if (row.staff_typing) out.push({ event: 'typing', data: row.staff_typing });
              }
              if (Number(row.last_seq) > sent) {
                for (const e of await eventsAfter(db, id, sent)) {
                  out.push(sse(e));
                  sent = e.seq;
                  if (e.kind === 'conversation_ended') closing = true;
                }
              }
              // After sending `conversation_ended`, one more notice lets the stream close.
              if (closing) void announce(id, 0).catch(() => undefined);
              return out;
            },
          }),
        });
        // What was stored between reading `initial` and subscribing is fetched now (the notice arrives after the subscription).
        if (!finished) void announce(id, 0).catch(() => undefined);
        return response;
      },
    },

    sendTyping: {
      limit: { bucket: 'chat-typing', max: CHAT_LIMITS.typing },
      authenticate,
      async handle({ auth, body, lang }) {
        const c = auth as ConversationRow;
        const active = (body as { active: boolean }).active;
        const r = await db.query("UPDATE chat_conversations SET citizen_typing = $2 WHERE id = $1 AND status <> 'ended'", [c.id, JSON.stringify({ active, at: now() })]);
        return r.rowCount === 0 ? ended(lang) : noContent();
      },
    },

    uploadAttachment: {
      limit: { bucket: 'chat-uploads', max: CHAT_LIMITS.uploads },
      // After the token, and before the body is read into memory: a declared size far beyond the limit is refused at once.
      async authenticate(rc) {
        const c = await authenticate(rc);
        if (c instanceof Response) return c;
        const declared = Number(rc.request.headers.get('Content-Length') ?? '0');
        const maxBytes = desk.attachments.maxBytes;
        if (declared > maxBytes + MULTIPART_OVERHEAD) return fail(413, 'payload_too_large', `Files may have at most ${maxBytes} bytes.`, { maxBytes }, { Connection: 'close' });
        return c;
      },
      async handle(rc) {
        const c = rc.auth as ConversationRow;
        const type = rc.request.headers.get('Content-Type') ?? '';
        if (!/^multipart\/form-data/i.test(type)) return fail(400, 'bad_request', 'The request body must be multipart/form-data.');
        let form: FormData;
        try {
          form = await new Response(new Uint8Array(rc.raw ?? []), { headers: { 'Content-Type': type } }).formData();
        } catch {
          return fail(400, 'bad_request', 'The multipart body could not be read.');
        }
        const parts: string[] = [];
        form.forEach((_, k) => parts.push(k));
        const file = form.get('file');
        if (!(file instanceof Blob) || parts.some((k) => k !== 'file') || form.getAll('file').length !== 1) {
          return invalid([{ in: 'body', pointer: '/file', detail: 'exactly one part `file` with a file is required' }]);
        }
        const name = ((file as File).name.replace(/\0/g, '') || 'attachment').slice(0, 255);
        const declared = (file.type || 'application/octet-stream').toLowerCase().split(';')[0]!.trim();
        const bytes = new Uint8Array(await file.arrayBuffer());
        const digest = createHash('sha256').update(bytes).digest('hex');
        const scope = `uploadAttachment:${c.id}`;
        const key = keyOf(rc);
        const limits = desk.attachments;
        // Scan before the transaction (clamd may take seconds), unless this is a replay of a stored answer.
        let infected = false;
        const replay = (await db.query('SELECT 1 FROM idempotency WHERE scope = $1 AND key = $2 AND status IS NOT NULL', [scope, key])).rowCount > 0;
        if (!replay && c.status !== 'ended' && !attachmentProblem(limits, declared, bytes)) {
          try {
            infected = !(await scanner.scan(bytes)).clean;
          } catch (error) {
            ctx.log.error('attachment_scan_failed', { scanner: scanner.kind, error: error instanceof ScanError ? error.code : 'scanner_error' });
            return fail(503, 'unavailable', localise(TEXT.scanner, rc.lang), { retryAfter: 30 }, { 'Retry-After': '30' });
          }
          if (infected) ctx.log.info('attachment_rejected', { scanner: scanner.kind });
        }
        return idempotent(db, scope, key, sealed({ name, declared, size: bytes.length, digest }), now(), async (tx) => {
          const locked = await load(tx, c.id, true);
          if (!locked || locked.status === 'ended') return endedBody(rc.lang);
          const bad = attachmentProblem(limits, declared, bytes);
          if (bad) return { status: bad.status, body: problem(bad.status, bad.code, bad.detail, bad.extensions) };
          if (infected) return { status: 422, body: problem(422, 'attachment_rejected', localise(TEXT.rejected, rc.lang)) };
          const a: api.Attachment = { id: randomUUID(), name, type: declared, size: bytes.length };
          await tx.query('INSERT INTO chat_attachments (id, conversation_id, name, type, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [a.id, c.id, a.name, a.type, a.size, Buffer.from(bytes), now()]);
          await tx.query('UPDATE chat_conversations SET updated_at = $2 WHERE id = $1', [c.id, now()]);
          return { status: 201, body: a };
        });
      },
    },

    downloadAttachment: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      authenticate,
      async handle({ auth, params }) {
        const c = auth as ConversationRow;
        const id = params.attachmentId ?? '';
        const a = UUID.test(id) ? (await db.query<{ name: string; type: string; bytes: Uint8Array }>('SELECT name, type, bytes FROM chat_attachments WHERE id = $1 AND conversation_id = $2', [id, c.id])).rows[0] : undefined;
        if (!a) return fail(404, 'not_found', 'No such attachment in this conversation.');
        return new Response(new Uint8Array(a.bytes), {
          status: 200,
          headers: { 'Content-Type': a.type, 'Content-Disposition': contentDisposition(a.name), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
        });
      },
    },

    getTranscript: {
      limit: { bucket: 'chat-reads', max: CHAT_LIMITS.reads },
      authenticate,
      async handle({ auth, lang }) {
        const c = auth as ConversationRow;
        const messages = (await db.query<{ data: api.Message }>("SELECT data FROM chat_events WHERE conversation_id = $1 AND kind = 'message' ORDER BY seq", [c.id])).rows.map((r) => r.data);
        const t = chatTranscript({ townName: seed.town.name, desk, createdAt: Number(c.created_at), ...(c.topic && { topic: c.topic }), messages, lang });
        return new Response(t.text, {
          status: 200,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${t.filename}"`, 'Content-Language': lang, 'Cache-Control': 'no-store' },
        });
      },
    },

    endConversation: {
      limit: { bucket: 'chat-messages', max: CHAT_LIMITS.messages },
      authenticate,
      async handle({ auth }) {
        const c = await endConversation((auth as ConversationRow).id, 'citizen');
        return c ? json(view(c), { noStore: true }) : unauthorized();
      },
    },

    sendOfflineMessage: {
      limit: { bucket: 'chat-offline', max: CHAT_LIMITS.offline },
      async handle(rc) {
        const b = rc.body as { email: string; name?: string; text: string; locale?: string; topic?: string; consent: true };
        if (b.topic !== undefined && !desk.topics.some((t) => t.id === b.topic)) return invalidBody('/topic', 'is not one of the desk’s topics');
        return idempotent(db, 'sendOfflineMessage', keyOf(rc), sealed(b), now(), async (tx) => {
          const id = randomUUID();
          const t = now();
          const locale = b.locale ?? rc.lang;
          await tx.query('INSERT INTO chat_offline_messages (id, email, name, text, locale, topic, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [id, b.email, b.name ?? null, b.text, locale, b.topic ?? null, t]);
          // Transactional outbox: the desk gets the message, the citizen a receipt (rendered from the row, so retention removes both).
          await tx.query('INSERT INTO notifications (kind, recipient, locale, data, created_at) VALUES ($1, $2, $3, $4, $5), ($6, $7, $8, $4, $5)', ['chat_offline_desk', deskEmail, 'de', JSON.stringify({ offlineMessageId: id }), t, 'chat_offline_receipt', b.email, locale]);
          const receipt: api.OfflineMessageReceipt = { id, receivedAt: at(t) };
          return { status: 201, body: receipt };
        });
      },
    },

    // ---------------------------------------------------------------- staff operations

    listConversations: {
      async handle({ url }) {
        const status = url.searchParams.get('status');
        const rows = (await db.query<ConversationRow>(status === null ? "SELECT * FROM chat_conversations WHERE status <> 'ended' ORDER BY created_at, id" : 'SELECT * FROM chat_conversations WHERE status = $1 ORDER BY created_at, id', status === null ? [] : [status])).rows;
        const positions = await queuePositions(db);
        return json({ items: rows.map((c) => view(c, positions.get(c.id))) });
      },
    },

    listConversationMessagesAsStaff: {
      async handle(rc) {
        const c = await staffConversation(rc);
        return c instanceof Response ? c : page(c, rc.url, false);
      },
    },

    replyInChat: {
      async handle(rc) {
        const c = await staffConversation(rc);
        if (c instanceof Response) return c;
        const b = rc.body as { author: StaffAuthor; text: string; suggestions?: { text: string }[]; attachmentIds?: string[] };
        const ids = b.attachmentIds ?? [];
        const found = await attachmentsOf(db, c.id, ids);
        if (found instanceof Response) return found;
        let lastSeq = 0;
        const answer = await idempotent(db, `replyInChat:${c.id}`, keyOf(rc), sealed(b), now(), async (tx) => {
          const locked = await load(tx, c.id, true);
          if (!locked || locked.status === 'ended') return endedBody(rc.lang);
          const attachments = await attachmentsOf(tx, c.id, ids);
          if (attachments instanceof Response) return { status: 404, body: problem(404, 'not_found', 'An attachment id is not part of this conversation.') };
          const m = await post(tx, c.id, {
            author: { kind: b.author.kind, ...(b.author.name !== undefined && { name: b.author.name }) },
            text: b.text,
            attachments,
            suggestions: (b.suggestions ?? []).map((s) => ({ text: s.text })),
          });
          if (ids.length) await tx.query('UPDATE chat_attachments SET sent = true WHERE id = ANY($1::uuid[])', [ids]);
          // The author stopped typing: the message replaces the indicator.
          await tx.query('UPDATE chat_conversations SET staff_typing = NULL WHERE id = $1', [c.id]);
          lastSeq = m.seq;
          return { status: 201, body: m };
        });
        if (lastSeq) await announce(c.id, lastSeq);
        return answer;
      },
    },

    joinConversation: {
      async handle(rc) {
        const name = (rc.body as { agent: { name: string } }).agent.name;
        const result = await db.transaction(async (tx) => {
          const c = await load(tx, rc.params.conversationId ?? '', true);
          if (!c) return fail(404, 'not_found', 'No such conversation.');
          if (c.status === 'ended') return ended(rc.lang);
          if (c.status === 'active' && c.agent_name === name) return { c, seq: 0 };
          const data = await append(tx, c.id, 'agent_joined', (seq, t) => ({ seq, agent: { name }, at: at(t) }));
          const next = (await tx.query<ConversationRow>("UPDATE chat_conversations SET status = 'active', agent_name = $2 WHERE id = $1 RETURNING *", [c.id, name])).rows[0]!;
          return { c: next, seq: Number(data.seq) };
        });
        if (result instanceof Response) return result;
        if (result.seq) await announce(result.c.id, result.seq);
        return json(view(result.c));
      },
    },

    staffTyping: {
      async handle(rc) {
        const b = rc.body as { author: StaffAuthor; active: boolean };
        const c = await staffConversation(rc);
        if (c instanceof Response) return c;
        const typing = { author: { kind: b.author.kind, ...(b.author.name !== undefined && { name: b.author.name }) }, active: b.active };
        const r = await db.query<{ typing_rev: number }>("UPDATE chat_conversations SET staff_typing = $2, typing_rev = typing_rev + 1 WHERE id = $1 AND status <> 'ended' RETURNING typing_rev", [c.id, JSON.stringify(typing)]);
        if (r.rowCount === 0) return ended(rc.lang);
        await announce(c.id, 0);
        return noContent();
      },
    },

    endConversationAsStaff: {
      async handle(rc) {
        const c = await endConversation(rc.params.conversationId ?? '', 'agent');
        return c ? json(view(c)) : fail(404, 'not_found', 'No such conversation.');
      },
    },

    updateChatDesk: {
      async handle({ body, lang }) {
        const b = body as DeskOverrides;
        if (Object.keys(b).length === 0) return invalid([{ in: 'body', pointer: '', detail: 'At least one change is required.' }]);
        await db.query('INSERT INTO chat_desk (id, overrides) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET overrides = chat_desk.overrides || $1::jsonb', [JSON.stringify(b)]);
        return json(await availability(db, lang), { lang });
      },
    },
  };

  // Text with NUL characters cannot be stored (PostgreSQL text): a 400 for every chat body.
  for (const h of Object.values(handlers)) {
    const handle = h.handle.bind(h);
    h.handle = (rc) => {
      const at = nulAt(rc.body);
      return at === undefined ? handle(rc) : invalidBody(at, 'must not contain NUL characters');
    };
  }

  /** E-mails of offline messages: the message to the desk, the receipt to the citizen (undefined once purged). */
  async function renderMail(q: Queryable, n: PendingNotification): Promise<Mail | undefined> {
    const id = String(n.data.offlineMessageId ?? '');
    if (!UUID.test(id)) return undefined;
    const m = (await q.query<{ email: string; name: string | null; text: string; locale: string; topic: string | null; received_at: number }>('SELECT email, name, text, locale, topic, received_at FROM chat_offline_messages WHERE id = $1', [id])).rows[0];
    if (!m) return undefined;
    const de = !n.locale.startsWith('en');
    const lang = de ? 'de' : 'en';
    const when = new Intl.DateTimeFormat(de ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: tz }).format(Number(m.received_at));
    const topic = m.topic ? desk.topics.find((t) => t.id === m.topic) : undefined;
    const topicLine = topic ? `${de ? 'Thema' : 'Topic'}: ${localise(topic.label, lang)}\n` : '';
    if (n.kind === 'chat_offline_desk') {
      return {
        to: n.recipient!,
        locale: lang,
        subject: de ? 'Nachricht über den Chat (außerhalb der Servicezeiten)' : 'Message left in the chat (outside office hours)',
        text: `${de ? 'Eingegangen' : 'Received'}: ${when}\n${de ? 'Von' : 'From'}: ${m.name ? `${m.name} ` : ''}<${m.email}>\n${de ? 'Sprache' : 'Language'}: ${m.locale}\n${topicLine}\n${m.text}\n\n${de ? 'Bitte antworten Sie per E-Mail an die angegebene Adresse.' : 'Please answer by e-mail to the address given.'}`,
      };
    }
    if (n.kind === 'chat_offline_receipt') {
      const name = localise(desk.name, lang);
      return {
        to: n.recipient!,
        locale: lang,
        subject: de ? `Ihre Nachricht an den ${name}` : `Your message to the ${name}`,
        text: de
          ? `Guten Tag${m.name ? ` ${m.name}` : ''},\n\nwir haben Ihre Nachricht am ${when} erhalten und antworten Ihnen per E-Mail.\n\n${topicLine}Ihre Nachricht:\n${m.text}\n\nIhre Stadtverwaltung`
          : `Hello${m.name ? ` ${m.name}` : ''},\n\nwe received your message on ${when} and will answer by e-mail.\n\n${topicLine}Your message:\n${m.text}\n\nYour town administration`,
      };
    }
    return undefined;
  }

  return { handlers, renderMail, scanner };
}

export type ChatDomain = ReturnType<typeof createChat>;

/** Notification kinds this domain renders. */
export const isChatNotification = (kind: string): boolean => kind.startsWith('chat_');
