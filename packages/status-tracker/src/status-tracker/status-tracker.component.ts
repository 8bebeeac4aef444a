import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
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
  type Sleep,
  type SseEvent,
} from '@civic-elements/core';
import {
  caseAccess,
  caseCheck,
  parseBirthdate,
  readMagicLink,
  readRemembered,
  writeRemembered,
  type CaseData,
} from './case-data.js';
import type { CaseView } from './case-view.js';
import { styles } from './status-tracker.styles.js';

declare module '@civic-elements/core' {
  interface CivicEventMap {
    /** A case was opened (after a lookup, a link or from memory). No reference, no personal data. */
    'civic-case-loaded': { statusCode: string };
    /** The open case changed (event stream, polling or refresh). */
    'civic-case-updated': { statusCode: string };
    /** The citizen wants an appointment for this service (pickup). Cancelable: cancel it to stop the link. */
    'civic-request-appointment': { serviceId: string };
  }
}

type View = 'lookup' | 'loading' | 'case' | 'failed';
type Access = { caseId: string; token: string };

/** Test seam: how waits and realtime timers run. Not for pages. @internal */
export interface StatusTrackerTiming {
  sleep?: Sleep;
  clock?: Partial<RealtimeClock>;
}

const isStatus = (e: unknown, ...statuses: number[]) => e instanceof CivicApiError && statuses.includes(e.status ?? 0);

/**
 * @summary Looks up an application (reference + birth date or passcode) and follows its status live,
 * through to booking the pickup appointment.
 *
 * Opens in one of four ways: the lookup form; the `case` + `token` attributes; a magic link whose
 * fragment is `#civic-case=<caseId>&civic-token=<accessToken>` (read once, then removed from the
 * address bar); or a case the citizen chose to remember on this device. Reference and second
 * factor travel only in the POST body. Nothing is stored unless the citizen ticks "remember";
 * then exactly `{caseId, token}` goes to `localStorage["civic-status-tracker"]` until "forget".
 *
 * @slot - Fallback content written by the editor (e.g. a phone number). Shown before the widget
 *   loads, and again whenever the back end cannot be reached (load failure, network or server error).
 *
 * @event {{ statusCode: string }} civic-case-loaded - A case was opened (after a lookup, a link or from
 *   memory). No reference, no personal data.
 * @event {{ statusCode: string }} civic-case-updated - The open case changed (event stream, polling or refresh).
 * @event {{ serviceId: string }} civic-request-appointment - From "Book a pickup appointment" (cancelable; with
 *   `booking-page` the button is a link to `<booking-page>?civic-service=<id>`, canceling stops it).
 *
 * @csspart base - The root box.
 * @csspart form - The lookup form.
 * @csspart input - Each text field of the form.
 * @csspart button - Every button (and button-like link).
 * @csspart error - Error messages.
 * @csspart loading - The loading message.
 * @csspart case - The case overview.
 * @csspart status - The current status block.
 * @csspart steps - The ordered list of steps.
 * @csspart banner - The "paused" / "extended" banner.
 * @csspart actions - The list of actions required.
 * @csspart pickup - The pickup booking button or link.
 * @csspart history - The history list.
 *
 * @cssproperty --civic-color-primary - Buttons and the current step.
 * @cssproperty --civic-color-highlight - Background of a status that just changed.
 * @cssproperty --civic-color-warning-surface - Background of the paused/extended banner.
 * @cssproperty --civic-color-danger - Error text and border.
 */
export class CivicStatusTracker extends CivicElement {
  static override styles = [baseStyles, styles];
  static override localizeNamespace = 'status-tracker';

  /** Which second factor the town uses: `birthdate` or `passcode`. */
  @property({ attribute: 'second-factor' }) secondFactor: 'birthdate' | 'passcode' = 'birthdate';

  /** Opens this case directly (with `token`), e.g. from a page the town generates. */
  @property({ attribute: 'case' }) caseId?: string;

  /** Access token for `case` (from a lookup). */
  @property() token?: string;

  /** Page with `<civic-appointment-picker>`; the pickup action links to `<booking-page>?civic-service=<id>`. */
  @property({ attribute: 'booking-page' }) bookingPage?: string;

  /** @internal */
  @property({ attribute: false }) timing: StatusTrackerTiming = {};

  @state() private view: View = 'lookup';
  @state() private data?: CaseData;
  /** @internal */
  @state() error?: unknown;
  @state() private expired = false;
  /** @internal */
  @state() busy = false;
  @state() private reference = '';
  @state() private factor = '';
  @state() private invalid: { reference?: string; factor?: string } = {};
  /** @internal */
  @state() remembered = false;
  /** @internal */
  @state() changed = false;

