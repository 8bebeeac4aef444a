import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface AnnounceOptions {
  /** Interrupts the screen reader (errors, a call to the desk). Default: polite. */
  assertive?: boolean;
}

export interface AnnouncerOptions {
  /** Runs a callback in the next frame; tests inject their own. Default: `requestAnimationFrame`. */
  nextFrame?: (callback: () => void) => void;
}

type Politeness = 'polite' | 'assertive';
type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot?: ParentNode };

/**
 * Screen-reader announcements through a polite and an assertive live region.
 *
 * The regions live in the widget's own shadow root (rendered once with {@link render}), inside the
 * root element that carries `lang`, so announcements are spoken in the widget's language and no
 * markup is added to the host page. They are in the DOM from the first render on: a live region
 * that appears together with its text is often not announced.
 *
 * `announce()` clears the region and writes the text in the next frame, so the same text twice in a
 * row ("Noch 3 Personen vor Ihnen") is announced twice. Several calls within one frame: the last wins.
 * The regions use the `visually-hidden` class of `baseStyles`.
 *
 * @example
 * ```ts
 * private announcer = new AnnouncerController(this);
 * render() {
 *   return html`<div part="base" lang=${this.localize.lang}>… ${this.announcer.render()}</div>`;
 * }
 * // later
 * this.announcer.announce(this.localize.t('called', { desk: 4 }), { assertive: true });
 * ```
 */
export class AnnouncerController implements ReactiveController {
  private readonly host: Host;
  private readonly nextFrame: (callback: () => void) => void;
  private readonly latest: Record<Politeness, number> = { polite: 0, assertive: 0 };
  private warned = false;

  constructor(host: Host, options: AnnouncerOptions = {}) {
    this.host = host;
    this.nextFrame = options.nextFrame ?? ((callback) => requestAnimationFrame(() => callback()));
    host.addController(this);
  }

  hostConnected(): void {}

  /** The two live regions; render them once, inside the widget's root element. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" aria-live="polite" aria-atomic="true" data-civic-live="polite"></div>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-civic-live="assertive"></div>`;
  }

  /** Announces `text` (plain text, never HTML). */
  announce(text: string, options: AnnounceOptions = {}): void {
    const politeness: Politeness = options.assertive ? 'assertive' : 'polite';
    const token = ++this.latest[politeness];
    const run = (waitForRender: boolean): void => {
      if (token !== this.latest[politeness]) return;
      const root = this.host.renderRoot ?? this.host.shadowRoot ?? this.host;
      const region = root.querySelector(`[data-civic-live="${politeness}"]`);
      if (!region) {
        if (waitForRender) void this.host.updateComplete.then(() => run(false));
        else if (!this.warned) {
          this.warned = true;
          console.warn(`[civic-elements] <${this.host.localName}> announces without rendering announcer.render().`);
        }
        return;
      }
      region.textContent = '';
      this.nextFrame(() => {
        if (token === this.latest[politeness]) region.textContent = text;
      });
    };
    run(true);
  }
}
