import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMockApi, type FaultSettings, type MockApi } from '@civic-elements/mock-api';
import type { CivicAppointmentPicker, PickerStep } from '@civic-elements/appointment-picker';

// One mock API for the stories (a low proof-of-work difficulty keeps them quick), and one whose
// holds expire after a second for the "hold expired" state. Each story's loader resets it.
const api = createMockApi({ base: '/api', settings: { powDifficulty: 8, rateLimits: false } });
const shortHolds = createMockApi({ base: '/api', settings: { powDifficulty: 8, rateLimits: false, holdTtlSeconds: 1 } });

type Lang = 'de' | 'en';

interface PickerArgs {
  lang: Lang;
  service?: string;
  location?: string;
  type?: string;
  booking?: string;
  token?: string;
  privacyUrl: string;
  months?: number;
}

const meta: Meta<PickerArgs> = {
  title: 'Widgets/civic-appointment-picker',
  component: 'civic-appointment-picker',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    service: { control: 'text', description: 'Preselected services, id[,id]' },
    location: { control: 'text', description: 'Preselected location id' },
    privacyUrl: { control: 'text', description: 'privacy-url attribute' },
    months: { control: 'number', description: 'At most this many months ahead' },
  },
  args: { lang: 'de', privacyUrl: 'https://www.musterstadt.example/datenschutz' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, service, location, type, booking, token, privacyUrl, months }) =>
    html`<civic-appointment-picker
      api-base="/api"
      lang=${lang}
      service=${ifDefined(service)}
      location=${ifDefined(location)}
      type=${ifDefined(type)}
      booking=${ifDefined(booking)}
      token=${ifDefined(token)}
      privacy-url=${privacyUrl}
      months=${ifDefined(months)}
    >
      <p>Termine auch telefonisch: <a href="tel:+4912345670">01234 5670</a></p>
    </civic-appointment-picker>`,
};
export default meta;

type Story = StoryObj<PickerArgs>;
type Ctx = { canvasElement: HTMLElement };

function prepare(mock: MockApi = api, faults?: FaultSettings) {
  return () => {
    mock.reset();
    if (faults) mock.faults.set(faults);
    return {};
  };
}

const picker = (root: HTMLElement) => root.querySelector('civic-appointment-picker')!;
const $ = <T extends Element = HTMLElement>(el: CivicAppointmentPicker, sel: string) => el.shadowRoot!.querySelector<T>(sel);

async function until<T>(get: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = get();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`story: ${what} did not appear`);
}

/** Waits for step `s` with its code there (not the step-loading state of a later step). */
async function step(el: CivicAppointmentPicker, s: PickerStep) {
  await until(() => el.step === s && $(el, 'h2') && !$(el, '[aria-busy="true"]'), `step ${s}`);
  await el.updateComplete;
}

function click(el: CivicAppointmentPicker, sel: string) {
  $<HTMLElement>(el, sel)!.click();
}

function fill(el: CivicAppointmentPicker, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** Walks the flow as a citizen would, up to the step `to`. */
function walk(to: PickerStep) {
  return async ({ canvasElement }: Ctx) => {
    const el = picker(canvasElement);
    await step(el, 'day');
    await until(() => $(el, 'td.free'), 'free days');
    if (to === 'day') return;
    const free = el.shadowRoot!.querySelectorAll<HTMLElement>('td.free');
    free[free.length - 1]!.click();
    await step(el, 'time');
    if (to === 'time') return;
    click(el, '[part~="slot"]');
    // A one-second hold may already be over when the first poll looks.
    await step(el, to === 'expired' ? 'expired' : 'contact');
    if (to === 'contact' || to === 'expired') return;
    fill(el, 'f-name', 'Erika Mustermann');
    fill(el, 'f-email', 'erika@example.org');
    click(el, '#f-consent');
    await el.updateComplete;
    click(el, 'button[type="submit"]');
    await step(el, 'confirmation');
    if (to === 'confirmation') return;
    click(el, '[part="manage-link"]');
    await step(el, 'manage');
    await until(() => $(el, '[part="summary"]'), 'booking');
    if (to === 'manage') return;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => /absagen|Cancel/.test(b.textContent ?? ''))!.click();
    await el.updateComplete;
    click(el, 'button.danger');
    await step(el, 'cancelled');
  };
}

const preset = { service: 'personalausweis', location: 'buergerbuero-mitte' };

const waitFor = (s: PickerStep, extra = '') => ({ smoke: { waitFor: `[data-step="${s}"]:not([aria-busy="true"])${extra}` } });

