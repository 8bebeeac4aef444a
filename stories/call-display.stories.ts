import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CLOSED_AT, OPEN_AT, api, prepare, until } from './queue-stories-support.js';

type Lang = 'de' | 'en';
interface Args {
  lang: Lang;
  rows: number;
  columns: number;
  voice: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/civic-call-display',
  component: 'civic-call-display',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    rows: { control: { type: 'number', min: 1, max: 10 }, description: 'rows attribute' },
    columns: { control: { type: 'number', min: 1, max: 4 }, description: 'columns attribute' },
    voice: { control: 'text', description: 'voice attribute: languages to speak each call in, e.g. "de en"' },
  },
  args: { lang: 'de', rows: 5, columns: 1, voice: 'de' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, rows, columns, voice }) =>
    html`<civic-call-display api-base="/api" lang=${lang} location="buergerbuero-mitte" rows=${rows} columns=${columns} voice=${voice}>
      <p>Bitte achten Sie auf den Aufruf Ihrer Nummer.</p>
    </civic-call-display>`,
};
export default meta;

type Story = StoryObj<Args>;
const shadow = (root: HTMLElement) => root.querySelector('civic-call-display')!.shadowRoot!;
const queue = () => api.state.queues.queues.get('buergerbuero-mitte')!;

export const BoardDe: Story = { loaders: [prepare()], parameters: { smoke: { waitFor: '.calls' } } };
export const BoardEn: Story = { ...BoardDe, args: { lang: 'en' } };

export const TwoColumnsDe: Story = {
  args: { rows: 5, columns: 2 },
  loaders: [
    () => {
      prepare()();
      for (let i = 0; i < 5; i++) api.state.queues.callNext(queue(), `Schalter ${(i % 3) + 1}`);
      return {};
    },
  ],
  parameters: { smoke: { waitFor: '.calls.cols-2' } },
};
export const TwoColumnsEn: Story = { ...TwoColumnsDe, args: { lang: 'en', rows: 5, columns: 2 } };

/** A new call: highlighted (and blinking three times unless reduced motion is on). */
export const NewCallDe: Story = {
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    await until(() => shadow(canvasElement).querySelector('.calls'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    api.state.queues.callNext(queue(), 'Schalter 3');
    await until(() => shadow(canvasElement).querySelector('.call.newest'));
  },
  parameters: { smoke: { waitFor: '.call.newest' } },
};
export const NewCallEn: Story = { ...NewCallDe, args: { lang: 'en' } };

export const ClosedDe: Story = { loaders: [prepare(CLOSED_AT)], parameters: { smoke: { waitFor: '.closed' } } };
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
