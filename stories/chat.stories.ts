import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createMockApi, type FaultSettings } from '@civic-elements/mock-api';

// One mock API for every story, at a fixed time when the desk is open (Tuesday 10:00).
const api = createMockApi({ base: '/api', now: Date.parse('2026-12-01T10:00:00+01:00') });

type Lang = 'de' | 'en';

interface ChatArgs {
  lang: Lang;
  mode: 'launcher' | 'inline';
}

const meta: Meta<ChatArgs> = {
  title: 'Widgets/civic-chat',
  component: 'civic-chat',
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'], description: 'Language (lang attribute)' },
    mode: { control: 'inline-radio', options: ['launcher', 'inline'], description: 'mode attribute' },
  },
  args: { lang: 'de', mode: 'inline' },
  parameters: { msw: { handlers: api.handlers } },
  render: ({ lang, mode }) =>
    html`<civic-chat api-base="/api" lang=${lang} mode=${mode} privacy-url="/datenschutz/" topic="meldewesen">
      <p>Chat nicht erreichbar? Rufen Sie uns an: <a href="tel:+4912345670">01234 5670</a></p>
    </civic-chat>`,
};
export default meta;

type Story = StoryObj<ChatArgs>;

/** Resets the mock and forgets conversations of earlier stories; optionally switches on faults. */
function prepare(faults?: FaultSettings, change?: () => void) {
  return () => {
    api.reset();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('civic-chat:')) sessionStorage.removeItem(key);
    change?.();
    if (faults) api.faults.set(faults);
    return {};
  };
}

type Chat = HTMLElementTagNameMap['civic-chat'];
const chatOf = (root: HTMLElement) => root.querySelector('civic-chat')!;
const inShadow = (el: Chat, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function until<T>(get: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = get();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('story setup: state not reached');
}

/** Accepts the privacy notice and starts, as a citizen would. */
async function startChat(el: Chat): Promise<void> {
  (await until(() => inShadow(el, '#civic-chat-consent'))).click();
  await el.updateComplete;
  inShadow(el, '.consent-form button[type=submit]')!.click();
  await until(() => inShadow(el, '.msg--bot'));
}

const conversation = () => [...api.state.chat.conversations.values()][0]!;

// Launcher (closed), then pre-chat
export const LauncherDe: Story = {
  args: { lang: 'de', mode: 'launcher' },
  loaders: [prepare()],
  parameters: { smoke: { waitFor: 'button.launcher' } },
};
export const LauncherEn: Story = { ...LauncherDe, args: { lang: 'en', mode: 'launcher' } };

export const LauncherOpenDe: Story = {
  args: { lang: 'de', mode: 'launcher' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    await chatOf(canvasElement).open();
  },
  parameters: { smoke: { waitFor: '.consent-form' } },
};
export const LauncherOpenEn: Story = { ...LauncherOpenDe, args: { lang: 'en', mode: 'launcher' } };

export const PrechatDe: Story = { args: { lang: 'de' }, loaders: [prepare()], parameters: { smoke: { waitFor: '.consent-form' } } };
export const PrechatEn: Story = { ...PrechatDe, args: { lang: 'en' } };

export const ConsentMissingDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    (await until(() => inShadow(el, '.consent-form button[type=submit]'))).click();
  },
  parameters: { smoke: { waitFor: '#civic-chat-consent-error' } },
};
export const ConsentMissingEn: Story = { ...ConsentMissingDe, args: { lang: 'en' } };

export const DeskClosedDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare(undefined, () => Object.assign(api.state.chat.desk, { online: false }))],
  parameters: { smoke: { waitFor: '.availability' } },
};
export const DeskClosedEn: Story = { ...DeskClosedDe, args: { lang: 'en' } };

export const LoadingDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare({ latencyMs: 3_600_000, match: 'getChatAvailability' })],
  parameters: { smoke: { waitFor: 'p.status[role=status]' } },
};
export const LoadingEn: Story = { ...LoadingDe, args: { lang: 'en' } };

export const UnavailableDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare({ status: 500, match: 'getChatAvailability' })],
  parameters: { smoke: { waitFor: '.error[role=alert]' }, expectedStatus: [500] },
};
export const UnavailableEn: Story = { ...UnavailableDe, args: { lang: 'en' } };

