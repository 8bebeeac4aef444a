import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMockApi, type FaultSettings } from '@civic-elements/mock-api';

// One mock API for every story; each story's loader resets it and sets what the state needs.
const api = createMockApi({ base: '/api' });

type Lang = 'de' | 'en';

interface TrackerArgs {
  lang: Lang;
  secondFactor: 'birthdate' | 'passcode';
  bookingPage: string;
  caseId?: string;
  token?: string;
}

const meta: Meta<TrackerArgs> = {
  title: 'Widgets/civic-status-tracker',
  component: 'civic-status-tracker',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    secondFactor: { control: 'inline-radio', options: ['birthdate', 'passcode'], description: 'second-factor attribute' },
    bookingPage: { control: 'text', description: 'booking-page attribute (page with the appointment picker)' },
  },
  args: { lang: 'de', secondFactor: 'birthdate', bookingPage: '' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, secondFactor, bookingPage, caseId, token }) =>
    html`<civic-status-tracker
      api-base="/api"
      lang=${lang}
      second-factor=${secondFactor}
      booking-page=${ifDefined(bookingPage || undefined)}
      case=${ifDefined(caseId)}
      token=${ifDefined(token)}
    >
      <p>Auskunft zum Antrag: <a href="tel:+4912345670">01234 5670</a></p>
    </civic-status-tracker>`,
};
export default meta;

type Story = StoryObj<TrackerArgs>;

/** Resets the mock; optionally grants a token for a seeded case and switches on faults. */
function prepare(caseId?: string, faults?: FaultSettings) {
  return () => {
    api.reset();
    if (caseId) api.state.cases.tokens.set(`story_${caseId}_0123456789`, { caseId, expiresAt: Date.now() + 3_600_000 });
    if (faults) api.faults.set(faults);
    return {};
  };
}

const tracker = (root: HTMLElement) => root.querySelector('civic-status-tracker')!;

/** Fills the lookup form and submits it, as a citizen would. */
function submitLookup(reference: string, factor: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = tracker(canvasElement);
    await el.updateComplete;
    for (const [id, value] of [
      ['reference', reference],
      ['factor', factor],
    ] as const) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  };
}

const openCase = (caseId: string, lang: Lang, extra: Partial<Story> = {}): Story => ({
  args: { lang, caseId, token: `story_${caseId}_0123456789` },
  loaders: [prepare(caseId)],
  // The overview below the heading arrives with its own (lazily loaded) code.
  parameters: { smoke: { waitFor: 'article[part~=case][aria-busy=false]' } },
  ...extra,
});

// Lookup form
export const LookupDe: Story = { args: { lang: 'de' }, loaders: [prepare()], parameters: { smoke: { waitFor: 'form[part=form]' } } };
export const LookupEn: Story = { ...LookupDe, args: { lang: 'en' } };
export const LookupPasscodeDe: Story = { ...LookupDe, args: { lang: 'de', secondFactor: 'passcode' } };
export const LookupPasscodeEn: Story = { ...LookupDe, args: { lang: 'en', secondFactor: 'passcode' } };

// Lookup errors
export const NotFoundDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: submitLookup('MS-2026-999999', '12.03.1984'),
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [404] },
};
export const NotFoundEn: Story = { ...NotFoundDe, args: { lang: 'en' } };
export const RateLimitedDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare(undefined, { rateLimit: { retryAfterSeconds: 30 } })],
  play: submitLookup('MS-2026-004711', '12.03.1984'),
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [429] },
};
export const RateLimitedEn: Story = { ...RateLimitedDe, args: { lang: 'en' } };
export const ServerErrorDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare(undefined, { status: 500 })],
  play: submitLookup('MS-2026-004711', '12.03.1984'),
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [500] },
};
export const ServerErrorEn: Story = { ...ServerErrorDe, args: { lang: 'en' } };

// Loading, load failure, expired access
export const LoadingDe: Story = {
  args: { lang: 'de', caseId: 'c-4711', token: 'story_c-4711_0123456789' },
  loaders: [prepare('c-4711', { latencyMs: 3_600_000, match: 'getCase' })],
  parameters: { smoke: { waitFor: '[part=loading]' } },
};
export const LoadingEn: Story = { ...LoadingDe, args: { ...LoadingDe.args, lang: 'en' } };
// The case arrived, the overview's code (its own chunk) not yet: title and a status.
export const OverviewLoadingDe: Story = {
  args: { lang: 'de', caseId: 'c-4711', token: 'story_c-4711_0123456789' },
  loaders: [prepare('c-4711')],
  render: ({ lang, caseId, token }) =>
    html`<civic-status-tracker
      api-base="/api"
      lang=${lang}
      case=${ifDefined(caseId)}
      token=${ifDefined(token)}
      .loadCaseView=${() => new Promise<never>(() => {})}
    >
      <p>Auskunft zum Antrag: <a href="tel:+4912345670">01234 5670</a></p>
    </civic-status-tracker>`,
  parameters: { smoke: { waitFor: 'article[part~=case][aria-busy=true]' } },
};
export const OverviewLoadingEn: Story = { ...OverviewLoadingDe, args: { ...OverviewLoadingDe.args, lang: 'en' } };
export const LoadFailedDe: Story = {
  args: { lang: 'de', caseId: 'c-4711', token: 'story_c-4711_0123456789' },
  loaders: [prepare('c-4711', { status: 500, match: 'getCase' })],
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [500] },
};
export const LoadFailedEn: Story = { ...LoadFailedDe, args: { ...LoadFailedDe.args, lang: 'en' } };
export const LinkExpiredDe: Story = {
  args: { lang: 'de', caseId: 'c-4711', token: 'expired_token_0123456789' },
  loaders: [prepare()],
  parameters: { smoke: { waitFor: 'form [role=alert]' }, expectedStatus: [401] },
};
export const LinkExpiredEn: Story = { ...LinkExpiredDe, args: { ...LinkExpiredDe.args, lang: 'en' } };

// Every status of the seed
export const ActionRequiredDe = openCase('c-4711', 'de');
export const ActionRequiredEn = openCase('c-4711', 'en');
export const ReadyForPickupDe = openCase('c-4712', 'de');
export const ReadyForPickupEn = openCase('c-4712', 'en');
export const ReadyForPickupWithBookingPageDe = openCase('c-4712', 'de', {
  args: { lang: 'de', caseId: 'c-4712', token: 'story_c-4712_0123456789', bookingPage: '/termine/' },
});
export const ReadyForPickupWithBookingPageEn = openCase('c-4712', 'en', {
  args: { lang: 'en', caseId: 'c-4712', token: 'story_c-4712_0123456789', bookingPage: '/termine/' },
});
export const PausedDe = openCase('c-4713', 'de');
export const PausedEn = openCase('c-4713', 'en');
export const ExtendedDe = openCase('c-4714', 'de');
export const ExtendedEn = openCase('c-4714', 'en');
export const InProgressDe = openCase('c-4715', 'de');
export const InProgressEn = openCase('c-4715', 'en');
export const ApprovedDe = openCase('c-4716', 'de');
export const ApprovedEn = openCase('c-4716', 'en');
export const RejectedDe = openCase('c-4717', 'de');
export const RejectedEn = openCase('c-4717', 'en');
export const ReceivedDe = openCase('c-4718', 'de');
export const ReceivedEn = openCase('c-4718', 'en');
export const CompletedDe = openCase('c-4719', 'de');
export const CompletedEn = openCase('c-4719', 'en');
