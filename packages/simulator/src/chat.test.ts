/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createSimulator, type SimulatorFeatures, type SimulatorOptions } from './simulator.js';
import { REPLY_RULES, normalise, replyTo } from './replies.js';
import { createRandom } from './random.js';
import { FakeClock, MINUTE, T0, mockBackend, recordingFetch, serve, type MockSetup } from './testing.js';
import { ManualClock } from '@civic-elements/mock-api';

const CHAT_ONLY: SimulatorFeatures = { queues: false, walkIns: false, ticker: false, offices: false, chat: true, cases: false };
const rule = (id: string) => REPLY_RULES.find((r) => r.id === id)!;

function simulator(setup: { baseUrl: string; staffKey: string; clock: FakeClock }, extra: Partial<SimulatorOptions> = {}) {
  const rec = recordingFetch();
  const lines: string[] = [];
  const sim = createSimulator({
    baseUrl: setup.baseUrl,
    staffKey: setup.staffKey,
    clock: setup.clock,
    fetch: rec.fetch,
    random: () => 0.5,
    features: CHAT_ONLY,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { sim, rec, lines };
}

/** A citizen opens a chat (citizen API) and can write in it. */
async function citizenChat(setup: MockSetup, locale = 'de', topic?: string) {
  const created = await setup.citizen('POST', '/v1/chat/conversations', { body: { consent: true, locale, ...(topic && { topic }) }, key: true });
  expect(created.status).to.equal(201);
  const { id, token } = created.json as { id: string; token: string };
  let n = 0;
  return {
    id,
    write: async (text: string) => {
      const res = await setup.citizen('POST', `/v1/chat/conversations/${id}/messages`, { body: { clientId: `client-${++n}-0000`, text }, token });
      expect(res.status).to.equal(201);
    },
    messages: async () => (await setup.citizen('GET', `/v1/chat/conversations/${id}/messages`, { token })).json.items as { seq: number; author: { kind: string; name?: string }; text: string; suggestions: { text: string }[] }[],
    conversation: async () => (await setup.citizen('GET', `/v1/chat/conversations/${id}`, { token })).json as { status: string; agent?: { name: string }; endedBy?: string },
  };
}

/** Ticks, then moves the clock, `n` times. */
async function run(sim: { tick(): Promise<void> }, clock: FakeClock, n: number, stepMs: number) {
  for (let i = 0; i < n; i++) {
    await sim.tick();
    clock.advance(stepMs);
  }
}

describe('simulator: chat against the mock', () => {
  it('lets an agent join a new conversation after a pause, typing before the first reply', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup, 'de', 'ausweise');
    const { sim, rec, lines } = simulator(setup);
    await sim.tick();
    // The mock greeted already (bot message with suggestions): no second greeting.
    expect(sim.stats.greetings).to.equal(0);
    expect(rec.operations()).to.deep.equal(['GET /staff/v1/chat/conversations', `GET /staff/v1/chat/conversations/${chat.id}/messages`]);
    expect((await chat.conversation()).status).to.equal('waiting');
    // Join after 8–20 office seconds (14 with random 0.5).
    setup.clock.advance(13_999);
    await sim.tick();
    expect(sim.stats.joins).to.equal(0);
    setup.clock.advance(1);
    await sim.tick();
    expect(await chat.conversation()).to.deep.include({ status: 'active', agent: { name: 'Frau Schmidt' } });
    expect(sim.stats.typing).to.equal(1);
    expect(sim.stats.replies).to.equal(0);
    await run(sim, setup.clock, 4, 2000);
    const messages = await chat.messages();
    expect(messages.map((m) => m.author.kind)).to.deep.equal(['bot', 'agent']);
    expect(messages[0]!.suggestions.length).to.be.greaterThan(0);
    expect(messages[1]!.author.name).to.equal('Frau Schmidt');
    expect(messages[1]!.text).to.equal('Guten Tag, hier ist Frau Schmidt vom Servicedesk. Ich sehe, es geht um das Thema Ausweise und Pässe. Wie kann ich Ihnen helfen?');
    const writes = rec.operations().filter((o) => o.startsWith('POST'));
    const id = chat.id;
    expect(writes).to.deep.equal([
      `POST /staff/v1/chat/conversations/${id}/join`,
      `POST /staff/v1/chat/conversations/${id}/typing`,
      `POST /staff/v1/chat/conversations/${id}/messages`,
      `POST /staff/v1/chat/conversations/${id}/typing`,
    ]);
    const typing = rec.requests.filter((r) => r.path.endsWith('/typing')).map((r) => r.body);
    expect(typing).to.deep.equal([
      { author: { kind: 'agent', name: 'Frau Schmidt' }, active: true },
      { author: { kind: 'agent', name: 'Frau Schmidt' }, active: false },
    ]);
    const reply = rec.requests.find((r) => r.path.endsWith('/messages') && r.method === 'POST')!;
    expect(reply.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(lines).to.deep.equal([`chat ${id.slice(0, 8)} joined`, `chat ${id.slice(0, 8)} reply intro`]);
  });

  it('answers a citizen message by keyword after reading and typing', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup);
    const { sim, rec } = simulator(setup);
    await run(sim, setup.clock, 12, 2000); // joined and introduced
    expect(sim.stats.replies).to.equal(1);
    await chat.write('Ich brauche einen neuen Personalausweis. Was muss ich mitbringen?');
    const before = rec.requests.length;
    await sim.tick(); // the poll sees the message; reading takes 1–3 office seconds
    expect(sim.stats.typing).to.equal(1);
    setup.clock.advance(2000);
    await sim.tick(); // typing…
    expect(sim.stats.typing).to.equal(2);
    expect(sim.stats.replies).to.equal(1);
    setup.clock.advance(6000);
    await sim.tick(); // …reply
    expect(sim.stats.replies).to.equal(2);
    const messages = await chat.messages();
    expect(messages[messages.length - 1]).to.deep.include({ text: rule('id-card').text.de, author: { kind: 'agent', name: 'Frau Schmidt' } });
    const writes = rec.requests.slice(before).filter((r) => r.method === 'POST').map((r) => `${r.path.split('/').pop()} ${JSON.stringify(r.body).includes('"active":true') ? 'on' : ''}`.trim());
    expect(writes).to.deep.equal(['typing on', 'messages', 'typing']);
  });

  it('answers in English in an English conversation', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup, 'en');
    const { sim } = simulator(setup);
    await chat.write('When are your opening hours?');
    await run(sim, setup.clock, 14, 2000);
    const messages = await chat.messages();
    // The mock's bot answered before the agent came; the agent answers the question again.
    const agent = messages.filter((m) => m.author.kind === 'agent');
    expect(agent).to.have.length(1);
    expect(agent[0]!.author.name).to.equal('Ms Schmidt');
    expect(agent[0]!.text).to.equal(`Hello, this is Ms Schmidt from the service desk. ${rule('opening-hours').text.en}`);
  });

  it('says goodbye and ends the chat when the citizen says goodbye', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup);
    const { sim, lines } = simulator(setup);
    await run(sim, setup.clock, 12, 2000);
    await chat.write('Danke, das war’s. Tschüss!');
    await run(sim, setup.clock, 10, 2000);
    const conversation = await chat.conversation();
    expect(conversation).to.include({ status: 'ended', endedBy: 'agent' });
    const messages = await chat.messages();
    expect(messages[messages.length - 1]!.text).to.equal(rule('goodbye').text.de);
    expect(sim.stats.conversationsEnded).to.equal(1);
    expect(lines[lines.length - 1]).to.equal(`chat ${chat.id.slice(0, 8)} ended`);
  });

  it('ends a conversation nobody wrote in for ten minutes', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup);
    const { sim } = simulator(setup);
    await run(sim, setup.clock, 12, 2000); // introduced at about 18 s
    await run(sim, setup.clock, 9, MINUTE);
    expect((await chat.conversation()).status).to.equal('active');
    await run(sim, setup.clock, 3, MINUTE);
    expect((await chat.conversation()).status).to.equal('ended');
    const texts = (await chat.messages()).map((m) => m.text);
    expect(texts[texts.length - 1]).to.match(/^Da ich eine Weile nichts von Ihnen gehört habe/);
  });

  it('leaves a conversation another agent has joined alone', async () => {
    const setup = await mockBackend();
    const chat = await citizenChat(setup);
    const joined = await fetch(`${setup.baseUrl}/staff/v1/chat/conversations/${chat.id}/join`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Staff-Key': setup.staffKey },
      body: JSON.stringify({ agent: { name: 'Herr Weber' } }),
    });
    expect(joined.status).to.equal(200);
    const { sim, rec } = simulator(setup);
    await chat.write('Hallo?');
    await run(sim, setup.clock, 20, 2000);
    expect(rec.requests.filter((r) => r.method === 'POST')).to.have.length(0);
    expect((await chat.conversation()).agent).to.deep.equal({ name: 'Herr Weber' });
  });

  it('takes turns between the online agents and never logs what citizens write', async () => {
    const setup = await mockBackend();
    const first = await citizenChat(setup);
    const second = await citizenChat(setup);
    const { sim, lines } = simulator(setup);
    await first.write('Mein Name ist Erika Mustermann, erika.mustermann@example.org, geboren am 12.03.1984.');
    await run(sim, setup.clock, 14, 2000);
    expect((await first.conversation()).agent).to.deep.equal({ name: 'Frau Schmidt' });
    expect((await second.conversation()).agent).to.deep.equal({ name: 'Herr Yılmaz' });
    expect(lines.length).to.be.greaterThan(3);
    for (const line of lines) expect(line).to.not.match(/Erika|Mustermann|@|1984/);
    expect(lines).to.include(`chat ${first.id.slice(0, 8)} reply intro fallback`);
  });

  it('forgets a conversation the citizen ended', async () => {
    const setup = await mockBackend();
    const created = await setup.citizen('POST', '/v1/chat/conversations', { body: { consent: true, locale: 'de' }, key: true });
    const { sim, rec } = simulator(setup);
    await sim.tick();
    await setup.citizen('POST', `/v1/chat/conversations/${created.json.id}/end`, { token: created.json.token });
    await run(sim, setup.clock, 15, 2000);
    expect(sim.stats.joins).to.equal(0);
    expect(sim.stats.errors).to.equal(0);
    expect(rec.requests.filter((r) => r.method === 'POST')).to.have.length(0);
  });
});

