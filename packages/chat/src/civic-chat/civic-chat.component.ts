import { adoptStyles, html, nothing, type CSSResultOrNative } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CivicElement, baseStyles, registerStrings, type RealtimeClock } from '@civic-elements/core';
import type { ChatPanel } from '../panel/chat-panel.js';
import { launcherDe, launcherEn } from '../locales/launcher.js';
import { launcherStyles } from './civic-chat.styles.js';
import { hasStoredConversation } from './storage-key.js';

declare module '@civic-elements/core' {
  interface CivicEventMap {
    'civic-chat-open': undefined;
    'civic-chat-close': undefined;
    'civic-chat-started': { conversationId: string };
    'civic-chat-message': { direction: 'in' | 'out' };
  }
}

/** Height of each launcher's reserved strip, for the page's scroll padding. */
const strips = new Map<CivicChat, number>();
let pageSheet: CSSStyleSheet | undefined;

/**
 * The page's scroll padding at the bottom: as high as the launcher's reserved strip, so that the
 * browser scrolls a focused element above the floating launcher instead of under it (WCAG 2.4.11).
 * One zero-specificity rule in a constructed style sheet on the document (allowed by a strict CSP);
 * a page's own `scroll-padding` wins.
 */
function padPage(el: CivicChat, height?: number): void {
  if (height === undefined) strips.delete(el);
  else strips.set(el, height);
  const px = Math.ceil(Math.max(0, ...strips.values()));
  if (!pageSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, (pageSheet = new CSSStyleSheet())];
  pageSheet.replaceSync(px ? `:where(:root){scroll-padding-block-end:${px}px}` : '');
}

registerStrings('chat-launcher', {
  de: launcherDe,
  en: launcherEn,
  tr: () => import('../locales/launcher-tr.js').then((m) => m.default),
  ar: () => import('../locales/launcher-ar.js').then((m) => m.default),
  uk: () => import('../locales/launcher-uk.js').then((m) => m.default),
  'de-x-ls': () => import('../locales/launcher-de-x-ls.js').then((m) => m.default),
});

/**
 * @summary Real-time text chat with the town's service desk that never loses or duplicates a message.
 *
 * The launcher is a small floating button; the panel (and its texts) load on the first click.
 * With `mode="inline"` the panel sits in the page instead. Before the first message the citizen
 * sees the desk's availability and accepts the privacy notice: nothing is stored and no
 * conversation exists before that. Afterwards the conversation, unsent messages, the text in the
 * message box and the files uploaded for the next message (name, type, size and the server's id;
 * never the bytes) live in sessionStorage (this tab only) so a reload resumes it; a file still
 * uploading at the reload is not (the browser no longer has it): only its name is kept, and a
 * notice names it and asks to choose it again. The conversation ending (by the citizen or the desk)
 * removes the text and the files; "Delete from this device" and starting a new conversation
 * remove everything.
 *
 * @slot - Fallback content (e.g. a phone number or e-mail link), shown when the chat cannot load.
 *
 * @event {undefined} civic-chat-open - The panel opened.
 * @event {undefined} civic-chat-close - The panel closed.
 * @event {{ conversationId: string }} civic-chat-started - A conversation started.
 * @event {{ direction: 'in' | 'out' }} civic-chat-message - A new message (never its text).
 *
 * @csspart launcher - The floating button.
 * @csspart badge - The unread counter on the button.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's title bar.
 * @csspart close-button - The panel's close button (launcher mode).
 * @csspart body - The panel's content.
 * @csspart availability - Office hours and who is online.
 * @csspart agent - The line naming who the citizen writes with.
 * @csspart scroller - The scrolling area: "show earlier" and the message list.
 * @csspart log - The message list (`role="log"`).
 * @csspart message - Every message; also `message-citizen`, `message-agent`, `message-bot`, `message-system`.
 * @csspart typing - The typing indicator.
 * @csspart suggestions - The bot's quick replies.
 * @csspart composer - The message form.
 * @csspart input - The message field.
 * @csspart attach-button - The button that opens the file picker.
 * @csspart uploads - The files chosen for the next message, with their upload state.
 *
 *
 * @cssproperty [--civic-chat-offset=var(--civic-space-md)] - Distance of the launcher from the viewport edges.
 * @cssproperty [--civic-chat-reserve=block] - `block`: the element keeps a strip as high as the launcher at its place in the page (put the tag at the end of `<body>`) and the page scrolls focused elements above the launcher; `none` turns both off (then give the page bottom padding yourself).
 * @cssproperty [--civic-chat-z-index=1000] - Stacking level of the launcher and panel.
 * @cssproperty [--civic-chat-inline-height=32rem] - Height of the inline panel.
 * @cssproperty [--civic-chat-header-background=var(--civic-color-primary)] - Panel title bar background.
 * @cssproperty [--civic-chat-header-color=var(--civic-color-on-primary)] - Panel title bar text.
 */
