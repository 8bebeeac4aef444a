import { expect, waitUntil } from '@open-wc/testing';
import type { MockWorker } from '@civic-elements/mock-api/browser';
import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import { $$, chat, cleanup, mockChat, start } from '../testing/fixture.js';
import { TestClock, seeded, turns } from '../testing/clock.js';

function conversation(mock: MockWorker) {
  const c = [...mock.api.state.chat.conversations.values()][0];
  if (!c) throw new Error('no conversation');
  return c;
}

const agentSays = (mock: MockWorker, text: string) =>
  mock.api.state.chat.post(conversation(mock), { author: { kind: 'agent', name: 'Frau Schmidt' }, text, attachments: [], suggestions: [] });

/** Texts of the displayed messages of one author kind, in display order. */
const shown = (el: CivicChat, kind: string) =>
  $$(el, `.log .msg--${kind}:not(.msg--pending) .text`).map((t) => t.textContent ?? '');

const storedOutbox = () => {
  const key = sessionStorage.key(0);
  return key ? (JSON.parse(sessionStorage.getItem(key)!) as { outbox: { text: string }[] }).outbox.map((o) => o.text) : [];
};

/**
 * Advances the widget's clock in 5 s steps, with a few real milliseconds per step for the network
 * (the service worker), until `done` or 60 s of real time. Backoff never waits on real time.
 */
async function drain(clock: TestClock, done: () => boolean): Promise<void> {
  // MessageChannel turns, not timers: a background tab (two test files at once) throttles timers.
  const deadline = performance.now() + 60_000;
  while (!done() && performance.now() < deadline) {
    await clock.advance(5000);
    await turns(20);
  }
  await turns(8);
}

/** Counts each value; returns the values seen other than exactly once. */
function notOnce(values: string[], expected: string[]): { missing: string[]; twice: string[] } {
  const count = new Map<string, number>();
  for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
  return {
    missing: expected.filter((v) => !count.has(v)),
    twice: [...count].filter(([, n]) => n > 1).map(([v]) => v),
  };
}

