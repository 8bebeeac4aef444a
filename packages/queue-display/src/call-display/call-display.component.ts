import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AnnouncerController, CivicElement, baseStyles, errorMessage, type RealtimeClock } from '@civic-elements/core';
import { NAMESPACE, spokenTemplate } from '../locales/index.js';
import { callKey, type QueueCall, type QueueStatus } from '../shared/api.js';
import type { Chime, ChimeAudioContext } from '../shared/chime.js';
import { delegatingClock } from '../shared/clock.js';
import { QueueFeed } from '../shared/queue-feed.js';
import styles from './call-display.styles.js';

/** What the display needs of `speechSynthesis` (tests pass a fake). */
export type Speech = Pick<SpeechSynthesis, 'speak' | 'cancel' | 'pending'>;

/**
 * @summary The lobby screen (Aufrufanzeige): the latest calls (ticket → desk), the newest
 * highlighted, a chime and an optional spoken call, the clock, welcome and ticker text, people
 * waiting and the wait without an appointment. Runs unattended: never paused when hidden,
 * reconnects by itself, shows when its data is stale, keeps a fixed amount of memory.
 *
 * @slot - Fallback content written by the editor: shown when the queue cannot be loaded.
 *
 * @csspart base - The board.
 * @csspart header - Name and clock.
 * @csspart calls - The list of calls.
 * @csspart footer - Waiting figures and ticker.
 * @csspart start - The one-time "start" button that unlocks sound.
 *
 * @cssproperty [--civic-call-display-min-height=100vh] - Height of the board.
 * @cssproperty [--civic-call-display-font-size=clamp(1rem, 2.2vw, 3rem)] - Base size; everything scales with it.
 * @cssproperty [--civic-call-display-background=var(--civic-color-surface)] - Board background.
 */
export class CivicCallDisplay extends CivicElement {
  static override styles = [baseStyles, styles];
  static override localizeNamespace = NAMESPACE;

  /** The location id whose calls are shown. */
  @property({ reflect: true }) location?: string;

  /** Rows of calls per column. The contract keeps the last 10 calls, so rows × columns ≤ 10 are filled. */
  @property({ type: Number }) rows = 6;

  /** Columns of calls (1–4). */
  @property({ type: Number }) columns = 1;

  /** Languages in which each call is spoken after "start", e.g. `de en`; empty: no speech. */
  @property() voice?: string;

  /** How long the newest call stays highlighted, in seconds. */
  @property({ attribute: 'highlight-seconds', type: Number }) highlightSeconds = 60;

  /** Time source (tests pass a manual clock). */
  @property({ attribute: false }) clock?: Partial<RealtimeClock>;

  /** Makes the audio context on "start" (tests pass a fake; default: the browser's AudioContext). */
  @property({ attribute: false }) audioContextFactory?: () => ChimeAudioContext | undefined;

  /** Speech output (default: the browser's `speechSynthesis`). */
  @property({ attribute: false }) speech?: Speech;

  @state() private started = false;
  @state() private highlighted?: string;
  @state() private blinking?: string;

  private readonly time = delegatingClock(() => this.clock);
  private readonly announcer = new AnnouncerController(this);
  private chime: Chime | undefined;
  private highlightTimer: unknown;
  private clockTimer: unknown;

  private readonly feed = new QueueFeed(this, {
    location: () => this.location,
    clock: this.time,
    pauseWhenHidden: false,
    onCall: (call) => this.onCall(call),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.time.clearTimeout(this.clockTimer);
    this.time.clearTimeout(this.highlightTimer);
    this.clockTimer = this.highlightTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('location') && changed.get('location') !== undefined) this.feed.reset();
  }

  protected override languageChanged(): void {
    this.feed.relocalize();
  }

  /** Re-renders the clock at every full minute (one timer). */
  private tick(): void {
    this.time.clearTimeout(this.clockTimer);
    const now = this.time.now();
    this.clockTimer = this.time.setTimeout(() => {
      this.requestUpdate();
      this.tick();
    }, 60_000 - (now % 60_000));
  }

  private onCall(call: QueueCall): void {
    const key = callKey(call);
    this.highlighted = this.blinking = key;
    this.time.clearTimeout(this.highlightTimer);
    this.highlightTimer = this.time.setTimeout(() => {
      this.highlightTimer = undefined;
      this.highlighted = this.blinking = undefined;
    }, this.highlightSeconds * 1000);
    this.announcer.announce(this.localize.t('callAnnounce', { ticket: call.ticket, desk: call.desk }));
    if (!this.started) return;
    this.chime?.play();
    void this.speak(call);
  }

