/**
 * The chat domain of the reference server: desk hours and staff overrides, conversations with
 * the bot (suggestions, hand-off), seq and clientId deduplication (also by the UNIQUE constraint
 * alone), paging, the event stream (ids, Last-Event-ID, typing, end), attachments with limits and
 * the ClamAV hook (a fake clamd), transcript, end, offline messages as e-mails, retention, the
 * staff side, no personal data in logs; on PGlite, and on two processes sharing PostgreSQL.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { request } from 'node:http';
import { join } from 'node:path';
import { png, pdf } from '../../contract/conformance/files.js';
import { readMail } from '../src/notifier.js';
import { ConfigError, configFromEnv } from '@civic-elements/server';
import { api, openStream, pgliteServer, postgresServer, startPostgres, type Postgres, type TestServer } from './helpers.js';

const STAFF = { 'X-Staff-Key': 'musterstadt-staff-demo-key' };
/** Tuesday 1 December 2026, 10:00 in Musterstadt (desk open 08:00–18:00) and the Sunday after (closed). */
const TUESDAY = Date.parse('2026-12-01T10:00:00+01:00');
const SUNDAY = Date.parse('2026-12-06T12:00:00+01:00');
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

let clientIds = 0;
const clientId = () => `client-${process.pid}-${++clientIds}-${Math.random().toString(36).slice(2, 10)}`;

async function start(base: string, body: Record<string, unknown> = { consent: true, locale: 'de' }) {
  const r = await api(base, 'POST', '/v1/chat/conversations', { body });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; token: string };
}

const send = (base: string, c: { id: string; token: string }, text: string, o: { clientId?: string; attachmentIds?: string[] } = {}) =>
  api(base, 'POST', `/v1/chat/conversations/${c.id}/messages`, { token: c.token, key: false, body: { clientId: o.clientId ?? clientId(), text, ...(o.attachmentIds && { attachmentIds: o.attachmentIds }) } });

const staff = (base: string, method: string, path: string, body?: unknown, key = false) =>
  api(base, method, `/staff/v1/chat${path}`, { headers: STAFF, ...(body !== undefined && { body }), ...(key ? {} : { key: false }) });