describe('<civic-chat> never loses, never duplicates', () => {
  let mock: MockWorker;
  before(async () => {
    mock = await mockChat();
  });
  afterEach(() => cleanup(mock));

  it('keeps unsent messages in the outbox across a reload and sends each exactly once, in order', async () => {
    const first = await chat({ mode: 'inline' });
    await start(first.el);
    mock.api.faults.set({ status: 500, match: 'sendMessage' });
    first.el.panel!.sendText('Erste');
    first.el.panel!.sendText('Zweite');
    await waitUntil(() => first.el.panel!.session!.outbox[0]?.attempts === 1, 'first attempt failed');
    expect(storedOutbox()).to.deep.equal(['Erste', 'Zweite']);
    first.el.remove(); // the page is reloaded
    mock.api.faults.clear();

    const clock = new TestClock();
    const { el } = await chat({ mode: 'launcher' }, clock);
    // A conversation of this tab: the panel loads without a click and sends the outbox.
    await waitUntil(() => shown(el, 'citizen').length === 2, 'both sent after the reload', { timeout: 5000 });
    expect(shown(el, 'citizen')).to.deep.equal(['Erste', 'Zweite']);
    const server = conversation(mock).messages.filter((m) => m.author.kind === 'citizen').map((m) => m.text);
    expect(server).to.deep.equal(['Erste', 'Zweite']);
    expect(storedOutbox()).to.deep.equal([]);
  });

  it('shows a message once when the server stored it but the answer was lost (clientId dedupe)', async () => {
    const { el, clock } = await chat({ mode: 'inline' });
    await start(el);
    el.panel!.realtime.stop(); // so only the answers to the sends can deliver the message
    mock.api.faults.set({ malformedJson: true, failNext: 1, match: 'sendMessage' });
    el.panel!.sendText('Nur einmal');
    await waitUntil(() => el.panel!.session!.outbox[0]?.attempts === 1, 'answer unreadable');
    await clock.advance(1000);
    await waitUntil(() => el.panel!.session!.outbox.length === 0, 'settled');
    await turns(8);
    expect(shown(el, 'citizen')).to.deep.equal(['Nur einmal']);
    expect(conversation(mock).messages.filter((m) => m.text === 'Nur einmal').length).to.equal(1);
  });

  for (const trigger of ['online', 'visibilitychange'] as const) {
    it(`fetches ?after= the last seen seq on ${trigger}`, async () => {
      const { el } = await chat({ mode: 'inline' });
      await start(el);
      await waitUntil(() => el.panel!.realtime.state === 'connected', 'connected');
      // A message the open stream never delivers (as after a silent network change).
      const c = conversation(mock);
      c.messages.push({ id: crypto.randomUUID(), seq: ++c.lastSeq, author: { kind: 'agent', name: 'Frau Schmidt' }, text: 'Verpasst?', createdAt: new Date().toISOString(), attachments: [], suggestions: [] });
      await turns(8);
      expect(shown(el, 'agent')).to.deep.equal([]);
      (trigger === 'online' ? window : document).dispatchEvent(new Event(trigger));
      await waitUntil(() => shown(el, 'agent').length === 1, 'caught up');
      expect(shown(el, 'agent')).to.deep.equal(['Verpasst?']);
    });
  }

  it('resumes after a dropped stream with what was missed, also behind its own newer message', async function () {
    this.timeout(70_000);
    const { el, clock } = await chat({ mode: 'inline' });
    await start(el);
    await waitUntil(() => el.panel!.realtime.state === 'connected', 'connected');
    mock.api.faults.set({ dropStreams: 2, match: 'streamChatEvents' });
    agentSays(mock, 'Während der Unterbrechung');
    el.panel!.sendText('Meine neuere Nachricht');
    await waitUntil(() => el.panel!.session!.outbox.length === 0, 'own message stored');
    await drain(clock, () => shown(el, 'agent').length > 0);
    expect(shown(el, 'agent')).to.deep.equal(['Während der Unterbrechung']);
    const seqs = $$(el, '.log [data-seq]').map((m) => Number(m.dataset.seq));
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
  });

  it('chaos: 200 messages out and 200 in while the stream drops and sends fail 100 times → 0 lost, 0 twice, seq order', async function () {
    this.timeout(240_000);
    const rng = seeded(20261201);
    const clock = new TestClock();
    clock.random = seeded(7);
    const { el } = await chat({ mode: 'inline' }, clock);
    await start(el);
    mock.api.state.chat.join(conversation(mock), 'Frau Schmidt'); // the bot stays silent from now on
    let streamsOpened = 0;
    let failedSends = 0;
    const onStart = ({ request }: { request: Request }) => {
      if (request.url.includes('/events')) streamsOpened++;
    };
    mock.worker.events.on('request:start', onStart);
    const onResponse = ({ request, response }: { request: Request; response: Response }) => {
      if (request.method === 'POST' && request.url.endsWith('/messages') && (response.status >= 500 || response.type === 'error')) failedSends++;
    };
    mock.worker.events.on('response:mocked', onResponse);
    const outgoing = Array.from({ length: 200 }, (_, i) => `out ${i}`);
    const incoming = Array.from({ length: 200 }, (_, i) => `in ${i}`);
    let out = 0;
    let inn = 0;
    let faults = 0;
    // One fault at a time, the next only once the previous one took full effect.
    const drop = () => mock.api.faults.set({ dropStreams: 1 + Math.floor(rng() * 3), match: 'streamChatEvents' });
    const sendFaults = [
      () => mock.api.faults.set({ status: 503, failNext: 1 + Math.floor(rng() * 3), match: 'sendMessage' }),
      () => mock.api.faults.set({ status: 500, failNext: 1 + Math.floor(rng() * 2), match: 'sendMessage' }),
      () => mock.api.faults.set({ malformedJson: true, failNext: 1, match: 'sendMessage' }),
    ];
    const exhausted = () => mock.api.faults.refusing === 0 && !(mock.api.faults.remaining! > 0);
    let drops = 0;
    while (out < 200 || inn < 200 || faults < 100) {
      const r = rng();
      // Messages and faults are paced together, so faults hit the whole run.
      if (r < 0.25 && out < 200 && out <= 2 * faults + 10) el.panel!.sendText(outgoing[out++]!);
      else if (r < 0.5 && inn < 200 && inn <= 2 * faults + 10) agentSays(mock, incoming[inn++]!);
      else if (r >= 0.5 && faults < 100 && exhausted()) {
        faults++;
        if (out >= 200 || rng() < 0.5) {
          drops++;
          drop();
        } else sendFaults[Math.floor(rng() * sendFaults.length)]!();
      }
      if (rng() < 0.3) await clock.advance(Math.floor(rng() * 5000));
      else await turns(1);
    }
    console.log(`chaos: ${faults} faults (${drops} stream drops)`);
    mock.api.faults.clear();
    mock.worker.events.removeListener('response:mocked', onResponse);
    mock.worker.events.removeListener('request:start', onStart);
    console.log(`chaos: ${streamsOpened} stream connections, ${failedSends} failed sends`);
    // The chaos really happened: many reconnects and many failed sends.
    expect(streamsOpened, 'stream connections').to.be.greaterThan(drops);
    expect(failedSends, 'failed sends').to.be.greaterThan(25);
    const complete = () =>
      el.panel!.session!.outbox.length === 0 && shown(el, 'citizen').length >= 200 && shown(el, 'agent').length >= 200;
    await drain(clock, complete);

    const server = conversation(mock).messages;
    const serverOut = server.filter((m) => m.author.kind === 'citizen').map((m) => m.text);
    expect(notOnce(serverOut, outgoing), 'on the server').to.deep.equal({ missing: [], twice: [] });
    expect(serverOut, 'sent in the order written').to.deep.equal(outgoing);
    expect(notOnce(shown(el, 'citizen'), outgoing), 'own messages shown').to.deep.equal({ missing: [], twice: [] });
    expect(notOnce(shown(el, 'agent'), incoming), 'agent messages shown').to.deep.equal({ missing: [], twice: [] });
    const seqs = $$(el, '.log [data-seq]').map((m) => Number(m.dataset.seq));
    expect(seqs, 'display order is the server sequence').to.deep.equal([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).to.equal(seqs.length);
    expect(seqs.length).to.equal(server.length + 1); // every message and the hand-off notice
    expect($$(el, '.msg--pending')).to.deep.equal([]);
  });
});
