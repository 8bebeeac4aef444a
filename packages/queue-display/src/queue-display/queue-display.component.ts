import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicElement,
  baseStyles,
  errorMessage,
  type RealtimeClock,
} from '@civic-elements/core';
import { NAMESPACE } from '../locales/index.js';
import type { QueueStatus, Ticket } from '../shared/api.js';
import { delegatingClock } from '../shared/clock.js';
import type { Chime, ChimeAudioContext } from '../shared/chime.js';
import { TitleFlasher, browserNotifications } from '../shared/notify.js';
import { QueueFeed } from '../shared/queue-feed.js';
import { TicketController } from '../shared/ticket-controller.js';
import styles from './queue-display.styles.js';

// Deliberately loose: the contract checks the address; this only catches obvious typos.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @summary A location's walk-in queue for citizens on the town's website: open now and today's
 * hours, the numbers being served, people waiting and the estimated wait per service, live; and
 * an online ticket (when the location offers it) with live position and a notice when the turn is
 * near and when called.
 *
 * Storage: only after the citizen takes a ticket, its id, number and token are kept in
 * localStorage (`civic-elements:ticket:queue:<location>`) so a reload keeps the place; "forget",
 * cancelling and the end of the ticket remove it.
 *
 * @slot - Fallback content written by the editor: shown when the queue cannot be loaded.
 *
 * @event {{ number: string }} civic-ticket-taken - A ticket was taken: its public number.
 * @event {{ desk: string | undefined }} civic-ticket-called - The holder's ticket was called: the desk to go to.
 * @event {undefined} civic-ticket-cancelled - The holder gave the ticket back.
 *
 * @csspart base - The widget's frame.
 * @csspart serving - The table of numbers being served.
 * @csspart waiting - The table of waiting times per service.
 * @csspart ticket - The holder's ticket.
 * @csspart form - The form that takes a ticket.
 *
 * @cssproperty [--civic-queue-padding=var(--civic-space-md)] - Inner spacing of the frame.
 */
export class CivicQueueDisplay extends CivicElement {
  static override styles = [baseStyles, styles];
  static override localizeNamespace = NAMESPACE;

  /** The location id whose queue is shown (e.g. `buergerbuero-mitte`). */
  @property({ reflect: true }) location?: string;

  /** A service to preselect in the ticket form. */
  @property() service?: string;

  /** People ahead at which the holder is told the turn is near. */
  @property({ attribute: 'near-ahead', type: Number }) nearAhead = 3;

  /** Time source (tests pass a manual clock). */
  @property({ attribute: false }) clock?: Partial<RealtimeClock>;

  /** Makes the audio context for the notice sound, in the click that takes a ticket (tests pass a fake). */
  @property({ attribute: false }) audioContextFactory?: () => ChimeAudioContext | undefined;

  @state() private chosen?: string;
  @state() private notifyByEmail = false;
  @state() private email = '';
  @state() private formErrors: { service?: boolean; email?: boolean } = {};
  @state() private permission: NotificationPermission | 'unsupported' = browserNotifications.permission();
  @state() private newestKey?: string;
  @state() private forgotten = false;

  private readonly time = delegatingClock(() => this.clock);
  private readonly announcer = new AnnouncerController(this);
  private readonly flasher = new TitleFlasher(this.time);
  /** The notice sound; browsers allow audio only after a user gesture (taking a ticket, allowing notices). */
  private chime: Chime | undefined;
  private unlocking: Promise<void> | undefined;

  private readonly feed = new QueueFeed(this, {
    location: () => this.location,
    clock: this.time,
    pauseWhenHidden: true,
    onCall: (call) => {
      this.newestKey = `${call.ticket}|${call.calledAt}`;
      this.announcer.announce(this.localize.t('callAnnounce', { ticket: call.ticket, desk: call.desk }));
    },
  });

  private readonly holder = new TicketController(this, {
    storageKey: () => (this.location ? `queue:${this.location}` : undefined),
    clock: this.time,
    nearAhead: () => this.nearAhead,
    onNotice: (kind, ticket) => this.notice(kind, ticket),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flasher.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('location') && changed.get('location') !== undefined) this.feed.reset();
    if (changed.has('service') && this.service) this.chosen = this.service;
  }

  protected override languageChanged(): void {
    // Service names and desks come from the server in the page's language.
    this.feed.relocalize();
  }

  // ------------------------------------------------------------------ notices

