/**
 * Chat with the service desk: availability from the seed's office hours and the clock, consented
 * conversations with a bot greeting, messages with a server `seq` (idempotent on `clientId`),
 * paging, an event stream replayed after `Last-Event-ID`, typing, attachments, transcript, end and
 * offline messages; and the staff side (join, reply as agent/bot/system, typing, end, desk).
 */
import { formatInstant } from '@civic-elements/contract/seed';
import type * as api from '@civic-elements/contract';
import type { MockContext } from '../context.js';
import { fingerprint } from '../support/idempotency.js';
import { problem } from '../support/problem.js';
import { attachmentProblem, botAnswer as botDraft, botGreeting, chatAvailability, chatTranscript, contentDisposition, type DeskOverrides } from './logic.js';
import {
  Channel,
  ID,
  Routes,
  UUID,
  bearer,
  badRequest,
  check,
  eventStream,
  fail,
  idempotencyKey,
  idempotent,
  intQuery,
  invalid,
  invalidQuery,
  json,
  noContent,
  readJson,
  resumeId,
  staffDenied,
  token,
  unauthorized,
  uuid,
  v,
  type DomainKit,
} from '../http-kit.js';

export type AuthorKind = api.AuthorKind;
export type Attachment = api.Attachment;
export type Message = api.Message;

export interface StoredAttachment extends Attachment {
  bytes: Uint8Array;
}

export interface ConversationRecord {
  id: string;
  token: string;
  status: 'waiting' | 'active' | 'ended';
  locale: string;
  topic?: string;
  agent?: { name: string };
  createdAt: number;
  endedAt?: number;
  endedBy?: 'citizen' | 'agent' | 'system';
  /** The last `seq` used (messages, agent_joined, conversation_ended). */
  lastSeq: number;
  messages: Message[];
  byClientId: Map<string, { message: Message; fingerprint: string }>;
  attachments: Map<string, StoredAttachment>;
  /** What the citizen's typing indicator last said (agents see it). */
  citizenTyping?: { active: boolean; at: number };
  channel: Channel;
}

export interface OfflineMessage {
  id: string;
  email: string;
  name?: string;
  text: string;
  locale?: string;
  topic?: string;
  receivedAt: string;
}

export type { DeskOverrides } from './logic.js';
export { sniff } from './logic.js';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const CLIENT_ID = /^[A-Za-z0-9._~-]{8,64}$/;
/** The EICAR anti-virus test string: the mock's "malware scan" rejects files containing it. */
const EICAR = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

const staffAuthor = v.object({ kind: v.string({ enum: ['agent', 'bot', 'system'] }), name: v.string({ max: 100 }) }, ['kind']);
const suggestionList = v.array(v.object({ text: v.string({ min: 1, max: 100 }) }, ['text']), { max: 10 });
const attachmentIdList = v.array(v.string({ pattern: UUID }), { max: 5, unique: true });

