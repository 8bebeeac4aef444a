import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicApiError,
  CivicElement,
  RealtimeController,
  baseStyles,
  clientFor,
  errorMessage,
  isAbortError,
  type RealtimeClock,
} from '@civic-elements/core';
import { NAMESPACE } from '../locales/index.js';
import { office as officeCheck, parseData, safeHttpUrl, type Office, type Ticket } from '../shared/api.js';
import { delegatingClock } from '../shared/clock.js';
import { TitleFlasher, browserNotifications } from '../shared/notify.js';
import { TicketController } from '../shared/ticket-controller.js';
import styles from '../queue-display/queue-display.styles.js';

// 1 January 2024 was a Monday: weekday n (ISO, 1 = Monday) is this date + n − 1 days (UTC).
const MONDAY = Date.UTC(2024, 0, 1);

/**
 * @summary The digital Bürgerbüro: a virtual office (video consultation) with its waiting room —
 * open now and hours, free chairs, people waiting and the expected wait. "Enter the waiting room"
 * takes a ticket; the position updates live; when it is the citizen's turn the "Enter" button
 * opens the video room (the join link only the ticket holder receives). Closed or full: an
 * appointment is offered instead.
 *
 * Storage: only after the citizen entered the waiting room, the ticket's id, number and token are
 * kept in localStorage (`civic-elements:ticket:office:<office>`); leaving, "forget" and the end of
 * the ticket remove them.
 *
 * @slot - Fallback content written by the editor: shown when the office cannot be loaded.
 *
 * @event {{ number: string }} civic-ticket-taken - The citizen entered the waiting room: the ticket's public number.
 * @event {{ desk: string | undefined }} civic-ticket-called - It is the holder's turn: the video chair's name.
 * @event {undefined} civic-ticket-cancelled - The holder left the waiting room.
 * @event {undefined} civic-office-enter - The holder opened the video room (no detail: the link stays private).
 * @event {{ serviceId: string }} civic-request-appointment - From "Make an appointment" (cancelable; with
 *   `booking-page` the action is a link to `<booking-page>?civic-service=<id>`, canceling stops it).
 *
 * @csspart base - The widget's frame.
 * @csspart ticket - The holder's place in the waiting room.
 * @csspart join - The "Enter" link to the video room.
 *
 * @cssproperty [--civic-queue-padding=var(--civic-space-md)] - Inner spacing of the frame.
 */
export class CivicVirtualOffice extends CivicElement {
  static override styles = [baseStyles, styles];
  static override localizeNamespace = NAMESPACE;

  /** The virtual office id (e.g. `videobuero-buergeramt`). */
  @property({ reflect: true }) office?: string;

  /** Page with `<civic-appointment-picker>`: "Make an appointment" links to `<booking-page>?civic-service=<id>`. */
  @property({ attribute: 'booking-page' }) bookingPage?: string;

  /** Time source (tests pass a manual clock). */
  @property({ attribute: false }) clock?: Partial<RealtimeClock>;

  @state() private data?: Office;
  @state() private loadError: unknown;
  @state() private refused?: 'closed' | 'full';
  @state() private left = false;

  private readonly time = delegatingClock(() => this.clock);
  private readonly announcer = new AnnouncerController(this);
  private readonly flasher = new TitleFlasher(this.time);
  private abort: AbortController | undefined;

  private readonly realtime = new RealtimeController(this, {
    autoStart: false,
    clock: this.time,
    open: (lastEventId, signal) =>
      clientFor(this).openStream('/v1/offices/{office}/events', { params: { office: this.office ?? '' }, lastEventId, signal }),
    onEvent: (event) => {
      if (event.type !== 'updated') return;
      const next = parseData(event.data, officeCheck);
      if (next) this.apply(next);
    },
    onCatchUp: () => this.read(),
    poll: () => this.read(),
    giveUp: (error) => error instanceof CivicApiError && error.status === 404,
  });

  private readonly holder = new TicketController(this, {
    storageKey: () => (this.office ? `office:${this.office}` : undefined),
    clock: this.time,
    nearAhead: () => 1,
    onNotice: (kind, ticket) => this.notice(kind, ticket),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.flasher.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('office') && changed.get('office') !== undefined) {
      this.realtime.stop();
      this.realtime.lastEventId = undefined;
      this.data = undefined;
      void this.load();
    }
  }

  protected override languageChanged(): void {
    if (this.data) void this.read().catch(() => undefined);
  }

  private async load(): Promise<void> {
    if (!this.office) {
      this.loadError = { code: 'not_configured' };
      return;
    }
    this.loadError = undefined;
    try {
      await this.read();
      this.realtime.start();
    } catch (error) {
      if (!isAbortError(error)) this.loadError = error;
    }
  }

  private async read(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const next = await clientFor(this).request('GET', '/v1/offices/{office}', {
      params: { office: this.office ?? '' },
      check: officeCheck,
      signal: abort.signal,
    });
    if (abort === this.abort) this.apply(next);
  }

