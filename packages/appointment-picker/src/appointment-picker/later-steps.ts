// The picker's later steps — day, time, contact, hold expiry, confirmation, manage, waiting list —
// in their own chunk: the first steps load without this code, and the picker fetches it while the
// citizen chooses services.
//
// It imports nothing at run time from the picker's first chunk (only from core's shared chunks):
// what it needs of the picker comes through the element, so that chunk stays the tag's facade.
import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import {
  CivicApiError,
  GridNavigationController,
  addCalendarDays,
  addCalendarMonths,
  newIdempotencyKey,
  refusedPointers,
  registerStrings,
  type LocalizeController,
} from '@civic-elements/core';
import deLaterSteps from '../locales/de-later-steps.js';
import type { Slot } from './api.js';
import { bookingChecks as checks } from './booking-checks.js';
import { HoldController } from './hold-controller.js';
import { laterStyles } from './later-steps.styles.js';
import type { CivicAppointmentPicker, Field, PickerStep } from './appointment-picker.component.js';

// The German texts only these steps show (the picker's first chunk has the rest).
registerStrings('appointment', { de: deLaterSteps });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/;

const monthOf = (date: string) => date.slice(0, 7);
/** ISO weekday (1 = Monday) of a calendar date. */
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The hour of an RFC 3339 local time (the location's wall clock, whatever the browser's zone). */
const localHour = (start: string): number => Number(start.slice(11, 13));

/** Renders and runs the later steps of a picker (its state stays on the element). */
export class LaterSteps {
  constructor(
    private readonly p: CivicAppointmentPicker,
    private readonly localize: LocalizeController,
  ) {
    // The element's own styles plus these steps' (before any of them renders: no unstyled flash).
    const { elementStyles } = p.constructor as typeof CivicAppointmentPicker;
    adoptStyles(p.renderRoot as ShadowRoot, [...elementStyles, laterStyles]);
    this.holds = new HoldController(p);
    this.grid = new GridNavigationController(p, {
      cells: () => [...(p.renderRoot.querySelectorAll?.('td[data-date]') ?? [])] as HTMLElement[],
      showMonth: (date) => p.showMonth(monthOf(date)),
    });
  }

  /** The held slot: proof of work, hold, countdown, extension, expiry, release. */
  readonly holds: HoldController;

  /** Arrow keys, Home/End and PageUp/PageDown in the month grid (WAI-ARIA grid pattern). */
  private readonly grid: GridNavigationController;

  private get t() {
    return this.p.t;
  }

  render(step: PickerStep): TemplateResult {
    switch (step) {
      case 'day':
        return this.renderDay();
      case 'time':
        return this.renderTime();
      case 'contact':
        return this.renderContact();
      case 'expired':
        return this.renderExpired();
      case 'confirmation':
        return this.renderConfirmation();
      case 'manage':
        return this.renderManage();
      case 'cancelled':
        return this.p.section(
          html`<p>${this.t('manage.cancelledText', { reference: this.p.managed?.reference ?? '' })}</p>
            <div class="actions">
              <button part="button" type="button" @click=${() => this.p.go('services')}>${this.t('manage.newBooking')}</button>
            </div>`,
          this.t('manage.cancelledHeading'),
          false,
        );
      case 'waitlist':
        return this.renderWaitlist();
      default:
        return this.p.section(
          html`<p role="status">
            ${this.t('waitlist.done', {
              from: this.p.fmtDate(this.p.waitDone?.from ?? ''),
              to: this.p.fmtDate(this.p.waitDone?.to ?? ''),
            })}
          </p>`,
          this.t('waitlist.doneHeading'),
          false,
        );
    }
  }

  /** Values the server refused, per form and field (see `refusedField`). */
  private readonly refused: Record<'contact' | 'wait', Partial<Record<Field, string>>> = { contact: {}, wait: {} };

