// The call display soak (bench/soak.mjs bundles this page and runs it in Chromium): calls at a
// fixed rate for a stretch of simulated time, through the real widget (stream parser, realtime
// controller, feed, render). Time is a manual clock, so 30 minutes run in seconds; the network is
// a stubbed fetch that streams the events, so the numbers are the widget's own.
import '../call-display/call-display.js';
import type { CivicCallDisplay } from '../call-display/call-display.component.js';
import type { ChimeAudioContext } from '../shared/chime.js';
import { FakeClock, settle } from './fake-clock.js';

export interface SoakOptions {
  callsPerSecond: number;
  minutes: number;
  warmupCalls: number;
}

export interface SoakResult {
  calls: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  heapGrowthBytes: number;
  medianUpdateMs: number;
  p95UpdateMs: number;
  rowsRendered: number;
  pendingTimers: number;
  wallSeconds: number;
}

const encoder = new TextEncoder();
const START = Date.parse('2026-12-01T08:00:00+01:00');

function status(revision: number, calls: { ticket: string; desk: string; calledAt: string }[]) {
  return {
    location: 'soak',
    name: 'Soak',
    timeZone: 'Europe/Berlin',
    open: true,
    todayHours: [{ opens: '08:00', closes: '18:00' }],
    nowServing: calls,
    waitingCount: 12,
    services: [{ serviceId: 's', name: 'Service', waiting: 12, estimatedWaitMinutes: 9 }],
    ticketsOnline: true,
    notifications: { email: false, sms: false },
    ticker: 'Ticker',
    welcomeText: 'Willkommen',
    updatedAt: new Date(START).toISOString(),
    revision,
  };
}

const silentAudio: ChimeAudioContext = {
  currentTime: 0,
  destination: {},
  state: 'running',
  resume: () => Promise.resolve(),
  createOscillator: () => ({
    type: 'sine',
    frequency: { setValueAtTime: () => undefined },
    connect: () => undefined,
    start: () => undefined,
    stop: () => undefined,
  }),
  createGain: () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: () => undefined }),
};

declare global {
  interface Window {
    gc?: () => void;
    runSoak(options: SoakOptions): Promise<SoakResult>;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    window.gc?.();
    await settle(2);
  }
  return performance.memory?.usedJSHeapSize ?? 0;
}

window.runSoak = async ({ callsPerSecond, minutes, warmupCalls }: SoakOptions): Promise<SoakResult> => {
  const wall = performance.now();
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  let revision = 1;
  let calls: { ticket: string; desk: string; calledAt: string }[] = [];
  window.fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/events')) {
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (stream = c) });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    }
    return Promise.resolve(
      new Response(JSON.stringify(status(revision, calls)), { headers: { 'content-type': 'application/json' } }),
    );
  };

  const clock = new FakeClock(START);
  const el = document.createElement('civic-call-display') as CivicCallDisplay;
  el.setAttribute('api-base', '/api');
  el.setAttribute('lang', 'de');
  el.setAttribute('location', 'soak');
  el.setAttribute('rows', '8');
  el.clock = clock;
  el.audioContextFactory = () => silentAudio;
  el.speech = { speak: () => undefined, cancel: () => undefined, pending: false };
  document.body.append(el);
  while (!stream) await settle(1);
  el.shadowRoot!.querySelector<HTMLButtonElement>('.start button')?.click();

  const stepMs = 1000 / callsPerSecond;
  const total = Math.round(minutes * 60 * callsPerSecond);
  const durations: number[] = [];
  let heapBefore = 0;
  const first = () => el.shadowRoot!.querySelector('.call .ticket')?.textContent;

  for (let n = 1; n <= warmupCalls + total; n++) {
    if (n === warmupCalls + 1) heapBefore = await heap();
    revision++;
    const call = { ticket: `A${String(n % 1000).padStart(3, '0')}`, desk: `Platz ${(n % 9) + 1}`, calledAt: new Date(clock.now()).toISOString() };
    calls = [call, ...calls].slice(0, 10);
    const t0 = performance.now();
    stream.enqueue(
      encoder.encode(
        `event: called\nid: ${revision}\ndata: ${JSON.stringify(call)}\n\n` +
          `event: updated\nid: ${revision}\ndata: ${JSON.stringify(status(revision, calls))}\n\n`,
      ),
    );
    while (first() !== call.ticket) await settle(1);
    await el.updateComplete;
    if (n > warmupCalls) durations.push(performance.now() - t0);
    // Time moves on: highlight expiry, clock ticks, the stale timer re-armed by every event.
    await clock.advance(stepMs);
  }
  const heapAfter = await heap();
  durations.sort((a, b) => a - b);
  const result: SoakResult = {
    calls: total,
    heapBeforeBytes: heapBefore,
    heapAfterBytes: heapAfter,
    heapGrowthBytes: heapAfter - heapBefore,
    medianUpdateMs: durations[Math.floor(durations.length / 2)] ?? 0,
    p95UpdateMs: durations[Math.floor(durations.length * 0.95)] ?? 0,
    rowsRendered: el.shadowRoot!.querySelectorAll('.call').length,
    pendingTimers: clock.pendingCount,
    wallSeconds: (performance.now() - wall) / 1000,
  };
  el.remove();
  return result;
};
