import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the keyboard focus in the widget after "try again" on a view whose code did not load: the
 * button is gone (the area re-renders while the code loads, and again when it is there), so after
 * each render the focus goes to the first heading of `ids` the widget shows, until `settled()`.
 * It moves only when it was lost or is still where this put it, never away from where the citizen
 * moved it.
 */
export class RetryFocusController implements ReactiveController {
  private active = false;
  private ours: Element | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly ids: readonly string[],
    private readonly settled: () => boolean,
  ) {
    host.addController(this);
  }

  /** The citizen pressed "try again". */
  start(): void {
    this.active = true;
  }

  hostUpdated(): void {
    if (!this.active) return;
    const root = this.host.shadowRoot;
    const active = root?.activeElement;
    const lost = !active && (!document.activeElement || document.activeElement === document.body);
    if (root && (lost || (this.ours && active === this.ours))) {
      const heading = this.ids.map((id) => root.getElementById(id)).find((h) => h);
      heading?.focus();
      this.ours = heading ?? this.ours;
    }
    if (this.settled()) {
      this.active = false;
      this.ours = undefined;
    }
  }
}
