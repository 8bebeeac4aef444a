/**
 * Test support (not exported from the package): a fake clock whose timers only run when a test
 * says so, one msw service worker per test page serving a fresh mock API under `/api` (exactly as
 * the demo page does), and a `fetch` that records every request the simulator makes.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { getResponse, type RequestHandler } from 'msw';
import { ManualClock, TEST_MODE_SETTINGS, createMockApi, type BackendSettings, type MockApi } from '@civic-elements/mock-api';
import type { SimulatorClock } from './simulator.js';

/** Tuesday, 1 December 2026, 10:00 in Musterstadt: queues, video office and chat desk are open. */
export const T0 = Date.parse('2026-12-01T10:00:00+01:00');
export const MINUTE = 60_000;

/** Timers that run only in {@link FakeClock.runDue}; time shared with the mock's ManualClock. */
export class FakeClock implements SimulatorClock {
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(readonly base: ManualClock) {}

  now(): number {
    return this.base.now();
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now() + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers not yet run or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  /** When the earliest pending timer is due (Infinity when none). */
  get nextAt(): number {
    return Math.min(...[...this.timers.values()].map((t) => t.at));
  }

  advance(ms: number): void {
    this.base.advance(ms);
  }

  /** Runs (once) every timer due by now; returns how many ran. */
  runDue(): number {
    const due = [...this.timers.entries()].filter(([, t]) => t.at <= this.now());
    for (const [id, t] of due) {
      this.timers.delete(id);
      t.callback();
    }
    return due.length;
  }
}

let worker: SetupWorker | undefined;

/** Starts the page's msw worker once (with no handlers); later calls reuse it. */
export async function startWorker(): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker();
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
  }
  return worker;
}

/** Serves these handlers (and only these) from the page's worker. */
export async function serve(handlers: RequestHandler[]): Promise<void> {
  (await startWorker()).resetHandlers(...handlers);
}

export interface RecordedRequest {
  method: string;
  /** The path below the mock's base, e.g. `/staff/v1/queues/buergerbuero-mitte/call`. */
  path: string;
  headers: Headers;
  body: unknown;
}

/** A `fetch` for the simulator that records each request (then sends it through the worker). */
export function recordingFetch(): { fetch: typeof fetch; requests: RecordedRequest[]; operations(): string[] } {
  const requests: RecordedRequest[] = [];
  const recorded: typeof fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    const headers = new Headers(init?.headers);
    requests.push({
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api(\/t\d+)?/, '') + url.search,
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return fetch(input, init);
  };
  return { fetch: recorded, requests, operations: () => requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`) };
}

export interface MockSetup {
  /** Where this mock answers: `/api/t<n>` (the demo uses `/api`; see mockBackend). */
  baseUrl: string;
  api: MockApi;
  clock: FakeClock;
  staffKey: string;
  /** A `fetch` answered by the same handlers in the page, without the worker round trip. */
  directFetch: typeof fetch;
  /** A citizen-side request to the mock (through the worker), JSON in and out. */
  citizen(method: string, path: string, options?: { body?: unknown; token?: string; key?: boolean }): Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let keys = 0;
let mocks = 0;

/**
 * A fresh mock API at {@link T0} with a fake clock sharing its time, served by the page's worker
 * under its own prefix `/api/t<n>` — like the demo's `/api`, but unique per test: a request an
 * earlier test aborted can still reach the page's msw late, and must not land in this mock.
 */
export async function mockBackend(settings: Partial<BackendSettings> = TEST_MODE_SETTINGS, sleep?: (ms: number) => Promise<void>): Promise<MockSetup> {
  const manual = new ManualClock(T0);
  const baseUrl = `/api/t${++mocks}`;
  const api = createMockApi({ clock: manual, settings, base: baseUrl, pingMs: 3_600_000, ...(sleep && { sleep }) });
  await serve(api.handlers);
  return {
    baseUrl,
    api,
    clock: new FakeClock(manual),
    directFetch: async (input, init) => {
      const request = new Request(new URL(String(input), location.href), init);
      return (await getResponse(api.handlers, request)) ?? new Response('No handler', { status: 404 });
    },
    staffKey: api.ctx.staffKey,
    async citizen(method, path, options = {}) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      if (options.key) headers['Idempotency-Key'] = `test-key-${++keys}-${T0}`;
      const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
  };
}
