import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SseParser, readEventStream, type SseEvent } from './sse-parser.js';

export type RealtimeState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stale' | 'polling' | 'closed';

/** Time and randomness, injectable so tests drive them without waiting. */
export interface RealtimeClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

export interface RealtimeBackoff {
  /** First delay before reconnecting; the server's `retry:` replaces it. Default 1000. */
  initialMs?: number;
  /** Longest delay (a larger `retry:` from the server still wins: it is a floor). Default 30000. */
  maxMs?: number;
  /** Growth per consecutive failure. Default 2. */
  factor?: number;
}

export interface RealtimeOptions {
  /**
   * Opens the stream: core's API client `openStream()` (Accept: text/event-stream, bearer token
   * and Last-Event-ID headers; rejects on non-2xx). `lastEventId` is undefined before any id.
   */
  open(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
  /** Every event, in order. */
  onEvent(event: SseEvent): void;
  /** Fetch what may have been missed (e.g. `?after=` the last seen sequence). Called after every
   * reconnect, when the page becomes visible again and when the browser comes back online. */
  onCatchUp?(): Promise<void>;
  /** Fallback when the stream keeps failing or cannot stream at all. */
  poll?(): Promise<void>;
  /** Default 30000. */
  pollIntervalMs?: number;
  /** Consecutive stream failures before polling starts. Default 3. */
  pollAfterFailures?: number;
  /** Close the stream (and polling) while the page is hidden. Default true; chat, ticket holder
   * and call display pass false. */
  pauseWhenHidden?: boolean;
  backoff?: RealtimeBackoff;
  /** Without a connection, heartbeat, event or successful poll for this long, state is 'stale'
   * (and a silent open stream is dropped and reopened). Servers must send heartbeats more often.
   * Default 45000. */
  staleAfterMs?: number;
  /** Return true for errors retrying cannot fix (e.g. 401, 404): the controller then closes.
   * Receives what `open` rejected with, or a non-2xx Response it resolved with. */
  giveUp?(error: unknown): boolean;
  /** Start when the host connects. Default true; pass false and call `start()` once a token exists. */
  autoStart?: boolean;
  /** An id to resume from (e.g. restored with a conversation). */
  lastEventId?: string;
  clock?: Partial<RealtimeClock>;
}

const defaultClock: RealtimeClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

function isEventStream(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === 'text/event-stream';
}

/**
 * Keeps a Server-Sent Events stream open for a widget: reconnects with `Last-Event-ID`, backoff
 * with jitter, honours `retry:`, catches up after gaps, falls back to polling, reports staleness.
 * Requests a host update whenever `state` changes. Never logs.
 */
export class RealtimeController implements ReactiveController {
  /** Connection state; 'idle' also while paused on a hidden page. */
  state: RealtimeState = 'idle';
  /** The last event id received; sent as `Last-Event-ID` on every reconnect. */
  lastEventId: string | undefined;
  /** When the stream or a poll last showed life (clock time). */
  lastHealthyAt: number | undefined;

  private readonly clock: RealtimeClock;
  private wanted: boolean;
  private hostIsConnected = false;
  private running = false;
  private paused = false;
  private hasConnected = false;
  private failures = 0;
  private retryMs: number | undefined;
  private attempt = 0;
  private abort: AbortController | undefined;
  private reconnectTimer: unknown;
  private staleTimer: unknown;
  private pollTimer: unknown;
  private pollRun: object | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RealtimeOptions,
  ) {
    this.clock = { ...defaultClock, ...options.clock };
    this.wanted = options.autoStart ?? true;
    this.lastEventId = options.lastEventId;
    host.addController(this);
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    if (this.wanted) this.run();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    this.halt('closed');
  }

  /** Starts streaming (now if the host is connected, else when it connects). */
  start(): void {
    this.wanted = true;
    if (this.hostIsConnected) this.run();
  }

  /** Stops streaming and polling and aborts the open request. */
  stop(): void {
    this.wanted = false;
    this.halt('closed');
  }

  /** Reopens the stream from the last event id, e.g. after the token or language changed. */
  restart(): void {
    this.halt('idle');
    this.start();
  }

  private get pauseWhenHidden(): boolean {
    return this.options.pauseWhenHidden ?? true;
  }

  private setState(state: RealtimeState): void {
    if (state === this.state) return;
    this.state = state;
    this.host.requestUpdate();
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    this.hasConnected = false;
    this.failures = 0;
    this.retryMs = undefined;
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('online', this.onOnline);
    if (this.pauseWhenHidden && document.visibilityState === 'hidden') {
      this.paused = true;
      this.setState('idle');
      return;
    }
    this.resume();
  }

  private halt(state: RealtimeState): void {
    if (this.running) {
      document.removeEventListener('visibilitychange', this.onVisibilityChange);
      window.removeEventListener('online', this.onOnline);
    }
    this.running = false;
    this.paused = false;
    this.cancelWork();
    this.setState(state);
  }

