import { waitUntil } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@civic-elements/mock-api/browser';
import { TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import '../civic-chat/civic-chat.js';
import { TestClock } from './clock.js';

/** Tuesday, 1 December 2026, 10:00 in Musterstadt: the chat desk is open (08:00–18:00). */
export const T0 = Date.parse('2026-12-01T10:00:00+01:00');
/** The same day at 21:30: the desk is closed. */
export const AFTER_HOURS = Date.parse('2026-12-01T21:30:00+01:00');

export function mockChat(options: { now?: number; variant?: 'default' | 'xss' } = {}): Promise<MockWorker> {
  return startMockWorker({ now: options.now ?? T0, settings: TEST_MODE_SETTINGS, pingMs: 3_600_000, variant: options.variant });
}

export interface ChatFixture {
  el: CivicChat;
  clock: TestClock;
}

/** A `<civic-chat>` with the test clock, added to the page. */
export async function chat(attributes: Record<string, string> = {}, clock = new TestClock()): Promise<ChatFixture> {
  const el = document.createElement('civic-chat');
  el.setAttribute('api-base', '/api');
  el.setAttribute('privacy-url', '/datenschutz/');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  el.clock = clock;
  document.body.append(el);
  await el.updateComplete;
  return { el, clock };
}

export const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Waits for the panel to show a selector. */
export async function shows(el: CivicChat, selector: string, message = selector): Promise<HTMLElement> {
  await waitUntil(() => $(el, selector), `shows ${message}`, { timeout: 5000 });
  return $(el, selector)!;
}

/** Accepts the privacy notice and starts (panel must show the pre-chat form); waits for the greeting. */
export async function start(el: CivicChat): Promise<void> {
  const box = await shows(el, '#civic-chat-consent');
  box.click();
  await el.updateComplete;
  $(el, '.consent-form button[type=submit]')!.click();
  await shows(el, '#civic-chat-input');
  await waitUntil(() => $$(el, '.msg--bot').length > 0, 'greeting', { timeout: 5000 });
}

/** Removes every chat element and forgets stored conversations. */
export function cleanup(worker?: MockWorker): void {
  for (const el of document.querySelectorAll('civic-chat')) el.remove();
  sessionStorage.clear();
  worker?.worker.resetHandlers();
  worker?.api.reset();
}
