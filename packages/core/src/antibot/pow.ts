import { leadingZeroBits, sha256 } from './sha256.js';

/**
 * Proof of work (hashcash style), as the contract defines it: find a non-negative integer `nonce`
 * such that SHA-256(`${challenge}:${nonce}`) (UTF-8) starts with at least `difficulty` zero bits.
 * No puzzle for the citizen: the widget solves it on the main thread in slices of a few
 * milliseconds while the citizen looks at days (a Worker cannot start from a cross-origin CDN
 * script, and a strict CSP forbids `blob:` workers).
 */
export function powIsValid(challenge: string, nonce: number, difficulty: number): boolean {
  if (!Number.isSafeInteger(nonce) || nonce < 0) return false;
  return leadingZeroBits(sha256(`${challenge}:${nonce}`)) >= difficulty;
}

export interface SolveOptions {
  /** Longest stretch of main-thread work before yielding, in ms (default 4). */
  sliceMs?: number;
  signal?: AbortSignal;
  /** Yields to the event loop between slices; injectable for tests. */
  yieldToMain?: () => Promise<void>;
  now?: () => number;
}

/**
 * One macrotask turn through a MessageChannel: input and rendering run between slices, and unlike a
 * nested `setTimeout(0)` it is never clamped to 4 ms (which would leave the search idle half the time).
 */
const defaultYield = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/**
 * Finds a nonce for the challenge without blocking the main thread for more than `sliceMs`. A
 * difficulty that is no integer from 0 to 256 (a malformed answer) is refused with a RangeError
 * at once: no nonce could ever satisfy it, and the search would never end.
 */
export async function solvePow(challenge: string, difficulty: number, options: SolveOptions = {}): Promise<number> {
  if (!Number.isInteger(difficulty) || difficulty < 0 || difficulty > 256) throw new RangeError(`proof of work: difficulty ${difficulty}`);
  const { sliceMs = 4, signal, yieldToMain = defaultYield, now = () => performance.now() } = options;
  let nonce = 0;
  for (;;) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    const sliceEnd = now() + sliceMs;
    do {
      // Check a small batch between clock reads: reading the clock costs more than a hash.
      for (let i = 0; i < 64; i++, nonce++) {
        if (powIsValid(challenge, nonce, difficulty)) return nonce;
      }
    } while (now() < sliceEnd);
    await yieldToMain();
  }
}
