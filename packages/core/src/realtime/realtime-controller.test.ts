import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RealtimeController, type RealtimeOptions, type RealtimeState } from './realtime-controller.js';
import { FakeClock, settle } from './fake-clock.js';
import type { SseEvent } from './sse-parser.js';

const encoder = new TextEncoder();

interface Connection {
  lastEventId: string | undefined;
  signal: AbortSignal;
  cancelled: boolean;
  send(text: string): void;
  end(): void;
}

/** A stand-in for the API client's `openStream()`: every call is recorded and controllable. */
class FakeServer {
  mode: 'stream' | 'reject' | 'html' | 'hang' | 'status' = 'stream';
  status = 503;
  rejectWith: unknown = new TypeError('Failed to fetch');
  calls: { lastEventId: string | undefined; signal: AbortSignal }[] = [];
  connections: Connection[] = [];

  open = (lastEventId: string | undefined, signal: AbortSignal): Promise<Response> => {
    this.calls.push({ lastEventId, signal });
    if (this.mode === 'reject') return Promise.reject(this.rejectWith);
    if (this.mode === 'hang') {
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (this.mode === 'status') return Promise.resolve(new Response(null, { status: this.status }));
    if (this.mode === 'html') {
      return Promise.resolve(new Response('<p>proxy</p>', { headers: { 'content-type': 'text/html' } }));
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const connection: Connection = {
      lastEventId,
      signal,
      cancelled: false,
      send: (text) => controller.enqueue(encoder.encode(text)),
      end: () => controller.close(),
    };
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      cancel() {
        connection.cancelled = true;
      },
    });
    this.connections.push(connection);
    return Promise.resolve(
      new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    );
  };

  get last(): Connection {
    const connection = this.connections.at(-1);
    if (!connection) throw new Error('no connection yet');
    return connection;
  }
}

class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  states: RealtimeState[] = [];
  stateOf: () => RealtimeState = () => 'idle';
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.states.push(this.stateOf());
  }
}

const running: RealtimeController[] = [];

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

function setup(options: Partial<RealtimeOptions> = {}) {
  const clock = new FakeClock();
  const server = new FakeServer();
  const host = new FakeHost();
  const events: SseEvent[] = [];
  const counts = { catchUps: 0, polls: 0 };
  const rt = new RealtimeController(host, {
    open: server.open,
    onEvent: (e) => events.push(e),
    onCatchUp: async () => {
      counts.catchUps++;
    },
    staleAfterMs: 1e9,
    clock,
    ...options,
  });
  host.stateOf = () => rt.state;
  running.push(rt);
  const connectHost = async (): Promise<void> => {
    rt.hostConnected();
    await settle();
  };
  /** Delay of the pending reconnect (the stale timer is set far away in these tests). */
  const reconnectDelay = (): number | undefined => clock.pending.filter((ms) => ms !== 1e9).at(-1);
  return { clock, server, host, events, counts, rt, connectHost, reconnectDelay };
}