  private cancelWork(): void {
    this.attempt++;
    this.abort?.abort();
    this.abort = undefined;
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.staleTimer);
    this.reconnectTimer = this.staleTimer = undefined;
    this.stopPolling();
  }

  private resume(): void {
    this.armStale();
    if (this.options.poll && this.failures >= this.pollAfterFailures) this.startPolling();
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const attempt = ++this.attempt;
    const abort = (this.abort = new AbortController());
    if (this.state === 'idle') this.setState(this.hasConnected ? 'reconnecting' : 'connecting');

    let response: Response;
    try {
      response = await this.options.open(this.lastEventId, abort.signal);
    } catch (error) {
      if (attempt === this.attempt) this.failed(error);
      return;
    }
    if (attempt !== this.attempt) {
      response.body?.cancel().catch(() => undefined);
      return;
    }
    const body = response.body;
    if (!response.ok) {
      body?.cancel().catch(() => undefined);
      this.failed(response);
      return;
    }
    if (!body || !isEventStream(response)) {
      body?.cancel().catch(() => undefined);
      // The server or something in between cannot stream: poll at once.
      this.failures = Math.max(this.failures, this.pollAfterFailures - 1);
      this.failed(undefined);
      return;
    }

    const isReconnect = this.hasConnected;
    this.hasConnected = true;
    this.stopPolling();
    this.setState('connected');
    this.markHealthy();
    if (isReconnect) this.catchUp();

    const parser = new SseParser(
      {
        onEvent: (event) => {
          this.lastEventId = event.id || undefined;
          try {
            this.options.onEvent(event);
          } catch (error) {
            // A widget's bug must not tear the stream down (that would replay the event forever).
            reportError(error);
          }
        },
        onRetry: (ms) => {
          this.retryMs = ms;
        },
      },
      this.lastEventId,
    );
    let gotData = false;
    try {
      await readEventStream(body, parser, {
        signal: abort.signal,
        onChunk: () => {
          gotData = true;
          this.failures = 0;
          this.lastEventId = parser.lastEventId || undefined;
          this.markHealthy();
        },
      });
    } catch {
      // A dropped connection: reconnect below.
    }
    if (attempt !== this.attempt) return;
    this.abort = undefined;
    if (!gotData) this.failures++;
    this.scheduleReconnect();
  }

  private failed(error: unknown): void {
    this.abort = undefined;
    if (error !== undefined && this.options.giveUp?.(error)) {
      this.halt('closed');
      return;
    }
    this.failures++;
    this.scheduleReconnect();
  }

  private get pollAfterFailures(): number {
    return this.options.pollAfterFailures ?? 3;
  }

  /** Backoff: base × factor^(failures−1), capped, with "equal jitter" (half fixed, half random),
   * never sooner than the server's `retry:`. */
  private nextDelay(): number {
    const { initialMs = 1000, maxMs = 30_000, factor = 2 } = this.options.backoff ?? {};
    const base = this.retryMs ?? initialMs;
    const exp = Math.min(maxMs, base * factor ** Math.max(0, this.failures - 1));
    return Math.max(this.retryMs ?? 0, Math.round(exp / 2 + (this.clock.random() * exp) / 2));
  }

  private scheduleReconnect(): void {
    if (this.options.poll && this.failures >= this.pollAfterFailures) this.startPolling();
    if (this.state === 'connected' || this.state === 'connecting') this.setState('reconnecting');
    this.reconnectTimer = this.clock.setTimeout(() => void this.connect(), this.nextDelay());
  }

  private markHealthy(): void {
    this.lastHealthyAt = this.clock.now();
    this.armStale();
  }

  private armStale(): void {
    this.clock.clearTimeout(this.staleTimer);
    this.staleTimer = this.clock.setTimeout(() => this.onStale(), this.options.staleAfterMs ?? 45_000);
  }

  private onStale(): void {
    this.staleTimer = undefined;
    this.setState('stale');
    if (this.abort) {
      // Open (or still opening) yet silent: the connection is probably dead. Drop it, reconnect.
      this.attempt++;
      this.abort.abort();
      this.abort = undefined;
      this.failures++;
      this.scheduleReconnect();
    }
  }

  private startPolling(): void {
    if (this.pollRun) return;
    const run = (this.pollRun = {});
    const tick = async (): Promise<void> => {
      this.pollTimer = undefined;
      try {
        await this.options.poll?.();
        if (run !== this.pollRun) return;
        this.markHealthy();
        this.setState('polling');
      } catch {
        // Stays stale until a poll or the stream succeeds.
      }
      if (run !== this.pollRun) return;
      this.pollTimer = this.clock.setTimeout(() => void tick(), this.options.pollIntervalMs ?? 30_000);
    };
    void tick();
  }

  private stopPolling(): void {
    this.pollRun = undefined;
    this.clock.clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private catchUp(): void {
    const onCatchUp = this.options.onCatchUp;
    if (onCatchUp) Promise.resolve().then(onCatchUp).catch(() => undefined);
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      if (this.pauseWhenHidden && !this.paused) {
        this.paused = true;
        this.cancelWork();
        this.setState('idle');
      }
      return;
    }
    if (this.paused) {
      // Reopening with Last-Event-ID; the catch-up follows the reconnect.
      this.paused = false;
      this.resume();
    } else {
      this.catchUp();
    }
  };

  private readonly onOnline = (): void => {
    if (this.paused) return;
    if (this.reconnectTimer !== undefined) {
      void this.connect();
    } else if (this.state === 'connected') {
      this.catchUp();
    }
  };
}
