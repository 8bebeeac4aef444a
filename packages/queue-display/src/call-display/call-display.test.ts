import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '@civic-elements/core/testing';
import './call-display.js';
import type { CivicCallDisplay, Speech } from './call-display.component.js';
import type { ChimeAudioContext } from '../shared/chime.js';
import { FakeClock } from '../testing/fake-clock.js';
import { overflowX, withNarrowViewport } from '../testing/narrow.js';
import { CLOSED_AT, resetBackend, startBackend, type TestBackend } from '../testing/mock.js';

/** Waits for a state; generous, because a shared CI machine can be slow (never waits on widget timers). */
const waitUntil = (test: () => unknown, message?: string, options: { timeout?: number } = {}) =>
  waitFor(test, message, { timeout: 5000, ...options });

const LOCATION = 'buergerbuero-mitte';
let backend: TestBackend;

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tickets = (el: Element) => [...root(el).querySelectorAll('.call .ticket')].map((n) => n.textContent?.trim());
const liveText = (el: Element) => [...root(el).querySelectorAll('[data-civic-live]')].map((r) => r.textContent ?? '').join(' ');
const queue = () => backend.api.state.queues.queues.get(LOCATION)!;
const callNext = (desk = 'Schalter 2') => backend.api.state.queues.callNext(queue(), desk);
const feedOf = (el: CivicCallDisplay) =>
  (el as unknown as { feed: { realtime: { state: string }; seen: Set<string> } }).feed;

class FakeAudio implements ChimeAudioContext {
  currentTime = 0;
  destination = {};
  state = 'running';
  tones: number[] = [];
  resume = () => Promise.resolve();
  createOscillator() {
    const tones = this.tones;
    return {
      type: 'sine',
      frequency: { setValueAtTime: (value: number) => tones.push(value) },
      connect: () => undefined,
      start: () => undefined,
      stop: () => undefined,
    };
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined };
  }
}

class FakeSpeech implements Speech {
  spoken: { text: string; lang: string }[] = [];
  pending = false;
  cancelled = 0;
  speak(u: SpeechSynthesisUtterance): void {
    this.spoken.push({ text: u.text, lang: u.lang });
  }
  cancel(): void {
    this.cancelled++;
  }
}

async function render(options: { clock?: FakeClock; rows?: number; columns?: number; voice?: string; lang?: string } = {}) {
  const clock = options.clock ?? new FakeClock(Date.parse('2026-12-01T10:00:00+01:00'));
  const audio = new FakeAudio();
  const speech = new FakeSpeech();
  const el = await fixture<CivicCallDisplay>(html`<civic-call-display
    api-base="/api"
    lang=${options.lang ?? 'de'}
    location=${LOCATION}
    rows=${options.rows ?? 6}
    columns=${options.columns ?? 1}
    voice=${options.voice ?? ''}
    .clock=${clock}
    .audioContextFactory=${() => audio}
    .speech=${speech}
  ></civic-call-display>`);
  await waitUntil(() => root(el).querySelector('#title') && !root(el).querySelector('.loading'), 'board loaded');
  await waitUntil(() => feedOf(el).realtime.state === 'connected', 'stream connected');
  return { el, clock, audio, speech };
}

