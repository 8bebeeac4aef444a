import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  AnnouncerController,
  CivicElement,
  addCalendarDays,
  addCalendarMonths,
  clientFor,
  errorMessage,
  isAbortError,
  registerStrings,
  type Sleep,
} from '@civic-elements/core';
import {
  checks,
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
import type { LaterSteps } from './later-steps.js';
import deFirstSteps from '../locales/de-first-steps.js';

// German: the first steps' texts; the later steps' code registers the rest when it loads. Every other
// language is one file with all texts, loaded when an element needs it.
registerStrings('appointment', {
  de: deFirstSteps,
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

const FLOW: PickerStep[] = ['services', 'location', 'type', 'day', 'time', 'contact', 'confirmation'];
/** A field of the contact or waiting-list form. */
export type Field = 'name' | 'email' | 'phone' | 'consent';

/**
 * The steps whose code loads on demand (later-steps.ts: day … waiting list), with the headings shown
 * while it loads. The picker fetches it when the citizen first turns to it (see `prefetch`).
 */
const LATER: Partial<Record<PickerStep, string>> = {
  day: 'day.heading',
  time: 'time.heading',
  contact: 'hold.heading',
  expired: 'hold.expiredHeading',
  confirmation: 'confirmation.heading',
  manage: 'manage.heading',
  cancelled: 'manage.cancelledHeading',
  waitlist: 'waitlist.heading',
  waitlisted: 'waitlist.doneHeading',
};
const monthOf = (date: string) => date.slice(0, 7);
const lastOfMonth = (month: string) => addCalendarDays(addCalendarMonths(`${month}-01`, 1), -1);

/**
 * @summary Books an appointment at the town's offices: services, location, type, day, time, a
 * held slot with a visible countdown, contact details and confirmation; manages a booking from its
 * link; offers a waiting list when nothing is free.
 *
 * @slot - Fallback content (e.g. a phone number), shown while loading and when the booking cannot
 *   be loaded. Hidden once the picker works.
 *
 * @event {{ step: PickerStep }} civic-step-change - The visible step changed.
 * @event {{ start: string; locationId: string }} civic-hold-expired - The slot hold ran out before the
 *   booking was made.
 * @event {{ reference: string; start: string; serviceIds: string[]; locationId: string }} civic-booking-confirmed -
 *   A booking was made (no personal data).
 * @event {{ reference: string }} civic-booking-cancelled - A booking was cancelled through the manage view.
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

  /**
   * The step on screen: `loading` until the catalogue is in, then the citizen's steps (`services`
   * … `confirmation`) or an end state (`error`, `expired`, `manage`, `cancelled`, `waitlist`,
   * `waitlisted`). Read it (or listen to `civic-step-change`); the picker moves it itself.
   */
  @state() step: PickerStep = 'loading';
  /** @internal */
  @state() services: Service[] = [];
  /** @internal */
  @state() locations: Location[] = [];
  @state() private query = '';
  /** @internal */
  @state() selected = new Map<string, number>();
  /** Chosen location id; '' = any location. */
  /** @internal */
  @state() locationId?: string;
  /** @internal */
  @state() chosenType?: AppointmentType;
  /** @internal */
  @state() month = '';
  /** @internal */
  @state() horizon?: { from: string; to: string };
  /** @internal */
  @state() slotsByDay = new Map<string, Slot[]>();
  @state() private nextAvailable?: string;
  /** @internal */
  @state() zone?: string;
  /** @internal */
  @state() day?: string;
  /** @internal */
  @state() alternatives?: Slot[];
  /** @internal */
  @state() hold?: Hold;
  /** @internal */
  @state() heldSlot?: Slot;
  /** @internal */
  @state() remainingMs = 0;
  /** @internal */
  @state() warned = false;
  /** @internal */
  @state() error?: unknown;
  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() notice = '';
  /** @internal */
  @state() contact = { name: '', email: '', phone: '', note: '', consent: false };
  /** @internal */
  @state() fieldErrors: Partial<Record<Field, string>> = {};
  /** @internal */
  @state() limit?: number;
  /** @internal */
  @state() confirmation?: BookingConfirmation;
  /** @internal */
  @state() managed?: Booking;
  /** @internal */
  @state() askCancel = false;
  /** @internal */
  @state() rescheduling?: Booking;
  /** @internal */
  @state() waitEmail = '';
  /** @internal */
  @state() waitConsent = false;
  /** @internal */
  @state() waitDone?: { from: string; to: string };
  @state() private stepInvalid = '';

  /** @internal */
  readonly announcer = new AnnouncerController(this);
  private retryAction?: () => void;
  private loadedMonths = new Set<string>();
  /** @internal */
  bookingKey?: string;
  /** @internal */
  manageAuth?: { id: string; token: string };
  private focusHeading = false;
  private laterPending?: Promise<LaterSteps>;

  /** The code of the later steps (contact … waiting list), once loaded. */
  @state() private laterSteps?: LaterSteps;

  /**
   * Loads the later steps' module (its own chunk). Test seam: a test or story holds or fails the
   * load to show the step-loading state. @internal
   */
  @property({ attribute: false }) loadLaterSteps: () => Promise<typeof import('./later-steps.js')> = () =>
    import('./later-steps.js');

  /** @internal */
  get t() {
    return this.localize.t;
  }

  /** @internal */
  get api() {
    return clientFor(this, { lang: this.localize.requestLang, ...(this.sleep && { sleep: this.sleep }) });
  }

  constructor() {
    super();
    this.addEventListener('pointerenter', this.prefetch);
    this.addEventListener('focusin', this.prefetch);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    if (this.step === 'loading') void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
  }

  /**
   * The citizen leaves the page (navigation, closed tab): the held slot is released for others. A
   * page restored from the back/forward cache shows the day's times again; the typed contact stays.
   */
  private onPageHide = (): void => {
    if (!this.hold) return;
    this.laterSteps?.holds.release();
    this.go('time', false);
  };

  protected override languageChanged(): void {
    // Service and location names come from the server in the page's language.
    if (this.services.length) void this.loadCatalogue().catch(() => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A later step on screen without its code, none on its way and no error offering a retry (an
    // error of another request replaced the load error): load it again.
    if (LATER[this.step] && !this.laterSteps && !this.laterPending && !this.error) this.needLater();
    if (changed.has('step')) {
      this.emit('civic-step-change', { step: this.step });
      if (this.focusHeading) {
        this.focusHeading = false;
        this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
      }
    }
  }

  // ------------------------------------------------------------------ flow

  /**
   * The citizen turns to the picker (pointer over it, focus inside): the code of the steps from the
   * day on comes now, while they choose services — a page whose citizen never uses the picker does
   * not download it. A failure shows only if it is still missing when such a step opens.
   */
  private prefetch = (): void => {
    this.removeEventListener('pointerenter', this.prefetch);
    this.removeEventListener('focusin', this.prefetch);
    this.later().catch(() => undefined);
  };

  /** The later steps' code; loaded once (again after a failed attempt). */
  private later(): Promise<LaterSteps> {
    return (this.laterPending ??= this.loadLaterSteps().then(
      (m) => (this.laterSteps = new m.LaterSteps(this, this.localize)),
      (e: unknown) => {
        this.laterPending = undefined;
        throw e;
      },
    ));
  }

  /** Makes sure the shown later step has its code (then runs `then`); a failed load offers a retry. */
  private needLater(then?: (later: LaterSteps) => unknown): void {
    this.later().then(then, () => {
      // A chunk that does not arrive is a connection problem for the citizen.
      this.fail({ code: 'network' }, () => this.needLater(then));
    });
  }

  /**
   * Shows `e` with a retry of `again`. A second failure while the first is still shown (the step's
   * code and its availability both failed) joins its retry to the shown one: one click redoes every
   * failed request, so none is forgotten behind the message of the other.
   */
  private fail(e: unknown, again: () => void): void {
    const earlier = this.error !== undefined ? this.retryAction : undefined;
    this.error = e;
    this.retryAction = earlier
      ? () => {
          this.error = undefined;
          earlier();
          again();
        }
      : () => {
          this.error = undefined;
          again();
        };
    this.announcer.announce(errorMessage(this.t, e), { assertive: true });
  }

  /** @internal */
  go(step: PickerStep, focus = true): void {
    this.error = undefined;
    this.stepInvalid = '';
    this.focusHeading = focus;
    this.step = step;
  }

  /** Runs an action; on failure keeps the step and shows the error with a retry of `again`. */
  /** @internal */
  async run(action: () => Promise<void>, again: () => void = () => void this.run(action)): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      await action();
    } catch (e) {
      if (isAbortError(e)) return;
      this.fail(e, again);
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
      this.go('manage', false);
      this.needLater((later) => later.openManage(manage.id, manage.token, false));
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
  /** @internal */
  get types(): AppointmentType[] {
    const locs = this.locationId ? this.candidates.filter((l) => l.id === this.locationId) : this.candidates;
    const offered = new Set(locs.flatMap((l) => l.appointmentTypes));
    const wanted = new Set(this.services.filter((s) => this.selected.has(s.id)).flatMap((s) => s.appointmentTypes));
    return (['in_person', 'phone', 'video'] as const).filter((t) => offered.has(t) && wanted.has(t));
  }

  private afterServices(focus = true): void {
    // The proof of work for the hold starts now, in small slices, while the citizen chooses.
    this.later().then((later) => later.holds.prepareProof(), () => undefined);
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

  /** @internal */
  openDays(focus = true): void {
    this.slotsByDay = new Map();
    this.loadedMonths = new Set();
    this.horizon = undefined;
    this.nextAvailable = undefined;
    this.day = undefined;
    this.go('day', focus);
    this.needLater((later) => later.holds.prepareProof());
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
    if (!any || a.days.length === 0) {
      this.go('waitlist', focus);
      this.needLater();
    }
  }

  private store(days: { date: string; slots: Slot[] }[], next?: string): void {
    const map = new Map(this.slotsByDay);
    for (const d of days) map.set(d.date, d.slots);
    this.slotsByDay = map;
    if (next && (!this.nextAvailable || next < this.nextAvailable || !this.firstFree())) this.nextAvailable = next;
  }

  /** @internal */
  async showMonth(month: string): Promise<boolean> {
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
  /** @internal */
  firstFree(): string | undefined {
    const free = [...this.slotsByDay].filter(([, s]) => s.length > 0).map(([d]) => d).sort();
    return free[0] ?? this.nextAvailable;
  }

  /** @internal */
  chooseDay(date: string): void {
    if (!(this.slotsByDay.get(date)?.length)) return;
    this.day = date;
    this.alternatives = undefined;
    this.go('time');
  }

  /** @internal */
  zoneOf(slot: Slot): string {
    return this.zone ?? this.locations.find((l) => l.id === slot.location)?.timeZone ?? 'Europe/Berlin';
  }

  // ------------------------------------------------------------------ rendering helpers

  /** @internal */
  fmtDate(date: string, options: Intl.DateTimeFormatOptions = {}): string {
    return this.localize.formatDate(`${date}T12:00:00Z`, { timeZone: 'UTC', ...options });
  }

  /** @internal */
  serviceName(id: string): string {
    return this.services.find((s) => s.id === id)?.name ?? id;
  }

  /** @internal */
  locationName(id: string): string {
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

  /** @internal */
  renderBack(to: () => void): TemplateResult {
    return html`<button part="button" class="link" type="button" @click=${to}>${this.t('back')}</button>`;
  }

  /** @internal */
  section(body: TemplateResult, heading: string, progress = true, loading = false): TemplateResult {
    const index = FLOW.indexOf(this.step === 'expired' ? 'contact' : this.step);
    return html`<section
      part="step"
      class="step"
      aria-labelledby="heading"
      aria-busy=${loading ? 'true' : 'false'}
      data-step=${this.step}
    >
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
      default:
        return this.laterSteps ? this.laterSteps.render(this.step) : this.renderLaterLoading();
    }
  }

  /** A later step whose code is still on its way: its heading, and a status (or the load error). */
  private renderLaterLoading(): TemplateResult {
    return this.section(
      this.error ? html`` : html`<p role="status" class="loading">${this.t('loading')}</p>`,
      this.t(LATER[this.step] ?? 'loading'),
      true,
      true,
    );
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${this.renderStep()} ${this.announcer.render()}
    </div>`;
  }
}
