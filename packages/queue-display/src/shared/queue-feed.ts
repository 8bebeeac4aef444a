import type { ReactiveController } from 'lit';
import {
  CivicApiError,
  RealtimeController,
  clientFor,
  isAbortError,
  type CivicElement,
  type RealtimeClock,
} from '@civic-elements/core';
import { callKey, parseData, queueCall, queueStatus, tickerData, type QueueCall, type QueueStatus } from './api.js';

export interface QueueFeedOptions {
  location(): string | undefined;
  clock: RealtimeClock;
  /** False for the lobby screen: it must never pause. */
  pauseWhenHidden: boolean;
  /** A call not seen before (live, or found in a snapshot after a gap). Never twice for one call. */
  onCall?(call: QueueCall): void;
  /** Calls remembered for de-duplication (bounded). Default 50. */
  remember?: number;
}

/**
 * A location's walk-in queue, live: loads `GET /v1/queues/{location}`, then follows
 * `/v1/queues/{location}/events` (Last-Event-ID on every reconnect, catch-up by a fresh read,
 * polling fallback). Keeps only the current status and a bounded set of call keys: memory stays
 * flat however long it runs.
 */
export class QueueFeed implements ReactiveController {
  status: QueueStatus | undefined;
  error: unknown;
  loading = false;
  readonly realtime: RealtimeController;
  /** Keys of calls already reported, oldest first (bounded). */
  private readonly seen = new Set<string>();
  private abort: AbortController | undefined;

  constructor(
    private readonly host: CivicElement,
    private readonly options: QueueFeedOptions,
  ) {
    host.addController(this);
    this.realtime = new RealtimeController(host, {
      autoStart: false,
      pauseWhenHidden: options.pauseWhenHidden,
      clock: options.clock,
      open: (lastEventId, signal) =>
        clientFor(host).openStream('/v1/queues/{location}/events', {
          params: { location: this.options.location() ?? '' },
          lastEventId,
          signal,
        }),
      onEvent: (event) => {
        if (event.type === 'updated') {
          const next = parseData(event.data, queueStatus);
          if (next) this.apply(next);
        } else if (event.type === 'called') {
          const call = parseData(event.data, queueCall);
          if (call) this.report(call);
        } else if (event.type === 'ticker') {
          const data = parseData(event.data, tickerData);
          if (data && this.status) {
            const { ticker: _old, ...rest } = this.status;
            this.status = data.text ? { ...rest, ticker: data.text } : rest;
            this.host.requestUpdate();
          }
        }
      },
      onCatchUp: () => this.read(),
      poll: () => this.read(),
      giveUp: (error) => error instanceof CivicApiError && error.status === 404,
    });
  }

  hostConnected(): void {
    if (!this.status && !this.loading) void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.loading = false;
  }

  /** (Re)loads the queue and starts the stream; the retry of the error state. */
  async load(): Promise<void> {
    if (!this.options.location()) {
      // The editor forgot the `location` attribute: say so instead of loading forever.
      this.error = { code: 'not_configured' };
      this.host.requestUpdate();
      return;
    }
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      await this.read();
      this.realtime.start();
    } catch (error) {
      if (!isAbortError(error)) this.error = error;
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** A different location: forget everything and start over. */
  reset(): void {
    this.realtime.stop();
    this.realtime.lastEventId = undefined;
    this.status = undefined;
    this.seen.clear();
    void this.load();
  }

  /** The language changed: read the queue again (server texts) and reopen the stream in it. */
  relocalize(): void {
    if (!this.status) return;
    this.read().catch(() => undefined);
    this.realtime.restart();
  }

  private async read(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const next = await clientFor(this.host).request('GET', '/v1/queues/{location}', {
      params: { location: this.options.location() ?? '' },
      check: queueStatus,
      signal: abort.signal,
    });
    if (abort === this.abort) this.apply(next);
  }

  private apply(next: QueueStatus): void {
    const first = !this.status;
    if (this.status && next.revision < this.status.revision) return;
    // Oldest first, so calls found after a gap are reported in the order they happened.
    for (const call of [...next.nowServing].reverse()) {
      if (first) this.remember(callKey(call));
      else this.report(call);
    }
    this.status = next;
    this.host.requestUpdate();
  }

  private report(call: QueueCall): void {
    const key = callKey(call);
    if (this.seen.has(key)) return;
    this.remember(key);
    if (this.status && !this.status.nowServing.some((c) => callKey(c) === key)) {
      // Shown at once; the `updated` that follows brings the full list.
      this.status = { ...this.status, nowServing: [call, ...this.status.nowServing].slice(0, 10) };
    }
    this.options.onCall?.(call);
    this.host.requestUpdate();
  }

  private remember(key: string): void {
    this.seen.add(key);
    const limit = this.options.remember ?? 50;
    for (const old of this.seen) {
      if (this.seen.size <= limit) break;
      this.seen.delete(old);
    }
  }
}
