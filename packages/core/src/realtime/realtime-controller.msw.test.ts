// The controller against a real fetch Response streamed through msw's service worker.
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { RealtimeController } from './realtime-controller.js';
import { FakeClock } from './fake-clock.js';
import type { SseEvent } from './sse-parser.js';

const encoder = new TextEncoder();
const seen: { lastEventId: string | null; accept: string | null }[] = [];
const streams: ReadableStreamDefaultController<Uint8Array>[] = [];

const worker = setupWorker(
  http.get('/test-realtime/events', ({ request }) => {
    seen.push({ lastEventId: request.headers.get('last-event-id'), accept: request.headers.get('accept') });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        streams.push(controller);
      },
    });
    return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' } });
  }),
);

/** What core's API client `openStream()` does, reduced to the headers this test checks. */
function open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  return fetch('/test-realtime/events', { headers, signal });
}

class RealtimeTestHost extends LitElement {
  clock = new FakeClock();
  events: SseEvent[] = [];
  signals: AbortSignal[] = [];
  realtime = new RealtimeController(this, {
    open: (id, signal) => {
      this.signals.push(signal);
      return open(id, signal);
    },
    onEvent: (e) => this.events.push(e),
    pauseWhenHidden: false,
    clock: this.clock,
  });
  override render() {
    return html`<p role="status">${this.realtime.state}</p>`;
  }
}
customElements.define('realtime-test-host', RealtimeTestHost);

function push(index: number, text: string): void {
  streams[index]?.enqueue(encoder.encode(text));
}

describe('RealtimeController over a real fetch (msw)', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('streams events, resumes with Last-Event-ID after a drop, renders its state and aborts on removal', async () => {
    const el = document.createElement('realtime-test-host') as RealtimeTestHost;
    document.body.append(el);
    await waitUntil(() => el.realtime.state === 'connected' && streams.length === 1, 'first connection');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('p')?.textContent).to.equal('connected');
    expect(seen[0]).to.deep.equal({ lastEventId: null, accept: 'text/event-stream' });

    push(0, 'retry: 10\nid: c-1\ndata: {"seq":1}\n\n');
    push(0, 'id: c-2\nevent: message.created\ndata: {"seq":2,"text":"Grüß Gott"}\n\n');
    await waitUntil(() => el.events.length === 2, 'two events');
    expect(el.events).to.deep.equal([
      { type: 'message', data: '{"seq":1}', id: 'c-1' },
      { type: 'message.created', data: '{"seq":2,"text":"Grüß Gott"}', id: 'c-2' },
    ]);

    streams[0]?.close();
    await waitUntil(() => el.realtime.state === 'reconnecting', 'drop noticed');
    await el.clock.advance(10);
    await waitUntil(() => el.realtime.state === 'connected' && streams.length === 2, 'reconnected');
    expect(seen[1]?.lastEventId).to.equal('c-2');

    push(1, 'id: c-3\ndata: {"seq":3}\n\n');
    await waitUntil(() => el.events.length === 3, 'third event');

    el.remove();
    expect(el.realtime.state).to.equal('closed');
    expect(el.signals[1]?.aborted).to.equal(true);
  });
});
