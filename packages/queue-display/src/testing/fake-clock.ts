// Test helper (not part of the published build): a manual clock for the widgets' `clock` property.
import type { RealtimeClock } from '@civic-elements/core';

/** Lets pending promises, stream reads and renders run: a few macrotask turns, no waiting on time. */
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
  callback: () => void;
}

/** `advance(ms)` runs due timers in order without waiting. */
export class FakeClock implements RealtimeClock {
  time: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = 0) {
    this.time = start;
  }

  now = (): number => this.time;
  random = (): number => 0.5;

  setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Timers still pending (for bounded-resource assertions). */
  get pendingCount(): number {
    return this.timers.length;
  }

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
