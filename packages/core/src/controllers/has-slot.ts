import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Pass this name for the default (unnamed) slot. */
export const DEFAULT_SLOT = '[default]';

/**
 * Knows whether the host's light DOM has content for a named slot or the default slot, and
 * re-renders the host when that may have changed (`slotchange`). The widget must always render the
 * slots it watches (hide their wrapper instead of leaving the slot out), or no `slotchange` fires.
 *
 * For the default slot, whitespace, comments, `<script>` elements (such as a strings override) and
 * elements with a `slot` attribute do not count.
 *
 * @example
 * ```ts
 * private hasSlot = new HasSlotController(this, DEFAULT_SLOT, 'footer');
 * render() {
 *   return html`<footer ?hidden=${!this.hasSlot.test('footer')}><slot name="footer"></slot></footer>`;
 * }
 * ```
 */
export class HasSlotController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly slotNames: string[];

  constructor(host: ReactiveControllerHost & HTMLElement, ...slotNames: string[]) {
    this.host = host;
    this.slotNames = slotNames;
    host.addController(this);
  }

  /** True when the host has content for `slotName` (`DEFAULT_SLOT` for the default slot). */
  test(slotName: string): boolean {
    const nodes = [...this.host.childNodes];
    if (slotName !== DEFAULT_SLOT) {
      return nodes.some((n) => n.nodeType === Node.ELEMENT_NODE && (n as Element).getAttribute('slot') === slotName);
    }
    return nodes.some((n) =>
      n.nodeType === Node.TEXT_NODE
        ? n.textContent!.trim() !== ''
        : n.nodeType === Node.ELEMENT_NODE && !(n as Element).hasAttribute('slot') && (n as Element).localName !== 'script',
    );
  }

  hostConnected(): void {
    this.host.shadowRoot?.addEventListener('slotchange', this.onSlotChange);
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('slotchange', this.onSlotChange);
  }

  private readonly onSlotChange = (event: Event): void => {
    const name = (event.target as HTMLSlotElement).name || DEFAULT_SLOT;
    if (this.slotNames.includes(name)) this.host.requestUpdate();
  };
}
