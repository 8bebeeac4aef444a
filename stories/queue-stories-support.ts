// Shared set-up of the queue family's stories: one mock API on a fixed clock (Tuesday 10:00 in
// Musterstadt, when the Bürgerbüro and the video office are open), so every story looks the same
// whatever the real time is.
import { ManualClock, createMockApi, type FaultSettings } from '@civic-elements/mock-api';

export const OPEN_AT = Date.parse('2026-12-01T10:00:00+01:00');
export const CLOSED_AT = Date.parse('2026-12-01T20:00:00+01:00');

export const clock = new ManualClock(OPEN_AT);
// Rate limits off: the "full waiting room" story takes 18 tickets from one browser.
export const api = createMockApi({ base: '/api', clock, settings: { rateLimits: false } });

/** A story loader: fresh store at `at`, faults on, and no ticket left on the device by an earlier story. */
export function prepare(at = OPEN_AT, faults?: FaultSettings) {
  return () => {
    clock.set(at);
    api.reset();
    if (faults) api.faults.set(faults);
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('civic-elements:ticket:')) localStorage.removeItem(key);
    }
    return {};
  };
}

/** Waits until `test` holds (stories' play functions; bounded). */
export async function until(test: () => unknown, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('story set-up timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
