/**
 * The chat panel: loaded by `<civic-chat>` on first open (its own CDN chunk, with its strings).
 * A reactive controller that renders into the launcher's shadow root, so the launcher, the log and
 * the input share one root (labels, focus and Escape work across them).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  CivicApiError,
  LocalizeController,
  RealtimeController,
  clientFor,
  errorMessage,
  isAbortError,
  newIdempotencyKey,
  type ApiClient,
  type RealtimeClock,
  type SseEvent,
  type Sleep,
} from '@civic-elements/core';
import type { Attachment, ChatAvailability, Message } from '@civic-elements/contract';
import type { CivicChat } from '../civic-chat/civic-chat.component.js';
import { availabilityCheck, createdCheck, endedData, joinedData, messageCheck, typingData } from './checks.js';
import { ChatSession, readStored, type ChatItem, type OutboxItem } from './session.js';
import { renderText } from './linkify.js';
import type { OfflineForm } from './offline-form.js';
import type { Attachments } from './attachments.js';
import { chatStorageKey } from '../civic-chat/storage-key.js';

export { panelStyles } from './chat-panel.styles.js';

type View = 'loading' | 'error' | 'prechat' | 'starting' | 'conversation';

const systemClock: RealtimeClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** How long an agent's typing indicator shows without a repeat (contract: 5 s). */
const TYPING_MS = 5000;

