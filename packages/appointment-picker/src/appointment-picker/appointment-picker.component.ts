import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicApiError,
  CivicElement,
  GridNavigationController,
  addCalendarDays,
  addCalendarMonths,
  clientFor,
  errorMessage,
  isAbortError,
  newIdempotencyKey,
  registerStrings,
  type Sleep,
} from '@civic-elements/core';
import {
  checks,
  localDate,
  localHour,
  servicesParam,
  type AppointmentType,
  type Booking,
  type BookingConfirmation,
  type Hold,
  type Location,
  type Service,
  type Slot,
} from './api.js';
import { styles } from './appointment-picker.styles.js';
import de from '../locales/de.js';

registerStrings('appointment', {
  de,
  en: () => import('../locales/en.js').then((m) => m.default),
  'de-x-ls': () => import('../locales/de-x-ls.js').then((m) => m.default),
  tr: () => import('../locales/tr.js').then((m) => m.default),
  ar: () => import('../locales/ar.js').then((m) => m.default),
  uk: () => import('../locales/uk.js').then((m) => m.default),
});

/** The citizen's steps (and the end states). */
export type PickerStep =
  | 'loading'
  | 'error'
  | 'services'
  | 'location'
  | 'type'
  | 'day'
  | 'time'
  | 'contact'
  | 'expired'
  | 'confirmation'
  | 'manage'
  | 'cancelled'
  | 'waitlist'
  | 'waitlisted';

/** Time source and timers of the hold countdown; tests inject a manual one. */
export interface PickerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

declare module '@civic-elements/core' {
  interface CivicEventMap {
    /** The visible step changed. */
    'civic-step-change': { step: PickerStep };
    /** The slot hold ran out before the booking was made. */
    'civic-hold-expired': { start: string; locationId: string };
    /** A booking was made (no personal data). */
    'civic-booking-confirmed': { reference: string; start: string; serviceIds: string[]; locationId: string };
    /** A booking was cancelled through the manage view. */
    'civic-booking-cancelled': { reference: string };
  }
}