describe('RealtimeController', () => {
  beforeEach(() => setVisibility('visible'));
  afterEach(() => {
    for (const rt of running.splice(0)) rt.hostDisconnected();
    delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
  });

  it('delivers events in order and requests a host update on every state change', async () => {
    const t = setup();
    await t.connectHost();
    expect(t.server.calls).to.have.length(1);
    expect(t.server.calls[0]?.lastEventId).to.equal(undefined);
    expect(t.rt.state).to.equal('connected');
    t.server.last.send('id: 1\ndata: one\n\nid: 2\nevent: called\nda');
    t.server.last.send('ta: two\n\ndata: three\n\n');
    await settle();
    expect(t.events).to.deep.equal([
      { type: 'message', data: 'one', id: '1' },
      { type: 'called', data: 'two', id: '2' },
      { type: 'message', data: 'three', id: '2' },
    ]);
    expect(t.host.states).to.deep.equal(['connecting', 'connected']);
    expect(t.rt.lastEventId).to.equal('2');
  });

  it('reconnects a dropped stream with Last-Event-ID, on every reconnect', async () => {
    const t = setup();
    await t.connectHost();
    t.server.last.send('id: 41\ndata: a\n\nid: 42\ndata: b\n\n');
    t.server.last.end();
    await settle();
    expect(t.rt.state).to.equal('reconnecting');
    await t.clock.advance(1000);
    expect(t.server.calls.map((c) => c.lastEventId)).to.deep.equal([undefined, '42']);
    expect(t.rt.state).to.equal('connected');
    // Dropped again without anything new: the same id again.
    t.server.last.end();
    await t.clock.advance(1000);
    expect(t.server.calls[2]?.lastEventId).to.equal('42');
    // An id-only block still moves the id on.
    t.server.last.send('id: 43\n\n');
    t.server.last.end();
    await t.clock.advance(1000);
    expect(t.server.calls[3]?.lastEventId).to.equal('43');
    expect(t.events.map((e) => e.id)).to.deep.equal(['41', '42']);
  });

  it('backs off exponentially with jitter, capped at maxMs', async () => {
    for (const [random, expected] of [
      [0, [500, 1000, 2000, 4000, 4000]],
      [0.25, [625, 1250, 2500, 5000, 5000]],
      [0.9999, [1000, 2000, 4000, 8000, 8000]],
    ] as const) {
      const t = setup({ backoff: { initialMs: 1000, maxMs: 8000, factor: 2 } });
      t.clock.randomValue = random;
      t.server.mode = 'reject';
      await t.connectHost();
      const delays: number[] = [];
      for (let i = 0; i < expected.length; i++) {
        const delay = t.reconnectDelay() ?? -1;
        delays.push(delay);
        await t.clock.advance(delay);
      }
      expect(delays, `random ${random}`).to.deep.equal(expected);
      expect(t.rt.state).to.equal('reconnecting');
    }
  });

  it('resets the backoff after a healthy connection (one that delivered data), not after an empty one', async () => {
    const t = setup({ backoff: { initialMs: 1000, maxMs: 30_000, factor: 2 } });
    t.clock.randomValue = 0;
    t.server.mode = 'reject';
    await t.connectHost();
    await t.clock.advance(500);
    await t.clock.advance(1000);
    expect(t.reconnectDelay()).to.equal(2000);
    t.server.mode = 'stream';
    await t.clock.advance(2000);
    expect(t.rt.state).to.equal('connected');
    t.server.last.end(); // accepted, but closed before sending anything
    await settle();
    expect(t.reconnectDelay()).to.equal(4000);
    await t.clock.advance(4000);
    t.server.last.send(': hello\n');
    t.server.last.end();
    await settle();
    expect(t.reconnectDelay()).to.equal(500);
  });

  it('honours the server\'s retry: field, also above maxMs', async () => {
    const t = setup({ backoff: { initialMs: 1000, maxMs: 30_000, factor: 2 } });
    t.clock.randomValue = 0;
    await t.connectHost();
    t.server.last.send('retry: 5000\n\n');
    t.server.last.end();
    await settle();
    expect(t.reconnectDelay()).to.equal(5000);
    t.server.mode = 'reject';
    await t.clock.advance(5000);
    expect(t.reconnectDelay()).to.equal(5000);
    t.clock.randomValue = 0.9999;
    await t.clock.advance(5000);
    expect(t.reconnectDelay()).to.equal(10_000);
    t.server.mode = 'stream';
    await t.clock.advance(10_000);
    t.server.last.send('retry: 60000\n');
    t.server.last.end();
    await settle();
    expect(t.reconnectDelay()).to.equal(60_000);
  });

  it('catches up after a reconnect, not after the first connection', async () => {
    const t = setup();
    await t.connectHost();
    await settle();
    expect(t.counts.catchUps).to.equal(0);
    t.server.last.end();
    await t.clock.advance(1000);
    expect(t.rt.state).to.equal('connected');
    expect(t.counts.catchUps).to.equal(1);
  });

  it('catches up when the page becomes visible again while the stream stayed open', async () => {
    const t = setup({ pauseWhenHidden: false });
    await t.connectHost();
    setVisibility('hidden');
    setVisibility('visible');
    await settle();
    expect(t.counts.catchUps).to.equal(1);
    expect(t.server.calls).to.have.length(1);
  });

  it('catches up when the browser comes back online, and reconnects at once if it was waiting', async () => {
    const t = setup();
    await t.connectHost();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(t.counts.catchUps).to.equal(1);
    t.server.last.end();
    await settle();
    expect(t.server.calls).to.have.length(1);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(t.server.calls).to.have.length(2);
    expect(t.rt.state).to.equal('connected');
    expect(t.counts.catchUps).to.equal(2);
  });

  it('pauses while hidden (default) and resumes from the last id with a catch-up when visible', async () => {
    const t = setup();
    await t.connectHost();
    t.server.last.send('id: 9\ndata: x\n\n');
    await settle();
    const first = t.server.last;
    setVisibility('hidden');
    await settle();
    expect(first.signal.aborted).to.equal(true);
    expect(first.cancelled).to.equal(true);
    expect(t.rt.state).to.equal('idle');
    await t.clock.advance(10 * 60_000);
    expect(t.server.calls).to.have.length(1);
    setVisibility('visible');
    await settle();
    expect(t.server.calls.map((c) => c.lastEventId)).to.deep.equal([undefined, '9']);
    expect(t.host.states.slice(-2)).to.deep.equal(['reconnecting', 'connected']);
    expect(t.counts.catchUps).to.equal(1);
  });

  it('does not open the stream while the page starts hidden', async () => {
    setVisibility('hidden');
    const t = setup();
    await t.connectHost();
    expect(t.server.calls).to.have.length(0);
    setVisibility('visible');
    await settle();
    expect(t.server.calls).to.have.length(1);
    expect(t.rt.state).to.equal('connected');
  });

  it('keeps streaming while hidden when pauseWhenHidden is false', async () => {
    const t = setup({ pauseWhenHidden: false });
    await t.connectHost();
    setVisibility('hidden');
    t.server.last.send('data: Sie sind dran\n\n');
    await settle();
    expect(t.server.last.signal.aborted).to.equal(false);
    expect(t.events.map((e) => e.data)).to.deep.equal(['Sie sind dran']);
    expect(t.rt.state).to.equal('connected');
  });

  it('falls back to polling after N failures, only while visible, and stops once the stream is back', async () => {
    const t = setup({
      pollIntervalMs: 20_000,
      pollAfterFailures: 3,
      poll: async () => {
        t.counts.polls++;
      },
    });
    t.server.mode = 'reject';
    await t.connectHost();
    await t.clock.advance(750);
    expect(t.counts.polls).to.equal(0);
    await t.clock.advance(1500);
    expect(t.counts.polls).to.equal(1);
    expect(t.rt.state).to.equal('polling');
    await t.clock.advance(20_000);
    expect(t.counts.polls).to.equal(2);

    const attempts = t.server.calls.length;
    setVisibility('hidden');
    await t.clock.advance(120_000);
    expect(t.counts.polls).to.equal(2);
    expect(t.server.calls).to.have.length(attempts);
    setVisibility('visible');
    await settle();
    expect(t.counts.polls).to.equal(3);

    t.server.mode = 'stream';
    await t.clock.advance(30_000);
    expect(t.rt.state).to.equal('connected');
    const polls = t.counts.polls;
    await t.clock.advance(120_000);
    expect(t.counts.polls).to.equal(polls);
  });

  it('keeps polling while hidden when pauseWhenHidden is false', async () => {
    const t = setup({
      pauseWhenHidden: false,
      pollIntervalMs: 20_000,
      pollAfterFailures: 1,
      poll: async () => {
        t.counts.polls++;
      },
    });
    t.server.mode = 'reject';
    await t.connectHost();
    expect(t.counts.polls).to.equal(1);
    setVisibility('hidden');
    await t.clock.advance(40_000);
    expect(t.counts.polls).to.equal(3);
  });

  it('polls at once when the response is not an event stream', async () => {
    const t = setup({
      poll: async () => {
        t.counts.polls++;
      },
    });
    t.server.mode = 'html';
    await t.connectHost();
    expect(t.counts.polls).to.equal(1);
    expect(t.rt.state).to.equal('polling');
  });

  it('becomes stale after staleAfterMs without a connection, and connected again once it succeeds', async () => {
    const t = setup({ staleAfterMs: 10_000, backoff: { initialMs: 1000, maxMs: 4000 } });
    t.server.mode = 'reject';
    await t.connectHost();
    await t.clock.advance(9_999);
    expect(t.rt.state).to.equal('reconnecting');
    await t.clock.advance(1);
    expect(t.rt.state).to.equal('stale');
    t.server.mode = 'stream';
    await t.clock.advance(4000);
    expect(t.rt.state).to.equal('connected');
    expect(t.rt.lastHealthyAt).to.be.greaterThan(10_000);
  });

  it('treats an open but silent stream as stale: drops it and reconnects; heartbeats keep it fresh', async () => {
    const t = setup({ staleAfterMs: 10_000 });
    await t.connectHost();
    await t.clock.advance(6000);
    t.server.last.send(':\n');
    await t.clock.advance(6000);
    expect(t.rt.state).to.equal('connected');
    const silent = t.server.last;
    await t.clock.advance(4000);
    expect(silent.signal.aborted).to.equal(true);
    expect(silent.cancelled).to.equal(true);
    expect(t.rt.state).to.equal('stale');
    await t.clock.advance(2000);
    expect(t.server.calls).to.have.length(2);
    expect(t.rt.state).to.equal('connected');
  });

  it('aborts the stream when the host disconnects and never reconnects', async () => {
    const t = setup();
    await t.connectHost();
    const connection = t.server.last;
    t.rt.hostDisconnected();
    await settle();
    expect(connection.signal.aborted).to.equal(true);
    expect(connection.cancelled).to.equal(true);
    expect(t.rt.state).to.equal('closed');
    await t.clock.advance(60 * 60_000);
    expect(t.server.calls).to.have.length(1);
  });

  it('aborts a fetch still opening when the host disconnects', async () => {
    const t = setup();
    t.server.mode = 'hang';
    await t.connectHost();
    expect(t.rt.state).to.equal('connecting');
    t.rt.hostDisconnected();
    await settle();
    expect(t.server.calls[0]?.signal.aborted).to.equal(true);
    expect(t.rt.state).to.equal('closed');
    await t.clock.advance(60 * 60_000);
    expect(t.server.calls).to.have.length(1);
  });

  it('with autoStart false waits for start(); restart() reopens from the last id', async () => {
    const t = setup({ autoStart: false });
    await t.connectHost();
    expect(t.server.calls).to.have.length(0);
    expect(t.rt.state).to.equal('idle');
    t.rt.start();
    await settle();
    t.server.last.send('id: 5\ndata: x\n\n');
    await settle();
    const first = t.server.last;
    t.rt.restart();
    await settle();
    expect(first.signal.aborted).to.equal(true);
    expect(t.server.calls.map((c) => c.lastEventId)).to.deep.equal([undefined, '5']);
    expect(t.host.states).to.deep.equal(['connecting', 'connected', 'idle', 'connecting', 'connected']);
    t.rt.stop();
    expect(t.rt.state).to.equal('closed');
    expect(t.server.last.signal.aborted).to.equal(true);
  });

  it('starts from a given lastEventId', async () => {
    const t = setup({ lastEventId: '17' });
    await t.connectHost();
    expect(t.server.calls[0]?.lastEventId).to.equal('17');
  });

  it('closes instead of retrying when giveUp says the error is final', async () => {
    const t = setup({ giveUp: (error) => (error as { status?: number }).status === 401 });
    t.server.mode = 'reject';
    t.server.rejectWith = { status: 401 };
    await t.connectHost();
    expect(t.rt.state).to.equal('closed');
    await t.clock.advance(60_000);
    expect(t.server.calls).to.have.length(1);
  });

  it('treats a non-2xx response like a failed connection, and lets giveUp see its status', async () => {
    const t = setup({
      poll: async () => {
        t.counts.polls++;
      },
      giveUp: (error) => error instanceof Response && error.status === 404,
    });
    t.clock.randomValue = 0;
    t.server.mode = 'status';
    await t.connectHost();
    expect(t.counts.polls).to.equal(0);
    expect(t.reconnectDelay()).to.equal(500);
    expect(t.rt.state).to.equal('reconnecting');
    t.server.status = 404;
    await t.clock.advance(500);
    expect(t.rt.state).to.equal('closed');
    await t.clock.advance(60_000);
    expect(t.server.calls).to.have.length(2);
  });

  it('keeps the stream when the widget\'s onEvent throws, reporting the error globally', async () => {
    const reported: unknown[] = [];
    const original = window.reportError;
    window.reportError = (error: unknown) => reported.push(error);
    try {
      const t = setup({
        onEvent: (e) => {
          if (e.data === 'bad') throw new Error('widget bug');
          t.events.push(e);
        },
      });
      await t.connectHost();
      t.server.last.send('data: bad\n\ndata: good\n\n');
      await settle();
      expect(t.events.map((e) => e.data)).to.deep.equal(['good']);
      expect(reported).to.have.length(1);
      expect(t.rt.state).to.equal('connected');
    } finally {
      window.reportError = original;
    }
  });
});
