import type { RealtimeClock } from './realtime-controller.js';

/** Lets pending promises and stream reads run: a few macrotask turns (MessageChannel, never
 * clamped like nested timers), no waiting on time. */
export async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
}

interface Timer {
  id: number;
  at: number;
  ms: number;
  callback: () => void;
}

/**
 * A manual clock for tests of time-driven controllers: `advance(ms)` runs due timers in order
 * without waiting. `delays` lists every delay ever scheduled; `random` is settable.
 */
export class FakeClock implements RealtimeClock {
  time = 0;
  delays: number[] = [];
  randomValue = 0.5;
  private timers: Timer[] = [];
  private nextId = 1;

  now = (): number => this.time;

  random = (): number => this.randomValue;

  setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, ms, callback });
    this.delays.push(ms);
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Delays of the timers still pending. */
  get pending(): number[] {
    return this.timers.map((t) => t.ms);
  }

  /** Moves time forward by `ms`, running every timer that falls due, then settles. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
    await settle();
  }
}