const services = (lang: Lang): Story => ({
  args: { lang },
  loaders: [prepare()],
  parameters: waitFor('services'),
});
export const ServicesDe = services('de');
export const ServicesEn = services('en');

const locationStep = (lang: Lang): Story => ({
  args: { lang, service: 'personalausweis' },
  loaders: [prepare()],
  parameters: waitFor('location'),
});
export const LocationDe = locationStep('de');
export const LocationEn = locationStep('en');

const type = (lang: Lang): Story => ({
  args: { lang, service: 'meldebescheinigung', location: 'buergerbuero-mitte' },
  loaders: [prepare()],
  parameters: waitFor('type'),
});
export const TypeDe = type('de');
export const TypeEn = type('en');

const day = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('day'),
  parameters: waitFor('day', ' td.free'),
});
export const DayDe = day('de');
export const DayEn = day('en');

const time = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('time'),
  parameters: waitFor('time'),
});
export const TimeDe = time('de');
export const TimeEn = time('en');

const hold = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('contact'),
  parameters: waitFor('contact'),
});
export const HoldDe = hold('de');
export const HoldEn = hold('en');

const holdExpired = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare(shortHolds)],
  play: walk('expired'),
  parameters: { msw: { handlers: shortHolds.handlers }, ...waitFor('expired') },
});
export const HoldExpiredDe = holdExpired('de');
export const HoldExpiredEn = holdExpired('en');

const confirmation = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('confirmation'),
  parameters: waitFor('confirmation'),
});
export const ConfirmationDe = confirmation('de');
export const ConfirmationEn = confirmation('en');

const manage = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('manage'),
  parameters: waitFor('manage', ' [part="summary"]'),
});
export const ManageDe = manage('de');
export const ManageEn = manage('en');

const cancelled = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  play: walk('cancelled'),
  parameters: waitFor('cancelled'),
});
export const CancelledDe = cancelled('de');
export const CancelledEn = cancelled('en');

const waitingList = (lang: Lang): Story => ({
  args: { lang, service: 'einbuergerung', location: 'rathaus-sued', type: 'in_person' },
  loaders: [prepare()],
  parameters: waitFor('waitlist'),
});
export const WaitingListDe = waitingList('de');
export const WaitingListEn = waitingList('en');

const waitingListDone = (lang: Lang): Story => ({
  args: { lang, service: 'einbuergerung', location: 'rathaus-sued', type: 'in_person' },
  loaders: [prepare()],
  play: async ({ canvasElement }: Ctx) => {
    const el = picker(canvasElement);
    await step(el, 'waitlist');
    fill(el, 'f-email', 'erika@example.org');
    click(el, '#f-consent');
    await el.updateComplete;
    click(el, 'button[type="submit"]');
    await step(el, 'waitlisted');
  },
  parameters: waitFor('waitlisted'),
});
export const WaitingListDoneDe = waitingListDone('de');
export const WaitingListDoneEn = waitingListDone('en');

const loading = (lang: Lang): Story => ({
  args: { lang },
  loaders: [prepare(api, { latencyMs: 600_000, match: 'listServices' })],
  parameters: { smoke: { waitFor: '.loading' } },
});
export const LoadingDe = loading('de');
export const LoadingEn = loading('en');

const error = (lang: Lang): Story => ({
  args: { lang },
  loaders: [prepare(api, { status: 500 })],
  parameters: { expectedStatus: [500], smoke: { waitFor: '[part="error"]' } },
});
export const ErrorDe = error('de');
export const ErrorEn = error('en');

// The later steps' code (day … waiting list) loads on demand; these stories hold it back to show
// the step-loading state: the step's heading and a status.
const stepLoading = (lang: Lang): Story => ({
  args: { lang, ...preset },
  loaders: [prepare()],
  render: ({ lang: l, service, location, privacyUrl }) =>
    html`<civic-appointment-picker
      api-base="/api"
      lang=${l}
      service=${ifDefined(service)}
      location=${ifDefined(location)}
      privacy-url=${privacyUrl}
      .loadLaterSteps=${() => new Promise<never>(() => {})}
    >
      <p>Termine auch telefonisch: <a href="tel:+4912345670">01234 5670</a></p>
    </civic-appointment-picker>`,
  parameters: { smoke: { waitFor: '[data-step="day"][aria-busy="true"]' } },
});
export const StepLoadingDe = stepLoading('de');
export const StepLoadingEn = stepLoading('en');
