import { expect } from '@open-wc/testing';
import { ManualClock, TEST_MODE_SETTINGS, createMockApi } from '../index.js';
import { TestClient } from '../http-testing.js';

// Tuesday, 1 December 2026, 10:00 in Musterstadt: the desk is open 08:00–18:00.
const T0 = Date.parse('2026-12-01T10:00:00+01:00');

interface Msg {
  id: string;
  seq: number;
  clientId?: string;
  author: { kind: string; name?: string };
  text: string;
  attachments: { id: string; name: string; type: string; size: number }[];
  suggestions: { text: string }[];
}

function setup(at = T0) {
  const clock = new ManualClock(at);
  const api = createMockApi({ clock, settings: TEST_MODE_SETTINGS, pingMs: 3_600_000 });
  const client = new TestClient(() => api.handlers);
  const staffKey = api.ctx.staffKey;
  const start = async (body: Record<string, unknown> = { consent: true, locale: 'de' }) => {
    const res = await client.post('/v1/chat/conversations', { body, key: true });
    expect(res.status, res.text).to.equal(201);
    return res.json as { id: string; token: string };
  };
  const send = (c: { id: string; token: string }, text: string, clientId = `cid-${Math.random().toString(36).slice(2, 12)}`, extra: Record<string, unknown> = {}) =>
    client.post(`/v1/chat/conversations/${c.id}/messages`, { token: c.token, body: { clientId, text, ...extra } });
  const list = async (c: { id: string; token: string }, query = '') =>
    (await client.get(`/v1/chat/conversations/${c.id}/messages${query}`, { token: c.token })).json as { items: Msg[]; hasMore: boolean };
  return { clock, api, client, staffKey, start, send, list };
}

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function upload(client: TestClient, c: { id: string; token: string }, file: Blob, name: string, key: string | true = true) {
  const form = new FormData();
  form.append('file', file, name);
  return client.post(`/v1/chat/conversations/${c.id}/attachments`, { token: c.token, key, body: form });
}

