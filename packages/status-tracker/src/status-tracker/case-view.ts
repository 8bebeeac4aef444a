// The case overview below its heading — status, steps, actions, pickup, result, documents, history,
// contact, live state, "remember" — in its own chunk: the lookup form loads without it, and the
// tracker fetches it as soon as the citizen starts the lookup (or a case opens from a link).
//
// It imports nothing at run time from the tracker's first chunk (only lit and core's shared
// chunks): what it needs of the tracker comes through the element, so that chunk stays the tag's facade.
import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { errorMessage, registerStrings, type LocalizeController } from '@civic-elements/core';
import deCaseView from '../locales/de-case-view.js';
import type { CaseData, Moment } from './case-data.js';
import { caseViewStyles } from './case-view.styles.js';
import type { CivicStatusTracker } from './status-tracker.component.js';

type Action = CaseData['actionsRequired'][number];

// The German texts only the case overview shows (the tracker's first chunk has the rest).
registerStrings('status-tracker', { de: deCaseView });

/** Only http(s) links are ever rendered (a `javascript:` URL from a broken back end stays text). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Newest first: by date, then by time where both entries know it (a stable sort keeps the rest). */
export function newestFirst<T extends { at: Moment }>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      b.at.date.localeCompare(a.at.date) ||
      (a.at.dateTime && b.at.dateTime ? Date.parse(b.at.dateTime) - Date.parse(a.at.dateTime) : 0),
  );
}

/** Most urgent first: earliest due date, actions without one last. */
export function mostUrgentFirst<T extends { dueDate?: string | undefined }>(actions: readonly T[]): T[] {
  return [...actions].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}

