import type { RealtimeClock } from '@civic-elements/core';

/** Time for the widgets (stream backoff, staleness, title flashing, the display's clock). Tests
 * set the element's `clock` property to a manual clock; nothing waits on real time there. */
export const systemClock: RealtimeClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** A clock that always asks `current()` — so a clock set after construction is used. */
export function delegatingClock(current: () => Partial<RealtimeClock> | undefined): RealtimeClock {
  const pick = (): RealtimeClock => ({ ...systemClock, ...current() });
  return {
    now: () => pick().now(),
    setTimeout: (callback, ms) => pick().setTimeout(callback, ms),
    clearTimeout: (handle) => pick().clearTimeout(handle),
    random: () => pick().random(),
  };
}
