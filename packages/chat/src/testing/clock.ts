import type { RealtimeClock } from '@civic-elements/core';

/** Lets pending promises, stream reads and service-worker answers run (macrotask turns). */
export async function turns(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    // A MessageChannel turn: a macrotask that, unlike nested timers, is never clamped to 4 ms.
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

/** A manual clock for the widget's backoff, reconnects and typing timeout: nothing waits on time. */
export class TestClock implements RealtimeClock {
  time = 0;
  random: () => number = () => 0.5;
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;

  now = (): number => this.time;

  setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Runs every timer due within `ms`, in order, letting async work settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await turns(2);
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = end;
    await turns(2);
  }
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
