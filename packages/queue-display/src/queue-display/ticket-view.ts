// The queue display's online ticket — the form that takes one, the holder's own ticket with its
// notices (announcement, title flash, sound, browser notification) and the ticket controller — in
// its own chunk: the queue itself (hours, calls, waiting times) shows without this code; the widget
// fetches it as soon as the queue offers tickets online, and at once when a ticket is kept on the
// device.
//
// It imports nothing at run time from the widget's own module: what it needs of the element comes
// through the element, so that module stays the tag's first view.
import { adoptStyles, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { errorMessage, refusedPointers, type LocalizeController } from '@civic-elements/core';
import type { QueueStatus, Ticket } from '../shared/api.js';
import type { Chime } from '../shared/chime.js';
import { TitleFlasher, browserNotifications } from '../shared/notify.js';
import { TicketController } from '../shared/ticket-controller.js';
import { ticketStyles } from '../shared/ticket.styles.js';
import type { CivicQueueDisplay } from './queue-display.component.js';

// Deliberately loose: the contract checks the address; this only catches obvious typos.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Takes, shows and follows the holder's ticket of a queue display (its texts and parts are the element's). */
export class TicketView implements ReactiveController {
  /** The holder's ticket: taken, restored, followed live. */
  readonly holder: TicketController;
  /** The service ticked in the form (the element's `service` attribute preselects it). */
  chosen: string | undefined;

  private notifyByEmail = false;
  private email = '';
  /** An address the server refused (400 naming `/notify/email`): marked at the field until changed. */
  private refusedEmail: string | undefined;
  private formErrors: { service?: boolean; email?: boolean } = {};
  private permission: NotificationPermission | 'unsupported' = browserNotifications.permission();
  private forgotten = false;
  private readonly flasher: TitleFlasher;
  /** The notice sound; browsers allow audio only after a user gesture (taking a ticket, allowing notices). */
  private chime: Chime | undefined;
  private unlocking: Promise<void> | undefined;

  constructor(
    private readonly host: CivicQueueDisplay,
    private readonly localize: LocalizeController,
  ) {
    // The element's own styles plus the ticket's (before any of it renders: no unstyled flash).
    const { elementStyles } = host.constructor as typeof CivicQueueDisplay;
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, ticketStyles]);
    host.addController(this);
    this.chosen = host.service || undefined;
    this.flasher = new TitleFlasher(host.time);
    this.holder = new TicketController(host, {
      storageKey: () => (host.location ? `queue:${host.location}` : undefined),
      clock: host.time,
      nearAhead: () => host.nearAhead,
      onNotice: (kind, ticket) => this.notice(kind, ticket),
    });
  }

  hostDisconnected(): void {
    this.flasher.stop();
  }

  /** Sets form state and renders again. */
  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------------ notices

  private notice(kind: 'near' | 'called' | 'over', ticket: Ticket): void {
    const t = this.localize.t;
    const { announcer } = this.host;
    if (kind !== 'over') this.chime?.play();
    if (kind === 'near') {
      announcer.announce(t('ticket.near'), { assertive: true });
      this.flasher.flash(t('ticket.nearTitle', { number: ticket.number }));
      browserNotifications.show(t('ticket.nearTitle', { number: ticket.number }), t('ticket.near'));
    } else if (kind === 'called') {
      const text = ticket.desk
        ? t('ticket.called', { number: ticket.number, desk: ticket.desk })
        : t('ticket.calledNoDesk', { number: ticket.number });
      announcer.announce(text, { assertive: true });
      this.flasher.flash(t('ticket.calledTitle', { number: ticket.number }), 10);
      browserNotifications.show(t('ticket.calledTitle', { number: ticket.number }), text);
      this.host.emit('civic-ticket-called', { desk: ticket.desk });
    } else {
      announcer.announce(t(`ticket.${ticket.state}`));
    }
  }

  // ------------------------------------------------------------------ handlers

  private focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async onTake(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { host } = this;
    const status = host.feed.status;
    if (!status || !host.location || this.holder.busy) return;
    const service = this.chosen && status.services.some((s) => s.serviceId === this.chosen) ? this.chosen : undefined;
    const emailOk = !this.notifyByEmail || (EMAIL.test(this.email.trim()) && this.email.trim() !== this.refusedEmail);
    this.set(() => (this.formErrors = { service: !service, email: !emailOk }));
    if (!service || !emailOk) {
      await host.updateComplete;
      this.focus(!service ? 'input[name="service"]' : '#email');
      return;
    }
    const body: Record<string, unknown> = { service, locale: this.localize.lang };
    if (this.notifyByEmail && status.notifications.email) {
      body['notify'] = { email: this.email.trim(), whenAhead: host.nearAhead };
    }
    this.set(() => (this.forgotten = false));
    this.unlockSound();
    const number = await this.holder.take('/v1/queues/{location}/tickets', { location: host.location }, body);
    if (number) {
      host.emit('civic-ticket-taken', { number });
      host.announcer.announce(this.localize.t('ticket.taken', { number }));
      await host.updateComplete;
      this.focus('#ticket-title');
    } else if (refusedPointers(this.holder.error).includes('/notify/email')) {
      // The contract's check is stricter than the widget's (e.g. anna@müller..de): say it at the field.
      this.refusedEmail = this.email.trim();
      this.holder.error = undefined;
      this.set(() => (this.formErrors = { email: true }));
      await host.updateComplete;
      this.focus('#email');
    }
  }

  private async onCancel(): Promise<void> {
    if (await this.holder.cancel()) {
      this.flasher.stop();
      this.host.emit('civic-ticket-cancelled');
      this.host.announcer.announce(this.localize.t('ticket.cancelled'));
      await this.host.updateComplete;
      this.focus('#take-title');
    }
  }

  private async onForget(): Promise<void> {
    this.holder.forget();
    this.flasher.stop();
    this.set(() => (this.forgotten = true));
    this.host.announcer.announce(this.localize.t('ticket.forgotten'));
    await this.host.updateComplete;
    this.focus('#take-title');
  }

  /** Creates the audio context after a user gesture (the page then has sticky activation), once.
   * The chime's code loads only then. */
  private unlockSound(): void {
    if (this.chime || this.unlocking) return;
    this.unlocking = import('../shared/chime.js')
      .then(({ Chime, createAudioContext }) => {
        const context = (this.host.audioContextFactory ?? createAudioContext)();
        if (context) this.chime = new Chime(context);
      })
      .catch(() => {
        // No audio here: the announcement and the title flash remain.
        this.unlocking = undefined;
      });
  }

  private async onAllowNotifications(): Promise<void> {
    this.unlockSound();
    const permission = await browserNotifications.request();
    this.set(() => (this.permission = permission));
  }

  // ------------------------------------------------------------------ render

  /** The ticket area below the queue: restoring, the own ticket, or how to take one. */
  render(s: QueueStatus): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const holder = this.holder;
    if (holder.busy === 'restore') return html`<p role="status">${t('ticket.restoring')}</p>`;
    if (holder.ticket) return this.renderTicket(holder.ticket);
    const notices = html`${holder.expired ? html`<p class="notice info" role="status">${t('ticket.expired')}</p>` : nothing}
    ${this.forgotten ? html`<p class="notice info">${t('ticket.forgotten')}</p>` : nothing}`;
    if (!s.ticketsOnline) return this.host.renderOffline(notices);
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
                @change=${() =>
                  this.set(() => {
                    this.chosen = x.serviceId;
                    this.formErrors = { ...this.formErrors, service: false };
                  })}
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
                  @change=${(e: Event) => this.set(() => (this.notifyByEmail = (e.target as HTMLInputElement).checked))}
                />
                ${t('take.notifyEmail')}
              </label>
              ${this.notifyByEmail
                ? html`<div class="field">
                    <label for="email">${t('take.email')}</label>
                    <input
                      id="email"
                      inputmode="email"
                      autocomplete="email"
                      spellcheck="false"
                      autocapitalize="off"
                      .value=${this.email}
                      aria-invalid=${this.formErrors.email ? 'true' : 'false'}
                      aria-describedby=${this.formErrors.email ? 'email-hint email-error' : 'email-hint'}
                      @input=${(e: Event) => this.set(() => (this.email = (e.target as HTMLInputElement).value))}
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
            <p class="estimate">${t('ticket.estimate', { wait: this.host.minutes(ticket.estimatedWaitMinutes) })}</p>
            ${ticket.position <= this.host.nearAhead ? html`<p class="notice info near">${t('ticket.near')}</p>` : nothing}`
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
