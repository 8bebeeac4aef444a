// A chosen time held for the citizen — proof of work, hold, countdown with its warning, extension,
// expiry, release — in the later steps' chunk: the first steps never need it. Its state that the
// steps render (hold, held slot, remaining time, warning) stays on the element.
import type { ReactiveController } from 'lit';
import { CivicApiError } from '@civic-elements/core';
import { localDate, type Hold, type Slot } from './api.js';
import { holdChecks as checks } from './booking-checks.js';
import type { CivicAppointmentPicker } from './appointment-picker.component.js';

/** Warn this long before a hold expires (at most a third of its lifetime). */
const WARN_MS = 120_000;

interface Proof {
  challenge: string;
  nonce: string;
  signature: string;
}

/** Holds a slot for a picker and keeps the hold's countdown; leaving the page releases it. */
export class HoldController implements ReactiveController {
  private proof?: Promise<Proof & { expiresAt: number }>;
  private proofAbort?: AbortController;
  private timer?: unknown;
  private warnAt = WARN_MS;

  constructor(private readonly p: CivicAppointmentPicker) {
    p.addController(this);
  }

  /** The element left the page (or moved): the held slot goes back to others, the work stops. */
  hostDisconnected(): void {
    this.proofAbort?.abort();
    this.release();
  }

  /** Starts the proof of work for the next hold (once; again after it was used or failed). */
  prepareProof(): void {
    if (this.proof) return;
    this.proofAbort = new AbortController();
    const signal = this.proofAbort.signal;
    const pending = (async () => {
      // Loaded on demand: a page that only shows the picker's first step does not pay for SHA-256.
      const [ch, { solvePow }] = await Promise.all([
        this.p.api.request('GET', '/v1/antibot/challenge', { check: checks.challenge, signal }),
        import('@civic-elements/core/antibot'),
      ]);
      // Small slices on the main thread while the citizen looks at days (no Worker: see DESIGN.md).
      const nonce = await solvePow(ch.challenge, ch.difficulty, { signal });
      return { challenge: ch.challenge, nonce: String(nonce), signature: ch.signature, expiresAt: Date.parse(ch.expiresAt) };
    })();
    pending.catch(() => {
      if (this.proof === pending) this.proof = undefined;
    });
    this.proof = pending;
  }

  /** Holds `slot`; a taken slot shows the nearest free ones instead. */
  async holdSlot(slot: Slot, fresh = false): Promise<void> {
    const p = this.p;
    if (p.busy) return;
    await p.run(
      async () => {
        this.prepareProof();
        let { expiresAt, ...proof } = await this.proof!;
        if (expiresAt - p.clock.now() < 10_000) {
          // The challenge ran out while the citizen was busy elsewhere: solve a new one.
          this.proof = undefined;
          this.prepareProof();
          ({ expiresAt, ...proof } = await this.proof!);
        }
        // A proof is good for one hold: the next attempt solves a new one.
        this.proof = undefined;
        try {
          const hold = await p.api.request('POST', '/v1/holds', {
            body: {
              location: slot.location,
              services: [...p.selected].map(([id, qty]) => ({ id, qty })),
              start: slot.start,
              type: p.chosenType ?? 'in_person',
              proof,
            },
            idempotencyKey: true,
            check: checks.hold,
          });
          p.alternatives = undefined;
          p.heldSlot = slot;
          p.bookingKey = undefined;
          p.limit = undefined;
          this.start(hold);
          p.go('contact');
        } catch (e) {
          this.prepareProof();
          if (e instanceof CivicApiError && e.code === 'proof_invalid' && !fresh) {
            p.busy = false;
            return this.holdSlot(slot, true);
          }
          if (e instanceof CivicApiError && e.code === 'slot_taken') {
            const alt = Array.isArray(e.problem?.['alternatives']) ? (e.problem['alternatives'] as Slot[]) : [];
            p.alternatives = alt.filter((s) => typeof s?.start === 'string' && typeof s.location === 'string');
            p.day = localDate(slot.start);
            p.go('time');
            p.announcer.announce(p.t('time.taken'), { assertive: true });
            return;
          }
          throw e;
        }
      },
      () => void this.holdSlot(slot),
    );
  }

  private start(hold: Hold): void {
    this.p.hold = hold;
    this.p.warned = false;
    this.warnAt = Math.min(WARN_MS, (Date.parse(hold.expiresAt) - this.p.clock.now()) / 3);
    this.tick();
  }

  /** Stops the countdown (the hold itself stays). */
  private stopTimer(): void {
    if (this.timer !== undefined) this.p.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick = (): void => {
    const p = this.p;
    this.stopTimer();
    const hold = p.hold;
    if (!hold) return;
    const remaining = Date.parse(hold.expiresAt) - p.clock.now();
    p.remainingMs = remaining;
    if (remaining <= 0) {
      this.expire();
      return;
    }
    if (!p.warned && remaining <= this.warnAt) {
      p.warned = true;
      p.announcer.announce(p.t('hold.warning'), { assertive: true });
    }
    const toWarning = p.warned ? Infinity : remaining - this.warnAt;
    this.timer = p.clock.setTimeout(this.tick, Math.max(1, Math.min(1000, remaining, toWarning)));
  };

  /** Ends the hold on the element and its countdown; returns the hold that was there. */
  private end(): Hold | undefined {
    const hold = this.p.hold;
    this.p.hold = undefined;
    this.stopTimer();
    return hold;
  }

  /** The hold ran out (or the server says so): the expiry step, the typed details kept. */
  expire(): void {
    const hold = this.end();
    if (!hold) return;
    this.p.emit('civic-hold-expired', { start: hold.start, locationId: hold.location });
    this.p.go('expired');
  }

  /** More time for the hold, as far as the server allows. */
  async extend(): Promise<void> {
    const p = this.p;
    const hold = p.hold;
    if (!hold) return;
    await p.run(async () => {
      const ext = await p.api.request('POST', '/v1/holds/{holdId}/extend', {
        params: { holdId: hold.holdId },
        idempotent: true,
        check: checks.extension,
      });
      this.start({ ...hold, ...ext });
      p.announcer.announce(p.t('hold.extended'));
    });
  }

  /** The booking used the hold: it ends without a release. */
  consumed(): void {
    this.end();
  }

  /** Gives the held slot back (keepalive: the release still reaches the server while the page unloads). */
  release(): void {
    const hold = this.end();
    if (hold) {
      void this.p.api
        .request('DELETE', '/v1/holds/{holdId}', { params: { holdId: hold.holdId }, keepalive: true })
        .catch(() => undefined);
    }
  }
}
