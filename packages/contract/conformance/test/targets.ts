/**
 * Back ends the conformance tests run the suite against. Adding one is one line in
 * `CONFORMING_TARGETS`: a name and a `start()` that serves it on 127.0.0.1 and says how to reach it.
 */
import { serveMockApi } from '@civic-elements/mock-api/http';
import { TEST_MODE_SETTINGS, type Clock, type MockApi } from '@civic-elements/mock-api';
import { loadSeed, zonedInstant, addDays, isoWeekday, localDate } from '@civic-elements/contract/seed';
import type { Fixtures } from '../runner.js';
import { breakMockApi } from './broken-mock.js';

export interface RunningTarget {
  baseUrl: string;
  fixtures?: Fixtures;
  staffKey?: string;
  close(): Promise<void>;
}

export interface Target {
  name: string;
  start(): Promise<RunningTarget>;
  /**
   * Cases this target is known to get wrong, each with the reason (reported to its owners). They
   * are reported as todo, and a test fails as soon as one of them passes, so the list only shrinks.
   */
  knownDeviations?: { operationId: string; case: string; reason: string }[];
}

/**
 * A clock that runs at real speed from next Tuesday 10:00 in Musterstadt: queues, the chat desk
 * and the video office are open then, whatever time the tests run (holds still expire in real time).
 */
export function officeHoursClock(now = Date.now()): Clock {
  const tz = loadSeed({ now }).town.timeZone;
  let date = localDate(now, tz);
  do date = addDays(date, 1);
  while (isoWeekday(date) !== 2);
  const offset = zonedInstant(date, 10 * 60, tz) - now;
  return { now: () => Date.now() + offset };
}

const ORIGIN = 'https://www.musterstadt.de';

async function serve(api?: (clock: Clock) => MockApi): Promise<RunningTarget> {
  const clock = officeHoursClock();
  const server = await serveMockApi({ settings: TEST_MODE_SETTINGS, clock, host: '127.0.0.1', corsOrigins: [ORIGIN], ...(api && { api: api(clock) }) });
  const staffKey = server.api.ctx.staffKey;
  return { baseUrl: server.url, fixtures: { origin: ORIGIN }, staffKey, close: () => server.close() };
}

/** The in-process msw mock (test-mode settings) served over real HTTP. */
export const mockTarget: Target = {
  name: 'mock-api',
  start: () => serve(),
};

/** The mock with its handlers wrapped to break the contract on purpose (see broken-mock.ts). */
export const brokenTarget: Target = {
  name: 'broken mock-api',
  start: () => serve((clock) => breakMockApi({ settings: TEST_MODE_SETTINGS, clock })),
};

/** Back ends that must conform: each gets one test per result of the suite. */
export const CONFORMING_TARGETS: Target[] = [mockTarget];