const systemClock: PickerClock = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => window.setTimeout(cb, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/;
const FLOW: PickerStep[] = ['services', 'location', 'type', 'day', 'time', 'contact', 'confirmation'];
/** Warn this long before a hold expires (at most a third of its lifetime). */
const WARN_MS = 120_000;

type Field = 'name' | 'email' | 'phone' | 'consent';
interface Proof {
  challenge: string;
  nonce: string;
  signature: string;
}

/** Yields to the event loop without the 4 ms clamp of nested timers (input still runs between slices). */
const yieldToMain = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

const monthOf = (date: string) => date.slice(0, 7);
const lastOfMonth = (month: string) => addCalendarDays(addCalendarMonths(`${month}-01`, 1), -1);
/** ISO weekday (1 = Monday) of a calendar date. */
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * @summary Books an appointment at the town's offices: services, location, type, day, time, a
 * held slot with a visible countdown, contact details and confirmation; manages a booking from its
 * link; offers a waiting list when nothing is free.
 *
 * @slot - Fallback content (e.g. a phone number), shown while loading and when the booking cannot
 *   be loaded. Hidden once the picker works.
 *
 * @event civic-step-change - `{ step }` the visible step changed.
 * @event civic-hold-expired - `{ start, locationId }` a slot hold ran out.
 * @event civic-booking-confirmed - `{ reference, start, serviceIds, locationId }` a booking was made.
 * @event civic-booking-cancelled - `{ reference }` a booking was cancelled.
 *
 * @csspart base - The root element.
 * @csspart progress - "Step n of 7".
 * @csspart step - The section of the current step.
 * @csspart heading - The step's heading.
 * @csspart error - An error message with its retry button.
 * @csspart fallback - The wrapper around the fallback slot.
 * @csspart search - The service search field.
 * @csspart service - One service of the catalogue.
 * @csspart location - One location choice.
 * @csspart type - One appointment type choice.
 * @csspart calendar - The month grid of days.
 * @csspart day - One day cell.
 * @csspart times - The slot lists of a day.
 * @csspart slot - One time button.
 * @csspart hold - The reservation box with the countdown.
 * @csspart form - The contact or waiting-list form.
 * @csspart summary - The appointment summary.
 * @csspart button - Every button.
 * @csspart primary - The main button of a step.
 *
 * @cssproperty --civic-color-primary - Buttons, selected day.
 * @cssproperty --civic-color-border - Fields and day cells.
 * @cssproperty --civic-color-warning-surface - The hold warning.
 * @cssproperty --civic-color-danger - Field errors.
 * @cssproperty --civic-space-md - Spacing between blocks.
 */
export class CivicAppointmentPicker extends CivicElement {
  static override styles = styles;
  static override localizeNamespace = 'appointment';

  /** Preselected services, `id[,id]` (also `?civic-service=<id>` in the page URL). */
  @property() service?: string;
  /** Preselected location id. */
  @property() location?: string;
  /** Preselected appointment type (`in_person`, `phone`, `video`). */
  @property() type?: AppointmentType;
  /** Booking id of the manage view (else from `#civic-booking=<id>.<token>`). */
  @property() booking?: string;
  /** Manage token of `booking`. */
  @property() token?: string;
  /** Link of the town's privacy notice, shown next to the consent. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** Shows at most this many months ahead (the API's horizon applies anyway). */
  @property({ type: Number }) months?: number;
  /** Time source of the hold countdown (tests inject a manual clock). */
  @property({ attribute: false }) clock: PickerClock = systemClock;
  /** How the API client waits (backoff, timeouts); tests inject one that never waits on real time. */
  @property({ attribute: false }) sleep?: Sleep;

  @state() step: PickerStep = 'loading';
  @state() private services: Service[] = [];
  @state() private locations: Location[] = [];
  @state() private query = '';
  @state() private selected = new Map<string, number>();
  /** Chosen location id; '' = any location. */
  @state() private locationId?: string;
  @state() private chosenType?: AppointmentType;
  @state() private month = '';
  @state() private horizon?: { from: string; to: string };
  @state() private slotsByDay = new Map<string, Slot[]>();
  @state() private nextAvailable?: string;
  @state() private zone?: string;
  @state() private day?: string;
  @state() private alternatives?: Slot[];
  @state() private hold?: Hold;
  @state() private heldSlot?: Slot;
  @state() private remainingMs = 0;
  @state() private warned = false;
  @state() private error?: unknown;
  @state() private busy = false;
  @state() private notice = '';
  @state() private contact = { name: '', email: '', phone: '', note: '', consent: false };
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private limit?: number;
  @state() private confirmation?: BookingConfirmation;
  @state() private managed?: Booking;
  @state() private askCancel = false;
  @state() private rescheduling?: Booking;
  @state() private waitEmail = '';
  @state() private waitConsent = false;
  @state() private waitDone?: { from: string; to: string };
  @state() private stepInvalid = '';

  private readonly announcer = new AnnouncerController(this);
  private readonly grid = new GridNavigationController(this, {
    cells: () => [...(this.renderRoot.querySelectorAll?.('td[data-date]') ?? [])] as HTMLElement[],
    showMonth: (date) => this.showMonth(monthOf(date)),
  });
  private retryAction?: () => void;
  private loadedMonths = new Set<string>();
  private proof?: Promise<Proof & { expiresAt: number }>;
  private proofAbort?: AbortController;
  private timer?: unknown;
  private bookingKey?: string;
  private manageAuth?: { id: string; token: string };
  private focusHeading = false;

  private get t() {
    return this.localize.t;
  }

  private get api() {
    return clientFor(this, { lang: this.localize.requestLang, ...(this.sleep && { sleep: this.sleep }) });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    if (this.step === 'loading') void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    this.stopTimer();
    this.proofAbort?.abort();
    this.releaseHold();
  }

  /**
   * The citizen leaves the page (navigation, closed tab): the held slot is released for others. A
   * page restored from the back/forward cache shows the day's times again; the typed contact stays.
   */
  private onPageHide = (): void => {
    if (!this.hold) return;
    this.releaseHold();
    this.go('time', false);
  };

  protected override languageChanged(): void {
    // Service and location names come from the server in the page's language.
    if (this.services.length) void this.loadCatalogue().catch(() => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('step')) {
      this.emit('civic-step-change', { step: this.step });
      if (this.focusHeading) {
        this.focusHeading = false;
        this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      }
    }
  }

  // ------------------------------------------------------------------ flow

  private go(step: PickerStep, focus = true): void {
    this.error = undefined;
    this.stepInvalid = '';
    this.focusHeading = focus;
    this.step = step;
  }

  /** Runs an action; on failure keeps the step and shows the error with a retry of `again`. */
  private async run(action: () => Promise<void>, again: () => void = () => void this.run(action)): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      await action();
    } catch (e) {
      if (isAbortError(e)) return;
      this.error = e;
      this.retryAction = again;
      this.announcer.announce(errorMessage(this.t, e), { assertive: true });
    } finally {
      this.busy = false;
    }
  }

  private async loadCatalogue(): Promise<void> {
    const [services, locations] = await Promise.all([
      this.api.request('GET', '/v1/services', { check: checks.services }),
      this.api.request('GET', '/v1/locations', { check: checks.locations }),
    ]);
    this.services = services.items;
    this.locations = locations.items;
  }

  private async start(): Promise<void> {
    this.step = 'loading';
    try {
      await this.loadCatalogue();
    } catch (e) {
      this.error = e;
      this.retryAction = () => void this.start();
      this.step = 'error';
      return;
    }
    this.error = undefined;
    const manage = this.manageFromPage();
    if (manage) {
      await this.openManage(manage.id, manage.token, false);
      return;
    }
    this.preselect();
  }

  private manageFromPage(): { id: string; token: string } | undefined {
    if (this.booking && this.token) return { id: this.booking, token: this.token };
    const m = /[#&]civic-booking=([^.&]+)\.([^&]+)/.exec(window.location.hash);
    return m ? { id: decodeURIComponent(m[1]!), token: decodeURIComponent(m[2]!) } : undefined;
  }

  private preselect(): void {
    const fromUrl = new URLSearchParams(window.location.search).get('civic-service');
    const ids = (this.service ?? fromUrl ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const found = ids.filter((id) => this.services.some((s) => s.id === id));
    this.selected = new Map(found.map((id) => [id, 1]));
    if (found.length) this.afterServices(false);
    else this.go('services', false);
  }

  /** Locations offering every selected service. */
  private get candidates(): Location[] {
    const ids = [...this.selected.keys()];
    return this.locations.filter((l) => ids.every((id) => l.services.includes(id)));
  }

  /** Types offered by the chosen location(s) and at least one selected service. */
  private get types(): AppointmentType[] {
    const locs = this.locationId ? this.candidates.filter((l) => l.id === this.locationId) : this.candidates;
    const offered = new Set(locs.flatMap((l) => l.appointmentTypes));
    const wanted = new Set(this.services.filter((s) => this.selected.has(s.id)).flatMap((s) => s.appointmentTypes));
    return (['in_person', 'phone', 'video'] as const).filter((t) => offered.has(t) && wanted.has(t));
  }

  private afterServices(focus = true): void {
    // The proof of work for the hold starts now, in small slices, while the citizen chooses.
    this.prepareProof();
    const preset = this.location;
    if (preset && this.candidates.some((l) => l.id === preset)) {
      this.locationId = preset;
      this.afterLocation(focus);
    } else {
      this.go('location', focus);
    }
  }

  private afterLocation(focus = true): void {
    const types = this.types;
    if (this.type && types.includes(this.type)) this.chosenType = this.type;
    else if (types.length === 1) this.chosenType = types[0];
    else {
      this.chosenType = undefined;
      this.go('type', focus);
      return;
    }
    this.openDays(focus);
  }

  private openDays(focus = true): void {
    this.slotsByDay = new Map();
    this.loadedMonths = new Set();
    this.horizon = undefined;
    this.nextAvailable = undefined;
    this.day = undefined;
    this.go('day', focus);
    this.prepareProof();
    void this.run(() => this.loadFirstMonth(focus));
  }

  private query4(from?: string, to?: string) {
    return {
      services: servicesParam(this.selected),
      location: this.locationId || undefined,
      type: this.chosenType,
      from,
      to,
    };
  }

  private async loadFirstMonth(focus: boolean): Promise<void> {
    const a = await this.api.request('GET', '/v1/availability', { query: this.query4(), check: checks.availability });
    const { from } = a.horizon;
    let { to } = a.horizon;
    if (this.months) {
      const limit = addCalendarDays(addCalendarMonths(from, this.months), -1);
      if (limit < to) to = limit;
    }
    this.horizon = { from, to };
    this.zone = a.timeZone;
    this.month = monthOf(from);
    this.store(a.days, a.nextAvailable);
    this.loadedMonths.add(this.month);
    const any = a.days.some((d) => d.slots.length > 0) || (a.nextAvailable && a.nextAvailable <= to);
    if (!any || a.days.length === 0) this.go('waitlist', focus);
  }

  private store(days: { date: string; slots: Slot[] }[], next?: string): void {
    const map = new Map(this.slotsByDay);
    for (const d of days) map.set(d.date, d.slots);
    this.slotsByDay = map;
    if (next && (!this.nextAvailable || next < this.nextAvailable || !this.firstFree())) this.nextAvailable = next;
  }

  private async showMonth(month: string): Promise<boolean> {
    const h = this.horizon;
    if (!h || month < monthOf(h.from) || month > monthOf(h.to)) return false;
    this.month = month;
    if (!this.loadedMonths.has(month)) {
      await this.run(async () => {
        const from = `${month}-01` < h.from ? h.from : `${month}-01`;
        const last = lastOfMonth(month);
        const a = await this.api.request('GET', '/v1/availability', {
          query: this.query4(from, last > h.to ? h.to : last),
          check: checks.availability,
        });
        this.store(a.days, a.nextAvailable);
        this.loadedMonths.add(month);
      }, () => void this.showMonth(month));
    }
    return true;
  }

  /** The first day with free slots that is known (loaded or announced by the API). */
  private firstFree(): string | undefined {
    const free = [...this.slotsByDay].filter(([, s]) => s.length > 0).map(([d]) => d).sort();
    return free[0] ?? this.nextAvailable;
  }

  private prepareProof(): void {
    if (this.proof) return;
    this.proofAbort = new AbortController();
    const signal = this.proofAbort.signal;
    const pending = (async () => {
      // Loaded on demand: a page that only shows the picker's first step does not pay for SHA-256.
      const [ch, { solvePow }] = await Promise.all([
        this.api.request('GET', '/v1/antibot/challenge', { check: checks.challenge, signal }),
        import('@civic-elements/core/antibot'),
      ]);
      // Small slices on the main thread while the citizen looks at days (no Worker: see DESIGN.md).
      const nonce = await solvePow(ch.challenge, ch.difficulty, { signal, sliceMs: 4, yieldToMain });
      return { challenge: ch.challenge, nonce: String(nonce), signature: ch.signature, expiresAt: Date.parse(ch.expiresAt) };
    })();
    pending.catch(() => {
      if (this.proof === pending) this.proof = undefined;
    });
    this.proof = pending;
  }

  private chooseDay(date: string): void {
    if (!(this.slotsByDay.get(date)?.length)) return;
    this.day = date;
    this.alternatives = undefined;
    this.go('time');
  }

  private zoneOf(slot: Slot): string {
    return this.zone ?? this.locations.find((l) => l.id === slot.location)?.timeZone ?? 'Europe/Berlin';
  }

  private async holdSlot(slot: Slot, fresh = false): Promise<void> {
    if (this.busy) return;
    await this.run(
      async () => {
        this.prepareProof();
        let { expiresAt, ...proof } = await this.proof!;
        if (expiresAt - this.clock.now() < 10_000) {
          // The challenge ran out while the citizen was busy elsewhere: solve a new one.
          this.proof = undefined;
          this.prepareProof();
          ({ expiresAt, ...proof } = await this.proof!);
        }
        // A proof is good for one hold: the next attempt solves a new one.
        this.proof = undefined;
        try {
          const hold = await this.api.request('POST', '/v1/holds', {
            body: {
              location: slot.location,
              services: [...this.selected].map(([id, qty]) => ({ id, qty })),
              start: slot.start,
              type: this.chosenType ?? 'in_person',
              proof,
            },
            idempotencyKey: true,
            check: checks.hold,
          });
          this.alternatives = undefined;
          this.heldSlot = slot;
          this.bookingKey = undefined;
          this.limit = undefined;
          this.startHold(hold);
          this.go('contact');
        } catch (e) {
          this.prepareProof();
          if (e instanceof CivicApiError && e.code === 'proof_invalid' && !fresh) {
            this.busy = false;
            return this.holdSlot(slot, true);
          }
          if (e instanceof CivicApiError && e.code === 'slot_taken') {
            const alt = Array.isArray(e.problem?.['alternatives']) ? (e.problem['alternatives'] as Slot[]) : [];
            this.alternatives = alt.filter((s) => typeof s?.start === 'string' && typeof s.location === 'string');
            this.day = localDate(slot.start);
            this.go('time');
            this.announcer.announce(this.t('time.taken'), { assertive: true });
            return;
          }
          throw e;
        }
      },
      () => void this.holdSlot(slot),
    );
  }

  private startHold(hold: Hold): void {
    this.hold = hold;
    this.warned = false;
    this.warnAt = Math.min(WARN_MS, (Date.parse(hold.expiresAt) - this.clock.now()) / 3);
    this.tick();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick = (): void => {
    this.stopTimer();
    const hold = this.hold;
    if (!hold) return;
    const remaining = Date.parse(hold.expiresAt) - this.clock.now();
    this.remainingMs = remaining;
    if (remaining <= 0) {
      this.expire();
      return;
    }
    if (!this.warned && remaining <= this.warnAt) {
      this.warned = true;
      this.announcer.announce(this.t('hold.warning'), { assertive: true });
    }
    const toWarning = this.warned ? Infinity : remaining - this.warnAt;
    this.timer = this.clock.setTimeout(this.tick, Math.max(1, Math.min(1000, remaining, toWarning)));
  };

  private warnAt = WARN_MS;

  private expire(): void {
    const hold = this.hold;
    this.hold = undefined;
    this.stopTimer();
    if (!hold) return;
    this.emit('civic-hold-expired', { start: hold.start, locationId: hold.location });
    this.go('expired');
  }

  private async extend(): Promise<void> {
    const hold = this.hold;
    if (!hold) return;
    await this.run(async () => {
      const ext = await this.api.request('POST', '/v1/holds/{holdId}/extend', {
        params: { holdId: hold.holdId },
        idempotent: true,
        check: checks.extension,
      });
      this.startHold({ ...hold, ...ext });
      this.announcer.announce(this.t('hold.extended'));
    });
  }

  private releaseHold(): void {
    const hold = this.hold;
    this.hold = undefined;
    this.stopTimer();
    // keepalive: the release still reaches the server while the page unloads.
    if (hold) {
      void this.api
        .request('DELETE', '/v1/holds/{holdId}', { params: { holdId: hold.holdId }, keepalive: true })
        .catch(() => undefined);
    }
  }

  // ------------------------------------------------------------------ contact and booking

  private validate(field: Field): string | undefined {
    const { name, email, phone, consent } = this.contact;
    const phoneNeeded = this.chosenType === 'phone';
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
    this.fieldErrors = { ...this.fieldErrors, [field]: this.validate(field) };
  }

  private async book(): Promise<void> {
    if (this.busy) return;
    const fields: Field[] = ['name', 'email', 'phone', 'consent'];
    const errors = Object.fromEntries(fields.map((f) => [f, this.validate(f)])) as Partial<Record<Field, string>>;
    this.fieldErrors = errors;
    const first = fields.find((f) => errors[f]);
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#f-${first}`)?.focus();
      return;
    }
    const hold = this.hold;
    if (!hold) return;
    // One key per submission: a double click or a retry repeats it, so only one booking is made.
    const key = (this.bookingKey ??= newIdempotencyKey());
    const { name, email, phone, note } = this.contact;
    this.limit = undefined;
    await this.run(async () => {
      try {
        const booked = await this.api.request('POST', '/v1/bookings', {
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
        this.hold = undefined;
        this.stopTimer();
        this.confirmation = booked;
        this.go('confirmation');
        this.emit('civic-booking-confirmed', {
          reference: booked.reference,
          start: booked.start,
          serviceIds: booked.services.map((s) => s.id),
          locationId: booked.location,
        });
      } catch (e) {
        if (e instanceof CivicApiError && e.code === 'booking_limit_reached') {
          this.limit = typeof e.problem?.['limit'] === 'number' ? (e.problem['limit'] as number) : 0;
          this.bookingKey = undefined;
          this.announcer.announce(this.t('contact.limit', { count: this.limit }), { assertive: true });
          return;
        }
        if (e instanceof CivicApiError && e.code === 'hold_expired') {
          this.expire();
          return;
        }
        throw e;
      }
    }, () => void this.book());
  }

  private async downloadIcs(id: string, token: string, reference: string): Promise<void> {
    await this.run(async () => {
      const blob = await this.api.download('/v1/bookings/{bookingId}/ics', {
        params: { bookingId: id },
        token,
        accept: 'text/calendar',
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `termin-${reference}.ics`;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  }

  private manageLink(id: string, token: string): string {
    const page = window.location.href.replace(/#.*$/, '');
    return `${page}#civic-booking=${encodeURIComponent(id)}.${encodeURIComponent(token)}`;
  }

  // ------------------------------------------------------------------ manage

  private async openManage(id: string, token: string, focus = true): Promise<void> {
    this.manageAuth = { id, token };
    this.managed = undefined;
    this.askCancel = false;
    this.notice = '';
    this.go('manage', focus);
    await this.run(async () => {
      this.managed = await this.api.request('GET', '/v1/bookings/{bookingId}', {
        params: { bookingId: id },
        token,
        check: checks.booking,
      });
    }, () => void this.openManage(id, token));
  }

  private async cancelBooking(): Promise<void> {
    const auth = this.manageAuth;
    const booking = this.managed;
    if (!auth || !booking) return;
    await this.run(async () => {
      await this.api.request('DELETE', '/v1/bookings/{bookingId}', { params: { bookingId: auth.id }, token: auth.token });
      this.managed = { ...booking, status: 'cancelled' };
      this.go('cancelled');
      this.emit('civic-booking-cancelled', { reference: booking.reference });
    });
  }

  private startReschedule(): void {
    const b = this.managed;
    if (!b) return;
    this.rescheduling = b;
    this.selected = new Map(b.services.map((s) => [s.id, s.qty]));
    this.locationId = b.location;
    this.chosenType = b.type;
    this.openDays();
  }

  private async confirmReschedule(): Promise<void> {
    const auth = this.manageAuth;
    const hold = this.hold;
    if (!auth || !hold || this.busy) return;
    await this.run(async () => {
      this.managed = await this.api.request('PATCH', '/v1/bookings/{bookingId}', {
        params: { bookingId: auth.id },
        token: auth.token,
        body: { holdId: hold.holdId },
        idempotent: true,
        check: checks.booking,
      });
      this.hold = undefined;
      this.stopTimer();
      this.rescheduling = undefined;
      this.notice = this.t('manage.rescheduledHeading');
      this.go('manage');
    });
  }

  // ------------------------------------------------------------------ waiting list

  private async joinWaitlist(event: Event): Promise<void> {
    event.preventDefault();
    const emailError = EMAIL.test(this.waitEmail.trim()) ? undefined : this.t('contact.errors.email');
    const consentError = this.waitConsent ? undefined : this.t('contact.errors.consent');
    this.fieldErrors = { email: emailError, consent: consentError };
    if (emailError || consentError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(emailError ? '#f-email' : '#f-consent')?.focus();
      return;
    }
    const h = this.horizon;
    if (!h || this.busy) return;
    const key = (this.bookingKey ??= newIdempotencyKey());
    await this.run(async () => {
      const entry = await this.api.request('POST', '/v1/waitlist', {
        body: {
          services: [...this.selected].map(([id, qty]) => ({ id, qty })),
          ...(this.locationId ? { location: this.locationId } : {}),
          ...(this.chosenType ? { type: this.chosenType } : {}),
          from: h.from,
          to: addCalendarDays(h.from, 92) < h.to ? addCalendarDays(h.from, 92) : h.to,
          email: this.waitEmail.trim(),
          locale: this.localize.lang,
          consent: true,
        },
        idempotencyKey: key,
        check: checks.waitlist,
      });
      this.bookingKey = undefined;
      this.waitDone = { from: entry.from, to: entry.to };
      this.go('waitlisted');
    }, () => void this.joinWaitlist(new Event('submit')));
  }

  // ------------------------------------------------------------------ rendering helpers

  private fmtDate(date: string, options: Intl.DateTimeFormatOptions = {}): string {
    return this.localize.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', ...options });
  }

  private fmtWhen(start: string, locationId: string): string {
    const tz = this.locations.find((l) => l.id === locationId)?.timeZone ?? this.zone ?? 'Europe/Berlin';
    return this.localize.formatDateTime(start, { timeZone: tz, dateStyle: 'full', timeStyle: 'short' });
  }

  private serviceName(id: string): string {
    return this.services.find((s) => s.id === id)?.name ?? id;
  }

  private locationName(id: string): string {
    return this.locations.find((l) => l.id === id)?.name ?? id;
  }

  private renderError(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    const again = this.retryAction;
    return html`<div part="error" class="error" role="alert">
      <p>${errorMessage(this.t, this.error)}</p>
      ${again ? html`<button part="button" type="button" @click=${again}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  private renderBack(to: () => void): TemplateResult {
    return html`<button part="button" class="link" type="button" @click=${to}>${this.t('back')}</button>`;
  }

  private section(body: TemplateResult, heading: string, progress = true): TemplateResult {
    const index = FLOW.indexOf(this.step === 'expired' ? 'contact' : this.step);
    return html`<section part="step" class="step" aria-labelledby="heading" data-step=${this.step}>
      ${progress && index >= 0 && !this.rescheduling
        ? html`<p part="progress" class="progress">
            ${this.t('progress', { current: index + 1, total: FLOW.length, name: this.t(`steps.${FLOW[index]}`) })}
          </p>`
        : nothing}
      <h2 id="heading" part="heading" tabindex="-1">${heading}</h2>
      ${body} ${this.renderError()}
    </section>`;
  }

  private renderServiceDetails(s: Service): TemplateResult {
    const fee = s.fee ? this.localize.formatCurrency(s.fee.amount, s.fee.currency) : this.t('services.free');
    return html`<ul class="facts">
      <li>${this.t('services.duration', { minutes: s.durationMinutes })}</li>
      <li>${this.t('services.fee', { fee })}</li>
      ${s.requiredDocuments.length
        ? html`<li>${this.t('services.documents', { list: this.localize.formatList(s.requiredDocuments) })}</li>`
        : nothing}
    </ul>`;
  }

  private renderServices(): TemplateResult {
    const q = this.query.trim().toLowerCase();
    const list = this.services.filter(
      (s) => this.selected.has(s.id) || !q || `${s.name} ${s.description}`.toLowerCase().includes(q),
    );
    const toggle = (s: Service, on: boolean) => {
      const next = new Map(this.selected);
      if (on) next.set(s.id, 1);
      else next.delete(s.id);
      this.selected = next;
      this.stepInvalid = '';
    };
    const setQty = (s: Service, e: Event) => {
      const input = e.target as HTMLInputElement;
      const n = Math.min(s.maxQuantity, Math.max(1, Math.round(Number(input.value)) || 1));
      this.selected = new Map(this.selected).set(s.id, n);
      input.value = String(n);
    };
    const next = () => {
      if (this.selected.size === 0) this.stepInvalid = this.t('services.chooseOne');
      else if (this.selected.size > 10) this.stepInvalid = this.t('services.tooMany');
      else return this.afterServices();
      this.renderRoot.querySelector<HTMLElement>('#f-search')?.focus();
    };
    return this.section(
      html`<div class="field">
          <label for="f-search">${this.t('services.search')}</label>
          <span class="hint" id="f-search-hint">${this.t('services.searchHint')}</span>
          <input
            id="f-search"
            part="search"
            type="search"
            autocomplete="off"
            aria-describedby="f-search-hint services-count ${this.stepInvalid ? 'step-invalid' : ''}"
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
        </div>
        <p id="services-count" class="count" role="status">
          ${list.length ? this.t('services.count', { count: list.length }) : this.t('services.noMatch', { q: this.query })}
        </p>
        <ul class="choices" aria-label=${this.t('steps.services')}>
          ${list.map((s) => {
            const qty = this.selected.get(s.id);
            return html`<li part="service" class="choice">
              <input
                type="checkbox"
                id="s-${s.id}"
                .checked=${qty !== undefined}
                aria-describedby="d-${s.id}"
                @change=${(e: Event) => toggle(s, (e.target as HTMLInputElement).checked)}
              />
              <div>
                <label for="s-${s.id}" class="name">${s.name}</label>
                <div id="d-${s.id}">${s.description ? html`<p>${s.description}</p>` : nothing}${this.renderServiceDetails(s)}</div>
                ${qty !== undefined && s.maxQuantity > 1
                  ? html`<label class="qty"
                      >${this.t('services.quantity', { name: s.name })}
                      <span class="hint">(${this.t('services.quantityHint', { max: s.maxQuantity })})</span>
                      <input type="number" inputmode="numeric" min="1" max=${s.maxQuantity} .value=${String(qty)} @change=${(e: Event) => setQty(s, e)}
                    /></label>`
                  : nothing}
              </div>
            </li>`;
          })}
        </ul>
        ${this.stepInvalid ? html`<p id="step-invalid" class="invalid" role="alert">${this.stepInvalid}</p>` : nothing}
        <p class="selected">${this.t('services.selected', { count: this.selected.size })}</p>
        <div class="actions">
          <button part="button primary" class="primary" type="button" @click=${next}>${this.t('next')}</button>
        </div>`,
      this.t('services.heading'),
    );
  }

  private renderHours(l: Location): TemplateResult {
    const byDay = new Map<number, string[]>();
    for (const h of l.openingHours) {
      byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), this.t('hoursRange', { opens: h.opens, closes: h.closes })]);
    }
    const today = new Date(this.clock.now()).toISOString().slice(0, 10);
    const exceptions = l.exceptions.filter((e) => e.date >= today).slice(0, 6);
    return html`<details>
      <summary>${this.t('location.hours')}</summary>
      <dl class="hours">
        ${[...byDay].sort(([a], [b]) => a - b).map(
          ([d, ranges]) => html`<dt>${this.t(`weekdays.${d}`)}</dt><dd>${this.localize.formatList(ranges, { type: 'unit' })}</dd>`,
        )}
      </dl>
      ${exceptions.length
        ? html`<ul class="exceptions">
            ${exceptions.map((e) => {
              const date = this.fmtDate(e.date, { dateStyle: 'full' });
              const text = e.closed
                ? this.t('location.closedOn', { date })
                : this.t('location.specialOn', { date, opens: (e as { opens?: string }).opens, closes: (e as { closes?: string }).closes });
              return html`<li>${text}${e.reason ? ` (${e.reason})` : ''}</li>`;
            })}
          </ul>`
        : nothing}
    </details>`;
  }

  private renderLocations(): TemplateResult {
    const list = this.candidates;
    const choose = (id: string) => {
      this.locationId = id;
      this.stepInvalid = '';
    };
    const next = () => {
      if (this.locationId === undefined) {
        this.stepInvalid = this.t('location.chooseOne');
        this.renderRoot.querySelector<HTMLElement>('input[name="location"]')?.focus();
        return;
      }
      this.afterLocation();
    };
    const typesOf = (l: Location) => this.localize.formatList(l.appointmentTypes.map((t) => this.t(`types.${t}`)));
    return this.section(
      html`${list.length === 0
          ? html`<p class="invalid">${this.t('location.none')}</p>`
          : html`<fieldset aria-describedby=${this.stepInvalid ? 'step-invalid' : nothing}>
              <legend class="visually-hidden">${this.t('steps.location')}</legend>
              ${list.length > 1
                ? html`<div part="location" class="choice">
                    <input type="radio" name="location" id="l-any" .checked=${this.locationId === ''} @change=${() => choose('')} aria-describedby="l-any-hint" />
                    <div>
                      <label for="l-any" class="name">${this.t('location.any')}</label>
                      <p id="l-any-hint">${this.t('location.anyHint')}</p>
                    </div>
                  </div>`
                : nothing}
              ${list.map(
                (l) => html`<div part="location" class="choice">
                  <input
                    type="radio"
                    name="location"
                    id="l-${l.id}"
                    .checked=${this.locationId === l.id}
                    aria-describedby="la-${l.id}"
                    @change=${() => choose(l.id)}
                  />
                  <div>
                    <label for="l-${l.id}" class="name">${l.name}</label>
                    <p id="la-${l.id}">${l.address.street}, ${l.address.postalCode} ${l.address.city}</p>
                    <p>${this.t('location.types', { list: typesOf(l) })}</p>
                    ${this.renderHours(l)}
                    <details>
                      <summary>${this.t('location.accessibility')}</summary>
                      ${l.accessibility.stepFree === undefined
                        ? nothing
                        : html`<p>${this.t(l.accessibility.stepFree ? 'location.stepFree' : 'location.notStepFree')}</p>`}
                      ${l.accessibility.notes ? html`<p>${l.accessibility.notes}</p>` : nothing}
                    </details>
                  </div>
                </div>`,
              )}
            </fieldset>`}
        ${this.stepInvalid ? html`<p id="step-invalid" class="invalid" role="alert">${this.stepInvalid}</p>` : nothing}
        <div class="actions">
          ${this.renderBack(() => this.go('services'))}
          ${list.length ? html`<button part="button primary" class="primary" type="button" @click=${next}>${this.t('next')}</button>` : nothing}
        </div>`,
      this.t('location.heading'),
    );
  }

  private renderTypes(): TemplateResult {
    return this.section(
      html`<fieldset>
          <legend class="visually-hidden">${this.t('steps.type')}</legend>
          ${this.types.map(
            (t) => html`<div part="type" class="choice">
              <input type="radio" name="type" id="t-${t}" .checked=${this.chosenType === t} aria-describedby="th-${t}" @change=${() => (this.chosenType = t)} />
              <div>
                <label for="t-${t}" class="name">${this.t(`types.${t}`)}</label>
                <p id="th-${t}">${this.t(`typeHints.${t}`)}</p>
              </div>
            </div>`,
          )}
        </fieldset>
        <div class="actions">
          ${this.renderBack(() => this.go('location'))}
          <button part="button primary" class="primary" type="button" ?disabled=${!this.chosenType} @click=${() => this.openDays()}>${this.t('next')}</button>
        </div>`,
      this.t('type.heading'),
    );
  }

  private renderCalendar(): TemplateResult {
    const h = this.horizon;
    if (!h) return html`<p role="status">${this.t('loading')}</p>`;
    const month = this.month;
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
    const freeInMonth = days.some((d) => d && this.slotsByDay.get(d)?.length);
    const nextFree = this.firstFree();
    const activate = (e: KeyboardEvent, d: string) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.chooseDay(d);
      }
    };
    return html`<div class="month-nav">
        <button part="button" type="button" ?disabled=${month <= monthOf(h.from)} @click=${() => void this.showMonth(addCalendarMonths(first, -1).slice(0, 7))}>
          <span aria-hidden="true">‹</span> ${this.t('day.previousMonth')}
        </button>
        <h3 id="month" aria-live="polite">${monthLabel}</h3>
        <button part="button" type="button" ?disabled=${month >= monthOf(h.to)} @click=${() => void this.showMonth(addCalendarMonths(first, 1).slice(0, 7))}>
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
                const n = this.slotsByDay.get(d)?.length ?? 0;
                const inRange = d >= h.from && d <= h.to;
                return html`<td
                  part="day"
                  data-date=${d}
                  class=${n && inRange ? 'free' : 'full'}
                  aria-selected=${this.day === d ? 'true' : 'false'}
                  aria-disabled=${n && inRange ? 'false' : 'true'}
                  @click=${() => this.chooseDay(d)}
                  @keydown=${(e: KeyboardEvent) => activate(e, d)}
                >
                  <span aria-hidden="true">${Number(d.slice(8))}</span>
                  <span class="mark" aria-hidden="true">${n && inRange ? '●' : ''}</span>
                  <span class="visually-hidden">${this.fmtDate(d, { dateStyle: 'full' })},
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
            ${this.t('day.nextFree', { date: this.fmtDate(nextFree, { dateStyle: 'full' }) })}
          </button>`
        : nothing}`;
  }

  private renderDay(): TemplateResult {
    const back = () => {
      if (this.rescheduling) {
        this.rescheduling = undefined;
        this.go('manage');
      } else this.go(this.types.length > 1 ? 'type' : 'location');
    };
    return this.section(
      html`${this.renderCalendar()}
        <div class="actions">${this.renderBack(back)}</div>`,
      this.t('day.heading'),
    );
  }

  private renderSlot(slot: Slot, withDate = false): TemplateResult {
    const zone = this.zoneOf(slot);
    const time = this.t('time.slot', { time: this.localize.formatTime(slot.start, { timeZone: zone }) });
    const date = withDate ? `${this.localize.formatDate(slot.start, { timeZone: zone, dateStyle: 'full' })}, ` : '';
    const where = !this.locationId ? ` ${this.t('time.at', { location: this.locationName(slot.location) })}` : '';
    return html`<li>
      <button part="button slot" type="button" class="slot" ?disabled=${this.busy} @click=${() => void this.holdSlot(slot)}>
        ${date}${time}${where}
      </button>
    </li>`;
  }

  private renderTime(): TemplateResult {
    const slots = (this.day && this.slotsByDay.get(this.day)) || [];
    const morning = slots.filter((s) => localHour(s.start) < 12);
    const afternoon = slots.filter((s) => localHour(s.start) >= 12);
    const group = (id: string, label: string, list: Slot[]) =>
      list.length
        ? html`<h3 id=${id}>${label}</h3>
            <ul class="slots" aria-labelledby=${id}>${list.map((s) => this.renderSlot(s))}</ul>`
        : nothing;
    const zone = slots[0] ? this.zoneOf(slots[0]) : this.zone;
    return this.section(
      html`${this.alternatives
          ? html`<div class="notice" part="alternatives">
              <p>${this.t('time.taken')}</p>
              ${this.alternatives.length
                ? html`<p id="alt">${this.t('time.alternatives')}</p>
                    <ul class="slots" aria-labelledby="alt">${this.alternatives.map((s) => this.renderSlot(s, true))}</ul>`
                : html`<p>${this.t('time.noAlternatives')}</p>`}
            </div>`
          : nothing}
        ${this.day ? html`<p class="date">${this.fmtDate(this.day, { dateStyle: 'full' })}</p>` : nothing}
        <div part="times">
          ${group('morning', this.t('time.morning'), morning)} ${group('afternoon', this.t('time.afternoon'), afternoon)}
        </div>
        ${zone ? html`<p class="hint">${this.t('time.timeZone', { zone })}</p>` : nothing}
        ${this.busy ? html`<p role="status">${this.t('time.holding')}</p>` : nothing}
        <div class="actions">${this.renderBack(() => this.go('day'))}</div>`,
      this.t('time.heading'),
    );
  }

  private renderSummary(start: string, locationId: string, services: { id: string; qty: number }[], type: string, reference?: string): TemplateResult {
    const l = this.locations.find((x) => x.id === locationId);
    return html`<dl part="summary" class="summary">
      ${reference ? html`<dt>${this.t('summary.reference')}</dt><dd class="reference">${reference}</dd>` : nothing}
      <dt>${this.t('summary.services')}</dt>
      <dd>
        <ul>
          ${services.map((s) => html`<li>${s.qty > 1 ? this.t('summary.quantity', { count: s.qty, name: this.serviceName(s.id) }) : this.serviceName(s.id)}</li>`)}
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
    const hold = this.hold;
    if (!hold) return html``;
    const s = Math.max(0, Math.ceil(this.remainingMs / 1000));
    const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    return html`<div part="hold" class="hold ${this.warned ? 'warn' : ''}">
      <p>
        <span role="timer" aria-live="off">${this.t('hold.countdown', { time })}</span>
      </p>
      ${this.warned
        ? html`<p class="warning">${this.t('hold.warning')}</p>
            ${hold.extensionsLeft > 0
              ? html`<button part="button" type="button" class="extend" @click=${() => void this.extend()}>${this.t('hold.extend')}</button>`
              : html`<p>${this.t('hold.noMoreExtensions')}</p>`}`
        : nothing}
    </div>`;
  }

  private field(id: Field, label: string, input: TemplateResult, hint?: string): TemplateResult {
    const error = this.fieldErrors[id];
    return html`<div class="field" part="field">
      <label for="f-${id}">${label}</label>
      ${hint ? html`<span class="hint" id="f-${id}-hint">${hint}</span>` : nothing} ${input}
      ${error ? html`<p class="invalid" id="f-${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private describedBy(id: Field, hint = false): string {
    return [hint ? `f-${id}-hint` : '', this.fieldErrors[id] ? `f-${id}-error` : ''].filter(Boolean).join(' ');
  }

  private renderContact(): TemplateResult {
    const hold = this.hold;
    const c = this.contact;
    const set = (k: keyof typeof c) => (e: Event) => {
      const t = e.target as HTMLInputElement;
      this.contact = { ...this.contact, [k]: k === 'consent' ? t.checked : t.value };
      if (this.fieldErrors[k as Field]) this.checkField(k as Field);
    };
    const leave = () => {
      this.releaseHold();
      this.go('time');
    };
    if (this.rescheduling) {
      return this.section(
        html`${hold ? this.renderSummary(hold.start, hold.location, hold.services, hold.type) : nothing} ${this.renderHold()}
          <div class="actions">
            ${this.renderBack(leave)}
            <button part="button primary" class="primary" type="button" ?disabled=${this.busy} @click=${() => void this.confirmReschedule()}>
              ${this.t('manage.rescheduleConfirm')}
            </button>
          </div>`,
        this.t('hold.heading'),
      );
    }
    const phoneLabel = this.chosenType === 'phone' ? this.t('contact.phoneRequired') : this.t('contact.phone');
    const invalid = (f: Field) => (this.fieldErrors[f] ? 'true' : 'false');
    return this.section(
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
            html`<input id="f-email" name="email" type="email" autocomplete="email" .value=${c.email} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email', true)} @input=${set('email')} @blur=${() => this.checkField('email')} />`,
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
            ${this.privacyUrl ? html`<a href=${this.privacyUrl} target="_blank" rel="noopener">${this.t('contact.privacy')}</a>` : nothing}
            ${this.fieldErrors.consent ? html`<p class="invalid" id="f-consent-error">${this.fieldErrors.consent}</p>` : nothing}
          </div>
          ${this.limit !== undefined ? html`<p class="invalid" role="alert">${this.t('contact.limit', { count: this.limit })}</p>` : nothing}
          <div class="actions">
            ${this.renderBack(leave)}
            <button part="button primary" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${this.busy ? this.t('contact.booking') : this.t('contact.book')}
            </button>
          </div>
        </form>`,
      this.t('hold.heading'),
    );
  }

  private renderExpired(): TemplateResult {
    const slot = this.heldSlot;
    const time = slot ? this.localize.formatTime(slot.start, { timeZone: this.zoneOf(slot) }) : '';
    return this.section(
      html`<p>${this.t('hold.expired', { time })}</p>
        <div class="actions">
          <button part="button" type="button" @click=${() => this.go('day')}>${this.t('hold.other')}</button>
          ${slot ? html`<button part="button primary" class="primary" type="button" @click=${() => void this.holdSlot(slot)}>${this.t('hold.again')}</button>` : nothing}
        </div>`,
      this.t('hold.expiredHeading'),
    );
  }

  private renderConfirmation(): TemplateResult {
    const b = this.confirmation!;
    const docs = [...new Set(b.services.flatMap((s) => this.services.find((x) => x.id === s.id)?.requiredDocuments ?? []))];
    const link = this.manageLink(b.id, b.manageToken);
    return this.section(
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
    const b = this.managed;
    const auth = this.manageAuth;
    if (!b) {
      const notFound = this.error instanceof CivicApiError && (this.error.status === 401 || this.error.status === 404);
      return this.section(
        notFound
          ? html`<p role="alert">${this.t('manage.notFound')}</p>`
          : this.error
            ? html``
            : html`<p role="status">${this.t('manage.loading')}</p>`,
        this.t('manage.heading'),
        false,
      );
    }
    const changeable = b.status === 'confirmed' && Date.parse(b.changeableUntil) > this.clock.now();
    const tz = this.locations.find((l) => l.id === b.location)?.timeZone ?? 'Europe/Berlin';
    return this.section(
      html`${this.notice ? html`<p class="success" role="status">${this.notice}</p>` : nothing}
        ${b.status === 'cancelled' ? html`<p class="invalid">${this.t('manage.cancelled')}</p>` : nothing}
        ${this.renderSummary(b.start, b.location, b.services, b.type, b.reference)}
        ${changeable
          ? html`<p>${this.t('manage.changeableUntil', { date: this.localize.formatDateTime(b.changeableUntil, { timeZone: tz }) })}</p>
              ${this.askCancel
                ? html`<div class="notice" role="group" aria-labelledby="ask">
                    <p id="ask">${this.t('manage.cancelConfirm')}</p>
                    <div class="actions">
                      <button part="button" type="button" @click=${() => (this.askCancel = false)}>${this.t('manage.cancelNo')}</button>
                      <button part="button primary" class="primary danger" type="button" @click=${() => void this.cancelBooking()}>${this.t('manage.cancelYes')}</button>
                    </div>
                  </div>`
                : html`<div class="actions">
                    <button part="button" type="button" @click=${() => this.startReschedule()}>${this.t('manage.reschedule')}</button>
                    <button part="button" type="button" @click=${() => (this.askCancel = true)}>${this.t('manage.cancel')}</button>
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
    const h = this.horizon;
    const until = h ? this.fmtDate(h.to, { dateStyle: 'long' }) : '';
    const invalid = (f: Field) => (this.fieldErrors[f] ? 'true' : 'false');
    return this.section(
      html`<p>${this.t('waitlist.text', { date: until })}</p>
        <form part="form" novalidate @submit=${(e: Event) => void this.joinWaitlist(e)}>
          ${this.field(
            'email',
            this.t('waitlist.email'),
            html`<input id="f-email" type="email" autocomplete="email" .value=${this.waitEmail} aria-invalid=${invalid('email')} aria-describedby=${this.describedBy('email')} @input=${(e: Event) => (this.waitEmail = (e.target as HTMLInputElement).value)} />`,
          )}
          <div class="field consent">
            <input id="f-consent" type="checkbox" .checked=${this.waitConsent} aria-invalid=${invalid('consent')} aria-describedby=${this.describedBy('consent')} @change=${(e: Event) => (this.waitConsent = (e.target as HTMLInputElement).checked)} />
            <label for="f-consent">${this.t('waitlist.consent')}</label>
            ${this.privacyUrl ? html`<a href=${this.privacyUrl} target="_blank" rel="noopener">${this.t('contact.privacy')}</a>` : nothing}
            ${this.fieldErrors.consent ? html`<p class="invalid" id="f-consent-error">${this.fieldErrors.consent}</p>` : nothing}
          </div>
          <div class="actions">
            ${this.renderBack(() => this.go('services'))}
            <button part="button primary" class="primary" type="submit">${this.t('waitlist.submit')}</button>
          </div>
        </form>`,
      this.t('waitlist.heading'),
      false,
    );
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'loading':
        return html`<p role="status" class="loading">${this.t('loading')}</p>
          <div part="fallback"><slot></slot></div>`;
      case 'error':
        return html`<section part="step" aria-labelledby="heading">
          <h2 id="heading" part="heading" tabindex="-1">${this.t('loadError')}</h2>
          ${this.renderError()}
          <div part="fallback"><slot></slot></div>
        </section>`;
      case 'services':
        return this.renderServices();
      case 'location':
        return this.renderLocations();
      case 'type':
        return this.renderTypes();
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
        return this.section(
          html`<p>${this.t('manage.cancelledText', { reference: this.managed?.reference ?? '' })}</p>
            <div class="actions">
              <button part="button" type="button" @click=${() => this.go('services')}>${this.t('manage.newBooking')}</button>
            </div>`,
          this.t('manage.cancelledHeading'),
          false,
        );
      case 'waitlist':
        return this.renderWaitlist();
      case 'waitlisted':
        return this.section(
          html`<p role="status">
            ${this.t('waitlist.done', {
              from: this.fmtDate(this.waitDone?.from ?? ''),
              to: this.fmtDate(this.waitDone?.to ?? ''),
            })}
          </p>`,
          this.t('waitlist.doneHeading'),
          false,
        );
    }
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${this.renderStep()} ${this.announcer.render()}
    </div>`;
  }
}