async function upload(base: string, c: { id: string; token: string }, name: string, type: string, bytes: Uint8Array, key = `upload-${clientId()}`) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const r = await fetch(`${base}/v1/chat/conversations/${c.id}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${c.token}`, 'Idempotency-Key': key }, body: form });
  return { status: r.status, body: (await r.json()) as any, headers: r.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A fake clamd (INSTREAM): FOUND for the EICAR string, OK otherwise. */
async function fakeClamd(): Promise<{ port: number; scanned: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { scanned: 0 };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    let started = false;
    const chunks: Buffer[] = [];
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!started) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        started = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          state.scanned++;
          socket.end(Buffer.concat(chunks).toString('latin1').includes('EICAR-STANDARD') ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        chunks.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return {
    port: (server.address() as { port: number }).port,
    get scanned() {
      return state.scanned;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

describe('chat on PGlite', () => {
  let s: TestServer;
  let clamd: Awaited<ReturnType<typeof fakeClamd>>;
  const logs: string[] = [];
  before(async () => {
    clamd = await fakeClamd();
    const line = (e: string, f: object = {}) => logs.push(JSON.stringify({ e, ...f }));
    s = await pgliteServer({ env: { CIVIC_CLAMAV: `127.0.0.1:${clamd.port}`, CIVIC_CHAT_DESK_EMAIL: 'desk@musterstadt.example' }, log: { info: line, error: line, request: (f) => line('request', f) } });
  });
  after(async () => {
    await s.close();
    await clamd.close();
    rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('derives availability from the seed office hours and the staff overrides', async () => {
    s.clock.offset = SUNDAY - Date.now();
    let a = (await api(s.url, 'GET', '/v1/chat/availability')).body;
    assert.equal(a.online, false);
    assert.equal(a.agentsOnline, 0);
    assert.equal(a.expectedReplySeconds, null);
    assert.equal(a.nextOpening, '2026-12-07T08:00:00+01:00');
    assert.deepEqual(a.attachments, { maxBytes: 10485760, types: ['image/jpeg', 'image/png', 'application/pdf'], maxPerMessage: 5 });
    const closed = await api(s.url, 'POST', '/v1/chat/conversations', { body: { consent: true, locale: 'de' } });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.code, 'closed');
    assert.equal(closed.body.nextOpening, '2026-12-07T08:00:00+01:00');

    s.clock.offset = TUESDAY - Date.now();
    a = (await api(s.url, 'GET', '/v1/chat/availability', { headers: { 'Accept-Language': 'en' } })).body;
    assert.equal(a.online, true);
    assert.equal(a.agentsOnline, 2, 'the seed has two agents online');
    assert.equal(a.expectedReplySeconds, 90);
    assert.equal(a.topics[0].label, 'Registration');

    const patched = await staff(s.url, 'PATCH', '/desk', { online: false });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.online, false);
    assert.equal((await api(s.url, 'GET', '/v1/chat/availability')).body.online, false, 'the override holds within office hours');
    assert.equal((await staff(s.url, 'PATCH', '/desk', {})).status, 400);
    assert.equal((await api(s.url, 'PATCH', '/staff/v1/chat/desk', { body: { online: true } })).status, 401);

    s.clock.offset = SUNDAY - Date.now();
    a = (await staff(s.url, 'PATCH', '/desk', { online: true, agentsOnline: 1, expectedReplySeconds: 30, welcomeText: 'Willkommen!' })).body;
    assert.deepEqual([a.online, a.agentsOnline, a.expectedReplySeconds, a.welcomeText], [true, 1, 30, 'Willkommen!']);
    assert.equal((await api(s.url, 'POST', '/v1/chat/conversations', { body: { consent: true, locale: 'de' } })).status, 201, 'a staffed desk takes conversations outside office hours');
    a = (await staff(s.url, 'PATCH', '/desk', { welcomeText: null })).body;
    assert.equal(a.welcomeText, undefined, 'welcomeText: null removes it');
    assert.equal(a.agentsOnline, 1, 'other overrides stay');
    s.clock.offset = 0;
  });

  it('starts a conversation with the bot greeting and its quick replies; the bot answers until a person joins', async () => {
    const c = await start(s.url, { consent: true, locale: 'de', topic: 'meldewesen' });
    const conv = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}`, { token: c.token })).body;
    assert.equal(conv.status, 'waiting');
    assert.equal(conv.topic, 'meldewesen');
    assert.ok(conv.queuePosition >= 1);
    assert.equal(conv.lastSeq, 1);
    const greeting = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages`, { token: c.token })).body.items[0];
    assert.equal(greeting.seq, 1);
    assert.equal(greeting.author.kind, 'bot');
    assert.equal(greeting.author.name, 'Stadtbot');
    assert.ok(greeting.suggestions.length >= 2);

    const m = await send(s.url, c, 'Ich möchte mich anmelden');
    assert.equal(m.status, 201);
    assert.equal(m.body.seq, 2);
    assert.equal(m.body.author.kind, 'citizen');
    const afterMine = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?after=2`, { token: c.token })).body.items;
    assert.equal(afterMine.length, 1);
    assert.match(afterMine[0].text, /Wohnungsgeberbestätigung/);
    assert.equal(afterMine[0].author.kind, 'bot');

    await send(s.url, c, 'Etwas ganz anderes');
    const fallback = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?after=4`, { token: c.token })).body.items[0];
    assert.match(fallback.text, /verbinde Sie/, 'the fallback hands off to a person');

    assert.equal((await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Schmidt' } })).body.status, 'active');
    const quiet = await send(s.url, c, 'Anmeldung bitte');
    const later = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?after=${quiet.body.seq}`, { token: c.token })).body.items;
    assert.deepEqual(later, [], 'no bot answer once an agent joined');
    const again = await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Schmidt' } });
    assert.equal(again.body.lastSeq, quiet.body.seq, 'joining again with the same name is a no-op');
  });

  it('stores a message once per clientId: repeats answer 200 with it, other content 422, concurrent repeats too', async () => {
    const c = await start(s.url);
    await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Herr Yılmaz' } });
    const id = clientId();
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(s.url, c, 'Hallo', { clientId: id })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    const mismatch = await send(s.url, c, 'Anderer Text', { clientId: id });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.code, 'idempotency_mismatch');
    const items = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages`, { token: c.token })).body.items;
    assert.equal(items.filter((m: { clientId?: string }) => m.clientId === id).length, 1);
  });

  it('the UNIQUE constraint alone refuses a second row with the same clientId', async () => {
    const c = await start(s.url);
    const m = await send(s.url, c, 'Einmal');
    await assert.rejects(
      s.db.query("INSERT INTO chat_events (conversation_id, seq, kind, data, client_id, fingerprint) VALUES ($1, 999, 'message', '{}', $2, 'x')", [c.id, m.body.clientId]),
      (e: { code?: string }) => e.code === '23505',
    );
  });

  it('gives concurrent messages distinct, increasing seqs in one order', async () => {
    const c = await start(s.url);
    await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Nowak' } });
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => send(s.url, c, `Nachricht ${i}`)));
    const seqs = sent.map((r) => r.body.seq as number).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 20);
    assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => seqs[0]! + i), 'no gaps between them');
    const listed = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?limit=100`, { token: c.token })).body.items.map((m: { seq: number }) => m.seq);
    assert.deepEqual(listed, [...listed].sort((a: number, b: number) => a - b));
  });

  it('pages: the latest 50 first, before= for earlier ones, after= to catch up', async () => {
    const c = await start(s.url);
    await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Schmidt' } });
    for (let i = 1; i <= 60; i++) await send(s.url, c, `Nr. ${i}`);
    const latest = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages`, { token: c.token })).body;
    assert.equal(latest.items.length, 50);
    assert.equal(latest.hasMore, true);
    assert.equal(latest.items.at(-1).text, 'Nr. 60');
    assert.equal(latest.items[0].text, 'Nr. 11');
    const earlier = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?before=${latest.items[0].seq}`, { token: c.token })).body;
    assert.deepEqual(earlier.items.map((m: { text: string }) => m.text), ['Guten Tag! Ich bin der Stadtbot von Musterstadt. Wobei kann ich helfen?', ...Array.from({ length: 10 }, (_, i) => `Nr. ${i + 1}`)]);
    assert.equal(earlier.hasMore, false);
    const caught = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?after=${latest.items[40].seq}&limit=5`, { token: c.token })).body;
    assert.deepEqual(caught.items.map((m: { text: string }) => m.text), ['Nr. 52', 'Nr. 53', 'Nr. 54', 'Nr. 55', 'Nr. 56']);
    assert.equal(caught.hasMore, true);
    const both = await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?after=1&before=5`, { token: c.token });
    assert.equal(both.status, 400);
    const staffPage = (await staff(s.url, 'GET', `/conversations/${c.id}/messages?after=0&limit=3`)).body;
    assert.equal(staffPage.items.length, 3);
    assert.equal(staffPage.hasMore, true);
  });

  it('answers hostile input with 400s, never a 5xx (NUL characters, seqs beyond the database integers)', async () => {
    const c = await start(s.url);
    const nul = await send(s.url, c, 'a\u0000b');
    assert.deepEqual([nul.status, nul.body.errors[0].pointer], [400, '/text']);
    const offline = await api(s.url, 'POST', '/v1/chat/offline-messages', { body: { email: 'a@b.de', name: 'x\u0000', text: 'Hallo', consent: true } });
    assert.deepEqual([offline.status, offline.body.errors[0].pointer], [400, '/name']);
    const reply = await staff(s.url, 'POST', `/conversations/${c.id}/messages`, { author: { kind: 'bot' }, text: 'ok', suggestions: [{ text: '\u0000' }] }, true);
    assert.deepEqual([reply.status, reply.body.errors[0].pointer], [400, '/suggestions/0/text']);
    for (const query of ['before=100000000000000000000', 'after=9007199254740991']) {
      const r = await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?${query}`, { token: c.token });
      assert.equal(r.status, 200, query);
    }
    const latest = (await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/messages?before=100000000000000000000`, { token: c.token })).body;
    assert.equal(latest.items.length, 1, 'a huge before= pages from the latest');
    const stream = await openStream(`${s.url}/v1/chat/conversations/${c.id}/events`, { Authorization: `Bearer ${c.token}`, 'Last-Event-ID': '999999999999999' });
    assert.equal(stream.status, 200);
    stream.close();
    const named = await upload(s.url, c, 'a\u0000b.png', 'image/png', png(3, 3, 3));
    assert.equal(named.status, 201);
    assert.ok(!named.body.name.includes('\u0000'));
  });

  it('streams events with ids, resumes after Last-Event-ID, sends typing without an id and closes after the end', async () => {
    const c = await start(s.url);
    const auth = { Authorization: `Bearer ${c.token}` };
    const m1 = (await send(s.url, c, 'Erste Frage')).body;
    const live = await openStream(`${s.url}/v1/chat/conversations/${c.id}/events`, auth);
    assert.equal(live.status, 200);
    await new Promise((r) => setTimeout(r, 100));
    await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Schmidt' } });
    const joined = await live.next((e) => e.event === 'agent_joined');
    assert.equal(joined.data.agent.name, 'Frau Schmidt');
    assert.equal(Number(joined.id), joined.data.seq);
    assert.ok(joined.data.seq > m1.seq + 1, 'the bot answer came before');
    await staff(s.url, 'POST', `/conversations/${c.id}/typing`, { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true });
    const typing = await live.next((e) => e.event === 'typing');
    assert.equal(typing.id, undefined);
    assert.deepEqual(typing.data, { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true });
    const reply = await staff(s.url, 'POST', `/conversations/${c.id}/messages`, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: 'Guten Tag!' }, true);
    assert.equal(reply.status, 201);
    const message = await live.next((e) => e.event === 'message');
    assert.equal(message.data.text, 'Guten Tag!');
    assert.equal(Number(message.id), reply.body.seq);

    const resumed = await openStream(`${s.url}/v1/chat/conversations/${c.id}/events?after=0`, { ...auth, 'Last-Event-ID': String(m1.seq) });
    const replayed = [await resumed.next(), await resumed.next(), await resumed.next()];
    assert.deepEqual(replayed.map((e) => Number(e.id)), [m1.seq + 1, joined.data.seq, reply.body.seq], 'Last-Event-ID wins over after=');
    resumed.close();

    const ended = await api(s.url, 'POST', `/v1/chat/conversations/${c.id}/end`, { token: c.token, key: false });
    assert.equal(ended.body.status, 'ended');
    assert.equal(ended.body.endedBy, 'citizen');
    const end = await live.next((e) => e.event === 'conversation_ended');
    assert.equal(end.data.endedBy, 'citizen');
    assert.equal(await live.ended(), true, 'the stream closes after conversation_ended');

    const afterEnd = await openStream(`${s.url}/v1/chat/conversations/${c.id}/events`, { ...auth, 'Last-Event-ID': String(reply.body.seq) });
    assert.equal((await afterEnd.next()).event, 'conversation_ended');
    assert.equal(await afterEnd.ended(), true, 'an ended conversation replays and closes');
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/events`, { token: 'cht_wrong' })).status, 401);
  });

  it('a stream delivers what was stored between its first read and its subscription', async () => {
    const c = await start(s.url);
    const db = s.db as unknown as { query: (sql: string, params?: unknown[]) => Promise<unknown> };
    const original = db.query;
    let armed = true;
    // Right after the stream read its replay, a message is stored and no NOTIFY is sent for it.
    db.query = async (sql: string, params?: unknown[]) => {
      const result = await original.call(s.db, sql, params);
      if (armed && sql.startsWith('SELECT seq, kind, data FROM chat_events')) {
        armed = false;
        const seq = ((await s.db.query<{ last_seq: number }>('UPDATE chat_conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq', [c.id])).rows[0]!).last_seq;
        const data = { id: '6c5b4a39-2817-4f6e-9d5c-4b3a29180f7e', seq, author: { kind: 'system' }, text: 'Zwischendurch', createdAt: '2026-12-01T10:00:00+01:00', attachments: [], suggestions: [] };
        await s.db.query("INSERT INTO chat_events (conversation_id, seq, kind, data) VALUES ($1, $2, 'message', $3)", [c.id, seq, JSON.stringify(data)]);
      }
      return result;
    };
    try {
      const live = await openStream(`${s.url}/v1/chat/conversations/${c.id}/events`, { Authorization: `Bearer ${c.token}`, 'Last-Event-ID': '1' });
      assert.equal((await live.next((e) => e.event === 'message', 5000)).data.text, 'Zwischendurch');
      live.close();
    } finally {
      db.query = original;
    }
  });

  it('ends once (idempotent) and refuses messages, typing and uploads afterwards; staff may end too', async () => {
    const c = await start(s.url);
    const first = await api(s.url, 'POST', `/v1/chat/conversations/${c.id}/end`, { token: c.token, key: false });
    const second = await api(s.url, 'POST', `/v1/chat/conversations/${c.id}/end`, { token: c.token, key: false });
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal((await send(s.url, c, 'Noch da?')).body.code, 'conversation_ended');
    assert.equal((await api(s.url, 'POST', `/v1/chat/conversations/${c.id}/typing`, { token: c.token, key: false, body: { active: true } })).status, 409);
    assert.equal((await upload(s.url, c, 'a.png', 'image/png', png(1, 2, 3))).status, 409);
    assert.equal((await staff(s.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'X' } })).status, 409);
    assert.equal((await staff(s.url, 'POST', `/conversations/${c.id}/messages`, { author: { kind: 'agent' }, text: 'Hallo?' }, true)).status, 409);
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${c.id}/transcript`, { token: c.token })).status, 200, 'the token still reads');
    const d = await start(s.url);
    const byStaff = await staff(s.url, 'POST', `/conversations/${d.id}/end`);
    assert.equal(byStaff.body.endedBy, 'agent');
    assert.equal((await staff(s.url, 'POST', `/conversations/00000000-0000-4000-8000-000000000000/end`)).status, 404);
  });

  it('takes attachments within the limits, checks their content, scans them with clamd and serves them back', async () => {
    const c = await start(s.url);
    const image = png(0, 102, 204);
    const ok = await upload(s.url, c, 'foto ä.png', 'image/png', image);
    assert.equal(ok.status, 201);
    assert.deepEqual({ ...ok.body, id: undefined }, { id: undefined, name: 'foto ä.png', type: 'image/png', size: image.length });
    const scannedBefore = clamd.scanned;
    const infected = await upload(s.url, c, 'virus.pdf', 'application/pdf', new TextEncoder().encode(`%PDF-1.4\n${EICAR}`));
    assert.equal(infected.status, 422);
    assert.equal(infected.body.code, 'attachment_rejected');
    assert.equal(clamd.scanned, scannedBefore + 1, 'clamd saw the file');
    const doc = await upload(s.url, c, 'antrag.pdf', 'application/pdf', pdf('Antrag'));
    assert.equal(doc.status, 201);
    const mismatch = await upload(s.url, c, 'bild.png', 'image/png', new TextEncoder().encode('Kein Bild'));
    assert.deepEqual([mismatch.status, mismatch.body.code], [415, 'unsupported_media_type']);
    const gif = await upload(s.url, c, 'bild.gif', 'image/gif', new TextEncoder().encode('GIF89a'));
    assert.deepEqual(gif.body.types, ['image/jpeg', 'image/png', 'application/pdf']);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(image);
    const tooBig = await upload(s.url, c, 'gross.png', 'image/png', big);
    assert.deepEqual([tooBig.status, tooBig.body.code, tooBig.body.maxBytes], [413, 'payload_too_large', 10485760]);

    const key = `upload-replay-${clientId()}`;
    const once = await upload(s.url, c, 'noch.png', 'image/png', png(9, 9, 9), key);
    const replay = await upload(s.url, c, 'noch.png', 'image/png', png(9, 9, 9), key);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(replay.body.id, once.body.id);

    const m = await send(s.url, c, '', { attachmentIds: [ok.body.id, doc.body.id] });
    assert.equal(m.status, 201);
    assert.deepEqual(m.body.attachments.map((a: { name: string }) => a.name), ['foto ä.png', 'antrag.pdf']);
    assert.equal((await send(s.url, c, 'x', { attachmentIds: ['00000000-0000-4000-8000-000000000000'] })).status, 404);
    assert.equal((await send(s.url, c, '   ')).status, 400, 'whitespace without attachments');

    const down = await fetch(`${s.url}/v1/chat/conversations/${c.id}/attachments/${ok.body.id}`, { headers: { Authorization: `Bearer ${c.token}` } });
    assert.equal(down.status, 200);
    assert.deepEqual(new Uint8Array(await down.arrayBuffer()), image);
    assert.equal(down.headers.get('Content-Type'), 'image/png');
    assert.equal(down.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(down.headers.get('Content-Disposition'), `attachment; filename="foto _.png"; filename*=UTF-8''foto%20%C3%A4.png`);
    const other = await start(s.url);
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${other.id}/attachments/${ok.body.id}`, { token: other.token })).status, 404, 'only within its conversation');
  });

  it('writes the transcript as text with the town, topic, times and attachment names', async () => {
    const c = await start(s.url, { consent: true, locale: 'de', topic: 'kfz' });
    await send(s.url, c, 'Wie melde ich mein Auto um?');
    const plan = await upload(s.url, c, 'fahrzeugschein.png', 'image/png', png(5, 5, 5));
    await send(s.url, c, 'Hier das Foto', { attachmentIds: [plan.body.id] });
    const r = await fetch(`${s.url}/v1/chat/conversations/${c.id}/transcript`, { headers: { Authorization: `Bearer ${c.token}` } });
    const text = await r.text();
    assert.equal(r.headers.get('Content-Type'), 'text/plain; charset=utf-8');
    assert.match(r.headers.get('Content-Disposition') ?? '', /^attachment; filename="chat-\d{4}-\d{2}-\d{2}\.txt"$/);
    assert.match(text, /^Stadt Musterstadt – Chat, \d{2}\.\d{2}\.\d{4}, Thema: Kfz-Zulassung\n\n\[\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\] Stadtbot:\nGuten Tag!/);
    assert.match(text, /\] Sie:\nWie melde ich mein Auto um\?\n/);
    assert.match(text, /\] Sie:\nHier das Foto\nAnhang: fahrzeugschein\.png\n/);
    const en = await fetch(`${s.url}/v1/chat/conversations/${c.id}/transcript`, { headers: { Authorization: `Bearer ${c.token}`, 'Accept-Language': 'en' } });
    assert.match(await en.text(), /Topic: Vehicle registration[\s\S]*\] You:\n/);
  });

  it('refuses an upload that declares a size far beyond the limit before reading it', async () => {
    const c = await start(s.url);
    const { hostname, port } = new URL(s.url);
    const status = await new Promise<number>((resolve, reject) => {
      // Headers only: the 50 MB never come, so only an answer before the body can arrive.
      const req = request({ hostname, port, method: 'POST', path: `/v1/chat/conversations/${c.id}/attachments`, headers: { Authorization: `Bearer ${c.token}`, 'Idempotency-Key': `big-${clientId()}`, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024) } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => reject(new Error('no answer before the body')), 3000).unref();
    });
    assert.equal(status, 413);
    const wrongToken = await fetch(`${s.url}/v1/chat/conversations/${c.id}/attachments`, { method: 'POST', headers: { Authorization: 'Bearer cht_wrong', 'Idempotency-Key': 'k-1234567', 'Content-Type': 'multipart/form-data; boundary=x' }, body: new Uint8Array(11 * 1024 * 1024) });
    assert.equal(wrongToken.status, 401, 'the token is checked first');
  });

  it('refuses an upload with 503 when clamd cannot be reached (never stores a file unscanned)', async () => {
    await clamd.close();
    const c = await start(s.url);
    const r = await upload(s.url, c, 'a.png', 'image/png', png(1, 1, 1));
    assert.equal(r.status, 503);
    assert.equal(r.headers.get('Retry-After'), '30');
    const stored = await s.db.query('SELECT 1 FROM chat_attachments WHERE conversation_id = $1', [c.id]);
    assert.equal(stored.rowCount, 0);
    assert.ok(logs.some((l) => l.includes('attachment_scan_failed') && l.includes('scanner_unreachable')));
  });

  it('lists conversations for staff with queue positions, oldest first', async () => {
    const a = await start(s.url);
    const b = await start(s.url);
    const waiting = (await staff(s.url, 'GET', '/conversations?status=waiting')).body.items as { id: string; queuePosition: number }[];
    const ia = waiting.findIndex((x) => x.id === a.id);
    const ib = waiting.findIndex((x) => x.id === b.id);
    assert.ok(ia >= 0 && ib === ia + 1);
    assert.deepEqual(waiting.map((x) => x.queuePosition), waiting.map((_, i) => i + 1));
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${b.id}`, { token: b.token })).body.queuePosition, ib + 1);
    const open = (await staff(s.url, 'GET', '/conversations')).body.items as { status: string }[];
    assert.ok(open.every((x) => x.status !== 'ended'));
    const ended = (await staff(s.url, 'GET', '/conversations?status=ended')).body.items as { status: string }[];
    assert.ok(ended.length > 0 && ended.every((x) => x.status === 'ended'));
    assert.equal((await api(s.url, 'GET', '/staff/v1/chat/conversations')).status, 401);
    assert.equal((await staff(s.url, 'GET', '/conversations/00000000-0000-4000-8000-000000000000/messages')).status, 404);
  });

  it('mails an offline message to the desk and a receipt to the citizen', async () => {
    const r = await api(s.url, 'POST', '/v1/chat/offline-messages', { body: { email: 'offline.citizen@example.org', name: 'Olga Offline', text: 'Brauche ich für die Ummeldung einen Termin?', locale: 'de', topic: 'meldewesen', consent: true } });
    assert.equal(r.status, 201);
    assert.match(r.body.receivedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    assert.equal((await api(s.url, 'POST', '/v1/chat/offline-messages', { body: { email: 'x@example.org', text: 'Hallo', topic: 'unbekannt', consent: true } })).status, 400);
    const copies = await s.db.query("SELECT 1 FROM idempotency WHERE fingerprint LIKE '%offline.citizen%' OR fingerprint LIKE '%Ummeldung%' OR body::text LIKE '%offline.citizen%'");
    assert.equal(copies.rowCount, 0, 'the stored Idempotency-Key keeps no copy of the address or the text');
    const prints = (await s.db.query<{ fingerprint: string }>('SELECT fingerprint FROM chat_events WHERE fingerprint IS NOT NULL')).rows;
    assert.ok(prints.length > 0 && prints.every((p) => /^[0-9a-f]{64}$/.test(p.fingerprint)), 'clientId fingerprints are hashes, not texts');
    assert.ok((await s.deliver()) >= 2);
    const mails = readdirSync(join(s.dataDir, 'outbox')).map((f) => readMail(readFileSync(join(s.dataDir, 'outbox', f), 'utf8')));
    const desk = mails.find((m) => m.headers.to === 'desk@musterstadt.example');
    assert.ok(desk, 'the desk got the message');
    assert.match(desk.text, /Olga Offline <offline\.citizen@example\.org>/);
    assert.match(desk.text, /Thema: Meldewesen/);
    assert.match(desk.text, /Brauche ich für die Ummeldung einen Termin\?/);
    const receipt = mails.find((m) => m.headers.to === 'offline.citizen@example.org');
    assert.ok(receipt, 'the citizen got a receipt');
    assert.match(receipt.headers.subject ?? '', /Servicedesk Musterstadt/);
    assert.match(receipt.text, /Brauche ich für die Ummeldung einen Termin\?/);
  });

  it('writes no message text, e-mail address, name or token to its logs', () => {
    const all = logs.join('\n');
    assert.ok(logs.some((l) => l.includes('sendMessage')), 'requests are logged');
    for (const secret of ['Olga', 'offline.citizen', '@example.org', 'Ummeldung', 'Erste Frage', 'Frau Schmidt', 'cht_', 'foto', 'antrag.pdf', 'fahrzeugschein']) assert.ok(!all.includes(secret), `logs contain ${secret}`);
  });

  it('purges conversations, attachments and offline messages after the retention period', async () => {
    const c = await start(s.url);
    const unsent = await s.db.query('SELECT count(*)::int AS n FROM chat_attachments WHERE sent = false');
    s.clock.advance(25 * 60 * 60 * 1000);
    const day = await s.retention();
    assert.equal(day.chatAttachments, Number((unsent.rows[0] as { n: number }).n), 'unsent attachments go after 24 hours');
    assert.equal(day.chatConversations, 0, 'conversations stay within the period');
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${c.id}`, { token: c.token })).status, 200);
    // 31 days after the latest activity (the first test started a conversation on the Sunday ahead).
    s.clock.offset = SUNDAY + 31 * 24 * 60 * 60 * 1000 - Date.now();
    const month = await s.retention();
    assert.ok(month.chatConversations >= 8);
    assert.equal(month.chatOfflineMessages, 1);
    assert.equal((await api(s.url, 'GET', `/v1/chat/conversations/${c.id}`, { token: c.token })).status, 401, 'gone with its token');
    for (const table of ['chat_conversations', 'chat_events', 'chat_attachments', 'chat_offline_messages']) {
      assert.equal(Number(((await s.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0] as { n: number }).n), 0, `${table} is empty`);
    }
    s.clock.offset = 0;
  });
});