// Conversation
export const ConversationDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    el.panel!.sendText('Ich brauche eine Meldebescheinigung. Siehe https://musterstadt.example/meldewesen');
    await until(() => el.shadowRoot!.querySelectorAll('.msg--bot').length > 1 || null);
    api.state.chat.join(conversation(), 'Frau Schmidt');
    api.state.chat.post(conversation(), {
      author: { kind: 'agent', name: 'Frau Schmidt' },
      text: 'Guten Tag! Die Meldebescheinigung können Sie online beantragen.',
      attachments: [],
      suggestions: [],
    });
    api.state.chat.typing(conversation(), { kind: 'agent', name: 'Frau Schmidt' }, true);
  },
  parameters: { smoke: { waitFor: '[part=typing]' } },
};
export const ConversationEn: Story = { ...ConversationDe, args: { lang: 'en' } };

export const QuickRepliesDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => startChat(chatOf(canvasElement)),
  parameters: { smoke: { waitFor: '[part=suggestions]' } },
};
export const QuickRepliesEn: Story = { ...QuickRepliesDe, args: { lang: 'en' } };

export const FailedMessageDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    api.faults.set({ status: 500, match: 'sendMessage' });
    el.panel!.sendText('Ist jemand da?');
  },
  parameters: { smoke: { waitFor: '.state--failed' }, expectedStatus: [500] },
};
export const FailedMessageEn: Story = { ...FailedMessageDe, args: { lang: 'en' } };

export const EndedDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    api.state.chat.end(conversation(), 'agent');
  },
  parameters: { smoke: { waitFor: 'p.event' } },
};
export const EndedEn: Story = { ...EndedDe, args: { lang: 'en' } };

// Offline message (desk closed): the form is part of DeskClosed; this is the confirmation.
export const OfflineSentDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare(undefined, () => Object.assign(api.state.chat.desk, { online: false }))],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    const email = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#civic-chat-offline-email'));
    email.value = 'erika@example.org';
    email.dispatchEvent(new Event('input'));
    const text = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#civic-chat-offline-text')!;
    text.value = 'Brauche ich für die Anmeldung einen Termin?';
    text.dispatchEvent(new Event('input'));
    inShadow(el, '#civic-chat-offline-consent')!.click();
    await el.updateComplete;
    inShadow(el, '.offline-form button[type=submit]')!.click();
  },
  parameters: { smoke: { waitFor: '.offline-sent' } },
};
export const OfflineSentEn: Story = { ...OfflineSentDe, args: { lang: 'en' } };

// Attachments
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0]);
const file = (name: string, type = 'image/png', bytes: BlobPart = PNG) => new File([bytes], name, { type });

/** The citizen chose files (as the picker or a drop would hand them over). */
async function attach(el: Chat, ...files: File[]): Promise<void> {
  const input = await until(() => inShadow(el, '#civic-chat-file') as HTMLInputElement | null);
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

/** A sent file in the log, one uploading, one refused before upload (too large). */
export const AttachmentsDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    await attach(el, file('Wohnungsgeberbestaetigung.png'));
    await until(() => inShadow(el, '.upload--done'));
    (inShadow(el, 'form.composer') as HTMLFormElement).requestSubmit();
    await until(() => inShadow(el, '.msg--citizen:not(.msg--pending) button.download'));
    api.faults.set({ latencyMs: 3_600_000, match: 'uploadAttachment' });
    await attach(el, file('Personalausweis.png'), file('Scan.png', 'image/png', new Uint8Array(11 * 1024 * 1024)));
  },
  parameters: { smoke: { waitFor: '.upload--uploading' } },
};
export const AttachmentsEn: Story = { ...AttachmentsDe, args: { lang: 'en' } };

/** The server refused an upload for now (429): the reason and a retry. */
export const AttachmentFailedDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    api.faults.set({ rateLimit: { retryAfterSeconds: 90 }, match: 'uploadAttachment' });
    await attach(el, file('Antrag.png'));
  },
  parameters: { smoke: { waitFor: '.upload--failed .retry-upload' }, expectedStatus: [429] },
};
export const AttachmentFailedEn: Story = { ...AttachmentFailedDe, args: { lang: 'en' } };