  @query('#title') private titleHeading?: HTMLElement;
  @query('#heading') private formHeading?: HTMLElement;

  /** The code of the case overview (its own chunk), once loaded. */
  @state() private caseView?: CaseView;
  @state() private caseViewFailed = false;
  private caseViewPending?: Promise<CaseView>;

  /**
   * Loads the case overview's module. Test seam: a test or story holds or fails the load to show
   * the overview-loading state. @internal
   */
  @property({ attribute: false }) loadCaseView: () => Promise<typeof import('./case-view.js')> = () =>
    import('./case-view.js');

  private access?: Access;
  private load?: AbortController;
  /** @internal */
  readonly announcer = new AnnouncerController(this);

  /** @internal */
  readonly realtime = new RealtimeController(this, {
    autoStart: false,
    open: (lastEventId, signal) =>
      this.client().openStream('/v1/cases/{id}/events', {
        params: { id: this.access!.caseId },
        token: this.access!.token,
        lastEventId,
        signal,
      }),
    onEvent: (event) => this.onStreamEvent(event),
    onCatchUp: () => this.fetchCase('quiet'),
    poll: () => this.fetchCase('quiet'),
    giveUp: (e) => isStatus(e, 401, 403, 404),
    clock: {
      now: () => (this.timing.clock?.now ?? Date.now)(),
      setTimeout: (cb, ms) => (this.timing.clock?.setTimeout ?? globalThis.setTimeout)(cb, ms),
      clearTimeout: (h) => (this.timing.clock?.clearTimeout ?? ((x: unknown) => globalThis.clearTimeout(x as number)))(h),
      random: () => (this.timing.clock?.random ?? Math.random)(),
    },
  });