export function createChat(ctx: MockContext, kit: DomainKit) {
  const now = () => ctx.clock.now();
  const desk = ctx.seed.chat;
  const tz = desk.timeZone;
  const conversations = new Map<string, ConversationRecord>();
  const offline: OfflineMessage[] = [];
  const overrides: DeskOverrides = {};

  // ------------------------------------------------------------------ availability

  function availability(lang: string): api.ChatAvailability {
    return chatAvailability(desk, overrides, now(), lang);
  }

  // ------------------------------------------------------------------ conversations

  const waitingOrder = () => [...conversations.values()].filter((c) => c.status === 'waiting').sort((a, b) => a.createdAt - b.createdAt);

  function conversationView(c: ConversationRecord): api.Conversation {
    const position = c.status === 'waiting' ? waitingOrder().indexOf(c) + 1 : 0;
    return {
      id: c.id,
      status: c.status,
      locale: c.locale,
      ...(c.topic && { topic: c.topic }),
      ...(c.agent && { agent: { name: c.agent.name } }),
      ...(position > 0 && { queuePosition: position }),
      createdAt: formatInstant(c.createdAt, tz),
      ...(c.endedAt !== undefined && { endedAt: formatInstant(c.endedAt, tz) }),
      ...(c.endedBy && { endedBy: c.endedBy }),
      lastSeq: c.lastSeq,
    };
  }

  function post(c: ConversationRecord, m: Omit<Message, 'id' | 'seq' | 'createdAt'>): Message {
    const message: Message = { id: uuid(), seq: ++c.lastSeq, createdAt: formatInstant(now(), tz), ...m };
    c.messages.push(message);
    c.channel.publish({ event: 'message', id: message.seq, data: message });
    return message;
  }

  function botAnswer(c: ConversationRecord, text: string): void {
    post(c, botDraft(desk, text, c.locale));
  }

  function end(c: ConversationRecord, by: 'citizen' | 'agent' | 'system'): void {
    if (c.status === 'ended') return;
    const at = now();
    c.status = 'ended';
    c.endedAt = at;
    c.endedBy = by;
    const seq = ++c.lastSeq;
    c.channel.publish({ event: 'conversation_ended', id: seq, data: { seq, endedBy: by, at: formatInstant(at, tz) } });
    c.channel.endAll();
  }

  function join(c: ConversationRecord, name: string): void {
    if (c.status === 'active' && c.agent?.name === name) return;
    c.status = 'active';
    c.agent = { name };
    const seq = ++c.lastSeq;
    c.channel.publish({ event: 'agent_joined', id: seq, data: { seq, agent: { name }, at: formatInstant(now(), tz) } });
  }

  function typing(c: ConversationRecord, author: { kind: AuthorKind; name?: string }, active: boolean): void {
    c.channel.publish({ event: 'typing', data: { author, active } });
  }

  /** The conversation the bearer token opens, or undefined. */
  const authorised = (request: Request, id: string): ConversationRecord | undefined => {
    const c = conversations.get(id);
    const t = bearer(request);
    return c && t && c.token === t ? c : undefined;
  };

  function page(c: ConversationRecord, url: URL, allowBefore: boolean): Response | { items: Message[]; hasMore: boolean } {
    const after = intQuery(url, 'after', 0, Number.MAX_SAFE_INTEGER);
    if (after instanceof Response) return after;
    const before = allowBefore ? intQuery(url, 'before', 1, Number.MAX_SAFE_INTEGER) : undefined;
    if (before instanceof Response) return before;
    const limit = intQuery(url, 'limit', 1, 100);
    if (limit instanceof Response) return limit;
    if (after !== undefined && before !== undefined) return invalidQuery('before', 'must not be combined with after');
    const n = limit ?? 50;
    const all = c.messages;
    if (after !== undefined) {
      const rest = all.filter((m) => m.seq > after);
      return { items: rest.slice(0, n), hasMore: rest.length > n };
    }
    const upTo = before !== undefined ? all.filter((m) => m.seq < before) : all;
    return { items: upTo.slice(Math.max(0, upTo.length - n)), hasMore: upTo.length > n };
  }

  function startConversation(body: { consent: true; locale: string; topic?: string }) {
    const at = now();
    const c: ConversationRecord = {
      id: uuid(),
      token: token('cht_'),
      status: 'waiting',
      locale: body.locale,
      ...(body.topic && { topic: body.topic }),
      createdAt: at,
      lastSeq: 0,
      messages: [],
      byClientId: new Map(),
      attachments: new Map(),
      channel: new Channel(10_000),
    };
    conversations.set(c.id, c);
    post(c, botGreeting(desk, c.locale));
    return c;
  }

  // ------------------------------------------------------------------ citizen operations

  const citizen = new Routes(ctx.base, 'citizen');

  citizen.add('GET', '/v1/chat/availability', 'getChatAvailability', ({ request }) => {
    const lang = ctx.lang(request);
    return json(availability(lang), { lang });
  });

  citizen.add('POST', '/v1/chat/conversations', 'startConversation', async ({ request }) => {
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ consent: v.boolean(true), locale: v.string({ min: 2, max: 35, pattern: LOCALE }), topic: v.string({ pattern: ID }) }, ['consent', 'locale']));
    if (bad) return bad;
    if (body.topic !== undefined && !desk.topics.some((t) => t.id === body.topic)) return invalid([{ pointer: '/topic', detail: 'is not one of the desk’s topics' }]);
    return idempotent(ctx.idempotency, 'startConversation', key, fingerprint(body), () => {
      const a = availability(ctx.lang(request));
      if (!a.online) {
        return { status: 409, body: problem(409, 'closed', 'The chat desk is closed.', a.nextOpening ? { nextOpening: a.nextOpening } : {}) };
      }
      const c = startConversation(body as { consent: true; locale: string; topic?: string });
      return { status: 201, body: { id: c.id, token: c.token }, headers: { Location: `/v1/chat/conversations/${c.id}` } };
    });
  });

  citizen.add('GET', '/v1/chat/conversations/{conversationId}', 'getConversation', ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    return c ? json(conversationView(c), { noStore: true }) : unauthorized();
  });

  citizen.add('GET', '/v1/chat/conversations/{conversationId}/messages', 'listMessages', ({ request, params, url }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const result = page(c, url, true);
    return result instanceof Response ? result : json(result, { noStore: true });
  });

  citizen.add('POST', '/v1/chat/conversations/{conversationId}/messages', 'sendMessage', async ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ clientId: v.string({ pattern: CLIENT_ID }), text: v.string({ max: 4000 }), attachmentIds: attachmentIdList }, ['clientId', 'text']));
    if (bad) return bad;
    const b = body as { clientId: string; text: string; attachmentIds?: string[] };
    const ids = b.attachmentIds ?? [];
    if (!/\S/.test(b.text) && ids.length === 0) return invalid([{ pointer: '/text', detail: 'must not be empty without attachments' }]);
    if (ids.length > desk.attachments.maxPerMessage) return invalid([{ pointer: '/attachmentIds', detail: `at most ${desk.attachments.maxPerMessage} attachments` }]);
    const attachments: Attachment[] = [];
    for (const id of ids) {
      const a = c.attachments.get(id);
      if (!a) return fail(404, 'not_found', 'An attachment id was not uploaded to this conversation.');
      attachments.push({ id: a.id, name: a.name, type: a.type, size: a.size });
    }
    // Idempotent on clientId: no await between this check and storing the message.
    const print = fingerprint({ text: b.text, attachmentIds: ids });
    const previous = c.byClientId.get(b.clientId);
    if (previous) {
      if (previous.fingerprint !== print) return fail(422, 'idempotency_mismatch', 'This clientId was already used for another message.');
      return json(previous.message, { status: 200, noStore: true });
    }
    if (c.status === 'ended') return fail(409, 'conversation_ended', 'The conversation has ended.');
    const message = post(c, { clientId: b.clientId, author: { kind: 'citizen' }, text: b.text, attachments, suggestions: [] });
    c.byClientId.set(b.clientId, { message, fingerprint: print });
    if (!c.agent && /\S/.test(b.text)) botAnswer(c, b.text);
    return json(message, { status: 201, noStore: true });
  });

  citizen.add('GET', '/v1/chat/conversations/{conversationId}/events', 'streamChatEvents', ({ request, params, url }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const after = resumeId(request, url);
    if (after instanceof Response) return after;
    const initial = after === undefined ? [] : c.channel.since(after);
    return eventStream({
      registry: kit.streams,
      request,
      operationId: 'streamChatEvents',
      initial,
      channel: c.status === 'ended' ? undefined : c.channel,
      closeAfter: (e) => e.event === 'conversation_ended',
      pingMs: kit.pingMs,
      interval: kit.interval,
    });
  });

  citizen.add('POST', '/v1/chat/conversations/{conversationId}/typing', 'sendTyping', async ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ active: v.boolean() }, ['active']));
    if (bad) return bad;
    if (c.status === 'ended') return fail(409, 'conversation_ended', 'The conversation has ended.');
    c.citizenTyping = { active: body.active as boolean, at: now() };
    return noContent();
  });

  citizen.add('POST', '/v1/chat/conversations/{conversationId}/attachments', 'uploadAttachment', async ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    if (!/^multipart\/form-data/i.test(request.headers.get('Content-Type') ?? '')) return badRequest('The request body must be multipart/form-data.');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return badRequest('The multipart body could not be read.');
    }
    const parts: string[] = [];
    form.forEach((_, k) => parts.push(k));
    const file = form.get('file');
    if (!(file instanceof Blob) || parts.some((k) => k !== 'file') || form.getAll('file').length !== 1) {
      return invalid([{ pointer: '/file', detail: 'exactly one part `file` with a file is required' }]);
    }
    const name = (file as File).name || 'attachment';
    const declared = (file.type || 'application/octet-stream').toLowerCase().split(';')[0]!.trim();
    const bytes = new Uint8Array(await file.arrayBuffer());
    let hash = 2166136261;
    for (const b of bytes) hash = Math.imul(hash ^ b, 16777619) >>> 0;
    const print = fingerprint({ name, declared, size: bytes.length, hash });
    return idempotent(ctx.idempotency, `uploadAttachment:${c.token}`, key, print, () => {
      const limits = desk.attachments;
      if (c.status === 'ended') return { status: 409, body: problem(409, 'conversation_ended', 'The conversation has ended.') };
      const bad = attachmentProblem(limits, declared, bytes);
      if (bad) return { status: bad.status, body: problem(bad.status, bad.code, bad.detail, bad.extensions) };
      if (new TextDecoder('latin1').decode(bytes).includes(EICAR)) {
        return { status: 422, body: problem(422, 'attachment_rejected', 'The file was rejected by the malware scan.') };
      }
      const a: StoredAttachment = { id: uuid(), name: name.slice(0, 255), type: declared, size: bytes.length, bytes };
      c.attachments.set(a.id, a);
      return { status: 201, body: { id: a.id, name: a.name, type: a.type, size: a.size } };
    });
  });

  citizen.add('GET', '/v1/chat/conversations/{conversationId}/attachments/{attachmentId}', 'downloadAttachment', ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const a = c.attachments.get(params.attachmentId ?? '');
    if (!a) return fail(404, 'not_found', 'No such attachment in this conversation.');
    return new Response(a.bytes.slice(), {
      status: 200,
      headers: {
        'Content-Type': a.type,
        'Content-Disposition': contentDisposition(a.name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  });

  citizen.add('GET', '/v1/chat/conversations/{conversationId}/transcript', 'getTranscript', ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    const lang = ctx.lang(request);
    const t = chatTranscript({ townName: ctx.seed.town.name, desk, createdAt: c.createdAt, ...(c.topic && { topic: c.topic }), messages: c.messages, lang });
    return new Response(t.text, {
      status: 200,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${t.filename}"`,
        'Content-Language': lang,
        'Cache-Control': 'no-store',
      },
    });
  });

  citizen.add('POST', '/v1/chat/conversations/{conversationId}/end', 'endConversation', ({ request, params }) => {
    const c = authorised(request, params.conversationId ?? '');
    if (!c) return unauthorized();
    end(c, 'citizen');
    return json(conversationView(c), { noStore: true });
  });

  citizen.add('POST', '/v1/chat/offline-messages', 'sendOfflineMessage', async ({ request }) => {
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(
      body,
      v.object(
        {
          email: v.email(),
          name: v.string({ min: 1, max: 200, pattern: /\S/ }),
          text: v.string({ min: 1, max: 4000, pattern: /\S/ }),
          locale: v.string({ min: 2, max: 35, pattern: LOCALE }),
          topic: v.string({ pattern: ID }),
          consent: v.boolean(true),
        },
        ['email', 'text', 'consent'],
      ),
    );
    if (bad) return bad;
    if (body.topic !== undefined && !desk.topics.some((t) => t.id === body.topic)) return invalid([{ pointer: '/topic', detail: 'is not one of the desk’s topics' }]);
    return idempotent(ctx.idempotency, 'sendOfflineMessage', key, fingerprint(body), () => {
      const b = body as Omit<OfflineMessage, 'id' | 'receivedAt'>;
      const m: OfflineMessage = { id: uuid(), email: b.email, ...(b.name && { name: b.name }), text: b.text, ...(b.locale && { locale: b.locale }), ...(b.topic && { topic: b.topic }), receivedAt: formatInstant(now(), tz) };
      offline.push(m);
      return { status: 201, body: { id: m.id, receivedAt: m.receivedAt } };
    });
  });

  // ------------------------------------------------------------------ staff operations

  const staff = new Routes(ctx.base, 'staff');
  const staffConversation = (request: Request, id: string): ConversationRecord | Response => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    return conversations.get(id) ?? fail(404, 'not_found', 'No such conversation.');
  };

  staff.add('GET', '/staff/v1/chat/conversations', 'listConversations', ({ request, url }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const status = url.searchParams.get('status');
    if (status !== null && !['waiting', 'active', 'ended'].includes(status)) return invalidQuery('status', 'must be waiting, active or ended');
    const items = [...conversations.values()]
      .filter((c) => (status === null ? c.status !== 'ended' : c.status === status))
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(conversationView);
    return json({ items });
  });

  staff.add('GET', '/staff/v1/chat/conversations/{conversationId}/messages', 'listConversationMessagesAsStaff', ({ request, params, url }) => {
    const c = staffConversation(request, params.conversationId ?? '');
    if (c instanceof Response) return c;
    const result = page(c, url, false);
    return result instanceof Response ? result : json(result);
  });

  staff.add('POST', '/staff/v1/chat/conversations/{conversationId}/messages', 'replyInChat', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const key = idempotencyKey(request);
    if (key instanceof Response) return key;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ author: staffAuthor, text: v.string({ min: 1, max: 4000 }), suggestions: suggestionList, attachmentIds: attachmentIdList }, ['author', 'text']));
    if (bad) return bad;
    const c = conversations.get(params.conversationId ?? '');
    if (!c) return fail(404, 'not_found', 'No such conversation.');
    const b = body as { author: { kind: 'agent' | 'bot' | 'system'; name?: string }; text: string; suggestions?: { text: string }[]; attachmentIds?: string[] };
    const attachments: Attachment[] = [];
    for (const id of b.attachmentIds ?? []) {
      const a = c.attachments.get(id);
      if (!a) return fail(404, 'not_found', 'An attachment id is not part of this conversation.');
      attachments.push({ id: a.id, name: a.name, type: a.type, size: a.size });
    }
    return idempotent(ctx.idempotency, `replyInChat:${c.id}`, key, fingerprint(body), () => {
      if (c.status === 'ended') return { status: 409, body: problem(409, 'conversation_ended', 'The conversation has ended.') };
      const m = post(c, {
        author: { kind: b.author.kind, ...(b.author.name !== undefined && { name: b.author.name }) },
        text: b.text,
        attachments,
        suggestions: (b.suggestions ?? []).map((s) => ({ text: s.text })),
      });
      return { status: 201, body: m };
    });
  });

  staff.add('POST', '/staff/v1/chat/conversations/{conversationId}/join', 'joinConversation', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ agent: v.object({ name: v.string({ min: 1, max: 100 }) }, ['name']) }, ['agent']));
    if (bad) return bad;
    const c = conversations.get(params.conversationId ?? '');
    if (!c) return fail(404, 'not_found', 'No such conversation.');
    if (c.status === 'ended') return fail(409, 'conversation_ended', 'The conversation has ended.');
    join(c, (body.agent as { name: string }).name);
    return json(conversationView(c));
  });

  staff.add('POST', '/staff/v1/chat/conversations/{conversationId}/typing', 'staffTyping', async ({ request, params }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(body, v.object({ author: staffAuthor, active: v.boolean() }, ['author', 'active']));
    if (bad) return bad;
    const c = conversations.get(params.conversationId ?? '');
    if (!c) return fail(404, 'not_found', 'No such conversation.');
    if (c.status === 'ended') return fail(409, 'conversation_ended', 'The conversation has ended.');
    const author = body.author as { kind: AuthorKind; name?: string };
    typing(c, { kind: author.kind, ...(author.name !== undefined && { name: author.name }) }, body.active as boolean);
    return noContent();
  });

  staff.add('POST', '/staff/v1/chat/conversations/{conversationId}/end', 'endConversationAsStaff', ({ request, params }) => {
    const c = staffConversation(request, params.conversationId ?? '');
    if (c instanceof Response) return c;
    end(c, 'agent');
    return json(conversationView(c));
  });

  staff.add('PATCH', '/staff/v1/chat/desk', 'updateChatDesk', async ({ request }) => {
    const denied = staffDenied(request, ctx.staffKey);
    if (denied) return denied;
    const body = await readJson(request);
    if (body instanceof Response) return body;
    const bad = check(
      body,
      v.object({
        online: v.boolean(),
        agentsOnline: v.integer({ min: 0 }),
        expectedReplySeconds: v.nullable(v.integer({ min: 0 })),
        welcomeText: v.nullable(v.string({ min: 1, max: 1000 })),
      }),
    );
    if (bad) return bad;
    if (Object.keys(body).length === 0) return invalid('At least one change is required.');
    Object.assign(overrides, body);
    const lang = ctx.lang(request);
    return json(availability(lang), { lang });
  });

  return {
    // Staff first: `*/v1/…` would also match `/staff/v1/…` paths.
    handlers: [...staff.handlers, ...citizen.handlers],
    operations: [...staff.operations, ...citizen.operations],
    state: {
      conversations,
      offline,
      desk: overrides,
      availability,
      /** Staff actions without HTTP (simulator-free tests and stories). */
      join,
      end,
      typing,
      post,
    },
  };
}

export type ChatDomain = ReturnType<typeof createChat>;