describe('mock chat: availability and start', () => {
  it('is online in office hours with the seed’s agents, topics and attachment limits', async () => {
    const { client, api } = setup();
    const res = await client.get('/v1/chat/availability', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).to.equal(200);
    expect(res.json.online).to.equal(true);
    expect(res.json.agentsOnline).to.equal(api.ctx.seed.chat.agents.filter((a) => a.online).length);
    expect(res.json.expectedReplySeconds).to.equal(api.ctx.seed.chat.expectedReplySeconds);
    expect(res.json).to.not.have.property('nextOpening');
    expect(res.json.officeHours.timeZone).to.equal('Europe/Berlin');
    expect(res.json.attachments).to.deep.equal({ maxBytes: 10485760, types: ['image/jpeg', 'image/png', 'application/pdf'], maxPerMessage: 5 });
    expect(res.json.topics[0]).to.deep.equal({ id: api.ctx.seed.chat.topics[0]!.id, label: api.ctx.seed.chat.topics[0]!.label.en });
    expect(res.json.officeHours.exceptions[0].reason).to.equal(api.ctx.seed.chat.exceptions[0]!.reason.en);
  });

  it('is offline after hours with the next opening, and refuses to start (409 closed)', async () => {
    const { client } = setup(Date.parse('2026-12-01T21:30:00+01:00'));
    const res = await client.get('/v1/chat/availability');
    expect(res.json.online).to.equal(false);
    expect(res.json.agentsOnline).to.equal(0);
    expect(res.json.expectedReplySeconds).to.equal(null);
    expect(res.json.nextOpening).to.equal('2026-12-02T08:00:00+01:00');
    const start = await client.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de' } });
    expect(start.status).to.equal(409);
    expect(start.json).to.include({ code: 'closed', nextOpening: '2026-12-02T08:00:00+01:00' });
  });

  it('requires consent, a valid locale, a known topic and an Idempotency-Key', async () => {
    const { client } = setup();
    expect((await client.post('/v1/chat/conversations', { key: true, body: { consent: false, locale: 'de' } })).json.code).to.equal('validation_failed');
    expect((await client.post('/v1/chat/conversations', { key: true, body: { locale: 'de' } })).json.code).to.equal('validation_failed');
    expect((await client.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de', topic: 'astrologie' } })).status).to.equal(400);
    const noKey = await client.post('/v1/chat/conversations', { body: { consent: true, locale: 'de' } });
    expect(noKey.status).to.equal(400);
    expect(noKey.json.errors[0]).to.include({ in: 'header', parameter: 'Idempotency-Key' });
  });

  it('replays a start with the same Idempotency-Key and rejects the key with another body', async () => {
    const { client, api } = setup();
    const first = await client.post('/v1/chat/conversations', { key: 'start-key-1', body: { consent: true, locale: 'de', topic: 'meldewesen' } });
    const again = await client.post('/v1/chat/conversations', { key: 'start-key-1', body: { consent: true, locale: 'de', topic: 'meldewesen' } });
    expect(again.status).to.equal(201);
    expect(again.json).to.deep.equal(first.json);
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(first.headers.get('Idempotent-Replayed')).to.equal(null);
    expect(api.state.chat.conversations.size).to.equal(1);
    const other = await client.post('/v1/chat/conversations', { key: 'start-key-1', body: { consent: true, locale: 'en' } });
    expect(other.status).to.equal(422);
    expect(other.json.code).to.equal('idempotency_mismatch');
  });

  it('greets with a bot message carrying suggestions, in the conversation’s language', async () => {
    const { start, list, api, client } = setup();
    const c = await start({ consent: true, locale: 'en' });
    const { items } = await list(c);
    expect(items).to.have.length(1);
    expect(items[0]!.seq).to.equal(1);
    expect(items[0]!.author).to.deep.equal({ kind: 'bot', name: api.ctx.seed.chat.bot.name.en });
    expect(items[0]!.text).to.equal(api.ctx.seed.chat.bot.greeting.en);
    expect(items[0]!.suggestions.map((s) => s.text)).to.deep.equal(api.ctx.seed.chat.bot.suggestions.map((s) => s.en ?? s.de));
    const conversation = await client.get(`/v1/chat/conversations/${c.id}`, { token: c.token });
    expect(conversation.json).to.deep.include({ id: c.id, status: 'waiting', locale: 'en', queuePosition: 1, lastSeq: 1 });
  });
});

describe('mock chat: messages', () => {
  it('stores a message with the next seq and lets the bot answer by keyword', async () => {
    const { start, send, list, api } = setup();
    const c = await start();
    const res = await send(c, 'Wie funktioniert die Anmeldung nach dem Umzug?', 'client-aaaa-0001');
    expect(res.status).to.equal(201);
    expect(res.json).to.deep.include({ seq: 2, clientId: 'client-aaaa-0001', text: 'Wie funktioniert die Anmeldung nach dem Umzug?', author: { kind: 'citizen' } });
    const { items } = await list(c);
    expect(items.map((m) => m.seq)).to.deep.equal([1, 2, 3]);
    const answer = api.ctx.seed.chat.bot.answers.find((a) => a.keywords.includes('umzug'))!;
    expect(items[2]!.text).to.equal(answer.text.de);
    expect(items[2]!.suggestions.length).to.equal(answer.suggestions.length);
  });

  it('is idempotent on clientId: a repeat returns the same message (200), no second one', async () => {
    const { start, send, list } = setup();
    const c = await start();
    const first = await send(c, 'Hallo?', 'client-dupe-0001');
    const repeat = await send(c, 'Hallo?', 'client-dupe-0001');
    expect(first.status).to.equal(201);
    expect(repeat.status).to.equal(200);
    expect(repeat.json).to.deep.equal(first.json);
    const { items } = await list(c);
    expect(items.filter((m) => m.clientId === 'client-dupe-0001')).to.have.length(1);
    const concurrent = await Promise.all([send(c, 'Zweimal', 'client-race-0001'), send(c, 'Zweimal', 'client-race-0001')]);
    expect(concurrent.map((r) => r.status).sort()).to.deep.equal([200, 201]);
    expect(concurrent[0]!.json.id).to.equal(concurrent[1]!.json.id);
    const mismatch = await send(c, 'Etwas anderes', 'client-dupe-0001');
    expect(mismatch.status).to.equal(422);
    expect(mismatch.json.code).to.equal('idempotency_mismatch');
  });

  it('rejects empty text without attachments, bad clientIds, unknown attachments and a wrong token', async () => {
    const { start, send, client } = setup();
    const c = await start();
    expect((await send(c, '   ')).status).to.equal(400);
    expect((await send(c, 'x', 'short')).status).to.equal(400);
    expect((await send(c, 'x', undefined, { attachmentIds: ['00000000-0000-4000-8000-000000000000'] })).status).to.equal(404);
    expect((await client.post(`/v1/chat/conversations/${c.id}/messages`, { token: 'cht_notthetokenatall', body: { clientId: 'client-0000-x', text: 'x' } })).status).to.equal(401);
  });

  it('pages with after, before and limit and reports hasMore', async () => {
    const { start, list, api, client } = setup();
    const c = await start();
    const record = api.state.chat.conversations.get(c.id)!;
    for (let i = 0; i < 6; i++) api.state.chat.post(record, { author: { kind: 'agent', name: 'Frau Schmidt' }, text: `Nachricht ${i}`, attachments: [], suggestions: [] });
    const latest = await list(c, '?limit=3');
    expect(latest.items.map((m) => m.seq)).to.deep.equal([5, 6, 7]);
    expect(latest.hasMore).to.equal(true);
    const earlier = await list(c, '?before=5&limit=3');
    expect(earlier.items.map((m) => m.seq)).to.deep.equal([2, 3, 4]);
    expect(earlier.hasMore).to.equal(true);
    const first = await list(c, '?before=2');
    expect(first).to.deep.include({ hasMore: false });
    const after = await list(c, '?after=5&limit=1');
    expect(after.items.map((m) => m.seq)).to.deep.equal([6]);
    expect(after.hasMore).to.equal(true);
    expect((await list(c, '?after=7')).items).to.deep.equal([]);
    const both = await client.get(`/v1/chat/conversations/${c.id}/messages?after=1&before=5`, { token: c.token });
    expect(both.status).to.equal(400);
    expect((await client.get(`/v1/chat/conversations/${c.id}/messages?limit=101`, { token: c.token })).status).to.equal(400);
  });
});

describe('mock chat: events', () => {
  it('sends only new events without a resume id, with id = seq, including the citizen’s own messages', async () => {
    const { start, send, client } = setup();
    const c = await start();
    const stream = await client.stream(`/v1/chat/conversations/${c.id}/events`, { token: c.token });
    await send(c, 'Guten Tag', 'client-live-0001');
    const [own, bot] = await stream.take(2);
    expect(own).to.deep.include({ event: 'message', id: '2' });
    expect((own!.data as Msg).clientId).to.equal('client-live-0001');
    expect(bot).to.deep.include({ event: 'message', id: '3' });
    expect((bot!.data as Msg).author.kind).to.equal('bot');
    await stream.close();
  });

  it('resumes after Last-Event-ID with every later durable event and no duplicates', async () => {
    const { start, send, client, staffKey } = setup();
    const c = await start();
    await send(c, 'eins', 'client-resume-01');
    await send(c, 'zwei', 'client-resume-02');
    // Seq: 1 greeting, 2 eins, 3 bot, 4 zwei, 5 bot. The client saw up to 3.
    const resumed = await client.stream(`/v1/chat/conversations/${c.id}/events`, { token: c.token, lastEventId: '3' });
    const replay = await resumed.take(2);
    expect(replay.map((e) => e.id)).to.deep.equal(['4', '5']);
    await client.post(`/staff/v1/chat/conversations/${c.id}/join`, { staffKey, body: { agent: { name: 'Frau Schmidt' } } });
    const joined = await resumed.next();
    expect(joined).to.deep.include({ event: 'agent_joined', id: '6' });
    expect(joined!.data).to.deep.include({ seq: 6, agent: { name: 'Frau Schmidt' } });
    // The header wins over ?after=.
    const both = await client.stream(`/v1/chat/conversations/${c.id}/events?after=0`, { token: c.token, lastEventId: '5' });
    expect((await both.next())?.id).to.equal('6');
    await Promise.all([resumed.close(), both.close()]);
  });

  it('sends typing without an id and never replays it', async () => {
    const { start, client, staffKey } = setup();
    const c = await start();
    const stream = await client.stream(`/v1/chat/conversations/${c.id}/events?after=1`, { token: c.token });
    const typing = await client.post(`/staff/v1/chat/conversations/${c.id}/typing`, { staffKey, body: { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true } });
    expect(typing.status).to.equal(204);
    const e = await stream.next();
    expect(e).to.deep.equal({ event: 'typing', data: { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true } });
    await client.post(`/staff/v1/chat/conversations/${c.id}/messages`, { staffKey, key: true, body: { author: { kind: 'agent', name: 'Frau Schmidt' }, text: 'Hallo!' } });
    const again = await client.stream(`/v1/chat/conversations/${c.id}/events`, { token: c.token, lastEventId: '1' });
    const first = await again.next();
    expect(first).to.deep.include({ event: 'message', id: '2' });
    await Promise.all([stream.close(), again.close()]);
  });

  it('records the citizen’s typing for the desk (not stored as a message)', async () => {
    const { start, client, api, list } = setup();
    const c = await start();
    expect((await client.post(`/v1/chat/conversations/${c.id}/typing`, { token: c.token, body: { active: true } })).status).to.equal(204);
    expect(api.state.chat.conversations.get(c.id)!.citizenTyping).to.deep.equal({ active: true, at: T0 });
    expect((await list(c)).items).to.have.length(1);
    expect((await client.post(`/v1/chat/conversations/${c.id}/typing`, { token: c.token, body: { active: 'yes' } })).status).to.equal(400);
  });
});

describe('mock chat: attachments and transcript', () => {
  it('stores an allowed file and serves it back; a message can carry it', async () => {
    const { start, client, send } = setup();
    const c = await start();
    const up = await upload(client, c, new Blob([png()], { type: 'image/png' }), 'Meldebescheinigung Foto.png');
    expect(up.status).to.equal(201);
    expect(up.json).to.deep.include({ name: 'Meldebescheinigung Foto.png', type: 'image/png', size: 16 });
    const down = await client.raw(client.build('GET', `/v1/chat/conversations/${c.id}/attachments/${up.json.id}`, { token: c.token }));
    expect(down.status).to.equal(200);
    expect(down.headers.get('Content-Type')).to.equal('image/png');
    expect(down.headers.get('X-Content-Type-Options')).to.equal('nosniff');
    expect(down.headers.get('Content-Disposition')).to.equal(`attachment; filename="Meldebescheinigung Foto.png"; filename*=UTF-8''Meldebescheinigung%20Foto.png`);
    expect(new Uint8Array(await down.arrayBuffer())).to.deep.equal(png());
    const msg = await send(c, '', 'client-file-0001', { attachmentIds: [up.json.id] });
    expect(msg.status).to.equal(201);
    expect(msg.json.attachments).to.deep.equal([up.json]);
  });

  it('rejects a file that is too large (413 with maxBytes)', async () => {
    const { start, client } = setup();
    const c = await start();
    const big = new Uint8Array(10485761);
    big.set(png());
    const res = await upload(client, c, new Blob([big], { type: 'image/png' }), 'big.png');
    expect(res.status).to.equal(413);
    expect(res.json).to.include({ code: 'payload_too_large', maxBytes: 10485760 });
  });

  it('rejects a type not listed, and content that does not match its declared type (415 with types)', async () => {
    const { start, client } = setup();
    const c = await start();
    const exe = await upload(client, c, new Blob(['MZ...'], { type: 'application/x-msdownload' }), 'tool.exe');
    expect(exe.status).to.equal(415);
    expect(exe.json).to.deep.include({ code: 'unsupported_media_type', types: ['image/jpeg', 'image/png', 'application/pdf'] });
    const disguised = await upload(client, c, new Blob(['<script>alert(1)</script>'], { type: 'image/png' }), 'not-really.png');
    expect(disguised.status).to.equal(415);
  });

  it('rejects a file the malware scan flags (422) and a body without a file part (400)', async () => {
    const { start, client } = setup();
    const c = await start();
    const eicar = new TextEncoder().encode('%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
    const res = await upload(client, c, new Blob([eicar], { type: 'application/pdf' }), 'virus.pdf');
    expect(res.status).to.equal(422);
    expect(res.json.code).to.equal('attachment_rejected');
    const form = new FormData();
    form.append('note', 'no file');
    expect((await client.post(`/v1/chat/conversations/${c.id}/attachments`, { token: c.token, key: true, body: form })).status).to.equal(400);
    expect((await upload(client, c, new Blob([png()], { type: 'image/png' }), 'a.png', 'bad key')).status).to.equal(400);
  });

  it('gives the transcript as text/plain with a dated file name', async () => {
    const { start, send, client } = setup();
    const c = await start({ consent: true, locale: 'de', topic: 'meldewesen' });
    await send(c, 'Ich ziehe um.', 'client-tran-0001');
    const res = await client.get(`/v1/chat/conversations/${c.id}/transcript`, { token: c.token });
    expect(res.status).to.equal(200);
    expect(res.headers.get('Content-Type')).to.equal('text/plain; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).to.equal('attachment; filename="chat-2026-12-01.txt"');
    expect(res.text).to.match(/^Stadt Musterstadt – Chat, 01\.12\.2026, Thema: Meldewesen\n\n/);
    expect(res.text).to.contain('[01.12.2026 10:00] Sie:\nIch ziehe um.');
  });
});

describe('mock chat: end and offline messages', () => {
  it('ends with conversation_ended (with a seq), closes the stream and refuses further messages', async () => {
    const { start, send, client } = setup();
    const c = await start();
    const stream = await client.stream(`/v1/chat/conversations/${c.id}/events?after=1`, { token: c.token });
    const ended = await client.post(`/v1/chat/conversations/${c.id}/end`, { token: c.token });
    expect(ended.status).to.equal(200);
    expect(ended.json).to.deep.include({ status: 'ended', endedBy: 'citizen', endedAt: '2026-12-01T10:00:00+01:00', lastSeq: 2 });
    const e = await stream.next();
    expect(e).to.deep.include({ event: 'conversation_ended', id: '2' });
    expect(e!.data).to.deep.include({ seq: 2, endedBy: 'citizen' });
    expect(await stream.ended()).to.equal(true);
    expect((await send(c, 'Noch da?')).json.code).to.equal('conversation_ended');
    expect((await client.post(`/v1/chat/conversations/${c.id}/typing`, { token: c.token, body: { active: true } })).status).to.equal(409);
    expect((await client.post(`/v1/chat/conversations/${c.id}/end`, { token: c.token })).status).to.equal(200);
    // A late reconnect replays the end and closes.
    const late = await client.stream(`/v1/chat/conversations/${c.id}/events`, { token: c.token, lastEventId: '1' });
    expect((await late.next())?.event).to.equal('conversation_ended');
    expect(await late.ended()).to.equal(true);
  });

  it('takes an offline message with consent and an e-mail address', async () => {
    const { client, api } = setup();
    const res = await client.post('/v1/chat/offline-messages', { key: true, body: { email: 'erika@example.org', text: 'Bitte rufen Sie mich an.', consent: true, topic: 'meldewesen' } });
    expect(res.status).to.equal(201);
    expect(res.json.receivedAt).to.equal('2026-12-01T10:00:00+01:00');
    expect(api.state.chat.offline).to.have.length(1);
    expect((await client.post('/v1/chat/offline-messages', { key: true, body: { email: 'not-an-address', text: 'x', consent: true } })).status).to.equal(400);
    expect((await client.post('/v1/chat/offline-messages', { key: true, body: { email: 'jörg@müller-bäckerei.de', text: 'Rückruf bitte.', consent: true } })).status, 'international address').to.equal(201);
    for (const email of ['jörg@müller-bäckerei', 'jörg@müller..de', 'jörg@xn--zz.de']) expect((await client.post('/v1/chat/offline-messages', { key: true, body: { email, text: 'x', consent: true } })).status, email).to.equal(400);
    expect((await client.post('/v1/chat/offline-messages', { key: true, body: { email: 'erika@example.org', text: '  ', consent: true } })).status).to.equal(400);
  });
});

describe('mock chat: staff', () => {
  it('joins as an agent (agent_joined, active), replies as agent and bot, ends as agent', async () => {
    const { start, client, staffKey } = setup();
    const c = await start();
    const listed = await client.get('/staff/v1/chat/conversations?status=waiting', { staffKey });
    expect(listed.json.items.map((x: { id: string }) => x.id)).to.deep.equal([c.id]);
    const joined = await client.post(`/staff/v1/chat/conversations/${c.id}/join`, { staffKey, body: { agent: { name: 'Frau Schmidt' } } });
    expect(joined.json).to.deep.include({ status: 'active', agent: { name: 'Frau Schmidt' }, lastSeq: 2 });
    expect(joined.json).to.not.have.property('queuePosition');
    const again = await client.post(`/staff/v1/chat/conversations/${c.id}/join`, { staffKey, body: { agent: { name: 'Frau Schmidt' } } });
    expect(again.json.lastSeq).to.equal(2);
    const agent = await client.post(`/staff/v1/chat/conversations/${c.id}/messages`, { staffKey, key: true, body: { author: { kind: 'agent', name: 'Frau Schmidt' }, text: 'Wie kann ich helfen?' } });
    expect(agent.status).to.equal(201);
    expect(agent.json).to.deep.include({ seq: 3, author: { kind: 'agent', name: 'Frau Schmidt' }, suggestions: [] });
    const bot = await client.post(`/staff/v1/chat/conversations/${c.id}/messages`, {
      staffKey,
      key: true,
      body: { author: { kind: 'bot', name: 'Stadtbot' }, text: 'Noch etwas?', suggestions: [{ text: 'Ja' }, { text: 'Nein' }] },
    });
    expect(bot.json.suggestions).to.deep.equal([{ text: 'Ja' }, { text: 'Nein' }]);
    const page = await client.get(`/staff/v1/chat/conversations/${c.id}/messages?after=2`, { staffKey });
    expect(page.json.items.map((m: Msg) => m.seq)).to.deep.equal([3, 4]);
    const ended = await client.post(`/staff/v1/chat/conversations/${c.id}/end`, { staffKey });
    expect(ended.json).to.deep.include({ status: 'ended', endedBy: 'agent' });
    const late = await client.post(`/staff/v1/chat/conversations/${c.id}/messages`, { staffKey, key: true, body: { author: { kind: 'agent' }, text: 'x' } });
    expect(late.json.code).to.equal('conversation_ended');
    expect((await client.get('/staff/v1/chat/conversations', { staffKey })).json.items).to.deep.equal([]);
  });

  it('staffs the desk: offline until changed back, welcome text, agents', async () => {
    const { client, staffKey } = setup();
    const off = await client.patch('/staff/v1/chat/desk', { staffKey, body: { online: false, welcomeText: 'Heute nur per E-Mail.' } });
    expect(off.json).to.deep.include({ online: false, agentsOnline: 0, welcomeText: 'Heute nur per E-Mail.' });
    expect((await client.post('/v1/chat/conversations', { key: true, body: { consent: true, locale: 'de' } })).json.code).to.equal('closed');
    const on = await client.patch('/staff/v1/chat/desk', { staffKey, body: { online: true, agentsOnline: 5, welcomeText: null } });
    expect(on.json).to.deep.include({ online: true, agentsOnline: 5 });
    expect(on.json).to.not.have.property('welcomeText');
    expect((await client.patch('/staff/v1/chat/desk', { staffKey, body: {} })).status).to.equal(400);
  });

  it('needs the staff key and answers 404 for unknown conversations', async () => {
    const { client, staffKey, start } = setup();
    const c = await start();
    expect((await client.get('/staff/v1/chat/conversations')).status).to.equal(401);
    // The citizen's token is no staff key.
    expect((await client.get(`/staff/v1/chat/conversations/${c.id}/messages`, { token: c.token })).status).to.equal(401);
    expect((await client.post('/staff/v1/chat/conversations/00000000-0000-4000-8000-000000000000/join', { staffKey, body: { agent: { name: 'X' } } })).status).to.equal(404);
  });
});
