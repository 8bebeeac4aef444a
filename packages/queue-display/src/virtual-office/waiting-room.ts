// The virtual office's waiting room — the ticket controller, the holder's place in the room, the
// call with the "Enter" link, its notices (announcement, title flash, browser notification) and
// leaving — in its own chunk: the office itself (open now, hours, free chairs, "Enter the waiting
// room") shows without this code; the widget fetches it when the citizen moves to that button
// (focus, pointer) or presses it, and at once when a ticket is kept on the device.
//
// It imports nothing at run time from the widget's own module: what it needs of the element comes
// through the element, so that module stays the tag's first view.
import { adoptStyles, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { errorMessage, type LocalizeController } from '@civic-elements/core';
import { safeHttpUrl, type Ticket } from '../shared/api.js';
import { TitleFlasher, browserNotifications } from '../shared/notify.js';
import { TicketController } from '../shared/ticket-controller.js';
import { ticketStyles } from '../shared/ticket.styles.js';
import type { CivicVirtualOffice } from './virtual-office.component.js';

/** Follows, shows and ends the holder's place in a virtual office's waiting room. */
export class WaitingRoom implements ReactiveController {
  /** The holder's ticket: taken, restored, followed live. */
  readonly holder: TicketController;
  private readonly flasher: TitleFlasher;

  constructor(
    private readonly host: CivicVirtualOffice,
    private readonly localize: LocalizeController,
  ) {
    // The element's own styles plus the ticket's (before any of it renders: no unstyled flash).
    const { elementStyles } = host.constructor as typeof CivicVirtualOffice;
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, ticketStyles]);
    host.addController(this);
    this.flasher = new TitleFlasher(host.time);
    this.holder = new TicketController(host, {
      storageKey: () => (host.office ? `office:${host.office}` : undefined),
      clock: host.time,
      nearAhead: () => 1,
      onNotice: (kind, ticket) => this.notice(kind, ticket),
    });
  }

  hostDisconnected(): void {
    this.flasher.stop();
  }

  private notice(kind: 'near' | 'called' | 'over', ticket: Ticket): void {
    const t = this.localize.t;
    const { announcer } = this.host;
    if (kind === 'called') {
      announcer.announce(t('office.joinHint'), { assertive: true });
      this.flasher.flash(t('ticket.calledTitle', { number: ticket.number }), 10);
      browserNotifications.show(t('ticket.calledTitle', { number: ticket.number }), t('office.joinHint'));
      this.host.emit('civic-ticket-called', { desk: ticket.desk });
    } else if (kind === 'near') {
      announcer.announce(t('ticket.aheadNone'));
    } else {
      announcer.announce(t(`ticket.${ticket.state}`));
    }
  }

  private async onLeave(): Promise<void> {
    const { host } = this;
    if (await this.holder.cancel()) {
      this.flasher.stop();
      host.left = true;
      host.emit('civic-ticket-cancelled');
      host.announcer.announce(this.localize.t('office.left'));
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
  }

  private onJoin(): void {
    this.host.emit('civic-office-enter');
  }

  /** The holder's place in the waiting room. */
  render(ticket: Ticket): TemplateResult {
    const t = this.localize.t;
    const holder = this.holder;
    const final = ticket.state === 'served' || ticket.state === 'missed' || ticket.state === 'cancelled';
    const joinUrl = ticket.state === 'called' ? safeHttpUrl(ticket.joinUrl) : undefined;
    return html`<section part="ticket" class="ticket" aria-labelledby="ticket-title">
      <h3 id="ticket-title" tabindex="-1">${t('office.inRoom')}</h3>
      <p class="ticket-number"><span class="visually-hidden">${t('ticket.number')}: </span><span class="value">${ticket.number}</span></p>
      ${ticket.state === 'waiting'
        ? html`<p class="position">${ticket.position === 0 ? t('ticket.aheadNone') : t('ticket.ahead', { count: ticket.position })}</p>
            <p class="estimate">${t('ticket.estimate', { wait: this.host.minutes(ticket.estimatedWaitMinutes) })}</p>
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