describe('chat: settings', () => {
  it('reads CIVIC_CLAMAV, CIVIC_CHAT_DESK_EMAIL and CIVIC_RETENTION_CHAT_DAYS and refuses malformed values', () => {
    const base = { CIVIC_DATA_DIR: '/tmp/x' };
    const c = configFromEnv({ ...base, CIVIC_CLAMAV: 'clamav:3310', CIVIC_CHAT_DESK_EMAIL: 'chat@stadt.example', CIVIC_RETENTION_CHAT_DAYS: '7' });
    assert.deepEqual([c.clamav, c.chatDeskEmail, c.retention.chatDays], ['clamav:3310', 'chat@stadt.example', 7]);
    const d = configFromEnv(base);
    assert.deepEqual([d.clamav, d.chatDeskEmail, d.retention.chatDays], [undefined, undefined, 30]);
    assert.throws(() => configFromEnv({ ...base, CIVIC_CLAMAV: 'clamav' }), ConfigError);
    assert.throws(() => configFromEnv({ ...base, CIVIC_CHAT_DESK_EMAIL: 'desk' }), ConfigError);
    assert.throws(() => configFromEnv({ ...base, CIVIC_RETENTION_CHAT_DAYS: 'a week' }), ConfigError);
  });
});

describe('chat on two servers sharing one PostgreSQL', () => {
  let pgc: Postgres;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    pgc = await startPostgres();
    const url = await pgc.database();
    a = await postgresServer(url);
    b = await postgresServer(url);
    await staff(a.url, 'PATCH', '/desk', { online: true });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await pgc?.stop();
  });

  it('shares the desk overrides', async () => {
    await staff(a.url, 'PATCH', '/desk', { welcomeText: 'Hallo aus A' });
    assert.equal((await api(b.url, 'GET', '/v1/chat/availability')).body.welcomeText, 'Hallo aus A');
  });

  it('delivers messages, joins, typing and the end to a stream on the other process', async () => {
    const c = await start(a.url);
    const live = await openStream(`${a.url}/v1/chat/conversations/${c.id}/events`, { Authorization: `Bearer ${c.token}` });
    await new Promise((r) => setTimeout(r, 100));
    const m = await send(b.url, c, 'Über Prozess B');
    assert.equal((await live.next((e) => e.event === 'message')).data.id, m.body.id);
    await staff(b.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Schmidt' } });
    assert.equal((await live.next((e) => e.event === 'agent_joined')).data.agent.name, 'Frau Schmidt');
    await staff(b.url, 'POST', `/conversations/${c.id}/typing`, { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true });
    assert.equal((await live.next((e) => e.event === 'typing')).data.active, true);
    await staff(b.url, 'POST', `/conversations/${c.id}/end`);
    assert.equal((await live.next((e) => e.event === 'conversation_ended')).data.endedBy, 'agent');
    assert.equal(await live.ended(), true);
  });

  it('stores one message per clientId even when both processes get it at once', async () => {
    const c = await start(a.url);
    await staff(a.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Herr Yılmaz' } });
    const id = clientId();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? a.url : b.url, c, 'Doppelt?', { clientId: id })));
    assert.deepEqual(answers.filter((r) => r.status === 201).length, 1);
    assert.ok(answers.every((r) => r.status === 200 || r.status === 201));
    assert.equal(new Set(answers.map((r) => r.body.id)).size, 1);
  });

  it('hands out distinct seqs to concurrent messages through both processes', async () => {
    const c = await start(a.url);
    await staff(a.url, 'POST', `/conversations/${c.id}/join`, { agent: { name: 'Frau Nowak' } });
    const sent = await Promise.all(Array.from({ length: 30 }, (_, i) => send(i % 2 ? a.url : b.url, c, `Nr. ${i}`)));
    assert.ok(sent.every((r) => r.status === 201));
    const seqs = sent.map((r) => r.body.seq as number);
    assert.equal(new Set(seqs).size, 30);
    const listed = (await api(b.url, 'GET', `/v1/chat/conversations/${c.id}/messages?limit=100`, { token: c.token })).body.items;
    assert.equal(listed.length, 31, 'the greeting and the 30 messages');
  });
});