  private async speak(call: QueueCall): Promise<void> {
    const langs = (this.voice ?? '').split(/[\s,]+/).filter(Boolean);
    const speech = this.speech ?? (typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis);
    if (!langs.length || !speech || typeof SpeechSynthesisUtterance === 'undefined') return;
    // A backlog of unspoken calls is dropped: only the newest matters, and the queue stays bounded.
    if (speech.pending) speech.cancel();
    for (const lang of langs) {
      const template = await spokenTemplate(lang);
      if (!template) continue;
      const utterance = new SpeechSynthesisUtterance(
        template.replace('{{ticket}}', call.ticket).replace('{{desk}}', call.desk),
      );
      utterance.lang = lang;
      speech.speak(utterance);
    }
  }

  private start(): void {
    // After this click the page has sticky user activation: audio may start. The chime's code
    // loads only now.
    this.started = true;
    import('../shared/chime.js')
      .then(({ Chime, createAudioContext }) => {
        const context = (this.audioContextFactory ?? createAudioContext)();
        this.chime = context ? new Chime(context) : undefined;
      })
      .catch(() => undefined);
    this.announcer.announce(this.localize.t('board.started'));
    if (!document.fullscreenElement && this.requestFullscreen) {
      this.requestFullscreen().catch(() => undefined);
    }
  }

  override render(): TemplateResult {
    const status = this.feed.status;
    return html`<div part="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${status ? this.renderBoard(status) : this.renderLoadState()} ${this.announcer.render()}
    </div>`;
  }

  private renderLoadState(): TemplateResult {
    const t = this.localize.t;
    if (this.feed.error !== undefined) {
      return html`<div class="notice" role="alert">
          <h2 id="title">${t('loadError')}</h2>
          <p>${errorMessage(t, this.feed.error)}</p>
        </div>
        <slot></slot>
        <p><button type="button" @click=${() => void this.feed.load()}>${t('retry')}</button></p>`;
    }
    return html`<p role="status" class="loading">${t('loading')}</p>`;
  }

  private renderBoard(s: QueueStatus): TemplateResult {
    const t = this.localize.t;
    const cells = Math.max(1, Math.floor(this.rows) || 6) * this.cols;
    const calls = s.nowServing.slice(0, cells);
    const stale = this.feed.realtime.state === 'stale';
    const waits = s.services.map((x) => x.estimatedWaitMinutes).filter((x): x is number => x !== null);
    const wait = waits.length ? Math.max(...waits) : null;
    const now = this.time.now();
    const hm = (value: number | string) =>
      this.localize.formatTime(value, { timeZone: s.timeZone, hour: '2-digit', minute: '2-digit' });
    return html`<header part="header">
        <h2 id="title">${s.name}</h2>
        <p class="clock"><span class="visually-hidden">${t('board.clock')} </span><time>${hm(now)}</time></p>
      </header>
      <div class="top">
        ${s.welcomeText ? html`<p class="welcome">${s.welcomeText}</p>` : nothing}
        ${!s.open ? html`<p class="closed">${t('board.closed')}</p>` : nothing}
        <div role="status">${stale ? html`<p class="stale">${t('board.stale', { time: hm(s.updatedAt) })}</p>` : nothing}</div>
        ${!this.started
          ? html`<p class="start" part="start">
              <button type="button" @click=${() => this.start()}>${t('board.start')}</button>
              <span>${t('board.startHint', { voice: this.voice ? t('board.voiceHint') : '' })}</span>
            </p>`
          : nothing}
      </div>
      <section aria-labelledby="calls-title">
        <h3 id="calls-title" class="visually-hidden">${t('board.calls')}</h3>
        <ol part="calls" class="calls cols-${this.cols}">
          ${repeat(
            calls,
            (call) => callKey(call),
            (call) => {
              const key = callKey(call);
              const classes = ['call', key === this.highlighted ? 'newest' : '', key === this.blinking ? 'blink' : '']
                .filter(Boolean)
                .join(' ');
              return html`<li class=${classes}>
                <span class="ticket">${call.ticket}</span>
                <span class="arrow" aria-hidden="true">→</span>
                <span class="visually-hidden">${t('board.desk')}</span>
                <span class="desk">${call.desk}</span>
                ${key === this.highlighted ? html`<span class="visually-hidden">(${t('board.newest')})</span>` : nothing}
              </li>`;
            },
          )}
        </ol>
      </section>
      <footer part="footer">
        <p class="figures">
          <span class="waiting">${t('board.waiting', { count: s.waitingCount })}</span>
          <span class="wait">${t('board.waitWithout', { wait: wait === null ? t('noEstimate') : t('minutes', { count: wait }) })}</span>
        </p>
        ${s.ticker ? html`<p class="ticker">${s.ticker}</p>` : nothing}
      </footer>`;
  }

  private get cols(): number {
    return Math.min(4, Math.max(1, Math.floor(this.columns) || 1));
  }
}