/** Renders an open case for a tracker (the case and its state stay on the element). */
export class CaseView {
  constructor(
    private readonly host: CivicStatusTracker,
    private readonly localize: LocalizeController,
  ) {
    // The element's own styles plus the overview's (before it first renders: no unstyled flash).
    const { elementStyles } = host.constructor as typeof CivicStatusTracker;
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, caseViewStyles]);
  }

  private async copyReference(reference: string): Promise<void> {
    const t = this.localize.t;
    try {
      await navigator.clipboard.writeText(reference);
      this.host.announcer.announce(t('copied'));
    } catch {
      this.host.announcer.announce(t('copyFailed'));
    }
  }

  private requestAppointment(event: Event, serviceId: string): void {
    const request = this.host.emit('civic-request-appointment', { serviceId }, { cancelable: true });
    if (request.defaultPrevented) event.preventDefault();
  }

  private bookingUrl(serviceId: string): string | undefined {
    if (!this.host.bookingPage) return undefined;
    try {
      const url = new URL(this.host.bookingPage, document.baseURI);
      if (!/^https?:$/.test(url.protocol)) return undefined;
      url.searchParams.set('civic-service', serviceId);
      return url.href;
    } catch {
      return undefined;
    }
  }

  private moment(m: Moment, tz: string): string {
    // Date-only moments never show a time ("00:00"): the calendar date is formatted as such.
    return m.dateTime
      ? this.localize.formatDateTime(m.dateTime, { timeZone: tz })
      : this.day(m.date);
  }

  private day(date: string): string {
    return this.localize.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC' });
  }

  /** Everything of the case below its heading (the element renders the article and the heading). */
  render(d: CaseData): TemplateResult {
    const t = this.localize.t;
    const tz = d.timeZone;
    const steps = d.steps;
    const pickupAction = d.pickup?.ready
      ? d.actionsRequired.find((a) => a.kind === 'appointment' && a.serviceId === d.pickup!.serviceId)
      : undefined;
    return html`<p class="reference">
        <span>${t('referenceLabel')}:</span> <strong class="ref">${d.reference}</strong>
        <button part="button" type="button" class="secondary small no-print" @click=${() => void this.copyReference(d.reference)}>${t('copy')}</button>
      </p>

      <section part="status" class=${classMap({ status: true, changed: this.host.changed })} aria-labelledby="status-h">
        <h3 id="status-h">${t('status')}</h3>
        <p class="status-label">${d.status.label}</p>
        <p>${t('since', { when: this.moment(d.status.since, tz) })}</p>
      </section>

      ${d.suspension
        ? html`<section part="banner" class="banner" aria-labelledby="banner-h">
            <h3 id="banner-h">${t(`suspension.${d.suspension.kind}`)}</h3>
            <p>${d.suspension.reason}</p>
            <p>${t('suspensionSince', { date: this.day(d.suspension.since) })}</p>
            ${d.suspension.until ? html`<p>${t('suspensionUntil', { date: this.day(d.suspension.until) })}</p>` : nothing}
          </section>`
        : nothing}

      ${steps.length
        ? html`<section aria-labelledby="steps-h">
            <h3 id="steps-h">${t('steps')}</h3>
            <ol part="steps" class="steps">
              ${steps.map(
                (s, i) => html`<li class=${`step ${s.state}`} aria-current=${s.state === 'current' ? 'step' : 'false'}>
                  <span class="step-label">${s.label}</span>
                  <span class="step-state">${t('stepOf', { n: i + 1, total: steps.length })}, ${t(`stepState.${s.state}`)}${s.reachedAt
                    ? html`, ${t('reachedAt', { when: this.moment(s.reachedAt, tz) })}`
                    : nothing}</span>
                </li>`,
              )}
            </ol>
          </section>`
        : nothing}

      ${d.expectedCompletion || d.legalDeadline
        ? html`<dl class="dates">
            ${d.expectedCompletion
              ? html`<div><dt>${t('expectedCompletion')}</dt><dd>${this.day(d.expectedCompletion)}</dd></div>`
              : nothing}
            ${d.legalDeadline ? html`<div><dt>${t('legalDeadline')}</dt><dd>${this.day(d.legalDeadline)}</dd></div>` : nothing}
          </dl>`
        : nothing}

      ${d.actionsRequired.length
        ? html`<section aria-labelledby="actions-h">
            <h3 id="actions-h">${t('actions')}</h3>
            <ul part="actions" class="actions">
              ${mostUrgentFirst(d.actionsRequired).map((a) => this.renderAction(a, a === pickupAction))}
            </ul>
          </section>`
        : nothing}

      ${d.pickup?.ready && !pickupAction
        ? html`<section aria-labelledby="pickup-h" class="pickup">
            <h3 id="pickup-h">${t('pickup')}</h3>
            <p>${t('pickupReady')}</p>
            ${this.renderBooking(d.pickup.serviceId, t('bookPickup'))}
          </section>`
        : nothing}

      ${d.result
        ? html`<section aria-labelledby="result-h">
            <h3 id="result-h">${t('result')}</h3>
            <p class="decision">${d.result.label || t(`decision.${d.result.decision}`, { defaultValue: t('decision.other') })}</p>
            ${d.result.explanation ? html`<p>${d.result.explanation}</p>` : nothing}
          </section>`
        : nothing}

      ${d.documents.length
        ? html`<section aria-labelledby="docs-h">
            <h3 id="docs-h">${t('documents')}</h3>
            <ul class="documents">
              ${d.documents.map((doc) => {
                const url = safeUrl(doc.url);
                return html`<li>
                  ${url ? html`<a href=${url}>${doc.title}</a>` : doc.title}${doc.availableFrom
                    ? html` (${t('availableFrom', { date: this.day(doc.availableFrom) })})`
                    : nothing}
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}

      ${d.history.length
        ? html`<section aria-labelledby="history-h">
            <h3 id="history-h">${t('history')}</h3>
            <ol part="history" class="history">
              ${newestFirst(d.history).map(
                (h) => html`<li>
                  <span class="when">${this.moment(h.at, tz)}</span>
                  <span class="what">${h.title}</span>
                  ${h.description ? html`<span class="detail">${h.description}</span>` : nothing}
                  ${h.actor ? html`<span class="actor">${h.actor}</span>` : nothing}
                </li>`,
              )}
            </ol>
          </section>`
        : nothing}

      ${this.renderContact(d.contact)}
      ${this.renderLive(d)}
      ${this.renderRemember()}`;
  }

  private renderAction(a: Action, pickup: boolean): TemplateResult {
    const t = this.localize.t;
    const url = safeUrl(a.url);
    const cta = t(`cta.${a.kind}`, { defaultValue: t('cta.other') });
    return html`<li class="action">
      <h4>${a.title}</h4>
      ${a.description ? html`<p>${a.description}</p>` : nothing}
      ${a.dueDate ? html`<p class="due">${t('due', { date: this.day(a.dueDate) })}</p>` : nothing}
      ${a.kind === 'appointment' && a.serviceId
        ? this.renderBooking(a.serviceId, pickup ? t('bookPickup') : cta)
        : url
          ? html`<a part="button" class="button primary" href=${url} aria-label=${t('ctaFor', { cta, title: a.title })}>${cta}</a>`
          : nothing}
    </li>`;
  }

  private renderBooking(serviceId: string, label: string): TemplateResult {
    const url = this.bookingUrl(serviceId);
    const click = (e: Event) => this.requestAppointment(e, serviceId);
    return url
      ? html`<a part="button pickup" class="button primary" href=${url} @click=${click}>${label}</a>`
      : html`<button part="button pickup" type="button" class="primary" @click=${click}>${label}</button>`;
  }

  private renderContact(c: CaseData['contact']): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const url = safeUrl(c.url);
    if (!c.name && !c.phone && !c.email && !url) return nothing;
    return html`<section aria-labelledby="contact-h" class="contact">
      <h3 id="contact-h">${t('contact')}</h3>
      ${c.name ? html`<p>${c.name}</p>` : nothing}
      <dl>
        ${c.phone
          ? html`<div><dt>${t('phone')}</dt><dd><a href=${`tel:${c.phone.replace(/[^\d+]/g, '')}`}>${c.phone}</a></dd></div>`
          : nothing}
        ${c.email ? html`<div><dt>${t('email')}</dt><dd><a href=${`mailto:${c.email}`}>${c.email}</a></dd></div>` : nothing}
        ${url ? html`<div><dt>${t('website')}</dt><dd><a href=${url}>${url}</a></dd></div>` : nothing}
      </dl>
    </section>`;
  }

  private renderLive(d: CaseData): TemplateResult {
    const t = this.localize.t;
    const e = this.host.error;
    return html`<div class="live no-print">
      <p class="live-state">${t(`live.${this.host.realtime.state}`)}
        ${t('updatedAt', { when: this.localize.formatDateTime(d.updatedAt, { timeZone: d.timeZone }) })}</p>
      ${e ? html`<p part="error" class="error" role="alert">${errorMessage(t, e)}</p>` : nothing}
      <button part="button" type="button" class="secondary" aria-disabled=${this.host.busy ? 'true' : 'false'}
        @click=${() => !this.host.busy && void this.host.fetchCase('refresh')}>${t('refresh')}</button>
    </div>`;
  }

  private renderRemember(): TemplateResult {
    const t = this.localize.t;
    return html`<div class="remember no-print">
      <div class="check">
        <input id="remember" type="checkbox" .checked=${this.host.remembered} @change=${this.host.toggleRemember} aria-describedby="remember-hint" />
        <label for="remember">${t('remember')}</label>
      </div>
      <p class="hint" id="remember-hint">${t('rememberHint')}</p>
      <div class="row">
        ${this.host.remembered
          ? html`<button part="button" type="button" class="secondary" @click=${() => this.host.forget()}>${t('forget')}</button>`
          : nothing}
        <button part="button" type="button" class="secondary" @click=${() => this.host.closeCase()}>${t('another')}</button>
      </div>
    </div>`;
  }
}