  private validate(field: Field): string | undefined {
    const { name, email, phone, consent } = this.p.contact;
    if (field !== 'consent' && this.refused.contact[field] === this.p.contact[field].trim()) return this.t(`contact.errors.${field}`);
    const phoneNeeded = this.p.chosenType === 'phone';
    switch (field) {
      case 'name':
        return name.trim() ? undefined : this.t('contact.errors.name');
      case 'email':
        return EMAIL.test(email.trim()) ? undefined : this.t('contact.errors.email');
      case 'phone':
        if (!phone.trim()) return phoneNeeded ? this.t('contact.errors.phoneRequired') : undefined;
        return PHONE.test(phone.trim()) ? undefined : this.t('contact.errors.phone');
      case 'consent':
        return consent ? undefined : this.t('contact.errors.consent');
    }
  }

  private checkField(field: Field): void {
    this.p.fieldErrors = { ...this.p.fieldErrors, [field]: this.validate(field) };
  }

  private async book(): Promise<void> {
    if (this.p.busy) return;
    const fields: Field[] = ['name', 'email', 'phone', 'consent'];
    const errors = Object.fromEntries(fields.map((f) => [f, this.validate(f)])) as Partial<Record<Field, string>>;
    this.p.fieldErrors = errors;
    const first = fields.find((f) => errors[f]);
    if (first) {
      await this.p.updateComplete;
      this.p.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus();
      return;
    }
    const hold = this.p.hold;
    if (!hold) return;
    // One key per submission: a double click or a retry repeats it, so only one booking is made.
    const key = (this.p.bookingKey ??= newIdempotencyKey());
    const { name, email, phone, note } = this.p.contact;
    this.p.limit = undefined;
    await this.p.run(async () => {
      try {
        const booked = await this.p.api.request('POST', '/v1/bookings', {
          body: {
            holdId: hold.holdId,
            contact: { name: name.trim(), email: email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) },
            consent: true,
            ...(note.trim() ? { note: note.trim() } : {}),
            locale: this.localize.lang,
          },
          idempotencyKey: key,
          check: checks.confirmation,
        });
        this.holds.consumed();
        this.p.confirmation = booked;
        this.p.go('confirmation');
        this.p.emit('civic-booking-confirmed', {
          reference: booked.reference,
          start: booked.start,
          serviceIds: booked.services.map((s) => s.id),
          locationId: booked.location,
        });
      } catch (e) {
        if (e instanceof CivicApiError && e.code === 'booking_limit_reached') {
          this.p.limit = typeof e.problem?.['limit'] === 'number' ? (e.problem['limit'] as number) : 0;
          this.p.bookingKey = undefined;
          this.p.announcer.announce(this.t('contact.limit', { count: this.p.limit }), { assertive: true });
          return;
        }
        if (e instanceof CivicApiError && e.code === 'hold_expired') {
          this.holds.expire();
          return;
        }
        if (this.refusedField(e, 'contact', { '/contact/name': 'name', '/contact/email': 'email', '/contact/phone': 'phone' })) return;
        throw e;
      }
    }, () => void this.book());
  }

  /**
   * A 400 `validation_failed` whose pointer names a field the widget's own check let through (e.g.
   * `anna@müller..de`): that field gets its error and the focus, as if the widget had found it; a
   * corrected submission gets a new idempotency key. The refused value stays marked (leaving the
   * field or sending it again asks the server nothing) until it is changed. False for any other error.
   */
  private refusedField(e: unknown, form: 'contact' | 'wait', fields: Record<string, Exclude<Field, 'consent'>>): boolean {
    const field = refusedPointers(e).map((pointer) => fields[pointer]).find(Boolean);
    if (!field) return false;
    this.refused[form][field] = (form === 'wait' ? this.p.waitEmail : this.p.contact[field]).trim();
    this.p.bookingKey = undefined;
    this.p.fieldErrors = { ...this.p.fieldErrors, [field]: this.t(`contact.errors.${field}`) };
    void this.p.updateComplete.then(() => this.p.renderRoot.querySelector<HTMLElement>(`#f-${field}`)?.focus());
    return true;
  }

  private async downloadIcs(id: string, token: string, reference: string): Promise<void> {
    await this.p.run(async () => {
      const blob = await this.p.api.download('/v1/bookings/{bookingId}/ics', {
        params: { bookingId: id },
        token,
        accept: 'text/calendar',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `termin-${reference}.ics`;
      this.p.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  }

  private manageLink(id: string, token: string): string {
    const page = window.location.href.replace(/#.*$/, '');
    return `${page}#civic-booking=${encodeURIComponent(id)}.${encodeURIComponent(token)}`;
  }

  async openManage(id: string, token: string, focus = true): Promise<void> {
    this.p.manageAuth = { id, token };
    this.p.managed = undefined;
    this.p.askCancel = false;
    this.p.notice = '';
    this.p.go('manage', focus);
    await this.p.run(async () => {
      this.p.managed = await this.p.api.request('GET', '/v1/bookings/{bookingId}', {
        params: { bookingId: id },
        token,
        check: checks.booking,
      });
    }, () => void this.openManage(id, token));
  }

  private async cancelBooking(): Promise<void> {
    const auth = this.p.manageAuth;
    const booking = this.p.managed;
    if (!auth || !booking) return;
    await this.p.run(async () => {
      await this.p.api.request('DELETE', '/v1/bookings/{bookingId}', { params: { bookingId: auth.id }, token: auth.token });
      this.p.managed = { ...booking, status: 'cancelled' };
      this.p.go('cancelled');
      this.p.emit('civic-booking-cancelled', { reference: booking.reference });
    });
  }

  private startReschedule(): void {
    const b = this.p.managed;
    if (!b) return;
    this.p.rescheduling = b;
    this.p.selected = new Map(b.services.map((s) => [s.id, s.qty]));
    this.p.locationId = b.location;
    this.p.chosenType = b.type;
    this.p.openDays();
  }

  private async confirmReschedule(): Promise<void> {
    const auth = this.p.manageAuth;
    const hold = this.p.hold;
    if (!auth || !hold || this.p.busy) return;
    await this.p.run(async () => {
      this.p.managed = await this.p.api.request('PATCH', '/v1/bookings/{bookingId}', {
        params: { bookingId: auth.id },
        token: auth.token,
        body: { holdId: hold.holdId },
        idempotent: true,
        check: checks.booking,
      });
      this.holds.consumed();
      this.p.rescheduling = undefined;
      this.p.notice = this.t('manage.rescheduledHeading');
      this.p.go('manage');
    });
  }

  private async joinWaitlist(event: Event): Promise<void> {
    event.preventDefault();
    const wanted = this.p.waitEmail.trim();
    const emailError = EMAIL.test(wanted) && wanted !== this.refused.wait.email ? undefined : this.t('contact.errors.email');
    const consentError = this.p.waitConsent ? undefined : this.t('contact.errors.consent');
    this.p.fieldErrors = { email: emailError, consent: consentError };
    if (emailError || consentError) {
      await this.p.updateComplete;
      this.p.renderRoot.querySelector<HTMLElement>(emailError ? '#f-email' : '#f-consent')?.focus();
      return;
    }
    const h = this.p.horizon;
    if (!h || this.p.busy) return;
    const key = (this.p.bookingKey ??= newIdempotencyKey());
    await this.p.run(async () => {
      const entry = await this.p.api.request('POST', '/v1/waitlist', {
        body: {
          services: [...this.p.selected].map(([id, qty]) => ({ id, qty })),
          ...(this.p.locationId ? { location: this.p.locationId } : {}),
          ...(this.p.chosenType ? { type: this.p.chosenType } : {}),
          from: h.from,
          to: addCalendarDays(h.from, 92) < h.to ? addCalendarDays(h.from, 92) : h.to,
          email: this.p.waitEmail.trim(),
          locale: this.localize.lang,
          consent: true,
        },
        idempotencyKey: key,
        check: checks.waitlist,
      }).catch((e: unknown) => {
        if (this.refusedField(e, 'wait', { '/email': 'email' })) return undefined;
        throw e;
      });
      if (!entry) return;
      this.p.bookingKey = undefined;
      this.p.waitDone = { from: entry.from, to: entry.to };
      this.p.go('waitlisted');
    }, () => void this.joinWaitlist(new Event('submit')));
  }


  private fmtWhen(start: string, locationId: string): string {
    const tz = this.p.locations.find((l) => l.id === locationId)?.timeZone ?? this.p.zone ?? 'Europe/Berlin';
    return this.localize.formatDateTime(start, { timeZone: tz, dateStyle: 'full', timeStyle: 'short' });
  }


  private renderSummary(start: string, locationId: string, services: { id: string; qty: number }[], type: string, reference?: string): TemplateResult {
    const l = this.p.locations.find((x) => x.id === locationId);
    return html`<dl part="summary" class="summary">
      ${reference ? html`<dt>${this.t('summary.reference')}</dt><dd class="reference">${reference}</dd>` : nothing}
      <dt>${this.t('summary.services')}</dt>
      <dd>
        <ul>
          ${services.map((s) => html`<li>${s.qty > 1 ? this.t('summary.quantity', { count: s.qty, name: this.p.serviceName(s.id) }) : this.p.serviceName(s.id)}</li>`)}
        </ul>
      </dd>
      <dt>${this.t('summary.when')}</dt>
      <dd>${this.fmtWhen(start, locationId)}</dd>
      <dt>${this.t('summary.where')}</dt>
      <dd>${l ? html`${l.name}<br />${l.address.street}, ${l.address.postalCode} ${l.address.city}` : locationId}</dd>
      <dt>${this.t('summary.type')}</dt>
      <dd>${this.t(`types.${type}`)}</dd>
    </dl>`;
  }

  private renderHold(): TemplateResult {
    const hold = this.p.hold;
    if (!hold) return html``;
    const s = Math.max(0, Math.ceil(this.p.remainingMs / 1000));
    const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    return html`<div part="hold" class="hold ${this.p.warned ? 'warn' : ''}">
      <p>
        <span role="timer" aria-live="off">${this.t('hold.countdown', { time })}</span>
      </p>
      ${this.p.warned
        ? html`<p class="warning">${this.t('hold.warning')}</p>
            ${hold.extensionsLeft > 0
              ? html`<button part="button" type="button" class="extend" @click=${() => void this.holds.extend()}>${this.t('hold.extend')}</button>`
              : html`<p>${this.t('hold.noMoreExtensions')}</p>`}`
        : nothing}
    </div>`;
  }

  private field(id: Field, label: string, input: TemplateResult, hint?: string): TemplateResult {
    const error = this.p.fieldErrors[id];
    return html`<div class="field" part="field">
      <label for="f-${id}">${label}</label>
      ${hint ? html`<span class="hint" id="f-${id}-hint">${hint}</span>` : nothing} ${input}
      ${error ? html`<p class="invalid" id="f-${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private describedBy(id: Field, hint = false): string {
    return [hint ? `f-${id}-hint` : '', this.p.fieldErrors[id] ? `f-${id}-error` : ''].filter(Boolean).join(' ');
  }

  private renderContact(): TemplateResult {
    const hold = this.p.hold;
    const c = this.p.contact;
    const set = (k: keyof typeof c) => (e: Event) => {
      const t = e.target as HTMLInputElement;
      this.p.contact = { ...this.p.contact, [k]: k === 'consent' ? t.checked : t.value };
      if (this.p.fieldErrors[k as Field]) this.checkField(k as Field);
    };
    const leave = () => {
      this.holds.release();
      this.p.go('time');
    };
    if (this.p.rescheduling) {
      return this.p.section(
        html`${hold ? this.renderSummary(hold.start, hold.location, hold.services, hold.type) : nothing} ${this.renderHold()}
          <div class="actions">
            ${this.p.renderBack(leave)}
            <button part="button primary" class="primary" type="button" ?disabled=${this.p.busy} @click=${() => void this.confirmReschedule()}>
              ${this.t('manage.rescheduleConfirm')}
            </button>
          </div>`,
        this.t('hold.heading'),
      );
    }
    const phoneLabel = this.p.chosenType === 'phone' ? this.t('contact.phoneRequired') : this.t('contact.phone');
    const invalid = (f: Field) => (this.p.fieldErrors[f] ? 'true' : 'false');
    return this.p.section(
      html`${hold ? this.renderSummary(hold.start, hold.location, hold.services, hold.type) : nothing} ${this.renderHold()}
        <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.book())}>
          <h3>${this.t('contact.heading')}</h3>
          ${this.field(
            'name',
            this.t('contact.name'),
            html`<input id="f-name" name="name" autocomplete="name" .value=${c.name} aria-invalid=${invalid('name')} aria-describedby=${this.describedBy('name')} @input=${set('name')} @blur=${() => this.checkField('name')} />`,
          )}
          ${this.field(
            'email',
            this.t('contact.email'),
            html`<input id="f-email" name="email" inputmode="email" autocomplete="email" spellcheck="false" autocapitalize="off" .value=${c.email} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email', true)} @input=${set('email')} @blur=${() => this.checkField('email')} />`,
            this.t('contact.emailHint'),
          )}
          ${this.field(
            'phone',
            phoneLabel,
            html`<input id="f-phone" name="phone" type="tel" autocomplete="tel" .value=${c.phone} aria-invalid=${invalid('phone')} aria-describedby=${this.describedBy('phone')} @input=${set('phone')} @blur=${() => this.checkField('phone')} />`,
          )}
          <div class="field">
            <label for="f-note">${this.t('contact.note')}</label>
            <textarea id="f-note" name="note" maxlength="1000" .value=${c.note} @input=${set('note')}></textarea>
          </div>
          <div class="field consent">
            <input id="f-consent" type="checkbox" .checked=${c.consent} aria-invalid=${invalid('consent')} aria-describedby=${this.describedBy('consent')} @change=${set('consent')} />
            <label for="f-consent">${this.t('contact.consent')}</label>
            ${this.p.privacyUrl ? html`<a href=${this.p.privacyUrl} target="_blank" rel="noopener">${this.t('contact.privacy')}</a>` : nothing}
            ${this.p.fieldErrors.consent ? html`<p class="invalid" id="f-consent-error">${this.p.fieldErrors.consent}</p>` : nothing}
          </div>
          ${this.p.limit !== undefined ? html`<p class="invalid" role="alert">${this.t('contact.limit', { count: this.p.limit })}</p>` : nothing}
          <div class="actions">
            ${this.p.renderBack(leave)}
            <button part="button primary" class="primary" type="submit" aria-disabled=${this.p.busy ? 'true' : 'false'}>
              ${this.p.busy ? this.t('contact.booking') : this.t('contact.book')}
            </button>
          </div>
        </form>`,
      this.t('hold.heading'),
    );
  }

  private renderExpired(): TemplateResult {
    const slot = this.p.heldSlot;
    const time = slot ? this.localize.formatTime(slot.start, { timeZone: this.p.zoneOf(slot) }) : '';
    return this.p.section(
      html`<p>${this.t('hold.expired', { time })}</p>
        <div class="actions">
          <button part="button" type="button" @click=${() => this.p.go('day')}>${this.t('hold.other')}</button>
          ${slot ? html`<button part="button primary" class="primary" type="button" @click=${() => void this.holds.holdSlot(slot)}>${this.t('hold.again')}</button>` : nothing}
        </div>`,
      this.t('hold.expiredHeading'),
    );
  }

  private renderConfirmation(): TemplateResult {
    const b = this.p.confirmation!;
    const docs = [...new Set(b.services.flatMap((s) => this.p.services.find((x) => x.id === s.id)?.requiredDocuments ?? []))];
    const link = this.manageLink(b.id, b.manageToken);
    return this.p.section(
      html`<p class="reference-line">${this.t('confirmation.reference', { reference: b.reference })}</p>
        <p>${this.t('confirmation.email')}</p>
        ${this.renderSummary(b.start, b.location, b.services, b.type, b.reference)}
        ${b.joinUrl ? html`<p><a href=${b.joinUrl} rel="noopener">${this.t('confirmation.joinUrl')}</a></p>` : nothing}
        ${docs.length
          ? html`<h3>${this.t('confirmation.bring')}</h3>
              <ul>${docs.map((d) => html`<li>${d}</li>`)}</ul>`
          : nothing}
        <div class="actions">
          <button part="button" type="button" @click=${() => void this.downloadIcs(b.id, b.manageToken, b.reference)}>${this.t('confirmation.ics')}</button>
        </div>
        <p>
          <a part="manage-link" href=${link} @click=${() => void this.openManage(b.id, b.manageToken)}>${this.t('confirmation.manage')}</a>
        </p>
        <p class="hint">${this.t('confirmation.manageHint')}</p>`,
      this.t('confirmation.heading'),
    );
  }

  private renderManage(): TemplateResult {
    const b = this.p.managed;
    const auth = this.p.manageAuth;
    if (!b) {
      const notFound = this.p.error instanceof CivicApiError && (this.p.error.status === 401 || this.p.error.status === 404);
      return this.p.section(
        notFound
          ? html`<p role="alert">${this.t('manage.notFound')}</p>`
          : this.p.error
            ? html``
            : html`<p role="status">${this.t('manage.loading')}</p>`,
        this.t('manage.heading'),
        false,
      );
    }
    const changeable = b.status === 'confirmed' && Date.parse(b.changeableUntil) > this.p.clock.now();
    const tz = this.p.locations.find((l) => l.id === b.location)?.timeZone ?? 'Europe/Berlin';
    return this.p.section(
      html`${this.p.notice ? html`<p class="success" role="status">${this.p.notice}</p>` : nothing}
        ${b.status === 'cancelled' ? html`<p class="invalid">${this.t('manage.cancelled')}</p>` : nothing}
        ${this.renderSummary(b.start, b.location, b.services, b.type, b.reference)}
        ${changeable
          ? html`<p>${this.t('manage.changeableUntil', { date: this.localize.formatDateTime(b.changeableUntil, { timeZone: tz }) })}</p>
              ${this.p.askCancel
                ? html`<div class="notice" role="group" aria-labelledby="ask">
                    <p id="ask">${this.t('manage.cancelConfirm')}</p>
                    <div class="actions">
                      <button part="button" type="button" @click=${() => (this.p.askCancel = false)}>${this.t('manage.cancelNo')}</button>
                      <button part="button primary" class="primary danger" type="button" @click=${() => void this.cancelBooking()}>${this.t('manage.cancelYes')}</button>
                    </div>
                  </div>`
                : html`<div class="actions">
                    <button part="button" type="button" @click=${() => this.startReschedule()}>${this.t('manage.reschedule')}</button>
                    <button part="button" type="button" @click=${() => (this.p.askCancel = true)}>${this.t('manage.cancel')}</button>
                  </div>`}`
          : b.status === 'confirmed'
            ? html`<p>${this.t('manage.tooLate')}</p>`
            : nothing}
        ${auth && b.status === 'confirmed'
          ? html`<div class="actions">
              <button part="button" type="button" @click=${() => void this.downloadIcs(auth.id, auth.token, b.reference)}>${this.t('confirmation.ics')}</button>
            </div>`
          : nothing}`,
      this.t('manage.heading'),
      false,
    );
  }

  private renderWaitlist(): TemplateResult {
    const h = this.p.horizon;
    const until = h ? this.p.fmtDate(h.to, { dateStyle: 'long' }) : '';
    const invalid = (f: Field) => (this.p.fieldErrors[f] ? 'true' : 'false');
    return this.p.section(
      html`<p>${this.t('waitlist.text', { date: until })}</p>
        <form part="form" novalidate @submit=${(e: Event) => void this.joinWaitlist(e)}>
          ${this.field(
            'email',
            this.t('waitlist.email'),
            html`<input id="f-email" inputmode="email" autocomplete="email" spellcheck="false" autocapitalize="off" .value=${this.p.waitEmail} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email')} @input=${(e: Event) => (this.p.waitEmail = (e.target as HTMLInputElement).value)} />`,
          )}
          <div class="field consent">
            <input id="f-consent" type="checkbox" .checked=${this.p.waitConsent} aria-invalid=${invalid('consent')} aria-describedby=${this.describedBy('consent')} @change=${(e: Event) => (this.p.waitConsent = (e.target as HTMLInputElement).checked)} />
            <label for="f-consent">${this.t('waitlist.consent')}</label>
            ${this.p.privacyUrl ? html`<a href=${this.p.privacyUrl} target="_blank" rel="noopener">${this.t('contact.privacy')}</a>` : nothing}
            ${this.p.fieldErrors.consent ? html`<p class="invalid" id="f-consent-error">${this.p.fieldErrors.consent}</p>` : nothing}
          </div>
          <div class="actions">
            ${this.p.renderBack(() => this.p.go('services'))}
            <button part="button primary" class="primary" type="submit">${this.t('waitlist.submit')}</button>
          </div>
        </form>`,
      this.t('waitlist.heading'),
      false,
    );
  }


  private renderCalendar(): TemplateResult {
    const h = this.p.horizon;
    if (!h) return html`<p role="status">${this.t('loading')}</p>`;
    const month = this.p.month;
    const first = `${month}-01`;
    const lead = isoWeekday(first) - 1;
    const days: (string | undefined)[] = Array.from({ length: lead }, () => undefined);
    for (let d = first; monthOf(d) === month; d = addCalendarDays(d, 1)) days.push(d);
    while (days.length % 7) days.push(undefined);
    const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
    const monthLabel = this.localize.formatDate(`${first}T12:00:00Z`, { timeZone: 'UTC', month: 'long', year: 'numeric' });
    const weekdayNames = [1, 2, 3, 4, 5, 6, 7].map((d) => {
      const date = addCalendarDays('2026-11-30', d - 1);
      return {
        long: this.localize.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', weekday: 'long' }),
        short: this.localize.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', weekday: 'short' }),
      };
    });
    const freeInMonth = days.some((d) => d && this.p.slotsByDay.get(d)?.length);
    const nextFree = this.p.firstFree();
    const activate = (e: KeyboardEvent, d: string) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.p.chooseDay(d);
      }
    };
    return html`<div class="month-nav">
        <button part="button" type="button" ?disabled=${month <= monthOf(h.from)} @click=${() => void this.p.showMonth(addCalendarMonths(first, -1).slice(0, 7))}>
          <span aria-hidden="true">‹</span> ${this.t('day.previousMonth')}
        </button>
        <h3 id="month" aria-live="polite">${monthLabel}</h3>
        <button part="button" type="button" ?disabled=${month >= monthOf(h.to)} @click=${() => void this.p.showMonth(addCalendarMonths(first, 1).slice(0, 7))}>
          ${this.t('day.nextMonth')} <span aria-hidden="true">›</span>
        </button>
      </div>
      <p id="grid-help" class="hint">${this.t('day.help')}</p>
      <table part="calendar" role="grid" aria-labelledby="month" aria-describedby="grid-help">
        <thead>
          <tr>
            ${weekdayNames.map((w) => html`<th scope="col" abbr=${w.long}>${w.short}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((d) => {
                if (!d) return html`<td></td>`;
                const n = this.p.slotsByDay.get(d)?.length ?? 0;
                const inRange = d >= h.from && d <= h.to;
                return html`<td
                  part="day"
                  data-date=${d}
                  class=${n && inRange ? 'free' : 'full'}
                  aria-selected=${this.p.day === d ? 'true' : 'false'}
                  aria-disabled=${n && inRange ? 'false' : 'true'}
                  @click=${() => this.p.chooseDay(d)}
                  @keydown=${(e: KeyboardEvent) => activate(e, d)}
                >
                  <span aria-hidden="true">${Number(d.slice(8))}</span>
                  <span class="mark" aria-hidden="true">${n && inRange ? '●' : ''}</span>
                  <span class="visually-hidden">${this.p.fmtDate(d, { dateStyle: 'full' })},
                    ${n && inRange ? this.t('day.free', { count: n }) : this.t('day.full')}</span>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${freeInMonth ? nothing : html`<p>${this.t('day.noneThisMonth')}</p>`}
      ${nextFree && nextFree <= h.to
        ? html`<button part="button" type="button" class="link" @click=${() => void this.grid.focusDate(nextFree)}>
            ${this.t('day.nextFree', { date: this.p.fmtDate(nextFree, { dateStyle: 'full' }) })}
          </button>`
        : nothing}`;
  }

  private renderDay(): TemplateResult {
    const back = () => {
      if (this.p.rescheduling) {
        this.p.rescheduling = undefined;
        this.p.go('manage');
      } else this.p.go(this.p.types.length > 1 ? 'type' : 'location');
    };
    return this.p.section(
      html`${this.renderCalendar()}
        <div class="actions">${this.p.renderBack(back)}</div>`,
      this.t('day.heading'),
    );
  }

  private renderSlot(slot: Slot, withDate = false): TemplateResult {
    const zone = this.p.zoneOf(slot);
    const time = this.t('time.slot', { time: this.localize.formatTime(slot.start, { timeZone: zone }) });
    const date = withDate ? `${this.localize.formatDate(slot.start, { timeZone: zone, dateStyle: 'full' })}, ` : '';
    const where = !this.p.locationId ? ` ${this.t('time.at', { location: this.p.locationName(slot.location) })}` : '';
    return html`<li>
      <button part="button slot" type="button" class="slot" ?disabled=${this.p.busy} @click=${() => void this.holds.holdSlot(slot)}>
        ${date}${time}${where}
      </button>
    </li>`;
  }

  private renderTime(): TemplateResult {
    const slots = (this.p.day && this.p.slotsByDay.get(this.p.day)) || [];
    const morning = slots.filter((s) => localHour(s.start) < 12);
    const afternoon = slots.filter((s) => localHour(s.start) >= 12);
    const group = (id: string, label: string, list: Slot[]) =>
      list.length
        ? html`<h3 id=${id}>${label}</h3>
            <ul class="slots" aria-labelledby=${id}>${list.map((s) => this.renderSlot(s))}</ul>`
        : nothing;
    const zone = slots[0] ? this.p.zoneOf(slots[0]) : this.p.zone;
    return this.p.section(
      html`${this.p.alternatives
          ? html`<div class="notice" part="alternatives">
              <p>${this.t('time.taken')}</p>
              ${this.p.alternatives.length
                ? html`<p id="alt">${this.t('time.alternatives')}</p>
                    <ul class="slots" aria-labelledby="alt">${this.p.alternatives.map((s) => this.renderSlot(s, true))}</ul>`
                : html`<p>${this.t('time.noAlternatives')}</p>`}
            </div>`
          : nothing}
        ${this.p.day ? html`<p class="date">${this.p.fmtDate(this.p.day, { dateStyle: 'full' })}</p>` : nothing}
        <div part="times">
          ${group('morning', this.t('time.morning'), morning)} ${group('afternoon', this.t('time.afternoon'), afternoon)}
        </div>
        ${zone ? html`<p class="hint">${this.t('time.timeZone', { zone })}</p>` : nothing}
        ${this.p.busy ? html`<p role="status">${this.t('time.holding')}</p>` : nothing}
        <div class="actions">${this.p.renderBack(() => this.p.go('day'))}</div>`,
      this.t('time.heading'),
    );
  }
}
