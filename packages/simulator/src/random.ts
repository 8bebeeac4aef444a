/**
 * Randomness the simulator draws from: a seeded PRNG, so a test (or a demo recording) replays the
 * same decisions, and a few helpers over any `() => number` in [0, 1).
 */

/** A source of numbers in [0, 1) (`Math.random` or {@link createRandom}). */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG. Not for secrets (idempotency keys use `crypto`), only
 * for "how long does this desk take" decisions that tests want to replay.
 */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max). */
export const between = (random: Random, min: number, max: number): number => min + (max - min) * random();

/** One element of a non-empty list. */
export function pick<T>(random: Random, list: readonly T[]): T {
  const item = list[Math.min(list.length - 1, Math.floor(random() * list.length))];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/**
 * An exponentially distributed wait with this mean (arrivals of a Poisson process), clamped to
 * [0.25, 3] × mean so a demo neither floods nor stalls.
 */
export function exponential(random: Random, mean: number): number {
  const r = Math.min(random(), 0.999_999);
  return Math.min(3 * mean, Math.max(0.25 * mean, -Math.log(1 - r) * mean));
}

/** A random id of `length` characters from [A-Za-z0-9] (the room part of a join URL). */
export function roomCode(random: Random, length = 8): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/**
 * A fresh UUID v4 for `Idempotency-Key`s. From `crypto.getRandomValues` (available in insecure
 * browser contexts too, unlike `crypto.randomUUID`), never from the seeded PRNG: a restarted
 * simulator with the same seed must not replay an old key against a back end that kept it.
 */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