describe('<civic-call-display>', () => {
  before(async () => {
    backend = await startBackend();
  });
  beforeEach(() => resetBackend(backend));
  afterEach(async () => {
    backend.worker.resetHandlers(...backend.api.handlers);
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows the latest calls, clock, welcome, ticker, waiting count and the wait without appointment', async () => {
    const { el } = await render();
    expect(text(el, '#title')).to.equal('Wartebereich Bürgerbüro Mitte');
    expect(text(el, '.clock time')).to.equal('10:00');
    expect(tickets(el)).to.deep.equal(['A016', 'M030', 'B007']);
    expect(text(el, '.call .desk')).to.equal('Schalter 2');
    expect(text(el, '.welcome')).to.equal('Willkommen im Bürgerbüro Mitte! Bitte ziehen Sie eine Wartenummer.');
    expect(text(el, '.ticker')).to.contain('Am Stadtgründungstag bleiben alle Bürgerbüros geschlossen.');
    expect(text(el, '.waiting')).to.equal('5 Personen warten');
    expect(text(el, '.wait')).to.equal('Wartezeit ohne Termin: etwa 8 Minuten');
    expect(root(el).querySelector('.newest')).to.equal(null);
    await expectAccessible(el, { state: '#title' });
  });

  it('highlights a new call, blinks it three times, announces it, and ends the highlight after 60 s', async () => {
    const { el, clock } = await render();
    callNext('Schalter 3');
    await waitUntil(() => tickets(el)[0] === 'A017', 'call shown');
    const first = root(el).querySelector('.call')!;
    expect(first.classList.contains('newest')).to.equal(true);
    expect(first.classList.contains('blink')).to.equal(true);
    const style = getComputedStyle(first);
    expect(style.animationName).to.equal('civic-blink');
    expect(style.animationIterationCount).to.equal('3');
    await waitUntil(() => liveText(el).includes('Nummer A017 bitte zu Schalter 3.'), 'announced');
    await expectAccessible(el, { state: '.newest' });
    await clock.advance(60_000);
    await el.updateComplete;
    expect(root(el).querySelector('.newest')).to.equal(null);
  });

  it('does not blink with reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await render();
    callNext();
    await waitUntil(() => root(el).querySelector('.newest'), 'highlighted');
    expect(getComputedStyle(root(el).querySelector('.newest')!).animationName).to.equal('none');
  });

  it('plays the chime and speaks the call in every configured language only after the one-time start', async () => {
    const { el, audio, speech } = await render({ voice: 'de en' });
    callNext('Schalter 1');
    await waitUntil(() => tickets(el)[0] === 'A017', 'first call');
    expect(audio.tones).to.deep.equal([]);
    expect(speech.spoken).to.deep.equal([]);

    // Keyboard: the start button is the only control.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Anzeige starten');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).querySelector('.start')).to.equal(null);
    // The chime's code loads on "start".
    await waitUntil(() => (el as unknown as { chime?: unknown }).chime, 'chime ready');

    callNext('Schalter 2');
    await waitUntil(() => speech.spoken.length === 2, 'spoken twice');
    await waitUntil(() => audio.tones.length === 2, 'chime');
    expect(audio.tones).to.deep.equal([660, 523.25]);
    expect(speech.spoken).to.deep.equal([
      { text: 'Nummer M031, bitte zu Schalter 2.', lang: 'de' },
      { text: 'Number M031, please go to Schalter 2.', lang: 'en' },
    ]);
  });

  it('lays the calls out in rows × columns', async () => {
    for (let i = 0; i < 5; i++) callNext(`Schalter ${(i % 3) + 1}`);
    const { el } = await render({ rows: 2, columns: 3 });
    expect(root(el).querySelector('.calls')!.classList.contains('cols-3')).to.equal(true);
    expect(tickets(el)).to.have.length(6);
  });

  it('fits a 320 px wide screen in one column', async () => {
    for (let i = 0; i < 5; i++) callNext(`Schalter ${(i % 3) + 1}`);
    await withNarrowViewport(async () => {
      const { el } = await render({ rows: 5, columns: 2 });
      await el.updateComplete;
      expect(overflowX()).to.equal(0);
    });
  });

  it('shows a stale indicator while disconnected and recovers with Last-Event-ID', async () => {
    const { el, clock } = await render();
    const revision = String(queue().revision);
    backend.api.faults.set({ dropStreams: 100, status: 500, match: /^(getQueue|streamQueueEvents)$/ });
    await clock.advance(46_000);
    await waitUntil(() => root(el).querySelector('.stale'), 'stale');
    expect(text(el, '.stale')).to.equal('Verbindung unterbrochen – Stand 10:00 Uhr');
    await expectAccessible(el, { state: '.stale' });
    callNext();
    backend.api.faults.clear();
    await clock.advance(30_000);
    await waitUntil(() => feedOf(el).realtime.state === 'connected' && tickets(el)[0] === 'A017', 'recovered');
    // Reconnects resume from the last event seen (the service worker is shared by the test pages
    // running in parallel, so other pages' first connections may be recorded too).
    expect(backend.streamIds.filter((id) => id !== null).at(-1)).to.equal(revision);
    expect(root(el).querySelector('.stale')).to.equal(null);
    expect(tickets(el).filter((n) => n === 'A017')).to.have.length(1);
  });

  it('keeps running while the page is hidden (the stream is never paused)', async () => {
    const { el } = await render();
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      callNext();
      await waitUntil(() => tickets(el)[0] === 'A017', 'call while hidden');
      expect(feedOf(el).realtime.state).to.equal('connected');
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      Object.defineProperty(Document.prototype, 'visibilityState', hidden);
    }
  });

  it('keeps memory bounded over many calls: fixed rows, bounded call memory, constant timers', async () => {
    const { el, clock } = await render({ rows: 4 });
    const timersBefore = clock.pendingCount;
    // 60 more tickets, then 60 calls.
    for (let i = 0; i < 60; i++) {
      const res = await fetch('/api/v1/queues/buergerbuero-mitte/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ service: 'dokument-abholung' }),
      });
      expect(res.status).to.equal(201);
    }
    for (let i = 0; i < 60; i++) callNext(`Schalter ${(i % 3) + 1}`);
    await waitUntil(() => backend.api.state.queues.queues.get(LOCATION)!.calls[0]!.ticket === tickets(el)[0], 'caught up', { timeout: 8000 });
    expect(tickets(el)).to.have.length(4);
    expect(feedOf(el).seen.size).to.be.at.most(50);
    expect(clock.pendingCount).to.be.at.most(timersBefore + 1);
  });

  it('shows closed after hours', async () => {
    resetBackend(backend, CLOSED_AT);
    const { el } = await render();
    expect(text(el, '.closed')).to.equal('Zurzeit geschlossen');
    expect(text(el, '.wait')).to.equal('Wartezeit ohne Termin: keine Schätzung');
    await expectAccessible(el, { state: '.closed' });
  });

  it('renders in English', async () => {
    const { el } = await render({ lang: 'en' });
    await waitUntil(() => text(el, '.waiting') === '5 people waiting', 'English');
    expect(text(el, '.start button')).to.equal('Start the display');
    await expectAccessible(el, { state: '#title' });
  });

  it('shows the error with the fallback content and retries', async () => {
    backend.api.faults.set({ status: 500, match: 'getQueue' });
    const el = await fixture<CivicCallDisplay>(html`<civic-call-display api-base="/api" lang="de" location=${LOCATION} .clock=${new FakeClock()}
      ><p>Bitte achten Sie auf die Aufrufe am Bildschirm im Wartebereich.</p></civic-call-display
    >`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error');
    expect(root(el).querySelector('slot')).to.not.equal(null);
    await expectAccessible(el, { state: '[role="alert"]' });
    backend.api.faults.clear();
    root(el).querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => text(el, '#title') === 'Wartebereich Bürgerbüro Mitte', 'recovered');
  });
});