export class CivicChat extends CivicElement {
  static override localizeNamespace = 'chat-launcher';
  static override styles = [baseStyles, launcherStyles];

  /** `launcher` (default): a floating button that opens the panel; `inline`: the panel in the page. */
  @property({ reflect: true }) mode: 'launcher' | 'inline' = 'launcher';

  /** Topic id from the desk's `topics` (e.g. `meldewesen`), sent when the conversation starts. */
  @property() topic?: string;

  /** Link to the town's privacy policy, shown in the notice the citizen accepts. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /** Launcher corner: `end` (default; bottom right in left-to-right pages) or `start`. */
  @property({ reflect: true }) position: 'end' | 'start' = 'end';

  /** Time source for backoff, reconnects and the typing indicator; tests inject a manual clock. */
  @property({ attribute: false }) clock?: Partial<RealtimeClock>;

  /** Messages received while the panel was closed. */
  @state() unread = 0;

  @state() private opened = false;
  @state() private loadFailed = false;

  /** The loaded panel (undefined until the first open, or a resumed conversation). @internal */
  panel?: ChatPanel;
  private loading?: Promise<ChatPanel | undefined>;

  /** Whether the panel is showing (always true inline). */
  get isOpen(): boolean {
    return this.mode === 'inline' || this.opened;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inline, or a conversation this tab already started (after consent): load the panel now so
    // the conversation resumes and unread messages show on the button.
    if (this.mode === 'inline' || hasStoredConversation(this)) void this.loadPanel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    padPage(this);
  }

  /** Follows the height of the reserved strip (0 inline or switched off) into the page's scroll padding. */
  override firstUpdated(): void {
    new ResizeObserver(([e]) => this.isConnected && padPage(this, e!.contentRect.height)).observe(this.renderRoot.querySelector('.reserve')!);
  }

  /** Opens the panel (loading it on first use) and moves focus into it. */
  async open(): Promise<void> {
    if (!this.opened) {
      this.opened = true;
      this.unread = 0;
      this.emit('civic-chat-open');
    }
    const panel = await this.loadPanel();
    await this.updateComplete;
    panel?.focusInitial();
  }

  /** Closes the panel and returns focus to the launcher button. */
  async close(): Promise<void> {
    if (this.mode === 'inline' || !this.opened) return;
    this.opened = false;
    this.emit('civic-chat-close');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
  }

  /** Opens or closes the panel. */
  toggle(): Promise<void> {
    return this.opened ? this.close() : this.open();
  }

  /** Called by the panel for every new message. @internal */
  panelArrival(direction: 'in' | 'out'): void {
    this.emit('civic-chat-message', { direction });
    if (direction === 'in' && !this.isOpen) this.unread++;
  }

  private loadPanel(): Promise<ChatPanel | undefined> {
    // The panel and its German texts: two chunks, loaded in parallel.
    this.loading ??= Promise.all([import('../panel/chat-panel.js'), import('../locales/panel-strings.js')]).then(
      ([{ ChatPanel, panelStyles }, { registerPanelStrings }]) => {
        registerPanelStrings();
        const styles = (this.constructor as typeof CivicChat).elementStyles;
        adoptStyles(this.renderRoot as ShadowRoot, [...styles, panelStyles] as CSSResultOrNative[]);
        this.loadFailed = false;
        this.panel = new ChatPanel(this);
        this.requestUpdate();
        return this.panel;
      },
      () => {
        this.loading = undefined;
        this.loadFailed = true;
        return undefined;
      },
    );
    return this.loading;
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.mode !== 'inline' && this.opened) {
      e.stopPropagation();
      void this.close();
    }
  }

  override render() {
    const t = this.localize.t;
    const inline = this.mode === 'inline';
    const frame = this.panel
      ? html`<div class="frame" id="civic-chat-frame" ?hidden=${!this.isOpen}>${this.panel.render()}</div>`
      : this.loadFailed && this.isOpen
        ? html`<div class="load-error" role="alert"><p>${t('loadFailed')}</p><slot></slot></div>`
        : nothing;
    return html`<div class="base" lang=${this.localize.lang} dir=${this.localize.dir} @keydown=${this.onKeydown}>
      ${inline
        ? nothing
        : html`<button type="button" class="launcher" part="launcher" aria-expanded=${String(this.opened)} aria-controls=${this.panel ? 'civic-chat-frame' : nothing} @click=${() => void this.toggle()}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
            </svg>
            <span>${t('label')}</span><span class="visually-hidden">${t('labelMore')}${this.unread ? `${t('comma')}${t('unread', { count: this.unread })}` : ''}</span>${this.unread
              ? html`<span class="badge" part="badge" aria-hidden="true">${this.unread}</span>`
              : nothing}</button>`}
      ${frame}
      <span class="visually-hidden" role="status">${this.unread && !this.isOpen ? t('unread', { count: this.unread }) : ''}</span>
    </div>
    <div class="reserve"></div>`;
  }
}
