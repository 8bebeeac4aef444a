import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { configContext, type CivicConfig } from '../config/config-context.js';
import { ensureTokens } from '../styles/tokens.js';
import { LocalizeController } from '../localize/localize-controller.js';
import type { StringOverrides } from '../localize/overrides.js';

/** Detail types of every documented event, keyed by event name. Widgets extend this map. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CivicEventMap {}

type EventName = keyof CivicEventMap & string;
type EmitArgs<K extends string> = K extends EventName
  ? CivicEventMap[K] extends undefined | void
    ? [detail?: CivicEventMap[K], options?: EventInit]
    : [detail: CivicEventMap[K], options?: EventInit]
  : [detail?: unknown, options?: EventInit];

/**
 * Base class of every Civic Elements component.
 *
 * - `emit()` fires typed, bubbling, composed events.
 * - `api-base`, `lang` and `ags` may be set on the element itself; otherwise they come from the
 *   closest `<civic-config>` (the element's own attribute wins).
 * - `localize` resolves the language (own `lang` → closest `[lang]` → `<html lang>` → `de`),
 *   follows live changes and applies per-instance string overrides (`strings` property or a
 *   `<script type="application/json" slot="strings">` child).
 */
export class CivicElement extends LitElement {
  /** The widget's string namespace (see `registerStrings`); keys missing there come from `core`. */
  static localizeNamespace?: string;

  /** Per-instance overrides of any citizen-visible string: `{ "key": "text" }` or per language. */
  @property({ attribute: false }) strings?: StringOverrides;

  /** Language, text direction, translations and `Intl` formatting for this element. */
  protected readonly localize = new LocalizeController(this, {
    ns: (this.constructor as typeof CivicElement).localizeNamespace,
    onLangChange: (lang) => this.languageChanged(lang),
  });

  /** Base URL of the back end that implements the Civic Elements REST contract. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Amtlicher Gemeindeschlüssel: names the town on multi-town back ends. */
  @property() ags?: string;

  /** Configuration provided by the closest `<civic-config>`, if any. */
  @consume({ context: configContext, subscribe: true })
  protected providedConfig?: CivicConfig;

  override connectedCallback(): void {
    super.connectedCallback();
    ensureTokens();
  }

  /** The effective configuration: the element's own attributes win over the provider's. */
  get config(): CivicConfig {
    const provided = this.providedConfig ?? {};
    return {
      ...provided,
      apiBase: this.apiBase ?? provided.apiBase,
      ags: this.ags ?? provided.ags,
      lang: this.localize.requestLang,
    };
  }

  /**
   * Called when the requested language changed while connected (at once, while a lazily loaded
   * language's texts may still be on their way). Widgets override it to refetch server texts
   * with the new `Accept-Language` (`config.lang`); the element re-renders either way.
   */
  protected languageChanged(_lang: string): void {}

  /** Fires a bubbling, composed, cancelable-if-asked event and returns it. */
  emit<K extends string>(name: K, ...[detail, options]: EmitArgs<K>): CustomEvent {
    const event = new CustomEvent(name, {
      bubbles: true,
      composed: true,
      cancelable: false,
      ...options,
      detail,
    });
    this.dispatchEvent(event);
    return event;
  }
}
