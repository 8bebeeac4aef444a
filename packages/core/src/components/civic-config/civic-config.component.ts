import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { configContext, type CivicConfig, type Theme } from '../../config/config-context.js';
import { ensureTokens } from '../../styles/tokens.js';

/**
 * @summary Provides `api-base`, `lang`, `ags` and `theme` to every Civic Elements widget inside it.
 *
 * A widget's own attribute always wins over the value provided here.
 *
 * @slot - The widgets (and any other page content) to configure.
 */
export class CivicConfigElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the back end that implements the Civic Elements REST contract. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** Language for every widget inside (BCP 47, e.g. `de`, `en`, `de-x-ls`). */
  @property({ reflect: true }) override lang = '';

  /** Amtlicher Gemeindeschlüssel of the town, sent as `X-Civic-AGS`. */
  @property({ reflect: true }) ags?: string;

  /** Colour scheme: `light` (default), `dark`, or `auto` to follow the visitor's system. */
  @property({ reflect: true }) theme: Theme = 'light';

  @provide({ context: configContext })
  protected provided: CivicConfig = {};

  override connectedCallback(): void {
    super.connectedCallback();
    ensureTokens();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('lang') || changed.has('ags') || changed.has('theme')) {
      this.provided = {
        apiBase: this.apiBase || undefined,
        lang: this.lang || undefined,
        ags: this.ags || undefined,
        theme: this.theme,
      };
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