  private apply(next: Office): void {
    if (this.data && next.revision < this.data.revision && next.id === this.data.id) return;
    this.data = next;
    if (next.openNow && next.ticketsOnline && this.refused === 'closed') this.refused = undefined;
  }

  private notice(kind: 'near' | 'called' | 'over', ticket: Ticket): void {
    const t = this.localize.t;
    if (kind === 'called') {
      this.announcer.announce(t('office.joinHint'), { assertive: true });
      this.flasher.flash(t('ticket.calledTitle', { number: ticket.number }), 10);
      browserNotifications.show(t('ticket.calledTitle', { number: ticket.number }), t('office.joinHint'));
      this.emit('civic-ticket-called', { desk: ticket.desk });
    } else if (kind === 'near') {
      this.announcer.announce(t('ticket.aheadNone'));
    } else {
      this.announcer.announce(t(`ticket.${ticket.state}`));
    }
  }

  private async onEnter(): Promise<void> {
    if (!this.office || this.holder.busy) return;
    this.refused = undefined;
    this.left = false;
    const number = await this.holder.take('/v1/offices/{office}/tickets', { office: this.office }, { locale: this.localize.lang });
    const error = this.holder.error;
    if (error instanceof CivicApiError && (error.code === 'closed' || error.code === 'full')) {
      this.refused = error.code === 'closed' ? 'closed' : 'full';
      this.holder.error = undefined;
      void this.read().catch(() => undefined);
    }
    if (number) {
      this.emit('civic-ticket-taken', { number });
      this.announcer.announce(this.localize.t('ticket.taken', { number }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ticket-title')?.focus();
    }
  }

  private async onLeave(): Promise<void> {
    if (await this.holder.cancel()) {
      this.flasher.stop();
      this.left = true;
      this.emit('civic-ticket-cancelled');
      this.announcer.announce(this.localize.t('office.left'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
  }

  private onJoin(): void {
    this.emit('civic-office-enter');
  }

  private requestAppointment(event: Event, serviceId: string): void {
    const request = this.emit('civic-request-appointment', { serviceId }, { cancelable: true });
    if (request.defaultPrevented) event.preventDefault();
  }

  private bookingUrl(serviceId: string): string | undefined {
    if (!this.bookingPage) return undefined;
    try {
      const url = new URL(this.bookingPage, document.baseURI);
      if (!/^https?:$/.test(url.protocol)) return undefined;
      url.searchParams.set('civic-service', serviceId);
      return url.href;
    } catch {
      return undefined;
    }
  }

  // ------------------------------------------------------------------ render

  private minutes(value: number | null): string {
    return value === null ? this.localize.t('noEstimate') : this.localize.t('minutes', { count: value });
  }

  override render(): TemplateResult {
    return html`<div part="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${this.data ? this.renderOffice(this.data) : this.renderLoadState()} ${this.announcer.render()}
    </div>`;
  }

  private renderLoadState(): TemplateResult {
    const t = this.localize.t;
    if (this.loadError !== undefined) {
      return html`<div class="notice error" role="alert">
          <h2 id="title">${t('office.loadError')}</h2>
          <p>${errorMessage(t, this.loadError)}</p>
        </div>
        <slot></slot>
        <div class="actions"><button type="button" @click=${() => void this.load()}>${t('retry')}</button></div>`;
    }
    return html`<p role="status" class="loading">${t('office.loading')}</p>`;
  }

  private renderHours(o: Office): TemplateResult {
    const t = this.localize.t;
    const days = new Map<number, string[]>();
    for (const h of o.hours) {
      days.set(h.weekday, [...(days.get(h.weekday) ?? []), t('hoursRange', { opens: h.opens, closes: h.closes })]);
    }
    return html`<dl class="hours">
      ${[...days.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(
          ([weekday, ranges]) => html`<div>
            <dt>${this.localize.formatDate(MONDAY + (weekday - 1) * 86_400_000, { timeZone: 'UTC', weekday: 'long' })}</dt>
            <dd>${this.localize.formatList(ranges)}</dd>
          </div>`,
        )}
    </dl>`;
  }

  private renderOffice(o: Office): TemplateResult {
    const t = this.localize.t;
    const stale = this.realtime.state === 'stale';
    return html`<section aria-labelledby="title">
        <h2 id="title" tabindex="-1">${o.name}</h2>
        ${o.description ? html`<p>${o.description}</p>` : nothing}
        <p class="open-state">
          <span class="badge ${o.openNow ? 'open' : 'closed'}">${o.openNow ? t('openNow') : t('closedNow')}</span>
          ${!o.openNow && o.nextOpening
            ? html`<span class="next-opening">${t('office.nextOpening', {
                when: this.localize.formatDateTime(o.nextOpening, { timeZone: o.timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
              })}</span>`
            : nothing}
        </p>
        ${o.openNow
          ? html`<ul class="figures">
              <li class="chairs">${t('office.chairs', { free: o.chairsFree, total: o.chairsTotal })}</li>
              <li class="waiting">${t('office.waiting', { count: o.waiting })}</li>
              <li class="wait">${t('office.wait', { wait: this.minutes(o.estimatedWaitMinutes) })}</li>
            </ul>`
          : nothing}
        <div role="status">
          ${stale
            ? html`<p class="notice stale">${t('stale', { time: this.localize.formatTime(o.updatedAt, { timeZone: o.timeZone, hour: '2-digit', minute: '2-digit' }) })}</p>`
            : nothing}
        </div>
      </section>
      <section aria-labelledby="hours-title">
        <h3 id="hours-title">${t('office.hours')}</h3>
        ${this.renderHours(o)}
      </section>
      ${this.renderAction(o)}`;
  }

  private renderAction(o: Office): TemplateResult {
    const t = this.localize.t;
    const holder = this.holder;
    if (holder.busy === 'restore') return html`<p role="status">${t('ticket.restoring')}</p>`;
    if (holder.ticket) return this.renderTicket(holder.ticket);
    const reason = this.refused ?? (!o.openNow ? 'closed' : !o.ticketsOnline ? 'unavailable' : undefined);
    const notices = html`${holder.expired ? html`<p class="notice info">${t('ticket.expired')}</p>` : nothing}
    ${this.left ? html`<p class="notice info">${t('office.left')}</p>` : nothing}`;
    if (reason) {
      const href = this.bookingUrl(o.serviceId);
      return html`<section class="offer" aria-labelledby="offer-title">
        <h3 id="offer-title">${t(`office.${reason}`)}</h3>
        ${notices}
        <p>${t('office.appointmentOffer')}</p>
        <div class="actions">
          ${href
            ? html`<a class="appointment" href=${href} @click=${(e: Event) => this.requestAppointment(e, o.serviceId)}>${t('office.appointment')}</a>`
            : html`<button type="button" class="appointment primary" @click=${(e: Event) => this.requestAppointment(e, o.serviceId)}>
                ${t('office.appointment')}
              </button>`}
        </div>
      </section>`;
    }
    const busy = holder.busy === 'take';
    return html`<section aria-labelledby="enter-title">
      <h3 id="enter-title">${t('office.enter')}</h3>
      ${notices}
      <p>${t('office.enterHint')}</p>
      <p class="muted">${t('take.storage')}</p>
      ${holder.error !== undefined ? html`<p class="notice error" role="alert">${errorMessage(t, holder.error)}</p>` : nothing}
      <div class="actions">
        <button type="button" class="enter primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.onEnter()}>
          ${t('office.enter')}
        </button>
      </div>
      <div role="status">${busy ? html`<p>${t('office.entering')}</p>` : nothing}</div>
    </section>`;
  }

  private renderTicket(ticket: Ticket): TemplateResult {
    const t = this.localize.t;
    const holder = this.holder;
    const final = ticket.state === 'served' || ticket.state === 'missed' || ticket.state === 'cancelled';
    const joinUrl = ticket.state === 'called' ? safeHttpUrl(ticket.joinUrl) : undefined;
    return html`<section part="ticket" class="ticket" aria-labelledby="ticket-title">
      <h3 id="ticket-title" tabindex="-1">${t('office.inRoom')}</h3>
      <p class="ticket-number"><span class="visually-hidden">${t('ticket.number')}: </span><span class="value">${ticket.number}</span></p>
      ${ticket.state === 'waiting'
        ? html`<p class="position">${ticket.position === 0 ? t('ticket.aheadNone') : t('ticket.ahead', { count: ticket.position })}</p>
            <p class="estimate">${t('ticket.estimate', { wait: this.minutes(ticket.estimatedWaitMinutes) })}</p>
            <p class="muted keep-open">${t('ticket.keepOpen')}</p>`
        : nothing}
      ${joinUrl
        ? html`<p class="notice success called">${t('office.joinHint')}</p>
            <div class="actions">
              <a
                part="join"
                class="join"
                href=${joinUrl}
                target="_blank"
                rel="noopener noreferrer"
                aria-label=${t('office.joinLabel')}
                @click=${() => this.onJoin()}
                >${t('office.join')}</a
              >
            </div>`
        : nothing}
      ${final ? html`<p class="notice info final">${t(`ticket.${ticket.state}`)}</p>` : nothing}
      ${holder.error !== undefined ? html`<p class="notice error" role="alert">${errorMessage(t, holder.error)}</p>` : nothing}
      <div class="actions">
        ${!final
          ? html`<button type="button" class="cancel" @click=${() => void this.onLeave()}>${t('office.leave')}</button>`
          : html`<button type="button" class="forget" @click=${() => holder.forget()}>${t('ticket.forget')}</button>`}
      </div>
    </section>`;
  }
}
