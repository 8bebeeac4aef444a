// Shared helpers of the picker's browser tests (not shipped).
import { fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { startMockWorker, type MockWorker } from '@civic-elements/mock-api/browser';
import { ManualClock, TEST_MODE_SETTINGS } from '@civic-elements/mock-api';
import type { CivicAppointmentPicker, PickerClock, PickerStep } from '../index.js';
import '../index.js';

/** Tuesday, 1 December 2026, 10:00 in Berlin: the mock's and the widget's "now". */
export const NOW = Date.parse('2026-12-01T10:00:00+01:00');

let mock: MockWorker | undefined;

/** The mock's clock: tests move it together with the widget's {@link TestClock}. */
export const mockClock = new ManualClock(NOW);

/** The page's one mock worker in test mode (difficulty 1, hold TTL 5 s) on a manual clock at {@link NOW}. */
export async function mockApi(): Promise<MockWorker> {
  mock ??= await startMockWorker({ clock: mockClock, settings: TEST_MODE_SETTINGS, base: '/api' });
  return mock;
}

/** A manual clock for the hold countdown: `advance()` runs due timers, nothing waits on time. */
export class TestClock implements PickerClock {
  constructor(public time = NOW) {}
  private timers: { id: number; at: number; cb: () => void }[] = [];
  private seq = 0;
  now = () => this.time;
  setTimeout = (cb: () => void, ms: number) => {
    const id = ++this.seq;
    this.timers.push({ id, at: this.time + ms, cb });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== h);
  };
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

/**
 * The API client's sleep for tests: backoff delays pass at once; the request timeout (15 s) never
 * fires on its own, it only ends when the request's signal aborts.
 */
export const noWait = (ms: number, signal?: AbortSignal): Promise<void> =>
  ms >= 15_000
    ? new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))
    : Promise.resolve();

export interface MountOptions {
  lang?: string;
  service?: string;
  location?: string;
  type?: string;
  booking?: string;
  token?: string;
  months?: number;
  apiBase?: string;
  clock?: TestClock;
}

export async function mount(o: MountOptions = {}): Promise<CivicAppointmentPicker> {
  const el = await fixture<CivicAppointmentPicker>(html`<civic-appointment-picker
    api-base=${o.apiBase ?? '/api'}
    lang=${o.lang ?? 'de'}
    service=${ifDefined(o.service)}
    location=${ifDefined(o.location)}
    type=${ifDefined(o.type)}
    booking=${ifDefined(o.booking)}
    token=${ifDefined(o.token)}
    months=${ifDefined(o.months)}
    privacy-url="https://www.musterstadt.example/datenschutz"
    .clock=${o.clock ?? new TestClock()}
    .sleep=${noWait}
    ><p class="fallback">Telefon 01234 5670</p></civic-appointment-picker
  >`);
  return el;
}

export const root = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T | null => root(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string): T[] => [...root(el).querySelectorAll<T>(sel)];
export const text = (el: Element, sel = '.base'): string => ($(el, sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for `step`, with its code there (not the step-loading state of a later step). */
export async function waitStep(el: CivicAppointmentPicker, step: PickerStep): Promise<void> {
  await waitUntil(() => el.step === step && !!$(el, 'h2') && !$(el, '[aria-busy="true"]'), `step ${step} (now ${el.step})`, { timeout: 5000 });
  await el.updateComplete;
}

/** The step's heading, for `expectAccessible({ state })`. */
export const HEADING = '#heading';

/** Clicks the button whose text contains `label`. */
export async function clickButton(el: CivicAppointmentPicker, label: string | RegExp): Promise<void> {
  const button = $$<HTMLButtonElement>(el, 'button').find((b) =>
    typeof label === 'string' ? b.textContent?.includes(label) : label.test(b.textContent ?? ''),
  );
  if (!button) throw new Error(`no button "${label}" in step ${el.step}: ${$$(el, 'button').map((b) => b.textContent?.trim()).join(' | ')}`);
  button.click();
  await el.updateComplete;
}

/** Selects services by id and continues. */
export async function chooseServices(el: CivicAppointmentPicker, ...ids: string[]): Promise<void> {
  await waitStep(el, 'services');
  for (const id of ids) $<HTMLInputElement>(el, `#s-${id}`)!.click();
  await el.updateComplete;
  await clickButton(el, 'Weiter');
}

/** Waits for the month grid with availability. */
export async function waitDays(el: CivicAppointmentPicker): Promise<void> {
  await waitStep(el, 'day');
  await waitUntil(() => $$(el, 'td.free').length > 0, 'free days', { timeout: 5000 });
}

/** Goes from nothing to the time step: personalausweis at Bürgerbüro Mitte, first free day. */
export async function toTimes(el: CivicAppointmentPicker, day: 'first' | 'last' = 'first'): Promise<void> {
  await chooseServices(el, 'personalausweis');
  await waitStep(el, 'location');
  $<HTMLInputElement>(el, '#l-buergerbuero-mitte')!.click();
  await el.updateComplete;
  await clickButton(el, 'Weiter');
  await waitDays(el);
  const free = $$(el, 'td.free');
  (day === 'first' ? free[0] : free[free.length - 1])!.click();
  await waitStep(el, 'time');
}

/** Presses Tab until the focused element in the shadow root matches `sel`. */
export async function tabTo(el: CivicAppointmentPicker, sel: string, max = 40): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const active = root(el).activeElement as HTMLElement | null;
    if (active?.matches(sel)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${sel}`);
}

/**
 * Puts this test file's page in another time zone, `null` back in the machine's (the server command
 * of web-test-runner.config.mjs). A file that sets one restores it in `after()`: pages are reused.
 */
export async function emulateTimeZone(timezoneId: string | null): Promise<void> {
  await executeServerCommand('emulate-timezone', { timezoneId });
}
