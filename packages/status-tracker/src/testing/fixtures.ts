// Shared set-up of the status tracker's browser tests (not shipped).
import { fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { startMockWorker, type MockWorker } from '@civic-elements/mock-api/browser';
import { TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import type { Sleep } from '@civic-elements/core';
import type { CivicStatusTracker } from '../status-tracker/status-tracker.component.js';
import '../status-tracker/status-tracker.js';

export const API = '/st-api';
export const NOW = Date.parse('2026-11-24T10:00:00+01:00');

/** Every request the page sent through the worker, with its body text. */
export interface Seen {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

let mock: MockWorker | undefined;
export const seen: Seen[] = [];

export async function mockApi(): Promise<MockWorker> {
  if (!mock) {
    mock = await startMockWorker({ settings: TEST_MODE_SETTINGS, now: NOW });
    mock.worker.events.on('request:start', ({ request }) => {
      const entry: Seen = { method: request.method, url: request.url, headers: [...request.headers], body: '' };
      seen.push(entry);
      if (request.method !== 'GET') void request.clone().text().then((t) => (entry.body = t));
    });
  }
  return mock;
}

export function resetMock(): void {
  mock?.api.reset();
  seen.length = 0;
}

/** Backoff waits resolve at once; the client's 15 s timeout never fires (it is aborted instead). */
export const instantSleep: Sleep = (ms, signal) =>
  ms < 10_000
    ? Promise.resolve()
    : new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));

/** A manual clock for the realtime controller: nothing runs until `advance()`. */
export class TestClock {
  time = NOW;
  private timers: { id: number; at: number; cb: () => void }[] = [];
  private next = 1;
  now = () => this.time;
  random = () => 0.5;
  setTimeout = (cb: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ id, at: this.time + ms, cb });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== h);
  };
  /** Runs every timer due within `ms`, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.cb();
    }
    this.time = end;
  }
}

export interface MountOptions {
  lang?: string;
  secondFactor?: 'birthdate' | 'passcode';
  caseId?: string;
  token?: string;
  bookingPage?: string;
}

export async function mount(o: MountOptions = {}): Promise<{ el: CivicStatusTracker; clock: TestClock }> {
  const clock = new TestClock();
  const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker
    api-base=${API}
    lang=${o.lang ?? 'de'}
    second-factor=${ifDefined(o.secondFactor)}
    case=${ifDefined(o.caseId)}
    token=${ifDefined(o.token)}
    booking-page=${ifDefined(o.bookingPage)}
    .timing=${{ sleep: instantSleep, clock }}
    ><p class="editor-fallback">Auskunft: <a href="tel:+4912345670">01234 5670</a></p></civic-status-tracker
  >`);
  await waitUntil(() => q(el, '[part=base]')?.getAttribute('lang') === (o.lang ?? 'de') && !!q(el, 'h2'), 'rendered in its language');
  return { el, clock };
}

/** Shadow-root query. */
export function q<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function qa<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into a field as a citizen would (value + input event). */
export function type(el: CivicStatusTracker, id: string, value: string): void {
  const input = q<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function lookup(el: CivicStatusTracker, reference: string, factor: string): Promise<void> {
  type(el, 'reference', reference);
  type(el, 'factor', factor);
  await el.updateComplete;
  q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
}

/** Waits until the case overview shows (with its lazily loaded code there). */
export async function caseShown(el: CivicStatusTracker): Promise<void> {
  await waitUntil(() => q(el, 'article[part~=case][aria-busy=false]'), 'case overview', { timeout: 4000 });
  await el.updateComplete;
}

/** A valid access token for a seeded case, issued as `lookupCase` would. */
export function grant(m: MockWorker, caseId: string, token = `cat_test_${caseId}_0123456789`): string {
  m.api.state.cases.tokens.set(token, { caseId, expiresAt: NOW + 60 * 60_000 });
  return token;
}
