// Test helper (not part of the published build): one mock back end per test page.
import { ManualClock, TEST_MODE_SETTINGS, type MockApi } from '@civic-elements/mock-api';
import { startMockWorker } from '@civic-elements/mock-api/browser';
import type { SetupWorker } from 'msw/browser';

/** Tuesday 1 December 2026, 10:00 in Musterstadt: Bürgerbüro Mitte and the video office are open. */
export const OPEN_AT = Date.parse('2026-12-01T10:00:00+01:00');
/** The same day at 20:00: everything closed. */
export const CLOSED_AT = Date.parse('2026-12-01T20:00:00+01:00');

export interface TestBackend {
  api: MockApi;
  worker: SetupWorker;
  clock: ManualClock;
  /** `Last-Event-ID` of every stream request, in order (null when absent). */
  streamIds: (string | null)[];
  /** Every request's method and path. */
  requests: string[];
}

export async function startBackend(): Promise<TestBackend> {
  const clock = new ManualClock(OPEN_AT);
  const { worker, api } = await startMockWorker({ clock, settings: TEST_MODE_SETTINGS, interval: () => () => undefined });
  const backend: TestBackend = { api, worker, clock, streamIds: [], requests: [] };
  worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    backend.requests.push(`${request.method} ${url.pathname}`);
    if (url.pathname.endsWith('/events')) backend.streamIds.push(request.headers.get('last-event-id'));
  });
  return backend;
}

/** Fresh store at `at` (default: open), no faults, no recorded requests. */
export function resetBackend(backend: TestBackend, at = OPEN_AT): void {
  backend.clock.set(at);
  backend.api.reset();
  backend.streamIds.length = 0;
  backend.requests.length = 0;
}