function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export class ChatPanel implements ReactiveController {
  view: View = 'loading';
  availability?: ChatAvailability;
  session?: ChatSession;
  private error?: unknown;
  private consent = false;
  private consentMissing = false;
  private startKey?: string;
  private typing?: { name: string; kind: string; timer: unknown };
  private readonly clock: RealtimeClock;
  private abort?: AbortController;
  readonly localize: LocalizeController;
  readonly realtime: RealtimeController;

  constructor(private readonly host: CivicChat) {
    this.clock = { ...systemClock, ...host.clock };
    this.localize = new LocalizeController(host, { ns: 'chat', onLangChange: () => this.languageChanged() });
    this.realtime = new RealtimeController(host, {
      open: (_id, signal) => {
        const s = this.session!;
        return this.client().openStream('/v1/chat/conversations/{id}/events', {
          params: { id: s.id },
          token: s.token,
          lastEventId: s.resumeSeq > 0 ? String(s.resumeSeq) : undefined,
          signal,
        });
      },
      onEvent: (event) => this.onEvent(event),
      onCatchUp: () => this.session?.catchUp() ?? Promise.resolve(),
      poll: () => this.session?.catchUp() ?? Promise.resolve(),
      pauseWhenHidden: false,
      autoStart: false,
      clock: this.clock,
      giveUp: (e) => {
        const status = e instanceof CivicApiError ? e.status : e instanceof Response ? e.status : undefined;
        return status === 401 || status === 403 || status === 404;
      },
    });
    host.addController(this);
    const stored = readStored(chatStorageKey(host));
    if (stored) this.resume(new ChatSession(stored, this.sessionOptions()));
    else void this.loadAvailability();
  }

  hostConnected(): void {
    if (this.session && !this.session.ended && this.view === 'conversation') {
      this.session.resume();
      this.realtime.start();
      void this.session.flush(true);
    }
  }

  private stickToBottom = true;

  hostUpdate(): void {
    const log = this.host.renderRoot?.querySelector<HTMLElement>('.scroller');
    this.stickToBottom = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 24;
  }

  hostUpdated(): void {
    const log = this.host.renderRoot.querySelector<HTMLElement>('.scroller');
    if (log && this.stickToBottom) log.scrollTop = log.scrollHeight;
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.session?.dispose();
  }

  /** Test and story hook: the session's client (for timers, the clock's sleep). */
  private client(): ApiClient {
    const sleep: Sleep = (ms, signal) =>
      new Promise((resolve, reject) => {
        const handle = this.clock.setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          this.clock.clearTimeout(handle);
          reject(signal.reason);
        });
      });
    return clientFor(this.host, { lang: this.localize.requestLang, sleep, random: this.clock.random, retries: 1 });
  }

  private sessionOptions() {
    return {
      client: () => this.client(),
      clock: this.clock,
      storageKey: chatStorageKey(this.host),
      changed: () => this.host.requestUpdate(),
      arrived: (m: Message) => {
        if (this.typing && m.author.kind !== 'citizen' && (m.author.name ?? m.author.kind) === this.typing.name) this.hideTyping();
        this.host.panelArrival(m.author.kind === 'citizen' ? 'out' : 'in');
      },
    };
  }

  private languageChanged(): void {
    if (this.view === 'prechat' || this.view === 'error') void this.loadAvailability();
  }

  async loadAvailability(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (!this.availability) this.view = 'loading';
    this.host.requestUpdate();
    try {
      this.availability = await this.client().request('GET', '/v1/chat/availability', { check: availabilityCheck, signal: abort.signal });
      if (!this.availability.online || this.availability.agentsOnline === 0) {
        // Only needed when nobody is there: its own chunk.
        this.offlineForm ??= new (await import('./offline-form.js')).OfflineForm(this.host, this.localize, () => this.client());
      }
      this.view = 'prechat';
    } catch (error) {
      if (isAbortError(error)) return;
      this.error = error;
      this.view = 'error';
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.host.isOpen) this.focusInitial();
  }

  private resume(session: ChatSession): void {
    this.session = session;
    this.view = 'conversation';
    this.host.requestUpdate();
    void this.loadFiles();
    // Who answers (an agent may have joined before the reload) and whether it ended: the server's word.
    session.loadState().catch(() => undefined);
    session.loadLatest().then(
      () => {
        this.realtime.start();
        void session.flush(true);
      },
      () => {
        // History failed (offline?): the stream's reconnect and catch-up fill the gap.
        this.realtime.start();
      },
    );
  }

  /** Loads the attachments chunk (and, after a reload, the desk's limits) beside the history. */
  private async loadFiles(): Promise<void> {
    try {
      const [availability, { Attachments }] = await Promise.all([
        this.availability ?? this.client().request('GET', '/v1/chat/availability', { check: availabilityCheck }),
        import('./attachments.js'),
      ]);
      this.availability ??= availability;
      if (!this.session || this.files) return;
      this.files = new Attachments(this.host, () => this.client(), () => this.session, availability.attachments, (error) => {
        this.actionError = error;
        this.host.requestUpdate();
      });
      this.host.requestUpdate();
    } catch {
      // Without the limits there is no attach button; attachments in the log show by name.
    }
  }

  /** Starts the conversation once the citizen consented: nothing is stored before this. */
  async start(): Promise<void> {
    if (!this.consent) {
      this.consentMissing = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLInputElement>('#civic-chat-consent')?.focus();
      return;
    }
    this.view = 'starting';
    this.error = undefined;
    this.forgotten = false;
    this.host.requestUpdate();
    this.startKey ??= newIdempotencyKey();
    try {
      const created = await this.client().request('POST', '/v1/chat/conversations', {
        body: { consent: true, locale: this.localize.lang, ...(this.host.topic && { topic: this.host.topic }) },
        idempotencyKey: this.startKey,
        check: createdCheck,
      });
      this.startKey = undefined;
      const session = new ChatSession({ id: created.id, token: created.token, outbox: [] }, this.sessionOptions());
      session.save();
      this.host.emit('civic-chat-started', { conversationId: created.id });
      this.resume(session);
      await this.host.updateComplete;
      this.focusInitial();
    } catch (error) {
      this.error = error;
      this.view = 'prechat';
      this.host.requestUpdate();
    }
  }

  /** Sends a message (also a quick reply). */
  sendText(text: string): void {
    if (!this.session || this.session.ended || !/\S/.test(text)) return;
    this.session.send(text);
  }

  /** Focus on open: the message input, else the consent box, else the heading. */
  focusInitial(): void {
    const root = this.host.renderRoot;
    const target =
      root.querySelector<HTMLElement>('#civic-chat-input') ??
      root.querySelector<HTMLElement>('#civic-chat-consent') ??
      root.querySelector<HTMLElement>('#civic-chat-offline-email') ??
      root.querySelector<HTMLElement>('#civic-chat-retry') ??
      root.querySelector<HTMLElement>('#civic-chat-title');
    target?.focus();
  }

  private onEvent(event: SseEvent): void {
    const s = this.session;
    if (!s) return;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return; // A broken event: the next catch-up fetches the message again.
    }
    try {
      if (event.type === 'message') {
        const m = messageCheck(data);
        s.addMessage(m, true);
        s.streamed(m.seq);
      } else if (event.type === 'typing') {
        const t = typingData(data);
        if (t.author.kind === 'citizen') return;
        const name = t.author.name ?? t.author.kind;
        if (t.active) this.showTyping(name, t.author.kind);
        else if (this.typing?.name === name) this.hideTyping();
      } else if (event.type === 'agent_joined') {
        const j = joinedData(data);
        s.addJoined(j.seq, j.agent.name);
        s.streamed(j.seq);
      } else if (event.type === 'conversation_ended') {
        const e = endedData(data);
        s.addEnded(e.seq, e.endedBy);
        s.streamed(e.seq);
        this.hideTyping();
        this.realtime.stop();
      }
    } catch {
      // Malformed data: ignored; catch-up after the next reconnect restores durable events.
    }
  }

  private showTyping(name: string, kind: string): void {
    this.clock.clearTimeout(this.typing?.timer);
    this.typing = { name, kind, timer: this.clock.setTimeout(() => this.hideTyping(), TYPING_MS) };
    this.host.requestUpdate();
  }

  private hideTyping(): void {
    if (!this.typing) return;
    this.clock.clearTimeout(this.typing.timer);
    this.typing = undefined;
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------------ rendering

  render(): TemplateResult {
    const t = this.localize.t;
    const launcher = this.host.mode !== 'inline';
    return html`<section
      class="panel"
      part="panel"
      role=${launcher ? 'dialog' : 'region'}
      aria-labelledby="civic-chat-title"
      lang=${this.localize.lang}
      dir=${this.localize.dir}
    >
      <header class="header" part="header">
        <h2 id="civic-chat-title" tabindex="-1">${t('title')}</h2>
        ${launcher
          ? html`<button type="button" class="close" part="close-button" @click=${() => this.host.close()}>${t('close')}</button>`
          : nothing}
      </header>
      <div class="body" part="body">${this.renderView()}</div>
    </section>`;
  }

  private renderView(): TemplateResult {
    const t = this.localize.t;
    switch (this.view) {
      case 'loading':
        return html`<p class="status" role="status">${t('loading')}</p>`;
      case 'error':
        return html`<div class="error" role="alert">
            <p>${errorMessage(t, this.error)}</p>
            <button type="button" id="civic-chat-retry" @click=${() => void this.loadAvailability()}>${t('retry')}</button>
          </div>
          <div class="fallback"><slot></slot></div>`;
      case 'prechat':
      case 'starting':
        return this.renderPrechat();
      case 'conversation':
        return this.renderConversation();
    }
  }

  private renderPrechat(): TemplateResult {
    const t = this.localize.t;
    const a = this.availability!;
    const privacyUrl = safeUrl(this.host.privacyUrl);
    const starting = this.view === 'starting';
    return html`<div class="prechat">
      ${this.forgotten ? html`<p class="notice" role="status">${t('forgotten')}</p>` : nothing}
      <h3>${t('availability.heading')}</h3>
      ${this.renderAvailability(a)}
      ${a.welcomeText ? html`<p class="welcome">${a.welcomeText}</p>` : nothing}
      ${!a.online || a.agentsOnline === 0 ? (this.offlineForm?.render() ?? nothing) : nothing}
      ${a.online
        ? html`<form class="consent-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.start())}>
            <h3>${t('privacy.heading')}</h3>
            <p id="civic-chat-privacy">
              ${t('privacy.notice')}
              ${privacyUrl
                ? html` <a href=${privacyUrl} target="_blank" rel="noopener noreferrer">${t('privacy.link')}</a>`
                : nothing}
            </p>
            <div class="consent">
              <input
                type="checkbox"
                id="civic-chat-consent"
                .checked=${live(this.consent)}
                aria-describedby=${this.consentMissing && !this.consent ? 'civic-chat-privacy civic-chat-consent-error' : 'civic-chat-privacy'}
                aria-invalid=${this.consentMissing && !this.consent ? 'true' : 'false'}
                @change=${(e: Event) => {
                  this.consent = (e.target as HTMLInputElement).checked;
                  this.host.requestUpdate();
                }}
              />
              <label for="civic-chat-consent">${t('privacy.consent')}</label>
            </div>
            ${this.consentMissing && !this.consent
              ? html`<p class="field-error" id="civic-chat-consent-error">${t('privacy.required')}</p>`
              : nothing}
            ${this.error ? html`<p class="error" role="alert">${errorMessage(t, this.error)}</p>` : nothing}
            <button type="submit" class="primary" ?disabled=${starting}>${starting ? t('starting') : t('start')}</button>
          </form>`
        : nothing}
    </div>`;
  }

  private renderAvailability(a: ChatAvailability): TemplateResult {
    const t = this.localize.t;
    const tz = a.officeHours.timeZone;
    const lines: string[] = [];
    if (!a.online) {
      lines.push(t('availability.offline'));
      if (a.nextOpening) lines.push(t('availability.nextOpening', { when: this.localize.formatDateTime(a.nextOpening, { timeZone: tz }) }));
    } else if (a.agentsOnline > 0) {
      lines.push(t('availability.onlineAgents', { count: a.agentsOnline }));
      if (a.expectedReplySeconds != null) lines.push(t('availability.reply', { duration: this.duration(a.expectedReplySeconds) }));
    } else {
      lines.push(t('availability.botOnly'));
    }
    const days = new Intl.DateTimeFormat(this.localize.lang, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday: ISO weekday n is that date + n − 1 days.
    const dayName = (n: number) => days.format(new Date(Date.UTC(2024, 0, n)));
    return html`<div class="availability" part="availability">
      ${lines.map((line) => html`<p>${line}</p>`)}
      <h4>${t('availability.hours')}</h4>
      <ul class="hours">
        ${a.officeHours.weekly.map((h) => html`<li>${dayName(h.weekday)}: <span dir="ltr">${h.opens}–${h.closes}</span></li>`)}
      </ul>
    </div>`;
  }

  private duration(seconds: number): string {
    const minutes = Math.max(1, Math.round(seconds / 60));
    return new Intl.NumberFormat(this.localize.lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
  }

  private renderConversation(): TemplateResult {
    const t = this.localize.t;
    const s = this.session!;
    const state = this.realtime.state;
    const suggestions = s.suggestions;
    const files = this.files;
    // Files a reload cut off: named once the attachments code is there (the live region is there
    // before, empty, so the text is announced), if the desk still takes files.
    const lost = files?.enabled ? s.lost : [];
    return html`<div
      class="conversation ${files?.dragging ? 'conversation--dragging' : ''}"
      @dragover=${files?.drag.over}
      @dragleave=${files?.drag.leave}
      @drop=${files?.drag.drop}
    >
      ${files?.renderDropHint()}
      <div class="actions" part="actions" role="group" aria-label=${t('actions')}>
        <button type="button" class="transcript" @click=${() => void this.downloadTranscript()}>${t('transcript')}</button>
        ${s.ended
          ? html`<button type="button" class="restart" @click=${() => void this.restart()}>${t('restart')}</button>`
          : html`<button type="button" class="end" @click=${() => void this.end()}>${t('end')}</button>`}
        <button type="button" class="forget" @click=${() => void this.forget()}>${t('forget')}</button>
      </div>
      ${this.actionError ? html`<p class="error" role="alert">${errorMessage(t, this.actionError)}</p>` : nothing}
      <p class="who" part="agent">${s.agent ? t('withAgent', { name: s.agent }) : s.joined ? t('joinedAnonymous') : t('withBot')}</p>
      ${state === 'reconnecting' || state === 'stale'
        ? html`<p class="notice" role="status">${t('reconnecting')}</p>`
        : nothing}
      <div class="scroller" part="scroller">
        ${s.hasEarlier
          ? html`${this.earlierError
                ? html`<p class="error" id="civic-chat-earlier-error" role="alert">${t('earlierFailed')} ${errorMessage(t, this.earlierError)}</p>`
                : nothing}
              <button
                type="button"
                class="earlier"
                aria-describedby=${this.earlierError ? 'civic-chat-earlier-error' : nothing}
                @click=${() => void this.showEarlier()}
              >
                ${this.earlierError ? t('earlierRetry') : t('earlier')}
              </button>`
          : nothing}
        <div class="log" part="log" role="log" aria-labelledby="civic-chat-log-label" tabindex="0">
          <span id="civic-chat-log-label" class="visually-hidden">${t('log')}</span>
          ${repeat(
            s.list,
            // Keyed, so earlier messages are inserted before the others instead of re-writing them
            // (a re-written node in a live region would be read out again).
            (item) => (item.type === 'pending' ? `c:${item.item.clientId}` : `s:${item.seq}`),
            // A server item never changes: it renders again only when the language, the time zone
            // or the attachments code change (keeps 1,000 messages cheap, see bench/).
            (item) =>
              item.type === 'pending'
                ? this.renderItem(item)
                : guard([item, this.localize.lang, this.availability, this.files], () => this.renderItem(item)),
          )}
        </div>
      </div>
      ${this.typing
        ? html`<p class="typing" part="typing" role="status">${t('typing', { name: this.authorName(this.typing.kind, this.typing.name) })}</p>`
        : nothing}
      ${suggestions.length
        ? html`<div class="suggestions" part="suggestions" role="group" aria-label=${t('suggestions')}>
            ${suggestions.map(
              (sg) => html`<button type="button" class="suggestion" @click=${() => this.sendText(sg.text)}>${sg.text}</button>`,
            )}
          </div>`
        : nothing}
      ${s.ended
        ? html`<p class="notice">${t('ended')}</p>`
        : html`<form class="composer" part="composer" @submit=${(e: Event) => (e.preventDefault(), this.submit())}>
            <label for="civic-chat-input">${t('message')}</label>
            <textarea
              id="civic-chat-input"
              part="input"
              rows="2"
              maxlength="4000"
              aria-describedby="civic-chat-hint civic-chat-lost"
              .value=${live(s.draft)}
              @input=${(e: Event) => this.onInput((e.target as HTMLTextAreaElement).value)}
              @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
            ></textarea>
            <span id="civic-chat-hint" class="visually-hidden">${t('messageHint')}</span>
            <button type="submit" class="primary">${t('send')}</button>
            <div class="files">
              ${files?.renderPicker()}
              <p class="files-lost" id="civic-chat-lost" role="status">${lost.length ? t('lost', { count: lost.length, names: this.localize.formatList(lost) }) : nothing}</p>
              ${lost.length ? html`<button type="button" class="dismiss" @click=${() => void this.dismissLost()}>${t('dismiss')}</button>` : nothing}
              ${files?.renderUploads()}
            </div>
          </form>`}
    </div>`;
  }

  private authorName(kind: string, name: string | undefined): string {
    const t = this.localize.t;
    if (kind === 'citizen') return t('you');
    return name && name !== kind ? name : t(kind === 'bot' ? 'bot' : kind === 'system' ? 'system' : 'agent');
  }

  private renderItem(item: ChatItem): TemplateResult {
    const t = this.localize.t;
    if (item.type === 'joined') {
      return html`<p class="event" data-seq=${item.seq}>${item.agent ? t('joined', { name: item.agent }) : t('joinedAnonymous')}</p>`;
    }
    if (item.type === 'ended') return html`<p class="event" data-seq=${item.seq}>${t('ended')}</p>`;
    if (item.type === 'pending') return this.renderPending(item.item);
    const m = item.message;
    const time = this.localize.formatTime(m.createdAt, { timeZone: this.availability?.officeHours.timeZone ?? 'Europe/Berlin' });
    return html`<div class="msg msg--${m.author.kind}" part="message message-${m.author.kind}" data-seq=${m.seq}>
      <p class="meta">
        <span class="author">${this.authorName(m.author.kind, m.author.name)}</span>
        <time datetime=${m.createdAt}>${time}</time>
      </p>
      ${m.text ? html`<p class="text">${renderText(m.text, (text) => t('link', { text }))}</p>` : nothing}
      ${m.attachments.length ? this.renderAttachments(m.attachments) : nothing}
      ${m.author.kind === 'citizen' ? html`<p class="state state--sent">${t('sent')}</p>` : nothing}
    </div>`;
  }

  private renderAttachments(list: readonly Attachment[], pending = false): TemplateResult {
    return this.files && !pending
      ? this.files.renderList(list)
      : html`<ul class="attachments">${list.map((a) => html`<li>${a.name}</li>`)}</ul>`;
  }

  private renderPending(o: OutboxItem): TemplateResult {
    const t = this.localize.t;
    const failed = ChatSession.failed(o);
    return html`<div class="msg msg--citizen msg--pending" part="message message-citizen" data-client-id=${o.clientId}>
      <p class="meta"><span class="author">${t('you')}</span></p>
      ${o.text ? html`<p class="text">${renderText(o.text, (text) => t('link', { text }))}</p>` : nothing}
      ${o.attachments ? this.renderAttachments(o.attachments, true) : nothing}
      <p class="state ${failed ? 'state--failed' : 'state--sending'}">
        ${failed ? (o.stopped ? t('failedFinal') : t('failed')) : t('sending')}
        ${failed ? html`<button type="button" class="retry" @click=${() => this.session?.retry(o.clientId)}>${t('retry')}</button>` : nothing}
      </p>
    </div>`;
  }

  private typingSentAt = Number.NEGATIVE_INFINITY;

  /**
   * Keeps the draft, stored at once (a reload or a discarded tab loses nothing typed); tells the desk
   * the citizen is typing (at most every 2 s; `false` when cleared).
   */
  private onInput(value: string): void {
    const s = this.session!;
    s.draft = value;
    s.save();
    const now = this.clock.now();
    if (!value) this.sendTyping(false);
    else if (now - this.typingSentAt >= 2000) {
      this.typingSentAt = now;
      this.sendTyping(true);
    }
  }

  private sendTyping(active: boolean): void {
    const s = this.session;
    if (!s || s.ended) return;
    if (!active) this.typingSentAt = Number.NEGATIVE_INFINITY;
    this.client()
      .request('POST', '/v1/chat/conversations/{id}/typing', { params: { id: s.id }, token: s.token, body: { active } })
      .catch(() => undefined);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit();
    }
  }

  private submit(): void {
    const s = this.session;
    const files = this.files;
    if (!s || s.ended) return;
    if (files && !files.ready) {
      files.blocked = true;
      this.host.requestUpdate();
      return;
    }
    const attachments = files?.uploads.length ? files.take() : [];
    const text = s.draft;
    if (!/\S/.test(text) && !attachments.length) return;
    s.draft = '';
    this.sendTyping(false);
    s.send(text, attachments);
  }

  private actionError?: unknown;
  private offlineForm?: OfflineForm;
  /** Attachments (own chunk), once loaded for the conversation. */
  files?: Attachments;

  /** Ends the conversation (the desk sees it ended; the transcript stays available). */
  async end(): Promise<void> {
    const s = this.session;
    if (!s || s.ended) return;
    this.actionError = undefined;
    try {
      await this.client().request('POST', '/v1/chat/conversations/{id}/end', { params: { id: s.id }, token: s.token });
      s.markEnded();
      this.hideTyping();
    } catch (error) {
      this.actionError = error;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.restart')?.focus();
  }

  /** The notice on files a reload cut off goes; focus moves to the attach button. */
  private async dismissLost(): Promise<void> {
    this.session!.lost = [];
    this.files?.keep();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.attach')?.focus();
  }

  /** Set after "delete from this device": the pre-chat view says so. */
  private forgotten = false;

  /**
   * "Delete from this device": ends the conversation if it is still open (best effort: offline, it
   * ends on the desk's side by itself), then removes everything this tab stored (conversation,
   * token, unsent messages, chosen files) and shows the privacy notice again.
   */
  async forget(): Promise<void> {
    const s = this.session;
    if (!s) return;
    s.dispose();
    this.realtime.stop();
    if (!s.ended) {
      await this.client()
        .request('POST', '/v1/chat/conversations/{id}/end', { params: { id: s.id }, token: s.token })
        .catch(() => undefined);
    }
    await this.restart();
    this.forgotten = true;
    this.host.requestUpdate();
  }

  /** Forgets the conversation (storage included) and starts over from the privacy notice. */
  async restart(): Promise<void> {
    this.forgotten = false;
    this.earlierError = undefined;
    this.view = this.availability ? 'prechat' : 'loading';
    this.realtime.stop();
    this.session?.forget();
    this.session = undefined;
    this.consent = false;
    this.consentMissing = false;
    this.actionError = undefined;
    this.files?.dispose();
    this.files = undefined;
    this.hideTyping();
    await this.loadAvailability();
    if (this.view === 'prechat') this.focusInitial();
  }

  /** Downloads the conversation as a text file (`chat-<date>.txt`). */
  async downloadTranscript(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.actionError = undefined;
    try {
      const blob = await this.client().download('/v1/chat/conversations/{id}/transcript', {
        params: { id: s.id },
        token: s.token,
        accept: 'text/plain',
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `chat-${new Date(this.clock.now()).toISOString().slice(0, 10)}.txt`;
      a.click();
      this.clock.setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    } catch (error) {
      this.actionError = error;
    }
    this.host.requestUpdate();
  }

  private earlierError?: unknown;

  /** Loads 50 earlier messages and keeps what the citizen was reading in place (also on failure). */
  private async showEarlier(): Promise<void> {
    const log = this.host.renderRoot.querySelector<HTMLElement>('.scroller');
    const fromBottom = log ? log.scrollHeight - log.scrollTop : 0;
    try {
      await this.session?.loadEarlier();
      this.earlierError = undefined;
    } catch (error) {
      this.earlierError = error;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (log) log.scrollTop = log.scrollHeight - fromBottom;
  }
}