  private client() {
    return clientFor(this, this.timing.sleep ? { sleep: this.timing.sleep } : {});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      const link = readMagicLink(location.hash);
      if (link) {
        // The token must not stay in the address bar, history or a bookmark.
        history.replaceState(history.state, '', location.pathname + location.search);
      }
      const remembered = readRemembered();
      const start = this.attributeAccess() ?? link ?? remembered;
      if (start) {
        this.remembered = start === remembered;
        this.open(start);
      }
      return;
    }
    if (!changed.has('caseId') && !changed.has('token')) return;
    const access = this.attributeAccess();
    const current = this.access;
    if (access && (access.caseId !== current?.caseId || access.token !== current.token)) this.open(access);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while loading: the load was aborted on removal, so start it again.
    if (this.hasUpdated && this.view === 'loading' && !this.load) void this.fetchCase('initial').catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.load?.abort();
    this.load = undefined;
  }

  protected override languageChanged(): void {
    // Server texts come in the request's language: fetch them again and reopen the stream.
    if (this.view === 'case') {
      this.load?.abort();
      this.load = undefined;
      this.busy = false;
      void this.fetchCase('quiet').catch(() => undefined);
      this.realtime.restart();
    } else if (this.view === 'loading') {
      void this.fetchCase('initial').catch(() => undefined);
    }
  }

  /**
   * Starts loading the case overview's code (once; again after a failure). A failure shows only
   * while a case is open: before, the next attempt comes when one opens.
   */
  private needCaseView(): void {
    if (this.caseView) return;
    this.caseViewPending ??= this.loadCaseView().then(
      (m) => (this.caseView = new m.CaseView(this, this.localize)),
      (e: unknown) => {
        this.caseViewPending = undefined;
        throw e;
      },
    );
    this.caseViewPending.catch(() => {
      if (this.view === 'case') this.caseViewFailed = true;
    });
  }

  private attributeAccess(): Access | undefined {
    return this.caseId && this.token ? { caseId: this.caseId, token: this.token } : undefined;
  }

  // ------------------------------------------------------------------ lookup

  private async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy) return;
    const t = this.localize.t;
    const reference = this.reference.trim();
    const isDate = this.secondFactor !== 'passcode';
    const value = isDate ? parseBirthdate(this.factor) : this.factor.trim();
    const invalid: typeof this.invalid = {};
    if (!reference) invalid.reference = t('required', { field: t('reference') });
    if (!this.factor.trim()) invalid.factor = t('required', { field: t(isDate ? 'birthdate' : 'passcode') });
    else if (!value) invalid.factor = isDate ? t('invalidDate') : t('required', { field: t('passcode') });
    this.invalid = invalid;
    this.error = undefined;
    this.expired = false;
    if (invalid.reference || invalid.factor) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(invalid.reference ? '#reference' : '#factor')?.focus();
      return;
    }
    this.busy = true;
    try {
      const access = await this.client().request('POST', '/v1/cases/lookup', {
        body: { reference, secondFactor: { kind: isDate ? 'birthdate' : 'passcode', value } },
        check: caseAccess,
      });
      this.remembered = false;
      this.open({ caseId: access.caseId, token: access.accessToken });
    } catch (e) {
      if (!isAbortError(e)) this.error = e;
    } finally {
      this.busy = false;
    }
  }

  private lookupMessage(e: unknown): string {
    const t = this.localize.t;
    if (e instanceof CivicApiError && (e.code === 'case_not_found' || e.status === 404)) {
      return t('notFound', { factor: t(this.secondFactor === 'passcode' ? 'passcode' : 'birthdate') });
    }
    return errorMessage(t, e);
  }

  /** Errors another attempt may fix now (not a 429, not a wrong factor): offer "try again". */
  private canRetry(e: unknown): boolean {
    return !(e instanceof CivicApiError) || (e.status !== 429 && e.status !== 404 && e.code !== 'not_configured' && e.code !== 'case_not_found');
  }

  /** Whether the back end is unreachable or broken, so the editor's fallback content helps. */
  private showFallback(e: unknown): boolean {
    return !(e instanceof CivicApiError) || e.status === undefined || e.status >= 500 || e.code === 'malformed_response' || e.code === 'schema_mismatch';
  }

  // ------------------------------------------------------------------ case

  private open(access: Access): void {
    this.access = access;
    this.realtime.stop();
    this.data = undefined;
    this.changed = false;
    this.view = 'loading';
    this.needCaseView();
    void this.fetchCase('initial').catch(() => undefined);
  }

  /**
   * Loads the case. `initial`: its errors become the page's state; `refresh`: a manual refresh
   * (errors shown, the case stays); `quiet`: catch-up and polling (errors go to the controller).
   */
  /** @internal */
  async fetchCase(mode: 'initial' | 'refresh' | 'quiet'): Promise<void> {
    const access = this.access;
    // A catch-up or poll never cancels a load in flight: that one brings the news.
    if (!access || (mode === 'quiet' && this.load)) return;
    this.load?.abort();
    const load = (this.load = new AbortController());
    if (mode !== 'quiet') {
      this.busy = true;
      this.error = undefined;
    }
    try {
      const data = await this.client().request('GET', '/v1/cases/{id}', {
        params: { id: access.caseId },
        token: access.token,
        check: caseCheck,
        signal: load.signal,
      });
      if (access !== this.access) return;
      this.apply(data);
      if (mode === 'refresh' && !this.changed) this.announcer.announce(this.localize.t('refreshed'));
    } catch (e) {
      if (isAbortError(e) || access !== this.access) return;
      if (mode === 'quiet') throw e;
      if (isStatus(e, 401, 403, 404)) {
        this.closeCase(true);
      } else if (mode === 'initial') {
        this.error = e;
        this.view = 'failed';
      } else {
        this.error = e;
      }
    } finally {
      if (load === this.load) this.load = undefined;
      // A newer load owns the busy state; with none left, nothing is busy.
      if (mode !== 'quiet' && !this.load) this.busy = false;
    }
  }

  private onStreamEvent(event: SseEvent): void {
    if (event.type !== 'case.updated') return;
    let data: CaseData;
    try {
      data = caseCheck(JSON.parse(event.data));
    } catch {
      // A broken event: read the case instead.
      void this.fetchCase('quiet').catch(() => undefined);
      return;
    }
    if (data.id === this.access?.caseId) this.apply(data);
  }

  private apply(data: CaseData): void {
    const previous = this.data;
    if (previous && data.revision < previous.revision) return;
    this.data = data;
    this.error = undefined;
    if (this.view !== 'case') {
      this.view = 'case';
      this.needCaseView();
      this.realtime.lastEventId = String(data.revision);
      this.realtime.start();
      this.emit('civic-case-loaded', { statusCode: data.status.code });
      void this.updateComplete.then(() => this.titleHeading?.focus());
      return;
    }
    if (!previous || data.revision === previous.revision) return;
    const t = this.localize.t;
    this.changed = data.status.code !== previous.status.code || data.status.label !== previous.status.label;
    this.announcer.announce(this.changed ? t('changed', { label: data.status.label }) : t('updated'));
    this.emit('civic-case-updated', { statusCode: data.status.code });
  }

  /** Back to the lookup form; `expired` says why (a link or remembered token no longer works). */
  /** @internal */
  closeCase(expired = false): void {
    this.realtime.stop();
    this.load?.abort();
    this.load = undefined;
    this.busy = false;
    this.access = undefined;
    this.data = undefined;
    this.error = undefined;
    this.expired = expired;
    this.view = 'lookup';
    if (expired && this.remembered) this.forget(false);
    this.remembered = false;
    void this.updateComplete.then(() => this.formHeading?.focus());
  }

  /** @internal */
  toggleRemember(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    if (on && this.access) this.remembered = writeRemembered(this.access);
    else this.forget(false);
  }

  /** @internal */
  forget(announce = true): void {
    writeRemembered(undefined);
    this.remembered = false;
    if (announce) this.announcer.announce(this.localize.t('forgotten'));
  }

  // ------------------------------------------------------------------ render

  override render(): TemplateResult {
    const body =
      this.view === 'lookup'
        ? this.renderLookup()
        : this.view === 'loading'
          ? html`<p part="loading" class="loading" role="status">${this.localize.t('loadingCase')}</p>`
          : this.view === 'failed'
            ? this.renderFailed()
            : this.renderCase(this.data!);
    return html`<div part="base" class="base" lang=${this.localize.lang} dir=${this.localize.dir}>
      ${body}${this.announcer.render()}
    </div>`;
  }

  private renderError(e: unknown, message: string, retry: () => void): TemplateResult {
    return html`<div part="error" class="error" role="alert">
        <p>${message}</p>
        ${this.canRetry(e)
          ? html`<button part="button" type="button" class="secondary" @click=${retry}>${this.localize.t('retry')}</button>`
          : nothing}
      </div>
      ${this.showFallback(e) ? html`<div class="fallback"><slot></slot></div>` : nothing}`;
  }

  private renderField(id: 'reference' | 'factor', label: string, hint: string, value: string, extra: Partial<{ autocomplete: string }>) {
    const error = this.invalid[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="hint" id=${`${id}-hint`}>${hint}</span>
      ${error ? html`<span part="error" class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
      <input
        part="input"
        id=${id}
        name=${id}
        type="text"
        spellcheck="false"
        autocapitalize=${id === 'reference' || this.secondFactor === 'passcode' ? 'characters' : 'off'}
        autocomplete=${extra.autocomplete ?? 'on'}
        aria-describedby=${error ? `${id}-error ${id}-hint` : `${id}-hint`}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${value}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (id === 'reference') this.reference = v;
          else this.factor = v;
        }}
      />
    </div>`;
  }

  /** The case's article and heading; the overview below comes from the lazily loaded CaseView. */
  private renderCase(d: CaseData): TemplateResult {
    const t = this.localize.t;
    const view = this.caseView;
    return html`<article part="case" class="case" aria-labelledby="title" aria-busy=${view ? 'false' : 'true'}>
      <h2 id="title" tabindex="-1">${d.title}</h2>
      ${view
        ? view.render(d)
        : this.caseViewFailed
          ? // A chunk that does not arrive is a connection problem for the citizen.
            this.renderError({ code: 'network' }, errorMessage(t, { code: 'network' }), () => {
              this.caseViewFailed = false;
              this.needCaseView();
            })
          : html`<p part="loading" class="loading" role="status">${t('loadingCase')}</p>`}
    </article>`;
  }

  private renderLookup(): TemplateResult {
    const t = this.localize.t;
    const passcode = this.secondFactor === 'passcode';
    const e = this.error;
    // The overview's code comes while the citizen types (the form needs none of it).
    return html`<form
      part="form"
      class="lookup"
      novalidate
      aria-labelledby="heading"
      @submit=${this.submit}
      @focusin=${() => this.needCaseView()}
    >
      <h2 id="heading" tabindex="-1">${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.expired ? html`<p part="error" class="error" role="alert">${t('linkExpired')}</p>` : nothing}
      ${this.renderField('reference', t('reference'), t('referenceHint'), this.reference, {})}
      ${this.renderField(
        'factor',
        t(passcode ? 'passcode' : 'birthdate'),
        t(passcode ? 'passcodeHint' : 'birthdateHint'),
        this.factor,
        passcode ? { autocomplete: 'one-time-code' } : { autocomplete: 'bday' },
      )}
      ${e ? this.renderError(e, this.lookupMessage(e), () => void this.submit()) : nothing}
      <button part="button" type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy ? t('searching') : t('submit')}
      </button>
    </form>`;
  }

  private renderFailed(): TemplateResult {
    const t = this.localize.t;
    return html`<section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${t('heading')}</h2>
      ${this.renderError(this.error, errorMessage(t, this.error), () => {
        this.view = 'loading';
        void this.fetchCase('initial').catch(() => undefined);
      })}
      <button part="button" type="button" class="secondary" @click=${() => this.closeCase()}>${t('another')}</button>
    </section>`;
  }

}
