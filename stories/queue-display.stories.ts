import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CLOSED_AT, OPEN_AT, api, prepare, until } from './queue-stories-support.js';

type Lang = 'de' | 'en';
interface Args {
  lang: Lang;
  location: string;
  service: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/civic-queue-display',
  component: 'civic-queue-display',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    location: { control: 'select', options: ['buergerbuero-mitte', 'buergerbuero-nord'], description: 'location attribute' },
    service: { control: 'text', description: 'service attribute (preselected in the ticket form)' },
  },
  args: { lang: 'de', location: 'buergerbuero-mitte', service: '' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, location, service }) =>
    html`<civic-queue-display api-base="/api" lang=${lang} location=${location} service=${service}>
      <p>Wartenummern gibt es auch am Automaten im Eingangsbereich.</p>
    </civic-queue-display>`,
};
export default meta;

type Story = StoryObj<Args>;
type Ctx = { canvasElement: HTMLElement };

const widget = (root: HTMLElement) => root.querySelector('civic-queue-display')!;
const shadow = (root: HTMLElement) => widget(root).shadowRoot!;

async function takeTicket({ canvasElement }: Ctx): Promise<void> {
  await until(() => shadow(canvasElement).querySelector('form'));
  shadow(canvasElement).querySelector<HTMLInputElement>('input[name="service"]')!.click();
  shadow(canvasElement).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => shadow(canvasElement).querySelector('.ticket-number'));
}

const queue = () => api.state.queues.queues.get('buergerbuero-mitte')!;

export const OpenDe: Story = { loaders: [prepare()], parameters: { smoke: { waitFor: 'form[part=form]' } } };
export const OpenEn: Story = { ...OpenDe, args: { lang: 'en' } };

export const ClosedDe: Story = { loaders: [prepare(CLOSED_AT)], parameters: { smoke: { waitFor: '#take-title' } } };
export const ClosedEn: Story = { ...ClosedDe, args: { lang: 'en' } };

export const LoadingDe: Story = {
  loaders: [prepare(OPEN_AT, { latencyMs: 3_600_000, match: 'getQueue' })],
  parameters: { smoke: { waitFor: '.loading' } },
};
export const LoadingEn: Story = { ...LoadingDe, args: { lang: 'en' } };

export const LoadFailedDe: Story = {
  loaders: [prepare(OPEN_AT, { status: 500, match: 'getQueue' })],
  parameters: { smoke: { waitFor: '[role=alert]' }, expectedStatus: [500] },
};
export const LoadFailedEn: Story = { ...LoadFailedDe, args: { lang: 'en' } };

/** A new call arrives live and is highlighted. */
export const NewCallDe: Story = {
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('.serving'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    api.state.queues.callNext(queue(), 'Schalter 2');
    await until(() => shadow(canvasElement).querySelector('.serving tr.newest'));
  },
  parameters: { smoke: { waitFor: '.serving tr.newest' } },
};
export const NewCallEn: Story = { ...NewCallDe, args: { lang: 'en' } };

/** The service is preselected; the e-mail field shows its error. */
export const EmailInvalidDe: Story = {
  args: { service: 'personalausweis' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('form'));
    shadow(canvasElement).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await widget(canvasElement).updateComplete;
    const email = shadow(canvasElement).querySelector<HTMLInputElement>('#email')!;
    email.value = 'erika@';
    email.dispatchEvent(new Event('input'));
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
  parameters: { smoke: { waitFor: '#email-error' } },
};
export const EmailInvalidEn: Story = { ...EmailInvalidDe, args: { lang: 'en', service: 'personalausweis' } };

/** The citizen took a ticket: number, people ahead, estimated wait. */
export const TicketWaitingDe: Story = { loaders: [prepare()], play: takeTicket, parameters: { smoke: { waitFor: '.ticket-number' } } };
export const TicketWaitingEn: Story = { ...TicketWaitingDe, args: { lang: 'en' } };

/** Few people ahead: the "near" notice. */
export const TicketNearDe: Story = {
  loaders: [prepare()],
  play: async (ctx) => {
    await takeTicket(ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 3; i++) api.state.queues.callNext(queue(), `Schalter ${i + 1}`);
    await until(() => shadow(ctx.canvasElement).querySelector('.near'));
  },
  parameters: { smoke: { waitFor: '.near' } },
};
export const TicketNearEn: Story = { ...TicketNearDe, args: { lang: 'en' } };

/** It is the citizen's turn. */
export const TicketCalledDe: Story = {
  loaders: [prepare()],
  play: async (ctx) => {
    await takeTicket(ctx);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 6; i++) api.state.queues.callNext(queue(), `Schalter ${(i % 3) + 1}`);
    await until(() => shadow(ctx.canvasElement).querySelector('.called'));
  },
  parameters: { smoke: { waitFor: '.called' } },
};
export const TicketCalledEn: Story = { ...TicketCalledDe, args: { lang: 'en' } };

/** Taking a ticket failed: the reason and the choice kept. */
export const TakeFailedDe: Story = {
  loaders: [prepare(OPEN_AT, { status: 500, match: 'takeQueueTicket' })],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('form'));
    shadow(canvasElement).querySelector<HTMLInputElement>('input[name="service"]')!.click();
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
  parameters: { smoke: { waitFor: 'form [role=alert]' }, expectedStatus: [500] },
};
export const TakeFailedEn: Story = { ...TakeFailedDe, args: { lang: 'en' } };

/** The online ticket's code (its own chunk) is the same for every such story; these hold or fail it. */
const withTicketView = (loadTicketView: () => Promise<never>) => ({ lang, location, service }: Args) =>
  html`<civic-queue-display api-base="/api" lang=${lang} location=${location} service=${service} .loadTicketView=${loadTicketView}>
    <p>Wartenummern gibt es auch am Automaten im Eingangsbereich.</p>
  </civic-queue-display>`;

/** The queue is in, the form's code (its own chunk) not yet: the form's heading and a status. */
export const FormLoadingDe: Story = {
  loaders: [prepare()],
  render: withTicketView(() => new Promise<never>(() => {})),
  parameters: { smoke: { waitFor: 'section[aria-labelledby="take-title"][aria-busy="true"]' } },
};
export const FormLoadingEn: Story = { ...FormLoadingDe, args: { lang: 'en' } };

/** The form's code did not arrive: the connection error with "try again" (the queue stays). */
export const FormLoadFailedDe: Story = {
  loaders: [prepare()],
  render: withTicketView(() => Promise.reject(new TypeError('Failed to fetch'))),
  parameters: { smoke: { waitFor: 'button.retry' } },
};
export const FormLoadFailedEn: Story = { ...FormLoadFailedDe, args: { lang: 'en' } };