/**
 * A reload while a file was still uploading: the browser no longer has the file, so the notice
 * names it and asks to choose it again (announced politely; dismissible, gone once a file is chosen).
 */
export const UploadCutOffDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    api.faults.set({ latencyMs: 3_600_000, match: 'uploadAttachment' });
    await attach(el, file('Meldebescheinigung.png'));
    await until(() => inShadow(el, '.upload--uploading'));
    // The page is reloaded.
    const again = el.cloneNode(true) as Chat;
    el.replaceWith(again);
    await until(() => inShadow(again, 'button.dismiss'));
  },
  parameters: { smoke: { waitFor: 'button.dismiss' } },
};
export const UploadCutOffEn: Story = { ...UploadCutOffDe, args: { lang: 'en' } };

/** A file dragged over the conversation: the drop hint. */
export const DropHintDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    await until(() => inShadow(el, 'button.attach'));
    const dt = new DataTransfer();
    dt.items.add(file('Foto.png'));
    inShadow(el, '.conversation')!.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  },
  parameters: { smoke: { waitFor: '.drop-hint' } },
};
export const DropHintEn: Story = { ...DropHintDe, args: { lang: 'en' } };

// This device
/** After "delete from this device": nothing stored, the privacy notice again. */
export const ForgottenDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    inShadow(el, 'button.forget')!.click();
  },
  parameters: { smoke: { waitFor: '.prechat [role=status]' } },
};
export const ForgottenEn: Story = { ...ForgottenDe, args: { lang: 'en' } };

/** "Show earlier" failed: the reason and a retry in place. */
export const EarlierFailedDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    for (let i = 1; i <= 60; i++) {
      api.state.chat.post(conversation(), { author: { kind: 'agent', name: 'Frau Schmidt' }, text: `Nachricht ${i}`, attachments: [], suggestions: [] });
    }
    // The page is reloaded: the latest 50 show, earlier ones wait behind "show earlier".
    const again = el.cloneNode(true) as Chat;
    el.replaceWith(again);
    const earlier = await until(() => inShadow(again, 'button.earlier'));
    api.faults.set({ status: 500, match: 'listMessages' });
    earlier.click();
  },
  parameters: { smoke: { waitFor: '#civic-chat-earlier-error' }, expectedStatus: [500] },
};
export const EarlierFailedEn: Story = { ...EarlierFailedDe, args: { lang: 'en' } };

/** After a reload: who answers comes from the server, though the agent has not written yet. */
export const ResumedWithAgentDe: Story = {
  args: { lang: 'de' },
  loaders: [prepare()],
  play: async ({ canvasElement }) => {
    const el = chatOf(canvasElement);
    await startChat(el);
    api.state.chat.join(conversation(), 'Frau Schmidt');
    const again = el.cloneNode(true) as Chat;
    el.replaceWith(again);
    await until(() => inShadow(again, '.msg--bot'));
  },
  parameters: { smoke: { waitFor: '[part=agent]' } },
};
export const ResumedWithAgentEn: Story = { ...ResumedWithAgentDe, args: { lang: 'en' } };

// The floating launcher on a page: it keeps a strip free at the end of the page and the page scrolls
// focused elements above it (WCAG 2.4.11), e.g. a long table of waiting numbers at 360 px.
export const LauncherOnLongPageDe: Story = {
  args: { lang: 'de', mode: 'launcher' },
  loaders: [prepare()],
  render: ({ lang }) =>
    html`<main>
        <table>
          <caption>
            Aufrufe
          </caption>
          <thead>
            <tr><th>Nummer</th><th>Schalter</th></tr>
          </thead>
          <tbody>
            ${Array.from({ length: 30 }, (_, i) => html`<tr><td>A${100 + i}</td><td><a href="#schalter-${i + 1}">Schalter ${i + 1}</a></td></tr>`)}
          </tbody>
        </table>
      </main>
      <civic-chat api-base="/api" lang=${lang} privacy-url="/datenschutz/"></civic-chat>`,
  parameters: { smoke: { waitFor: 'button.launcher' } },
};
export const LauncherOnLongPageEn: Story = { ...LauncherOnLongPageDe, args: { lang: 'en', mode: 'launcher' } };
