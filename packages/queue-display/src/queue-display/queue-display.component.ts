import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicElement,
  LazyViewController,
  baseStyles,
  errorMessage,
  type RealtimeClock,
} from '@civic-elements/core';
import { NAMESPACE } from '../locales/index.js';
import type { QueueStatus } from '../shared/api.js';
import { delegatingClock } from '../shared/clock.js';
import type { ChimeAudioContext } from '../shared/chime.js';
import { RetryFocusController } from '../shared/focus.js';
import { QueueFeed } from '../shared/queue-feed.js';
import { readTicket } from '../shared/storage.js';
import type { TicketController } from '../shared/ticket-controller.js';
import styles from './queue-display.styles.js';

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

  @state() private newestKey?: string;

  /**
   * Loads the online ticket's module (the form and the own ticket; its own chunk). Test seam: a
   * test or story holds or fails the load to show the ticket area's loading and error states. @internal
   */
  @property({ attribute: false }) loadTicketView: () => Promise<typeof import('./ticket-view.js')> = () =>
    import('./ticket-view.js');

  /** @internal */
  readonly ticketView = new LazyViewController(this, {
    load: () => this.loadTicketView(),
    create: (m) => new m.TicketView(this, this.localize),
  });

  /** A ticket was kept on this device when the widget started: its code loads at once. */
  private held = false;
  /** After "try again": the keyboard focus stays in the widget until the load settles. */
  private readonly retryFocus = new RetryFocusController(
    this,
    ['take-title', 'ticket-title'],
    () => this.ticketView.failed || (this.ticketView.value !== undefined && this.ticketView.value.holder.busy !== 'restore'),
  );

  /** @internal */
  readonly time = delegatingClock(() => this.clock);
  /** @internal */
  readonly announcer = new AnnouncerController(this);

  /** @internal */
  readonly feed = new QueueFeed(this, {
    location: () => this.location,
    clock: this.time,
    pauseWhenHidden: true,
    onCall: (call) => {
      this.newestKey = `${call.ticket}|${call.calledAt}`;
      this.announcer.announce(this.localize.t('callAnnounce', { ticket: call.ticket, desk: call.desk }));
    },
  });

  /** The holder's ticket, once the ticket view has loaded. @internal */
  get holder(): TicketController | undefined {
    return this.ticketView.value?.holder;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('location')) {
      if (changed.get('location') !== undefined) this.feed.reset();
      // A ticket kept on this device shows at once: its code loads now, not after the queue.
      if (!this.held && this.location && readTicket(`queue:${this.location}`)) {
        this.held = true;
        void this.ticketView.need();
      }
    }
    // The queue takes tickets online: the form is about to show, so its code comes now.
    if (this.feed.status?.ticketsOnline) void this.ticketView.need();
    const view = this.ticketView.value;
    if (changed.has('service') && this.service && view) view.chosen = this.service;
  }


  protected override languageChanged(): void {
    // Service names and desks come from the server in the page's language.
    this.feed.relocalize();
  }

  // ------------------------------------------------------------------ render

  private time24(iso: string, timeZone: string): string {
    return this.localize.formatTime(iso, { timeZone, hour: '2-digit', minute: '2-digit' });
  }

  /** @internal */
  minutes(value: number | null): string {
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

  /** The ticket area: the loaded ticket view, or while its code loads (or failed to) a stand-in. */
  private renderTicketArea(s: QueueStatus): TemplateResult | typeof nothing {
    const view = this.ticketView.value;
    if (view) return view.render(s);
    const t = this.localize.t;
    if (!this.held && !s.ticketsOnline) return this.renderOffline(nothing);
    if (this.ticketView.failed) {
      const id = this.held ? 'ticket-title' : 'take-title';
      // A chunk that does not arrive is a connection problem for the citizen.
      return html`<section aria-labelledby=${id}>
        <h3 id=${id} tabindex="-1">${t(this.held ? 'ticket.title' : 'take.title')}</h3>
        <p class="notice error" role="alert">${errorMessage(t, { code: 'network' })}</p>
        <div class="actions">
          <button
            type="button"
            class="retry"
            @click=${() => {
              this.retryFocus.start();
              void this.ticketView.retry();
            }}
          >
            ${t('retry')}
          </button>
        </div>
      </section>`;
    }
    if (this.held) return html`<p role="status" class="loading">${t('ticket.restoring')}</p>`;
    return html`<section aria-labelledby="take-title" aria-busy="true">
      <h3 id="take-title" tabindex="-1">${t('take.title')}</h3>
      <p role="status" class="loading">${t('take.loading')}</p>
    </section>`;
  }

  /** No tickets online today (with the ticket view's notices once it is loaded). @internal */
  renderOffline(notices: TemplateResult | typeof nothing): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="take-title">
      <h3 id="take-title" tabindex="-1">${t('take.title')}</h3>
      ${notices}
      <p>${t('take.offline')}</p>
    </section>`;
  }
}
