import type { ReactiveController } from 'lit';
import {
  CivicApiError,
  RealtimeController,
  clientFor,
  isAbortError,
  newIdempotencyKey,
  type CivicElement,
  type RealtimeClock,
} from '@civic-elements/core';
import { FINAL_STATES, parseData, ticket as ticketCheck, ticketCreated, type Ticket } from './api.js';
import { readTicket, removeTicket, writeTicket, type StoredTicket } from './storage.js';

export interface TicketControllerOptions {
  /** Where the ticket is kept on the device (`queue:<location>`, `office:<id>`); undefined: nowhere yet. */
  storageKey(): string | undefined;
  clock: RealtimeClock;
  /** A change the holder must hear about: `near` (few people ahead), `called`, `over`. */
  onNotice(kind: 'near' | 'called' | 'over', ticket: Ticket): void;
  /** People ahead at which the turn counts as near. */
  nearAhead(): number;
}

type Host = CivicElement;

/**
 * The holder's side of a queue or waiting-room ticket: take it (idempotent), keep it on the device
 * only once taken, follow its event stream with the ticket token (never paused on a hidden page:
 * the citizen is waiting for the call), cancel it, forget it.
 */
export class TicketController implements ReactiveController {
  /** The ticket as its holder sees it. */
  ticket: Ticket | undefined;
  /** Set while taking, cancelling or restoring. */
  busy: 'take' | 'cancel' | 'restore' | undefined;
  /** The last failure of take/cancel/restore (shown with a retry). */
  error: unknown;
  /** The stored ticket was no longer valid (expired token, unknown ticket). */
  expired = false;

  readonly realtime: RealtimeController;
  private held: StoredTicket | undefined;
  private takeKey: string | undefined;
  private takeBody: string | undefined;
  private restoredFor: string | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: TicketControllerOptions,
  ) {
    host.addController(this);
    this.realtime = new RealtimeController(host, {
      autoStart: false,
      pauseWhenHidden: false,
      clock: options.clock,
      open: (lastEventId, signal) => {
        const held = this.held;
        if (!held) return Promise.reject(new Error('no ticket'));
        return clientFor(host).openStream('/v1/tickets/{id}/events', {
          params: { id: held.id },
          token: held.token,
          lastEventId,
          signal,
        });
      },
      onEvent: (event) => {
        if (event.type !== 'updated' && event.type !== 'called') return;
        const next = parseData(event.data, ticketCheck);
        if (next) this.apply(next);
      },
      onCatchUp: () => this.refresh(),
      poll: () => this.refresh(),
      giveUp: (error) => error instanceof CivicApiError && (error.status === 401 || error.status === 404),
    });
  }

  hostConnected(): void {
    const key = this.options.storageKey();
    if (key && this.restoredFor !== key) {
      this.restoredFor = key;
      void this.restore(key);
    }
  }

  hostDisconnected(): void {
    this.restoredFor = undefined;
  }

  /** True while the holder has a ticket on this device. */
  get holding(): boolean {
    return this.held !== undefined;
  }

  private async restore(key: string): Promise<void> {
    const stored = readTicket(key);
    if (!stored) return;
    this.held = stored;
    this.busy = 'restore';
    this.host.requestUpdate();
    try {
      await this.refresh();
      if (this.ticket && !FINAL_STATES.includes(this.ticket.state)) this.realtime.start();
    } catch (error) {
      if (error instanceof CivicApiError && (error.status === 401 || error.status === 404)) {
        this.expired = true;
        this.drop();
      } else {
        this.error = error;
      }
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Reads the ticket again (catch-up after a gap, polling). */
  async refresh(): Promise<void> {
    const held = this.held;
    if (!held) return;
    const next = await clientFor(this.host).request('GET', '/v1/tickets/{id}', {
      params: { id: held.id },
      token: held.token,
      check: ticketCheck,
    });
    if (this.held === held) this.apply(next);
  }

  /** Takes a ticket: `path` is the queue's or office's ticket operation. Returns the number. */
  async take(path: string, params: Record<string, string>, body: Record<string, unknown>): Promise<string | undefined> {
    const key = this.options.storageKey();
    if (!key || this.busy) return undefined;
    const json = JSON.stringify(body);
    // The same key for a retry of the same request: a double click or a lost answer never makes two tickets.
    if (this.takeBody !== json) {
      this.takeBody = json;
      this.takeKey = newIdempotencyKey();
    }
    this.busy = 'take';
    this.error = undefined;
    this.expired = false;
    this.host.requestUpdate();
    try {
      const created = await clientFor(this.host).request('POST', path, {
        params,
        body,
        idempotencyKey: this.takeKey,
        check: ticketCreated,
      });
      this.takeKey = this.takeBody = undefined;
      this.held = { id: created.ticketId, number: created.number, token: created.token };
      writeTicket(key, this.held);
      this.ticket = undefined;
      this.apply(created.ticket);
      this.realtime.start();
      return created.number;
    } catch (error) {
      if (!isAbortError(error)) this.error = error;
      return undefined;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Gives the ticket up (DELETE) and forgets it. Resolves true when cancelled. */
  async cancel(): Promise<boolean> {
    const held = this.held;
    if (!held || this.busy) return false;
    this.busy = 'cancel';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      await clientFor(this.host).request('DELETE', '/v1/tickets/{id}', { params: { id: held.id }, token: held.token });
      this.drop();
      return true;
    } catch (error) {
      if (error instanceof CivicApiError && (error.status === 401 || error.status === 409)) {
        // Already over or unknown: nothing left to cancel.
        this.drop();
        return true;
      }
      this.error = error;
      return false;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Removes the ticket from this device (the number stays valid at the desk). */
  forget(): void {
    this.drop();
    this.error = undefined;
    this.expired = false;
    this.host.requestUpdate();
  }

  private drop(): void {
    const key = this.options.storageKey();
    if (key) removeTicket(key);
    this.held = undefined;
    this.ticket = undefined;
    this.realtime.stop();
  }

  private apply(next: Ticket): void {
    const prev = this.ticket;
    if (prev && next.revision < prev.revision) return;
    this.ticket = next;
    this.host.requestUpdate();
    if (prev?.revision === next.revision) return;
    if (next.state === 'called' && prev?.state !== 'called') {
      this.options.onNotice('called', next);
    } else if (
      next.state === 'waiting' &&
      next.position <= this.options.nearAhead() &&
      (!prev || prev.state !== 'waiting' || prev.position > this.options.nearAhead())
    ) {
      // Only when the turn becomes near (not right after taking a ticket at the front).
      if (prev) this.options.onNotice('near', next);
    }
    if (FINAL_STATES.includes(next.state) && !(prev && FINAL_STATES.includes(prev.state))) {
      this.realtime.stop();
      const key = this.options.storageKey();
      if (key) removeTicket(key);
      this.options.onNotice('over', next);
    }
  }
}