  private notice(kind: 'near' | 'called' | 'over', ticket: Ticket): void {
    const t = this.localize.t;
    if (kind !== 'over') this.chime?.play();
    if (kind === 'near') {
      this.announcer.announce(t('ticket.near'), { assertive: true });
      this.flasher.flash(t('ticket.nearTitle', { number: ticket.number }));
      browserNotifications.show(t('ticket.nearTitle', { number: ticket.number }), t('ticket.near'));
    } else if (kind === 'called') {
      const text = ticket.desk
        ? t('ticket.called', { number: ticket.number, desk: ticket.desk })
        : t('ticket.calledNoDesk', { number: ticket.number });
      this.announcer.announce(text, { assertive: true });
      this.flasher.flash(t('ticket.calledTitle', { number: ticket.number }), 10);
      browserNotifications.show(t('ticket.calledTitle', { number: ticket.number }), text);
      this.emit('civic-ticket-called', { desk: ticket.desk });
    } else {
      this.announcer.announce(t(`ticket.${ticket.state}`));
    }
  }

  // ------------------------------------------------------------------ handlers

  private async onTake(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const status = this.feed.status;
    if (!status || !this.location || this.holder.busy) return;
    const service = this.chosen && status.services.some((s) => s.serviceId === this.chosen) ? this.chosen : undefined;
    const emailOk = !this.notifyByEmail || EMAIL.test(this.email.trim());
    this.formErrors = { service: !service, email: !emailOk };
    if (!service || !emailOk) {
      await this.updateComplete;
      const first = this.renderRoot.querySelector<HTMLElement>(!service ? 'input[name="service"]' : '#email');
      first?.focus();
      return;
    }
    const body: Record<string, unknown> = { service, locale: this.localize.lang };
    if (this.notifyByEmail && status.notifications.email) {
      body['notify'] = { email: this.email.trim(), whenAhead: this.nearAhead };
    }
    this.forgotten = false;
    this.unlockSound();
    const number = await this.holder.take('/v1/queues/{location}/tickets', { location: this.location }, body);
    if (number) {
      this.emit('civic-ticket-taken', { number });
      this.announcer.announce(this.localize.t('ticket.taken', { number }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ticket-title')?.focus();
    }
  }

  private async onCancel(): Promise<void> {
    if (await this.holder.cancel()) {
      this.flasher.stop();
      this.emit('civic-ticket-cancelled');
      this.announcer.announce(this.localize.t('ticket.cancelled'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#take-title')?.focus();
    }
  }

  private async onForget(): Promise<void> {
    this.holder.forget();
    this.flasher.stop();
    this.forgotten = true;
    this.announcer.announce(this.localize.t('ticket.forgotten'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#take-title')?.focus();
  }

  /** Creates the audio context after a user gesture (the page then has sticky activation), once.
   * The chime's code loads only then. */
  private unlockSound(): void {
    if (this.chime || this.unlocking) return;
    this.unlocking = import('../shared/chime.js')
      .then(({ Chime, createAudioContext }) => {
        const context = (this.audioContextFactory ?? createAudioContext)();
        if (context) this.chime = new Chime(context);
      })
      .catch(() => {
        // No audio here: the announcement and the title flash remain.
        this.unlocking = undefined;
      });
  }

  private async onAllowNotifications(): Promise<void> {
    this.unlockSound();
    this.permission = await browserNotifications.request();
  }

  // ------------------------------------------------------------------ render

  private time24(iso: string, timeZone: string): string {
    return this.localize.formatTime(iso, { timeZone, hour: '2-digit', minute: '2-digit' });
  }

  private minutes(value: number | null): string {
    return value === null ? this.localize.t('noEstimate') : this.localize.t('minutes', { count: value });
  }

  override render(): TemplateResult {
    const status = this.feed.status;
    return html`<div part="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${status ? this.renderQueue(status) : this.renderLoadState()} ${this.announcer.render()}
    </div>`;
  }

  private renderLoadState(): TemplateResult {
    const t = this.localize.t;
    if (this.feed.error !== undefined) {
      return html`<div class="notice error" role="alert">
          <h2 id="title">${t('loadError')}</h2>
          <p>${errorMessage(t, this.feed.error)}</p>
        </div>
        <slot></slot>
        <div class="actions"><button type="button" @click=${() => void this.feed.load()}>${t('retry')}</button></div>`;
    }
    return html`<p role="status" class="loading">${t('loading')}</p>`;
  }

  private renderQueue(s: QueueStatus): TemplateResult {
    const t = this.localize.t;
    const hours = s.todayHours.map((h) => t('hoursRange', { opens: h.opens, closes: h.closes }));
    const stale = this.feed.realtime.state === 'stale';
    const updated = this.time24(s.updatedAt, s.timeZone);
    return html`<section aria-labelledby="title">
        <h2 id="title">${s.name}</h2>
        <p class="open-state">
          <span class="badge ${s.open ? 'open' : 'closed'}">${s.open ? t('openNow') : t('closedNow')}</span>
          <span>${hours.length ? t('todayHours', { hours: this.localize.formatList(hours) }) : t('closedToday')}</span>
        </p>
        <div role="status">${stale ? html`<p class="notice stale">${t('stale', { time: updated })}</p>` : nothing}</div>
      </section>
      ${this.renderServing(s)} ${this.renderWaiting(s)}
      <p class="muted updated">${t('updatedAt', { time: updated })}</p>
      ${this.renderTicketArea(s)}`;
  }

  private renderServing(s: QueueStatus): TemplateResult {
    const t = this.localize.t;
    const newest = s.nowServing[0];
    return html`<section aria-labelledby="serving-title">
      <h3 id="serving-title">${t('nowServing')}</h3>
      ${s.nowServing.length === 0
        ? html`<p>${t('noCalls')}</p>`
        : html`<div class="table-wrap"><table part="serving" class="serving">
            <thead>
              <tr><th scope="col">${t('colTicket')}</th><th scope="col">${t('colDesk')}</th></tr>
            </thead>
            <tbody>
              ${s.nowServing.slice(0, 5).map(
                (call) =>
                  html`<tr class=${call === newest && this.newestKey === `${call.ticket}|${call.calledAt}` ? 'newest' : ''}>
                    <td>${call.ticket}</td>
                    <td>${call.desk}</td>
                  </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>`;
  }

  private renderWaiting(s: QueueStatus): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="wait-title">
      <h3 id="wait-title">${t('waitTitle')}</h3>
      <p class="waiting-count">${t('waitingCount', { count: s.waitingCount })}</p>
      ${s.services.length
        ? html`<div class="table-wrap"><table part="waiting" class="waiting">
            <thead>
              <tr>
                <th scope="col">${t('colService')}</th>
                <th scope="col">${t('colWaiting')}</th>
                <th scope="col">${t('colWait')}</th>
              </tr>
            </thead>
            <tbody>
              ${s.services.map(
                (x) => html`<tr>
                  <th scope="row">${x.name}</th>
                  <td>${x.waiting}</td>
                  <td>${this.minutes(x.estimatedWaitMinutes)}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : nothing}
    </section>`;
  }

  private renderTicketArea(s: QueueStatus): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const holder = this.holder;
    if (holder.busy === 'restore') return html`<p role="status">${t('ticket.restoring')}</p>`;
    if (holder.ticket) return this.renderTicket(holder.ticket);
    const notices = html`${holder.expired ? html`<p class="notice info" role="status">${t('ticket.expired')}</p>` : nothing}
    ${this.forgotten ? html`<p class="notice info">${t('ticket.forgotten')}</p>` : nothing}`;
    if (!s.ticketsOnline) {
      return html`<section aria-labelledby="take-title">
        <h3 id="take-title" tabindex="-1">${t('take.title')}</h3>
        ${notices}
        <p>${t('take.offline')}</p>
      </section>`;
    }
    return this.renderForm(s, notices);
  }

  private renderForm(s: QueueStatus, notices: TemplateResult): TemplateResult {
    const t = this.localize.t;
    const busy = this.holder.busy === 'take';
    const error = this.holder.error;
    return html`<section aria-labelledby="take-title">
      <h3 id="take-title" tabindex="-1">${t('take.title')}</h3>
      ${notices}
      <p>${t('take.intro')}</p>
      <form part="form" novalidate @submit=${(e: SubmitEvent) => void this.onTake(e)}>
        <fieldset aria-describedby=${this.formErrors.service ? 'service-error' : nothing}>
          <legend>${t('take.service')}</legend>
          ${s.services.map(
            (x) => html`<label>
              <input
                type="radio"
                name="service"
                .value=${x.serviceId}
                .checked=${this.chosen === x.serviceId}
                @change=${() => {
                  this.chosen = x.serviceId;
                  this.formErrors = { ...this.formErrors, service: false };
                }}
              />
              ${x.name}
            </label>`,
          )}
          ${this.formErrors.service
            ? html`<p id="service-error" class="error-text">${t('take.serviceRequired')}</p>`
            : nothing}
        </fieldset>
        ${s.notifications.email
          ? html`<label>
                <input
                  type="checkbox"
                  .checked=${this.notifyByEmail}
                  @change=${(e: Event) => (this.notifyByEmail = (e.target as HTMLInputElement).checked)}
                />
                ${t('take.notifyEmail')}
              </label>
              ${this.notifyByEmail
                ? html`<div class="field">
                    <label for="email">${t('take.email')}</label>
                    <input
                      id="email"
                      type="email"
                      autocomplete="email"
                      .value=${this.email}
                      aria-invalid=${this.formErrors.email ? 'true' : 'false'}
                      aria-describedby=${this.formErrors.email ? 'email-hint email-error' : 'email-hint'}
                      @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)}
                    />
                    <p id="email-hint" class="muted">${t('take.emailHint')}</p>
                    ${this.formErrors.email ? html`<p id="email-error" class="error-text">${t('take.emailInvalid')}</p>` : nothing}
                  </div>`
                : nothing}`
          : nothing}
        <p class="muted">${t('take.storage')}</p>
        ${error !== undefined ? html`<p class="notice error" role="alert">${errorMessage(t, error)}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t('take.submit')}</button>
        </div>
        <div role="status">${busy ? html`<p>${t('take.busy')}</p>` : nothing}</div>
      </form>
    </section>`;
  }

  private renderTicket(ticket: Ticket): TemplateResult {
    const t = this.localize.t;
    const holder = this.holder;
    const final = ticket.state === 'served' || ticket.state === 'missed' || ticket.state === 'cancelled';
    return html`<section part="ticket" class="ticket" aria-labelledby="ticket-title">
      <h3 id="ticket-title" tabindex="-1">${t('ticket.title')}</h3>
      <p class="ticket-number"><span class="visually-hidden">${t('ticket.number')}: </span><span class="value">${ticket.number}</span></p>
      ${ticket.state === 'waiting'
        ? html`<p class="position">${ticket.position === 0 ? t('ticket.aheadNone') : t('ticket.ahead', { count: ticket.position })}</p>
            <p class="estimate">${t('ticket.estimate', { wait: this.minutes(ticket.estimatedWaitMinutes) })}</p>
            ${ticket.position <= this.nearAhead ? html`<p class="notice info near">${t('ticket.near')}</p>` : nothing}`
        : nothing}
      ${ticket.state === 'called'
        ? html`<p class="notice success called">
            ${ticket.desk ? t('ticket.called', { number: ticket.number, desk: ticket.desk }) : t('ticket.calledNoDesk', { number: ticket.number })}
          </p>`
        : nothing}
      ${final ? html`<p class="notice info final">${t(`ticket.${ticket.state}`)}</p>` : nothing}
      ${!final ? this.renderReach() : nothing}
      ${holder.error !== undefined ? html`<p class="notice error" role="alert">${errorMessage(t, holder.error)}</p>` : nothing}
      <div class="actions">
        ${!final
          ? html`<button type="button" class="cancel" aria-disabled=${holder.busy === 'cancel' ? 'true' : 'false'} @click=${() => void this.onCancel()}>
              ${t('ticket.cancel')}
            </button>`
          : nothing}
        <button type="button" class="forget" @click=${() => void this.onForget()}>
          ${final ? t('ticket.another') : t('ticket.forget')}
        </button>
      </div>
      <div role="status">${holder.busy === 'cancel' ? html`<p>${t('ticket.cancelling')}</p>` : nothing}</div>
    </section>`;
  }

  /** How the holder will learn about the turn: e-mail, browser notification, or keep the page open. */
  private renderReach(): TemplateResult {
    const t = this.localize.t;
    const p = this.permission;
    return html`<p class="muted keep-open">${this.usedEmail ? t('ticket.emailNotice') : t('ticket.keepOpen')}</p>
      ${p === 'default'
        ? html`<div class="actions">
            <button type="button" class="allow" @click=${() => void this.onAllowNotifications()}>${t('ticket.allowNotifications')}</button>
          </div>`
        : p === 'granted'
          ? html`<p class="muted">${t('ticket.notificationsOn')}</p>`
          : p === 'denied'
            ? html`<p class="muted">${t('ticket.notificationsBlocked')}</p>`
            : nothing}`;
  }

  /** The holder asked for e-mail notices when taking this ticket (kept for this page only). */
  private get usedEmail(): boolean {
    return this.notifyByEmail && EMAIL.test(this.email.trim());
  }
}
