import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicApiError,
  CivicElement,
  LazyViewController,
  RealtimeController,
  baseStyles,
  clientFor,
  errorMessage,
  isAbortError,
  type RealtimeClock,
} from '@civic-elements/core';
import { NAMESPACE } from '../locales/index.js';
import { office as officeCheck, parseData, type Office } from '../shared/api.js';
import { delegatingClock } from '../shared/clock.js';
import { RetryFocusController } from '../shared/focus.js';
import { readTicket } from '../shared/storage.js';
import type { TicketController } from '../shared/ticket-controller.js';
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
  /** @internal */
  @state() left = false;
  /** The waiting room's code is on its way for "Enter the waiting room". */
  @state() private entering = false;
  /** It did not arrive for the last "Enter the waiting room" (pressing it again tries again). */
  @state() private roomFailed = false;

  /**
   * Loads the waiting room's module (its own chunk). Test seam: a test or story holds or fails the
   * load to show its loading and error states. @internal
   */
  @property({ attribute: false }) loadWaitingRoom: () => Promise<typeof import('./waiting-room.js')> = () =>
    import('./waiting-room.js');

  /** @internal */
  readonly room = new LazyViewController(this, {
    load: () => this.loadWaitingRoom(),
    create: (m) => new m.WaitingRoom(this, this.localize),
  });

  /** A ticket was kept on this device when the widget started: the waiting room's code loads at once. */
  private held = false;
  /** After "try again": the keyboard focus stays in the widget until the load settles. */
  private readonly retryFocus = new RetryFocusController(
    this,
    ['ticket-title', 'title'],
    () => this.room.failed || (this.room.value !== undefined && this.room.value.holder.busy !== 'restore'),
  );

  /** @internal */
  readonly time = delegatingClock(() => this.clock);
  /** @internal */
  readonly announcer = new AnnouncerController(this);
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

  /** The holder's ticket, once the waiting room has loaded. @internal */
  get holder(): TicketController | undefined {
    return this.room.value?.holder;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('office') && changed.get('office') !== undefined) {
      this.realtime.stop();
      this.realtime.lastEventId = undefined;
      this.data = undefined;
      void this.load();
    }
    // A ticket kept on this device shows at once: the waiting room's code loads now.
    if (changed.has('office') && !this.held && this.office && readTicket(`office:${this.office}`)) {
      this.held = true;
      void this.room.need();
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

  /** The citizen moves to "Enter the waiting room": its code comes now. */
  private prefetchRoom(): void {
    void this.room.need();
  }

  private async onEnter(): Promise<void> {
    if (!this.office || this.entering || this.holder?.busy) return;
    this.refused = undefined;
    this.left = false;
    this.roomFailed = false;
    this.entering = true;
    // Loads again after a failed attempt: pressing the button is the retry.
    const room = await this.room.retry();
    this.entering = false;
    if (!room) {
      this.roomFailed = true;
      return;
    }
    const holder = room.holder;
    const number = await holder.take('/v1/offices/{office}/tickets', { office: this.office }, { locale: this.localize.lang });
    const error = holder.error;
    if (error instanceof CivicApiError && (error.code === 'closed' || error.code === 'full')) {
      this.refused = error.code === 'closed' ? 'closed' : 'full';
      holder.error = undefined;
      void this.read().catch(() => undefined);
    }
    if (number) {
      this.emit('civic-ticket-taken', { number });
      this.announcer.announce(this.localize.t('ticket.taken', { number }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ticket-title')?.focus();
    }
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

  /** @internal */
  minutes(value: number | null): string {
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
    const room = this.room.value;
    const holder = room?.holder;
    if (holder?.busy === 'restore') return html`<p role="status">${t('ticket.restoring')}</p>`;
    if (holder?.ticket) return room!.render(holder.ticket);
    if (!room && this.held) return this.renderRoomPending();
    const reason = this.refused ?? (!o.openNow ? 'closed' : !o.ticketsOnline ? 'unavailable' : undefined);
    const notices = html`${holder?.expired ? html`<p class="notice info">${t('ticket.expired')}</p>` : nothing}
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
    const busy = this.entering || holder?.busy === 'take';
    // A waiting room whose code did not arrive is a connection problem for the citizen.
    const error = this.roomFailed ? { code: 'network' } : holder?.error;
    return html`<section aria-labelledby="enter-title">
      <h3 id="enter-title">${t('office.enter')}</h3>
      ${notices}
      <p>${t('office.enterHint')}</p>
      <p class="muted">${t('take.storage')}</p>
      ${error !== undefined ? html`<p class="notice error" role="alert">${errorMessage(t, error)}</p>` : nothing}
      <div class="actions">
        <button
          type="button"
          class="enter primary"
          aria-disabled=${busy ? 'true' : 'false'}
          @focus=${this.prefetchRoom}
          @pointerenter=${this.prefetchRoom}
          @click=${() => void this.onEnter()}
        >
          ${t('office.enter')}
        </button>
      </div>
      <div role="status">${busy ? html`<p>${t('office.entering')}</p>` : nothing}</div>
    </section>`;
  }

  /** A kept ticket whose waiting room's code is on its way, or did not arrive (with a retry). */
  private renderRoomPending(): TemplateResult {
    const t = this.localize.t;
    if (!this.room.failed) return html`<p role="status" class="loading">${t('ticket.restoring')}</p>`;
    return html`<section aria-labelledby="ticket-title">
      <h3 id="ticket-title" tabindex="-1">${t('ticket.title')}</h3>
      <p class="notice error" role="alert">${errorMessage(t, { code: 'network' })}</p>
      <div class="actions">
        <button
          type="button"
          class="retry"
          @click=${() => {
            this.retryFocus.start();
            void this.room.retry();
          }}
        >
          ${t('retry')}
        </button>
      </div>
    </section>`;
  }
}
