import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CLOSED_AT, OPEN_AT, api, prepare, until } from './queue-stories-support.js';

type Lang = 'de' | 'en';
interface Args {
  lang: Lang;
  office: string;
  bookingPage: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/civic-virtual-office',
  component: 'civic-virtual-office',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    office: { control: 'select', options: ['videobuero-buergeramt', 'digitale-einbuergerung'], description: 'office attribute' },
    bookingPage: { control: 'text', description: 'booking-page attribute (page with the appointment picker)' },
  },
  args: { lang: 'de', office: 'videobuero-buergeramt', bookingPage: '/termine/' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, office, bookingPage }) =>
    html`<civic-virtual-office api-base="/api" lang=${lang} office=${office} booking-page=${bookingPage}>
      <p>Video-Sprechstunde: Montag bis Freitag 9 bis 12 Uhr.</p>
    </civic-virtual-office>`,
};
export default meta;

type Story = StoryObj<Args>;
type Ctx = { canvasElement: HTMLElement };
const shadow = (root: HTMLElement) => root.querySelector('civic-virtual-office')!.shadowRoot!;
const office = () => api.state.queues.offices.get('videobuero-buergeramt')!;

async function enterRoom({ canvasElement }: Ctx): Promise<void> {
  await until(() => shadow(canvasElement).querySelector('.enter'));
  shadow(canvasElement).querySelector<HTMLButtonElement>('.enter')!.click();
  await until(() => shadow(canvasElement).querySelector('.ticket-number'));
}

export const OpenDe: Story = { loaders: [prepare()], parameters: { smoke: { waitFor: '.enter' } } };
export const OpenEn: Story = { ...OpenDe, args: { lang: 'en' } };

export const ClosedDe: Story = { loaders: [prepare(CLOSED_AT)], parameters: { smoke: { waitFor: '#offer-title' } } };
export const ClosedEn: Story = { ...ClosedDe, args: { lang: 'en' } };

/** The waiting room is full: an appointment is offered instead. */
export const FullDe: Story = {
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('.enter'));
    for (let i = 2; i < 20; i++) {
      await fetch('/api/v1/offices/videobuero-buergeramt/tickets', { method: 'POST', headers: { 'idempotency-key': crypto.randomUUID() } });
    }
    shadow(canvasElement).querySelector<HTMLButtonElement>('.enter')!.click();
    await until(() => shadow(canvasElement).querySelector('#offer-title'));
  },
  parameters: { smoke: { waitFor: '#offer-title' }, expectedStatus: [409] },
};
export const FullEn: Story = { ...FullDe, args: { lang: 'en' } };

/** In the waiting room: number, people ahead, expected wait. */
export const WaitingDe: Story = { loaders: [prepare()], play: enterRoom, parameters: { smoke: { waitFor: '.ticket-number' } } };
export const WaitingEn: Story = { ...WaitingDe, args: { lang: 'en' } };

/** Called: the "Enter" link to the video room (only the holder gets it). */
export const CalledDe: Story = {
  loaders: [prepare()],
  play: async (ctx) => {
    await enterRoom(ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { callOffice, finish, tickets } = api.state.queues;
    callOffice(office(), '2', 'https://video.musterstadt.example/raum/a');
    callOffice(office(), '3', 'https://video.musterstadt.example/raum/b');
    const first = [...tickets.values()].find((t) => t.office === 'videobuero-buergeramt' && t.number === 'V001');
    if (first) finish(first, 'served');
    callOffice(office(), '2', 'https://video.musterstadt.example/raum/story');
    await until(() => shadow(ctx.canvasElement).querySelector('.join'));
  },
  parameters: { smoke: { waitFor: '.join' } },
};
export const CalledEn: Story = { ...CalledDe, args: { lang: 'en' } };

export const LoadingDe: Story = {
  loaders: [prepare(OPEN_AT, { latencyMs: 3_600_000, match: 'getOffice' })],
  parameters: { smoke: { waitFor: '.loading' } },
};
export const LoadingEn: Story = { ...LoadingDe, args: { lang: 'en' } };

export const LoadFailedDe: Story = {
  loaders: [prepare(OPEN_AT, { status: 500, match: 'getOffice' })],
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [500] },
};
export const LoadFailedEn: Story = { ...LoadFailedDe, args: { lang: 'en' } };

/** "Enter the waiting room" pressed, but the waiting room's code (its own chunk) did not arrive:
 * the connection error; pressing the button again tries again. */
export const EnterLoadFailedDe: Story = {
  loaders: [prepare()],
  render: ({ lang, office, bookingPage }) =>
    html`<civic-virtual-office
      api-base="/api"
      lang=${lang}
      office=${office}
      booking-page=${bookingPage}
      .loadWaitingRoom=${() => Promise.reject(new TypeError('Failed to fetch'))}
    >
      <p>Video-Sprechstunde: Montag bis Freitag 9 bis 12 Uhr.</p>
    </civic-virtual-office>`,
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('.enter'));
    shadow(canvasElement).querySelector<HTMLButtonElement>('.enter')!.click();
    await until(() => shadow(canvasElement).querySelector('[role=alert]'));
  },
  parameters: { smoke: { waitFor: 'section[aria-labelledby="enter-title"] [role=alert]' } },
};
export const EnterLoadFailedEn: Story = { ...EnterLoadFailedDe, args: { lang: 'en' } };