describe('simulator: chat against a back end that does not greet', () => {
  /** Tiny handlers that follow staff.yaml: one waiting conversation, no bot. */
  function tinyBackend() {
    const base = '/tiny';
    const key = 'tiny-staff-key';
    const conversation = { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', status: 'waiting' as string, locale: 'de', createdAt: '2026-12-01T10:00:00+01:00', lastSeq: 0, agent: undefined as { name: string } | undefined };
    const messages: { id: string; seq: number; author: { kind: string; name?: string }; text: string; createdAt: string; attachments: []; suggestions?: { text: string }[] }[] = [];
    const denied = (request: Request) => (request.headers.get('X-Staff-Key') === key ? undefined : HttpResponse.json({ type: 'urn:civic:problem:unauthorized', title: 'Unauthorized', status: 401, code: 'unauthorized' }, { status: 401, headers: { 'Content-Type': 'application/problem+json' } }));
    const handlers = [
      http.get(`${base}/staff/v1/chat/conversations`, ({ request }) => denied(request) ?? HttpResponse.json({ items: [conversation] })),
      http.get(`${base}/staff/v1/chat/conversations/:id/messages`, ({ request }) => {
        const after = Number(new URL(request.url).searchParams.get('after') ?? 0);
        return denied(request) ?? HttpResponse.json({ items: messages.filter((m) => m.seq > after), hasMore: false });
      }),
      http.post(`${base}/staff/v1/chat/conversations/:id/messages`, async ({ request }) => {
        if (!request.headers.get('Idempotency-Key')) return HttpResponse.json({ status: 400, code: 'validation_failed' }, { status: 400 });
        const body = (await request.json()) as { author: { kind: string; name?: string }; text: string; suggestions?: { text: string }[] };
        const m = { id: crypto.randomUUID(), seq: ++conversation.lastSeq, ...body, createdAt: '2026-12-01T10:00:01+01:00', attachments: [] as [] };
        messages.push(m);
        return denied(request) ?? HttpResponse.json(m, { status: 201 });
      }),
      http.post(`${base}/staff/v1/chat/conversations/:id/join`, async ({ request }) => {
        const body = (await request.json()) as { agent: { name: string } };
        conversation.status = 'active';
        conversation.agent = body.agent;
        conversation.lastSeq++;
        return denied(request) ?? HttpResponse.json(conversation);
      }),
      http.post(`${base}/staff/v1/chat/conversations/:id/typing`, ({ request }) => denied(request) ?? new HttpResponse(null, { status: 204 })),
    ];
    return { base, key, handlers, messages, conversation };
  }

  it('greets with quick-reply suggestions, then an agent joins and replies', async () => {
    const tiny = tinyBackend();
    await serve(tiny.handlers);
    const clock = new FakeClock(new ManualClock(T0));
    const { sim, lines } = simulator({ baseUrl: tiny.base, staffKey: tiny.key, clock });
    await sim.tick();
    expect(sim.stats.greetings).to.equal(1);
    expect(tiny.messages).to.have.length(1);
    expect(tiny.messages[0]).to.deep.include({
      author: { kind: 'bot', name: 'Stadtbot' },
      text: 'Guten Tag! Ich bin der Stadtbot von Musterstadt. Wobei kann ich helfen?',
      suggestions: [{ text: 'Termin buchen' }, { text: 'Welche Unterlagen brauche ich?' }, { text: 'Mit einer Person sprechen' }],
    });
    await run(sim, clock, 15, 2000);
    // Its own greeting, read back on the next poll, does not make it greet again.
    expect(sim.stats.greetings).to.equal(1);
    expect(tiny.conversation).to.deep.include({ status: 'active', agent: { name: 'Frau Schmidt' } });
    expect(tiny.messages.map((m) => m.author.kind)).to.deep.equal(['bot', 'agent']);
    expect(lines.slice(0, 3)).to.deep.equal(['chat 9a8b7c6d greeting', 'chat 9a8b7c6d joined', 'chat 9a8b7c6d reply intro']);
    expect(sim.stats.errors).to.equal(0);
  });
});

describe('simulator: reply rules', () => {
  const random = createRandom(1);
  const cases: [string, string, string][] = [
    ['Ich brauche einen neuen Personalausweis', 'de', 'id-card'],
    ['Mein Reisepass ist abgelaufen', 'de', 'id-card'],
    ['I lost my passport', 'en', 'id-card'],
    ['Kann ich einen Termin buchen?', 'de', 'appointment'],
    ['Wie sind die Öffnungszeiten?', 'de', 'opening-hours'],
    ['Wie sind die Oeffnungszeiten?', 'de', 'opening-hours'],
    ['What are your opening hours?', 'en', 'opening-hours'],
    ['Ich bin umgezogen und muss mich ummelden', 'de', 'registration'],
    ['Zulassung für mein Auto', 'de', 'vehicle'],
    ['Wie ist der Stand meines Antrags?', 'de', 'case-status'],
    ['Was kostet das?', 'de', 'fees'],
    ['Wann kann ich die Unterlagen abholen?', 'de', 'pickup'],
    ['Vielen Dank!', 'de', 'thanks'],
    ['Danke, tschüss', 'de', 'goodbye'],
    ['Mit einer Person sprechen', 'de', 'person'],
    ['Hallo', 'de', 'hello'],
    ['Das passt schon', 'de', 'fallback'],
    ['Ich möchte persönlich vorbeikommen', 'de', 'fallback'],
  ];
  for (const [text, lang, expected] of cases) {
    it(`"${text}" → ${expected}`, () => {
      const reply = replyTo(text, lang as 'de' | 'en', random);
      expect(reply.rule).to.equal(expected);
      expect(reply.text).to.be.a('string').and.not.equal('');
      if (expected !== 'fallback') expect(reply.text).to.equal(rule(expected).text[lang as 'de' | 'en']);
    });
  }

  it('only the goodbye rule ends the conversation', () => {
    expect(REPLY_RULES.filter((r) => r.ends).map((r) => r.id)).to.deep.equal(['goodbye']);
    expect(replyTo('Tschüss', 'de', random).ends).to.equal(true);
    expect(replyTo('Termin', 'de', random).ends).to.equal(false);
  });

  it('spells out umlauts and ß when matching', () => {
    expect(normalise('Öffnungszeiten GRÜẞE Straße')).to.equal('oeffnungszeiten gruesse strasse');
  });
});
